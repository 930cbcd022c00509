// A frame amount beyond what a cell holds exactly (15 digits) is refused where it is read, naming
// sheet, row and column: accepted, it would be written as another amount (99999999999999999999,99 as 1e20).
import { expect } from 'chai';
import { embeddedPlan, type CellValue, type TableRead } from '../../../engine/index.js';
import { readPlanTables } from '../../../engine/workbook/read/read-plan-table.js';
import { posterTable, rammerTable } from '../../../engine/workbook/write/build.js';
import { readBackValue } from '../../../engine/workbook/port/cells.js';

/** The embedded plan's tables with the first frame's `Beløp` cell set to `amount`. */
function readWithAmount(amount: CellValue) {
  const plan = embeddedPlan();
  const [r, p] = [rammerTable(plan), posterTable(plan)];
  const table = (sheet: string, data: typeof r): TableRead => ({
    sheet,
    table: sheet,
    header: data.spec.columns.map((c) => c.name),
    rows: data.rows.map((row) => row.map(readBackValue)),
    firstRow: 2,
  });
  const rammer = table('Rammer', r);
  const rows = rammer.rows.map((row) => [...row]);
  rows[0]![4] = amount;
  return readPlanTables({ ...rammer, rows }, table('Poster', p), 'plan.xlsx', 'nb');
}

describe('Rammer: amounts a cell holds exactly', () => {
  const cases: [CellValue, string | null][] = [
    ['9 999 999 999 999,99', '9999999999999.99'],
    [9_999_999_999_999.99, '9999999999999.99'],
    ['10 000 000 000 000,00', null],
    ['99999999999999999999,99', null],
    [1e20, null],
    [123_456_789_012_345_680_000, null],
  ];
  for (const [cell, amount] of cases) {
    it(`${amount === null ? 'refuses' : 'reads'} ${JSON.stringify(cell)}`, () => {
      const { plan, problems } = readWithAmount(cell);
      if (amount !== null) {
        expect(problems).to.deep.equal([]);
        expect(plan!.frames[0]!.amount!.toFixed2()).to.equal(amount);
        return;
      }
      expect(plan).to.equal(null);
      expect(problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value])).to.deep.equal([
        ['amount_too_large', 'Rammer', 2, 'Beløp', String(cell)],
      ]);
    });
  }
});
