/**
 * The ribbon's commands (manifest: ExecuteFunction). In the shared runtime they run in the task
 * pane's page, so the pane hears how a command went through `onCommandResult`.
 */
import { isoDateOf } from '../../engine/index.js';
import { ExcelWorkbookPort } from '../excel/excel-workbook-port.js';
import { reconcileNow, type CommandResult } from './reconcile-now.js';

type Listener = (result: CommandResult) => void;
const listeners = new Set<Listener>();
let lastResult: CommandResult | null = null;

/** Subscribes to command results (the task pane shows them); returns the unsubscribe function. */
export function onCommandResult(listener: Listener): () => void {
  listeners.add(listener);
  if (lastResult) listener(lastResult);
  return () => listeners.delete(listener);
}

function publish(result: CommandResult): void {
  lastResult = result;
  for (const listener of listeners) listener(result);
}

/** "Avstem nå": reconciles and rewrites Avstemming; on a problem, opens the pane to say so. */
async function reconcileCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const port = new ExcelWorkbookPort();
    const result = await reconcileNow({
      readTables: (names) => port.readTables(names),
      writeTables: (tables) => port.writeTables(tables),
      today: () => isoDateOf(new Date()),
    });
    publish(result);
    if (!result.ok) await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

/** "Åpne IA Planner" as a function (the manifest's button uses ShowTaskpane; this serves keyboard shortcuts). */
async function showTaskpaneCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('reconcileNow', reconcileCommand);
    Office.actions.associate('showTaskpane', showTaskpaneCommand);
  });
}
