/**
 * The annual evaluation (årlig vurdering): for a year, every indicator against its baseline and
 * goal, every instrument's frame against spending with a status (i rute / risiko / avvik), activity
 * figures and cost per activity, the working-life centres' resources, whether the agreement's
 * trigger for talks on adjustments is met, and findings in plain sentences.
 */
import { lapseWarnings, type PostYearOrigin } from '../reconcile/origin.js';
import { commitmentRegister, type Authorisation, type AuthorisationUse, type DueAmount } from '../reconcile/commitments.js';
import { isoDate, type IsoDate } from '../calendar.js';
import type { LedgerLine } from '../ledger/line.js';
import { Dec, Money } from '../money.js';
import type { Plan } from '../plan/plan.js';
import type { Lang } from '../messages/problems.js';
import { forecastYear, type ForecastWarning } from '../reconcile/forecast.js';
import { reconcile, type Flag } from '../reconcile/reconcile.js';
import { assessIndicator, type IndicatorAssessment } from './assess-indicator.js';
import { evaluationFindings } from './findings.js';
import { BUILT_IN_VALUES, indicatorDefinition, mergeValues, NATIONAL_INDICATORS, type IndicatorValue } from './indicators.js';
import {
  activityCosts,
  assessResources,
  BUILT_IN_RESOURCES,
  type ActivityCost,
  type ActivityFigure,
  type CentreResources,
  type ResourceAssessment,
} from './resources.js';

/** An instrument's status for the year. */
export type InstrumentStatus = 'i rute' | 'risiko' | 'avvik';

/**
 * The thresholds behind the status, on the pace: utilisation divided by the share of the frame's
 * period that has passed (1 for a finished year).
 */
export interface StatusThresholds {
  /** A pace below this is `risiko`. Default `"0.90"`. */
  readonly riskBelow: string;
  /** A pace below this is `avvik`. Default `"0.75"`. */
  readonly deviationBelow: string;
}

/** The defaults: i rute from 90 % of the expected use, risiko from 75 %, avvik below 75 % or over the frame. */
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { riskBelow: '0.90', deviationBelow: '0.75' };

/** One instrument's frame for the year, assessed. */
export interface InstrumentAssessment {
  readonly instrument: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly frame: Money | null;
  readonly spent: Money;
  readonly openCommitments: Money;
  readonly remaining: Money | null;
  readonly utilisation: string | null;
  /** The share of the frame's period passed by the as-of date, 4 decimals. */
  readonly elapsed: string;
  /** utilisation / elapsed, 4 decimals; null without a frame or before the period begins. */
  readonly pace: string | null;
  /** null where the frame has no amount (nothing to judge against). */
  readonly status: InstrumentStatus | null;
  readonly flags: readonly Flag[];
  readonly forecastWarnings: readonly ForecastWarning[];
  readonly activities: readonly ActivityCost[];
  /**
   * Issue 12: the instrument's commitments open at the end of the year (or the as-of date) by the
   * year they fall due (`year` null: no due date in the ledger), from the commitments register.
   */
  readonly openByDueYear: readonly DueAmount[];
}

/** Everything the evaluation needs; all of it plain values. */
export interface EvaluationInput {
  readonly year: number;
  readonly plan: Plan;
  readonly lines: Iterable<LedgerLine>;
  /** The report date; lines dated after it are ignored. */
  readonly asOf: IsoDate;
  /** Values added to (and replacing) the built-in ones. */
  readonly values?: readonly IndicatorValue[];
  /** Issue 12: the commitment authorisations (`Tilsagnsfullmakter`), whose use the evaluation shows. */
  readonly authorisations?: readonly Authorisation[];
  /** Issue 12: the appropriations by year of origin (`originsOfState`), whose lapses at the end of the year are findings. */
  readonly origins?: readonly PostYearOrigin[];
  /** Goals set by the group, by indicator id (industry indicators). */
  readonly goals?: ReadonlyMap<string, Dec>;
  readonly activities?: readonly ActivityFigure[];
  /** Centre resources added to the built-in ones (a centre and year given replaces the built-in). */
  readonly resources?: readonly CentreResources[];
  readonly thresholds?: Partial<StatusThresholds>;
  readonly lang?: Lang;
}

/** The annual evaluation. */
export interface Evaluation {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly lang: Lang;
  readonly indicators: readonly IndicatorAssessment[];
  /** Every indicator value known (built in and added), for the `Indikatorer` table. */
  readonly values: readonly IndicatorValue[];
  readonly instruments: readonly InstrumentAssessment[];
  readonly resources: readonly ResourceAssessment[];
  readonly thresholds: StatusThresholds;
  /** True when a national indicator moved the wrong way (the agreement's trigger). */
  readonly adjustmentRequired: boolean;
  /** The reasons, one sentence per national indicator that moved the wrong way. */
  readonly adjustmentReasons: readonly string[];
  readonly findings: readonly string[];
  /** Issue 12: each commitment authorisation set for the year, beside what uses it. */
  readonly authorisations: readonly AuthorisationUse[];
}

function monthsPassed(from: number, to: number, asOf: IsoDate): number {
  let months = 0;
  for (let year = from; year <= to; year++) {
    const y = Number(asOf.slice(0, 4));
    if (y > year) months += 12;
    else if (y === year) {
      const month = Number(asOf.slice(5, 7));
      const lastDay = isoDate(year, month, Number(asOf.slice(8, 10)) + 1) === null;
      months += lastDay ? month : month - 1;
    }
  }
  return months;
}

/** The status of a frame from its figures: over the frame is avvik; otherwise by pace and thresholds. */
export function instrumentStatus(
  figures: {
    frame: Money | null;
    spent: Money;
    openCommitments: Money;
    pace: string | null;
    flags: readonly Flag[];
    forecastWarnings: readonly ForecastWarning[];
  },
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): InstrumentStatus | null {
  if (figures.frame === null) return null;
  if (figures.spent.plus(figures.openCommitments).gt(figures.frame)) return 'avvik';
  const pace = figures.pace === null ? null : new Dec(figures.pace);
  if (pace !== null && pace.lessThan(thresholds.deviationBelow)) return 'avvik';
  if (pace !== null && pace.lessThan(thresholds.riskBelow)) return 'risiko';
  if (figures.forecastWarnings.includes('over_frame') || figures.flags.includes('condition_unconfirmed')) return 'risiko';
  return 'i rute';
}

/** Evaluates a year. Deterministic: the same input gives the same evaluation. */
export function evaluate(input: EvaluationInput): Evaluation {
  const lang = input.lang ?? 'nb';
  const thresholds = { ...DEFAULT_STATUS_THRESHOLDS, ...input.thresholds };
  const values = mergeValues(BUILT_IN_VALUES, input.values ?? []);
  const goals = input.goals ?? new Map<string, Dec>();
  const ids = [
    ...NATIONAL_INDICATORS.map((d) => d.id),
    ...new Set(values.map((v) => v.indicator).filter((id) => id.startsWith('bransje:'))),
  ];
  const indicators = ids.map((id) => {
    const base = indicatorDefinition(id)!;
    const goal = goals.get(id);
    return assessIndicator(goal === undefined ? base : { ...base, goal: { kind: 'value', value: goal } }, values, input.year);
  });

  const lines = [...input.lines];
  const reconciliation = reconcile(input.plan, lines, input.asOf);
  const register = commitmentRegister(lines, input.year, { asOf: input.asOf, authorisations: input.authorisations ?? [] });
  const forecast = forecastYear(input.plan, lines, input.year, input.asOf);
  const instruments = reconciliation.rows
    .filter((row) => row.from <= input.year && input.year <= row.to)
    .map((row): InstrumentAssessment => {
      const meta = input.plan.instruments.find((i) => i.id === row.instrument);
      const months = monthsPassed(row.from, row.to, input.asOf);
      const elapsed = new Dec(months).dividedBy(12 * (row.to - row.from + 1));
      const pace =
        row.utilisation === null || elapsed.isZero()
          ? null
          : new Dec(row.utilisation).dividedBy(elapsed).toDecimalPlaces(4).toFixed(4);
      const forecastWarnings = elapsed.lessThan(1)
        ? (forecast.find((f) => f.instrument === row.instrument && f.year === row.from && row.from === row.to)?.warnings ?? [])
        : [];
      return {
        instrument: row.instrument,
        name: meta ? (lang === 'nb' ? meta.name : meta.nameEn) : row.instrument,
        from: row.from,
        to: row.to,
        frame: row.frame,
        spent: row.spent,
        openCommitments: row.openCommitments,
        remaining: row.remaining,
        utilisation: row.utilisation,
        elapsed: elapsed.toDecimalPlaces(4).toFixed(4),
        pace,
        status: instrumentStatus({ ...row, pace, forecastWarnings }, thresholds),
        flags: row.flags,
        forecastWarnings,
        activities: activityCosts(input.activities ?? [], row.instrument, input.year, row.spent),
        openByDueYear: register.byInstrument.find((g) => g.instrument === row.instrument)?.dueByYear ?? [],
      };
    });

  const ownResources = input.resources ?? [];
  const builtIn = BUILT_IN_RESOURCES.filter((b) => !ownResources.some((r) => r.centre === b.centre && r.year === b.year));
  const resources = assessResources([...builtIn, ...ownResources], input.year);
  const { findings, adjustmentReasons } = evaluationFindings(
    {
      year: input.year,
      indicators,
      instruments,
      resources,
      thresholds,
      authorisations: register.authorisations,
      lapses: lapseWarnings(input.origins ?? [], input.year, lang),
    },
    lang,
  );
  return {
    year: input.year,
    asOf: input.asOf,
    lang,
    indicators,
    values,
    instruments,
    resources,
    thresholds,
    adjustmentRequired: indicators.some((a) => a.definition.national && a.direction === 'worse'),
    adjustmentReasons,
    findings,
    authorisations: register.authorisations,
  };
}
