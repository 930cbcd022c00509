// The workbook layout is CONTRACTS §5 as data: sheet, table and column names in order, formats and lists.
import { expect } from 'chai';
import {
  columnLetter,
  dataRangeOf,
  FORBRUK,
  layoutSpecs,
  LOGG,
  numberFormatOf,
  POSTER,
  RAMMER,
  SHEET_ORDER,
  thisRowRef,
} from '../../../engine/workbook/tables/layout.js';

const names = (spec: { columns: readonly { name: string }[] }) => spec.columns.map((c) => c.name);

describe('workbook layout', () => {
  it('names the sheets and tables of CONTRACTS §5', () => {
    expect(layoutSpecs().map((s) => [s.sheet, s.table])).to.deep.equal([
      ['Rammer', 'Rammer'],
      ['Poster', 'Poster'],
      ['Forbruk', 'Forbruk'],
      ['Avstemming', 'Avstemming'],
      ['Logg', 'Logg'],
      ['Poster', 'Konteringsregler'],
    ]);
    expect(SHEET_ORDER.indexOf('Evaluering')).to.equal(SHEET_ORDER.indexOf('Logg') - 1);
  });

  it('keeps the contract columns in order, adding only at the end', () => {
    expect(names(RAMMER).slice(0, 10)).to.deep.equal([
      'Virkemiddel',
      'Navn',
      'Fra',
      'Til',
      'Beløp',
      'Enhet',
      'Finansiering',
      'Betingelse',
      'Bekreftet',
      'Kilde',
    ]);
    expect(names(POSTER)).to.deep.equal(['Kapittel', 'Post', 'Virkemiddel', 'Navn']);
    expect(names(FORBRUK)).to.deep.equal([
      'Dato',
      'Bilag',
      'Virkemiddel',
      'Type',
      'Beløp',
      'Referanse',
      'År',
      'Kapittel',
      'Post',
      'Tekst',
      // Added at the end for the lines of the state accounts and SAF-T (CONTRACTS §7, §8).
      'Konto',
      'Virksomhet',
      'Dimensjon',
      'Kildenøkkel',
      // Added at the end for commitments (issue 12): due date or year, recipient, case number.
      'Forfall',
      'Mottaker',
      'Saksnummer',
    ]);
    expect(names(layoutSpecs()[3]!).slice(0, 10)).to.deep.equal([
      'Virkemiddel',
      'Navn',
      'Fra',
      'Til',
      'Ramme',
      'Utbetalt',
      'Åpne tilsagn',
      'Gjenstår',
      'Utnyttelse',
      'Merknader',
    ]);
    expect(names(LOGG).slice(0, 4)).to.deep.equal(['Tidspunkt', 'Hvem', 'Handling', 'Detaljer']);
  });

  it('formats money in kroner with thousands separators and two decimals, utilisation in percent', () => {
    expect(numberFormatOf('money')).to.equal('#,##0.00 "kr";-#,##0.00 "kr"');
    expect(numberFormatOf('percent')).to.equal('0.00%');
    expect(numberFormatOf('text')).to.equal('@');
    for (const spec of layoutSpecs()) {
      for (const c of spec.columns)
        if (['Beløp', 'Ramme', 'Utbetalt', 'Åpne tilsagn', 'Gjenstår'].includes(c.name)) expect(c.kind, c.name).to.equal('money');
    }
  });

  it('offers lists of instruments and types in Forbruk', () => {
    expect(FORBRUK.columns[2]!.validationList).to.include('ekspertbistand').and.have.length(12);
    expect(FORBRUK.columns[3]!.validationList).to.deep.equal(['utbetaling', 'tilsagn', 'annullering']);
  });

  it('marks Avstemming rows whose spending and open commitments exceed the frame', () => {
    expect(layoutSpecs()[3]!.conditionalFormats![0]!.formula).to.equal('=AND($E2<>"",$F2+$G2>$E2)');
  });

  it('explains in a header note that Åpne tilsagn is a value, not a formula', () => {
    expect(layoutSpecs('nb')[3]!.columns[6]!.note).to.contain('Ikke en formel');
    expect(layoutSpecs('en')[3]!.columns[6]!.note).to.contain('Not a formula');
  });

  it('writes same-row references in file syntax, never the [@…] display form', () => {
    expect(thisRowRef('Avstemming', 'Fra')).to.equal('Avstemming[[#This Row],[Fra]]');
  });

  it('names columns and ranges as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).to.deep.equal(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(dataRangeOf(FORBRUK, 0)).to.equal('A2:Q2');
    expect(dataRangeOf(FORBRUK, 3)).to.equal('A2:Q4');
  });
});
