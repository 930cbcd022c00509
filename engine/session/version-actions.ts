/**
 * Version and carry-over changes on a planning state: a new version from any version (it becomes
 * the version `Rammer` holds, the one before keeps its frames in `Versjonsrammer`), moving a
 * version draft → submitted → approved, comparing two versions frame by frame, and setting a
 * frame's carry-over rule. Each either refuses with problems or returns the new state with the
 * change appended to the hash-chained log; pure, as governance-actions.ts.
 */
import type { GovernanceRefusal } from '../messages/governance.js';
import { setCarryOverRule, type CarryOverRule } from '../plan/carry-over.js';
import { checkFrameChange } from '../plan/closing.js';
import { frameKey } from '../plan/frame.js';
import {
  compareVersions,
  deriveVersion,
  setStatus,
  versionIdOf,
  type ChangeContext,
  type FrameDifference,
  type PlanVersion,
  type VersionKind,
  type VersionStatus,
} from '../plan/versions.js';
import type { Lang, Problem } from '../messages/problems.js';
import { closedYearsOf } from '../workbook/governance.js';
import { currentVersion, madeChange, refusedChange, type FrameRows, type GovernanceResult } from './governance-actions.js';
import type { PlanningState } from './planning-state.js';

/** A version of a state by id: the one in use with the plan's frames, another with its stored frames. */
export type VersionLookup =
  { readonly ok: true; readonly version: PlanVersion } | { readonly ok: false; readonly reason: 'unknown' | 'not_stored' };

/** Finds a version by id; `not_stored` for a version whose frames the workbook does not keep (an older workbook). */
export function versionInState(state: PlanningState, id: string): VersionLookup {
  const current = currentVersion(state);
  if (current.id === id) return { ok: true, version: current };
  const entry = state.governance.versions.find((v) => v.id === id);
  if (!entry) return { ok: false, reason: 'unknown' };
  const frames = state.governance.versionFrames.get(id);
  return frames ? { ok: true, version: { ...entry, frames } } : { ok: false, reason: 'not_stored' };
}

function refusal(
  state: PlanningState,
  file: string,
  lang: Lang,
  column: string,
  value: string,
  reason: GovernanceRefusal,
): { ok: false; problems: Problem[] } {
  return refusedChange(state, 'change_refused', { file, sheet: 'Styring', line: null, column, value }, reason, lang);
}

function lookupRefusal(state: PlanningState, id: string, reason: 'unknown' | 'not_stored', file: string, lang: Lang) {
  // An unnamed draft (no Versjoner rows) can be compared and copied as `plan`, but not moved; it is
  // listed as the one version there is, so the user learns the id to type.
  const versions = state.governance.versions.length > 0 ? state.governance.versions : [currentVersion(state)];
  const known = versions.map((v) => ({ id: v.id, name: v.name }));
  return refusal(
    state,
    file,
    lang,
    'Versjon',
    id,
    reason === 'unknown' ? { code: 'unknown_version', id, known } : { code: 'version_not_stored', id },
  );
}

/** What a new version is: its name and kind, an id (made from the name when not given) and the version it is made from (default: the one in use). */
export interface NewVersion {
  readonly name: string;
  readonly kind: VersionKind;
  readonly id?: string;
  readonly from?: string;
}

/** Makes a new draft from any version; it becomes the version in use and the one before keeps its frames. */
export function newVersionInState(
  state: PlanningState,
  meta: NewVersion,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const current = currentVersion(state);
  const base = versionInState(state, meta.from ?? current.id);
  if (!base.ok) return lookupRefusal(state, meta.from ?? current.id, base.reason, file, lang);
  // A workbook without versions holds an unnamed draft; it is listed so its frames are kept too.
  const { frames: _frames, ...currentEntry } = current;
  const entries = state.governance.versions.length === 0 ? [currentEntry] : state.governance.versions;
  const taken = entries.map((v) => v.id);
  const id = meta.id ?? versionIdOf(meta.name, taken);
  if (taken.includes(id)) return refusal(state, file, lang, 'Versjon', id, { code: 'version_exists', id });
  const { version, change } = deriveVersion(base.version, { id, name: meta.name, kind: meta.kind }, context);
  const versionFrames = new Map(state.governance.versionFrames);
  versionFrames.set(current.id, state.plan.frames);
  const { frames, ...entry } = version;
  const governance = { ...state.governance, versions: [...entries, entry], versionFrames };
  const outcome = {
    code: 'version_created',
    version: { id, name: meta.name },
    from: { id: base.version.id, name: base.version.name },
  } as const;
  return madeChange(state, change, { plan: { ...state.plan, frames }, governance }, outcome, lang);
}

/** Moves a version to another status (draft → submitted → approved; submitted back to draft). */
export function setVersionStatusInState(
  state: PlanningState,
  id: string,
  to: VersionStatus,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): GovernanceResult {
  const found = versionInState(state, id);
  // Approving needs the frames, so that they can be kept read-only; other moves only need the row.
  const entry = state.governance.versions.find((v) => v.id === id);
  if (!entry || (!found.ok && to === 'approved'))
    return lookupRefusal(state, id, found.ok ? 'unknown' : found.reason, file, lang);
  const version = found.ok ? found.version : { ...entry, frames: [] };
  const result = setStatus(version, to, context, lang);
  if (!result.ok) return refusal(state, file, lang, 'Status', id, result.refusal);
  const versions = state.governance.versions.map((v) => (v.id === id ? { ...v, status: to } : v));
  const governance = { ...state.governance, versions };
  const outcome = { code: 'version_status_set', version: { id, name: entry.name }, status: to } as const;
  return madeChange(state, result.change, { governance }, outcome, lang);
}

/** Two versions compared frame by frame, or the problems that keep them from being compared. */
export type StateComparison =
  | { readonly ok: true; readonly a: PlanVersion; readonly b: PlanVersion; readonly differences: FrameDifference[] }
  | { readonly ok: false; readonly problems: Problem[] };

/** Compares two versions of a state frame by frame (read-only). */
export function compareVersionsInState(
  state: PlanningState,
  a: string,
  b: string,
  file: string,
  lang: Lang = 'nb',
): StateComparison {
  const va = versionInState(state, a);
  if (!va.ok) return lookupRefusal(state, a, va.reason, file, lang);
  const vb = versionInState(state, b);
  if (!vb.ok) return lookupRefusal(state, b, vb.reason, file, lang);
  return { ok: true, a: va.version, b: vb.version, differences: compareVersions(va.version, vb.version) };
}

/** Which frame a carry-over rule is for: its instrument and first year (and last, where several frames could start there). */
export interface FrameTarget {
  readonly instrument: string;
  readonly from: number;
  readonly to?: number;
}

/**
 * Sets the carry-over rule of a frame in `Rammer`; refused for a frame of a closed year, or one
 * that carries into a closed year (that year's reconciliation is locked). `frameRows` (where the
 * frames stand in `Rammer`) lets a refusal name the frame's row.
 */
export function setCarryOverInState(
  state: PlanningState,
  target: FrameTarget,
  rule: CarryOverRule,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
  frameRows: FrameRows = new Map(),
): GovernanceResult {
  const frame = state.plan.frames.find(
    (f) => f.instrument === target.instrument && f.from === target.from && (target.to === undefined || f.to === target.to),
  );
  if (!frame) {
    const reason = {
      code: 'no_frame_starting',
      instrument: target.instrument,
      from: target.from,
      ...(target.to === undefined ? {} : { to: target.to }),
    } as const;
    const place = { file, sheet: 'Rammer', line: null, column: 'Virkemiddel', value: target.instrument };
    return refusedChange(state, 'change_refused', place, reason, lang);
  }
  const key = frameKey(frame);
  const line = frameRows.get(key) ?? null;
  const closed = closedYearsOf(state.governance, state.lines);
  const inClosed = checkFrameChange(
    closed,
    frame,
    { file, sheet: 'Rammer', line, column: 'Overføring' },
    lang,
    state.plan.instruments,
  );
  if (inClosed) return { ok: false, problems: [inClosed] };
  const into = frame.to + 1;
  if (closed.has(into)) {
    const reason = {
      code: 'carries_into_closed_year',
      frame: { instrument: frame.instrument, from: frame.from, to: frame.to },
      year: into,
    } as const;
    const place = { file, sheet: 'Rammer', line, column: 'Overføring', value: String(into) };
    return refusedChange(state, 'year_closed', place, reason, lang);
  }
  const { rules, change } = setCarryOverRule(state.governance.carryOver, key, rule, context);
  const governance = { ...state.governance, carryOver: rules };
  const outcome = {
    code: 'carry_over_set',
    frame: { instrument: frame.instrument, from: frame.from, to: frame.to },
    rule,
  } as const;
  return madeChange(state, change, { governance }, outcome, lang);
}
