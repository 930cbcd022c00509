/**
 * A ledger with 200 000 bad lines (every amount with three decimals): the command line rejects it
 * (exit 1) and lists every problem, never crashes (exit 3) on the number of them. The call stack
 * once overflowed when a file's problems were spread into one push().
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('ia-planner on a ledger with 200 000 bad lines', function () {
  this.timeout(120_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ia-many-'));
    const lines = Array.from({ length: 200_000 }, (_, i) => `2024-01-15;U-${i};ekspertbistand;utbetaling;12,345;2024`);
    writeFileSync(join(dir, 'feil.csv'), `dato;bilag;virkemiddel;type;beløp;år\n${lines.join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects the file with exit 1 and names every line, the last one included', () => {
    const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, 'reconcile', '--ledger', join(dir, 'feil.csv')], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    expect(result.status, result.stderr.slice(-500)).to.equal(1);
    expect(result.stderr).to.include('feil.csv, linje 200001, kolonne beløp');
    expect(result.stderr).to.include('200000 feil');
  });
});
