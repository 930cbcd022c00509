/**
 * Ledger lines from the workbook's `Forbruk` table, by the very rules that read a ledger file
 * (`LineReader`): each row becomes a line, or problems that name the sheet, the row, the column and
 * the value. Cells are turned into the text a file would hold first: a date serial (as office.js
 * reads a date cell) into an ISO date, a number into its exact decimal text.
 */
import { Dec } from '../../money.js';
import { duplicateColumnProblems, LEDGER_COLUMNS, mapHeader } from '../../ledger/columns.js';
import { LinePlacer } from '../../ledger/placement.js';
import type { LedgerLine } from '../../ledger/line.js';
import { LineReader, missingLedgerColumns } from '../../ledger/line-reader.js';
import type { Plan } from '../../plan/plan.js';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import { isoDateOfSerial } from '../port/cells.js';
import type { CellValue, TableRead } from '../port/port.js';
import { isEmptyRow, missingColumns } from './read-plan-table.js';

/** What reading `Forbruk` gave: the valid lines (sheet rows as line numbers) and every problem. */
export interface ForbrukReading {
  readonly lines: LedgerLine[];
  readonly problems: Problem[];
}

/** A cell as a ledger file would write it; a number in the date column is an Excel date serial. */
function fieldOf(value: CellValue, isDate: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // A whole serial from 1 to 2958465 (31.12.9999) is a date in a date column; anything else is kept as written.
    if (isDate && Number.isInteger(value) && value > 0 && value < 2958466) return isoDateOfSerial(value);
    // A number cell has one reading: its shortest exact decimal, never in exponent form (1e-5 is
    // 0,00001: five decimals, refused as such), written with a decimal comma so that `12.345` is
    // three decimals, not twelve thousand.
    return Number.isFinite(value) ? new Dec(value).toFixed().replace('.', ',') : String(value);
  }
  return String(value);
}

/** Reads the rows of a `Forbruk` table into ledger lines (empty rows are skipped). */
export function ledgerLinesFromTable(read: TableRead, plan: Plan, file: string, lang: Lang = 'nb'): ForbrukReading {
  const header = mapHeader(read.header.map(String), LEDGER_COLUMNS);
  const problems: Problem[] = [];
  const missing = missingLedgerColumns(header);
  if (missing.length > 0) {
    problems.push(missingColumns(read, missing, file, lang));
    return { lines: [], problems };
  }
  const twice = duplicateColumnProblems(file, header, lang, read.sheet, read.firstRow - 1);
  if (twice.length > 0) return { lines: [], problems: twice };
  const reader = new LineReader(plan, file, header, lang, read.sheet, true);
  const placer = new LinePlacer(plan);
  const dateColumn = header.index.dato;
  const lines: LedgerLine[] = [];
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const fields = row.map((value, c) => fieldOf(value, c === dateColumn));
    const line = reader.read(fields, read.firstRow + i, problems);
    if (!line) return;
    if (line.instrument !== null) {
      lines.push(line);
      return;
    }
    // A row with a budget post and no instrument: placed by the plan's rules (CONTRACTS §8), which
    // may split it (its shares now set) or keep it unallocated; a post no rule names is an error.
    const where = {
      file,
      sheet: read.sheet,
      column: header.label.post ?? 'Post',
      value: `${line.chapter}.${String(line.post).padStart(2, '0')}`,
    };
    const placed = placer.place(line, where, lang);
    if (placed.kind === 'lines') for (const part of placed.lines) lines.push(part);
    else if (placed.kind === 'problem') problems.push(placed.problem);
    else problems.push(problem('unmapped_post', { ...where, line: line.line }, lang));
  });
  return { lines, problems };
}

/** The lines of a workbook's `Forbruk` table; a workbook without the table has none. */
export function readForbrukLines(read: TableRead | null, plan: Plan, file: string, lang: Lang = 'nb'): ForbrukReading {
  return read ? ledgerLinesFromTable(read, plan, file, lang) : { lines: [], problems: [] };
}
