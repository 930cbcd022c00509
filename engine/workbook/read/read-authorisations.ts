/**
 * Reading commitment authorisations (tilsagnsfullmakter, issue 12): per chapter, post and budget
 * year, the amount Stortinget authorised the ministry to commit beyond the year. The workbook's
 * `Tilsagnsfullmakter` table and `--authorisations FILE.csv` have the same columns (`Kapittel`,
 * `Post`, `År`, `Fullmakt`) and are read by this one reader. A post and year twice is refused
 * (which one holds cannot be known); an empty amount is refused, never taken as 0.
 */
import { amountFitsCell } from '../../excel-limits.js';
import type { Lang, Problem } from '../../messages/problems.js';
import type { Authorisation } from '../../reconcile/commitments.js';
import type { TableRead } from '../port/port.js';
import { chapterAndPost, milliOf } from './read-bevilgning.js';
import { isEmptyRow, RowReader } from './read-plan-table.js';
import { csvAsTable, withoutSheet } from './read-rules.js';

/** The table's name in the planning workbook. */
export const AUTHORISATIONS_TABLE = 'Tilsagnsfullmakter';

export interface AuthorisationsReading {
  readonly authorisations: readonly Authorisation[];
  readonly problems: readonly Problem[];
}

/** Reads a table with the `Tilsagnsfullmakter` columns. */
export function readAuthorisationsTable(read: TableRead, file: string, lang: Lang = 'nb'): AuthorisationsReading {
  const problems: Problem[] = [];
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Kapittel', 'Post', 'År', 'Fullmakt'])) return { authorisations: [], problems };
  const authorisations: Authorisation[] = [];
  const seen = new Map<string, number>();
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const before = problems.length;
    const { chapter, post } = chapterAndPost(r, row, line);
    const year = r.year(row, 'År', line);
    const value = r.cell(row, 'Fullmakt');
    let amount = null;
    if (value === null || (typeof value === 'string' && value.trim() === '')) r.report('missing_value', line, 'Fullmakt', null);
    else if (typeof value === 'boolean') r.report('bad_amount', line, 'Fullmakt', value);
    else {
      const reading = milliOf(value);
      if (!reading.ok) r.report(reading.fault, line, 'Fullmakt', value);
      else if (!amountFitsCell(reading.milli)) r.report('amount_too_large', line, 'Fullmakt', value);
      else if (reading.milli < 0n) r.report('negative_amount', line, 'Fullmakt', value);
      else amount = reading.milli;
    }
    if (problems.length > before || chapter === null || post === null || year === null || amount === null) return;
    const key = `${chapter}.${post}:${year}`;
    if (seen.has(key)) {
      r.report('duplicate_post_year', line, 'År', year);
      return;
    }
    seen.set(key, line);
    authorisations.push({ chapter, post, year, amount });
  });
  return problems.length > 0 ? { authorisations: [], problems } : { authorisations, problems };
}

/** Reads `--authorisations FILE.csv`. */
export function readAuthorisationsCsv(file: string, bytes: Uint8Array, lang: Lang = 'nb'): AuthorisationsReading {
  const table = csvAsTable(file, bytes, AUTHORISATIONS_TABLE, lang);
  if (!table.ok) return { authorisations: [], problems: table.problems };
  const reading = readAuthorisationsTable(table.read, file, lang);
  return { authorisations: reading.authorisations, problems: withoutSheet(reading.problems) };
}
