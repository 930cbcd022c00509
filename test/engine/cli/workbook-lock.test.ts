// One writer at a time (engine/cli/workbook-lock.ts): a command holds `<workbook>.lock` from
// reading to replacing the workbook, and replaces it only if it is still the file it read.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReadError, WorkbookChangedError, WorkbookLockedError } from '../../../engine/cli/file-access.js';
import { acquireLock, fileIdentity, sameIdentity, withWorkbookLock } from '../../../engine/cli/workbook-lock.js';
import { embeddedState, parseDate, planningTables } from '../../../engine/index.js';
import { readXlsxTables } from '../../../engine/workbook/xlsx/read-xlsx.js';

const tables = planningTables(embeddedState(), { asOf: parseDate('2024-12-31')!, lang: 'nb' });

/** The pid of a process that has ended (it ran `node -e 0` and exited). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

async function refusal(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
}

describe('workbook lock and the changed-file check', function () {
  this.timeout(30000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-laas-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh folder with a workbook file `plan.xlsx` holding the given bytes. */
  function workbook(bytes = 'lest'): { folder: string; file: string } {
    const folder = join(dir, `tilfelle-${++n}`);
    mkdirSync(folder);
    const file = join(folder, 'plan.xlsx');
    writeFileSync(file, bytes);
    return { folder, file };
  }

  it('replaces the workbook when it is still the file it read, and removes the lock', async () => {
    const { folder, file } = workbook();
    await withWorkbookLock(
      file,
      async (held) => {
        expect(readdirSync(folder).sort()).to.deep.equal(['plan.xlsx', 'plan.xlsx.lock']);
        await held.write(tables);
      },
      { mustExist: true },
    );
    expect((await readXlsxTables(file)).has('rammer')).to.equal(true);
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
  });

  it('refuses to write when the file was replaced between reading and writing: nothing written, no temporary file, no lock', async () => {
    const { folder, file } = workbook();
    const error = await refusal(
      withWorkbookLock(
        file,
        async (held) => {
          // Another program (one that takes no lock) saves the workbook meanwhile.
          writeFileSync(file, 'lagret av Excel');
          await held.write(tables);
        },
        { mustExist: true },
      ),
    );
    expect(error).to.be.instanceOf(WorkbookChangedError);
    expect((error as WorkbookChangedError).path).to.equal(file);
    expect(readFileSync(file, 'utf8')).to.equal('lagret av Excel');
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
  });

  it('refuses the same bytes written again (a new modification time), and a workbook removed meanwhile', async () => {
    const { file } = workbook();
    const touched = await refusal(
      withWorkbookLock(
        file,
        async (held) => {
          utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
          await held.write(tables);
        },
        { mustExist: true },
      ),
    );
    expect(touched).to.be.instanceOf(WorkbookChangedError);
    const removed = await refusal(
      withWorkbookLock(
        file,
        async (held) => {
          rmSync(file);
          await held.write(tables);
        },
        { mustExist: true },
      ),
    );
    expect(removed).to.be.instanceOf(WorkbookChangedError);
    expect(existsSync(file)).to.equal(false);
  });

  it('refuses a file that appeared at a new path after it was locked (--force onto a path that was free)', async () => {
    const folder = join(dir, `tilfelle-${++n}`);
    mkdirSync(folder);
    const file = join(folder, 'ny.xlsx');
    const error = await refusal(
      withWorkbookLock(
        file,
        async (held) => {
          writeFileSync(file, 'en annens');
          await held.write(tables, { overwrite: true });
        },
        { mustExist: false },
      ),
    );
    expect(error).to.be.instanceOf(WorkbookChangedError);
    expect(readFileSync(file, 'utf8')).to.equal('en annens');
  });

  it('refuses a workbook that must exist and does not, before making any lock', async () => {
    const folder = join(dir, `tilfelle-${++n}`);
    mkdirSync(folder);
    const error = await refusal(withWorkbookLock(join(folder, 'borte.xlsx'), async () => 0, { mustExist: true }));
    expect(error).to.be.instanceOf(FileReadError);
    expect((error as FileReadError).code).to.equal('ENOENT');
    expect(readdirSync(folder)).to.deep.equal([]);
  });

  it('waits for a lock held by a live process, then refuses naming the lock file and its holder, leaving the lock', async () => {
    const { file } = workbook();
    const lock = `${file}.lock`;
    const text = JSON.stringify({ pid: process.pid, host: hostname(), at: '2025-03-01T10:00:00.000Z', nonce: 'x' });
    writeFileSync(lock, text);
    const started = Date.now();
    const error = await refusal(acquireLock(file, file, { waitMs: 300, pollMs: 20 }));
    expect(Date.now() - started).to.be.at.least(300);
    expect(error).to.be.instanceOf(WorkbookLockedError);
    expect((error as WorkbookLockedError).lock).to.equal(lock);
    expect((error as WorkbookLockedError).holder).to.deep.equal({
      pid: process.pid,
      host: hostname(),
      at: '2025-03-01T10:00:00.000Z',
    });
    expect(readFileSync(lock, 'utf8')).to.equal(text);
  });

  it('gets the lock once the holder releases it within the wait', async () => {
    const { file } = workbook();
    const first = await acquireLock(file, file);
    setTimeout(() => first.release(), 100);
    const second = await acquireLock(file, file, { waitMs: 5000, pollMs: 20 });
    const held = JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number };
    expect(held.pid).to.equal(process.pid);
    second.release();
    expect(existsSync(`${file}.lock`)).to.equal(false);
  });

  it("takes over a stale lock (its process no longer runs on this host), and never another host's", async () => {
    const { folder, file } = workbook();
    const lock = `${file}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), at: '2025-03-01T10:00:00.000Z', nonce: 'x' }));
    const taken = await acquireLock(file, file, { waitMs: 0 });
    expect((JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid).to.equal(process.pid);
    taken.release();
    expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: `ikke-${hostname()}`, at: '2025', nonce: 'y' }));
    expect(await refusal(acquireLock(file, file, { waitMs: 0 }))).to.be.instanceOf(WorkbookLockedError);
  });

  it('treats a lock file it cannot make sense of as held by someone unknown', async () => {
    const { file } = workbook();
    writeFileSync(`${file}.lock`, 'tull');
    const error = await refusal(acquireLock(file, file, { waitMs: 0 }));
    expect((error as WorkbookLockedError).holder).to.equal(null);
  });

  it('does not remove a lock that is no longer its own when it releases', async () => {
    const { file } = workbook();
    const held = await acquireLock(file, file);
    writeFileSync(`${file}.lock`, 'en annens lås');
    held.release();
    expect(readFileSync(`${file}.lock`, 'utf8')).to.equal('en annens lås');
  });

  it('tells one state of a file from another by size, modification time and bytes', () => {
    const { file } = workbook('abc');
    // Whole seconds, so the time set again after the edit is exactly the time read.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const read = fileIdentity(file);
    expect(sameIdentity(read, fileIdentity(file))).to.equal(true);
    writeFileSync(file, 'abd');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const same = fileIdentity(file)!;
    expect([same.size, same.mtimeMs]).to.deep.equal([read!.size, read!.mtimeMs]);
    expect(sameIdentity(read, same)).to.equal(false);
    expect(sameIdentity(null, null)).to.equal(true);
    expect(sameIdentity(read, null)).to.equal(false);
  });
});
