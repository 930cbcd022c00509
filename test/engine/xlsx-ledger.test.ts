import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  isXlsxLedger,
  xlsxLedgerOf,
  type LedgerCell,
  type LedgerWorkbook,
  type XlsxLedger,
  type XlsxLedgerReading,
} from '../../engine/ledger/xlsx-ledger.js';
import { parseAmount } from '../../engine/money.js';
import { readXlsxLedger } from '../../engine/workbook/xlsx/read-xlsx-ledger.js';
import { EXAMPLE_CSV, EXAMPLE_XLSX, exampleLedgerWorkbook } from '../../scripts/make-example-xlsx.js';
import { brief, newLedger, where } from './ledger-helpers.js';

// Scenario (issue 11, CONTRACTS §7 ".xlsx ledger"): a finance officer keeps the ledger in Excel
// and brings the workbook itself. The table `Forbruk` is read if there is one, else the first sheet
// whose first row is a §2 header; every cell becomes the text §2 reads, so the workbook gives the
// very lines, to the øre, that a CSV of the same rows gives. A voucher typed as a number stays its
// digits, a date cell never moves a day in any time zone, an amount that is not a whole number of
// øre is refused, and a formula never calculated is named by sheet, row and column.

const FORBRUK_COLUMNS = ['Dato', 'Bilag', 'Virkemiddel', 'Type', 'Beløp', 'Referanse', 'År', 'Kapittel', 'Post', 'Tekst'];

/** A day as a date cell holds it (exceljs writes a Date as the serial of its UTC instant). */
const day = (iso: string, time = '00:00:00') => new Date(`${iso}T${time}Z`);

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook with the table `Forbruk` (§5 columns) holding these rows, on a sheet `Forbruk`. */
async function forbrukWorkbook(rows: ExcelJS.CellValue[][], origin = 'A1', setUp?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Forbruk');
  setUp?.(sheet);
  sheet.addTable({ name: 'Forbruk', ref: origin, headerRow: true, columns: FORBRUK_COLUMNS.map((name) => ({ name })), rows });
  return bytesOf(workbook);
}

function ledgerOf(reading: XlsxLedgerReading): XlsxLedger {
  if (!isXlsxLedger(reading)) throw new Error(`no ledger: ${reading.problems.map((p) => p.message).join('; ')}`);
  return reading;
}

/** A CSV field, quoted when it must be. */
function csvField(text: string): string {
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reads a ledger's rows by §2's rules: as the CSV a person would write of the same fields. */
function linesBySection2(ledger: XlsxLedger) {
  const rows = ledger.rows.map((r) => r.fields.map(csvField).join(';'));
  const csv = [ledger.header.map(csvField).join(';'), ...rows].join('\n');
  const read = newLedger();
  const report = read.addText('x.csv', csv);
  return { problems: report.problems.map(where), lines: read.lines.map(brief) };
}

function exampleCsvLines() {
  const ledger = newLedger();
  const report = ledger.addFile('forbruk-eksempel.csv', () => [readFileSync(EXAMPLE_CSV)]);
  expect(report.problems).to.deep.equal([]);
  return ledger.lines.map(brief);
}

describe('.xlsx ledgers (CONTRACTS §7)', () => {
  describe('the table Forbruk', () => {
    it('turns each cell into the text §2 reads: numbers as their shortest decimal, dates as days, formulas as their cached value', async () => {
      const bytes = await forbrukWorkbook([
        [day('2024-01-15'), 'T-2024-001', 'ekspertbistand', 'tilsagn', 2500000, null, 2024, null, null, 'Tilsagn'],
        [day('2024-02-01'), 100123, 'ekspertbistand', 'utbetaling', 1250000.5, 100122, 2024, null, null, 'Bilag som tall'],
        [null, null, null, null, null, null, null, null, null, null],
        [
          day('2024-03-15'),
          'U-3',
          null,
          'utbetaling',
          { formula: '1000+500.25', result: 1500.25 },
          null,
          2024,
          601,
          71,
          'Formel',
        ],
        [
          day('2024-03-16'),
          'U-4',
          'skil',
          'utbetaling',
          { formula: '1-1', result: 0 },
          null,
          null,
          null,
          null,
          { richText: [{ text: 'Rik ' }, { text: 'tekst' }] },
        ],
        ['15.03.2024', 'U-5', 'skil', null, '1 250 000,50', null, '2024', null, null, 'Tekst i dato- og beløpskolonnen'],
        [day('2024-06-30', '23:30:00'), 'U-6', 'skil', null, -420000, null, 2024, null, null, 'Dato med klokkeslett'],
        [day('2024-07-01'), 'U-7', 'skil', null, 9999999999999.99, null, 2024, null, null, 'Største beløp'],
      ]);
      const ledger = ledgerOf(await readXlsxLedger('forbruk.xlsx', bytes, 'nb'));
      expect({ sheet: ledger.sheet, table: ledger.table, headerLine: ledger.headerLine, header: ledger.header }).to.deep.equal({
        sheet: 'Forbruk',
        table: 'Forbruk',
        headerLine: 1,
        header: FORBRUK_COLUMNS,
      });
      expect(ledger.problems).to.deep.equal([]);
      expect(ledger.rows).to.deep.equal([
        { line: 2, fields: ['2024-01-15', 'T-2024-001', 'ekspertbistand', 'tilsagn', '2500000', '', '2024', '', '', 'Tilsagn'] },
        {
          line: 3,
          fields: [
            '2024-02-01',
            '100123',
            'ekspertbistand',
            'utbetaling',
            '1250000.5',
            '100122',
            '2024',
            '',
            '',
            'Bilag som tall',
          ],
        },
        { line: 5, fields: ['2024-03-15', 'U-3', '', 'utbetaling', '1500.25', '', '2024', '601', '71', 'Formel'] },
        { line: 6, fields: ['2024-03-16', 'U-4', 'skil', 'utbetaling', '0', '', '', '', '', 'Rik tekst'] },
        {
          line: 7,
          fields: ['15.03.2024', 'U-5', 'skil', '', '1 250 000,50', '', '2024', '', '', 'Tekst i dato- og beløpskolonnen'],
        },
        { line: 8, fields: ['2024-06-30', 'U-6', 'skil', '', '-420000', '', '2024', '', '', 'Dato med klokkeslett'] },
        { line: 9, fields: ['2024-07-01', 'U-7', 'skil', '', '9999999999999.99', '', '2024', '', '', 'Største beløp'] },
      ]);
      // And §2 reads them to the øre.
      const read = linesBySection2(ledger);
      expect(read.problems).to.deep.equal([]);
      expect(read.lines.map((l) => [l.voucher, l.date, l.amount])).to.deep.equal([
        ['T-2024-001', '2024-01-15', '2500000.00'],
        ['100123', '2024-02-01', '1250000.50'],
        ['U-3', '2024-03-15', '1500.25'],
        ['U-4', '2024-03-16', '0.00'],
        ['U-5', '2024-03-15', '1250000.50'],
        ['U-6', '2024-06-30', '-420000.00'],
        ['U-7', '2024-07-01', '9999999999999.99'],
      ]);
    });

    it('an amount that is not a whole number of øre is refused, never rounded: 0.1 + 0.2, three decimals', async () => {
      const bytes = await forbrukWorkbook([
        [day('2024-01-15'), 'U-1', 'skil', null, 0.1 + 0.2, null, 2024, null, null, null],
        [day('2024-01-15'), 'U-2', 'skil', null, 12.345, null, 2024, null, null, null],
        [day('2024-01-15'), 'U-3', 'skil', null, { formula: '0.1+0.2', result: 0.1 + 0.2 }, null, 2024, null, null, null],
        [day('2024-01-15'), 'U-4', 'skil', null, 0.3, null, 2024, null, null, null],
      ]);
      const ledger = ledgerOf(await readXlsxLedger('f.xlsx', bytes, 'en'));
      expect(ledger.problems.map((p) => ({ ...where(p), sheet: p.sheet }))).to.deep.equal([
        { code: 'too_many_decimals', file: 'f.xlsx', sheet: 'Forbruk', line: 2, column: 'Beløp', value: '0.30000000000000004' },
        { code: 'too_many_decimals', file: 'f.xlsx', sheet: 'Forbruk', line: 3, column: 'Beløp', value: '12.345' },
        { code: 'too_many_decimals', file: 'f.xlsx', sheet: 'Forbruk', line: 4, column: 'Beløp', value: '0.30000000000000004' },
      ]);
      expect(ledger.problems[0]!.message).to.equal(
        'f.xlsx, sheet Forbruk, row 2, column Beløp: The amount has too many decimals. The value “0.30000000000000004”. Expected: at most 2 decimals (øre).',
      );
      expect(ledger.rows).to.deep.equal([{ line: 5, fields: ['2024-01-15', 'U-4', 'skil', '', '0.3', '', '2024', '', '', ''] }]);
    });

    it('a formula without a cached value is a problem naming sheet, row, column and the formula; the row is left out', async () => {
      const bytes = await forbrukWorkbook([
        [day('2024-01-15'), 'U-1', 'skil', null, 100, null, 2024, null, null, null],
        [day('2024-01-16'), 'U-2', 'skil', null, { formula: 'E2*2' } as ExcelJS.CellFormulaValue, null, 2024, null, null, null],
        [{ formula: 'DATE(2024,1,17)' } as ExcelJS.CellFormulaValue, 'U-3', 'skil', null, 5, null, 2024, null, null, null],
      ]);
      const ledger = ledgerOf(await readXlsxLedger('f.xlsx', bytes, 'nb'));
      expect(ledger.problems.map((p) => ({ ...where(p), sheet: p.sheet }))).to.deep.equal([
        { code: 'uncalculated_formula', file: 'f.xlsx', sheet: 'Forbruk', line: 3, column: 'Beløp', value: '=E2*2' },
        { code: 'uncalculated_formula', file: 'f.xlsx', sheet: 'Forbruk', line: 4, column: 'Dato', value: '=DATE(2024,1,17)' },
      ]);
      expect(ledger.problems[0]!.message).to.equal(
        'f.xlsx, ark Forbruk, rad 3, kolonne Beløp: Formelen har ingen beregnet verdi. Verdien «=E2*2». Forventet: en formel med beregnet verdi; åpne arbeidsboken i Excel, lagre den og les den inn på nytt.',
      );
      expect(ledger.rows.map((r) => r.line)).to.deep.equal([2]);
    });

    it('other cells: a hyperlink as its text, an error value as Excel shows it, a truth value, shared formulas, a merged cell once', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Ark1');
      sheet.addRow(['Dato', 'Bilag', 'Virkemiddel', 'Beløp', 'Tekst', 'Referanse']);
      sheet.addRow([day('2024-01-15'), { text: 'U-1', hyperlink: 'https://example.org/U-1' }, 'skil', 100, 'lenke', null]);
      sheet.addRow([day('2024-01-16'), 'U-2', 'skil', { error: '#N/A' }, true, null]);
      sheet.addRow([
        day('2024-01-17'),
        'U-3',
        'skil',
        { formula: 'D2*2', result: 200, shareType: 'shared', ref: 'D4:D5' },
        null,
        null,
      ]);
      sheet.addRow([day('2024-01-18'), 'U-4', 'skil', { sharedFormula: 'D4', result: 400 }, 'delt formel', null]);
      sheet.addRow([day('2024-01-19'), 'U-5', 'skil', 5, 'flettet over to celler', null]);
      sheet.mergeCells('E6:F6');
      const ledger = ledgerOf(await readXlsxLedger('a.xlsx', await bytesOf(workbook), 'nb'));
      expect(ledger.problems).to.deep.equal([]);
      expect(ledger.rows.map((r) => r.fields)).to.deep.equal([
        ['2024-01-15', 'U-1', 'skil', '100', 'lenke'],
        ['2024-01-16', 'U-2', 'skil', '#N/A', 'TRUE'],
        ['2024-01-17', 'U-3', 'skil', '200'],
        ['2024-01-18', 'U-4', 'skil', '400', 'delt formel'],
        ['2024-01-19', 'U-5', 'skil', '5', 'flettet over to celler', ''],
      ]);
      // §2 names the error value where an amount was expected.
      const read = linesBySection2(ledger);
      expect(read.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([['bad_amount', 3, 'Beløp', '#N/A']]);
    });

    it('a number in a text column is never in exponent form, however large or small', async () => {
      const bytes = await forbrukWorkbook([
        [day('2024-01-15'), 1e21, 'skil', null, 1, 1.5e-7, 2024, null, null, 123456789012345680000],
      ]);
      const ledger = ledgerOf(await readXlsxLedger('f.xlsx', bytes, 'nb'));
      expect(ledger.rows[0]!.fields).to.deep.equal([
        '2024-01-15',
        '1000000000000000000000',
        'skil',
        '',
        '1',
        '0.00000015',
        '2024',
        '',
        '',
        '123456789012345680000',
      ]);
    });

    it('the table Forbruk wins over an earlier sheet whose first row is a §2 header', async () => {
      const workbook = new ExcelJS.Workbook();
      const first = workbook.addWorksheet('Eksport');
      first.addRow(['Dato', 'Bilag', 'Virkemiddel', 'Beløp']);
      first.addRow([day('2024-01-15'), 'E-1', 'skil', 1]);
      workbook.addWorksheet('Planen').addTable({
        name: 'Forbruk',
        ref: 'A1',
        columns: FORBRUK_COLUMNS.map((name) => ({ name })),
        rows: [[day('2024-01-16'), 'F-1', 'skil', null, 2, null, 2024, null, null, null]],
      });
      const ledger = ledgerOf(await readXlsxLedger('b.xlsx', await bytesOf(workbook), 'nb'));
      expect([ledger.sheet, ledger.table, ledger.rows.map((r) => r.fields[1])]).to.deep.equal(['Planen', 'Forbruk', ['F-1']]);
    });

    it('the table is read within its range wherever it stands; cells beside it and a totals row are not the ledger', async () => {
      const workbook = new ExcelJS.Workbook();
      const notes = workbook.addWorksheet('Notater');
      notes.getCell('A1').value = 'Dato';
      const sheet = workbook.addWorksheet('Regnskap');
      sheet.getCell('A1').value = 'Forbruk 2024, fra økonomisystemet';
      sheet.getCell('H4').value = 'notat ved siden av';
      sheet.addTable({
        name: 'forbruk',
        ref: 'B3',
        headerRow: true,
        totalsRow: true,
        columns: [{ name: 'Dato' }, { name: 'Bilag' }, { name: 'Virkemiddel' }, { name: 'Beløp', totalsRowFunction: 'sum' }],
        rows: [
          [day('2024-05-02'), 'U-1', 'skil', 1000],
          [day('2024-05-03'), 'U-2', 'skil', 250.5],
        ],
      });
      const ledger = ledgerOf(await readXlsxLedger('r.xlsx', await bytesOf(workbook), 'nb'));
      expect(ledger).to.deep.equal({
        sheet: 'Regnskap',
        table: 'forbruk',
        headerLine: 3,
        header: ['Dato', 'Bilag', 'Virkemiddel', 'Beløp'],
        rows: [
          { line: 4, fields: ['2024-05-02', 'U-1', 'skil', '1000'] },
          { line: 5, fields: ['2024-05-03', 'U-2', 'skil', '250.5'] },
        ],
        problems: [],
      });
    });
  });

  describe('a sheet whose first row is a §2 header', () => {
    it('without a Forbruk table, the first sheet with a §2 header is read; earlier sheets without one are passed over', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Forside').getCell('A1').value = 'Regnskapsutdrag';
      workbook.addWorksheet('Tom');
      const data = workbook.addWorksheet('Data');
      data.addRow(['dato', 'BILAG', ' Beløp ', 'Virkemiddel', 'tekst']);
      data.addRow([day('2024-02-01'), 4711, 1250000.5, 'skil', 'første']);
      data.addRow([]);
      data.addRow([day('2024-02-02'), 'B-2', '−1 000,00', 'skil', 'andre', 'celle utenfor overskriften']);
      workbook.addWorksheet('Senere').addRow(['dato', 'bilag', 'beløp', 'virkemiddel']);
      const ledger = ledgerOf(await readXlsxLedger('data.xlsx', await bytesOf(workbook), 'nb'));
      expect(ledger).to.deep.equal({
        sheet: 'Data',
        table: null,
        headerLine: 1,
        header: ['dato', 'BILAG', ' Beløp ', 'Virkemiddel', 'tekst'],
        rows: [
          { line: 2, fields: ['2024-02-01', '4711', '1250000.5', 'skil', 'første'] },
          { line: 4, fields: ['2024-02-02', 'B-2', '−1 000,00', 'skil', 'andre', 'celle utenfor overskriften'] },
        ],
        problems: [],
      });
      // §2 reads the cell beyond the header as an extra field of that line.
      const read = linesBySection2(ledger);
      expect(read.problems.map((p) => [p.code, p.line])).to.deep.equal([['extra_fields', 3]]);
    });

    it('the first row holding anything is the header (a sheet may begin lower); a number header cell is its digits', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Ark1');
      sheet.getRow(3).values = ['Dato', 'Bilag', 'Beløp', 'Kapittel', 'Post', 2024];
      sheet.getRow(4).values = [day('2024-08-01'), 'U-1', 10, 601, 71];
      const ledger = ledgerOf(await readXlsxLedger('a.xlsx', await bytesOf(workbook), 'nb'));
      expect([ledger.headerLine, ledger.header, ledger.rows]).to.deep.equal([
        3,
        ['Dato', 'Bilag', 'Beløp', 'Kapittel', 'Post', '2024'],
        [{ line: 4, fields: ['2024-08-01', 'U-1', '10', '601', '71'] }],
      ]);
    });

    it('no table Forbruk and no sheet with a §2 header: a problem naming the file and the sheets looked at', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Ark1').addRow(['Regnskap 2024']);
      workbook.addWorksheet('Ark2').addRow(['dato', 'bilag', 'tekst']);
      workbook.addWorksheet('Ark 3');
      const reading = await readXlsxLedger('regnskap.xlsx', await bytesOf(workbook), 'nb');
      expect(isXlsxLedger(reading)).to.equal(false);
      expect(reading.problems.map((p) => ({ ...where(p), sheet: p.sheet }))).to.deep.equal([
        {
          code: 'no_ledger_sheet',
          file: 'regnskap.xlsx',
          sheet: undefined,
          line: null,
          column: null,
          value: 'Ark1, Ark2, Ark 3',
        },
      ]);
      expect(reading.problems[0]!.message).to.equal(
        'regnskap.xlsx: Arbeidsboken har ingen forbrukstabell. Verdien «Ark1, Ark2, Ark 3». Forventet: tabellen Forbruk, eller et ark med overskriftene i første rad (dato, bilag, beløp, og virkemiddel eller kapittel og post); arkene som ble sett på, står som verdien.',
      );
    });

    it('bytes that are not a workbook are a problem naming the file, never an exception', async () => {
      for (const bytes of [readFileSync(EXAMPLE_CSV), new Uint8Array(0), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]) {
        const reading = await readXlsxLedger('x.xlsx', bytes, 'en');
        expect(reading.problems.map(where)).to.deep.equal([
          { code: 'unreadable_workbook', file: 'x.xlsx', line: null, column: null, value: null },
        ]);
      }
    });
  });

  describe('dates never shift a day', () => {
    const zones = ['UTC', 'Europe/Oslo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata'];
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('date serials with a date format, at midnight, just before it and with times of day, in every time zone', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Ark1');
      sheet.addRow(['Dato', 'Bilag', 'Virkemiddel', 'Beløp']);
      // 45306 = 15.01.2024, 45657 = 31.12.2024, 45351 = 29.02.2024 in the 1900 date system.
      const serials = [45306, 45306.999988, 45657, 45657.5, 45351.25];
      for (const [i, serial] of serials.entries()) {
        const row = sheet.addRow([serial, `U-${i}`, 'skil', 1]);
        row.getCell(1).numFmt = i % 2 === 0 ? 'dd.mm.yyyy' : 'yyyy-mm-dd hh:mm';
      }
      const bytes = await bytesOf(workbook);
      for (const zone of zones) {
        process.env.TZ = zone;
        const ledger = ledgerOf(await readXlsxLedger('d.xlsx', bytes, 'nb'));
        expect(
          ledger.rows.map((r) => r.fields[0]),
          zone,
        ).to.deep.equal(['2024-01-15', '2024-01-15', '2024-12-31', '2024-12-31', '2024-02-29']);
      }
    });

    it('a workbook in the 1904 date system reads the days its cells show', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Ark1');
      sheet.addRow(['Dato', 'Bilag', 'Virkemiddel', 'Beløp']);
      // 43844 = 15.01.2024 in the 1904 date system (1462 days fewer).
      sheet.addRow([43844, 'U-1', 'skil', 1]).getCell(1).numFmt = 'dd.mm.yyyy';
      const bytes = await bytesOf(workbook);
      for (const zone of zones) {
        process.env.TZ = zone;
        expect(ledgerOf(await readXlsxLedger('d.xlsx', bytes, 'nb')).rows[0]!.fields[0], zone).to.equal('2024-01-15');
      }
    });

    it('a number in the date column without a date format is not taken for a date: §2 refuses it naming its value', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Ark1');
      sheet.addRow(['Dato', 'Bilag', 'Virkemiddel', 'Beløp']);
      sheet.addRow([45306, 'U-1', 'skil', 1]);
      const ledger = ledgerOf(await readXlsxLedger('d.xlsx', await bytesOf(workbook), 'nb'));
      expect(ledger.rows[0]!.fields[0]).to.equal('45306');
      expect(linesBySection2(ledger).problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
        ['bad_date', 2, 'Dato', '45306'],
      ]);
    });
  });

  describe('the example ledger as a workbook', () => {
    it('examples/forbruk-eksempel.xlsx is a table Forbruk with the §5 columns and reads to the same lines as the example CSV, to the øre', async () => {
      const ledger = ledgerOf(await readXlsxLedger('forbruk-eksempel.xlsx', readFileSync(EXAMPLE_XLSX), 'nb'));
      expect([ledger.sheet, ledger.table, ledger.header, ledger.rows.length, ledger.problems]).to.deep.equal([
        'Forbruk',
        'Forbruk',
        FORBRUK_COLUMNS,
        19,
        [],
      ]);
      const read = linesBySection2(ledger);
      expect(read.problems).to.deep.equal([]);
      expect(read.lines).to.deep.equal(exampleCsvLines());
    });

    it('the script makes that workbook from the CSV: what it makes now reads the same as the file shipped', async () => {
      const made = await bytesOf(exampleLedgerWorkbook(readFileSync(EXAMPLE_CSV, 'utf8')));
      const now = ledgerOf(await readXlsxLedger('forbruk-eksempel.xlsx', made, 'nb'));
      const shipped = ledgerOf(await readXlsxLedger('forbruk-eksempel.xlsx', readFileSync(EXAMPLE_XLSX), 'nb'));
      expect(now).to.deep.equal(shipped);
    });
  });
});

describe('.xlsx ledger cells, any values (properties)', () => {
  const sheetOf = (rows: LedgerCell[][]): LedgerWorkbook => ({
    sheets: [
      {
        name: 'Ark1',
        rows: () => [['Dato', 'Bilag', 'Virkemiddel', 'Beløp'], ...rows].map((cells, i) => ({ line: i + 1, cells })),
      },
    ],
    tables: [],
  });

  it('a number cell holding a whole number of øre reads back by §2 as exactly that amount, up to 15 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999999999999999n, max: 999999999999999n }), (ore) => {
        // The double nearest to ore/100: what a cell holds when that amount is typed.
        const cell = Number(ore) / 100;
        const reading = xlsxLedgerOf('p.xlsx', sheetOf([[{ date: '2024-01-15' }, 'U-1', 'skil', cell]]), 'nb');
        const ledger = ledgerOf(reading);
        expect(ledger.problems).to.deep.equal([]);
        const amount = parseAmount(ledger.rows[0]!.fields[3]!);
        expect(amount).to.deep.equal({ ok: true, ore });
      }),
      { numRuns: 2000 },
    );
  });

  it('any cells give rows or problems, never an exception; a row keeps one field per cell', () => {
    const cell: fc.Arbitrary<LedgerCell> = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 8 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.record({ date: fc.constantFrom('2024-01-15', '########') }),
      fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!') }),
      fc.record({ uncalculated: fc.option(fc.string({ maxLength: 6 })) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 }), (rows) => {
        const ledger = ledgerOf(xlsxLedgerOf('p.xlsx', sheetOf(rows), 'nb'));
        for (const row of ledger.rows) expect(row.fields.length).to.equal(rows[row.line - 2]!.length);
        for (const p of ledger.problems) expect([p.file, p.sheet, typeof p.line]).to.deep.equal(['p.xlsx', 'Ark1', 'number']);
      }),
      { numRuns: 300 },
    );
  });
});
