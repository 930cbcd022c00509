// Building the workbook: every table from the engine's values, formulas with the engine's results cached.
import { expect } from 'chai';
import { buildWorkbookTables, gjenstarFormula, utbetaltFormula } from '../../../engine/workbook/write/build.js';
import { isFormula, type Cell, type TableData } from '../../../engine/workbook/port/port.js';
import { sample } from './fixtures.js';

function tableOf(tables: readonly TableData[], name: string): TableData {
  const found = tables.find((t) => t.spec.table === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}
const cached = (cell: Cell | undefined) => (cell !== undefined && isFormula(cell) ? cell.cached : cell);

describe('buildWorkbookTables', () => {
  const { plan, lines, reconciliation } = sample();
  const tables = buildWorkbookTables({
    plan,
    ledgerLines: lines,
    reconciliation,
    lang: 'nb',
    log: [{ time: '2025-01-02 10:00', who: 'test', action: 'Skrevet', details: '' }],
  });

  it('writes the tables in sheet order', () => {
    expect(tables.map((t) => t.spec.table)).to.deep.equal([
      'Rammer',
      'Poster',
      'Konteringsregler',
      'Forbruk',
      'Avstemming',
      'Logg',
    ]);
  });

  it('gives Rammer one row per frame, an amount not set as an empty cell, never 0', () => {
    const rammer = tableOf(tables, 'Rammer');
    expect(rammer.rows).to.have.length(93);
    const helse = rammer.rows.find((r) => r[0] === 'helseiarbeid' && r[2] === 2024)!;
    expect(helse[4]).to.equal(null);
    const skil = rammer.rows.find((r) => r[0] === 'skil')!;
    expect([skil[2], skil[3], skil[4], skil[8], skil[9]]).to.deep.equal([2019, 2021, 2000000, 'nei', 'appendix']);
  });

  it('puts the budget-post mapping in Poster', () => {
    const name = 'Tilskudd til ekspertbistand og kompetansetiltak for sykmeldte';
    expect(tableOf(tables, 'Poster').rows).to.deep.include([2650, 76, 'ekspertbistand', name]);
    expect(tableOf(tables, 'Poster').rows).to.deep.include([2650, 76, 'kompetansetiltak', name]);
    // The embedded rules beside it (CONTRACTS §8): 2650.76's split is not published, so its shares are ?.
    expect(tableOf(tables, 'Konteringsregler').rows).to.deep.equal([
      [601, 22, null, null, null, null, null, 'kunnskapsutvikling', null],
      [601, 71, null, null, null, null, null, 'bransjeprogrammer', null],
      [2650, 76, null, null, null, null, null, 'ekspertbistand', '?'],
      [2650, 76, null, null, null, null, null, 'kompetansetiltak', '?'],
    ]);
  });

  it('keeps every ledger line in Forbruk, also one dated after the report date; Avstemming counts up to its Per dato', () => {
    const forbruk = tableOf(tables, 'Forbruk');
    expect(forbruk.rows).to.have.length(8);
    expect(forbruk.rows.map((r) => r[1])).to.include('U-7');
    const avstemming = tableOf(tables, 'Avstemming');
    const perDato = avstemming.spec.columns.findIndex((c) => c.name === 'Per dato');
    expect(new Set(avstemming.rows.map((r) => r[perDato]))).to.deep.equal(new Set([reconciliation.asOf]));
    expect(forbruk.rows[1]).to.deep.equal([
      '2024-02-01',
      'U-1',
      'ekspertbistand',
      'utbetaling',
      1150000,
      'T-1',
      2024,
      null,
      null,
      '=SUM(A1)',
      null,
      null,
      null,
      null,
      // Forfall, Mottaker, Saksnummer: a disbursement has none.
      null,
      null,
      null,
    ]);
    expect(forbruk.rows[2]!.slice(7, 10)).to.deep.equal([2650, 76, '+47 22 00 00 00']);
  });

  it('caches the engine figures with every Avstemming formula', () => {
    const avstemming = tableOf(tables, 'Avstemming');
    expect(avstemming.rows).to.have.length(reconciliation.rows.length);
    avstemming.rows.forEach((row, i) => {
      const r = reconciliation.rows[i]!;
      expect(row[0]).to.equal(r.instrument);
      expect(row[5]).to.deep.equal({ formula: utbetaltFormula(), cached: r.spent.toNumber() });
      expect(row[6]).to.equal(r.openCommitments.toNumber());
      expect(row[7]).to.deep.equal({ formula: gjenstarFormula(), cached: r.remaining === null ? '' : r.remaining.toNumber() });
      expect(cached(row[8])).to.equal(r.utilisation === null ? '' : Number(r.utilisation));
    });
  });

  it('sums Forbruk by instrument, type and budget year in file syntax', () => {
    expect(utbetaltFormula()).to.equal(
      'SUMIFS(Forbruk[Beløp],Forbruk[Virkemiddel],Avstemming[[#This Row],[Virkemiddel]],Forbruk[Type],"utbetaling",' +
        'Forbruk[År],">="&Avstemming[[#This Row],[Fra]],Forbruk[År],"<="&Avstemming[[#This Row],[Til]],' +
        'Forbruk[Dato],"<="&Avstemming[[#This Row],[Per dato]])',
    );
    expect(gjenstarFormula()).to.not.contain('[@');
  });

  it('shows the ekspertbistand 2024 row as the engine reconciles it', () => {
    const row = tableOf(tables, 'Avstemming').rows.find((r) => r[0] === 'ekspertbistand' && r[2] === 2024)!;
    expect(cached(row[5])).to.equal(2025000.25);
    expect(row[6]).to.equal(1350000);
    expect(cached(row[7])).to.equal(46624999.75);
  });

  it('names the flags of a row in Merknader', () => {
    const row = tableOf(tables, 'Avstemming').rows.find((r) => r[0] === 'kompetansetiltak' && r[2] === 2024)!;
    expect(row[9]).to.equal('over rammen');
    const skil = tableOf(tables, 'Avstemming').rows.find((r) => r[0] === 'skil')!;
    expect(skil[9]).to.equal('betingelse ikke bekreftet');
  });

  it('adds totals rows with the engine sums cached', () => {
    const totals = tableOf(tables, 'Avstemming').spec.totals!;
    const spent = reconciliation.rows.reduce((s, r) => s + Number(r.spent.toOre()), 0) / 100;
    expect(totals['Virkemiddel']).to.equal('Sum');
    expect(totals['Utbetalt']).to.deep.equal({ formula: 'SUBTOTAL(109,Avstemming[Utbetalt])', cached: spent });
    expect(tableOf(tables, 'Forbruk').spec.totals!['Beløp']).to.deep.include({ formula: 'SUBTOTAL(109,Forbruk[Beløp])' });
  });

  it('writes the change log rows as a hash-chained log, the contract columns first', () => {
    const rows = tableOf(tables, 'Logg').rows;
    expect(rows).to.have.length(1);
    expect(rows[0]!.slice(0, 6)).to.deep.equal(['2025-01-02 10:00', 'test', 'Skrevet', '', 1, 'note']);
    expect(rows[0]![10]).to.equal('0'.repeat(64));
    expect(rows[0]![11]).to.match(/^[0-9a-f]{64}$/);
  });

  it('places extra tables (the evaluation) before Logg', () => {
    const extra: TableData = {
      spec: {
        sheet: 'Evaluering',
        table: 'Indikatorer',
        origin: { row: 1, column: 1 },
        columns: [{ name: 'Indikator', kind: 'text', width: 10 }],
      },
      rows: [['sykefravaer']],
    };
    const withExtra = buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, lang: 'nb', extraTables: [extra] });
    expect(withExtra.map((t) => t.spec.table)).to.deep.equal([
      'Rammer',
      'Poster',
      'Konteringsregler',
      'Forbruk',
      'Avstemming',
      'Indikatorer',
      'Logg',
    ]);
  });

  it('writes Merknader in English when asked', () => {
    const en = buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, lang: 'en' });
    expect(tableOf(en, 'Avstemming').rows.find((r) => r[0] === 'kompetansetiltak' && r[2] === 2024)![9]).to.equal(
      'over the frame',
    );
  });
});
