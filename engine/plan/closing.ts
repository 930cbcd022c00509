/**
 * Closing a budget year: once the coordinating group has agreed the year's evaluation, the year's
 * frames and reconciliation are locked. A later ledger line or frame change for a closed year is
 * refused with a `year_closed` problem; an explicit reopen is allowed and recorded in the log.
 */
import type { ChangeRecord } from '../audit/log.js';
import { contentKey, type LedgerLine } from '../ledger/line.js';
import {
  governanceProblem,
  type GovernanceRefusal,
  type InstrumentNames,
  type Lang,
  type Problem,
} from '../messages/problems.js';
import { noticeText } from '../messages/governance.js';
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

/** A result: the new closed years and the log record, or why not (`refusal`; `message` says it in bokmål). */
export type ClosingResult =
  | { readonly ok: true; readonly closed: ClosedYears; readonly change: ChangeRecord }
  | { readonly ok: false; readonly refusal: GovernanceRefusal; readonly message: string };

function refuse(refusal: GovernanceRefusal, lang: Lang): ClosingResult {
  return { ok: false, refusal, message: noticeText(refusal, lang) };
}

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
export function closeYear(
  closed: ClosedYears,
  year: number,
  lines: Iterable<LedgerLine>,
  context: ChangeContext,
  lang: Lang = 'nb',
): ClosingResult {
  if (closed.has(year)) return refuse({ code: 'already_closed', year }, lang);
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
export function reopenYear(closed: ClosedYears, year: number, context: ChangeContext, lang: Lang = 'nb'): ClosingResult {
  if (!closed.has(year)) return refuse({ code: 'not_closed', year }, lang);
  if (context.why.trim() === '') return refuse({ code: 'reopen_needs_reason', year }, lang);
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
    const reason = { code: 'line_in_closed_year', year: line.year, closedAt: closed.get(line.year)!.closedAt } as const;
    const place = { file: line.file, line: line.line, column: 'år', value: String(line.year) };
    problems.push(governanceProblem('year_closed', place, reason, lang));
  }
  return { accepted, problems };
}

/** A `year_closed` problem when a frame change touches a closed year, else null (instruments named as `instruments` names them). */
export function checkFrameChange(
  closed: ClosedYears,
  frame: { instrument: string; from: number; to: number },
  where: { file: string; sheet?: string; line: number | null; column?: string },
  lang: Lang = 'nb',
  instruments?: InstrumentNames,
): Problem | null {
  const { column = 'Beløp', ...at } = where;
  for (let year = frame.from; year <= frame.to; year++) {
    if (!closed.has(year)) continue;
    const reason = {
      code: 'frame_in_closed_year',
      frame: { instrument: frame.instrument, from: frame.from, to: frame.to },
      year,
    } as const;
    return governanceProblem('year_closed', { ...at, column, value: String(year) }, reason, lang, instruments);
  }
  return null;
}
