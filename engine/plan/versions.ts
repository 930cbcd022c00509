/**
 * Plan versions: the signed appendix, the prolongation and each budget round (the revised budget
 * in May, the new balancing in November) as named, immutable sets of frames. A version moves
 * draft → submitted → approved; an approved version is read-only, so a change starts a new version.
 * Every change returns a `ChangeRecord` for the change log; nothing here reads the clock.
 */
import type { ChangeRecord } from '../audit/log.js';
import { frameRefOfKey, noticeText, versionStatusText, type GovernanceRefusal } from '../messages/governance.js';
import type { Money } from '../money.js';
import type { Lang } from '../messages/problems.js';
import { frameKey, type Frame } from './frame.js';

/** What a version stands for. */
export type VersionKind = 'appendix' | 'prolongation' | 'budget_round' | 'other';

/** Where a version is in its approval. */
export type VersionStatus = 'draft' | 'submitted' | 'approved';

/** A named version of the plan's frames. */
export interface PlanVersion {
  /** A stable id chosen by the user, e.g. `rnb-2025`. */
  readonly id: string;
  /** A name for people, e.g. «Revidert nasjonalbudsjett 2025». */
  readonly name: string;
  readonly kind: VersionKind;
  /** The version this one was made from, or null. */
  readonly basedOn: string | null;
  readonly status: VersionStatus;
  readonly frames: readonly Frame[];
}

/** Who changes what, when and why; the context of every change. */
export interface ChangeContext {
  readonly who: string;
  /** ISO 8601 timestamp. */
  readonly at: string;
  readonly why: string;
}

/** Why a change to a version was refused. */
export type VersionRefusal = 'read_only' | 'unknown_frame' | 'bad_transition' | 'no_condition' | 'negative_amount';

/**
 * A changed version with its log record, or why it was refused: `reason` the kind, `refusal` the
 * code with its values (for the catalogue), `message` the sentence in the language asked for.
 */
export type VersionResult =
  | { readonly ok: true; readonly version: PlanVersion; readonly change: ChangeRecord }
  | { readonly ok: false; readonly reason: VersionRefusal; readonly refusal: GovernanceRefusal; readonly message: string };

function refuse(reason: VersionRefusal, refusal: GovernanceRefusal, lang: Lang): Extract<VersionResult, { ok: false }> {
  return { ok: false, reason, refusal, message: noticeText(refusal, lang) };
}

/** A frame's amount as the log writes it. */
export function amountText(amount: Money | null): string {
  return amount === null ? 'ikke fastsatt' : amount.toFixed2();
}

/** A version id from a name: lower-case ASCII words joined by dashes, unique among the ids taken. */
export function versionIdOf(name: string, taken: readonly string[]): string {
  const folded = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = folded === '' ? 'versjon' : folded.slice(0, 40);
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** The first version, made from a set of frames (for example the embedded plan's). */
export function createVersion(
  frames: readonly Frame[],
  meta: { id: string; name: string; kind: VersionKind },
  context: ChangeContext,
): { version: PlanVersion; change: ChangeRecord } {
  const version: PlanVersion = { ...meta, basedOn: null, status: 'draft', frames: [...frames] };
  return {
    version,
    change: { ...context, action: 'version_created', target: meta.id, before: '', after: `${meta.name} (utkast)` },
  };
}

/** A new draft from any version, approved or not; the frames are copied unchanged. */
export function deriveVersion(
  base: PlanVersion,
  meta: { id: string; name: string; kind: VersionKind },
  context: ChangeContext,
): { version: PlanVersion; change: ChangeRecord } {
  const version: PlanVersion = { ...meta, basedOn: base.id, status: 'draft', frames: [...base.frames] };
  return {
    version,
    change: {
      ...context,
      action: 'version_created',
      target: meta.id,
      before: base.id,
      after: `${meta.name} (utkast, fra ${base.id})`,
    },
  };
}

const NEXT: Record<VersionStatus, readonly VersionStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: [],
};

/** The status in bokmål (as the workbook and the log write it). */
export function statusWords(status: VersionStatus): string {
  return versionStatusText(status, 'nb');
}

function ref(version: PlanVersion): { id: string; name: string } {
  return { id: version.id, name: version.name };
}

/** Moves a version draft → submitted → approved (a submitted version may go back to draft). */
export function setStatus(version: PlanVersion, to: VersionStatus, context: ChangeContext, lang: Lang = 'nb'): VersionResult {
  if (!NEXT[version.status].includes(to)) {
    if (version.status === 'approved') return notEditable(version, lang);
    return refuse('bad_transition', { code: 'bad_transition', version: ref(version), status: version.status, to }, lang);
  }
  return {
    ok: true,
    version: { ...version, status: to },
    change: {
      ...context,
      action: 'version_status',
      target: version.id,
      before: statusWords(version.status),
      after: statusWords(to),
    },
  };
}

/** Whether a version may be changed (only drafts may). */
export function isEditable(version: PlanVersion): boolean {
  return version.status === 'draft';
}

/** The frame of a version with the given key, if any. */
export function findFrame(version: PlanVersion, key: string): Frame | undefined {
  return version.frames.find((f) => frameKey(f) === key);
}

/** Replaces frames by key (internal helper for changes that touch one or more frames). */
export function replaceFrames(version: PlanVersion, changed: readonly Frame[]): PlanVersion {
  const byKey = new Map(changed.map((f) => [frameKey(f), f]));
  return { ...version, frames: version.frames.map((f) => byKey.get(frameKey(f)) ?? f) };
}

/** Sets one frame's amount in a draft; the frame's source becomes `entered`. */
export function setFrameAmount(
  version: PlanVersion,
  key: string,
  amount: Money | null,
  context: ChangeContext,
  lang: Lang = 'nb',
): VersionResult {
  if (!isEditable(version)) return notEditable(version, lang);
  const frame = findFrame(version, key);
  if (!frame) return refuse('unknown_frame', { code: 'unknown_frame', frame: frameRefOfKey(key) }, lang);
  if (amount?.isNegative()) return refuse('negative_amount', { code: 'negative_frame', amount }, lang);
  const changed: Frame = { ...frame, amount, source: 'entered' };
  return {
    ok: true,
    version: replaceFrames(version, [changed]),
    change: {
      ...context,
      action: 'frame_changed',
      target: `${version.id}/${key}`,
      before: amountText(frame.amount),
      after: amountText(amount),
    },
  };
}

/** The refusal for a version that is not a draft. */
export function notEditable(version: PlanVersion, lang: Lang = 'nb'): Extract<VersionResult, { ok: false }> {
  const code = version.status === 'approved' ? 'version_approved' : 'version_submitted';
  return refuse('read_only', { code, version: ref(version) }, lang);
}

/** Records that a frame's condition (the SKIL pool's state-aid condition) is confirmed: a decision in the log. */
export function confirmCondition(version: PlanVersion, key: string, context: ChangeContext, lang: Lang = 'nb'): VersionResult {
  if (!isEditable(version)) return notEditable(version, lang);
  const frame = findFrame(version, key);
  if (!frame) return refuse('unknown_frame', { code: 'unknown_frame', frame: frameRefOfKey(key) }, lang);
  if (frame.condition === '') return refuse('no_condition', { code: 'no_condition', frame: frameRefOfKey(key) }, lang);
  return {
    ok: true,
    version: replaceFrames(version, [{ ...frame, conditionConfirmed: true }]),
    change: {
      ...context,
      action: 'condition_confirmed',
      target: `${version.id}/${key}`,
      before: `ikke bekreftet: ${frame.condition}`,
      after: 'bekreftet',
    },
  };
}

/** How one frame differs between two versions. */
export interface FrameDifference {
  readonly key: string;
  readonly instrument: string;
  readonly from: number;
  readonly to: number;
  readonly before: Money | null;
  readonly after: Money | null;
  /** after − before, or null when either is not set. */
  readonly difference: Money | null;
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
}

/** Compares two versions frame by frame, in the order of `a` and then frames only in `b`. */
export function compareVersions(a: PlanVersion, b: PlanVersion): FrameDifference[] {
  const inB = new Map(b.frames.map((f) => [frameKey(f), f]));
  const seen = new Set<string>();
  const out: FrameDifference[] = [];
  const same = (x: Money | null, y: Money | null) => (x === null ? y === null : y !== null && x.eq(y));
  for (const frame of a.frames) {
    const key = frameKey(frame);
    seen.add(key);
    const other = inB.get(key);
    const after = other ? other.amount : null;
    out.push({
      key,
      instrument: frame.instrument,
      from: frame.from,
      to: frame.to,
      before: frame.amount,
      after,
      difference: frame.amount !== null && after !== null ? after.minus(frame.amount) : null,
      change: !other ? 'removed' : same(frame.amount, after) ? 'unchanged' : 'changed',
    });
  }
  for (const frame of b.frames) {
    const key = frameKey(frame);
    if (seen.has(key)) continue;
    out.push({
      key,
      instrument: frame.instrument,
      from: frame.from,
      to: frame.to,
      before: null,
      after: frame.amount,
      difference: null,
      change: 'added',
    });
  }
  return out;
}
