// Files, paths and concurrent writers as users meet them (`node bin/ia-planner.js`, CONTRACTS §4):
// a bad path is exit 1 naming it and what is wrong, never an internal error; a change goes through
// a symbolic link and keeps mode and owner; two commands on one workbook never lose a change.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLogTable } from '../../engine/workbook/read/log-table.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { SAMPLE_LEDGER } from '../engine/workbook/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const isRoot = process.getuid?.() === 0;
/** The user "nobody": as root the tests run the command as it, so rights apply to it. */
const NOBODY = 65534;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8', ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Runs the command as a user whom rights apply to: "nobody" when the tests run as root, else the tests' own user. */
function runUnprivileged(args: string[]): Run {
  return run(args, isRoot ? { uid: NOBODY, gid: NOBODY } : {});
}

/** Starts the command without waiting, for two at once. */
function start(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}bin/ia-planner.js`, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('ia-planner files, paths and concurrent writers', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-filer-'));
  // Open to "nobody", who runs some of the commands below.
  chmodSync(dir, 0o755);
  const ledger = join(dir, 'forbruk.csv');
  const base = join(dir, 'grunnlag.xlsx');
  writeFileSync(ledger, SAMPLE_LEDGER);
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh folder (open to all) with a copy of the base workbook as plan.xlsx. */
  function folderWithWorkbook(): { folder: string; book: string } {
    const folder = join(dir, `tilfelle-${++n}`);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const book = join(folder, 'plan.xlsx');
    copyFileSync(base, book);
    return { folder, book };
  }
  const actions = async (book: string) =>
    (await readLogTable((await readXlsxTables(book)).get('logg')!, 'plan.xlsx')).entries.map((e) => e.action);

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
    const made = run(['workbook', '--out', base, '--ledger', ledger, '--reason', 'Første versjon']);
    expect(made.status, made.stderr).to.equal(0);
    chmodSync(base, 0o644);
  });

  describe('a path that cannot be read is exit 1 naming it and the reason', () => {
    it('a ledger that is a folder', () => {
      const folder = join(dir, 'mappe.csv');
      mkdirSync(folder);
      const r = run(['reconcile', '--ledger', folder]);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.contain(
        `${folder}: Filen finnes ikke eller kan ikke leses. Forventet: en fil som finnes og kan leses. Årsak: stien er en mappe, ikke en fil.`,
      );
      expect(r.stderr).not.to.contain('Intern feil');
    });

    it('a ledger without read access, in English', () => {
      const locked = join(dir, 'hemmelig.csv');
      writeFileSync(locked, SAMPLE_LEDGER);
      chmodSync(locked, 0o000);
      const r = runUnprivileged(['reconcile', '--ledger', locked, '--lang', 'en']);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr)
        .to.contain(`${locked}: The file does not exist or cannot be read.`)
        .and.contain('Reason: permission denied.');
    });

    it('a --plan that is a folder, and one that does not exist', () => {
      const folder = join(dir, 'mappe.xlsx');
      mkdirSync(folder);
      const r = run(['frames', '--plan', folder]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(`${folder}: `).and.contain('Årsak: stien er en mappe, ikke en fil.');
      const missing = join(dir, 'finnes-ikke.xlsx');
      const m = run(['reconcile', '--plan', missing, '--ledger', ledger]);
      expect(m.status).to.equal(1);
      expect(m.stderr).to.contain(`${missing}: `).and.contain('Årsak: filen finnes ikke.');
    });

    it('an --indicators file that is a folder', () => {
      const folder = join(dir, 'indikatorer.csv');
      mkdirSync(folder);
      const r = run(['evaluate', '--year', '2024', '--indicators', folder]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(`${folder}: `).and.contain('Årsak: stien er en mappe, ikke en fil.');
    });

    it('a workbook to change that does not exist, with no lock file left behind', () => {
      const folder = join(dir, `tilfelle-${++n}`);
      mkdirSync(folder);
      const book = join(folder, 'plan.xlsx');
      const r = run(['close-year', '--plan', book, '--year', '2024', '--reason', 'Vedtatt']);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(`${book}: `).and.contain('Årsak: filen finnes ikke.');
      expect(readdirSync(folder)).to.deep.equal([]);
    });
  });

  describe('a path that cannot be written is exit 1 naming it, with nothing written', () => {
    it('--out in a folder that does not exist', () => {
      const out = join(dir, 'ingen-mappe', 'plan.xlsx');
      const r = run(['workbook', '--out', out, '--ledger', ledger]);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.contain(
        `${out}: Filen kan ikke skrives. Forventet: en mappe som finnes, kan skrives til og har ledig plass. Årsak: mappen finnes ikke. Ingenting ble skrevet.`,
      );
      expect(existsSync(join(dir, 'ingen-mappe'))).to.equal(false);
      const en = run(['workbook', '--out', out, '--ledger', ledger, '--lang', 'en']);
      expect(en.stderr)
        .to.contain(`${out}: The file cannot be written.`)
        .and.contain('Reason: the folder does not exist. Nothing was written.');
    });

    it('--out in a folder without write access, leaving it empty', () => {
      const folder = join(dir, `skrivebeskyttet-${++n}`);
      mkdirSync(folder);
      chmodSync(folder, 0o555);
      const out = join(folder, 'plan.xlsx');
      const r = runUnprivileged(['workbook', '--out', out, '--ledger', ledger]);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.contain(`${out}: Filen kan ikke skrives.`).and.contain('Årsak: ingen tilgang');
      expect(readdirSync(folder)).to.deep.equal([]);
    });

    it('evaluate --out in a folder that does not exist', () => {
      const out = join(dir, 'ingen-mappe', 'rapport.html');
      const r = run(['evaluate', '--year', '2024', '--format', 'html', '--out', out]);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.contain(`${out}: Filen kan ikke skrives.`).and.contain('Årsak: mappen finnes ikke.');
    });
  });

  describe('a change in place', () => {
    it("goes through a symbolic link to its target and keeps the target's mode and owner", async () => {
      const { folder, book } = folderWithWorkbook();
      chmodSync(book, 0o640);
      // As root the workbook is given to another user first; otherwise it is the tests' own.
      if (isRoot) chownSync(book, 1234, 2345);
      const owner = statSync(book);
      mkdirSync(join(folder, 'snarveier'));
      const link = join(folder, 'snarveier', 'plan.xlsx');
      symlinkSync('../plan.xlsx', link);
      const r = run(['close-year', '--plan', link, '--year', '2024', '--reason', 'Vedtatt']);
      expect(r.status, r.stderr).to.equal(0);
      expect(lstatSync(link).isSymbolicLink()).to.equal(true);
      expect(await actions(book)).to.deep.equal(['workbook_written', 'year_closed']);
      const after = statSync(book);
      expect(after.mode & 0o7777).to.equal(0o640);
      expect([after.uid, after.gid]).to.deep.equal([owner.uid, owner.gid]);
      expect(readdirSync(folder).sort()).to.deep.equal(['plan.xlsx', 'snarveier']);
    });

    if (isRoot) {
      it("refuses a workbook of another user whom the new file cannot be given back to (run as nobody, the file root's)", () => {
        const { folder, book } = folderWithWorkbook();
        const before = readFileSync(book);
        const r = runUnprivileged(['close-year', '--plan', book, '--year', '2024', '--reason', 'Vedtatt']);
        expect(r.status, r.stderr).to.equal(1);
        expect(r.stderr)
          .to.contain(`${book}: Arbeidsboken eies av en annen bruker; ingenting ble skrevet.`)
          .and.contain('(bruker-id 0)');
        expect(readFileSync(book).equals(before)).to.equal(true);
        expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
      });
    }

    it('by two commands at once (close-year and confirm-condition) loses neither change: the second waits or refuses', async () => {
      const { folder, book } = folderWithWorkbook();
      const [closed, confirmed] = await Promise.all([
        start(['close-year', '--plan', book, '--year', '2024', '--reason', 'Vedtatt']),
        start(['confirm-condition', '--plan', book, '--instrument', 'skil', '--from', '2019', '--reason', 'Avklart']),
      ]);
      const done = await actions(book);
      for (const [r, action] of [
        [closed, 'year_closed'],
        [confirmed, 'condition_confirmed'],
      ] as const) {
        if (r.status === 0) expect(done, `${action} printed success`).to.include(action);
        else {
          expect(r.status, r.stderr).to.equal(1);
          expect(r.stderr).to.match(/Arbeidsboken ble endret av noen andre|Arbeidsboken er i bruk av en annen kommando/);
          expect(done).not.to.include(action);
        }
      }
      expect([closed.status, confirmed.status]).to.include(0);
      expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
    });

    it('waits for a lock held by a live process, then refuses naming the lock file, writing nothing', () => {
      const { book } = folderWithWorkbook();
      const lock = `${book}.lock`;
      const held = JSON.stringify({ pid: process.pid, host: hostname(), at: '2025-03-01T10:00:00.000Z', nonce: 'test' });
      writeFileSync(lock, held);
      const before = readFileSync(book);
      const r = run(['close-year', '--plan', book, '--year', '2024', '--reason', 'Vedtatt']);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.contain(`${book}: Arbeidsboken er i bruk av en annen kommando; ingenting ble skrevet.`);
      expect(r.stderr).to.contain(
        `Låsefilen ${lock} holdes av prosess ${process.pid} på ${hostname()} siden 2025-03-01T10:00:00.000Z.`,
      );
      expect(readFileSync(book).equals(before)).to.equal(true);
      expect(readFileSync(lock, 'utf8')).to.equal(held);
    });

    it('takes over a stale lock (its process has ended) and removes its own at the end', async () => {
      const { folder, book } = folderWithWorkbook();
      writeFileSync(
        `${book}.lock`,
        JSON.stringify({ pid: deadPid(), host: hostname(), at: '2025-03-01T10:00:00.000Z', nonce: 'x' }),
      );
      const r = run(['close-year', '--plan', book, '--year', '2024', '--reason', 'Vedtatt']);
      expect(r.status, r.stderr).to.equal(0);
      expect(await actions(book)).to.deep.equal(['workbook_written', 'year_closed']);
      expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
    });

    it('workbook --force onto the workbook it reads (--plan = --out) keeps the log and leaves no lock', async () => {
      const { folder, book } = folderWithWorkbook();
      const r = run(['workbook', '--plan', book, '--out', book, '--force', '--ledger', ledger]);
      expect(r.status, r.stderr).to.equal(0);
      expect(await actions(book)).to.deep.equal(['workbook_written', 'workbook_written']);
      expect(readdirSync(folder)).to.deep.equal(['plan.xlsx']);
      // Still a workbook Excel opens.
      await new ExcelJS.Workbook().xlsx.readFile(book);
    });
  });
});
