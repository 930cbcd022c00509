/**
 * The contract every `WorkbookPort` keeps: run it against an implementation with
 * `describeWorkbookPortContract('name', makePort)`. It runs against the memory port
 * (memory-port.test.ts), the exceljs .xlsx port (xlsx-port.test.ts) and the office.js adapter on
 * the fake Excel (test/addin/excel-port-contract.test.ts).
 */
import { expect } from 'chai';
import type { TableData, TableSpec, WorkbookPort } from '../../../engine/workbook/port/port.js';

/** A small table spec: one column of each kind the layout uses. */
export const CONTRACT_SPEC: TableSpec = {
  sheet: 'Prøve',
  table: 'Prøvetabell',
  origin: { row: 1, column: 1 },
  columns: [
    { name: 'Tekst', kind: 'text', width: 20 },
    { name: 'Dato', kind: 'date', width: 12 },
    { name: 'Beløp', kind: 'money', width: 16 },
    { name: 'År', kind: 'year', width: 6 },
    { name: 'Andel', kind: 'percent', width: 10 },
  ],
};

const OTHER_SPEC: TableSpec = {
  sheet: 'Annet',
  table: 'Annet',
  origin: { row: 1, column: 1 },
  columns: [{ name: 'Navn', kind: 'text', width: 20 }],
};

function table(rows: TableData['rows'], spec: TableSpec = CONTRACT_SPEC): TableData {
  return { spec, rows };
}

/** Registers the contract's tests for a port made fresh for each test by `makePort`. */
export function describeWorkbookPortContract(name: string, makePort: () => Promise<WorkbookPort>): void {
  describe(`WorkbookPort contract: ${name}`, function () {
    this.timeout(30000);

    it('reads null for a table that was never written', async () => {
      const port = await makePort();
      expect(await port.readTable('Finnes ikke')).to.equal(null);
    });

    it('reads back what it wrote: sheet, header, first row and every value', async () => {
      const port = await makePort();
      await port.writeTables([
        table([
          ['Ekspertbistand', '2024-02-01', 1250000.5, 2024, 0.9642],
          ['Ja', '2019-12-31', -3, 2019, null],
          [null, null, 0, null, 0],
        ]),
      ]);
      const read = await port.readTable('Prøvetabell');
      expect(read).to.not.equal(null);
      expect(read!.sheet).to.equal('Prøve');
      expect(read!.header).to.deep.equal(['Tekst', 'Dato', 'Beløp', 'År', 'Andel']);
      expect(read!.firstRow).to.equal(2);
      expect(read!.rows).to.deep.equal([
        ['Ekspertbistand', '2024-02-01', 1250000.5, 2024, 0.9642],
        ['Ja', '2019-12-31', -3, 2019, null],
        [null, null, 0, null, 0],
      ]);
    });

    it('finds a table by name without regard to case, as Excel does', async () => {
      const port = await makePort();
      await port.writeTables([table([['a', null, 1, 2020, null]])]);
      expect((await port.readTable('PRØVETABELL'))?.table).to.equal('Prøvetabell');
    });

    it('reads an empty string as an empty cell', async () => {
      const port = await makePort();
      await port.writeTables([table([['', null, 1, 2020, null]])]);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal([[null, null, 1, 2020, null]]);
    });

    it('reads a formula as the result stored with it', async () => {
      const port = await makePort();
      await port.writeTables([
        table([['x', null, { formula: '1+1', cached: 2 }, 2020, { formula: 'IF(TRUE,"","")', cached: '' }]]),
      ]);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal([['x', null, 2, 2020, null]]);
    });

    it('keeps text that looks like a formula or a number as text', async () => {
      const port = await makePort();
      const texts = ['=SUM(A1)', '+47 22 00 00 00', '@partene', '-5', '0012', "'sitat"];
      await port.writeTables([table(texts.map((t) => [t, null, null, null, null]))]);
      expect((await port.readTable('Prøvetabell'))!.rows.map((r) => r[0])).to.deep.equal(texts);
    });

    it('reads an empty table as zero rows', async () => {
      const port = await makePort();
      await port.writeTables([table([])]);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal([]);
    });

    it('leaves a totals row out of the data rows', async () => {
      const port = await makePort();
      const spec: TableSpec = {
        ...CONTRACT_SPEC,
        totals: { Tekst: 'Sum', Beløp: { formula: 'SUBTOTAL(109,Prøvetabell[Beløp])', cached: 3 } },
      };
      await port.writeTables([
        table(
          [
            ['a', null, 1, 2020, null],
            ['b', null, 2, 2020, null],
          ],
          spec,
        ),
      ]);
      expect((await port.readTable('Prøvetabell'))!.rows.map((r) => r[0])).to.deep.equal(['a', 'b']);
    });

    it('replaces the rows of a table written again and keeps the other tables', async () => {
      const port = await makePort();
      await port.writeTables([
        table([
          ['a', null, 1, 2020, null],
          ['b', null, 2, 2020, null],
        ]),
        table([['først']], OTHER_SPEC),
      ]);
      await port.writeTables([table([['c', null, 3, 2021, null]])]);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal([['c', null, 3, 2021, null]]);
      expect((await port.readTable('Annet'))!.rows).to.deep.equal([['først']]);
    });

    it('grows a table written again with more rows', async () => {
      const port = await makePort();
      await port.writeTables([table([['a', null, 1, 2020, null]])]);
      const rows: TableData['rows'] = [
        ['b', '2024-01-31', 2, 2021, 0.5],
        ['c', null, 3, 2022, null],
        ['d', null, 4, 2023, 1],
      ];
      await port.writeTables([table(rows)]);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal(rows);
    });

    it('writes a table at its origin away from A1 and names the sheet row of its first data row', async () => {
      const port = await makePort();
      const spec: TableSpec = { ...CONTRACT_SPEC, origin: { row: 4, column: 3 } };
      await port.writeTables([table([['a', null, 1, 2020, null]], spec)]);
      const read = (await port.readTable('Prøvetabell'))!;
      expect(read.firstRow).to.equal(5);
      // Optional in TableRead: a host that gives it gives the table's first column.
      if (read.firstColumn !== undefined) expect(read.firstColumn).to.equal(3);
      expect(read.rows).to.deep.equal([['a', null, 1, 2020, null]]);
    });

    it('writes nothing from a batch with a malformed table', async () => {
      const port = await makePort();
      await port.writeTables([table([['a', null, 1, 2020, null]])]);
      let failed = false;
      try {
        await port.writeTables([table([['b', null, 2, 2021, null]]), table([['x', 'for mange']], OTHER_SPEC)]);
      } catch {
        failed = true;
      }
      expect(failed).to.equal(true);
      expect((await port.readTable('Prøvetabell'))!.rows).to.deep.equal([['a', null, 1, 2020, null]]);
      expect(await port.readTable('Annet')).to.equal(null);
    });
  });
}
