/**
 * One indicator for one year: its value, baseline, goal, change from the baseline, direction,
 * whether it is on course for the goal by the end of the agreement period, and whether the
 * value and the baseline are of different measure types.
 */
import type { Dec } from '../money.js';
import {
  agreementEndYear,
  BASELINE_YEAR,
  baselineOf,
  changeFromBaseline,
  directionOf,
  goalValue,
  meetsGoal,
  valueForYear,
  type Direction,
  type IndicatorDefinition,
  type IndicatorValue,
} from './indicators.js';

/** One point of an indicator's history: the value for a year. */
export interface HistoryPoint {
  readonly year: number;
  readonly value: IndicatorValue;
}

/** An indicator assessed for a year. */
export interface IndicatorAssessment {
  readonly definition: IndicatorDefinition;
  readonly value: IndicatorValue | null;
  readonly baseline: IndicatorValue | null;
  readonly goal: Dec | null;
  /** (value − baseline) / baseline, 4 decimals; null without value or baseline. */
  readonly changeFromBaseline: string | null;
  readonly direction: Direction | null;
  /** The last year of the agreement period the goal is judged at. */
  readonly endYear: number;
  /** The value at the end year if the trend since the baseline goes on; null without a trend. */
  readonly projectedAtEnd: Dec | null;
  /** Whether the goal is met, or will be if the trend since 2018 continues; null when it cannot be judged. */
  readonly onCourse: boolean | null;
  /** Whether value and baseline are of different (or unstated) measure types. */
  readonly mixedMeasures: boolean;
  /** The value for each year from the baseline year to the assessed year (for the chart). */
  readonly history: readonly HistoryPoint[];
}

function foldMeasure(measure: string): string {
  return measure.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Assesses an indicator for a year. On course: the goal is already met, or a straight line from
 * the 2018 baseline through this year's value reaches it by the end year. A goal that is only a
 * direction ("lower") is on course when the direction is better.
 */
export function assessIndicator(
  definition: IndicatorDefinition,
  values: readonly IndicatorValue[],
  year: number,
): IndicatorAssessment {
  const value = valueForYear(values, definition.id, year);
  const baseline = baselineOf(values, definition.id);
  const goal = goalValue(definition.goal, baseline?.value ?? null);
  const endYear = agreementEndYear(year);
  const history: HistoryPoint[] = [];
  for (let y = BASELINE_YEAR; y <= year; y++) {
    const point = valueForYear(values, definition.id, y);
    if (point) history.push({ year: y, value: point });
  }
  let change: string | null = null;
  let direction: Direction | null = null;
  let projectedAtEnd: Dec | null = null;
  let onCourse: boolean | null = null;
  if (value && baseline) {
    change = changeFromBaseline(value.value, baseline.value);
    direction = directionOf(value.value, baseline.value, definition.sense);
    const elapsed = year - BASELINE_YEAR;
    if (elapsed > 0) {
      // LIMITATION: a straight line from the baseline; a regression over the history would weigh
      // every year, but the council's question is the distance travelled since 2018.
      const slope = value.value.minus(baseline.value).dividedBy(elapsed);
      projectedAtEnd = value.value.plus(slope.times(endYear - year));
    }
  }
  if (value && goal !== null) {
    if (meetsGoal(value.value, goal, definition.sense)) onCourse = true;
    else if (projectedAtEnd !== null) onCourse = meetsGoal(projectedAtEnd, goal, definition.sense);
  } else if (definition.goal.kind === 'direction' && direction !== null) {
    onCourse = direction === 'better';
  }
  // Different measure types, or one stated and the other not; two unstated types are not flagged.
  const mixedMeasures =
    value !== null && baseline !== null && value !== baseline && foldMeasure(value.measure) !== foldMeasure(baseline.measure);
  return {
    definition,
    value,
    baseline,
    goal,
    changeFromBaseline: change,
    direction,
    endYear,
    projectedAtEnd,
    onCourse,
    mixedMeasures,
    history,
  };
}
