// The office.js adapter against a recording fake of Excel's object model (batching, loads, syncs,
// request sizes and Excel's error codes): the planning workbook of the embedded plan and the example
// ledger is written into an empty workbook, read back, rewritten, and each fault is met.
import { expect } from 'chai';
import { ExcelWorkbookPort } from '../../addin/excel/excel-workbook-port.js';
import { WorkbookError } from '../../addin/excel/faults.js';
import { setErrorLogger, type ErrorLogger } from '../../addin/excel/office-helpers.js';
import { FakeWorkbook } from './fake-excel.js';
import { jsonBytes, numberFormatOf, toExcelInput } from '../../addin/excel/cells.js';
import { fingerprintOf } from '../../addin/excel/edit-fingerprint.js';
import { FORBRUK } from '../../engine/workbook/index.js';
import { bigForbruk, tableNamed, workbookTables } from './fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error('expected the call to be refused');
}

describe('ExcelWorkbookPort', () => {
  let previous: ErrorLogger;
  const logged: unknown[] = [];
  before(() => (previous = setErrorLogger((_, error) => logged.push(error))));
  after(() => setErrorLogger(previous));

  describe('writing the planning workbook into an empty workbook', () => {
    it('creates every sheet and table with its header, values and formulas', async () => {
      const excel = new FakeWorkbook();
      const tables = workbookTables();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables(tables);
      for (const t of tables) {
        expect(excel.sheets.has(t.spec.sheet), t.spec.sheet).to.equal(true);
        expect(excel.tables.get(t.spec.table)?.sheet.name).to.equal(t.spec.sheet);
        expect(excel.tableValues(t.spec.table)[0]).to.deep.equal(t.spec.columns.map((c) => c.name));
      }
      const rammer = excel.tableValues('Rammer');
      expect(rammer.length).to.equal(1 + tableNamed(tables, 'Rammer').rows.length);
      expect(rammer[1]!.slice(0, 5)).to.deep.equal(['arbeidsmiljosatsing', 'Ny arbeidsmiljøsatsing', 2019, 2019, 70000000]);
      const avstemming = excel.tableValues('Avstemming');
      expect(String(avstemming[1]![5])).to.match(/^=SUMIFS\(Forbruk\[Beløp\]/);
    });

    it('applies number formats, validation lists, conditional formats, widths and totals', async () => {
      const excel = new FakeWorkbook();
      const tables = workbookTables();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables(tables);
      expect(excel.numberFormat('Rammer', 1, 4)).to.equal('#,##0.00 "kr";-#,##0.00 "kr"');
      expect(excel.numberFormat('Rammer', 1, 0)).to.equal('@');
      expect(excel.numberFormat('Forbruk', 1, 0)).to.equal('dd.mm.yyyy');
      const validations = excel.sheetOf('Forbruk').validations;
      expect(validations.find((v) => v.left === 3)?.source).to.equal('utbetaling,tilsagn,annullering');
      const avstemmingSpec = tableNamed(tables, 'Avstemming').spec;
      expect(excel.sheetOf('Avstemming').conditionalFormats.length).to.equal(avstemmingSpec.conditionalFormats?.length ?? 0);
      expect(excel.sheetOf('Rammer').columnWidths.get(1)).to.equal(48 * 6);
      const forbruk = excel.tableValues('Forbruk');
      expect(forbruk.at(-1)![4]).to.equal('=SUBTOTAL(109,Forbruk[Beløp])');
      expect(excel.settings.has('IAPlanner.table.Forbruk')).to.equal(true);
    });

    it('writes dates as serial numbers and keeps text that looks like a formula as text', async () => {
      const excel = new FakeWorkbook();
      const forbruk = bigForbruk(2);
      const rows = forbruk.rows.map((row, i) => (i === 0 ? [...row.slice(0, 9), '=HYPERLINK("x")', ...row.slice(10)] : row));
      await new ExcelWorkbookPort({ run: excel.run }).writeTables([{ ...forbruk, rows }]);
      expect(excel.cell('Forbruk', 1, 0)).to.equal(45352);
      expect(excel.cell('Forbruk', 1, 9)).to.equal('=HYPERLINK("x")');
      expect(excel.sheetOf('Forbruk').cells.get('1,9')?.formula).to.equal(null);
    });

    it('uses a number of syncs that does not grow with the number of frames', async () => {
      const small = new FakeWorkbook();
      const tables = workbookTables();
      const rammer = tableNamed(tables, 'Rammer');
      await new ExcelWorkbookPort({ run: small.run }).writeTables([{ ...rammer, rows: rammer.rows.slice(0, 3) }]);
      const large = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: large.run }).writeTables([rammer]);
      expect(large.syncs).to.equal(small.syncs);
      expect(large.runs).to.equal(1);
      const all = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: all.run });
      await port.writeTables(tables);
      expect(all.syncs).to.equal(small.syncs);
      // Three to check (tables, their headers and sizes, the cells they cover), one for the rows,
      // one for formats and records: the content check and the read-back add none.
      expect(all.syncs).to.equal(5);
      all.syncs = 0;
      await port.writeTables(tables);
      expect(all.syncs).to.equal(5);
      all.setCell('Rammer', 1, 4, 1);
      all.syncs = 0;
      await port.writeTables(tables, { replaceEdited: true });
      expect(all.syncs).to.equal(5);
    });

    it('splits a large table into requests that each stay under the payload limit', async () => {
      const excel = new FakeWorkbook();
      excel.payloadLimit = 120_000;
      const table = bigForbruk(3000);
      await new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 100_000 }).writeTables([table]);
      expect(excel.requests.every((bytes) => bytes <= 100_000)).to.equal(true);
      expect(excel.requests.filter((bytes) => bytes > 0).length).to.be.greaterThan(3);
      expect(excel.tableValues('Forbruk').length).to.equal(1 + 3000);
      expect(excel.cell('Forbruk', 3000, 1)).to.equal('U-002999');
    });

    it('fills the first request with the header, the formats and as many rows as still fit', async () => {
      const excel = new FakeWorkbook();
      const table = bigForbruk(400);
      await new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 20_000 }).writeTables([table]);
      const row = table.rows[0]!.map((cell, i) => toExcelInput(cell, FORBRUK.columns[i]!.kind));
      // Three requests check the workbook; the fourth carries the header and the formats and is
      // then filled with rows: it misses the limit by less than two rows.
      expect(excel.requests[3]).to.be.at.most(20_000);
      expect(excel.requests[3]).to.be.greaterThan(20_000 - 2 * (jsonBytes(row) + 1));
    });

    it('sends each column’s number format once, not once per cell, and every body cell gets it', async () => {
      const write = async (rows: number) => {
        const excel = new FakeWorkbook();
        excel.payloadLimit = 150_000;
        await new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 150_000 }).writeTables([bigForbruk(rows)]);
        return excel;
      };
      const small = await write(30);
      const large = await write(3000);
      const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
      // The formats cost the same whatever the number of rows, and travel in the first request.
      expect(sum(large.formatRequests)).to.equal(sum(small.formatRequests));
      expect(sum(large.formatRequests)).to.be.below(200);
      expect(large.formatRequests.filter((bytes) => bytes > 0)).to.have.length(1);
      // Per cell, the formats alone would add one row of formats per body row to the requests.
      const table = bigForbruk(3000);
      const formats = FORBRUK.columns.map(numberFormatOf);
      const values = table.rows.map((row) => row.map((cell, i) => toExcelInput(cell, FORBRUK.columns[i]!.kind)));
      const perCell = jsonBytes(values.map(() => formats));
      expect(perCell).to.be.greaterThan(200_000);
      expect(sum(large.requests)).to.be.below(jsonBytes(values) + 2_000);
      expect(large.requests.every((bytes) => bytes <= 150_000)).to.equal(true);
      expect(large.requests.filter((bytes) => bytes > 0).length).to.be.at.most(Math.ceil(jsonBytes(values) / 150_000) + 1);
      // Excel applies a 1×1 format to every cell of the range: the last row is formatted too.
      expect(large.numberFormat('Forbruk', 3000, 0)).to.equal('dd.mm.yyyy');
      expect(large.numberFormat('Forbruk', 3000, 1)).to.equal('@');
      expect(large.numberFormat('Forbruk', 3000, 4)).to.equal(numberFormatOf(FORBRUK.columns[4]!));
    });
  });

  describe('reading tables back', () => {
    it('reads the rows written, dates as ISO text, in one Excel.run', async () => {
      const excel = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables([bigForbruk(5)]);
      excel.runs = 0;
      const read = await new ExcelWorkbookPort({ run: excel.run }).readTable('Forbruk');
      expect(excel.runs).to.equal(1);
      expect(read?.sheet).to.equal('Forbruk');
      expect(read?.firstRow).to.equal(2);
      expect(read?.header[0]).to.equal('Dato');
      expect(read?.rows.length).to.equal(5);
      expect(read?.rows[0]).to.deep.equal([
        '2024-03-01',
        'U-000000',
        'ekspertbistand',
        'utbetaling',
        1000,
        null,
        2024,
        null,
        null,
        read?.rows[0]![9],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    });

    it('gives null for a table that does not exist', async () => {
      const excel = new FakeWorkbook();
      expect(await new ExcelWorkbookPort({ run: excel.run }).readTable('Rammer')).to.equal(null);
    });

    it('reads an empty table (one blank row in Excel) as no rows', async () => {
      const excel = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables([bigForbruk(0)]);
      const read = await new ExcelWorkbookPort({ run: excel.run }).readTable('Forbruk');
      expect(read?.rows).to.deep.equal([]);
    });

    it('reads a table whose sheet the user renamed', async () => {
      const excel = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables([bigForbruk(2)]);
      const sheet = excel.sheetOf('Forbruk');
      excel.sheets.delete('Forbruk');
      sheet.name = 'Forbruk 2024';
      excel.sheets.set('Forbruk 2024', sheet);
      const read = await new ExcelWorkbookPort({ run: excel.run }).readTable('Forbruk');
      expect(read?.sheet).to.equal('Forbruk 2024');
      expect(read?.rows.length).to.equal(2);
    });

    it('reads a very large table in parts, each under the cell budget', async () => {
      const excel = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables([bigForbruk(500)]);
      const syncs = excel.syncs;
      const read = await new ExcelWorkbookPort({ run: excel.run, maxCellsPerRead: 1000 }).readTable('Forbruk');
      expect(read?.rows.length).to.equal(500);
      expect(excel.syncs - syncs).to.be.greaterThan(3);
    });
  });

  describe('rewriting', () => {
    it('replaces the rows of a table it wrote, growing and shrinking it in place', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(3)]);
      await port.writeTables([bigForbruk(10)]);
      expect(excel.tableValues('Forbruk').length).to.equal(1 + 10);
      await port.writeTables([bigForbruk(2)]);
      expect(excel.tableValues('Forbruk').length).to.equal(1 + 2);
      expect(excel.cell('Forbruk', 5, 1)).to.equal('');
    });

    it('refuses to overwrite a table whose rows the user changed, and replaces it when told', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(3)]);
      const table = excel.tables.get('Forbruk')!;
      table.showTotals = false;
      table.rows += 1;
      excel.setCell('Forbruk', 4, 1, 'U-HAND');
      const error = await refusal(port.writeTables([bigForbruk(3)]));
      expect(error.code).to.equal('table_edited');
      expect(error.message).to.match(/endret for hånd/);
      expect(excel.cell('Forbruk', 4, 1)).to.equal('U-HAND');
      await port.writeTables([bigForbruk(3)], { replaceEdited: true });
      expect(excel.cell('Forbruk', 4, 1)).to.not.equal('U-HAND');
    });

    it('refuses to overwrite a table where the user changed one amount (same rows), and replaces it when told', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      const tables = workbookTables();
      await port.writeTables(tables);
      expect(excel.cell('Rammer', 1, 4)).to.equal(70000000);
      const rows = excel.tableValues('Rammer').length;
      excel.setCell('Rammer', 1, 4, 75000000);
      const syncs = excel.syncs;
      const error = await refusal(port.writeTables(tables));
      expect(error.code).to.equal('table_edited');
      expect(error.place).to.deep.equal({ sheet: 'Rammer', table: 'Rammer' });
      expect(error.message).to.match(/innholdet i cellene/);
      // Refused after the three checking requests, before any cell changed.
      expect(excel.syncs - syncs).to.equal(3);
      expect(excel.cell('Rammer', 1, 4)).to.equal(75000000);
      expect(excel.tableValues('Rammer').length).to.equal(rows);
      await port.writeTables(tables, { replaceEdited: true });
      expect(excel.cell('Rammer', 1, 4)).to.equal(70000000);
      // The record now matches what is there: the next write goes through without asking.
      await port.writeTables(tables);
    });

    it('notices an edited formula and an edit deep in a large table read in several parts', async () => {
      const excel = new FakeWorkbook();
      const tables = workbookTables();
      await new ExcelWorkbookPort({ run: excel.run }).writeTables(tables);
      const formula = String(excel.cell('Avstemming', 1, 5));
      excel.setCell('Avstemming', 1, 5, '=1');
      expect((await refusal(new ExcelWorkbookPort({ run: excel.run }).writeTables(tables))).code).to.equal('table_edited');
      excel.setCell('Avstemming', 1, 5, formula);
      await new ExcelWorkbookPort({ run: excel.run }).writeTables(tables);

      // Written in requests of 20 000 bytes, checked in reads of 1 000 cells: the parts differ,
      // the fingerprint does not.
      const big = new FakeWorkbook();
      await new ExcelWorkbookPort({ run: big.run, maxRequestBytes: 20_000 }).writeTables([bigForbruk(500)]);
      const port = new ExcelWorkbookPort({ run: big.run, maxRequestBytes: 20_000, maxCellsPerRead: 1_000 });
      await port.writeTables([bigForbruk(500)]);
      big.setCell('Forbruk', 321, 4, 1001);
      expect((await refusal(port.writeTables([bigForbruk(500)]))).code).to.equal('table_edited');
      expect(big.cell('Forbruk', 321, 4)).to.equal(1001);
    });

    it('rewrites a table nobody edited without asking, whatever the new contents', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      const tables = workbookTables();
      await port.writeTables(tables);
      await port.writeTables(tables);
      // New figures from the engine (same rows) are ours to write.
      const rammer = tableNamed(tables, 'Rammer');
      const changed = {
        ...rammer,
        rows: rammer.rows.map((row, i) => (i === 0 ? [...row.slice(0, 4), 71000000, ...row.slice(5)] : row)),
      };
      await port.writeTables([changed]);
      expect(excel.cell('Rammer', 1, 4)).to.equal(71000000);
      // A cell changed and changed back, and a number format changed, are no edits of the contents.
      excel.setCell('Rammer', 2, 4, 1);
      excel.setCell('Rammer', 2, 4, Number(toExcelInput(rammer.rows[1]![4]!, 'money')));
      excel.setNumberFormat('Rammer', 3, 4, '0.0');
      await port.writeTables([changed]);
    });

    it('checks a table recorded by an older IA Planner (no fingerprint) by header and rows only', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(3)]);
      const record = JSON.parse(String(excel.settings.get('IAPlanner.table.Forbruk'))) as Record<string, unknown>;
      expect(record.fingerprint).to.match(/^f1:[0-9a-f]{16}$/);
      excel.settings.set('IAPlanner.table.Forbruk', JSON.stringify({ header: record.header, rows: record.rows }));
      excel.setCell('Forbruk', 2, 4, 5);
      await port.writeTables([bigForbruk(3)]);
      expect(excel.cell('Forbruk', 2, 4)).to.equal(1000);
      // The write recorded a fingerprint again.
      excel.setCell('Forbruk', 2, 4, 5);
      expect((await refusal(port.writeTables([bigForbruk(3)]))).code).to.equal('table_edited');
    });

    it('reads back what it writes in the same requests, each response under the limit', async () => {
      const excel = new FakeWorkbook();
      excel.payloadLimit = 120_000;
      const port = new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 100_000, maxCellsPerRead: 4_000 });
      await port.writeTables([bigForbruk(3000)]);
      await port.writeTables([bigForbruk(3000)]);
      expect(excel.responses).to.have.length(excel.syncs);
      expect(Math.max(...excel.responses)).to.be.at.most(100_000);
      const record = JSON.parse(String(excel.settings.get('IAPlanner.table.Forbruk'))) as { fingerprint: string };
      const body = excel.tableValues('Forbruk').slice(1, 1 + 3000);
      expect(record.fingerprint).to.equal(fingerprintOf(body));
    });

    it('refuses to overwrite a table whose header the user changed', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(3)]);
      excel.setCell('Forbruk', 0, 1, 'Bilagsnummer');
      expect((await refusal(port.writeTables([bigForbruk(3)]))).code).to.equal('table_edited');
    });

    it('never writes over the user’s cells below a table it would grow into', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(2)]);
      excel.setCell('Forbruk', 8, 0, 'min notat');
      const error = await refusal(port.writeTables([bigForbruk(10)]));
      expect(error.code).to.equal('cells_occupied');
      expect(excel.cell('Forbruk', 8, 0)).to.equal('min notat');
      expect(excel.tableValues('Forbruk').length).to.equal(1 + 2);
    });

    it('refuses a new table where the user has cells on an existing sheet', async () => {
      const excel = new FakeWorkbook();
      excel.addSheet('Forbruk');
      excel.setCell('Forbruk', 0, 0, 'mine tall');
      const error = await refusal(new ExcelWorkbookPort({ run: excel.run }).writeTables([bigForbruk(2)]));
      expect(error.code).to.equal('cells_occupied');
      expect(excel.tables.has('Forbruk')).to.equal(false);
    });

    it('recreates the sheet and table after the user deleted the sheet', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(2)]);
      excel.sheets.delete('Forbruk');
      excel.tables.delete('Forbruk');
      await port.writeTables([bigForbruk(4)]);
      expect(excel.tableValues('Forbruk').length).to.equal(1 + 4);
    });
  });

  describe('content fingerprint', () => {
    it('frames each cell by type and length and counts rows and columns', () => {
      expect(fingerprintOf([['ab', 'c']])).to.not.equal(fingerprintOf([['a', 'bc']]));
      expect(fingerprintOf([[1]])).to.not.equal(fingerprintOf([['1']]));
      expect(fingerprintOf([[true]])).to.not.equal(fingerprintOf([[1]]));
      expect(fingerprintOf([['a'], ['b']])).to.not.equal(fingerprintOf([['a', 'b']]));
      expect(fingerprintOf([[]])).to.not.equal(fingerprintOf([]));
      expect(fingerprintOf([['a', 'b', 'extra']], 2)).to.equal(fingerprintOf([['a', 'b']]));
      expect(fingerprintOf([['x', 70000000]])).to.equal(fingerprintOf([['x', 70000000]]));
    });

    // How fast it hashes 100 000 rows is measured by bench/fingerprint.ts (npm run bench), not here.
  });

  describe('selecting a flagged row', () => {
    async function forbrukOf(rows: number): Promise<{ excel: FakeWorkbook; port: ExcelWorkbookPort }> {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(rows), tableNamed(workbookTables(), 'Rammer')]);
      excel.activeSheet = 'Rammer';
      excel.runs = 0;
      excel.syncs = 0;
      return { excel, port };
    }

    it('activates the table’s sheet and selects the first cell of the data row, in one run and one sync', async () => {
      const { excel, port } = await forbrukOf(5);
      await port.selectTableRow('Forbruk', 3);
      expect(excel.activeSheet).to.equal('Forbruk');
      // Data row 3 is sheet row 4 (0-based 3) under the header in row 1.
      expect(excel.selection).to.deep.equal({ sheet: 'Forbruk', row: 3, column: 0, rows: 1, columns: 1 });
      expect(excel.runs).to.equal(1);
      expect(excel.syncs).to.equal(1);
    });

    it('finds a table the user moved to another sheet and away from A1', async () => {
      const excel = new FakeWorkbook();
      excel.addTable('Notater', 'Mine notater', 4, 2, [
        ['Hva', 'Beløp'],
        ['første', 1],
        ['andre', 2],
      ]);
      await new ExcelWorkbookPort({ run: excel.run }).selectTableRow('Notater', 2);
      expect(excel.selection).to.deep.equal({ sheet: 'Mine notater', row: 6, column: 2, rows: 1, columns: 1 });
    });

    it('says the row is gone when the table has fewer rows now, and leaves the sheet and selection alone', async () => {
      const { excel, port } = await forbrukOf(5);
      const error = await refusal(port.selectTableRow('Forbruk', 6));
      expect(error.code).to.equal('row_not_found');
      expect(error.excelCode).to.equal('InvalidArgument');
      expect(error.place).to.deep.equal({ table: 'Forbruk', row: 6 });
      expect(error.message).to.match(/rad 6 i tabellen Forbruk/);
      expect(excel.activeSheet).to.equal('Rammer');
      expect(excel.selection).to.equal(null);
    });

    it('says the row is gone when the table was deleted', async () => {
      const { excel, port } = await forbrukOf(5);
      excel.tables.delete('Forbruk');
      const error = await refusal(port.selectTableRow('Forbruk', 1));
      expect(error.code).to.equal('row_not_found');
      expect(error.excelCode).to.equal('ItemNotFound');
    });

    it('refuses a row number that is not a whole number from 1 without calling Excel', async () => {
      const { excel, port } = await forbrukOf(5);
      for (const row of [0, -1, 1.5, Number.NaN]) {
        expect((await refusal(port.selectTableRow('Forbruk', row))).code, String(row)).to.equal('row_not_found');
      }
      expect(excel.runs).to.equal(0);
    });

    it('maps a hidden sheet and a failed sync through the fault catalogue', async () => {
      const { excel, port } = await forbrukOf(5);
      excel.sheetOf('Forbruk').hidden = true;
      const hidden = await refusal(port.selectTableRow('Forbruk', 1));
      expect(hidden.code).to.equal('invalid_operation');
      expect(hidden.message).to.match(/skjult/);
      excel.sheetOf('Forbruk').hidden = false;
      excel.failAtSync(1, 'GeneralException');
      expect((await refusal(port.selectTableRow('Forbruk', 1))).code).to.equal('general');
    });

    it('says the action needs Excel when office.js is absent', async () => {
      expect((await refusal(new ExcelWorkbookPort().selectTableRow('Forbruk', 1))).code).to.equal('not_in_excel');
    });
  });

  describe('faults', () => {
    it('refuses to write into a protected sheet, with a message that says how to unprotect it', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run });
      await port.writeTables([bigForbruk(2)]);
      excel.sheetOf('Forbruk').protected = true;
      const error = await refusal(port.writeTables([bigForbruk(2)]));
      expect(error.code).to.equal('sheet_protected');
      expect(error.message).to.match(/Opphev arkbeskyttelse/);
    });

    const cases: [string, string][] = [
      ['ItemNotFound', 'item_not_found'],
      ['InvalidArgument', 'invalid_argument'],
      ['AccessDenied', 'access_denied'],
      ['RequestPayloadSizeLimitExceeded', 'payload_too_large'],
      ['InvalidOperationInCellEditMode', 'cell_edit_mode'],
      ['GeneralException', 'general'],
      ['ActivityLimitReached', 'activity_limit'],
      ['SomethingNew', 'general'],
    ];
    for (const [excelCode, code] of cases) {
      it(`maps ${excelCode} on the first sync to ${code} with a Norwegian message, nothing written`, async () => {
        const excel = new FakeWorkbook();
        excel.failAtSync(1, excelCode);
        const error = await refusal(new ExcelWorkbookPort({ run: excel.run }).writeTables(workbookTables()));
        expect(error.code).to.equal(code);
        expect(error.excelCode).to.equal(excelCode);
        expect(error.message).to.match(/[æøå]|Excel/);
        expect(excel.sheets.size).to.equal(0);
      });
    }

    it('maps a failed read to a WorkbookError', async () => {
      const excel = new FakeWorkbook();
      excel.failAtSync(1, 'InvalidOperationInCellEditMode');
      const error = await refusal(new ExcelWorkbookPort({ run: excel.run }).readTable('Rammer'));
      expect(error.code).to.equal('cell_edit_mode');
      expect(error.message).to.match(/redigeringsmodus/);
    });

    it('puts the workbook back as it was when a write fails half-way', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 20_000 });
      await port.writeTables([bigForbruk(5)]);
      const before = excel.tableValues('Forbruk');
      // Preflight takes three syncs; the fifth is in the middle of the rows.
      excel.failAtSync(5, 'GeneralException');
      const error = await refusal(port.writeTables([bigForbruk(400), tableNamed(workbookTables(), 'Rammer')]));
      expect(error.code).to.equal('general');
      expect(error.partial).to.equal(false);
      expect(excel.tableValues('Forbruk')).to.deep.equal(before);
      expect(excel.sheets.has('Rammer')).to.equal(false);
    });

    it('puts back values, formulas and number formats, in requests under the limit, when a write fails', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 20_000 });
      await port.writeTables([bigForbruk(5)]);
      // The user's own format in the table (not an edit of its contents), and cells of their own
      // below it, with formats, that a write told to replace them takes over.
      excel.setNumberFormat('Forbruk', 2, 4, '0.0');
      excel.setCell('Forbruk', 20, 0, '=1+1');
      excel.setNumberFormat('Forbruk', 20, 0, '0.000');
      excel.setNumberFormat('Forbruk', 30, 1, '@');
      excel.setCell('Forbruk', 30, 1, '00123');
      const before = excel.tableValues('Forbruk');
      excel.payloadLimit = 25_000;
      // Preflight takes three syncs; the fourth writes the formats of all 400 rows and the first
      // rows; the fifth fails.
      excel.failAtSync(5, 'GeneralException');
      const syncs = excel.syncs;
      const error = await refusal(port.writeTables([bigForbruk(400)], { replaceEdited: true }));
      expect(error.code).to.equal('general');
      expect(error.partial).to.equal(false);
      expect(excel.tableValues('Forbruk')).to.deep.equal(before);
      expect(excel.cell('Forbruk', 20, 0)).to.equal('=1+1');
      expect(excel.cell('Forbruk', 30, 1)).to.equal('00123');
      expect(excel.numberFormat('Forbruk', 2, 4)).to.equal('0.0');
      expect(excel.numberFormat('Forbruk', 20, 0)).to.equal('0.000');
      expect(excel.numberFormat('Forbruk', 30, 1)).to.equal('@');
      expect(excel.numberFormat('Forbruk', 1, 0)).to.equal('dd.mm.yyyy');
      // Rows the failed write had formatted are back to Excel's default.
      expect(excel.numberFormat('Forbruk', 100, 0)).to.equal('General');
      expect(excel.numberFormat('Forbruk', 399, 4)).to.equal('General');
      // The restore took several requests, each under the limit.
      expect(excel.syncs - syncs).to.be.greaterThan(6);
      expect(Math.max(...excel.requests.slice(syncs))).to.be.at.most(20_000);
      // The record is still the one of the last good write: the restored table is not "edited".
      await port.writeTables([bigForbruk(5)]);
    });

    it('removes the sheet and table a failed write had created, and puts back the table it had rewritten', async () => {
      const batch = [tableNamed(workbookTables(), 'Rammer'), bigForbruk(400)];
      const syncsOfWrite = async (excel: FakeWorkbook, port: ExcelWorkbookPort) => {
        await port.writeTables([bigForbruk(5)]);
        const before = excel.syncs;
        await port.writeTables(batch);
        return excel.syncs - before;
      };
      const dry = new FakeWorkbook();
      const last = await syncsOfWrite(dry, new ExcelWorkbookPort({ run: dry.run, maxRequestBytes: 20_000 }));
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 20_000 });
      await port.writeTables([bigForbruk(5)]);
      const before = excel.tableValues('Forbruk');
      // The last request (validation, totals, records) fails: Rammer's sheet and every row are in.
      excel.failAtSync(last, 'GeneralException');
      const error = await refusal(port.writeTables(batch));
      expect(error.partial).to.equal(false);
      expect(excel.sheets.has('Rammer')).to.equal(false);
      expect(excel.tables.has('Rammer')).to.equal(false);
      expect(excel.tableValues('Forbruk')).to.deep.equal(before);
    });

    it('says so when the restore after a failure fails too', async () => {
      const excel = new FakeWorkbook();
      const port = new ExcelWorkbookPort({ run: excel.run, maxRequestBytes: 20_000 });
      await port.writeTables([bigForbruk(5)]);
      excel.failAtSync(5, 'GeneralException');
      excel.failAtSync(6, 'GeneralException');
      const error = await refusal(port.writeTables([bigForbruk(400)]));
      expect(error.partial).to.equal(true);
      expect(error.message).to.match(/Angre/);
    });

    it('refuses a table whose rows do not fit its columns before calling Excel', async () => {
      const excel = new FakeWorkbook();
      const table = bigForbruk(1);
      const error = await refusal(new ExcelWorkbookPort({ run: excel.run }).writeTables([{ ...table, rows: [['for', 'kort']] }]));
      expect(error.code).to.equal('bad_table_data');
      expect(excel.runs).to.equal(0);
    });

    it('says the action needs Excel when office.js is absent', async () => {
      const error = await refusal(new ExcelWorkbookPort().readTable('Rammer'));
      expect(error.code).to.equal('not_in_excel');
    });
  });
});
