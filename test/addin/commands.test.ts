// "Avstem nå" from the ribbon: a workbook whose Forbruk got a new disbursement typed in by hand is
// reconciled again, and the Avstemming table shows it; a workbook with a problem gets a message.
import { expect } from 'chai';
import { MemoryWorkbookPort } from '../../engine/workbook/index.js';
import { reconcileNow } from '../../addin/commands/reconcile-now.js';
import { WorkbookError } from '../../addin/excel/faults.js';
import { setErrorLogger, type ErrorLogger } from '../../addin/excel/office-helpers.js';
import { readerOf } from '../../addin/functions/inputs-source.js';
import { AS_OF, tableNamed, workbookTables } from './fixtures.js';

describe('the Avstem nå command', () => {
  let previous: ErrorLogger;
  before(() => (previous = setErrorLogger(() => undefined)));
  after(() => setErrorLogger(previous));

  it('rewrites Avstemming from the workbook’s own Rammer and Forbruk', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables(workbookTables());
    const forbruk = tableNamed(workbookTables(), 'Forbruk');
    const typed = [
      '2024-12-01',
      'U-HAND-1',
      'ekspertbistand',
      'utbetaling',
      1000,
      null,
      2024,
      null,
      null,
      'Skrevet inn for hånd',
    ];
    await port.writeTables([{ ...forbruk, rows: [...forbruk.rows, typed] }]);
    const result = await reconcileNow({
      readTables: readerOf(port),
      writeTables: (t) => port.writeTables(t),
      today: () => AS_OF,
    });
    expect(result.ok).to.equal(true);
    expect(result.message).to.match(/Avstemmingen er oppdatert per 2024-12-31: 93 rammer/);
    const avstemming = await port.readTable('Avstemming');
    const row = avstemming!.rows.find((r) => r[0] === 'ekspertbistand' && r[2] === 2024)!;
    expect(row[5]).to.equal(46_212_000.5);
  });

  it('reports a problem in the workbook instead of writing', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables(workbookTables().filter((t) => t.spec.table !== 'Rammer'));
    let writes = 0;
    const result = await reconcileNow({ readTables: readerOf(port), writeTables: async () => void writes++, today: () => AS_OF });
    expect(result.ok).to.equal(false);
    expect(result.message).to.match(/Rammer/);
    expect(writes).to.equal(0);
  });

  it('passes on a workbook fault’s message and never throws', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables(workbookTables());
    const result = await reconcileNow({
      readTables: readerOf(port),
      writeTables: () => Promise.reject(new WorkbookError('sheet_protected', { sheet: 'Avstemming' })),
      today: () => AS_OF,
    });
    expect(result).to.deep.equal({ ok: false, message: new WorkbookError('sheet_protected', { sheet: 'Avstemming' }).message });
    const crash = await reconcileNow({
      readTables: () => Promise.reject(new Error('bug')),
      writeTables: async () => undefined,
      today: () => AS_OF,
    });
    expect(crash.ok).to.equal(false);
    expect(crash.message).to.match(/uventet feil/);
  });
});
