import { expect } from 'chai';
import {
  Ledger,
  Money,
  reconcile,
  reconcileTotals,
  rowToJson,
  SpendingTotals,
  type IsoDate,
  type Plan,
  type Reconciliation,
} from '../../engine/index.js';
import { plan } from './ledger-helpers.js';

const HEADER = 'Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;År';
const AS_OF = '2028-12-31' as IsoDate;

/** A reconciliation as JSON (CONTRACTS §4): every amount to the øre, as the contract writes it. */
function asJson(result: Reconciliation) {
  return {
    asOf: result.asOf,
    rows: result.rows.map(rowToJson),
    unframed: result.unframed.map((u) => ({ ...u, spent: u.spent.toFixed2(), committed: u.committed.toFixed2() })),
  };
}

/**
 * Reconciles ledger lines written as `Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;År` along every
 * path the CLI and the add-in take: lines kept and reconciled (`reconcile`), and lines summed while
 * they are read, never kept (`SpendingTotals` as the ledger's store, as `reconcile --ledger` does
 * for a large ledger), each with the fast path on and off. All four must agree to the øre; the kept
 * reconciliation is returned for the case to check.
 */
function reconcileLines(lines: string[], asOf: IsoDate = AS_OF, using: Plan = plan): Reconciliation {
  const text = [HEADER, ...lines].join('\n');
  let kept: Reconciliation | null = null;
  for (const fastPath of [true, false]) {
    const ledger = new Ledger(using);
    const report = ledger.addText('golden.csv', text, { fastPath });
    expect(report.problems, 'the golden ledger reads without problems').to.deep.equal([]);
    const fromLines = reconcile(using, ledger.lines, asOf);
    const totals = new SpendingTotals(asOf);
    const streamed = new Ledger(using, totals);
    expect(streamed.addText('golden.csv', text, { fastPath }), 'the same report when summing').to.deep.equal(report);
    expect(streamed.lines, 'no line is kept when summing').to.deep.equal([]);
    expect(asJson(reconcileTotals(using, totals)), `summed on the fly, fastPath ${fastPath}`).to.deep.equal(asJson(fromLines));
    if (kept === null) kept = fromLines;
    else expect(asJson(fromLines), 'kept lines, fast path off').to.deep.equal(asJson(kept));
  }
  return kept!;
}

/** The JSON row of a frame (instrument and from year). */
function row(result: Reconciliation, instrument: string, from: number) {
  const found = result.rows.find((r) => r.instrument === instrument && r.from === from);
  if (!found) throw new Error(`no row ${instrument} ${from}`);
  const { frame, spent, committed, openCommitments, remaining, utilisation, flags } = rowToJson(found);
  return { frame, spent, committed, openCommitments, remaining, utilisation, flags };
}

const untouched = (frame: string | null) => ({
  frame,
  spent: '0.00',
  committed: '0.00',
  openCommitments: '0.00',
  remaining: frame,
  utilisation: frame === null ? null : '0.0000',
  flags: [],
});

describe('reconcile: golden cases', () => {
  it('R1 a disbursement reduces the remaining amount', () => {
    const result = reconcileLines(['2020-03-15;U-1;ekspertbistand;utbetaling;1 000 000,00;;']);
    expect(row(result, 'ekspertbistand', 2020)).to.deep.equal({
      frame: '50000000.00',
      spent: '1000000.00',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: '49000000.00',
      utilisation: '0.0200',
      flags: [],
    });
    expect(row(result, 'ekspertbistand', 2021)).to.deep.equal(untouched('50000000.00'));
  });

  it('R2 the contract example: frame 50 000 000, spent 48 211 000,50, open 1 500 000 leaves 288 999,50 at 0.9642', () => {
    const result = reconcileLines([
      '2020-01-10;T-1;ekspertbistand;tilsagn;52 000 000,00;;',
      '2020-05-10;U-1;ekspertbistand;utbetaling;30 000 000,00;T-1;',
      '2020-11-10;U-2;ekspertbistand;utbetaling;18 211 000,50;T-1;',
      '2021-02-10;U-3;ekspertbistand;utbetaling;2 288 999,50;T-1;',
    ]);
    expect(row(result, 'ekspertbistand', 2020)).to.deep.equal({
      frame: '50000000.00',
      spent: '48211000.50',
      committed: '52000000.00',
      openCommitments: '1500000.00',
      remaining: '288999.50',
      utilisation: '0.9642',
      flags: [],
    });
    expect(rowToJson(result.rows.find((r) => r.instrument === 'ekspertbistand' && r.from === 2020)!)).to.deep.include({
      instrument: 'ekspertbistand',
      from: 2020,
      to: 2020,
      funding: 'state',
      source: 'appendix',
    });
  });

  it('R3 committed is commitments minus cancellations, and a referencing cancellation closes the commitment', () => {
    const result = reconcileLines([
      '2021-02-01;T-10;kompetansetiltak;tilsagn;1 000 000,00;;',
      '2021-03-01;T-11;kompetansetiltak;tilsagn;400 000,00;;',
      '2021-06-01;A-10;kompetansetiltak;annullering;250 000,00;T-10;',
      '2021-07-01;A-12;kompetansetiltak;annullering;100 000,00;;',
      '2021-08-01;U-10;kompetansetiltak;utbetaling;700 000,00;T-10;',
    ]);
    expect(row(result, 'kompetansetiltak', 2021)).to.deep.equal({
      frame: '70000000.00',
      spent: '700000.00',
      committed: '1050000.00',
      openCommitments: '450000.00',
      remaining: '68850000.00',
      utilisation: '0.0100',
      flags: [],
    });
  });

  it('R4 open commitments are floored at 0 per commitment, and settling for more is over_settled', () => {
    const result = reconcileLines([
      '2022-01-05;T-20;bransjeprogrammer;tilsagn;100 000,00;;',
      '2022-01-06;T-21;bransjeprogrammer;tilsagn;50 000,00;;',
      '2022-04-05;U-20;bransjeprogrammer;utbetaling;120 000,00;T-20;',
    ]);
    expect(row(result, 'bransjeprogrammer', 2022)).to.deep.equal({
      frame: '80000000.00',
      spent: '120000.00',
      committed: '150000.00',
      openCommitments: '50000.00',
      remaining: '79830000.00',
      utilisation: '0.0015',
      flags: ['over_settled'],
    });
  });

  it('R5 a line dated after the report date is ignored; a line dated on it counts', () => {
    const lines = [
      '2024-12-31;U-30;kunnskapsutvikling;utbetaling;1 000,00;;',
      '2025-01-01;U-31;kunnskapsutvikling;utbetaling;2 000,00;;2024',
      '2025-01-02;U-32;ekspertbistand;utbetaling;5 000,00;T-32;2024',
      '2024-06-01;T-32;ekspertbistand;tilsagn;5 000,00;;',
    ];
    const atYearEnd = reconcileLines(lines, '2024-12-31' as IsoDate);
    expect(atYearEnd.asOf).to.equal('2024-12-31');
    expect(row(atYearEnd, 'kunnskapsutvikling', 2024).spent).to.equal('1000.00');
    expect(row(atYearEnd, 'ekspertbistand', 2024)).to.deep.include({ spent: '0.00', openCommitments: '5000.00' });
    const later = reconcileLines(lines, '2025-01-02' as IsoDate);
    expect(row(later, 'kunnskapsutvikling', 2024).spent).to.equal('3000.00');
    expect(row(later, 'ekspertbistand', 2024)).to.deep.include({ spent: '5000.00', openCommitments: '0.00' });
  });

  it('R6 spending plus open commitments above the frame is over_frame, and remaining goes negative', () => {
    const result = reconcileLines([
      '2022-03-01;U-40;kunnskapsutvikling;utbetaling;20 000 000,00;;',
      '2022-04-01;T-40;kunnskapsutvikling;tilsagn;1 000 000,01;;',
    ]);
    expect(row(result, 'kunnskapsutvikling', 2022)).to.deep.equal({
      frame: '21000000.00',
      spent: '20000000.00',
      committed: '1000000.01',
      openCommitments: '1000000.01',
      remaining: '-0.01',
      utilisation: '0.9524',
      flags: ['over_frame'],
    });
    const exactly = reconcileLines(['2022-03-01;U-41;kunnskapsutvikling;utbetaling;21 000 000,00;;']);
    expect(row(exactly, 'kunnskapsutvikling', 2022)).to.deep.include({ remaining: '0.00', utilisation: '1.0000', flags: [] });
  });

  it('R7 spending on HelseIArbeid, which has no NOK frame, is no_state_frame with remaining and utilisation null', () => {
    const result = reconcileLines(['2021-09-01;H-1;HelseIArbeid;utbetaling;12 500,00;;']);
    expect(row(result, 'helseiarbeid', 2021)).to.deep.equal({
      frame: null,
      spent: '12500.00',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: null,
      utilisation: null,
      flags: ['no_state_frame'],
    });
    expect(row(result, 'helseiarbeid', 2022)).to.deep.equal(untouched(null));
  });

  it('R8 the SKIL pool sums spending across 2019, 2020 and 2021 and flags its unconfirmed condition', () => {
    const result = reconcileLines([
      '2019-10-01;S-1;skil;utbetaling;500 000,00;;',
      '2020-10-01;S-2;skil;utbetaling;700 000,00;;',
      '2021-10-01;S-3;skil;utbetaling;300 000,50;;',
      '2022-01-15;S-4;skil;utbetaling;100 000,00;;',
    ]);
    expect(row(result, 'skil', 2019)).to.deep.equal({
      frame: '2000000.00',
      spent: '1500000.50',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: '499999.50',
      utilisation: '0.7500',
      flags: ['condition_unconfirmed'],
    });
    expect(result.unframed.map((u) => [u.instrument, u.year, u.spent.toFixed2()])).to.deep.equal([['skil', 2022, '100000.00']]);
  });

  it('R9 a confirmed SKIL condition is not flagged', () => {
    const confirmed: Plan = {
      ...plan,
      frames: plan.frames.map((f) => (f.instrument === 'skil' ? { ...f, conditionConfirmed: true } : f)),
    };
    const result = reconcileLines(['2020-10-01;S-2;skil;utbetaling;700 000,00;;'], AS_OF, confirmed);
    expect(row(result, 'skil', 2019).flags).to.deep.equal([]);
  });

  it('R10 spending on the GP project in 2025, whose amount is not set, is frame_not_set', () => {
    const result = reconcileLines(['2025-05-01;F-1;Prosjekt om fastlegenes rolle i sykefraværsarbeidet;tilsagn;300 000,00;;']);
    expect(row(result, 'fastlegeprosjekt', 2025)).to.deep.equal({
      frame: null,
      spent: '0.00',
      committed: '300000.00',
      openCommitments: '300000.00',
      remaining: null,
      utilisation: null,
      flags: ['frame_not_set'],
    });
  });

  it('R11 several flags on one row are sorted alphabetically', () => {
    const result = reconcileLines([
      '2020-02-01;T-50;skil;tilsagn;1 000 000,00;;',
      '2020-03-01;U-50;skil;utbetaling;2 500 000,00;T-50;',
      '2026-02-01;T-51;lovarbeid;tilsagn;10 000,00;;',
      '2026-03-01;U-51;lovarbeid;utbetaling;10 000,01;T-51;',
    ]);
    expect(row(result, 'skil', 2019).flags).to.deep.equal(['condition_unconfirmed', 'over_frame', 'over_settled']);
    expect(row(result, 'lovarbeid', 2026).flags).to.deep.equal(['frame_not_set', 'over_settled']);
  });

  it('R12 a negative disbursement (a refund) reduces spent', () => {
    const result = reconcileLines([
      '2023-02-01;U-60;arbeidsmiljosatsing;utbetaling;5 000 000,00;;',
      '2023-09-01;R-60;arbeidsmiljosatsing;utbetaling;\u2212250 000,25;;',
    ]);
    expect(row(result, 'arbeidsmiljosatsing', 2023)).to.deep.equal({
      frame: '50000000.00',
      spent: '4749999.75',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: '45250000.25',
      utilisation: '0.0950',
      flags: [],
    });
  });

  it('R13 spending without a frame (lovarbeid in 2023, before its frames start) lands in unframed, not in a row', () => {
    const result = reconcileLines([
      '2023-04-01;L-1;lovarbeid;utbetaling;80 000,00;;',
      '2023-05-01;L-2;lovarbeid;tilsagn;20 000,00;;',
    ]);
    expect(result.rows).to.have.length(93);
    expect(result.rows.filter((r) => r.instrument === 'lovarbeid').map((r) => r.from)).to.deep.equal([2025, 2026, 2027, 2028]);
    for (const r of result.rows) expect(r.spent.toFixed2()).to.equal('0.00');
    expect(result.unframed.map((u) => ({ ...u, spent: u.spent.toFixed2(), committed: u.committed.toFixed2() }))).to.deep.equal([
      { instrument: 'lovarbeid', year: 2023, spent: '80000.00', committed: '20000.00', lines: 2 },
    ]);
  });

  it('R14 a commitment made in 2021 and paid in 2022 is open in 2021 only; the payment counts in 2022', () => {
    const result = reconcileLines([
      '2021-11-01;T-70;ekspertbistand;tilsagn;600 000,00;;',
      '2022-02-01;U-70;ekspertbistand;utbetaling;450 000,00;T-70;',
    ]);
    expect(row(result, 'ekspertbistand', 2021)).to.deep.include({
      spent: '0.00',
      committed: '600000.00',
      openCommitments: '150000.00',
      remaining: '49850000.00',
    });
    expect(row(result, 'ekspertbistand', 2022)).to.deep.include({
      spent: '450000.00',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: '49550000.00',
    });
  });

  it('R15 a payment referencing an unknown commitment is spent but settles nothing', () => {
    const result = reconcileLines([
      '2024-01-10;T-80;kompetansetiltak;tilsagn;100 000,00;;',
      '2024-02-10;U-80;kompetansetiltak;utbetaling;40 000,00;T-99;',
    ]);
    expect(row(result, 'kompetansetiltak', 2024)).to.deep.include({
      spent: '40000.00',
      openCommitments: '100000.00',
      remaining: '69860000.00',
    });
  });

  it('R16 a zero frame has no utilisation; the rows follow the plan, 93 of them, with no spending no flags', () => {
    const zero: Plan = {
      ...plan,
      frames: plan.frames.map((f) =>
        f.instrument === 'kunnskapsutvikling' && f.from === 2027 ? { ...f, amount: Money.zero } : f,
      ),
    };
    const result = reconcileLines(['2027-03-01;K-1;kunnskapsutvikling;utbetaling;10,00;;'], AS_OF, zero);
    expect(row(result, 'kunnskapsutvikling', 2027)).to.deep.equal({
      frame: '0.00',
      spent: '10.00',
      committed: '0.00',
      openCommitments: '0.00',
      remaining: '-10.00',
      utilisation: null,
      flags: ['over_frame'],
    });
    const empty = reconcile(plan, [], AS_OF);
    expect(empty.rows.map((r) => `${r.instrument}:${r.from}-${r.to}`)).to.deep.equal(
      plan.frames.map((f) => `${f.instrument}:${f.from}-${f.to}`),
    );
    for (const r of empty.rows) expect(rowToJson(r)).to.deep.include(untouched(r.frame?.toFixed2() ?? null));
    expect(empty.unframed).to.deep.equal([]);
  });
});
