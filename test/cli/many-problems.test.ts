/**
 * A ledger with 200 000 bad lines (every amount with three decimals): the command line rejects it
 * (exit 1), lists the first 1000 problems (`--max-errors`, CONTRACTS §4 "Bounded output") and says
 * how many more there are, and never crashes (exit 3) on the number of them. The call stack once
 * overflowed when a file's problems were spread into one push().
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The problem line for data line `line` (1 = header) of the file. */
const problemOn = (line: number) =>
  `feil.csv, linje ${line}, kolonne beløp: Beløpet har for mange desimaler. Verdien «12,345». Forventet: høyst 2 desimaler (øre).`;

describe('ia-planner on a ledger with 200 000 bad lines', function () {
  this.timeout(120_000);
  let dir = '';
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [`${root}bin/ia-planner.js`, 'reconcile', '--ledger', join(dir, 'feil.csv'), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ia-many-'));
    const lines = Array.from({ length: 200_000 }, (_, i) => `2024-01-15;U-${i};ekspertbistand;utbetaling;12,345;2024`);
    writeFileSync(join(dir, 'feil.csv'), `dato;bilag;virkemiddel;type;beløp;år\n${lines.join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects the file with exit 1, lists the first 1000 problems and says how many more there are', () => {
    const result = run();
    expect(result.status, result.stderr.slice(-500)).to.equal(1);
    const lines = result.stderr.split('\n');
    expect(lines).to.have.length(1003);
    expect(lines.slice(0, 1000)).to.deep.equal(Array.from({ length: 1000 }, (_, i) => problemOn(i + 2)));
    expect(lines[1000]).to.equal('… og 199 000 feil til (--max-errors 0 lister alle)');
    expect(lines[1001]).to.equal(
      'Forbruket ble avvist: 200 000 feil. Ingenting er importert. Rett feilene, eller bruk --skip-invalid for å ta med bare de gyldige linjene.',
    );
    expect(lines[1002]).to.equal('');
  });

  it('lists every problem, the last one included, with --max-errors 0', () => {
    const result = run('--max-errors', '0');
    expect(result.status, result.stderr.slice(-500)).to.equal(1);
    const lines = result.stderr.split('\n');
    expect(lines).to.have.length(200_002);
    expect(lines[0]).to.equal(problemOn(2));
    expect(lines[199_999]).to.equal(problemOn(200_001));
    expect(lines[200_000]).to.match(/^Forbruket ble avvist: 200 000 feil\. /);
  });

  it('gives the first 1000 errors in JSON with errorCount 200000', () => {
    const result = run('--format', 'json');
    expect(result.status, result.stderr.slice(-500)).to.equal(1);
    const json = JSON.parse(result.stdout) as { errors: { line: number }[]; errorCount: number; warningCount: number };
    expect(json.errors.map((e) => e.line)).to.deep.equal(Array.from({ length: 1000 }, (_, i) => i + 2));
    expect(json.errorCount).to.equal(200_000);
    expect(json.warningCount).to.equal(0);
  });
});
