/**
 * Reallocation (omdisponering): moving an amount from one instrument's frame to another's within
 * one year. The year's total stays the same, and a move that would take the source frame below
 * what is already spent and committed is refused. `previewReallocation` shows the remaining
 * amounts before and after, so the funds check comes when a change is proposed, not afterwards.
 */
import type { ChangeRecord } from '../audit/log.js';
import { Money, sum } from '../money.js';
import { noticeText, type GovernanceNotice, type GovernanceRefusal, type InstrumentNames } from '../messages/governance.js';
import type { Lang } from '../messages/problems.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import { isClosed, type ClosedYears } from './closing.js';
import { frameKey, type Frame } from './frame.js';
import { isEditable, notEditable, replaceFrames, type ChangeContext, type PlanVersion } from './versions.js';

/** A proposed move of money between two instruments in one year. */
export interface Reallocation {
  readonly year: number;
  readonly from: string;
  readonly to: string;
  readonly amount: Money;
}

/** Why a reallocation was refused. */
export type ReallocationRefusal =
  'read_only' | 'year_closed' | 'same_instrument' | 'not_positive' | 'no_annual_frame' | 'frame_not_set' | 'below_spent';

/** One side of a reallocation: the frame and what remains of it before and after. */
export interface ReallocationSide {
  readonly key: string;
  readonly frameBefore: Money | null;
  readonly frameAfter: Money | null;
  readonly spent: Money;
  readonly openCommitments: Money;
  /** frame − spent − open commitments, before the move. */
  readonly remainingBefore: Money | null;
  readonly remainingAfter: Money | null;
}

/** The figures of a proposed reallocation, shown whether or not it is allowed. */
export interface ReallocationPreview {
  readonly source: ReallocationSide | null;
  readonly target: ReallocationSide | null;
  /** The sum of the year's annual frames, before and after (equal when allowed). */
  readonly yearTotalBefore: Money;
  readonly yearTotalAfter: Money;
  /** The reason it is refused, or null when it is allowed. */
  readonly refusal: ReallocationRefusal | null;
  /** The verdict as a code with its values: the refusal, or `reallocated` with what remains. */
  readonly notice: GovernanceNotice;
  /** The verdict in words, from the governance catalogue. */
  readonly message: string;
}

function annualFrame(version: PlanVersion, instrument: string, year: number): Frame | undefined {
  return version.frames.find((f) => f.instrument === instrument && f.from === year && f.to === year);
}

function side(frame: Frame | undefined, rows: readonly ReconciliationRow[], delta: Money): ReallocationSide | null {
  if (!frame) return null;
  const row = rows.find((r) => r.instrument === frame.instrument && r.from === frame.from && r.to === frame.to);
  const spent = row?.spent ?? Money.zero;
  const open = row?.openCommitments ?? Money.zero;
  const after = frame.amount === null ? null : frame.amount.plus(delta);
  return {
    key: frameKey(frame),
    frameBefore: frame.amount,
    frameAfter: after,
    spent,
    openCommitments: open,
    remainingBefore: frame.amount === null ? null : frame.amount.minus(spent).minus(open),
    remainingAfter: after === null ? null : after.minus(spent).minus(open),
  };
}

function yearTotal(frames: readonly Frame[], year: number): Money {
  return sum(frames.filter((f) => f.from === year && f.to === year && f.amount !== null).map((f) => f.amount!));
}

/** The figures and the verdict for a proposed reallocation, without changing anything (instruments named as `instruments` names them). */
export function previewReallocation(
  version: PlanVersion,
  move: Reallocation,
  rows: readonly ReconciliationRow[],
  closed: ClosedYears = new Map(),
  lang: Lang = 'nb',
  instruments?: InstrumentNames,
): ReallocationPreview {
  const source = side(annualFrame(version, move.from, move.year), rows, move.amount.negated());
  const target = side(annualFrame(version, move.to, move.year), rows, move.amount);
  const before = yearTotal(version.frames, move.year);
  const verdict = (refusal: ReallocationRefusal | null, notice: GovernanceNotice): ReallocationPreview => ({
    source,
    target,
    yearTotalBefore: before,
    yearTotalAfter: before,
    refusal,
    notice,
    message: noticeText(notice, lang, instruments),
  });
  const { year } = move;
  if (!isEditable(version)) return verdict('read_only', notEditable(version).refusal);
  if (isClosed(closed, year)) return verdict('year_closed', { code: 'reallocation_in_closed_year', year });
  if (move.from === move.to) return verdict('same_instrument', { code: 'same_instrument', instrument: move.from });
  if (!move.amount.gt(Money.zero)) return verdict('not_positive', { code: 'not_positive', amount: move.amount });
  if (!source || !target)
    return verdict('no_annual_frame', { code: 'no_annual_frame', instrument: !source ? move.from : move.to, year });
  if (source.frameBefore === null || target.frameBefore === null) {
    const instrument = source.frameBefore === null ? move.from : move.to;
    return verdict('frame_not_set', { code: 'frame_not_set', instrument, year });
  }
  if (source.remainingAfter!.isNegative()) {
    return verdict('below_spent', {
      code: 'below_spent',
      instrument: move.from,
      year,
      amount: move.amount,
      frameAfter: source.frameAfter!,
      spent: source.spent,
      openCommitments: source.openCommitments,
      remaining: source.remainingBefore!,
    });
  }
  return verdict(null, {
    code: 'reallocated',
    year,
    from: move.from,
    to: move.to,
    amount: move.amount,
    remainingFrom: source.remainingAfter!,
    remainingTo: target.remainingAfter!,
  });
}

/** The result of a reallocation: the changed draft, its preview and the log record, or the refusal. */
export type ReallocationResult =
  | { readonly ok: true; readonly version: PlanVersion; readonly preview: ReallocationPreview; readonly change: ChangeRecord }
  | {
      readonly ok: false;
      readonly preview: ReallocationPreview;
      readonly reason: ReallocationRefusal;
      readonly refusal: GovernanceRefusal;
      readonly message: string;
    };

/** Carries out a reallocation in a draft version: both frames change, the year's total does not. */
export function reallocate(
  version: PlanVersion,
  move: Reallocation,
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  closed: ClosedYears = new Map(),
  lang: Lang = 'nb',
  instruments?: InstrumentNames,
): ReallocationResult {
  const preview = previewReallocation(version, move, rows, closed, lang, instruments);
  if (preview.refusal !== null) {
    // A refused preview's notice is always a refusal: only an allowed move gives `reallocated`.
    const refusal = preview.notice as GovernanceRefusal;
    return { ok: false, preview, reason: preview.refusal, refusal, message: preview.message };
  }
  const source = annualFrame(version, move.from, move.year)!;
  const target = annualFrame(version, move.to, move.year)!;
  const changed = replaceFrames(version, [
    { ...source, amount: preview.source!.frameAfter, source: 'entered' },
    { ...target, amount: preview.target!.frameAfter, source: 'entered' },
  ]);
  return {
    ok: true,
    version: changed,
    preview,
    change: {
      ...context,
      action: 'reallocation',
      target: `${version.id}/${move.year}: ${move.from} → ${move.to}`,
      before: `${move.from} ${preview.source!.frameBefore!.toFixed2()}, ${move.to} ${preview.target!.frameBefore!.toFixed2()}`,
      after: `${move.from} ${preview.source!.frameAfter!.toFixed2()}, ${move.to} ${preview.target!.frameAfter!.toFixed2()}`,
    },
  };
}
