// The in-memory workbook keeps formulas and their cached results, as a file would.
import { expect } from 'chai';
import { MemoryWorkbookPort } from '../../../engine/workbook/port/memory-port.js';
import { CONTRACT_SPEC, describeWorkbookPortContract } from './port-contract.js';

describeWorkbookPortContract('in memory', async () => new MemoryWorkbookPort());

describe('MemoryWorkbookPort', () => {
  it('shows the formula in a cell and the totals row as written', async () => {
    const port = new MemoryWorkbookPort();
    const spec = {
      ...CONTRACT_SPEC,
      totals: { Tekst: 'Sum', Beløp: { formula: 'SUBTOTAL(109,Prøvetabell[Beløp])', cached: 7 } },
    };
    await port.writeTables([{ spec, rows: [['a', null, { formula: '3+4', cached: 7 }, 2020, null]] }]);
    expect(port.formulaAt('Prøvetabell', 0, 'Beløp')).to.deep.equal({ formula: '3+4', cached: 7 });
    expect(port.formulaAt('Prøvetabell', 0, 'Tekst')).to.equal(null);
    expect(port.totalsOf('Prøvetabell')).to.deep.equal({ Tekst: 'Sum', Beløp: 7 });
    expect(port.sheetNames()).to.deep.equal(['Prøve']);
    expect(port.tableNames()).to.deep.equal(['Prøvetabell']);
  });

  it('counts only the batches that were written', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables([{ spec: CONTRACT_SPEC, rows: [] }]);
    await port.writeTables([{ spec: CONTRACT_SPEC, rows: [['too short']] }]).catch(() => undefined);
    expect(port.writeCount).to.equal(1);
  });
});
