import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';

// Scenario (issue 11, CONTRACTS §7–§9): a finance officer downloads the state accounts for
// 2019–2025 and the appropriation history from DFØ and runs reconcile on them as they come. The
// figures are the published annual sums of ../shared/FACTS.md, which the shipped examples carry.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dfo = (year: number) => `${root}examples/dfo/statsregnskapet_aar_${year}.csv`;
const appropriations = `${root}examples/dfo/bevilgninger_full_historikk.csv`;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ledgerArgs(): string[] {
  return YEARS.flatMap((y) => ['--ledger', dfo(y)]);
}

interface PostJson {
  chapter: number;
  post: number;
  year: number;
  enacted: string | null;
  changes: string | null;
  carriedIn: string | null;
  appropriation: string | null;
  spent: string;
  frames: string | null;
  instruments: string[];
  remaining: string | null;
}

describe('ia-planner reconcile on the state’s own files (CONTRACTS §7–§9)', function () {
  this.timeout(60000);

  it('gives the published spending per post and year, 2650.76 unallocated, and the appropriations beside them', () => {
    const { status, stdout, stderr } = run(
      'reconcile',
      ...ledgerArgs(),
      '--appropriations',
      appropriations,
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    );
    expect(stderr).to.equal('');
    expect(status).to.equal(0);
    const json = JSON.parse(stdout) as {
      rows: { instrument: string; from: number; spent: string }[];
      unallocated: unknown[];
      posts: PostJson[];
      outside: unknown[];
      imported: number;
    };
    const spent = (instrument: string, year: number) =>
      json.rows.find((r) => r.instrument === instrument && r.from === year)!.spent;
    // FACTS.md: 601.71 spent 53.0, 70.0, 52.5, 64.4, 67.5, 62.4, 68.7 mill. kr.
    expect(YEARS.map((y) => spent('bransjeprogrammer', y))).to.deep.equal([
      '53000000.00',
      '70000000.00',
      '52500000.00',
      '64400000.00',
      '67500000.00',
      '62400000.00',
      '68700000.00',
    ]);
    expect(YEARS.map((y) => spent('kunnskapsutvikling', y))).to.deep.equal([
      '3700000.00',
      '6100000.00',
      '19000000.00',
      '34900000.00',
      '25400000.00',
      '21700000.00',
      '28300000.00',
    ]);
    // 2650.76 funds two instruments in shares not published: never put on ekspertbistand.
    expect(YEARS.map((y) => spent('ekspertbistand', y))).to.deep.equal(YEARS.map(() => '0.00'));
    expect(json.unallocated).to.deep.equal(
      [
        [2020, '3400000.00'],
        [2021, '14300000.00'],
        [2022, '23600000.00'],
        [2023, '38300000.00'],
        [2024, '67500000.00'],
        [2025, '54200000.00'],
      ].map(([year, amount]) => ({
        chapter: 2650,
        post: 76,
        year,
        amount,
        lines: 12,
        instruments: ['ekspertbistand', 'kompetansetiltak'],
        flags: ['split_not_set'],
        kind: 'utbetaling',
      })),
    );
    const post = (chapter: number, p: number, year: number) =>
      json.posts.find((x) => x.chapter === chapter && x.post === p && x.year === year);
    expect(post(2650, 76, 2020)).to.deep.equal({
      chapter: 2650,
      post: 76,
      year: 2020,
      enacted: '102000000.00',
      changes: '0.00',
      carriedIn: '0.00',
      appropriation: '102000000.00',
      spent: '3400000.00',
      frames: '120000000.00',
      instruments: ['ekspertbistand', 'kompetansetiltak'],
      remaining: '98600000.00',
    });
    // 2019: 601.71 was funded in the course of the year (53.0 mill. kr), its enacted budget 0.
    expect(post(601, 71, 2019)).to.deep.include({
      enacted: '0.00',
      changes: '53000000.00',
      appropriation: '53000000.00',
      spent: '53000000.00',
      frames: '60000000.00',
    });
    // 601.22 has no appropriation row in 2020 in the excerpt: unknown, never 0.
    expect(post(601, 22, 2020)).to.deep.include({ enacted: null, appropriation: null, spent: '6100000.00', remaining: null });
    expect(json.outside).to.deep.equal(YEARS.map((y) => ({ file: `statsregnskapet_aar_${y}.csv`, lines: 0, amount: '0.00' })));
  });

  it('says the differences in words in the table: bevilget, brukt, and what is not placed', () => {
    // Amounts are written with no-break spaces (U+00A0), as formatMoney writes them.
    const { status, stdout } = run(
      'reconcile',
      '--ledger',
      dfo(2020),
      '--appropriations',
      appropriations,
      '--as-of',
      '2020-12-31',
      '--year',
      '2020',
    );
    expect(status).to.equal(0);
    expect(stdout).to.contain('• 2020: 102 000 000,00 kr bevilget, 3 400 000,00 kr brukt; rammene i avtalen 120 000 000,00 kr\n');
    expect(stdout).to.contain(
      '• 2650.76 2020: 3 400 000,00 kr (utbetalinger, 12 linjer) – fordeles mellom Nytt tilskudd til ekspertbistand og Kompetansetiltak – forsøk når andelene er satt\n',
    );
    expect(stdout).to.contain(
      '• 2020: ingen bevilgning i bevilgningsfilen, 6 100 000,00 kr brukt; rammene i avtalen 21 000 000,00 kr\n',
    );
  });

  it('places 2650.76 by shares from --rules FILE.csv, exact to the øre, and refuses shares that do not add up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-rules-'));
    const rules = join(dir, 'regler.csv');
    writeFileSync(
      rules,
      'Kapittel;Post;Virkemiddel;Andel\n601;71;bransjeprogrammer;\n601;22;kunnskapsutvikling;\n2650;76;ekspertbistand;1/3\n2650;76;kompetansetiltak;\n',
    );
    const bad = run('reconcile', '--ledger', dfo(2020), '--rules', rules, '--format', 'json');
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.contain('regler.csv, linje 4, kolonne Andel: Ugyldig andel. Verdien «1/3».');
    writeFileSync(
      rules,
      'Kapittel;Post;Virkemiddel;Andel\n2650;76;ekspertbistand;33,3333 %\n2650;76;kompetansetiltak;66,6667 %\n',
    );
    const good = run('reconcile', '--ledger', dfo(2020), '--rules', rules, '--as-of', '2020-12-31', '--format', 'json');
    expect(good.stderr).to.equal('');
    const json = JSON.parse(good.stdout) as {
      rows: { instrument: string; from: number; spent: string }[];
      unallocated: unknown[];
      outside: unknown[];
    };
    const spent = (instrument: string) => json.rows.find((r) => r.instrument === instrument && r.from === 2020)!.spent;
    // Each month split on its own: the parts add up to each line, so the year to 3 400 000,00.
    expect([spent('ekspertbistand'), spent('kompetansetiltak')]).to.deep.equal(['1133332.20', '2266667.80']);
    expect(json.unallocated).to.deep.equal([]);
    // The rules replace the embedded ones: 601.22 and 601.71 are now outside the plan, counted.
    expect(json.outside).to.deep.equal([{ file: 'statsregnskapet_aar_2020.csv', lines: 24, amount: '76100000.00' }]);
  });

  it('places an agency’s SAF-T lines by account, dimension and organisation, the bank and creditor lines outside', () => {
    const saft = `${root}examples/saft/SAF-T_Financial_974761211_20250131093000.xml`;
    const rules = `${root}examples/saft/konteringsregler.csv`;
    const { status, stdout, stderr } = run(
      'reconcile',
      '--ledger',
      saft,
      '--rules',
      rules,
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    );
    expect([status, stderr]).to.deep.equal([0, '']);
    const json = JSON.parse(stdout) as {
      rows: { instrument: string; from: number; spent: string }[];
      outside: unknown[];
      imported: number;
    };
    expect(json.rows.filter((r) => r.spent !== '0.00').map((r) => [r.instrument, r.from, r.spent])).to.deep.equal([
      ['bransjeprogrammer', 2024, '3767345.17'],
    ]);
    // Every Line is a ledger line; what no rule names (bank, creditors, other costs) is outside, to the øre.
    expect(json.imported).to.equal(5);
    expect(json.outside).to.deep.equal([
      { file: 'SAF-T_Financial_974761211_20250131093000.xml', lines: 17, amount: '-3767345.17' },
    ]);
  });

  it('advises --skip-invalid only when lines were invalid, not when a file is refused whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-advice-'));
    const header = join(dir, 'uten-belop.csv');
    writeFileSync(header, 'dato;bilag;virkemiddel\n01.02.2024;U-1;skil\n');
    const lines = join(dir, 'feil-linje.csv');
    writeFileSync(lines, 'dato;bilag;virkemiddel;beløp\n01.02.2024;U-1;skil;tolv\n');
    const whole = run('reconcile', '--ledger', header);
    const line = run('reconcile', '--ledger', lines);
    expect([whole.status, line.status]).to.deep.equal([1, 1]);
    expect(whole.stderr).to.contain('Rett feilene: de gjelder hele filen, så --skip-invalid hjelper ikke.');
    expect(line.stderr).to.contain('Rett feilene, eller bruk --skip-invalid for å ta med bare de gyldige linjene.');
  });

  it('keeps the workbook’s Bevilgning when it is written again from --plan without --appropriations, and replaces it with one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-bevilgning-'));
    const first = join(dir, 'plan.xlsx');
    const again = join(dir, 'igjen.xlsx');
    const made = run(
      'workbook',
      '--out',
      first,
      '--ledger',
      dfo(2020),
      '--appropriations',
      appropriations,
      '--as-of',
      '2020-12-31',
    );
    expect(made.status, made.stderr).to.equal(0);
    const rewritten = run('workbook', '--out', again, '--plan', first, '--as-of', '2020-12-31');
    expect(rewritten.status, rewritten.stderr).to.equal(0);
    const rowsOf = async (file: string) => {
      const table = (await readXlsxTables(file)).get('bevilgning')!;
      const at = (name: string) => table.header.indexOf(name);
      return table.rows.map((r) => [
        r[at('Kapittel')],
        r[at('Post')],
        r[at('År')],
        r[at('Saldert')],
        r[at('Bevilget')],
        r[at('Brukt')],
      ]);
    };
    const kept = await rowsOf(again);
    expect(kept).to.deep.equal(await rowsOf(first));
    expect(kept).to.deep.include([2650, 76, 2020, 102000000, 102000000, 3400000]);
    const other = join(dir, 'annen.csv');
    writeFileSync(other, 'År;Post_id;Bevilgning_beløp;Bevilgning\n2020;265076;1000;Saldert budsjett\n', 'latin1');
    const replaced = join(dir, 'ny.xlsx');
    const third = run('workbook', '--out', replaced, '--plan', first, '--appropriations', other, '--as-of', '2020-12-31');
    expect(third.status, third.stderr).to.equal(0);
    expect((await rowsOf(replaced)).filter((r) => r[0] === 2650 && r[2] === 2020)).to.deep.equal([
      [2650, 76, 2020, 1000, 1000, 3400000],
    ]);
  });

  it('says which posts have no carry-over rule, so what lapses when is not worked out, never assumed (issue 12)', () => {
    const { status, stdout } = run('reconcile', ...ledgerArgs(), '--appropriations', appropriations, '--as-of', '2025-12-31');
    expect(status).to.equal(0);
    expect(stdout).to.include(
      'Hva som faller bort når, er ikke regnet for 601.22, 601.71 og 2650.76: overføringsregelen (kan overføres, 5 % eller ingen) er ikke satt.',
    );
    const json = JSON.parse(
      run('reconcile', ...ledgerArgs(), '--appropriations', appropriations, '--as-of', '2025-12-31', '--format', 'json').stdout,
    );
    expect(json.lapses).to.deep.equal([]);
  });

  it('names a missing --rules or --appropriations file (exit 1), never a stack trace', () => {
    for (const flag of ['--rules', '--appropriations']) {
      const r = run('reconcile', '--ledger', dfo(2020), flag, join(tmpdir(), 'finnes-ikke.csv'));
      expect([r.status, r.stderr.includes('finnes-ikke.csv'), r.stderr.includes('    at ')], flag).to.deep.equal([
        1,
        true,
        false,
      ]);
    }
  });
});
