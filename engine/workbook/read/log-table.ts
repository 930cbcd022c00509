/**
 * The change log in the workbook, read strictly: every row of `Logg` must be an entry IA Planner
 * wrote (chain columns intact, `Handling` and `Detaljer` as the entry renders them), and the hash
 * chain must hold. A break is a `broken_log` problem naming the sheet row. A log written before the
 * chain columns existed (four columns only) is read as notes, so its rows are kept, never dropped.
 */
import {
  appendEntries,
  entryDetails,
  entryHandling,
  isLogAction,
  verifyChain,
  type ChangeRecord,
  type LogAction,
  type LogEntry,
} from '../../audit/log.js';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import type { LogRow } from '../write/build.js';
import { LOGG } from '../tables/layout.js';
import type { Cell, CellValue, TableData, TableRead } from '../port/port.js';

/** A host's free-text log row as a change record (a `note`: its action words in `target`, its details in `after`). */
export function changeOfLogRow(row: LogRow): ChangeRecord {
  return { at: row.time, who: row.who, action: 'note', target: row.action, before: '', after: row.details, why: '' };
}

/** Log rows as a hash-chained log, in order. */
export function logEntriesOfRows(rows: readonly LogRow[]): LogEntry[] {
  return appendEntries([], rows.map(changeOfLogRow));
}

/** What reading `Logg` gave: the entries in order, and a problem for each row that breaks the log. */
export interface LogReading {
  readonly entries: LogEntry[];
  readonly problems: Problem[];
  /** Whether the table had the four contract columns only (an older workbook), read as notes. */
  readonly legacy: boolean;
}

function textOf(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A log entry from a row's chain columns; `cell` gives a column's text by name. */
function entryOf(cell: (name: string) => string, action: LogAction, seq: number): LogEntry {
  return {
    seq,
    at: cell('Tidspunkt'),
    who: cell('Hvem'),
    action,
    target: cell('Objekt'),
    before: cell('Før'),
    after: cell('Etter'),
    why: cell('Begrunnelse'),
    prevHash: cell('Forrige hash'),
    hash: cell('Hash'),
  };
}

/**
 * Reads log entries back from the `Logg` table (by column name, so added user columns do not
 * matter); rows without the chain columns are skipped. Verify the result with `verifyChain`.
 */
export function logEntriesFromTable(read: TableRead): LogEntry[] {
  const at = (name: string) => read.header.indexOf(name);
  const entries: LogEntry[] = [];
  for (const row of read.rows) {
    const cell = (name: string) => {
      const i = at(name);
      return textOf(i < 0 ? null : row[i]);
    };
    const code = cell('Kode');
    if (!isLogAction(code)) continue;
    entries.push(entryOf(cell, code, Number(cell('Løpenummer'))));
  }
  return entries;
}

const CHAIN_COLUMNS = ['Løpenummer', 'Kode', 'Objekt', 'Før', 'Etter', 'Begrunnelse', 'Forrige hash', 'Hash'] as const;

/** Reads and checks the `Logg` table (null: no table, an empty log). */
export function readLogTable(read: TableRead | null, file: string, lang: Lang = 'nb'): LogReading {
  if (!read) return { entries: [], problems: [], legacy: false };
  const at = (name: string) => read.header.indexOf(name);
  const rows = read.rows
    .map((row, i) => ({ row, line: read.firstRow + i }))
    .filter(({ row }) => row.some((v) => textOf(v).trim() !== ''));
  if (!CHAIN_COLUMNS.every((c) => at(c) >= 0)) {
    const cell = (row: readonly CellValue[], name: string) => textOf(row[at(name)]);
    const legacy = rows.map(({ row }) => ({
      time: cell(row, 'Tidspunkt'),
      who: cell(row, 'Hvem'),
      action: cell(row, 'Handling'),
      details: cell(row, 'Detaljer'),
    }));
    return { entries: logEntriesOfRows(legacy), problems: [], legacy: true };
  }
  const problems: Problem[] = [];
  const broken = (line: number, column: string | null, value: string | null, detail: string) =>
    problems.push(problem('broken_log', { file, sheet: read.sheet, line, column, value }, lang, {}, detail));
  const entries: LogEntry[] = [];
  const lines: number[] = [];
  for (const { row, line } of rows) {
    const cell = (name: string) => textOf(row[at(name)]);
    const code = cell('Kode');
    const seq = Number(cell('Løpenummer'));
    if (!isLogAction(code) || !Number.isInteger(seq)) {
      const column = isLogAction(code) ? 'Løpenummer' : 'Kode';
      const nb = 'Raden er ikke en oppføring skrevet av IA Planner.';
      broken(line, column, cell(column), lang === 'nb' ? nb : 'The row is not an entry written by IA Planner.');
      continue;
    }
    const entry = entryOf(cell, code, seq);
    // Handling and Detaljer are not hashed; they must be what the entry shows, in either language.
    for (const [column, render] of [
      ['Handling', entryHandling],
      ['Detaljer', entryDetails],
    ] as const) {
      const shown = cell(column);
      if (at(column) >= 0 && shown !== render(entry, 'nb') && shown !== render(entry, 'en')) {
        const nb = 'Teksten er endret etter at oppføringen ble skrevet.';
        broken(line, column, shown, lang === 'nb' ? nb : 'The text was changed after the entry was written.');
      }
    }
    entries.push(entry);
    lines.push(line);
  }
  const check = verifyChain(entries, lang);
  if (!check.ok) broken(lines[check.index]!, null, null, check.message);
  return { entries, problems, legacy: false };
}

/** The rows of the `Logg` table for log entries (columns of `LOGG`). */
export function logTableRows(entries: readonly LogEntry[], lang: Lang = 'nb'): Cell[][] {
  return entries.map((e) => [
    e.at,
    e.who,
    entryHandling(e, lang),
    entryDetails(e, lang),
    e.seq,
    e.action,
    e.target,
    e.before,
    e.after,
    e.why,
    e.prevHash,
    e.hash,
  ]);
}

/** The `Logg` table for log entries. */
export function logTable(entries: readonly LogEntry[], lang: Lang = 'nb'): TableData {
  return { spec: LOGG, rows: logTableRows(entries, lang) };
}
