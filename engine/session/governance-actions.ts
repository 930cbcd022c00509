/**
 * Governance changes on a planning state: reallocating between instruments, confirming a frame's
 * condition, closing and reopening a year. Each either refuses with problems (nothing changes) or
 * returns the new state with the change appended to the hash-chained log. Pure: the host supplies
 * who, when and why, and writes the returned state's tables.
 */
import { appendEntry, type ChangeRecord } from '../audit/log.js';
import { noticeText, type GovernanceOutcome, type GovernanceRefusal } from '../messages/governance.js';
import type { Money } from '../money.js';
import { closeYear, reopenYear, checkFrameChange } from '../plan/closing.js';
import { frameKey } from '../plan/frame.js';
import { reallocate, type ReallocationPreview } from '../plan/reallocation.js';
import { confirmCondition, type ChangeContext, type PlanVersion } from '../plan/versions.js';
import { governanceProblem, type Lang, type Problem, type ProblemCode } from '../messages/problems.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import { closedYearRecord, closedYearsOf } from '../workbook/governance.js';
import type { PlanningState } from './planning-state.js';

/**
 * A governance change: the new state, its log record and what it did (`outcome`, a code with
 * values; `message`, the same in words), or the problems that refuse it (each with its `reason`).
 */
export type GovernanceResult =
  | {
      readonly ok: true;
      readonly state: PlanningState;
      readonly change: ChangeRecord;
      readonly outcome: GovernanceOutcome;
      readonly message: string;
    }
  | { readonly ok: false; readonly problems: Problem[] };

/** Where the frames stand in `Rammer` (frame key → sheet row), so that a refusal can name the row. */
export type FrameRows = ReadonlyMap<string, number>;

/** Where a refusal points: file, sheet, row (null for the sheet as a whole), column and value. */
export interface RefusalPlace {
  readonly file: string;
  readonly sheet: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
}

/** A refused change: one problem with its reason in words from the catalogue, instruments named as the plan names them. */
export function refusedChange(
  state: PlanningState,
  code: ProblemCode,
  place: RefusalPlace,
  reason: GovernanceRefusal,
  lang: Lang,
): { readonly ok: false; readonly problems: Problem[] } {
  return { ok: false, problems: [governanceProblem(code, place, reason, lang, state.plan.instruments)] };
}

/** A change made: the new state with the change appended to the log, and the outcome in words. */
export function madeChange(
  state: PlanningState,
  change: ChangeRecord,
  patch: Partial<PlanningState>,
  outcome: GovernanceOutcome,
  lang: Lang,
): GovernanceResult {
  const next = { ...state, ...patch, log: appendEntry(state.log, change, state.logKey ?? null) };
  return { ok: true, state: next, change, outcome, message: noticeText(outcome, lang, state.plan.instruments) };
}

function rammer(file: string, frameRows: FrameRows, key: string | null, column: string, value: string | null): RefusalPlace {
  return { file, sheet: 'Rammer', line: key === null ? null : (frameRows.get(key) ?? null), column, value };
}

/** The id of the version a workbook holds before any version is named (no rows in `Versjoner`). */
export const IMPLICIT_VERSION_ID = 'plan';

/** The version `Rammer` holds: the last row of `Versjoner`, or an unnamed draft when there is none. */
export function currentVersion(state: PlanningState): PlanVersion {
  const last = state.governance.versions[state.governance.versions.length - 1];
  if (!last)
    return {
      id: IMPLICIT_VERSION_ID,
      name: 'Arbeidsplan',
      kind: 'other',
      basedOn: null,
      status: 'draft',
      frames: state.plan.frames,
    };
  return { ...last, frames: state.plan.frames };
}

/** What a reallocation gave: the governance result and the figures, shown whether or not it was allowed. */
export type StateReallocation = GovernanceResult & { readonly preview: ReallocationPreview | null };

/**
 * Moves `amount` from one instrument's annual frame to another's in `year`, refused below what is
 * spent and open (`rows`: the reconciliation of the spending to check against) or in a closed year.
 * `frameRows` (where the frames stand in `Rammer`) lets a refusal name the source frame's row.
 */
export function reallocateInState(
  state: PlanningState,
  move: { year: number; from: string; to: string; amount: Money },
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
  frameRows: FrameRows = new Map(),
): StateReallocation {
  const closed = closedYearsOf(state.governance, state.lines);
  const result = reallocate(currentVersion(state), move, rows, context, closed, lang, state.plan.instruments);
  if (!result.ok) {
    const code = result.reason === 'below_spent' ? 'reallocation_refused' : 'change_refused';
    // The frame the refusal is about: the source, or the one without an amount or annual frame.
    const reason = result.refusal;
    const instrument = 'instrument' in reason ? reason.instrument : move.from;
    const key = frameKey({ instrument, from: move.year, to: move.year });
    const place = rammer(file, frameRows, key, 'Beløp', move.amount.toFixed2());
    return { ...refusedChange(state, code, place, reason, lang), preview: result.preview };
  }
  const outcome = result.preview.notice as GovernanceOutcome; // an allowed preview's notice is `reallocated`
  const made = madeChange(state, result.change, { plan: { ...state.plan, frames: result.version.frames } }, outcome, lang);
  return { ...made, preview: result.preview };
}

/** Records that the condition of an instrument's frame starting in `from` is confirmed (refused for a closed year). */
export function confirmConditionInState(
  state: PlanningState,
  instrument: string,
  from: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
  frameRows: FrameRows = new Map(),
): GovernanceResult {
  const frame = state.plan.frames.find((f) => f.instrument === instrument && f.from === from);
  if (!frame) {
    const place = rammer(file, frameRows, null, 'Virkemiddel', instrument);
    return refusedChange(state, 'change_refused', place, { code: 'no_frame_starting', instrument, from }, lang);
  }
  const key = frameKey(frame);
  const closedProblem = checkFrameChange(
    closedYearsOf(state.governance, state.lines),
    frame,
    { file, sheet: 'Rammer', line: frameRows.get(key) ?? null },
    lang,
    state.plan.instruments,
  );
  if (closedProblem) return { ok: false, problems: [closedProblem] };
  const result = confirmCondition(currentVersion(state), key, context, lang);
  if (!result.ok) {
    return refusedChange(state, 'change_refused', rammer(file, frameRows, key, 'Bekreftet', key), result.refusal, lang);
  }
  const outcome = { code: 'condition_confirmed', frame: { instrument, from: frame.from, to: frame.to } } as const;
  return madeChange(state, result.change, { plan: { ...state.plan, frames: result.version.frames } }, outcome, lang);
}

function styring(file: string, year: number): RefusalPlace {
  return { file, sheet: 'Styring', line: null, column: 'År', value: String(year) };
}

/** Closes a year: its ledger lines and frames are recorded, and later changes to them are refused. */
export function closeYearInState(
  state: PlanningState,
  year: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const result = closeYear(closedYearsOf(state.governance, state.lines), year, state.lines, context, lang);
  if (!result.ok) return refusedChange(state, 'change_refused', styring(file, year), result.refusal, lang);
  const record = closedYearRecord(result.closed.get(year)!, state.plan.frames);
  const governance = { ...state.governance, closedYears: [...state.governance.closedYears, record] };
  return madeChange(state, result.change, { governance }, { code: 'year_closed', year, lines: record.lines }, lang);
}

/** Reopens a closed year (a reason is required); the reopening is in the log. */
export function reopenYearInState(
  state: PlanningState,
  year: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const result = reopenYear(closedYearsOf(state.governance, state.lines), year, context, lang);
  if (!result.ok) return refusedChange(state, 'change_refused', styring(file, year), result.refusal, lang);
  const governance = { ...state.governance, closedYears: state.governance.closedYears.filter((r) => r.year !== year) };
  return madeChange(state, result.change, { governance }, { code: 'year_reopened', year }, lang);
}
