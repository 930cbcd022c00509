/**
 * The commitments register (issue 12), to the øre: instalments with their own due dates, a partial
 * cancellation in a later year, a commitment settled over two years, an authorisation exceeded only
 * by what falls due next year, the age of what is still open, and the `forfall`, `mottaker` and
 * `saksnummer` columns as a ledger file gives them.
 */
import { expect } from 'chai';
import {
  commitmentRegister,
  embeddedPlan,
  embeddedState,
  Ledger,
  planningTables,
  readingOfTables,
  tablesAfterWrite,
  type CommitmentFigures,
  type CommitmentRegister,
  type IsoDate,
  type LedgerLine,
} from '../../engine/index.js';

const HEADER = 'dato;bilag;virkemiddel;kapittel;post;type;beløp;referanse;forfall;mottaker;saksnummer';

function linesOf(rows: readonly string[]): readonly LedgerLine[] {
  const ledger = new Ledger(embeddedPlan());
  const report = ledger.addFile('tilsagn.csv', () => [Buffer.from([HEADER, ...rows].join('\n'), 'utf8')]);
  expect(report.problems.map((p) => p.message)).to.deep.equal([]);
  return ledger.lines;
}

/** A group's figures as plain strings, to compare exactly. */
function plain(f: CommitmentFigures) {
  return {
    openAtStart: f.openAtStart.toFixed2(),
    newInYear: f.newInYear.toFixed2(),
    disbursed: f.disbursed.toFixed2(),
    cancelled: f.cancelled.toFixed2(),
    openAtEnd: f.openAtEnd.toFixed2(),
    dueByYear: f.dueByYear.map((d) => [d.year, d.amount.toFixed2()]),
    overSettled: f.overSettled,
  };
}

const ekspert = (r: CommitmentRegister) => plain(r.byInstrument.find((g) => g.instrument === 'ekspertbistand')!);

// A grant of 600 000,00 in three instalments, paid 100 000,00 in 2024 and 150 000,00 in 2025.
const INSTALMENTS = [
  '2024-03-01;T-1;ekspertbistand;2650;76;tilsagn;100000,00;;2024-12-31;Bedrift AS;24/1234',
  '2024-03-01;T-1;ekspertbistand;2650;76;tilsagn;200000,00;;2025;Bedrift AS;24/1234',
  '2024-03-01;T-1;ekspertbistand;2650;76;tilsagn;300000,00;;30.06.2026;Bedrift AS;24/1234',
  '2024-12-15;U-1;ekspertbistand;2650;76;utbetaling;100000,00;T-1;;;',
  '2025-06-01;U-2;ekspertbistand;2650;76;utbetaling;150000,00;T-1;;;',
];

describe('the commitments register', () => {
  it('keeps instalments apart by due date, and settles them earliest due first: 2024 leaves 500 000,00 open, due 2025 and 2026', () => {
    const lines = linesOf(INSTALMENTS);
    expect(lines.filter((l) => l.kind === 'tilsagn').map((l) => l.due)).to.deep.equal(['2024-12-31', '2025', '2026-06-30']);
    const y2024 = commitmentRegister(lines, 2024);
    expect(ekspert(y2024)).to.deep.equal({
      openAtStart: '0.00',
      newInYear: '600000.00',
      disbursed: '100000.00',
      cancelled: '0.00',
      openAtEnd: '500000.00',
      dueByYear: [
        [2025, '200000.00'],
        [2026, '300000.00'],
      ],
      overSettled: false,
    });
    const [open] = y2024.open;
    expect([open!.voucher, open!.date, open!.recipient, open!.caseNumber, open!.open.toFixed2(), open!.ageMonths]).to.deep.equal([
      'T-1',
      '2024-03-01',
      'Bedrift AS',
      '24/1234',
      '500000.00',
      9,
    ]);
    // Settled over two years: 2025 starts where 2024 ended; 50 000,00 due in 2025 is still open at its end.
    expect(ekspert(commitmentRegister(lines, 2025))).to.deep.equal({
      openAtStart: '500000.00',
      newInYear: '0.00',
      disbursed: '150000.00',
      cancelled: '0.00',
      openAtEnd: '350000.00',
      dueByYear: [
        [2025, '50000.00'],
        [2026, '300000.00'],
      ],
      overSettled: false,
    });
  });

  it('a partial cancellation in a later year lowers what is open; a commitment without a due date is open with "forfall ukjent", never assumed; its age flags it for follow-up', () => {
    const lines = linesOf([
      '2023-05-02;T-2;kompetansetiltak;2650;76;tilsagn;1000000,00;;;;',
      '2024-02-01;A-1;kompetansetiltak;2650;76;annullering;250000,50;T-2;;;',
      '2024-09-01;U-3;kompetansetiltak;2650;76;utbetaling;500000,00;T-2;;;',
    ]);
    const r = commitmentRegister(lines, 2024, { followUpMonths: 18 });
    expect(plain(r.byInstrument.find((g) => g.instrument === 'kompetansetiltak')!)).to.deep.equal({
      openAtStart: '1000000.00',
      newInYear: '0.00',
      disbursed: '500000.00',
      cancelled: '250000.50',
      openAtEnd: '249999.50',
      dueByYear: [[null, '249999.50']],
      overSettled: false,
    });
    expect(r.open.map((o) => [o.voucher, o.ageMonths, o.followUp])).to.deep.equal([['T-2', 19, true]]);
    expect(commitmentRegister(lines, 2024, { followUpMonths: 19 }).open[0]!.followUp).to.equal(false);
  });

  it('flags an authorisation exceeded only by what falls due next year; what falls due in the year itself does not use it', () => {
    const lines = linesOf([
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;300000,00;;2024-11-30;;',
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;450000,00;;2025-03-31;;',
    ]);
    const authorisations = [{ chapter: 2650, post: 76, year: 2024, amount: 400_000_000n }];
    const [use] = commitmentRegister(lines, 2024, { authorisations }).authorisations;
    expect([
      use!.authorisation.toFixed2(),
      use!.used.toFixed2(),
      use!.unknownDue.toFixed2(),
      use!.left.toFixed2(),
      use!.exceeded,
    ]).to.deep.equal(['400000.00', '450000.00', '0.00', '-50000.00', true]);
    // Paying the 2024 instalment changes nothing; paying 50 000,00 more brings it within.
    const paid = linesOf([
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;300000,00;;2024-11-30;;',
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;450000,00;;2025-03-31;;',
      '2024-11-30;U-4;ekspertbistand;2650;76;utbetaling;350000,00;T-3;;;',
    ]);
    const [within] = commitmentRegister(paid, 2024, { authorisations }).authorisations;
    expect([within!.used.toFixed2(), within!.left.toFixed2(), within!.exceeded]).to.deep.equal(['400000.00', '0.00', false]);
  });

  it('counts to an as-of date inside the year, and says when a commitment was settled for more than its amount', () => {
    const lines = linesOf([...INSTALMENTS, '2024-12-20;U-9;ekspertbistand;2650;76;utbetaling;600000,00;T-1;;;']);
    const june = commitmentRegister(lines, 2024, { asOf: '2024-06-30' as IsoDate });
    expect(june.asOf).to.equal('2024-06-30');
    expect(ekspert(june).disbursed).to.equal('0.00');
    expect(ekspert(june).openAtEnd).to.equal('600000.00');
    const december = ekspert(commitmentRegister(lines, 2024));
    expect([december.disbursed, december.openAtEnd, december.overSettled]).to.deep.equal(['700000.00', '0.00', true]);
  });

  it('reads forfall as a date or a year and refuses one that is neither, naming line, column and value; instalments are not duplicates, the same file twice is', () => {
    const ledger = new Ledger(embeddedPlan());
    const bad = [HEADER, '2024-03-01;T-5;ekspertbistand;;;tilsagn;100,00;;31.02.2025;;'].join('\n');
    const refused = ledger.addFile('feil.csv', () => [Buffer.from(bad, 'utf8')]);
    expect(refused.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['bad_due', 2, 'forfall', '31.02.2025'],
    ]);
    const file =
      (...rows: string[]) =>
      () => [Buffer.from([HEADER, ...rows].join('\n'), 'utf8')];
    const first = ledger.addFile('a.csv', file('2024-03-01;T-6;ekspertbistand;;;tilsagn;100,00;;2025;;'));
    expect([first.imported, first.duplicates]).to.deep.equal([1, 0]);
    // The next instalment of the same grant, in the next export: the same content but its due date.
    const next = ledger.addFile('b.csv', file('2024-03-01;T-6;ekspertbistand;;;tilsagn;100,00;;2026;;'));
    expect([next.imported, next.duplicates, next.warnings.length]).to.deep.equal([1, 0, 0]);
    const again = ledger.addFile('c.csv', file('2024-03-01;T-6;ekspertbistand;;;tilsagn;100,00;;2026;;'));
    expect([again.imported, again.duplicates]).to.deep.equal([0, 1]);
  });
  it('keeps forfall, mottaker and saksnummer in the workbook’s Forbruk: written and read back, the register is the same', () => {
    const lines = linesOf(INSTALMENTS);
    const state = { ...embeddedState(), lines };
    const tables = tablesAfterWrite(new Map(), planningTables(state, { asOf: '2024-12-31' as IsoDate, lang: 'nb' }));
    const back = readingOfTables(tables, 'plan.xlsx', 'nb')!;
    expect(back.problems).to.deep.equal([]);
    const fields = (l: LedgerLine) => [l.voucher, l.due ?? null, l.recipient ?? null, l.caseNumber ?? null];
    expect(back.state!.lines.map(fields)).to.deep.equal(lines.map(fields));
    expect(ekspert(commitmentRegister(back.state!.lines, 2025))).to.deep.equal(ekspert(commitmentRegister(lines, 2025)));
  });
  it('writes the Tilsagn sheet: the authorisations typed in Tilsagnsfullmakter are read back and shown with their use, the register per instrument and year beside them', () => {
    const lines = linesOf([
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;300000,00;;2024-11-30;;',
      '2024-01-10;T-3;ekspertbistand;2650;76;tilsagn;450000,00;;2025-03-31;;',
    ]);
    const state = { ...embeddedState(), lines, authorisations: [{ chapter: 2650, post: 76, year: 2024, amount: 400_000_000n }] };
    const written = planningTables(state, { asOf: '2024-12-31' as IsoDate, lang: 'nb' });
    const fullmakter = written.find((t) => t.spec.table === 'Tilsagnsfullmakter')!;
    expect([fullmakter.spec.sheet, fullmakter.spec.columns.map((c) => c.name)]).to.deep.equal([
      'Tilsagn',
      ['Kapittel', 'Post', 'År', 'Fullmakt', 'Brukt', 'Herav forfall ukjent', 'Igjen', 'Merknad'],
    ]);
    expect(fullmakter.rows).to.deep.equal([[2650, 76, 2024, 400000, 450000, 0, -50000, 'fullmakten er overskredet']]);
    const tilsagn = written.find((t) => t.spec.table === 'Tilsagn')!;
    expect(tilsagn.rows).to.deep.equal([
      ['ekspertbistand', 2024, 0, 750000, 0, 0, 750000, 300000, 450000, 0, 0, null, '2024-12-31'],
    ]);
    const open = written.find((t) => t.spec.table === 'ApneTilsagn')!;
    expect(open.rows).to.deep.equal([
      [
        'T-3',
        '2024-01-10',
        'ekspertbistand',
        2650,
        76,
        null,
        null,
        750000,
        0,
        750000,
        11,
        '2024: 300\u00a0000,00\u00a0kr; 2025: 450\u00a0000,00\u00a0kr',
        null,
      ],
    ]);
    const back = readingOfTables(tablesAfterWrite(new Map(), written), 'plan.xlsx', 'nb')!;
    expect(back.problems).to.deep.equal([]);
    expect(back.state!.authorisations).to.deep.equal(state.authorisations);
    // A post and year twice is refused, naming the row.
    const read = tablesAfterWrite(new Map(), written);
    const table = read.get('Tilsagnsfullmakter')!;
    const twice = new Map(read).set('Tilsagnsfullmakter', { ...table, rows: [...table.rows, table.rows[0]!] });
    expect(readingOfTables(twice, 'plan.xlsx', 'nb')!.problems.map((p) => [p.code, p.sheet, p.line, p.column])).to.deep.equal([
      ['duplicate_post_year', 'Tilsagn', 3, 'År'],
    ]);
  });
});
