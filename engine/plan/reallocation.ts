/**
 * Reallocation (omdisponering): moving an amount from one instrument's frame to another's within
 * one year. The year's total stays the same, and a move that would take the source frame below
 * what is already spent and committed is refused. `previewReallocation` shows the remaining
 * amounts before and after, so the funds check comes when a change is proposed, not afterwards.
 */
import type { ChangeRecord } from '../audit/log.js';
import { Money, sum } from '../money.js';
import type { Lang } from '../problems.js';
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

/** The figures and the verdict for a proposed reallocation, without changing anything. */
export function previewReallocation(
  version: PlanVersion,
  move: Reallocation,
  rows: readonly ReconciliationRow[],
  closed: ClosedYears = new Map(),
  lang: Lang = 'nb',
): ReallocationPreview {
  const source = side(annualFrame(version, move.from, move.year), rows, move.amount.negated());
  const target = side(annualFrame(version, move.to, move.year), rows, move.amount);
  const before = yearTotal(version.frames, move.year);
  const refuse = (refusal: ReallocationRefusal, message: string): ReallocationPreview => ({
    source,
    target,
    yearTotalBefore: before,
    yearTotalAfter: before,
    refusal,
    message,
  });
  const nb = lang === 'nb';
  const kr = (m: Money | null) => (m === null ? (nb ? 'ikke fastsatt' : 'not set') : `${m.toFixed2()} ${nb ? 'kr' : 'NOK'}`);
  if (!isEditable(version)) {
    const refused = notEditable(version);
    const en = `The version “${version.name}” is ${version.status === 'approved' ? 'approved' : 'submitted'} and cannot be changed; start a new version from it.`;
    return refuse('read_only', nb ? (refused.ok ? '' : refused.message) : en);
  }
  if (isClosed(closed, move.year)) {
    return refuse(
      'year_closed',
      nb
        ? `${move.year} er avsluttet; gjenåpne året for å omdisponere.`
        : `${move.year} is closed; reopen the year to reallocate.`,
    );
  }
  if (move.from === move.to)
    return refuse('same_instrument', nb ? 'Fra og til er samme virkemiddel.' : 'From and to are the same instrument.');
  if (!move.amount.gt(Money.zero)) {
    return refuse(
      'not_positive',
      nb
        ? `Beløpet må være større enn 0 (${move.amount.toFixed2()}).`
        : `The amount must be greater than 0 (${move.amount.toFixed2()}).`,
    );
  }
  if (!source || !target) {
    const missing = !source ? move.from : move.to;
    return refuse(
      'no_annual_frame',
      nb
        ? `${missing} har ingen årlig ramme for ${move.year} i versjonen.`
        : `${missing} has no annual frame for ${move.year} in the version.`,
    );
  }
  if (source.frameBefore === null || target.frameBefore === null) {
    const missing = source.frameBefore === null ? move.from : move.to;
    return refuse(
      'frame_not_set',
      nb
        ? `Rammen for ${missing} i ${move.year} er ikke fastsatt; sett et beløp før du omdisponerer.`
        : `The frame of ${missing} in ${move.year} is not set; set an amount before reallocating.`,
    );
  }
  if (source.remainingAfter!.isNegative()) {
    const bound = kr(source.spent.plus(source.openCommitments));
    return refuse(
      'below_spent',
      nb
        ? `Omdisponeringen avvises: rammen for ${move.from} i ${move.year} ville blitt ${kr(source.frameAfter)}, ` +
            `under det som er utbetalt og bundet i åpne tilsagn (${bound}). Gjenstår: ${kr(source.remainingBefore)}. Høyst ${kr(source.remainingBefore)} kan flyttes.`
        : `The reallocation is refused: the frame of ${move.from} in ${move.year} would become ${kr(source.frameAfter)}, ` +
            `below what is spent and bound in open commitments (${bound}). Remaining: ${kr(source.remainingBefore)}. At most ${kr(source.remainingBefore)} can be moved.`,
    );
  }
  return {
    source,
    target,
    yearTotalBefore: before,
    yearTotalAfter: before,
    refusal: null,
    message: nb
      ? `${kr(move.amount)} flyttes fra ${move.from} til ${move.to} i ${move.year}. ` +
        `Gjenstår etterpå: ${move.from} ${kr(source.remainingAfter)}, ${move.to} ${kr(target.remainingAfter)}.`
      : `${kr(move.amount)} moves from ${move.from} to ${move.to} in ${move.year}. ` +
        `Remaining afterwards: ${move.from} ${kr(source.remainingAfter)}, ${move.to} ${kr(target.remainingAfter)}.`,
  };
}

/** The result of a reallocation: the changed draft, its preview and the log record, or the refusal. */
export type ReallocationResult =
  | { readonly ok: true; readonly version: PlanVersion; readonly preview: ReallocationPreview; readonly change: ChangeRecord }
  | { readonly ok: false; readonly preview: ReallocationPreview; readonly reason: ReallocationRefusal; readonly message: string };

/** Carries out a reallocation in a draft version: both frames change, the year's total does not. */
export function reallocate(
  version: PlanVersion,
  move: Reallocation,
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  closed: ClosedYears = new Map(),
  lang: Lang = 'nb',
): ReallocationResult {
  const preview = previewReallocation(version, move, rows, closed, lang);
  if (preview.refusal !== null) return { ok: false, preview, reason: preview.refusal, message: preview.message };
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
