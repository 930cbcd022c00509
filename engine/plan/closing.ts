/**
 * Closing a budget year: once the coordinating group has agreed the year's evaluation, the year's
 * frames and reconciliation are locked. A later ledger line or frame change for a closed year is
 * refused with a `year_closed` problem; an explicit reopen is allowed and recorded in the log.
 */
import type { ChangeRecord } from '../audit/log.js';
import { contentKey, type LedgerLine } from '../ledger/line.js';
import { problem, type Lang, type Problem } from '../problems.js';
import type { ChangeContext } from './versions.js';

/** The record of one closed year. */
export interface ClosedYear {
  readonly year: number;
  readonly closedAt: string;
  readonly closedBy: string;
  /** The content keys (with occurrence) of the ledger lines counted when the year was closed. */
  readonly lineKeys: readonly string[];
}

/** The closed years of a plan. */
export type ClosedYears = ReadonlyMap<number, ClosedYear>;

/** No year closed. */
export const NO_CLOSED_YEARS: ClosedYears = new Map();

/** A result: the new closed years and the log record, or why not. */
export type ClosingResult =
  | { readonly ok: true; readonly closed: ClosedYears; readonly change: ChangeRecord }
  | { readonly ok: false; readonly message: string };

/** Content keys with occurrence (`…#2` for the second identical line) of a year's lines, so split postings stay distinct. */
export function lineKeysOfYear(lines: Iterable<LedgerLine>, year: number): string[] {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (const line of lines) {
    if (line.year !== year) continue;
    const key = contentKey(line);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    keys.push(`${key}#${n}`);
  }
  return keys;
}

/** Closes a year, remembering which ledger lines it was closed with. */
export function closeYear(closed: ClosedYears, year: number, lines: Iterable<LedgerLine>, context: ChangeContext): ClosingResult {
  if (closed.has(year)) return { ok: false, message: `${year} er allerede avsluttet.` };
  const record: ClosedYear = { year, closedAt: context.at, closedBy: context.who, lineKeys: lineKeysOfYear(lines, year) };
  const next = new Map(closed);
  next.set(year, record);
  return {
    ok: true,
    closed: next,
    change: {
      ...context,
      action: 'year_closed',
      target: String(year),
      before: 'åpent',
      after: `avsluttet (${record.lineKeys.length} linjer)`,
    },
  };
}

/** Reopens a closed year; the reason is required, because reopening undoes an agreed evaluation. */
export function reopenYear(closed: ClosedYears, year: number, context: ChangeContext): ClosingResult {
  if (!closed.has(year)) return { ok: false, message: `${year} er ikke avsluttet.` };
  if (context.why.trim() === '') return { ok: false, message: `Oppgi en begrunnelse for å gjenåpne ${year}.` };
  const next = new Map(closed);
  next.delete(year);
  return {
    ok: true,
    closed: next,
    change: { ...context, action: 'year_reopened', target: String(year), before: 'avsluttet', after: 'åpent' },
  };
}

/** Whether a year is closed. */
export function isClosed(closed: ClosedYears, year: number): boolean {
  return closed.has(year);
}

/**
 * Splits ledger lines into those that may count and those refused because they are new lines for
 * a closed year (not among the lines the year was closed with); each refusal is a `year_closed`
 * problem naming the file, line, column `år` and the year.
 */
export function checkClosedLines(
  closed: ClosedYears,
  lines: readonly LedgerLine[],
  lang: Lang = 'nb',
): { accepted: LedgerLine[]; problems: Problem[] } {
  if (closed.size === 0) return { accepted: [...lines], problems: [] };
  const known = new Map<number, Set<string>>();
  for (const record of closed.values()) known.set(record.year, new Set(record.lineKeys));
  const seen = new Map<string, number>();
  const accepted: LedgerLine[] = [];
  const problems: Problem[] = [];
  for (const line of lines) {
    const keys = known.get(line.year);
    if (!keys) {
      accepted.push(line);
      continue;
    }
    const key = contentKey(line);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (keys.has(`${key}#${n}`)) {
      accepted.push(line);
      continue;
    }
    const detail =
      lang === 'nb'
        ? `Budsjettåret ${line.year} ble avsluttet ${closed.get(line.year)!.closedAt}; linjen ble ikke tatt med. Gjenåpne året (det føres i loggen) for å føre den.`
        : `Budget year ${line.year} was closed on ${closed.get(line.year)!.closedAt}; the line was not counted. Reopen the year (recorded in the log) to enter it.`;
    problems.push(
      problem('year_closed', { file: line.file, line: line.line, column: 'år', value: String(line.year) }, lang, {}, detail),
    );
  }
  return { accepted, problems };
}

/** A `year_closed` problem when a frame change touches a closed year, else null. */
export function checkFrameChange(
  closed: ClosedYears,
  frame: { instrument: string; from: number; to: number },
  where: { file: string; sheet?: string; line: number | null },
  lang: Lang = 'nb',
): Problem | null {
  for (let year = frame.from; year <= frame.to; year++) {
    if (!closed.has(year)) continue;
    const detail =
      lang === 'nb'
        ? `Rammen ${frame.instrument} gjelder ${year}, som er avsluttet. Gjenåpne året (det føres i loggen) for å endre den.`
        : `The frame ${frame.instrument} covers ${year}, which is closed. Reopen the year (recorded in the log) to change it.`;
    return problem('year_closed', { ...where, column: 'Beløp', value: String(year) }, lang, {}, detail);
  }
  return null;
}
