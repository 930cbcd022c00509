import { expect } from 'chai';
import {
  forecastYear,
  isDatedBy,
  isoDateNumber,
  Ledger,
  reconcile,
  reconcileTotals,
  SpendingTotals,
  type IsoDate,
  type LineStage,
  type LineStore,
} from '../../engine/index.js';
import { plan } from './ledger-helpers.js';

// Scenario: spending on ekspertbistand in 2024, dated the day before, on and after a report date,
// reconciled as of that date along every path a line can take: read by the fast path or by the
// general path (LineReader), then summed on the fly (SpendingTotals) or kept and reconciled.
// A line dated on the report date counts; a line dated the day after does not (CONTRACTS §3).

const HEADER = 'dato;bilag;virkemiddel;type;beløp;år';

/** How a line travelled: which path read it and which stage call it reached the totals by. */
interface Travel {
  readonly spent: string;
  readonly addParts: number;
  readonly add: number;
}

/** SpendingTotals that count how many lines reached them through `addParts` (fast path) and `add`. */
function countingTotals(asOf: IsoDate): { store: LineStore; totals: SpendingTotals; calls: { add: number; addParts: number } } {
  const totals = new SpendingTotals(asOf);
  const calls = { add: 0, addParts: 0 };
  const store: LineStore = {
    stage(): LineStage {
      const inner = totals.stage();
      return {
        add: (line) => {
          calls.add++;
          inner.add(line);
        },
        addParts: (parts) => {
          calls.addParts++;
          inner.addParts!(parts);
        },
        commit: () => inner.commit(),
      };
    },
  };
  return { store, totals, calls };
}

/** What ekspertbistand 2024 spent as of `asOf`, summed on the fly, with the fast path on or off. */
function summed(lines: readonly string[], asOf: IsoDate, fastPath: boolean): Travel {
  const { store, totals, calls } = countingTotals(asOf);
  const report = new Ledger(plan, store).addText('as-of.csv', [HEADER, ...lines].join('\n') + '\n', { fastPath });
  expect(report.problems, 'the ledger reads without problems').to.deep.equal([]);
  return { spent: spentOn(reconcileTotals(plan, totals)), ...calls };
}

/** What ekspertbistand 2024 spent as of `asOf`, from kept lines, with the fast path on or off. */
function kept(lines: readonly string[], asOf: IsoDate, fastPath: boolean): string {
  const ledger = new Ledger(plan);
  ledger.addText('as-of.csv', [HEADER, ...lines].join('\n') + '\n', { fastPath });
  return spentOn(reconcile(plan, ledger.lines, asOf));
}

function spentOn(result: ReturnType<typeof reconcile>): string {
  return result.rows.find((r) => r.instrument === 'ekspertbistand' && r.from === 2024)!.spent.toFixed2();
}

describe('the as-of rule', () => {
  // Dates as written in the table; each is a valid ISO date, so the casts below are safe.
  const cases: [string, string, string, boolean][] = [
    ['the same day', '2024-06-30', '2024-06-30', true],
    ['the day before', '2024-06-29', '2024-06-30', true],
    ['the day after', '2024-07-01', '2024-06-30', false],
    ['the day after, across a month end', '2024-03-01', '2024-02-29', false],
    ['the day after, across a year end', '2025-01-01', '2024-12-31', false],
    ['the last day of the year before', '2023-12-31', '2024-01-01', true],
    ['a day later in the month, an earlier month', '2024-05-31', '2024-06-01', true],
    ['an earlier day in a later month', '2024-07-01', '2024-06-30', false],
  ];
  for (const [what, date, asOf, counts] of cases) {
    it(`${counts ? 'counts' : 'leaves out'} a line dated ${what} (${date} as of ${asOf})`, () => {
      expect(isDatedBy(isoDateNumber(date as IsoDate), isoDateNumber(asOf as IsoDate))).to.equal(counts);
    });
  }

  it('reads an ISO date as the number YYYYMMDD', () => {
    expect(isoDateNumber('2024-06-30' as IsoDate)).to.equal(20240630);
    expect(isoDateNumber('2019-01-01' as IsoDate)).to.equal(20190101);
  });
});

describe('the as-of boundary along every path', () => {
  const asOf = '2024-06-30' as IsoDate;
  // Both date spellings on both sides of the boundary; the amounts tell which lines were counted.
  const lines = [
    '2024-06-29;U-1;ekspertbistand;utbetaling;100;',
    '2024-06-30;U-2;ekspertbistand;utbetaling;10;',
    '30.06.2024;U-3;ekspertbistand;utbetaling;1;',
    '2024-07-01;U-4;ekspertbistand;utbetaling;1000;',
    '01.07.2024;U-5;ekspertbistand;utbetaling;10000;2024',
  ];

  it('counts a line dated on the as-of date and not one dated the day after, through the fast path', () => {
    expect(summed(lines, asOf, true)).to.deep.equal({ spent: '111.00', addParts: 5, add: 0 });
  });

  it('counts a line dated on the as-of date and not one dated the day after, through the general path', () => {
    expect(summed(lines, asOf, false)).to.deep.equal({ spent: '111.00', addParts: 0, add: 5 });
  });

  it('counts the same lines when they are kept and reconciled, read either way', () => {
    expect(kept(lines, asOf, true)).to.equal('111.00');
    expect(kept(lines, asOf, false)).to.equal('111.00');
  });

  it('counts a line dated on the last day of the year and not one dated 1 January with year 2024', () => {
    const yearEnd = ['31.12.2024;U-6;ekspertbistand;utbetaling;7;', '2025-01-01;U-7;ekspertbistand;utbetaling;70;2024'];
    for (const fastPath of [true, false]) {
      expect(summed(yearEnd, '2024-12-31' as IsoDate, fastPath).spent, `fastPath ${fastPath}`).to.equal('7.00');
      expect(kept(yearEnd, '2024-12-31' as IsoDate, fastPath), `fastPath ${fastPath}`).to.equal('7.00');
      expect(summed(yearEnd, '2025-01-01' as IsoDate, fastPath).spent, `fastPath ${fastPath}`).to.equal('77.00');
    }
  });

  it('forecasts from the disbursements dated on or before the as-of date', () => {
    const ledger = new Ledger(plan);
    ledger.addText('as-of.csv', [HEADER, ...lines].join('\n') + '\n');
    const row = forecastYear(plan, ledger.lines, 2024, asOf).find((r) => r.instrument === 'ekspertbistand')!;
    expect(row.spentToDate.toFixed2()).to.equal('111.00');
  });
});
