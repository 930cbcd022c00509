// `ia-planner workbook`: writes the workbook, refuses to overwrite, writes nothing from a rejected ledger.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions } from '../../../engine/cli/args.js';
import { framesCommand, reconcileCommand } from '../../../engine/cli/commands.js';
import { workbookCommand } from '../../../engine/cli/workbook-command.js';
import { readXlsxTables } from '../../../engine/workbook/xlsx/read-xlsx.js';
import { SAMPLE_LEDGER } from './fixtures.js';

describe('ia-planner workbook', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-cli-'));
  const ledger = join(dir, 'forbruk.csv');
  writeFileSync(ledger, SAMPLE_LEDGER);
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => workbookCommand(parseOptions(args));

  it('writes the workbook with every table', async () => {
    const out = join(dir, 'plan.xlsx');
    const result = await run('--out', out, '--ledger', ledger, '--as-of', '2024-12-31');
    expect(result.status).to.equal(0);
    expect(result.stdout).to.contain('93 rammer');
    const tables = await readXlsxTables(out);
    expect([...tables.keys()]).to.deep.equal([
      'rammer',
      'poster',
      'konteringsregler',
      'forbruk',
      'avstemming',
      'versjoner',
      'versjonsrammer',
      'arsavslutning',
      'indikatorer',
      'vurderinger',
      'logg',
      // The Tilsagn sheet (issue 12): the authorisations to type in, and the commitments register.
      'tilsagnsfullmakter',
      'tilsagn',
      'apnetilsagn',
    ]);
    // Every line, also the one dated after --as-of (CONTRACTS §4: the as-of date never limits what is stored).
    expect(tables.get('forbruk')!.rows).to.have.length(8);
  });

  it('refuses to overwrite an existing file without --force (exit 1) and overwrites with it', async () => {
    const out = join(dir, 'finnes.xlsx');
    writeFileSync(out, 'gammel');
    const refused = await run('--out', out);
    expect([refused.status, refused.stderr]).to.satisfy(([s, e]: [number, string]) => s === 1 && e.includes('--force'));
    expect(readFileSync(out, 'utf8')).to.equal('gammel');
    expect((await run('--out', out, '--force')).status).to.equal(0);
    expect((await readXlsxTables(out)).has('rammer')).to.equal(true);
  });

  it('writes nothing when a ledger is rejected', async () => {
    const bad = join(dir, 'feil.csv');
    writeFileSync(bad, 'dato;bilag;virkemiddel;beløp\n01.02.2024;U-1;ukjent;12\n');
    const out = join(dir, 'avvist.xlsx');
    const result = await run('--out', out, '--ledger', bad);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('feil.csv').and.contain('Ingen arbeidsbok');
    expect(existsSync(out)).to.equal(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('asks for --out', async () => {
    let message = '';
    await run().catch((e: Error) => (message = e.message));
    expect(message).to.contain('--out');
  });

  it('reads an edited plan with --plan in frames, reconcile and workbook', async () => {
    const first = join(dir, 'redigert.xlsx');
    await run('--out', first, '--as-of', '2024-12-31');
    const frames = await framesCommand(parseOptions(['--plan', first, '--format', 'json']));
    expect(frames.status).to.equal(0);
    expect(JSON.parse(frames.stdout).frames).to.have.length(93);
    const rec = await reconcileCommand(
      parseOptions(['--plan', first, '--ledger', ledger, '--as-of', '2024-12-31', '--format', 'json']),
    );
    expect(JSON.parse(rec.stdout).rows).to.have.length(93);
    expect((await run('--out', join(dir, 'igjen.xlsx'), '--plan', first)).status).to.equal(0);
  });

  it('rejects a --plan file that is not a workbook, naming it', async () => {
    const notBook = join(dir, 'ikke.xlsx');
    writeFileSync(notBook, 'tekst');
    const result = await framesCommand(parseOptions(['--plan', notBook]));
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain('ikke.xlsx');
  });
});
