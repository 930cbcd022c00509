/**
 * `--max-errors N` on every command that reports problems (CONTRACTS §4 "Bounded output"): at most
 * N errors and N warnings are listed, a closing line says how many more, JSON carries `errorCount`
 * and `warningCount`, and a bound that is not a whole number ≥ 0 is wrong usage (exit 2).
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const header = 'dato;bilag;virkemiddel;type;beløp;år';
const badLine = (i: number) => `2024-01-15;U-${i};ekspertbistand;utbetaling;12,345;2024`;
const bad = (line: number, lang: 'nb' | 'en' = 'nb') =>
  lang === 'nb'
    ? `tre-feil.csv, linje ${line}, kolonne beløp: Beløpet har for mange desimaler. Verdien «12,345». Forventet: høyst 2 desimaler (øre).`
    : `tre-feil.csv, line ${line}, column beløp: The amount has too many decimals. The value “12,345”. Expected: at most 2 decimals (øre).`;
const identical = (first: number) =>
  `like.csv: linjene ${first}, ${first + 1} er like (samme bilag, dato, virkemiddel, type, beløp og referanse). Alle er tatt med som egne posteringer; kontroller at det ikke er en dobbeltføring.`;

describe('ia-planner --max-errors', function () {
  this.timeout(60_000);
  let dir = '';
  let threeBad = '';
  let fivePairs = '';
  let indicators = '';
  let plan = '';
  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
    dir = mkdtempSync(join(tmpdir(), 'ia-max-errors-'));
    threeBad = join(dir, 'tre-feil.csv');
    writeFileSync(threeBad, [header, badLine(1), badLine(2), badLine(3)].join('\n') + '\n');
    // Five pairs of identical lines: five identical_lines warnings, every line imported.
    fivePairs = join(dir, 'like.csv');
    const pairs = [0, 1, 2, 3, 4].flatMap((i) => Array(2).fill(`2024-01-15;W-${i};ekspertbistand;utbetaling;100,00;2024`));
    writeFileSync(fivePairs, [header, ...pairs].join('\n') + '\n');
    indicators = join(dir, 'indikatorer.csv');
    writeFileSync(indicators, 'indikator;år;kvartal;verdi\nsykefravaer;2025;5;7,19\nukjent;2025;;1\nsykefravaer;2025;;sju\n');
    plan = join(dir, 'plan.xlsx');
    expect(run('workbook', '--out', plan, '--reason', 'Arbeidsboken opprettes').status).to.equal(0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('usage', () => {
    for (const value of ['-1', '1.5', 'alle', '']) {
      it(`is wrong usage (exit 2) for “${value}”, in bokmål and in English`, () => {
        const nb = run('reconcile', '--ledger', threeBad, `--max-errors=${value}`);
        expect(nb.status).to.equal(2);
        expect(nb.stderr.split('\n')[0]).to.equal(`--max-errors må være et helt tall ≥ 0 (0 lister alle), ikke «${value}»`);
        const en = run('frames', `--max-errors=${value}`, '--lang', 'en');
        expect(en.status).to.equal(2);
        expect(en.stderr.split('\n')[0]).to.equal(`--max-errors must be a whole number ≥ 0 (0 lists all), not “${value}”`);
        expect(nb.stdout + en.stdout).to.equal('');
      });
    }

    it('is named in the help, in bokmål and in English', () => {
      expect(run('--help').stdout).to.include('--max-errors N   list høyst N feil og N advarsler (standard 1000, 0 = alle)');
      expect(run('--help', '--lang', 'en').stdout).to.include(
        '--max-errors N   list at most N errors and N warnings (default 1000, 0 = all)',
      );
    });
  });

  describe('reconcile', () => {
    it('lists the first N errors and how many more, then the total', () => {
      const r = run('reconcile', '--ledger', threeBad, '--max-errors', '2');
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(
        `${bad(2)}\n${bad(3)}\n… og 1 feil til (--max-errors 0 lister alle)\n` +
          'Forbruket ble avvist: 3 feil. Ingenting er importert. Rett feilene, eller bruk --skip-invalid for å ta med bare de gyldige linjene.\n',
      );
    });

    it('says it in English with --lang en', () => {
      const r = run('reconcile', '--ledger', threeBad, '--max-errors', '1', '--lang', 'en');
      expect(r.status).to.equal(1);
      expect(r.stderr.split('\n').slice(0, 2)).to.deep.equal([bad(2, 'en'), '… and 2 more errors (--max-errors 0 lists all)']);
    });

    it('lists every error and no closing line when there are no more than N', () => {
      const r = run('reconcile', '--ledger', threeBad, '--max-errors', '3');
      expect(r.stderr.split('\n').slice(0, 4)).to.deep.equal([
        bad(2),
        bad(3),
        bad(4),
        'Forbruket ble avvist: 3 feil. Ingenting er importert. Rett feilene, eller bruk --skip-invalid for å ta med bare de gyldige linjene.',
      ]);
    });

    it('cuts errors to N in JSON and counts all of them', () => {
      const r = run('reconcile', '--ledger', threeBad, '--max-errors', '2', '--format', 'json');
      expect(r.status).to.equal(1);
      const json = JSON.parse(r.stdout) as {
        errors: { line: number }[];
        errorCount: number;
        warnings: unknown[];
        warningCount: number;
      };
      expect(json.errors.map((e) => e.line)).to.deep.equal([2, 3]);
      expect([json.errorCount, json.warnings.length, json.warningCount]).to.deep.equal([3, 0, 0]);
    });

    it('lists warnings under the same bound, in text and in JSON', () => {
      const text = run('reconcile', '--ledger', fivePairs, '--as-of', '2024-12-31', '--max-errors', '2');
      expect(text.status).to.equal(0);
      expect(text.stderr).to.equal(`${identical(2)}\n${identical(4)}\n… og 3 advarsler til (--max-errors 0 lister alle)\n`);
      const json = run('reconcile', '--ledger', fivePairs, '--as-of', '2024-12-31', '--max-errors', '2', '--format', 'json');
      const parsed = JSON.parse(json.stdout) as {
        warnings: { lines: number[] }[];
        warningCount: number;
        errors: unknown[];
        errorCount: number;
        imported: number;
      };
      expect(parsed.warnings.map((w) => w.lines)).to.deep.equal([
        [2, 3],
        [4, 5],
      ]);
      expect([parsed.warningCount, parsed.errors.length, parsed.errorCount, parsed.imported]).to.deep.equal([5, 0, 0, 10]);
      const all = run('reconcile', '--ledger', fivePairs, '--as-of', '2024-12-31', '--max-errors', '0');
      expect(all.stderr).to.equal([2, 4, 6, 8, 10].map((l) => `${identical(l)}\n`).join(''));
    });
  });

  describe('evaluate', () => {
    it('lists the first N problems of an indicator file, and counts them all in JSON', () => {
      const text = run('evaluate', '--year', '2025', '--indicators', indicators, '--max-errors', '1');
      expect(text.status).to.equal(1);
      expect(text.stderr.split('\n').slice(1)).to.deep.equal([
        '… og 2 feil til (--max-errors 0 lister alle)',
        'Inndata ble avvist: 3 feil. Ingen vurdering er laget.',
        '',
      ]);
      const json = run('evaluate', '--year', '2025', '--indicators', indicators, '--max-errors', '1', '--format', 'json');
      const parsed = JSON.parse(json.stdout) as { errors: { line: number }[]; errorCount: number; warningCount: number };
      expect(parsed.errors.map((e) => e.line)).to.deep.equal([2]);
      expect([parsed.errorCount, parsed.warningCount]).to.deep.equal([3, 0]);
    });

    it('counts the errors --skip-invalid left out and the warnings in its JSON', () => {
      const ledger = join(dir, 'blandet.csv');
      writeFileSync(
        ledger,
        [header, badLine(1), badLine(2), '2024-01-15;OK;ekspertbistand;utbetaling;100,00;2024'].join('\n') + '\n',
      );
      const r = run('evaluate', '--year', '2024', '--ledger', ledger, '--skip-invalid', '--max-errors', '1', '--format', 'json');
      expect(r.status).to.equal(0);
      const parsed = JSON.parse(r.stdout) as { errors: { line: number }[]; errorCount: number; warningCount: number };
      expect(parsed.errors.map((e) => e.line)).to.deep.equal([2]);
      expect([parsed.errorCount, parsed.warningCount]).to.deep.equal([2, 0]);
    });
  });

  describe('the commands that write a workbook', () => {
    it('workbook lists the first N errors of a ledger', () => {
      const r = run('workbook', '--out', join(dir, 'ny.xlsx'), '--ledger', threeBad, '--max-errors', '1', '--lang', 'en');
      expect(r.status).to.equal(1);
      expect(r.stderr.split('\n')).to.deep.equal([
        bad(2, 'en'),
        '… and 2 more errors (--max-errors 0 lists all)',
        'The input was rejected: 3 errors. No workbook was written.',
        '',
      ]);
      expect(existsSync(join(dir, 'ny.xlsx'))).to.equal(false);
    });

    it('reallocate lists the first N problems of its --ledger files', () => {
      const args = ['reallocate', '--plan', plan, '--year', '2024', '--from', 'ekspertbistand', '--to', 'kunnskapsutvikling'];
      const refused = run(...args, '--amount', '1', '--reason', 'Test', '--ledger', threeBad, '--max-errors', '2');
      expect(refused.status).to.equal(1);
      expect(refused.stderr).to.equal(`${bad(2)}\n${bad(3)}\n… og 1 feil til (--max-errors 0 lister alle)\n`);
      const warned = run(...args, '--amount', '1', '--reason', 'Test', '--ledger', fivePairs, '--max-errors', '1');
      expect(warned.status).to.equal(0);
      // The warnings come first; the log's new head follows them (CONTRACTS §4 `log`).
      expect(warned.stderr.split('\n').slice(0, 2)).to.deep.equal([
        identical(2),
        '… og 4 advarsler til (--max-errors 0 lister alle)',
      ]);
      expect(warned.stderr).not.to.contain(identical(4));
    });
  });

  describe('a workbook with three bad frame amounts', () => {
    let broken = '';
    const badFrame = (row: number, lang: 'nb' | 'en' = 'nb') =>
      lang === 'nb'
        ? `rammer-feil.xlsx, ark Rammer, rad ${row}, kolonne Beløp: Ugyldig beløp. Verdien «mange». Forventet: et beløp som 1 250 000,50 eller 1250000.50 (høyst 2 desimaler).`
        : `rammer-feil.xlsx, sheet Rammer, row ${row}, column Beløp: Invalid amount. The value “mange”. Expected: an amount such as 1 250 000,50 or 1250000.50 (at most 2 decimals).`;
    before(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(plan);
      const sheet = workbook.getWorksheet('Rammer')!;
      for (const row of [2, 3, 4]) sheet.getCell(`E${row}`).value = 'mange';
      broken = join(dir, 'rammer-feil.xlsx');
      await workbook.xlsx.writeFile(broken);
    });

    it('frames --plan lists the first N', () => {
      const r = run('frames', '--plan', broken, '--max-errors', '1');
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(`${badFrame(2)}\n… og 2 feil til (--max-errors 0 lister alle)\n`);
    });

    it('close-year and carry-over list the first N and change nothing', () => {
      const before = readFileSync(broken);
      const r = run('close-year', '--plan', broken, '--year', '2024', '--reason', 'x', '--max-errors', '1', '--lang', 'en');
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(
        `${badFrame(2, 'en')}\n… and 2 more errors (--max-errors 0 lists all)\nNothing was changed in the workbook.\n`,
      );
      const carry = ['carry-over', '--plan', broken, '--instrument', 'ekspertbistand', '--from', '2024', '--rule', 'alt'];
      const carried = run(...carry, '--reason', 'x', '--max-errors', '2');
      expect(carried.status).to.equal(1);
      expect(carried.stderr).to.equal(
        `${badFrame(2)}\n${badFrame(3)}\n… og 1 feil til (--max-errors 0 lister alle)\nIngenting er endret i arbeidsboken.\n`,
      );
      expect(readFileSync(broken).equals(before)).to.equal(true);
    });

    it('version compare lists the first N', () => {
      const r = run('version', 'compare', '--plan', broken, '--a', 'plan', '--b', 'plan', '--max-errors', '2');
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(`${badFrame(2)}\n${badFrame(3)}\n… og 1 feil til (--max-errors 0 lister alle)\n`);
    });
  });
});
