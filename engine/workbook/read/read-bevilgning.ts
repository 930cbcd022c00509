/**
 * Reading the workbook's `Bevilgning` table (CONTRACTS §9) back into appropriations: what the
 * planner wrote from DFØ's history (`Saldert`, `Endringer`, `Overført inn` per chapter, post and
 * year), or what a user typed there since. The other columns (`Bevilget`, `Brukt`, `Rammer`,
 * `Gjenstår`) are the planner's own output and are not read. A row with none of the three amounts
 * is a post that only has spending that year (no appropriation: never taken as 0); a row with some
 * but not all of them is refused, naming the empty cell, since the sum would be a guess.
 */
import { amountFitsCell } from '../../excel-limits.js';
import { parseAmountMilli, type Milli } from '../../money.js';
import { problemDetail, type Lang, type Problem } from '../../messages/problems.js';
import { postSpentKey } from '../../reconcile/reconcile.js';
import { parseTransferRule, type Appropriation } from '../../reconcile/appropriations.js';
import type { CellValue, TableRead } from '../port/port.js';
import { isEmptyRow, RowReader } from './read-plan-table.js';

/** The table's name and sheet in the planning workbook. */
export const BEVILGNING_TABLE = 'Bevilgning';

/** The appropriations of a `Bevilgning` table by `chapter.post:year`, or the problems that refuse it. */
export interface BevilgningReading {
  readonly appropriations: ReadonlyMap<string, Appropriation>;
  readonly problems: readonly Problem[];
}

const AMOUNTS = ['Saldert', 'Endringer', 'Overført inn'] as const;

/** A whole number of digits (a chapter or post), as a cell holds it: 2650, 2650.0 or '2650'. */
function wholeOf(value: CellValue, digits: number): number | null {
  const text = value === null ? '' : String(value).trim();
  return new RegExp(`^\\d{1,${digits}}$`).test(text) ? Number(text) : null;
}

/**
 * A row's `Kapittel` (up to four digits) and `Post` (up to two), each reported as missing or
 * invalid where it is not one: the same reading for every table keyed by chapter and post.
 */
export function chapterAndPost(
  r: RowReader,
  row: readonly CellValue[],
  line: number,
): { readonly chapter: number | null; readonly post: number | null } {
  const chapter = wholeOf(r.cell(row, 'Kapittel'), 4);
  if (chapter === null)
    r.report(r.text(row, 'Kapittel') === '' ? 'missing_value' : 'bad_chapter_post', line, 'Kapittel', r.cell(row, 'Kapittel'));
  const post = wholeOf(r.cell(row, 'Post'), 2);
  if (post === null)
    r.report(r.text(row, 'Post') === '' ? 'missing_value' : 'bad_chapter_post', line, 'Post', r.cell(row, 'Post'));
  return { chapter, post };
}

/** An amount cell in thousandths: a number of at most three decimals, or a text as §2 reads it. */
export function milliOf(value: CellValue): { ok: true; milli: Milli } | { ok: false; fault: 'bad_amount' | 'too_many_decimals' } {
  if (typeof value === 'number') {
    const text = String(value);
    const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(text);
    if (!match) return { ok: false, fault: /^-?\d+\.\d{4,}$/.test(text) ? 'too_many_decimals' : 'bad_amount' };
    const milli = BigInt(match[2]! + (match[3] ?? '').padEnd(3, '0'));
    return { ok: true, milli: match[1] === '-' ? -milli : milli };
  }
  const reading = parseAmountMilli(String(value).trim(), true);
  if (reading.ok) return reading;
  return { ok: false, fault: reading.fault === 'too_many_decimals' ? 'too_many_decimals' : 'bad_amount' };
}

/** Reads a `Bevilgning` table; none (null) is no appropriations at all. */
export function readBevilgningTable(read: TableRead | null, file: string, lang: Lang = 'nb'): BevilgningReading {
  const appropriations = new Map<string, Appropriation>();
  if (read === null) return { appropriations, problems: [] };
  const problems: Problem[] = [];
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Kapittel', 'Post', 'År', ...AMOUNTS])) return { appropriations: new Map(), problems };
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const before = problems.length;
    const { chapter, post } = chapterAndPost(r, row, line);
    const year = r.year(row, 'År', line);
    const amounts: (Milli | null)[] = AMOUNTS.map((column) => {
      const value = r.cell(row, column);
      if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
      if (typeof value === 'boolean') {
        r.report('bad_amount', line, column, value);
        return null;
      }
      const reading = milliOf(value);
      if (!reading.ok) r.report(reading.fault, line, column, value);
      else if (!amountFitsCell(reading.milli)) r.report('amount_too_large', line, column, value);
      else return reading.milli;
      return null;
    });
    if (problems.length > before || chapter === null || post === null || year === null) return;
    if (amounts.every((a) => a === null)) return;
    const empty = AMOUNTS.find((_, k) => amounts[k] === null);
    if (empty !== undefined) {
      r.report('missing_value', line, empty, null);
      return;
    }
    const key = postSpentKey(chapter, post, year);
    if (appropriations.has(key)) {
      r.report('duplicate_post_year', line, 'År', `${chapter}.${String(post).padStart(2, '0')} ${year}`);
      return;
    }
    const ruleText = r.has('Overføring') ? r.text(row, 'Overføring') : '';
    const transfer = ruleText === '' ? undefined : parseTransferRule(ruleText);
    if (transfer === null) {
      r.report('bad_value', line, 'Overføring', ruleText, undefined, problemDetail('transferRule', lang));
      return;
    }
    const [enacted, changes, carriedIn] = amounts as Milli[];
    appropriations.set(key, {
      chapter,
      post,
      year,
      enacted: enacted!,
      changes: changes!,
      carriedIn: carriedIn!,
      rows: 1,
      ...(transfer === undefined ? {} : { transfer }),
    });
  });
  return { appropriations: problems.length > 0 ? new Map() : appropriations, problems };
}
