/**
 * What the custom functions compute from: the planning workbook read by the engine's one reading
 * (`readPlanningTables`, as the command line and the task pane read it), reconciled as of a date.
 * Every problem in those tables is kept, so a function answers with an error that names the cell
 * instead of a wrong number — a closed year's changed `Forbruk` row included.
 */
import {
  PLANNING_TABLES,
  readPlanningTables,
  reconcileState,
  spendingAsOf,
  type IsoDate,
  type Plan,
  type Problem,
  type Reconciliation,
} from '../../engine/index.js';
import type { TableRead } from '../../engine/workbook/port/port.js';

/** The tables the functions read: the planning workbook's. */
export const FUNCTION_TABLES = PLANNING_TABLES;

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

/** Reads the planning state from the tables and reconciles it as of `asOf` (today), or later when a line is dated later. */
export function inputsFromTables(tables: ReadonlyMap<string, TableRead | null>, asOf: IsoDate): InputsReading {
  const byName = new Map([...tables].map(([name, table]) => [name.toLowerCase(), table] as const));
  const reading = readPlanningTables((name) => byName.get(name.toLowerCase()) ?? null, WORKBOOK);
  // The planning workbook may lack Forbruk (no ledger yet); the functions need it to say what is spent.
  if (!byName.get('forbruk')) {
    const problem: Problem = {
      code: 'missing_table',
      file: WORKBOOK,
      sheet: 'Forbruk',
      line: null,
      column: null,
      value: null,
      expected: 'tabellen Forbruk i arket Forbruk',
      message: 'Arbeidsboken mangler tabellen Forbruk. Skriv arbeidsboken på nytt fra IA Planner.',
    };
    return { ok: false, problems: [...reading.problems, problem] };
  }
  if (!reading.state) return { ok: false, problems: reading.problems };
  // Every line of Forbruk counts, as Avstemming's formulas count it: today, or the latest line's date.
  const at = spendingAsOf(asOf, reading.state.lines);
  return { ok: true, inputs: { plan: reading.state.plan, reconciliation: reconcileState(reading.state, at) } };
}
