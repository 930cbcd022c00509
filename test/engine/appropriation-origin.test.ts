/**
 * Appropriations by year of origin (issue 12), to the øre: a post marked "kan overføres" keeps
 * each year's money until the end of the second year after, spending the oldest first; an
 * operating post 01 carries up to 5 % into the next year; a post without a rule gets no lapse.
 */
import { expect } from 'chai';
import {
  appropriationsByOrigin,
  embeddedPlan,
  evaluate,
  fivePercent,
  parseTransferRule,
  postSpentKey,
  type Appropriation,
  type IsoDate,
  type Milli,
  type PostYearOrigin,
  type TransferRule,
} from '../../engine/index.js';

const M = (kr: number): Milli => BigInt(Math.round(kr * 1000));

function history(chapter: number, post: number, transfer: TransferRule | undefined, years: Record<number, [number, number]>) {
  const map = new Map<string, Appropriation>();
  for (const [year, [own, spent]] of Object.entries(years)) {
    void spent;
    const a = { chapter, post, year: Number(year), enacted: M(own), changes: 0n, carriedIn: 0n, rows: 1 };
    map.set(postSpentKey(chapter, post, Number(year)), transfer === undefined ? a : { ...a, transfer });
  }
  const spent = new Map(Object.entries(years).map(([year, [, s]]) => [postSpentKey(chapter, post, Number(year)), M(s)] as const));
  return { map, spent };
}

const plain = (r: PostYearOrigin) => ({
  year: r.year,
  carried: r.carried.map((c) => [c.origin, c.amount.toFixed2()]),
  left: r.left.map((c) => [c.origin, c.amount.toFixed2()]),
  lapsing: r.lapsing.map((c) => [c.origin, c.amount.toFixed2()]),
  unfunded: r.unfunded.toFixed2(),
});

describe('appropriations by year of origin', () => {
  it('"kan overføres": 2650.76’s 2020 money pays 2021 and 2022 first, and what is left of it lapses at the end of 2022', () => {
    const { map, spent } = history(2650, 76, 'two_years', {
      2020: [102_000_000, 3_400_000],
      2021: [105_300_000, 14_300_000],
      2022: [105_300_000, 23_600_000],
    });
    const rows = appropriationsByOrigin(map, spent, 2022).map(plain);
    expect(rows).to.deep.equal([
      { year: 2020, carried: [], left: [[2020, '98600000.00']], lapsing: [], unfunded: '0.00' },
      {
        year: 2021,
        carried: [[2020, '98600000.00']],
        left: [
          [2020, '84300000.00'],
          [2021, '105300000.00'],
        ],
        lapsing: [],
        unfunded: '0.00',
      },
      {
        year: 2022,
        carried: [
          [2020, '84300000.00'],
          [2021, '105300000.00'],
        ],
        left: [
          [2020, '60700000.00'],
          [2021, '105300000.00'],
          [2022, '105300000.00'],
        ],
        lapsing: [[2020, '60700000.00']],
        unfunded: '0.00',
      },
    ]);
  });

  it('post 01: up to 5 % of the year’s own money goes into the next year, the rest lapses; next year spends the carried money first', () => {
    const { map, spent } = history(601, 1, 'five_percent', {
      2024: [10_000_000, 9_000_000],
      2025: [10_000_000, 10_200_000],
    });
    const rows = appropriationsByOrigin(map, spent, 2025).map(plain);
    expect(rows).to.deep.equal([
      { year: 2024, carried: [], left: [[2024, '1000000.00']], lapsing: [[2024, '500000.00']], unfunded: '0.00' },
      { year: 2025, carried: [[2024, '500000.00']], left: [[2025, '300000.00']], lapsing: [], unfunded: '0.00' },
    ]);
    // 5 % rounded half-up to the øre: 5 % of 1 234 567,89 kr is 61 728,3945 kr.
    expect(fivePercent(1_234_567_890n)).to.equal(61_728_390n);
    expect(fivePercent(1_234_567_810n)).to.equal(61_728_390n);
    expect(fivePercent(1_234_567_800n)).to.equal(61_728_390n);
    expect(fivePercent(1_234_567_690n)).to.equal(61_728_380n);
  });

  it('"ingen": everything left lapses at the end of the year; spending beyond what is there is unfunded, never taken from a later year', () => {
    const { map, spent } = history(601, 70, 'none', { 2024: [1_000_000, 1_250_000.5], 2025: [1_000_000, 400_000] });
    expect(appropriationsByOrigin(map, spent, 2025).map(plain)).to.deep.equal([
      { year: 2024, carried: [], left: [], lapsing: [], unfunded: '250000.50' },
      { year: 2025, carried: [], left: [[2025, '600000.00']], lapsing: [[2025, '600000.00']], unfunded: '0.00' },
    ]);
  });

  it('goes on past a year without an appropriation row: a later year’s money is counted', () => {
    const { map, spent } = history(601, 70, 'none', { 2020: [1_000, 1_000], 2022: [2_000, 500] });
    expect(appropriationsByOrigin(map, spent, 2022).map(plain)).to.deep.equal([
      { year: 2020, carried: [], left: [], lapsing: [], unfunded: '0.00' },
      { year: 2022, carried: [], left: [[2022, '1500.00']], lapsing: [[2022, '1500.00']], unfunded: '0.00' },
    ]);
  });

  it('a post whose rule is not set gets no figures: a lapse is never assumed', () => {
    const { map, spent } = history(601, 22, undefined, { 2024: [21_000_000, 1] });
    expect(appropriationsByOrigin(map, spent, 2024)).to.deep.equal([]);
  });

  it('reads a rule as a user types it, in either language', () => {
    expect(
      ['kan overføres', 'KAN OVERFORES', 'can be carried', '5 %', '5%', 'ingen', 'none', 'to år'].map(parseTransferRule),
    ).to.deep.equal(['two_years', 'two_years', 'two_years', 'five_percent', 'five_percent', 'none', 'none', null]);
  });
  it('the evaluation’s findings say what lapses at the end of its year, with the amount', () => {
    const { map, spent } = history(2650, 76, 'two_years', {
      2020: [102_000_000, 3_400_000],
      2021: [105_300_000, 14_300_000],
      2022: [105_300_000, 23_600_000],
    });
    const origins = appropriationsByOrigin(map, spent, 2022);
    const e = evaluate({ year: 2022, plan: embeddedPlan(), lines: [], asOf: '2022-12-31' as IsoDate, origins });
    expect(e.findings).to.include(
      '2650.76: 60\u00a0700\u00a0000,00\u00a0kr bevilget i 2020 faller bort ved utgangen av 2022 om det ikke brukes.',
    );
    const in2021 = evaluate({ year: 2021, plan: embeddedPlan(), lines: [], asOf: '2021-12-31' as IsoDate, origins, lang: 'en' });
    expect(in2021.findings.filter((f) => f.includes('lapses'))).to.deep.equal([]);
  });
});
