/**
 * Per-year totals, as the budget counts them, in one place for every host (`ia-planner frames` and
 * `reconcile`, the task pane's overview, `IA.TOTAL`): state frames only, a pooled frame (the SKIL
 * pool 2019–2021) in its first year, as the 2019 budget did, so 2019 is 273 000 000 kr and every
 * later year of the embedded plan 271 000 000 kr. A frame whose amount is not set adds nothing and
 * is counted apart, so a total is never taken for complete when it is not.
 */
import { YEARS } from '../calendar.js';
import { Money } from '../money.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import type { Frame } from './frame.js';

/** Whether a frame counts in the year totals, and in which year: state frames, in their first year. */
function countsIn(frame: { readonly funding: Frame['funding']; readonly from: number }, year: number): boolean {
  return frame.funding === 'state' && frame.from === year;
}

/** Totals of state frames per year 2019–2028; a pooled frame counts in its first year. */
export function frameTotalsByYear(frames: readonly Frame[]): Map<number, Money> {
  const totals = new Map<number, Money>(YEARS.map((y) => [y, Money.zero]));
  for (const frame of frames) {
    if (frame.amount === null || frame.funding !== 'state') continue;
    totals.set(frame.from, (totals.get(frame.from) ?? Money.zero).plus(frame.amount));
  }
  return totals;
}

/** One year's totals of a reconciliation. */
export interface YearTotals {
  readonly year: number;
  /** The state frames that are set. */
  readonly frames: Money;
  /** Everything disbursed against the year's frames, whoever funds the instrument (the state's ledger). */
  readonly spent: Money;
  /** Everything still committed against the year's frames, likewise. */
  readonly openCommitments: Money;
  /** Disbursed against the state frames only: `frames − spentOnFrames − openOnFrames = remaining`. */
  readonly spentOnFrames: Money;
  /** Still committed against the state frames only. */
  readonly openOnFrames: Money;
  /** What remains of the state frames that are set. */
  readonly remaining: Money;
  /** How many state frames of the year have no amount (left out of `frames` and `remaining`). */
  readonly unset: number;
  /** How many state frames count in the year (none: the year has no state frame). */
  readonly count: number;
}

/**
 * A year's totals over reconciliation rows, frames counted as `frameTotalsByYear` counts them
 * (state frames, a pool in its first year). `spent` and `openCommitments` take every row of the
 * year, so no krone of the ledger is left out of a total; `spentOnFrames` and `openOnFrames` take
 * the state frames only, the ones `remaining` is left of.
 */
export function yearTotalsOf(rows: readonly ReconciliationRow[], year: number): YearTotals {
  let frames = Money.zero;
  let spent = Money.zero;
  let open = Money.zero;
  let spentOnFrames = Money.zero;
  let openOnFrames = Money.zero;
  let remaining = Money.zero;
  let unset = 0;
  let count = 0;
  for (const row of rows) {
    if (row.from !== year) continue;
    spent = spent.plus(row.spent);
    open = open.plus(row.openCommitments);
    if (!countsIn(row, year)) continue;
    count++;
    spentOnFrames = spentOnFrames.plus(row.spent);
    openOnFrames = openOnFrames.plus(row.openCommitments);
    if (row.frame === null) unset++;
    else frames = frames.plus(row.frame);
    if (row.remaining !== null) remaining = remaining.plus(row.remaining);
  }
  return { year, frames, spent, openCommitments: open, spentOnFrames, openOnFrames, remaining, unset, count };
}

/** The totals of every year 2019–2028 that has a row, in order. */
export function yearTotals(rows: readonly ReconciliationRow[]): YearTotals[] {
  const years = new Set(rows.map((r) => r.from));
  return YEARS.filter((year) => years.has(year)).map((year) => yearTotalsOf(rows, year));
}
