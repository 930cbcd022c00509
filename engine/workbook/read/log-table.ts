/**
 * The change log in the workbook, read strictly: every row of `Logg` must be an entry IA Planner
 * wrote (chain columns intact, `Handling` and `Detaljer` as the entry renders them), and the hash
 * chain must hold. A break is a `broken_log` problem naming the sheet row. The chain columns are
 * part of the table (CONTRACTS §4): a `Logg` with entries and without them is a broken log, never
 * read as an unchained form, so deleting them cannot launder an edited history into a new chain.
 */
import {
  entryDetails,
  entryHandling,
  isLogAction,
  verifyChain,
  type ChainFault,
  type ChangeRecord,
  type LogAction,
  type LogEntry,
  type LogKey,
} from '../../audit/log.js';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import type { LogRow } from '../write/build.js';
import { LOGG } from '../tables/layout.js';
import type { Cell, CellValue, TableData, TableRead } from '../port/port.js';

/** A host's free-text log row as a change record (a `note`: its action words in `target`, its details in `after`). */
export function changeOfLogRow(row: LogRow): ChangeRecord {
  return { at: row.time, who: row.who, action: 'note', target: row.action, before: '', after: row.details, why: '' };
}

/** What reading `Logg` gave: the entries in order, and a problem for each row that breaks the log. */
export interface LogReading {
  readonly entries: LogEntry[];
  readonly problems: Problem[];
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

/** The column a chain fault is seen in. */
const FAULT_COLUMNS: Record<ChainFault, string> = {
  hash_mismatch: 'Hash',
  prev_mismatch: 'Forrige hash',
  seq_gap: 'Løpenummer',
  key_needed: 'Hash',
  other_key: 'Hash',
  unsigned_after_signed: 'Hash',
};

const CHAIN_COLUMNS = ['Løpenummer', 'Kode', 'Objekt', 'Før', 'Etter', 'Begrunnelse', 'Forrige hash', 'Hash'] as const;

/**
 * Reads and checks the `Logg` table (null: no table, an empty log). `key`: the log key, when the
 * host has one, to check entries signed with it (see `verifyChain`).
 */
export function readLogTable(read: TableRead | null, file: string, lang: Lang = 'nb', key: LogKey | null = null): LogReading {
  if (!read) return { entries: [], problems: [] };
  const at = (name: string) => read.header.indexOf(name);
  const rows: { row: readonly CellValue[]; line: number }[] = [];
  read.rows.forEach((row, i) => {
    if (row.some((v) => textOf(v).trim() !== '')) rows.push({ row, line: read.firstRow + i });
  });
  const missing = CHAIN_COLUMNS.filter((c) => at(c) < 0);
  if (missing.length > 0) {
    if (rows.length === 0) return { entries: [], problems: [] };
    const nb = `Loggen har oppføringer, men mangler kjedekolonnene ${missing.join(', ')}: uten dem kan ingen oppføring kontrolleres, og ingen endring kan føres.`;
    const en = `The log has entries but lacks the chain columns ${missing.join(', ')}: without them no entry can be checked and no change can be recorded.`;
    const place = { file, sheet: read.sheet, line: read.firstRow - 1, column: missing[0]!, value: null };
    return { entries: [], problems: [problem('broken_log', place, lang, {}, lang === 'nb' ? nb : en)] };
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
  const check = verifyChain(entries, lang, key);
  if (!check.ok) broken(lines[check.index]!, FAULT_COLUMNS[check.fault], null, check.message);
  return { entries, problems };
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
