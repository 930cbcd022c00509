/**
 * The workbook's `Logg` table as the task pane writes it: the session's notes (imports,
 * reconciliations, written sheets; four columns) and the hash-chained entries of governance changes
 * (the engine's `LOGG_CHAIN` columns, so `logEntriesFromTable` and `verifyChain` can read them
 * back), merged in time order.
 */
import { isLogAction, LOGG_CHAIN, logTableRows, type Lang, type LogEntry } from '../../engine/index.js';
import type { LogRow } from '../../engine/workbook/build.js';
import type { Cell, CellValue, TableData, TableRead } from '../../engine/workbook/port.js';

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** The rows of a read `Logg` table that are notes, not chain entries (no valid `Kode`). */
export function notesOf(read: TableRead): LogRow[] {
  const code = read.header.indexOf('Kode');
  return read.rows
    .filter((row) => code < 0 || !isLogAction(text(row[code])))
    .map((row) => ({ time: text(row[0]), who: text(row[1]), action: text(row[2]), details: text(row[3]) }));
}

/** A time as text that sorts: `2025-05-12T10:15` and `2025-05-12 10:15` compare alike. */
function sortable(time: CellValue | Cell | undefined): string {
  return typeof time === 'string' ? time.replace('T', ' ') : '';
}

/** Notes and chain entries merged by time (each list keeps its own order). */
export function combinedLogTable(notes: readonly LogRow[], entries: readonly LogEntry[], lang: Lang): TableData {
  const width = LOGG_CHAIN.columns.length;
  const noteRows: Cell[][] = notes.map((n) => {
    const row: Cell[] = [n.time, n.who, n.action, n.details === '' ? null : n.details];
    while (row.length < width) row.push(null);
    return row;
  });
  const chainRows = logTableRows(entries, lang);
  const rows: Cell[][] = [];
  let a = 0;
  let b = 0;
  while (a < noteRows.length || b < chainRows.length) {
    const takeNote = b >= chainRows.length || (a < noteRows.length && sortable(noteRows[a]![0]) <= sortable(chainRows[b]![0]));
    rows.push(takeNote ? noteRows[a++]! : chainRows[b++]!);
  }
  return { spec: LOGG_CHAIN, rows };
}
