/**
 * "Avstem nå": reads the planning workbook as every host reads it, reconciles it as of today (or
 * the latest line's date, `spendingAsOf`, as the task pane and the command line write Avstemming)
 * and rewrites the Avstemming table. One read and one write, each one Excel.run.
 */
import { formatDate, type IsoDate } from '../../engine/index.js';
import { t } from '../../engine/messages/ui.js';
import { avstemmingTable } from '../../engine/workbook/index.js';
import type { TableData } from '../../engine/workbook/port/port.js';
import { WorkbookError } from '../excel/faults.js';
import { logError } from '../excel/office-helpers.js';
import { faultOfProblems } from '../functions/function-errors.js';
import type { TablesReader } from '../functions/inputs-source.js';
import { FUNCTION_TABLES, inputsFromTables } from '../functions/workbook-inputs.js';

/** What the command needs: a way to read tables and to write them. */
export interface ReconcileDeps {
  readonly readTables: TablesReader;
  readonly writeTables: (tables: readonly TableData[]) => Promise<void>;
  readonly today: () => IsoDate;
}

/** How the command went, in words for the user. */
export type CommandResult =
  { readonly ok: true; readonly rows: number; readonly message: string } | { readonly ok: false; readonly message: string };

/** Reconciles and rewrites Avstemming; never throws (the ribbon has nowhere to show an exception). */
export async function reconcileNow(deps: ReconcileDeps): Promise<CommandResult> {
  try {
    const reading = inputsFromTables(await deps.readTables(FUNCTION_TABLES), deps.today());
    if (!reading.ok) return { ok: false, message: faultOfProblems(reading.problems).message };
    const { plan, reconciliation } = reading.inputs;
    const table = avstemmingTable(plan, reconciliation, 'nb');
    await deps.writeTables([table]);
    const asOf = formatDate(reconciliation.asOf);
    return { ok: true, rows: table.rows.length, message: t('nb', 'reconcileNowDone', { asOf, rows: table.rows.length }) };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    logError('reconcileNow', error);
    return { ok: false, message: t('nb', 'reconcileNowFailed') };
  }
}
