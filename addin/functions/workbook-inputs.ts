/**
 * What the custom functions compute from: the plan in the workbook's `Rammer` and `Poster` tables
 * and the ledger in its `Forbruk` table, reconciled as of a date. Every problem in those tables is
 * kept, so a function answers with an error that names the cell instead of a wrong number.
 */
import { reconcile, type IsoDate, type Plan, type Problem, type Reconciliation } from '../../engine/index.js';
import { ledgerLinesFromTable, readPlanTables } from '../../engine/workbook/index.js';
import type { TableRead } from '../../engine/workbook/port.js';

/** The tables the functions read. */
export const FUNCTION_TABLES = ['Rammer', 'Poster', 'Forbruk'] as const;

/** The workbook's plan and its reconciliation. */
export interface FunctionInputs {
  readonly plan: Plan;
  readonly reconciliation: Reconciliation;
}

/** The inputs, or the problems that keep them from being read. */
export type InputsReading =
  { readonly ok: true; readonly inputs: FunctionInputs } | { readonly ok: false; readonly problems: Problem[] };

/** Where problems found in the workbook are said to be. */
const WORKBOOK = 'Arbeidsboken';

/** Reads the plan and the ledger from the tables and reconciles them as of `asOf`. */
export function inputsFromTables(tables: ReadonlyMap<string, TableRead | null>, asOf: IsoDate): InputsReading {
  const planReading = readPlanTables(tables.get('Rammer') ?? null, tables.get('Poster') ?? null, WORKBOOK);
  const problems = [...planReading.problems];
  const forbruk = tables.get('Forbruk') ?? null;
  if (!forbruk) {
    problems.push({
      code: 'missing_table',
      file: WORKBOOK,
      sheet: 'Forbruk',
      line: null,
      column: null,
      value: null,
      expected: 'tabellen Forbruk i arket Forbruk',
      message: 'Arbeidsboken mangler tabellen Forbruk. Skriv arbeidsboken på nytt fra IA Planner.',
    });
  }
  if (!planReading.plan || !forbruk || problems.length > 0) return { ok: false, problems };
  // The rows pass the very checks a ledger file passes, and problems name the sheet row.
  const reading = ledgerLinesFromTable(forbruk, planReading.plan, WORKBOOK);
  if (reading.problems.length > 0) return { ok: false, problems: reading.problems };
  return { ok: true, inputs: { plan: planReading.plan, reconciliation: reconcile(planReading.plan, reading.lines, asOf) } };
}
