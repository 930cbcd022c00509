/**
 * Governance changes on a planning state: reallocating between instruments, confirming a frame's
 * condition, closing and reopening a year. Each either refuses with problems (nothing changes) or
 * returns the new state with the change appended to the hash-chained log. Pure: the host supplies
 * who, when and why, and writes the returned state's tables.
 */
import { appendEntry, type ChangeRecord } from '../audit/log.js';
import type { Money } from '../money.js';
import { closeYear, reopenYear, checkFrameChange } from '../plan/closing.js';
import { frameKey } from '../plan/frame.js';
import { reallocate, type ReallocationPreview } from '../plan/reallocation.js';
import { confirmCondition, type ChangeContext, type PlanVersion } from '../plan/versions.js';
import { problem, type Lang, type Problem } from '../problems.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import { closedYearRecord, closedYearsOf } from './governance.js';
import type { PlanningState } from './planning-state.js';

/** A governance change: the new state and its log record, or the problems that refuse it. */
export type GovernanceResult =
  | { readonly ok: true; readonly state: PlanningState; readonly change: ChangeRecord; readonly message: string }
  | { readonly ok: false; readonly problems: Problem[] };

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

function withChange(state: PlanningState, change: ChangeRecord, patch: Partial<PlanningState>): PlanningState {
  return { ...state, ...patch, log: appendEntry(state.log, change) };
}

function refused(
  code: 'change_refused' | 'reallocation_refused',
  file: string,
  lang: Lang,
  message: string,
  column: string | null,
  value: string | null,
  sheet = 'Rammer',
): GovernanceResult {
  return { ok: false, problems: [problem(code, { file, sheet, line: null, column, value }, lang, {}, message)] };
}

/** What a reallocation gave: the governance result and the figures, shown whether or not it was allowed. */
export type StateReallocation = GovernanceResult & { readonly preview: ReallocationPreview | null };

/**
 * Moves `amount` from one instrument's annual frame to another's in `year`, refused below what is
 * spent and open (`rows`: the reconciliation of the spending to check against) or in a closed year.
 */
export function reallocateInState(
  state: PlanningState,
  move: { year: number; from: string; to: string; amount: Money },
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): StateReallocation {
  const closed = closedYearsOf(state.governance, state.lines);
  const result = reallocate(currentVersion(state), move, rows, context, closed, lang);
  if (!result.ok) {
    const code = result.reason === 'below_spent' ? 'reallocation_refused' : 'change_refused';
    return { ...refused(code, file, lang, result.message, 'Beløp', move.amount.toFixed2()), preview: result.preview };
  }
  const state2 = withChange(state, result.change, { plan: { ...state.plan, frames: result.version.frames } });
  return { ok: true, state: state2, change: result.change, message: result.preview.message, preview: result.preview };
}

/** Records that the condition of an instrument's frame starting in `from` is confirmed (refused for a closed year). */
export function confirmConditionInState(
  state: PlanningState,
  instrument: string,
  from: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const frame = state.plan.frames.find((f) => f.instrument === instrument && f.from === from);
  const nb = lang === 'nb';
  if (!frame) {
    return refused(
      'change_refused',
      file,
      lang,
      nb
        ? `Planen har ingen ramme for ${instrument} som begynner i ${from}.`
        : `The plan has no frame of ${instrument} starting in ${from}.`,
      'Virkemiddel',
      instrument,
    );
  }
  const closedProblem = checkFrameChange(
    closedYearsOf(state.governance, state.lines),
    frame,
    { file, sheet: 'Rammer', line: null },
    lang,
  );
  if (closedProblem) return { ok: false, problems: [closedProblem] };
  const result = confirmCondition(currentVersion(state), frameKey(frame), context);
  if (!result.ok) {
    const en =
      result.reason === 'no_condition'
        ? `The frame ${frameKey(frame)} has no condition to confirm.`
        : `The version cannot be changed (${result.reason}).`;
    return refused('change_refused', file, lang, nb ? result.message : en, 'Bekreftet', frameKey(frame));
  }
  const message = nb ? `Betingelsen for ${frameKey(frame)} er bekreftet.` : `The condition of ${frameKey(frame)} is confirmed.`;
  return {
    ok: true,
    state: withChange(state, result.change, { plan: { ...state.plan, frames: result.version.frames } }),
    change: result.change,
    message,
  };
}

/** Closes a year: its ledger lines and frames are recorded, and later changes to them are refused. */
export function closeYearInState(
  state: PlanningState,
  year: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const result = closeYear(closedYearsOf(state.governance, state.lines), year, state.lines, context);
  if (!result.ok) {
    const message = lang === 'nb' ? result.message : `${year} is already closed.`;
    return refused('change_refused', file, lang, message, 'År', String(year), 'Styring');
  }
  const record = closedYearRecord(result.closed.get(year)!, state.plan.frames);
  const governance = { ...state.governance, closedYears: [...state.governance.closedYears, record] };
  const message =
    lang === 'nb'
      ? `${year} er avsluttet med ${record.lines} forbrukslinjer; senere linjer og rammeendringer for året avvises.`
      : `${year} is closed with ${record.lines} ledger lines; later lines and frame changes for the year are refused.`;
  return { ok: true, state: withChange(state, result.change, { governance }), change: result.change, message };
}

/** Reopens a closed year (a reason is required); the reopening is in the log. */
export function reopenYearInState(
  state: PlanningState,
  year: number,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const result = reopenYear(closedYearsOf(state.governance, state.lines), year, context);
  if (!result.ok) {
    const en = state.governance.closedYears.some((r) => r.year === year)
      ? `Give a reason to reopen ${year}.`
      : `${year} is not closed.`;
    return refused('change_refused', file, lang, lang === 'nb' ? result.message : en, 'År', String(year), 'Styring');
  }
  const governance = { ...state.governance, closedYears: state.governance.closedYears.filter((r) => r.year !== year) };
  const message = lang === 'nb' ? `${year} er gjenåpnet.` : `${year} is reopened.`;
  return { ok: true, state: withChange(state, result.change, { governance }), change: result.change, message };
}
