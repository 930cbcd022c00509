/**
 * Year-end forecast (prognose) for the current year: per instrument, the disbursements to date, a
 * monthly run-rate over the completed months, the projection for the year end, and an early warning
 * when the projection passes the frame or falls far below it. The date is a parameter.
 */
import { isoDate, type IsoDate } from '../calendar.js';
import { isDatedBy, isoDateNumber, type LedgerLine } from '../ledger/line.js';
import { Dec, Money, ratio } from '../money.js';
import type { Plan } from '../plan/plan.js';

/** Thresholds for the early warnings. */
export interface ForecastThresholds {
  /** Warn `far_below` when the projection is below frame × (1 − this). Default `"0.25"`. */
  readonly farBelowShare: string;
  /** Warn only after this many completed months (a January run-rate says little). Default 2. */
  readonly minMonths: number;
}

/** The default thresholds: warn below 75 % of the frame, from the end of February. */
export const DEFAULT_FORECAST_THRESHOLDS: ForecastThresholds = { farBelowShare: '0.25', minMonths: 2 };

/** An early warning. */
export type ForecastWarning = 'over_frame' | 'far_below';

/** The forecast for one annual frame. */
export interface ForecastRow {
  readonly instrument: string;
  readonly year: number;
  readonly frame: Money | null;
  /** Months of the year completed by the as-of date (0–12). */
  readonly monthsCompleted: number;
  /** Disbursements per calendar month of the year (index 0 = January), dated on or before as-of. */
  readonly monthly: readonly Money[];
  /** Disbursements for the year dated before it began (advances), counted once, not in the run-rate. */
  readonly before: Money;
  /** Everything disbursed for the year up to the as-of date. */
  readonly spentToDate: Money;
  /** Average per completed month, or null with no completed month. */
  readonly runRate: Money | null;
  /** before + run-rate × 12, never below what is already spent; rounded to øre; null without a run-rate. */
  readonly projected: Money | null;
  /** projected / frame, 4 decimals. */
  readonly projectedUtilisation: string | null;
  readonly warnings: readonly ForecastWarning[];
}

function completedMonths(year: number, asOf: IsoDate): number {
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear > year) return 12;
  if (asOfYear < year) return 0;
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  const lastDay = isoDate(year, month, day + 1) === null;
  return lastDay ? month : month - 1;
}

/** Projects the year end of every annual frame of `year` from the ledger lines, as of a date. */
export function forecastYear(
  plan: Plan,
  lines: Iterable<LedgerLine>,
  year: number,
  asOf: IsoDate,
  thresholds: Partial<ForecastThresholds> = {},
): ForecastRow[] {
  const limits = { ...DEFAULT_FORECAST_THRESHOLDS, ...thresholds };
  const months = completedMonths(year, asOf);
  const perInstrument = new Map<string, { monthly: bigint[]; before: bigint }>();
  const asOfNumber = isoDateNumber(asOf);
  for (const line of lines) {
    if (line.kind !== 'utbetaling' || line.year !== year || !isDatedBy(isoDateNumber(line.date), asOfNumber)) continue;
    // A line not placed on an instrument yet counts for no instrument's forecast.
    if (line.instrument === null) continue;
    let bucket = perInstrument.get(line.instrument);
    if (!bucket) {
      bucket = { monthly: Array.from({ length: 12 }, () => 0n), before: 0n };
      perInstrument.set(line.instrument, bucket);
    }
    const lineYear = Number(line.date.slice(0, 4));
    if (lineYear < year) bucket.before += line.amount;
    else if (lineYear === year) bucket.monthly[Number(line.date.slice(5, 7)) - 1]! += line.amount;
    // LIMITATION: a disbursement for the year dated after it (a late payment) is counted in
    // spentToDate through the last month only when the as-of date is in a later year.
    else bucket.monthly[11]! += line.amount;
  }
  const frames = plan.frames.filter((f) => f.from === year && f.to === year);
  return frames.map((frame) => {
    const bucket = perInstrument.get(frame.instrument) ?? { monthly: Array.from({ length: 12 }, () => 0n), before: 0n };
    const monthly = bucket.monthly.map((milli) => Money.fromMilli(milli));
    const completed = bucket.monthly.slice(0, months).reduce((a, b) => a + b, 0n);
    const spentToDate = Money.fromMilli(bucket.before + bucket.monthly.reduce((a, b) => a + b, 0n));
    // Run-rate and projection are computed in whole øre (decimal division, rounded half-up once).
    const perMonth = months === 0 ? null : new Dec(completed.toString()).dividedBy(1000).dividedBy(months);
    const runRate = perMonth === null ? null : Money.of(perMonth.toDecimalPlaces(2).toFixed(2));
    const projected =
      perMonth === null
        ? null
        : Money.fromMilli(bucket.before)
            .plus(Money.of(perMonth.times(12).toDecimalPlaces(2).toFixed(2)))
            .max(spentToDate);
    const warnings: ForecastWarning[] = [];
    if (projected !== null && frame.amount !== null && months >= limits.minMonths) {
      if (projected.gt(frame.amount)) warnings.push('over_frame');
      const floor = frame.amount.times(new Dec(1).minus(limits.farBelowShare).toString());
      if (projected.lt(floor)) warnings.push('far_below');
    }
    return {
      instrument: frame.instrument,
      year,
      frame: frame.amount,
      monthsCompleted: months,
      monthly,
      before: Money.fromMilli(bucket.before),
      spentToDate,
      runRate,
      projected,
      projectedUtilisation: projected === null || frame.amount === null ? null : ratio(projected, frame.amount, 4),
      warnings,
    };
  });
}
