/**
 * What the custom functions compute from: the plan in the workbook's `Rammer` and `Poster` tables
 * and the ledger in its `Forbruk` table, reconciled as of a date. Every problem in those tables is
 * kept, so a function answers with an error that names the cell instead of a wrong number.
 */
import { Ledger, csvField, reconcile, type IsoDate, type Plan, type Problem, type Reconciliation } from '../../engine/index.js';
import { readPlanTables } from '../../engine/workbook/index.js';
import type { CellValue, TableRead } from '../../engine/workbook/port.js';

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

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * The Forbruk rows as ledger text, so they pass the very checks a ledger file passes (amounts with
 * at most two decimals, known instruments, years 2019–2028). Excel gives amounts as numbers; their
 * shortest decimal form is what the user typed (a float artefact such as 0.30000000000000004 is
 * refused as too many decimals, never rounded).
 * LIMITATION: the problems name the ledger line, which equals the sheet row only while the table
 * starts in A1 (the layout's place); a reader of TableRead rows in the engine would lift this.
 */
function forbrukAsText(forbruk: TableRead): string {
  const lines = [forbruk.header, ...forbruk.rows].map((row) => row.map((cell) => csvField(cellText(cell), ';')).join(';'));
  return lines.join('\n');
}

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
  const ledger = new Ledger(planReading.plan);
  if (forbruk.rows.length > 0) {
    const report = ledger.addText('Forbruk', forbrukAsText(forbruk));
    if (report.problems.length > 0) return { ok: false, problems: report.problems };
  }
  return { ok: true, inputs: { plan: planReading.plan, reconciliation: reconcile(planReading.plan, ledger.lines, asOf) } };
}
