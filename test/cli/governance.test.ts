// The governance commands as users run them (`node bin/ia-planner.js`): the workbook is the store,
// each change is validated before the file is rewritten in place, and each lands in the Logg chain.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLogTable } from '../../engine/workbook/read/log-table.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { SAMPLE_LEDGER } from '../engine/workbook/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ia-planner governance commands', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-styring-'));
  const ledger = join(dir, 'forbruk.csv');
  const book = join(dir, 'plan.xlsx');
  writeFileSync(ledger, SAMPLE_LEDGER);
  after(() => rmSync(dir, { recursive: true, force: true }));

  const tables = () => readXlsxTables(book);
  const log = async () => readLogTable((await tables()).get('logg')!, 'plan.xlsx');
  const frame = async (instrument: string, year: number) =>
    (await tables()).get('rammer')!.rows.find((r) => r[0] === instrument && r[2] === year)![4];

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
  });

  it('writes the workbook with Evaluering for the last year with lines and a first log entry by --user', async () => {
    const r = run('workbook', '--out', book, '--ledger', ledger, '--user', 'kari', '--reason', 'Første versjon');
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('vurdering for 2025');
    const t = await tables();
    expect([...t.keys()]).to.include.members(['versjoner', 'arsavslutning', 'indikatorer', 'vurderinger']);
    expect(t.get('vurderinger')!.rows.every((row) => row[2] === '2025')).to.equal(true);
    const reading = await log();
    expect(reading.problems).to.deep.equal([]);
    expect(reading.entries.map((e) => [e.seq, e.action, e.who, e.why])).to.deep.equal([
      [1, 'workbook_written', 'kari', 'Første versjon'],
    ]);
  });

  it('writes Evaluering for --year and keeps the log when the workbook is written again from itself', async () => {
    const r = run('workbook', '--plan', book, '--out', book, '--force', '--year', '2024', '--user', 'ola');
    expect(r.status, r.stderr).to.equal(0);
    expect((await tables()).get('vurderinger')!.rows[0]![2]).to.equal('2024');
    expect((await log()).entries.map((e) => [e.seq, e.who])).to.deep.equal([
      [1, 'kari'],
      [2, 'ola'],
    ]);
    expect((await tables()).get('forbruk')!.rows).to.have.length(8);
  });

  it('refuses a reallocation below spent + open commitments, shows the remaining amount and changes nothing', () => {
    const before = readFileSync(book);
    const r = run(
      'reallocate',
      '--plan',
      book,
      '--year',
      '2024',
      '--from',
      'ekspertbistand',
      '--to',
      'kunnskapsutvikling',
      '--amount',
      '46 624 999,76',
      '--reason',
      'RNB',
    );
    expect(r.status).to.equal(1);
    expect(r.stderr)
      .to.match(/ark Rammer, rad \d+, kolonne Beløp: Omdisponeringen avvises\. Rammen for Nytt tilskudd til ekspertbistand 2024/)
      .and.contain('Gjenstår: 46\u00a0624\u00a0999,75\u00a0kr')
      .and.contain('Ingenting er endret');
    expect(readFileSync(book).equals(before)).to.equal(true);
  });

  it('reallocates what remains, in place, with who and why in the log', async () => {
    const r = run(
      'reallocate',
      '--plan',
      book,
      '--year',
      '2024',
      '--from',
      'ekspertbistand',
      '--to',
      'kunnskapsutvikling',
      '--amount',
      '46624999,75',
      '--reason',
      'RNB 2024',
      '--user',
      'kari',
    );
    expect(r.status, r.stderr).to.equal(0);
    expect([await frame('ekspertbistand', 2024), await frame('kunnskapsutvikling', 2024)]).to.deep.equal([
      3375000.25, 67624999.75,
    ]);
    const last = (await log()).entries.at(-1)!;
    expect([last.seq, last.action, last.who, last.why]).to.deep.equal([3, 'reallocation', 'kari', 'RNB 2024']);
  });

  it('confirms the SKIL condition as a recorded decision', async () => {
    const r = run(
      'confirm-condition',
      '--plan',
      book,
      '--instrument',
      'skil',
      '--from',
      '2019',
      '--reason',
      'I tråd med statsstøtteregelverket',
      '--user',
      'ola',
    );
    expect(r.status, r.stderr).to.equal(0);
    const skil = (await tables()).get('rammer')!.rows.find((row) => row[0] === 'skil')!;
    expect(skil[8]).to.equal('ja');
    expect((await log()).entries.at(-1)!.action).to.equal('condition_confirmed');
  });

  it('closes 2024: a later ledger line for 2024 is refused (exit 1, nothing written), a 2025 line is imported', async () => {
    expect(run('close-year', '--plan', book, '--year', '2024', '--reason', 'Vurderingen er vedtatt').status).to.equal(0);
    const late = join(dir, 'sent.csv');
    writeFileSync(late, 'dato;bilag;virkemiddel;beløp;år\n20.12.2024;U-9;ekspertbistand;1 000,00;2024\n');
    const before = readFileSync(book);
    const refused = run('workbook', '--plan', book, '--out', book, '--force', '--ledger', late);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.contain('sent.csv, linje 2, kolonne år').and.contain('Året er avsluttet');
    expect(readFileSync(book).equals(before)).to.equal(true);
    const next = join(dir, 'neste.csv');
    writeFileSync(next, 'dato;bilag;virkemiddel;beløp;år\n02.02.2025;U-10;ekspertbistand;2 000,00;2025\n');
    expect(run('workbook', '--plan', book, '--out', book, '--force', '--ledger', next).status).to.equal(0);
    expect((await tables()).get('forbruk')!.rows).to.have.length(9);
  });

  it('refuses a frame of a closed year edited in the workbook, until the year is reopened', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.getWorksheet('Rammer')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === 'bransjeprogrammer' && r.getCell(3).value === 2024) row = n;
    });
    sheet.getCell(`E${row}`).value = 90000000;
    await workbook.xlsx.writeFile(book);
    const refused = run('frames', '--plan', book);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.contain(`ark Rammer, rad ${row}, kolonne Beløp`).and.contain('Året er avsluttet');
    expect(
      run(
        'reallocate',
        '--plan',
        book,
        '--year',
        '2025',
        '--from',
        'ekspertbistand',
        '--to',
        'kunnskapsutvikling',
        '--amount',
        '1',
        '--reason',
        'x',
      ).status,
    ).to.equal(1);
    const reopened = run('reopen-year', '--plan', book, '--year', '2024', '--reason', 'Rammen for bransjeprogrammer er rettet');
    expect(reopened.status, reopened.stderr).to.equal(0);
    expect(run('frames', '--plan', book).status).to.equal(0);
    expect(await frame('bransjeprogrammer', 2024)).to.equal(90000000);
    const actions = (await log()).entries.map((e) => e.action);
    expect(actions.slice(-3)).to.deep.equal(['year_closed', 'workbook_written', 'year_reopened']);
    expect((await log()).problems).to.deep.equal([]);
  });

  it('gives reconcile JSON a carriedIn figure per row', () => {
    const r = run('reconcile', '--plan', book, '--ledger', ledger, '--year', '2024', '--format', 'json');
    expect(r.status, r.stderr).to.equal(0);
    const rows = JSON.parse(r.stdout).rows as { carriedIn: string }[];
    expect(rows.every((row) => row.carriedIn === '0.00')).to.equal(true);
  });

  it('exits 2 without --reason, --plan or a valid amount, and names the commands in the usage text', () => {
    expect(run('close-year', '--plan', book, '--year', '2024').status).to.equal(2);
    expect(run('reopen-year', '--year', '2024', '--reason', 'x').status).to.equal(2);
    expect(
      run('reallocate', '--plan', book, '--year', '2024', '--from', 'a', '--to', 'b', '--amount', '1.250', '--reason', 'x')
        .status,
    ).to.equal(2);
    const help = run('--help').stdout;
    for (const command of ['reallocate', 'confirm-condition', 'close-year', 'reopen-year'])
      expect(help).to.contain(`ia-planner ${command}`);
  });

  it('refuses a --reason or --user with a control character, naming the Logg column, and writes nothing', async () => {
    const before = readFileSync(book);
    const reason = run('close-year', '--plan', book, '--year', '2025', '--reason', 'Vedtatt\u0007');
    expect(reason.status).to.equal(1);
    expect(reason.stderr).to.contain('plan.xlsx, ark Logg, kolonne Begrunnelse').and.contain('Vedtatt');
    const user = run('close-year', '--plan', book, '--year', '2025', '--reason', 'Vedtatt', '--user', 'kari\u001b[31m');
    expect(user.status).to.equal(1);
    expect(user.stderr).to.contain('plan.xlsx, ark Logg, kolonne Hvem');
    expect(readFileSync(book).equals(before)).to.equal(true);
  });

  it('refuses every change to a workbook whose log was edited, naming the row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    workbook.getWorksheet('Logg')!.getCell('B3').value = 'mallory';
    await workbook.xlsx.writeFile(book);
    const r = run('close-year', '--plan', book, '--year', '2025', '--reason', 'x');
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('ark Logg, rad 3').and.contain('Loggen er brutt');
  });

  it('still shows the frames of a workbook whose log is broken, with the broken log as warnings in the JSON', () => {
    const r = run('frames', '--plan', book, '--format', 'json');
    expect(r.status).to.equal(0);
    const json = JSON.parse(r.stdout) as {
      frames: unknown[];
      warnings: { code: string; sheet: string; line: number }[];
      warningCount: number;
    };
    expect(json.frames).to.have.length(93);
    expect(json.warningCount).to.be.greaterThan(0);
    expect(json.warnings.map((w) => [w.code, w.sheet, w.line])[0]).to.deep.equal(['broken_log', 'Logg', 3]);
  });
});
