// Ctrl-C or a stop in the middle of a write (engine/workbook/xlsx/signal-cleanup.ts): the
// temporary file and the workbook's lock are removed, the workbook is as it was, and the process
// ends with 130 (SIGINT) or 143 (SIGTERM). The write is held open by a fixture script, so the
// signal always arrives while the temporary file exists.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../fixtures/cli/interrupted-write.ts', import.meta.url));

/** Starts the half-done write of `target`, sends `signal` once its temporary file exists, and gives the exit code and that file. */
function interrupt(target: string, signal: NodeJS.Signals): Promise<{ code: number | null; temp: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let temp = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (temp === '' && out.includes('\n')) {
        temp = out.split('\n')[0]!;
        expect(existsSync(temp), 'the temporary file exists when the signal is sent').to.equal(true);
        expect(existsSync(`${target}.lock`), 'the lock is held when the signal is sent').to.equal(true);
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, temp }));
  });
}

describe('an interrupted write', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-avbrutt-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`on ${signal} removes the temporary file and the lock, keeps the workbook and exits ${status}`, async () => {
      const folder = mkdtempSync(join(dir, `${signal}-`));
      const target = join(folder, 'plan.xlsx');
      writeFileSync(target, 'arbeidsboken slik den var');
      const { code, temp } = await interrupt(target, signal);
      expect(temp).to.match(/\/\.plan\.xlsx\.\d+\.\d+\.tmp$/);
      expect(code).to.equal(status);
      expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
      expect(readFileSync(target, 'utf8')).to.equal('arbeidsboken slik den var');
    });
  }
});
