/** The JSON form of the annual evaluation (CONTRACTS §6): indicator values as strings with two decimals, money as in §4. */
import type { IndicatorAssessment } from './assess-indicator.js';
import type { Evaluation, InstrumentAssessment } from './evaluation.js';
import { fixed2, periodText } from './indicators.js';

/** One indicator as JSON. */
export function indicatorJson(a: IndicatorAssessment): Record<string, unknown> {
  return {
    id: a.definition.id,
    name: a.definition.name,
    national: a.definition.national,
    value: a.value ? fixed2(a.value.value) : null,
    period: a.value ? periodText(a.value) : null,
    measure: a.value?.measure ?? null,
    source: a.value?.source ?? null,
    baseline: a.baseline ? fixed2(a.baseline.value) : null,
    baselineYear: a.baseline ? a.baseline.year : null,
    baselineMeasure: a.baseline?.measure ?? null,
    goal: a.goal === null ? null : fixed2(a.goal),
    changeFromBaseline: a.changeFromBaseline,
    direction: a.direction,
    endYear: a.endYear,
    projectedAtEnd: a.projectedAtEnd === null ? null : fixed2(a.projectedAtEnd),
    onCourse: a.onCourse,
    mixedMeasures: a.mixedMeasures,
  };
}

/** One instrument as JSON. */
export function instrumentJson(i: InstrumentAssessment): Record<string, unknown> {
  return {
    instrument: i.instrument,
    name: i.name,
    from: i.from,
    to: i.to,
    frame: i.frame?.toFixed2() ?? null,
    spent: i.spent.toFixed2(),
    openCommitments: i.openCommitments.toFixed2(),
    remaining: i.remaining?.toFixed2() ?? null,
    utilisation: i.utilisation,
    elapsed: i.elapsed,
    pace: i.pace,
    status: i.status,
    flags: i.flags,
    forecastWarnings: i.forecastWarnings,
    activities: i.activities.map((a) => ({
      label: a.label,
      count: a.count.toString(),
      costPerActivity: a.costPerActivity?.toFixed2() ?? null,
    })),
    openCommitmentsByDueYear: i.openByDueYear.map((d) => ({ year: d.year, amount: d.amount.toFixed2() })),
  };
}

/** The whole evaluation as JSON, in the contract's field order with our additions after. */
export function evaluationJson(e: Evaluation): Record<string, unknown> {
  return {
    year: e.year,
    indicators: e.indicators.map(indicatorJson),
    instruments: e.instruments.map(instrumentJson),
    adjustmentRequired: e.adjustmentRequired,
    findings: e.findings,
    asOf: e.asOf,
    adjustmentReasons: e.adjustmentReasons,
    resources: e.resources.map((r) => ({
      centre: r.centre,
      year: r.year,
      personYears: r.personYears?.toString() ?? null,
      advisers: r.advisers?.toString() ?? null,
      enterprises: r.enterprises?.toString() ?? null,
      approximate: r.approximate,
      enterprisesPerAdviser: r.enterprisesPerAdviser,
      enterprisesPerPersonYear: r.enterprisesPerPersonYear,
      source: r.source,
    })),
    thresholds: e.thresholds,
    authorisations: e.authorisations.map((a) => ({
      chapter: a.chapter,
      post: a.post,
      year: a.year,
      authorisation: a.authorisation.toFixed2(),
      used: a.used.toFixed2(),
      unknownDue: a.unknownDue.toFixed2(),
      left: a.left.toFixed2(),
      exceeded: a.exceeded,
    })),
  };
}
