/**
 * The task pane's entry in Excel: waits for office.js, then mounts `<ia-app>` over the office.js
 * workbook port. Outside Office (`host` null) it says so instead of failing.
 */
import { osloDate, osloStamp } from '../../engine/index.js';
import { onCommandResult } from '../commands/commands.js';
import { ExcelWorkbookPort } from '../excel/excel-workbook-port.js';
import './components/ia-app.js';
import { localSettingsStore, type RowRef, type TaskpaneHost } from './host.js';

void Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = 'IA Planner kjører i Excel. Åpne preview.html for å prøve uten Excel.';
    return;
  }
  const port = new ExcelWorkbookPort();
  const host: TaskpaneHost = {
    kind: 'excel',
    port,
    settings: localSettingsStore(globalThis.localStorage ?? null),
    showRow: (ref: RowRef) => port.selectTableRow(ref.table, ref.row),
    // The only clock readings of the task pane: Oslo time, as on the command line.
    today: () => osloDate(new Date()),
    now: () => osloStamp(new Date()),
  };
  const app = document.createElement('ia-app');
  app.host = host;
  root.replaceWith(app);
  // The ribbon's "Avstem nå" runs in this same runtime; its result is shown on the pane's one
  // message surface once the pane has rendered.
  void app.updateComplete.then(() =>
    onCommandResult((result) => (result.ok ? app.notify.success(result.message) : app.notify.error(result.message))),
  );
});
