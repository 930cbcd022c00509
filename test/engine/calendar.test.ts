import { expect } from 'chai';
import {
  AGREEMENT_PERIODS,
  FIRST_YEAR,
  formatDate,
  inPeriod,
  isoDate,
  isYear,
  LAST_YEAR,
  monthOfDate,
  parseDate,
  parseYear,
  periodOf,
  periodsOverlap,
  toYear,
  yearOfDate,
  YEARS,
  type IsoDate,
  type Year,
} from '../../engine/index.js';

describe('parseDate', () => {
  // [as written, ISO date or null]
  const cases: [string, string | null][] = [
    ['2024-12-31', '2024-12-31'],
    ['31.12.2024', '2024-12-31'],
    ['1.3.2024', '2024-03-01'],
    ['01.03.2024', '2024-03-01'],
    [' 15.06.2021 ', '2021-06-15'],
    ['29.02.2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['29.02.2000', '2000-02-29'],
    ['29.02.2023', null],
    ['2023-02-29', null],
    ['29.02.2100', null],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['2024-04-31', null],
    ['31.04.2024', null],
    ['00.01.2024', null],
    ['2024-1-5', null],
    ['2024/01/05', null],
    ['05/01/2024', null],
    ['5.1.24', null],
    ['20240105', null],
    ['2024-01-05T00:00', null],
    ['', null],
    ['i dag', null],
  ];
  for (const [text, iso] of cases) {
    it(`reads ${JSON.stringify(text)} as ${String(iso)}`, () => {
      expect(parseDate(text)).to.equal(iso);
    });
  }
});

describe('isoDate and date parts', () => {
  it('builds an ISO date from parts and refuses days that do not exist', () => {
    expect(isoDate(2024, 2, 29)).to.equal('2024-02-29');
    expect(isoDate(2023, 2, 29)).to.equal(null);
    expect(isoDate(2024, 12, 32)).to.equal(null);
    expect(isoDate(2024, 0, 1)).to.equal(null);
  });

  it('takes year and month from a date and writes it the Norwegian way', () => {
    const date = '2021-03-07' as IsoDate;
    expect(yearOfDate(date)).to.equal(2021);
    expect(monthOfDate(date)).to.equal(3);
    expect(formatDate(date)).to.equal('07.03.2021');
  });
});

describe('parseYear', () => {
  for (let y = 2019; y <= 2028; y++) {
    it(`accepts ${y} as a budget year`, () => {
      expect(parseYear(String(y))).to.deep.equal({ ok: true, year: y });
    });
  }
  // [as written, reading]
  const cases: [string | number, ReturnType<typeof parseYear>][] = [
    [' 2024 ', { ok: true, year: 2024 as Year }],
    ['2024.0', { ok: true, year: 2024 as Year }],
    [2024, { ok: true, year: 2024 as Year }],
    ['2018', { ok: false, fault: 'year_out_of_range' }],
    ['2029', { ok: false, fault: 'year_out_of_range' }],
    ['1999', { ok: false, fault: 'year_out_of_range' }],
    [2018, { ok: false, fault: 'year_out_of_range' }],
    ['20x4', { ok: false, fault: 'bad_year' }],
    ['24', { ok: false, fault: 'bad_year' }],
    ['2024.5', { ok: false, fault: 'bad_year' }],
    ['2024-2025', { ok: false, fault: 'bad_year' }],
    ['', { ok: false, fault: 'bad_year' }],
    ['-2024', { ok: false, fault: 'bad_year' }],
  ];
  for (const [text, reading] of cases) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(reading)}`, () => {
      expect(parseYear(text)).to.deep.equal(reading);
    });
  }
});

describe('budget years', () => {
  it('lists 2019 through 2028 in order', () => {
    expect(FIRST_YEAR).to.equal(2019);
    expect(LAST_YEAR).to.equal(2028);
    expect([...YEARS]).to.deep.equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it('tells budget years from other numbers', () => {
    expect(isYear(2019)).to.equal(true);
    expect(isYear(2028)).to.equal(true);
    expect(isYear(2018)).to.equal(false);
    expect(isYear(2029)).to.equal(false);
    expect(isYear(2020.5)).to.equal(false);
    expect(toYear(2025)).to.equal(2025);
    expect(toYear(2030)).to.equal(null);
  });
});

describe('agreement periods', () => {
  it('are the 2019 agreement, its prolongation and the 2025–2028 agreement, without gaps', () => {
    expect(AGREEMENT_PERIODS.map((p) => [p.id, p.from, p.to])).to.deep.equal([
      ['ia-2019', 2019, 2022],
      ['ia-2023', 2023, 2024],
      ['ia-2025', 2025, 2028],
    ]);
  });

  it('places every budget year in exactly one period', () => {
    const expected: Record<number, string> = {
      2019: 'ia-2019',
      2022: 'ia-2019',
      2023: 'ia-2023',
      2024: 'ia-2023',
      2025: 'ia-2025',
      2028: 'ia-2025',
    };
    for (const year of YEARS) {
      expect(AGREEMENT_PERIODS.filter((p) => inPeriod(year, p.from, p.to))).to.have.length(1);
      if (expected[year]) expect(periodOf(year).id).to.equal(expected[year]);
    }
  });

  it('treats both ends of a period as inclusive', () => {
    expect(inPeriod(2019, 2019, 2021)).to.equal(true);
    expect(inPeriod(2021, 2019, 2021)).to.equal(true);
    expect(inPeriod(2022, 2019, 2021)).to.equal(false);
    expect(inPeriod(2018, 2019, 2021)).to.equal(false);
  });

  it('sees periods that share a single year as overlapping', () => {
    expect(periodsOverlap({ from: 2019, to: 2021 }, { from: 2021, to: 2021 })).to.equal(true);
    expect(periodsOverlap({ from: 2019, to: 2021 }, { from: 2022, to: 2024 })).to.equal(false);
    expect(periodsOverlap({ from: 2023, to: 2023 }, { from: 2019, to: 2028 })).to.equal(true);
  });
});
