/**
 * The coordinating group's governance state in the task pane: plan versions (one of them in use),
 * closed years and the hash-chained change log. Every change goes through the engine's functions
 * (deriveVersion, setStatus, reallocate, confirmCondition, closeYear, reopenYear) and, when they
 * accept it, appends their `ChangeRecord` to the log. Refusals carry the engine's own reason.
 *
 * The session writes the state to the workbook (Versjoner, Versjonsrammer and Arsavslutning on
 * Styring, Rammer, Logg) and reads every stored version back with its frames, so a comparison with
 * a version of an earlier session works. A version listed in a workbook written before
 * Versjonsrammer existed has no stored frames: it stays in the list but cannot be compared.
 */
import {
  appendEntry,
  closeYear,
  compareVersions,
  confirmCondition,
  createVersion,
  deriveVersion,
  NO_CARRY_OVER,
  NO_CLOSED_YEARS,
  parseShare,
  previewReallocation,
  reallocate,
  reopenYear,
  setCarryOverInState,
  setStatus,
  versionIdOf,
  withCarryOver,
  type CarryOverRule,
  type ChangeContext,
  type ChangeRecord,
  type ClosedYears,
  type Frame,
  type FrameDifference,
  type Lang,
  type LedgerLine,
  type LogEntry,
  type Money,
  type PlanningState,
  type PlanVersion,
  type Reallocation,
  type ReallocationPreview,
  type ReconciliationRow,
  type VersionEntry,
  type VersionKind,
  type VersionStatus,
} from '../../engine/index.js';

import { IMPLICIT_VERSION_ID } from '../../engine/index.js';
import { t } from './i18n.js';

export { versionIdOf } from '../../engine/index.js';

/** The outcome of a governance change: accepted, or refused with the engine's reason. */
export type ChangeOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The id of the first version: the plan as the workbook (or the embedded plan) holds it; the same id the CLI uses. */
export const FIRST_VERSION_ID = IMPLICIT_VERSION_ID;

/** Versions, closed years and the change log. */
export class Governance {
  versions: PlanVersion[] = [];
  activeId = FIRST_VERSION_ID;
  closed: ClosedYears = NO_CLOSED_YEARS;
  entries: LogEntry[] = [];
  /** Versions whose frames the workbook did not store (an older workbook): listed, not comparable. */
  unstored: ReadonlySet<string> = new Set();

  constructor(frames: readonly Frame[], name: string) {
    this.reset(frames, name, []);
  }

  /**
   * Starts over from a plan's frames (after reading a workbook), keeping the log read from it; with
   * the workbook's versions, each gets its stored frames and the last one the plan's.
   */
  reset(
    frames: readonly Frame[],
    name: string,
    entries: readonly LogEntry[],
    stored?: { readonly versions: readonly VersionEntry[]; readonly versionFrames: ReadonlyMap<string, readonly Frame[]> },
  ): void {
    // The first version stands for the plan as found; it is not a change, so it is not logged.
    const last = stored?.versions.length ? stored.versions.length - 1 : -1;
    if (stored && last >= 0) {
      this.versions = stored.versions.map((v, i) => ({
        ...v,
        frames: i === last ? frames : (stored.versionFrames.get(v.id) ?? []),
      }));
      this.unstored = new Set(stored.versions.filter((v, i) => i !== last && !stored.versionFrames.has(v.id)).map((v) => v.id));
    } else {
      const meta = { id: FIRST_VERSION_ID, name, kind: 'other' as const };
      this.versions = [createVersion(frames, meta, { who: '', at: '', why: '' }).version];
      this.unstored = new Set();
    }
    this.activeId = this.versions[this.versions.length - 1]!.id;
    this.closed = NO_CLOSED_YEARS;
    this.entries = [...entries];
  }

  /** The stored frames of the versions not in use, for Versjonsrammer. */
  get versionFrames(): ReadonlyMap<string, readonly Frame[]> {
    return new Map(this.versions.filter((v) => v.id !== this.activeId && !this.unstored.has(v.id)).map((v) => [v.id, v.frames]));
  }

  /** The version in use: its frames are the plan that the task pane reconciles against. */
  get active(): PlanVersion {
    return this.versions.find((v) => v.id === this.activeId) ?? this.versions[0]!;
  }

  /** A new draft from any version; it becomes the version in use. */
  derive(baseId: string, name: string, kind: VersionKind, context: ChangeContext): ChangeOutcome {
    const base = this.versions.find((v) => v.id === baseId);
    if (!base) return { ok: false, message: `Fant ingen versjon ${baseId}.` };
    const id = versionIdOf(
      name,
      this.versions.map((v) => v.id),
    );
    const { version, change } = deriveVersion(base, { id, name, kind }, context);
    this.versions = [...this.versions, version];
    this.activeId = version.id;
    return this.record(change);
  }

  /** Moves a version draft → submitted → approved (or back to draft). */
  setStatus(id: string, to: VersionStatus, context: ChangeContext): ChangeOutcome {
    const version = this.versions.find((v) => v.id === id);
    if (!version) return { ok: false, message: `Fant ingen versjon ${id}.` };
    const result = setStatus(version, to, context);
    if (!result.ok) return { ok: false, message: result.message };
    this.replace(result.version);
    return this.record(result.change);
  }

  /** Compares two versions frame by frame (nothing for a version without stored frames: see `unstored`). */
  compare(a: string, b: string): FrameDifference[] {
    if (this.unstored.has(a) || this.unstored.has(b)) return [];
    const va = this.versions.find((v) => v.id === a);
    const vb = this.versions.find((v) => v.id === b);
    return va && vb ? compareVersions(va, vb) : [];
  }

  /** The figures of a proposed reallocation in the version in use (the funds-availability check). */
  preview(move: Reallocation, rows: readonly ReconciliationRow[]): ReallocationPreview {
    return previewReallocation(this.active, move, rows, this.closed);
  }

  /** Carries out a reallocation in the version in use. */
  reallocate(move: Reallocation, rows: readonly ReconciliationRow[], context: ChangeContext): ChangeOutcome {
    const result = reallocate(this.active, move, rows, context, this.closed);
    if (!result.ok) return { ok: false, message: result.message };
    this.replace(result.version);
    return this.record(result.change);
  }

  /** Records a frame's condition as confirmed in the version in use. */
  confirm(key: string, context: ChangeContext): ChangeOutcome {
    const result = confirmCondition(this.active, key, context);
    if (!result.ok) return { ok: false, message: result.message };
    this.replace(result.version);
    return this.record(result.change);
  }

  /** Closes a year with the ledger lines it counts. */
  close(year: number, lines: readonly LedgerLine[], context: ChangeContext): ChangeOutcome {
    const result = closeYear(this.closed, year, lines, context);
    if (!result.ok) return result;
    this.closed = result.closed;
    return this.record(result.change);
  }

  /** Reopens a closed year (the reason is required). */
  reopen(year: number, context: ChangeContext): ChangeOutcome {
    const result = reopenYear(this.closed, year, context);
    if (!result.ok) return result;
    this.closed = result.closed;
    return this.record(result.change);
  }

  private replace(version: PlanVersion): void {
    this.versions = this.versions.map((v) => (v.id === version.id ? version : v));
  }

  /** Appends a change to the log. */
  record(change: ChangeRecord): ChangeOutcome {
    this.entries = appendEntry(this.entries, change);
    return { ok: true };
  }
}

/** A carry-over rule as the form states it, for one annual frame. */
export interface CarryOverRequest {
  readonly instrument: string;
  readonly year: number;
  readonly rule: CarryOverRule;
}

/** The rule a form states, or null when the share cannot be read (`parseShare`: "5 %", "0,05"). */
export function carryOverRuleOf(
  rule: 'none' | 'all' | 'share',
  shareText: string,
  carryOverspend: boolean,
): CarryOverRule | null {
  if (rule === 'none') return NO_CARRY_OVER;
  if (rule === 'all') return { kind: 'all', carryOverspend };
  const share = parseShare(shareText);
  return share === null ? null : { kind: 'share', share, carryOverspend };
}

/** What setting a carry-over rule gives: the new state and what the next year receives, or the engine's reason. */
export type CarryOverCheck =
  | {
      readonly ok: true;
      readonly state: PlanningState;
      readonly message: string;
      /** The year carried into. */
      readonly intoYear: number;
      /** What the next year's frame receives as `Overført inn` (null when that year has no annual frame). */
      readonly carriedIn: Money | null;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Sets a frame's carry-over rule through the engine function the CLI uses (`setCarryOverInState`),
 * and reads what the next year would receive from the reconciliation `rows`, as Avstemming shows
 * it (`withCarryOver`). Nothing is changed: the caller keeps the new state only when it submits.
 */
export function checkCarryOver(
  state: PlanningState,
  request: CarryOverRequest,
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  lang: Lang,
): CarryOverCheck {
  const target = { instrument: request.instrument, from: request.year, to: request.year };
  // Problems name the place as the CLI's do, with the workbook for the file.
  const result = setCarryOverInState(state, target, request.rule, context, t(lang, 'viewWorkbook'), lang);
  if (!result.ok) return { ok: false, message: result.problems.map((p) => p.message).join(' ') };
  const intoYear = request.year + 1;
  const next = withCarryOver(rows, result.state.governance.carryOver).find(
    (c) => c.row.instrument === request.instrument && c.row.from === intoYear && c.row.to === intoYear,
  );
  return { ok: true, state: result.state, message: result.message, intoYear, carriedIn: next?.carriedIn ?? null };
}
