import { expect } from 'chai';
import {
  assessIndicator,
  BUILT_IN_VALUES,
  changeFromBaseline,
  Dec,
  directionOf,
  indicatorDefinition,
  mergeValues,
  readIndicatorCsv,
  valueForYear,
  type IndicatorValue,
} from '../../../engine/index.js';
import { indicatorCsv } from './evaluation-helpers.js';

const sick = indicatorDefinition('sykefravaer')!;

function fileValue(year: number, quarter: 1 | 2 | 3 | 4 | null, value: string, measure = 'ujustert'): IndicatorValue {
  return {
    indicator: 'sykefravaer',
    year,
    quarter,
    value: new Dec(value),
    measure,
    source: 'test',
    origin: { kind: 'file', file: 't.csv', line: 2 },
  };
}

describe('changeFromBaseline and direction', () => {
  // [value, baseline, change, direction with lower is better]
  const cases: [string, string, string, string][] = [
    ['7.19', '5.7', '0.2614', 'worse'],
    ['6.8', '5.7', '0.1930', 'worse'],
    ['5.13', '5.7', '-0.1000', 'better'],
    ['5.7', '5.7', '0.0000', 'unchanged'],
    ['5.8', '5.7', '0.0175', 'worse'],
    ['6.6', '5.7', '0.1579', 'worse'],
  ];
  for (const [value, baseline, change, direction] of cases) {
    it(`(${value} − ${baseline}) / ${baseline} = ${change}, ${direction}`, () => {
      expect(changeFromBaseline(new Dec(value), new Dec(baseline))).to.equal(change);
      expect(directionOf(new Dec(value), new Dec(baseline), 'lower_is_better')).to.equal(direction);
    });
  }

  it('rounds half-up at the fifth decimal (0.00005 goes up)', () => {
    expect(changeFromBaseline(new Dec('1.00005'), new Dec(1))).to.equal('0.0001');
  });

  it('reads higher as better for an indicator where higher is better', () => {
    expect(directionOf(new Dec(6), new Dec(5), 'higher_is_better')).to.equal('better');
  });
});

describe('the built-in indicators', () => {
  it('sykefravaer has the 2018 baseline 5.7, seasonally and influenza-adjusted, and the goal 5.7 × 0.9 = 5.13', () => {
    const a = assessIndicator(sick, BUILT_IN_VALUES, 2024);
    expect(a.baseline!.value.toFixed(2)).to.equal('5.70');
    expect(a.baseline!.measure).to.equal('sesong- og influensajustert');
    expect(a.goal!.toFixed(2)).to.equal('5.13');
  });

  it('frafall is lower-is-better with no numeric goal and, without values, no direction', () => {
    const frafall = indicatorDefinition('frafall')!;
    expect(frafall.sense).to.equal('lower_is_better');
    expect(frafall.goal.kind).to.equal('direction');
    const a = assessIndicator(frafall, BUILT_IN_VALUES, 2024);
    expect([a.value, a.goal, a.direction, a.onCourse]).to.deep.equal([null, null, null, null]);
  });

  it('the value for 2024 is the seed figure of Q3 2024, 7.19, as CONTRACTS §6 shows it', () => {
    const v = valueForYear(BUILT_IN_VALUES, 'sykefravaer', 2024)!;
    expect([v.value.toFixed(2), v.quarter]).to.deep.equal(['7.19', 3]);
  });

  it('an annual value wins over the quarters of its year (CONTRACTS §6)', () => {
    const values = mergeValues(BUILT_IN_VALUES, [fileValue(2024, null, '6.8')]);
    const v = valueForYear(values, 'sykefravaer', 2024)!;
    expect([v.value.toFixed(2), v.quarter]).to.deep.equal(['6.80', null]);
  });

  it('the value for 2025, which has only quarters, is the latest quarter (Q2 6.6)', () => {
    const v = valueForYear(BUILT_IN_VALUES, 'sykefravaer', 2025)!;
    expect([v.value.toFixed(2), v.quarter]).to.deep.equal(['6.60', 2]);
  });

  it('Q3 2024 = 7.19 is built in with the seed as source', () => {
    const q3 = BUILT_IN_VALUES.find((v) => v.year === 2024 && v.quarter === 3)!;
    expect(q3.value.toFixed(2)).to.equal('7.19');
    expect(changeFromBaseline(q3.value, new Dec('5.7'))).to.equal('0.2614');
  });

  it('names the public statistics as the source of the built-in values, never a project file', () => {
    for (const v of BUILT_IN_VALUES) expect(v.source, `${v.year}`).not.to.match(/FACTS|\.md\b/);
    const y2019 = BUILT_IN_VALUES.find((v) => v.year === 2019)!;
    expect(y2019.source).to.equal('Sykefraværsstatistikk fra NAV og SSB');
  });
});

describe('assessIndicator', () => {
  it('7.19 in Q3 2025 is +26.14 % on 2018, worse, off course for 5.13 by 2028, and a mixed-measure comparison', () => {
    const values = mergeValues(BUILT_IN_VALUES, [fileValue(2025, 3, '7.19')]);
    const a = assessIndicator(sick, values, 2025);
    expect(a.value!.value.toFixed(2)).to.equal('7.19');
    expect(a.changeFromBaseline).to.equal('0.2614');
    expect(a.direction).to.equal('worse');
    expect(a.endYear).to.equal(2028);
    // 7.19 + (7.19 − 5.7) / 7 × 3 = 7.8286 (the trend since 2018 continued to 2028).
    expect(a.projectedAtEnd!.toFixed(4)).to.equal('7.8286');
    expect(a.onCourse).to.equal(false);
    expect(a.mixedMeasures).to.equal(true);
  });

  it('a value at or below the goal is on course', () => {
    const a = assessIndicator(
      sick,
      mergeValues(BUILT_IN_VALUES, [fileValue(2026, null, '5.1', 'sesong- og influensajustert')]),
      2026,
    );
    expect([a.direction, a.onCourse, a.mixedMeasures]).to.deep.equal(['better', true, false]);
  });

  it('a falling trend that reaches the goal by 2028 is on course though the goal is not yet met', () => {
    // 2018 5.7 → 2026 5.3: −0.05 a year, 5.2 in 2028, which is above 5.13: off course; 5.2 in 2026 → 5.075 in 2028: on course.
    const slow = assessIndicator(sick, mergeValues(BUILT_IN_VALUES, [fileValue(2026, null, '5.3')]), 2026);
    const fast = assessIndicator(sick, mergeValues(BUILT_IN_VALUES, [fileValue(2026, null, '5.2')]), 2026);
    expect([slow.projectedAtEnd!.toFixed(3), slow.onCourse]).to.deep.equal(['5.200', false]);
    expect([fast.projectedAtEnd!.toFixed(3), fast.onCourse]).to.deep.equal(['5.075', true]);
  });

  it('a value from a file replaces the built-in value for the same period', () => {
    const values = mergeValues(BUILT_IN_VALUES, [fileValue(2024, null, '6.9')]);
    expect(valueForYear(values, 'sykefravaer', 2024)!.value.toFixed(2)).to.equal('6.90');
    expect(values.filter((v) => v.year === 2024 && v.quarter === null)).to.have.length(1);
  });

  it('an industry indicator without a 2018 value has no baseline and no direction', () => {
    const reading = readIndicatorCsv('b.csv', indicatorCsv('bransje:varehandel;2025;;6,1;;NAV;5,5'));
    const def = {
      ...indicatorDefinition('bransje:varehandel')!,
      goal: { kind: 'value' as const, value: reading.goals.get('bransje:varehandel')! },
    };
    const a = assessIndicator(def, reading.values, 2025);
    expect([a.baseline, a.direction, a.changeFromBaseline]).to.deep.equal([null, null, null]);
    expect(a.goal!.toFixed(2)).to.equal('5.50');
    expect(a.onCourse).to.equal(null);
  });
});

describe('the indicator file: a control character', () => {
  it('is refused naming line, column and the character as <U+XXXX>, and the row is left out', () => {
    const reading = readIndicatorCsv(
      's.csv',
      indicatorCsv('sykefravaer;2024;3;7,19\u0001;;SSB;', 'sykefravaer;2024;2;7,1;;SS\tB;'),
    );
    expect(reading.problems.map((p) => ({ code: p.code, line: p.line, column: p.column, value: p.value }))).to.deep.equal([
      { code: 'control_character', line: 2, column: 'verdi', value: '7,19<U+0001>' },
      { code: 'control_character', line: 3, column: 'kilde', value: 'SS<U+0009>B' },
    ]);
    expect(reading.values).to.deep.equal([]);
  });
});
