/**
 * Reading mapping rules (CONTRACTS §8) from a table with the `Konteringsregler` columns: the
 * workbook's table (sheet `Poster`) and `--rules FILE.csv` are one reader, so a rule means the
 * same wherever it was written. A table whose shares cannot add up is refused, naming the rows.
 */
import { parseYear } from '../../calendar.js';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import { findInstrument, INSTRUMENTS } from '../../plan/instruments.js';
import { parseRuleShare, shareFaults, type MappingRule } from '../../plan/rules.js';
import { decodeText, mixedUtf8Problems } from '../../ledger/decode.js';
import { readCsv } from '../../ledger/csv.js';
import type { CellValue, TableRead } from '../port/port.js';
import { isEmptyRow, missingColumns, RowReader } from './read-plan-table.js';

/** The table's name and sheet in the planning workbook. */
export const RULES_TABLE = 'Konteringsregler';

/** The rules of a table, or the problems that refuse it. */
export type RulesReading =
  { readonly ok: true; readonly rules: readonly MappingRule[] } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Text of a cell: a number as its digits (a chapter typed as 601 or read as 601.0 is 601). */
function cellText(value: CellValue): string {
  if (value === null) return '';
  return String(value).trim();
}

/** Reads the rules of a table with the `Konteringsregler` columns. */
export function readRulesTable(read: TableRead, file: string, lang: Lang = 'nb'): RulesReading {
  const problems: Problem[] = [];
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Virkemiddel'])) return { ok: false, problems };
  const optional = ['Kapittel', 'Post', 'Konto', 'Dimensjon', 'Virksomhet', 'Fra år', 'Til år', 'Andel'];
  if (!optional.some((c) => r.has(c))) {
    return { ok: false, problems: [missingColumns(read, ['Kapittel', 'Post'], file, lang)] };
  }
  const rules: MappingRule[] = [];
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const before = problems.length;
    const text = (column: string) => (r.has(column) ? cellText(r.cell(row, column)) : '');
    const whole = (column: string): number | null => {
      const t = text(column);
      if (t === '') return null;
      if (/^\d{1,6}$/.test(t)) return Number(t);
      r.report('bad_chapter_post', line, column, t);
      return null;
    };
    const chapter = whole('Kapittel');
    const post = whole('Post');
    const accountText = text('Konto');
    let account: string | null = null;
    if (accountText !== '') {
      if (/^[0-9A-Za-z.\-_]+\*?$/.test(accountText) && accountText !== '*') account = accountText;
      else r.report('bad_account', line, 'Konto', accountText);
    }
    const dimensionText = text('Dimensjon');
    let dimension: MappingRule['dimension'] = null;
    if (dimensionText !== '') {
      const at = dimensionText.indexOf('=');
      const type = at < 0 ? '' : dimensionText.slice(0, at).trim();
      const id = at < 0 ? '' : dimensionText.slice(at + 1).trim();
      if (type === '' || id === '' || id.includes('=') || id.includes(';'))
        r.report('bad_dimension', line, 'Dimensjon', dimensionText);
      else dimension = { type, id };
    }
    const organisationText = text('Virksomhet');
    let organisation: string | null = null;
    if (organisationText !== '') {
      const digits = organisationText.replace(/\s/g, '');
      if (/^\d{9}$/.test(digits)) organisation = digits;
      else r.report('bad_organisation', line, 'Virksomhet', organisationText);
    }
    const year = (column: string): number | null => {
      const t = text(column);
      if (t === '') return null;
      const reading = parseYear(t);
      if (!reading.ok) {
        r.report(reading.fault, line, column, t);
        return null;
      }
      return reading.year;
    };
    const fromYear = year('Fra år');
    const toYear = year('Til år');
    if (fromYear !== null && toYear !== null && fromYear > toYear) r.report('rule_years', line, 'Til år', String(toYear));
    const idText = text('Virkemiddel');
    const instrument = idText === '' ? undefined : findInstrument(idText, INSTRUMENTS);
    if (idText === '') r.report('missing_value', line, 'Virkemiddel', null);
    else if (!instrument) r.report('unknown_instrument', line, 'Virkemiddel', idText);
    const shareCell = r.has('Andel') ? r.cell(row, 'Andel') : null;
    const share = parseRuleShare(cellText(shareCell));
    if (share === null) r.report('bad_rule_share', line, 'Andel', cellText(shareCell));
    if (problems.length > before || !instrument || share === null) return;
    rules.push({
      row: line,
      chapter,
      post,
      account,
      dimension,
      organisation,
      fromYear,
      toYear,
      instrument: instrument.id,
      share,
    });
  });
  for (const fault of shareFaults(rules)) {
    const rows = fault.rows.join(', ');
    problems.push(
      problem('rule_shares', { file, sheet: read.sheet, line: fault.rows[0]!, column: 'Andel', value: fault.sum }, lang, {
        rows,
      }),
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

/**
 * A CSV file read as a table with its header (§2's CSV rules: `;`, `,` or TAB, UTF-8 or
 * Windows-1252), each row at its own line, for the readers of the workbook's tables to read as
 * they read the sheet; or the problems that keep it from being one.
 */
export function csvAsTable(
  file: string,
  bytes: Uint8Array,
  table: string,
  lang: Lang,
): { readonly ok: true; readonly read: TableRead } | { readonly ok: false; readonly problems: Problem[] } {
  const decoded = decodeText(bytes);
  if (decoded.text === null) return { ok: false, problems: mixedUtf8Problems(file, decoded.mixed, lang) };
  const csv = readCsv(decoded.text);
  if (csv.unterminatedQuoteLine !== null) {
    return {
      ok: false,
      problems: [problem('unterminated_quote', { file, line: csv.unterminatedQuoteLine, column: null, value: null }, lang)],
    };
  }
  const [header, ...rows] = csv.rows.filter((row) => !(row.fields.length === 1 && row.fields[0]!.trim() === ''));
  if (header === undefined)
    return { ok: false, problems: [problem('empty_file', { file, line: null, column: null, value: null }, lang)] };
  // Each row keeps its own line number: the reader names `firstRow + i`, so rows are laid out by line.
  const cells: CellValue[][] = [];
  for (const row of rows) cells[row.line - header.line - 1] = row.fields;
  const dense = Array.from({ length: cells.length }, (_, i) => cells[i] ?? []);
  return { ok: true, read: { sheet: '', table, header: header.fields, rows: dense, firstRow: header.line + 1 } };
}

/** Problems of a table read from a CSV: a CSV has no sheet (the message already says «linje»), so they name file and line only. */
export function withoutSheet(problems: readonly Problem[]): Problem[] {
  return problems.map(({ sheet: _sheet, ...p }) => p);
}

/** Reads `--rules FILE.csv` (the table's columns, §2's CSV rules: `;`, `,` or TAB, UTF-8 or Windows-1252). */
export function readRulesCsv(file: string, bytes: Uint8Array, lang: Lang = 'nb'): RulesReading {
  const table = csvAsTable(file, bytes, RULES_TABLE, lang);
  if (!table.ok) return table;
  const reading = readRulesTable(table.read, file, lang);
  return reading.ok ? reading : { ok: false, problems: withoutSheet(reading.problems) };
}
