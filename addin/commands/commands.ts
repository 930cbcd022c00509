/**
 * The ribbon's commands (manifest: ExecuteFunction). In the shared runtime they run in the task
 * pane's page, so the pane hears how a command went through `onCommandResult`.
 */
import { osloDate } from '../../engine/index.js';
import { ExcelWorkbookPort } from '../excel/excel-workbook-port.js';
import { logError } from '../excel/office-helpers.js';
import { reconcileNow, type CommandResult, type ReconcileDeps } from './reconcile-now.js';

type Listener = (result: CommandResult) => void;
const listeners = new Set<Listener>();
let lastResult: CommandResult | null = null;

function tell(listener: Listener, result: CommandResult): void {
  try {
    listener(result);
  } catch (error) {
    // One broken listener must not keep the others (or the command) from going on.
    logError('onCommandResult', error);
  }
}

/**
 * Subscribes to command results (the task pane shows them); a new listener hears the last result
 * at once, so a pane the command opened still gets its message. Returns the unsubscribe function.
 */
export function onCommandResult(listener: Listener): () => void {
  listeners.add(listener);
  if (lastResult) tell(listener, lastResult);
  return () => listeners.delete(listener);
}

function publish(result: CommandResult): void {
  lastResult = result;
  for (const listener of listeners) tell(listener, result);
}

/** What "Avstem nå" needs: the workbook (see ReconcileDeps) and a way to open the task pane. */
export interface ReconcileCommandDeps extends ReconcileDeps {
  readonly showTaskpane: () => Promise<void>;
}

/**
 * "Avstem nå": reconciles and rewrites Avstemming, tells the listeners (the task pane) how it went
 * in Norwegian, and on a failure opens the pane so the message is seen. Never throws.
 */
export async function runReconcileCommand(deps: ReconcileCommandDeps): Promise<CommandResult> {
  const result = await reconcileNow(deps);
  publish(result);
  if (!result.ok) {
    try {
      await deps.showTaskpane();
    } catch (error) {
      // The message waits in `onCommandResult` for the pane the user opens next.
      logError('showAsTaskpane', error);
    }
  }
  return result;
}

async function reconcileCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const port = new ExcelWorkbookPort();
    await runReconcileCommand({
      readTables: (names) => port.readTables(names),
      writeTables: (tables) => port.writeTables(tables),
      today: () => osloDate(new Date()),
      showTaskpane: () => Office.addin.showAsTaskpane(),
    });
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
