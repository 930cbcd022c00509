/**
 * "Avstem nå": reads the plan and the ledger from the workbook, reconciles them as of today and
 * rewrites the Avstemming table. One read and one write, each one Excel.run.
 */
import type { IsoDate } from '../../engine/index.js';
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
    const asOf = deps.today();
    const reading = inputsFromTables(await deps.readTables(FUNCTION_TABLES), asOf);
    if (!reading.ok) return { ok: false, message: faultOfProblems(reading.problems).message };
    const { plan, reconciliation } = reading.inputs;
    const table = avstemmingTable(plan, reconciliation, 'nb');
    await deps.writeTables([table]);
    return {
      ok: true,
      rows: table.rows.length,
      message: `Avstemmingen er oppdatert per ${asOf}: ${table.rows.length} rammer.`,
    };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    logError('reconcileNow', error);
    return {
      ok: false,
      message: 'Avstemmingen kunne ikke oppdateres på grunn av en uventet feil. Prøv igjen fra IA Planner-ruten.',
    };
  }
}
