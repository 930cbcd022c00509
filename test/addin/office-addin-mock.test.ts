// The adapter's read path against office-addin-mock's object model, whose load/sync rules catch a
// property read before it was loaded and synced: the Rammer table of a hand-made workbook (two
// frames, a date-formatted column) is read back into the engine's cells.
import { expect } from 'chai';
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelWorkbookPort } from '../../addin/excel/excel-workbook-port.js';

type Data = Record<string, unknown>;

/** A mock object whose every load also loads isNullObject (office.js sets it with any load). */
function nullable(data: Data): Data {
  return {
    isNullObject: false,
    ...data,
    load(this: OfficeMockObject, properties: string) {
      return OfficeMockObject.prototype.load.call(this, `isNullObject,${properties}`);
    },
  };
}

const header = [['Virkemiddel', 'Fra', 'Beløp', 'Dato']];
const body = [
  ['ekspertbistand', 2024, 50000000, 45352],
  ['skil', 2019, 2000000, 43466],
];

function mockExcel(withTable: boolean): OfficeMockObject {
  const part = { values: body };
  const firstRow = { numberFormat: [['@', '0', '#,##0.00', 'dd.mm.yyyy']], getResizedRange: () => null };
  const table = nullable({
    name: 'Rammer',
    worksheet: { name: 'Rammer' },
    header: { values: header },
    body: {
      rowIndex: 1,
      rowCount: 2,
      columnCount: 4,
      firstRow,
      part,
      getRow(this: Data) {
        return this.firstRow;
      },
    },
    getHeaderRowRange(this: Data) {
      return this.header;
    },
    getDataBodyRange(this: Data) {
      return this.body;
    },
  });
  const missing = nullable({ isNullObject: true, name: '' });
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        tables: {
          table: withTable ? table : missing,
          getItemOrNullObject(this: Data) {
            return this.table;
          },
        },
      },
    },
  });
  // The part read by getResizedRange lives in the same tree, so sync() resolves its loads.
  const tree = mock.context.workbook.tables.table;
  if (withTable) tree.body.firstRow.getResizedRange = () => tree.body.part;
  return mock;
}

describe('ExcelWorkbookPort on office-addin-mock', () => {
  it('reads a table’s header, rows and sheet after loading every property it reads', async () => {
    const mock = mockExcel(true);
    // The mock's context stands in for Excel.RequestContext; the cast names that.
    const port = new ExcelWorkbookPort({ run: (batch) => batch(mock.context as unknown as Excel.RequestContext) });
    const read = await port.readTable('Rammer');
    expect(read).to.deep.equal({
      sheet: 'Rammer',
      table: 'Rammer',
      header: ['Virkemiddel', 'Fra', 'Beløp', 'Dato'],
      rows: [
        ['ekspertbistand', 2024, 50000000, '2024-03-01'],
        ['skil', 2019, 2000000, '2019-01-01'],
      ],
      firstRow: 2,
    });
  });

  it('gives null when the workbook has no such table', async () => {
    const mock = mockExcel(false);
    const port = new ExcelWorkbookPort({ run: (batch) => batch(mock.context as unknown as Excel.RequestContext) });
    expect(await port.readTable('Rammer')).to.equal(null);
  });
});

describe('ExcelWorkbookPort.selectTableRow on office-addin-mock', () => {
  /** A workbook whose table Forbruk answers row lookups; every call lands in `calls`, in order. */
  function mockWorkbook(calls: string[]): OfficeMockObject {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            forbruk: {
              rows: {
                row: { range: { cell: { worksheet: { name: 'Forbruk' } } } },
                getItemAt(this: Data, index: number) {
                  calls.push(`rows.getItemAt(${index})`);
                  return this.row;
                },
              },
            },
            getItem(this: Data, name: string) {
              calls.push(`tables.getItem(${name})`);
              return this.forbruk;
            },
          },
        },
        sync: async () => void calls.push('sync'),
      },
    });
    // Methods further down the tree, added on the mock objects themselves (populate keeps functions).
    const row = mock.context.workbook.tables.forbruk.rows.row;
    row.getRange = () => (calls.push('getRange()'), row.range);
    row.range.getCell = (r: number, c: number) => (calls.push(`getCell(${r},${c})`), row.range.cell);
    row.range.cell.select = () => void calls.push('select()');
    row.range.cell.worksheet.activate = () => void calls.push('worksheet.activate()');
    return mock;
  }

  it('goes table → data row → first cell, activates its sheet, selects it and syncs once', async () => {
    const calls: string[] = [];
    const mock = mockWorkbook(calls);
    const port = new ExcelWorkbookPort({ run: (batch) => batch(mock.context as unknown as Excel.RequestContext) });
    await port.selectTableRow('Forbruk', 3);
    expect(calls).to.deep.equal([
      'tables.getItem(Forbruk)',
      'rows.getItemAt(2)',
      'getRange()',
      'getCell(0,0)',
      'worksheet.activate()',
      'select()',
      'sync',
    ]);
  });
});
