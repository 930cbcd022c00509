// Write a workbook, read its plan back, write again: every table holds the same values.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconcile } from '../../../engine/index.js';
import { buildWorkbookTables } from '../../../engine/workbook/write/build.js';
import { MemoryWorkbookPort } from '../../../engine/workbook/port/memory-port.js';
import { readPlanFromPort } from '../../../engine/workbook/read/read-plan-table.js';
import { diffTableReads, readTables } from '../../../engine/workbook/port/round-trip.js';
import { readPlanFile } from '../../../engine/workbook/xlsx/read-plan.js';
import { XlsxWorkbookPort } from '../../../engine/workbook/xlsx/xlsx-port.js';
import { sample } from './fixtures.js';

const NAMES = ['Rammer', 'Poster', 'Forbruk', 'Avstemming', 'Logg'];
const LOG = [{ time: '2025-01-02 10:00', who: 'test', action: 'Skrevet', details: 'første' }];

describe('workbook round trip', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-round-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes, reads and writes an .xlsx file with identical table values', async () => {
    const { plan, lines, reconciliation } = sample();
    const first = await XlsxWorkbookPort.open(join(dir, 'en.xlsx'));
    await first.writeTables(buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, lang: 'nb', log: LOG }));
    const { plan: readBack, problems } = await readPlanFile(join(dir, 'en.xlsx'), 'nb');
    expect(problems).to.deep.equal([]);
    const second = await XlsxWorkbookPort.open(join(dir, 'to.xlsx'));
    const again = reconcile(readBack!, lines, reconciliation.asOf);
    await second.writeTables(
      buildWorkbookTables({ plan: readBack!, ledgerLines: lines, reconciliation: again, lang: 'nb', log: LOG }),
    );
    const [a, b] = [await readTables(first, NAMES), await readTables(second, NAMES)];
    expect(a).to.have.length(5);
    expect(diffTableReads(a, b)).to.deep.equal([]);
  });

  it('gives the same values through the in-memory port and the .xlsx port', async () => {
    const { plan, lines, reconciliation } = sample();
    const tables = buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, lang: 'nb', log: LOG });
    const memory = new MemoryWorkbookPort();
    await memory.writeTables(tables);
    const file = await XlsxWorkbookPort.open(join(dir, 'tre.xlsx'));
    await file.writeTables(tables);
    expect(diffTableReads(await readTables(memory, NAMES), await readTables(file, NAMES))).to.deep.equal([]);
    expect((await readPlanFromPort(memory, 'minne')).plan!.frames).to.deep.equal(plan.frames);
  });

  it('names the cells that differ', () => {
    const t = { sheet: 'S', table: 'T', header: ['A'], rows: [[1]], firstRow: 2 };
    expect(diffTableReads([t], [{ ...t, rows: [[2]] }])).to.deep.equal(['T rad 2, A: 1 ≠ 2']);
  });
});
