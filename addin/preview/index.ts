/**
 * The browser preview's entry: no office.js, no network. Starts the in-memory workbook with the
 * embedded plan, then shows the task pane beside the sheets.
 */
import './components/ia-preview.js';

const preview = document.createElement('ia-preview');
await preview.start();
document.getElementById('app')?.replaceWith(preview);
