// `ia-planner log` as a finance officer uses it (CONTRACTS §4): the head every change prints is the
// anchor that later proves the log before it was not rewritten or cut short; a key makes the chain
// one that nobody without it can recompute.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryHash, type CellValue, type LogEntry, type TableRead } from '../../engine/index.js';
import { specForRead } from '../../engine/workbook/tables/known-specs.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { readLogTable } from '../../engine/workbook/read/log-table.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'departementets loggnøkkel, aldri i arbeidsboken';

function run(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean['IA_PLANNER_LOG_KEY'];
  delete clean['IA_PLANNER_LOG_KEY_FILE'];
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], {
    encoding: 'utf8',
    env: { ...clean, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The anchor `N:HASH` a command printed on standard error. */
function printedHead(stderr: string): string {
  const match = /Logghode: (\d+:[0-9a-f]{64})\./.exec(stderr);
  expect(match, stderr).to.not.equal(null);
  return match![1]!;
}

/** Rewrites a workbook with its Logg table changed, as a person editing it in Excel would. */
async function editLogg(path: string, edit: (read: TableRead) => TableRead): Promise<void> {
  const tables = await readXlsxTables(path);
  const out = [...tables.values()].map((read) => (read.table === 'Logg' ? edit(read) : read));
  await writeWorkbookFile(
    path,
    out.map((read) => ({ spec: specForRead(read), rows: read.rows as CellValue[][] })),
    { overwrite: true },
  );
}

async function entries(path: string): Promise<LogEntry[]> {
  return readLogTable((await readXlsxTables(path)).get('logg')!, 'plan.xlsx').entries;
}

describe('ia-planner log', function () {
  this.timeout(90000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-log-'));
  const book = join(dir, 'plan.xlsx');
  after(() => rmSync(dir, { recursive: true, force: true }));
  let firstHead = '';
  let secondHead = '';

  before(() => {
    const w = run(['workbook', '--out', book, '--user', 'kari']);
    expect(w.status, w.stderr).to.equal(0);
    firstHead = printedHead(w.stderr);
    expect(firstHead.startsWith('1:')).to.equal(true);
    const c = run(['close-year', '--plan', book, '--year', '2019', '--reason', 'Regnskapet er avlagt', '--user', 'ola']);
    expect(c.status, c.stderr).to.equal(0);
    secondHead = printedHead(c.stderr);
    expect(c.stderr).to.contain(`«ia-planner log --plan ${book} --expect ${secondHead}»`);
  });

  it('prints the head each change gives, and finds the log whole against it (exit 0)', async () => {
    const log = await entries(book);
    expect(secondHead).to.equal(`2:${log[1]!.hash}`);
    const r = run(['log', '--plan', book, '--expect', secondHead]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.contain(`Loggen er hel: 2 oppføringer, hode ${secondHead}.`);
    expect(r.stdout).to.contain(`Ankeret ${secondHead} holder`);
    expect(r.stdout).to.contain('Ingen oppføring er signert med en loggnøkkel');
  });

  it('gives the contract JSON', () => {
    const r = run(['log', '--plan', book, '--format', 'json', '--expect', firstHead]);
    expect(r.status, r.stderr).to.equal(0);
    const [entry, hash] = secondHead.split(':');
    expect(JSON.parse(r.stdout)).to.deep.equal({
      entries: 2,
      head: { entry: Number(entry), hash, key: null },
      intact: true,
      problems: [],
      signedFrom: null,
    });
  });

  it('shows the head in the council report made from the workbook, and says when there is none', () => {
    const r = run(['evaluate', '--year', '2024', '--plan', book, '--format', 'html']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.contain(`<p class="meta log-head">Endringslogg: 2 oppføringer, hode ${secondHead}</p>`);
    const none = run(['evaluate', '--year', '2024', '--format', 'html', '--lang', 'en']);
    expect(none.stdout).to.contain('Change log: none (the evaluation was made without a planning workbook)');
  });

  it('refuses a malformed anchor as wrong usage (exit 2)', () => {
    const r = run(['log', '--plan', book, '--expect', '2:abc']);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.contain('--expect må være N:HASH');
  });

  describe('a tampered copy', () => {
    const copy = join(dir, 'kopi.xlsx');
    beforeEach(() => writeFileSync(copy, readFileSync(book)));

    it('names an edited entry: exit 1, and no change may be recorded on it', async () => {
      await editLogg(copy, (read) => {
        const at = read.header.indexOf('Begrunnelse');
        return { ...read, rows: read.rows.map((row, i) => (i === 1 ? row.map((v, c) => (c === at ? 'Noe annet' : v)) : row)) };
      });
      const r = run(['log', '--plan', copy, '--format', 'json']);
      expect(r.status).to.equal(1);
      const json = JSON.parse(r.stdout) as { intact: boolean; problems: { code: string; line: number; column: string }[] };
      expect(json.intact).to.equal(false);
      expect(json.problems.map((p) => [p.code, p.line, p.column])).to.deep.equal([
        ['broken_log', 3, 'Detaljer'],
        ['broken_log', 3, 'Hash'],
      ]);
      const change = run(['reopen-year', '--plan', copy, '--year', '2019', '--reason', 'Feil']);
      expect(change.status).to.equal(1);
      expect(readFileSync(copy).equals(readFileSync(book))).to.equal(false);
    });

    it('finds the last rows deleted only against an anchor: the chain alone still holds', async () => {
      await editLogg(copy, (read) => ({ ...read, rows: read.rows.slice(0, 1) }));
      expect(run(['log', '--plan', copy]).status).to.equal(0);
      const r = run(['log', '--plan', copy, '--expect', secondHead]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(
        `Loggen har 1 oppføringer, men oppføring 2 (hash ${secondHead.slice(2, 14)}…) er kjent fra før: loggen er kuttet.`,
      );
    });

    it('finds a history rewritten and re-hashed from the start against an anchor', async () => {
      const log = await entries(copy);
      const first = { ...log[0]!, who: 'noen andre' };
      const rehashed = { ...first, hash: entryHash(first) };
      const second = { ...log[1]!, prevHash: rehashed.hash };
      const chain = [rehashed, { ...second, hash: entryHash(second) }];
      await editLogg(copy, (read) => {
        const col = (name: string) => read.header.indexOf(name);
        return {
          ...read,
          rows: read.rows.map((row, i) =>
            row.map((v, c) =>
              c === col('Hvem')
                ? chain[i]!.who
                : c === col('Forrige hash')
                  ? chain[i]!.prevHash
                  : c === col('Hash')
                    ? chain[i]!.hash
                    : v,
            ),
          ),
        };
      });
      expect(run(['log', '--plan', copy]).status).to.equal(0);
      const r = run(['log', '--plan', copy, '--expect', firstHead, '--lang', 'en']);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain('Entry 1 no longer has the hash');
    });

    it('refuses a log whose chain columns were deleted (no unchained form to fall back to), and a change on it', async () => {
      await editLogg(copy, (read) => ({
        ...read,
        header: read.header.slice(0, 4),
        rows: read.rows.map((row) => row.slice(0, 4)),
      }));
      const r = run(['log', '--plan', copy]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain('mangler kjedekolonnene Løpenummer, Kode, Objekt');
      const before = readFileSync(copy);
      const change = run(['reopen-year', '--plan', copy, '--year', '2019', '--reason', 'Feil']);
      expect(change.status).to.equal(1);
      expect(readFileSync(copy).equals(before)).to.equal(true);
    });
  });

  describe('with a log key', () => {
    const keyed = join(dir, 'nokkel.xlsx');
    const env = { IA_PLANNER_LOG_KEY: KEY };

    before(() => {
      expect(run(['workbook', '--out', keyed], env).status).to.equal(0);
      const c = run(['close-year', '--plan', keyed, '--year', '2019', '--reason', 'Avlagt'], env);
      expect(c.status, c.stderr).to.equal(0);
    });

    it('signs every entry, and checks them with the key (exit 0)', async () => {
      const log = await entries(keyed);
      expect(log.map((e) => /^hmac:[0-9a-f]{8}:[0-9a-f]{64}$/.test(e.hash))).to.deep.equal([true, true]);
      const r = run(['log', '--plan', keyed], env);
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/Oppføringene fra nr\. 1 er signert med loggnøkkelen [0-9a-f]{8} og kontrollert med den/);
    });

    it('takes the key from a file as well', () => {
      const file = join(dir, 'nokkel.txt');
      writeFileSync(file, `${KEY}\n`);
      expect(run(['log', '--plan', keyed], { IA_PLANNER_LOG_KEY_FILE: file }).status).to.equal(0);
    });

    it('cannot be checked or changed without the key (exit 1, nothing written)', () => {
      const r = run(['log', '--plan', keyed]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain('signert med en loggnøkkel som ikke er gitt');
      const before = readFileSync(keyed);
      const change = run(['reopen-year', '--plan', keyed, '--year', '2019', '--reason', 'Feil']);
      expect(change.status).to.equal(1);
      expect(readFileSync(keyed).equals(before)).to.equal(true);
    });

    it('refuses an entry edited and re-hashed by someone without the key', async () => {
      const copy = join(dir, 'nokkel-kopi.xlsx');
      writeFileSync(copy, readFileSync(keyed));
      const log = await entries(copy);
      const edited = { ...log[1]!, why: 'Noe annet' };
      await editLogg(copy, (read) => {
        const col = (name: string) => read.header.indexOf(name);
        return {
          ...read,
          rows: read.rows.map((row, i) =>
            i !== 1
              ? row
              : row.map((v, c) =>
                  c === col('Begrunnelse')
                    ? edited.why
                    : c === col('Hash')
                      ? entryHash(edited)
                      : c === col('Detaljer')
                        ? String(v).replace('Avlagt', 'Noe annet')
                        : v,
                ),
          ),
        };
      });
      const r = run(['log', '--plan', copy], env);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain('den er ikke signert, men kommer etter signerte oppføringer');
    });

    it('refuses a key too short to be a secret (exit 1, naming the variable)', () => {
      const r = run(['log', '--plan', keyed], { IA_PLANNER_LOG_KEY: 'kort' });
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain('IA_PLANNER_LOG_KEY: Loggnøkkelen kan ikke brukes.');
      expect(r.stderr).to.contain('Nøkkelen har bare 4 byte.');
    });
  });
});
