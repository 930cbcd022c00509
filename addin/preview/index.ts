/** The browser preview's entry: the task pane over an in-memory workbook. */
const root = document.getElementById('app');
if (root) root.textContent = 'IA Planner – forhåndsvisning';
export {};
