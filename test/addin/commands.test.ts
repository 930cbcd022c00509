// "Avstem nå" from the ribbon: a workbook whose Forbruk got a new disbursement typed in by hand is
// reconciled again, and the Avstemming table shows it; a workbook with a problem gets a message, and
// whatever happens reaches the task pane through onCommandResult in Norwegian.
import { expect } from 'chai';
import { MemoryWorkbookPort } from '../../engine/workbook/index.js';
import { onCommandResult, runReconcileCommand } from '../../addin/commands/commands.js';
import { reconcileNow, type CommandResult } from '../../addin/commands/reconcile-now.js';
import { ExcelWorkbookPort } from '../../addin/excel/excel-workbook-port.js';
import { WorkbookError, faultMessage } from '../../addin/excel/faults.js';
import { setErrorLogger, type ErrorLogger } from '../../addin/excel/office-helpers.js';
import { readerOf } from '../../addin/functions/inputs-source.js';
import { FakeWorkbook } from './fake-excel.js';
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
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ];
    await port.writeTables([{ ...forbruk, rows: [...forbruk.rows, typed] }]);
    const result = await reconcileNow({
      readTables: readerOf(port),
      writeTables: (t) => port.writeTables(t),
      today: () => AS_OF,
    });
    expect(result.ok).to.equal(true);
    expect(result.message).to.match(/Avstemmingen er oppdatert per 31.12.2024: 93 rammer/);
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

describe('the Avstem nå ribbon button and the task pane', () => {
  let previous: ErrorLogger;
  const logged: string[] = [];
  before(() => (previous = setErrorLogger((where) => logged.push(where))));
  after(() => setErrorLogger(previous));

  /** Norwegian words every message of ours uses; an English or technical text has none of them. */
  const NORWEGIAN = /\b(og|ikke|er|på|for|kunne|Prøv)\b/;

  async function planningWorkbook(): Promise<MemoryWorkbookPort> {
    const port = new MemoryWorkbookPort();
    await port.writeTables(workbookTables());
    return port;
  }

  function pane(): { heard: CommandResult[]; opened: () => number; showTaskpane: () => Promise<void>; stop: () => void } {
    const heard: CommandResult[] = [];
    let opened = 0;
    const stop = onCommandResult((result) => heard.push(result));
    heard.length = 0; // the replay of an earlier test's result is not this test's
    return { heard, opened: () => opened, showTaskpane: async () => void opened++, stop };
  }

  it('tells the pane in Norwegian when Excel refuses the read, opens the pane, and never shows Excel’s own text', async () => {
    const excel = new FakeWorkbook();
    await new ExcelWorkbookPort({ run: excel.run }).writeTables(workbookTables());
    excel.failAtSync(1, 'AccessDenied');
    const port = new ExcelWorkbookPort({ run: excel.run });
    const p = pane();
    const result = await runReconcileCommand({
      readTables: (names) => port.readTables(names),
      writeTables: (t) => port.writeTables(t),
      today: () => AS_OF,
      showTaskpane: p.showTaskpane,
    });
    p.stop();
    expect(result.ok).to.equal(false);
    expect(p.heard).to.deep.equal([result]);
    expect(result.message).to.equal(faultMessage('access_denied'));
    expect(result.message).to.match(NORWEGIAN);
    expect(result.message).to.not.match(/AccessDenied|fake/);
    expect(p.opened()).to.equal(1);
  });

  it('tells the pane in Norwegian what is wrong in the workbook and writes nothing', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables(workbookTables().filter((t) => t.spec.table !== 'Rammer'));
    let writes = 0;
    const p = pane();
    await runReconcileCommand({
      readTables: readerOf(port),
      writeTables: async () => void writes++,
      today: () => AS_OF,
      showTaskpane: p.showTaskpane,
    });
    p.stop();
    expect(p.heard.map((r) => r.ok)).to.deep.equal([false]);
    expect(p.heard[0]!.message)
      .to.match(/Rammer/)
      .and.to.match(NORWEGIAN);
    expect(writes).to.equal(0);
    expect(p.opened()).to.equal(1);
  });

  it('turns an unexpected exception into a Norwegian message without the exception’s text', async () => {
    const p = pane();
    const result = await runReconcileCommand({
      readTables: () => Promise.reject(new TypeError('Cannot read properties of undefined (reading x)')),
      writeTables: async () => undefined,
      today: () => AS_OF,
      showTaskpane: p.showTaskpane,
    });
    p.stop();
    expect(result.ok).to.equal(false);
    expect(result.message)
      .to.match(/uventet feil/)
      .and.to.match(NORWEGIAN);
    expect(result.message).to.not.match(/Cannot read|undefined/);
  });

  it('keeps the result for a pane that opens after the command ran', async () => {
    const port = await planningWorkbook();
    const result = await runReconcileCommand({
      readTables: () => Promise.reject(new WorkbookError('cell_edit_mode')),
      writeTables: (t) => port.writeTables(t),
      today: () => AS_OF,
      showTaskpane: () => Promise.reject(new Error('no pane in this host')),
    });
    expect(logged).to.include('showAsTaskpane');
    const late: CommandResult[] = [];
    const stop = onCommandResult((r) => late.push(r));
    stop();
    expect(late).to.deep.equal([result]);
    expect(late[0]!.message).to.match(/redigeringsmodus/);
  });

  it('reports success to the pane without opening it', async () => {
    const port = await planningWorkbook();
    const p = pane();
    const result = await runReconcileCommand({
      readTables: readerOf(port),
      writeTables: (t) => port.writeTables(t),
      today: () => AS_OF,
      showTaskpane: p.showTaskpane,
    });
    p.stop();
    expect(result.ok).to.equal(true);
    expect(p.heard).to.deep.equal([result]);
    expect(result.message).to.match(/^Avstemmingen er oppdatert per 31.12.2024/);
    expect(p.opened()).to.equal(0);
  });

  it('still tells the other listeners when one of them throws', async () => {
    const heard: CommandResult[] = [];
    const stopBroken = onCommandResult(() => {
      throw new Error('broken listener');
    });
    const stop = onCommandResult((r) => heard.push(r));
    heard.length = 0;
    await runReconcileCommand({
      readTables: () => Promise.reject(new WorkbookError('conflict')),
      writeTables: async () => undefined,
      today: () => AS_OF,
      showTaskpane: async () => undefined,
    });
    stopBroken();
    stop();
    expect(heard.map((r) => r.message)).to.deep.equal([faultMessage('conflict')]);
    expect(logged).to.include('onCommandResult');
  });
});
