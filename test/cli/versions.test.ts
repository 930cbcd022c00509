// Versions and carry-over rules as users run them (`node bin/ia-planner.js`): the coordinating group
// makes the revised budget of May 2025 from the plan in use, moves 10 million from expert assistance
// to competence measures, compares, submits and approves it; every version's frames stay in the
// workbook (Versjonsrammer), an approved version's frames edited by hand are refused; and a 2024
// frame of 6 000 000,00 with the 5 % rule carries 300 000,00 into 2025.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMoney, Money } from '../../engine/index.js';
import { readLogTable } from '../../engine/workbook/read/log-table.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RNB = 'revidert-nasjonalbudsjett-2025';
const kr = (amount: string) => formatMoney(Money.of(amount));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Sets one cell of a sheet where `match` finds the row (as a user typing in Excel); returns the row and the old value. */
async function editCell(book: string, sheetName: string, match: (row: ExcelJS.Row) => boolean, column: string, value: number) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet(sheetName)!;
  let row = 0;
  sheet.eachRow((r, n) => {
    if (row === 0 && match(r)) row = n;
  });
  const old = sheet.getCell(`${column}${row}`).value;
  sheet.getCell(`${column}${row}`).value = value;
  await workbook.xlsx.writeFile(book);
  return { row, old: old as number };
}

describe('ia-planner version and carry-over', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-versjoner-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
  });

  describe('versions', () => {
    const book = join(dir, 'plan.xlsx');
    const tables = () => readXlsxTables(book);
    const log = async () => readLogTable((await tables()).get('logg')!, 'plan.xlsx');
    const stored = async (version: string, instrument: string, year: number) =>
      (await tables()).get('versjonsrammer')!.rows.find((r) => r[0] === version && r[1] === instrument && r[2] === year)?.[4];
    const frame = async (instrument: string, year: number) =>
      (await tables()).get('rammer')!.rows.find((r) => r[0] === instrument && r[2] === year)![4];

    before(() => {
      const r = run('workbook', '--out', book, '--user', 'kari', '--reason', 'Arbeidsboken opprettes');
      expect(r.status, r.stderr).to.equal(0);
    });

    it('makes a new draft from the plan in use, keeps both versions’ 93 frames and logs one entry', async () => {
      const r = run(
        'version',
        'new',
        '--plan',
        book,
        '--name',
        'Revidert nasjonalbudsjett 2025',
        '--reason',
        'RNB',
        '--user',
        'kari',
      );
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.contain(`Versjonen «Revidert nasjonalbudsjett 2025» (${RNB}) er laget fra «Arbeidsplan» (plan)`);
      const t = await tables();
      expect(t.get('versjoner')!.rows).to.deep.equal([
        ['plan', 'Arbeidsplan', 'annet', null, 'utkast', null],
        [RNB, 'Revidert nasjonalbudsjett 2025', 'budsjettrunde', 'plan', 'utkast', null],
      ]);
      expect(t.get('versjonsrammer')!.rows).to.have.length(186);
      expect(t.get('versjonsrammer')!.header).to.deep.equal([
        'Versjon',
        'Virkemiddel',
        'Fra',
        'Til',
        'Beløp',
        'Finansiering',
        'Betingelse',
        'Bekreftet',
        'Kilde',
      ]);
      expect((await log()).entries.map((e) => [e.seq, e.action, e.who, e.why])).to.deep.equal([
        [1, 'workbook_written', 'kari', 'Arbeidsboken opprettes'],
        [2, 'version_created', 'kari', 'RNB'],
      ]);
    });

    it('changes only the version in use: the plan keeps 50 000 000,00 for expert assistance 2025 in Versjonsrammer', async () => {
      const r = run(
        ...['reallocate', '--plan', book, '--year', '2025', '--from', 'ekspertbistand', '--to', 'kompetansetiltak'],
        ...['--amount', '10 000 000', '--reason', 'Flere saker enn ventet', '--user', 'kari'],
      );
      expect(r.status, r.stderr).to.equal(0);
      expect([await frame('ekspertbistand', 2025), await frame('kompetansetiltak', 2025)]).to.deep.equal([40000000, 80000000]);
      expect([await stored('plan', 'ekspertbistand', 2025), await stored(RNB, 'ekspertbistand', 2025)]).to.deep.equal([
        50000000, 40000000,
      ]);
    });

    it('compares two versions frame by frame in JSON, CSV and a table, and writes nothing', () => {
      const before = readFileSync(book);
      const json = run('version', 'compare', '--plan', book, '--a', 'plan', '--b', RNB, '--format', 'json');
      expect(json.status, json.stderr).to.equal(0);
      const parsed = JSON.parse(json.stdout) as { changed: number; frames: Record<string, unknown>[]; a: unknown };
      expect(parsed.a).to.deep.equal({ id: 'plan', name: 'Arbeidsplan', status: 'draft' });
      expect(parsed.frames).to.have.length(93);
      expect(parsed.changed).to.equal(2);
      expect(parsed.frames.filter((f) => f['change'] !== 'unchanged')).to.deep.equal([
        {
          instrument: 'ekspertbistand',
          from: 2025,
          to: 2025,
          a: '50000000.00',
          b: '40000000.00',
          difference: '-10000000.00',
          change: 'changed',
        },
        {
          instrument: 'kompetansetiltak',
          from: 2025,
          to: 2025,
          a: '70000000.00',
          b: '80000000.00',
          difference: '10000000.00',
          change: 'changed',
        },
      ]);
      const helse = parsed.frames.find((f) => f['instrument'] === 'helseiarbeid' && f['from'] === 2025)!;
      expect([helse['a'], helse['b'], helse['difference']]).to.deep.equal([null, null, null]);
      const csv = run('version', 'compare', '--plan', book, '--a', 'plan', '--b', RNB, '--format', 'csv');
      expect(csv.stdout.split('\n')[0]).to.equal('instrument,from,to,a,b,difference,change');
      expect(csv.stdout).to.contain('\nekspertbistand,2025,2025,50000000.00,40000000.00,-10000000.00,changed\n');
      const table = run('version', 'compare', '--plan', book, '--a', 'plan', '--b', RNB);
      expect(table.stdout).to.contain('2 av 93 rammer er forskjellige').and.contain(kr('-10000000'));
      // The amount columns are headed by the versions' names, with the id a user types in parentheses.
      const heading = table.stdout.split('\n').find((l) => l.startsWith('Virkemiddel'))!;
      expect(heading).to.contain('«Arbeidsplan» (plan)').and.contain(`«Revidert nasjonalbudsjett 2025» (${RNB})`);
      expect(heading).to.contain('Differanse').and.contain('Endring');
      const english = run('version', 'compare', '--plan', book, '--a', 'plan', '--b', RNB, '--lang', 'en').stdout;
      const headingEn = english.split('\n').find((l) => l.startsWith('Instrument'))!;
      expect(headingEn).to.contain('“Arbeidsplan” (plan)').and.contain(`“Revidert nasjonalbudsjett 2025” (${RNB})`);
      expect(headingEn).to.contain('Difference').and.contain('Change');
      expect(readFileSync(book).equals(before)).to.equal(true);
    });

    it('moves the version draft → submitted → approved, keeps a check of its frames, and then refuses a change to it', async () => {
      expect(run('version', 'approve', '--plan', book, '--version', RNB, '--reason', 'x').status).to.equal(1);
      const submitted = run(
        'version',
        'submit',
        '--plan',
        book,
        '--version',
        RNB,
        '--reason',
        'Til departementet',
        '--user',
        'kari',
      );
      expect(submitted.status, submitted.stderr).to.equal(0);
      const approved = run('version', 'approve', '--plan', book, '--version', RNB, '--reason', 'Vedtatt', '--user', 'ola');
      expect(approved.status, approved.stderr).to.equal(0);
      const row = (await tables()).get('versjoner')!.rows[1]!;
      expect(row[4]).to.equal('godkjent');
      expect(String(row[5])).to.match(/^[0-9a-f]{64}$/);
      const statuses = (await log()).entries.filter((e) => e.action === 'version_status').map((e) => [e.before, e.after, e.who]);
      expect(statuses.slice(-2)).to.deep.equal([
        ['utkast', 'sendt inn', 'kari'],
        ['sendt inn', 'godkjent', 'ola'],
      ]);
      const before = readFileSync(book);
      const refused = run(
        ...['reallocate', '--plan', book, '--year', '2025', '--from', 'ekspertbistand', '--to', 'kompetansetiltak'],
        ...['--amount', '1 000', '--reason', 'En endring til'],
      );
      expect(refused.status).to.equal(1);
      expect(refused.stderr).to.contain('er godkjent og kan ikke endres');
      expect(readFileSync(book).equals(before)).to.equal(true);
    });

    it('refuses a workbook whose approved frames were edited by hand in Rammer, naming the row, until the edit is undone', async () => {
      const edit = await editCell(
        book,
        'Rammer',
        (r) => r.getCell(1).value === 'ekspertbistand' && r.getCell(3).value === 2025,
        'E',
        45000000,
      );
      const refused = run('version', 'compare', '--plan', book, '--a', 'plan', '--b', RNB);
      expect(refused.status).to.equal(1);
      expect(refused.stderr)
        .to.contain(`ark Rammer, rad ${edit.row}, kolonne Beløp`)
        .and.contain('Rammene til en godkjent versjon er endret')
        .and.contain('Rammen for Nytt tilskudd til ekspertbistand 2025 tilhører den godkjente versjonen')
        .and.not.contain('ekspertbistand:2025-2025');
      expect(run('frames', '--plan', book).status).to.equal(1);
      await editCell(
        book,
        'Rammer',
        (r) => r.getCell(1).value === 'ekspertbistand' && r.getCell(3).value === 2025,
        'E',
        edit.old,
      );
      expect(run('frames', '--plan', book).status).to.equal(0);
    });

    it('refuses a workbook whose approved frames were edited in Versjonsrammer, naming the version’s row in Versjoner', async () => {
      const match = (r: ExcelJS.Row) =>
        r.getCell(15).value === RNB && r.getCell(16).value === 'kompetansetiltak' && r.getCell(17).value === 2025;
      const edit = await editCell(book, 'Styring', match, 'S', 1);
      expect(edit.old).to.equal(80000000);
      const refused = run('frames', '--plan', book);
      expect(refused.status).to.equal(1);
      expect(refused.stderr)
        .to.contain('ark Styring, rad 3, kolonne Rammekontroll')
        .and.contain(`«Revidert nasjonalbudsjett 2025» (${RNB})`);
      await editCell(book, 'Styring', match, 'S', edit.old);
      expect(run('frames', '--plan', book).status).to.equal(0);
    });

    it('makes a new version from an earlier one (the approved one keeps its frames) and compares against it', async () => {
      const r = run(
        ...['version', 'new', '--plan', book, '--name', 'Nysaldering 2025', '--type', 'annet', '--from', 'plan'],
        ...['--id', 'nysaldering-2025', '--reason', 'Nysaldering'],
      );
      expect(r.status, r.stderr).to.equal(0);
      expect(await frame('ekspertbistand', 2025)).to.equal(50000000);
      expect(await stored(RNB, 'ekspertbistand', 2025)).to.equal(40000000);
      const json = run('version', 'compare', '--plan', book, '--a', RNB, '--b', 'nysaldering-2025', '--format', 'json');
      expect(json.status, json.stderr).to.equal(0);
      const changed = (JSON.parse(json.stdout) as { frames: { change: string; difference: string }[] }).frames.filter(
        (f) => f.change === 'changed',
      );
      expect(changed.map((f) => f.difference)).to.deep.equal(['10000000.00', '-10000000.00']);
      expect((await tables()).get('versjoner')!.rows.map((row) => [row[0], row[3], row[4]])).to.deep.equal([
        ['plan', null, 'utkast'],
        [RNB, 'plan', 'godkjent'],
        ['nysaldering-2025', 'plan', 'utkast'],
      ]);
      expect((await log()).problems).to.deep.equal([]);
    });

    it('refuses unknown versions (exit 1) and wrong usage (exit 2)', () => {
      const unknown = run('version', 'submit', '--plan', book, '--version', 'finnes-ikke', '--reason', 'x');
      expect(unknown.status).to.equal(1);
      expect(unknown.stderr).to.contain('ingen versjon finnes-ikke');
      expect(run('version', 'compare', '--plan', book, '--a', 'plan', '--b', 'finnes-ikke').status).to.equal(1);
      expect(run('version', 'new', '--plan', book, '--name', 'Ny', '--id', 'plan', '--reason', 'x').status).to.equal(1);
      expect(run('version', 'new', '--plan', book, '--reason', 'x').status).to.equal(2);
      expect(run('version', 'new', '--plan', book, '--name', 'Ny').status).to.equal(2);
      expect(run('version', 'new', '--plan', book, '--name', 'Ny', '--type', 'tull', '--reason', 'x').status).to.equal(2);
      expect(run('version', 'compare', '--plan', book, '--a', 'plan').status).to.equal(2);
      expect(run('version', 'frobnicate', '--plan', book).status).to.equal(2);
      const help = run('--help').stdout;
      for (const command of ['version new', 'version submit', 'version approve', 'version compare', 'carry-over'])
        expect(help).to.contain(`ia-planner ${command}`);
    });
  });

  describe('carry-over', () => {
    const book = join(dir, 'overforing.xlsx');
    const tables = () => readXlsxTables(book);
    const cell = async (table: string, instrument: string, year: number, column: string) => {
      const t = (await tables()).get(table)!;
      return t.rows.find((r) => r[0] === instrument && r[2] === year)![t.header.indexOf(column)];
    };

    before(() => {
      expect(run('workbook', '--out', book, '--user', 'kari').status).to.equal(0);
      // Expert assistance 2024 becomes 6 000 000,00 (44 million moved to knowledge development).
      const r = run(
        ...['reallocate', '--plan', book, '--year', '2024', '--from', 'ekspertbistand', '--to', 'kunnskapsutvikling'],
        ...['--amount', '44 000 000', '--reason', 'Ny fordeling'],
      );
      expect(r.status, r.stderr).to.equal(0);
    });

    it('sets the 5 % rule: Overført inn of expert assistance 2025 is 5 % of 6 000 000,00 = 300 000,00, never in Ramme', async () => {
      expect(await cell('avstemming', 'ekspertbistand', 2025, 'Overført inn')).to.equal(0);
      const r = run(
        ...['carry-over', '--plan', book, '--instrument', 'ekspertbistand', '--from', '2024', '--rule', 'andel'],
        ...['--share', '0,05', '--reason', 'Statens 5 %-regel for driftsposter', '--user', 'kari'],
      );
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.contain(`Overført inn 2025 (Avstemming): ${kr('300000')}`);
      expect(await cell('avstemming', 'ekspertbistand', 2025, 'Overført inn')).to.equal(300000);
      expect(await cell('avstemming', 'ekspertbistand', 2025, 'Ramme')).to.equal(50000000);
      expect(await cell('rammer', 'ekspertbistand', 2024, 'Overføring')).to.equal('andel');
      expect(await cell('rammer', 'ekspertbistand', 2024, 'Andel')).to.equal(0.05);
      expect(await cell('rammer', 'ekspertbistand', 2024, 'Overforbruk overføres')).to.equal('nei');
      const last = readLogTable((await tables()).get('logg')!, 'overforing.xlsx').entries.at(-1)!;
      expect([last.action, last.target, last.before, last.after, last.who]).to.deep.equal([
        'carry_over_rule',
        'ekspertbistand:2024-2024',
        'ingen overføring',
        'inntil 5 % av rammen overføres',
        'kari',
      ]);
    });

    it('carries all of it (6 000 000,00) with --rule alt, and nothing again with --rule ingen', async () => {
      const all = run(
        'carry-over',
        '--plan',
        book,
        '--instrument',
        'ekspertbistand',
        '--from',
        '2024',
        '--to',
        '2024',
        '--rule',
        'alt',
        '--overspend',
        'ja',
        '--reason',
        'x',
      );
      expect(all.status, all.stderr).to.equal(0);
      expect(await cell('avstemming', 'ekspertbistand', 2025, 'Overført inn')).to.equal(6000000);
      expect(await cell('rammer', 'ekspertbistand', 2024, 'Overforbruk overføres')).to.equal('ja');
      const none = run(
        'carry-over',
        '--plan',
        book,
        '--instrument',
        'ekspertbistand',
        '--from',
        '2024',
        '--rule',
        'ingen',
        '--reason',
        'x',
      );
      expect(none.status, none.stderr).to.equal(0);
      expect(await cell('avstemming', 'ekspertbistand', 2025, 'Overført inn')).to.equal(0);
      expect(await cell('rammer', 'ekspertbistand', 2024, 'Overføring')).to.equal('ingen');
    });

    it('refuses a rule for a frame of a closed year, or one carrying into a closed year (exit 1, nothing written)', () => {
      expect(run('close-year', '--plan', book, '--year', '2025', '--reason', 'Vedtatt').status).to.equal(0);
      const before = readFileSync(book);
      for (const from of ['2024', '2025']) {
        const r = run(
          'carry-over',
          '--plan',
          book,
          '--instrument',
          'ekspertbistand',
          '--from',
          from,
          '--rule',
          'alt',
          '--reason',
          'x',
        );
        expect(r.status).to.equal(1);
        expect(r.stderr).to.contain('Året er avsluttet').and.contain('2025').and.contain('Ingenting er endret');
      }
      expect(readFileSync(book).equals(before)).to.equal(true);
    });

    it('exits 2 for a rule, share or yes/no it cannot read, and 1 for a frame the plan lacks', () => {
      const base = ['carry-over', '--plan', book, '--instrument', 'ekspertbistand', '--from', '2023', '--reason', 'x'];
      expect(run(...base, '--rule', 'andel').status).to.equal(2);
      expect(run(...base, '--rule', 'andel', '--share', '1,5').status).to.equal(2);
      expect(run(...base, '--rule', 'litt').status).to.equal(2);
      expect(run(...base, '--rule', 'alt', '--overspend', 'kanskje').status).to.equal(2);
      expect(run(...base, '--rule', 'ingen', '--share', '0,05').status).to.equal(2);
      expect(
        run('carry-over', '--plan', book, '--instrument', 'ekspertbistand', '--from', '2023', '--rule', 'alt').status,
      ).to.equal(2);
      const missing = run(
        'carry-over',
        '--plan',
        book,
        '--instrument',
        'fastlegeprosjekt',
        '--from',
        '2020',
        '--rule',
        'alt',
        '--reason',
        'x',
      );
      expect(missing.status).to.equal(1);
      expect(missing.stderr).to.contain(
        'ingen ramme for Prosjekt om fastlegenes rolle i sykefraværsarbeidet som begynner i 2020',
      );
    });
  });
});
