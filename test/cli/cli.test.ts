import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embeddedPlan, FRAME_SOURCES, FUNDINGS } from '../../engine/index.js';

// The command line as users run it: `node bin/ia-planner.js` over the build that `npm ci` and
// `npm test` make (`npm run build:cli`).
const root = fileURLToPath(new URL('../..', import.meta.url));
const example = `${root}examples/forbruk-eksempel.csv`;
const withErrors = `${root}test/fixtures/cli/forbruk-med-feil.csv`;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Row {
  instrument: string;
  from: number;
  to: number;
  frame: string | null;
  spent: string;
  committed: string;
  openCommitments: string;
  remaining: string | null;
  utilisation: string | null;
  flags: string[];
}

function rowOf(rows: Row[], instrument: string, from: number): Row {
  const row = rows.find((r) => r.instrument === instrument && r.from === from);
  if (!row) throw new Error(`no row ${instrument} ${from}`);
  return row;
}

describe('ia-planner (command line)', function () {
  this.timeout(30000);

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
  });

  describe('usage', () => {
    it('prints its help and exits 0 with --help', () => {
      const r = run('--help');
      expect(r.status).to.equal(0);
      expect(r.stdout).to.include('ia-planner reconcile --ledger FIL');
    });

    it('exits 2 without a command, with an unknown command, an unknown flag or a bad value', () => {
      expect(run().status).to.equal(2);
      expect(run('avstem').status).to.equal(2);
      expect(run('frames', '--colour').status).to.equal(2);
      expect(run('frames', '--format', 'xml').status).to.equal(2);
      expect(run('reconcile', '--ledger', example, '--as-of', '31.12.24').status).to.equal(2);
      expect(run('reconcile', '--ledger', example, '--year', '2030').status).to.equal(2);
    });

    it('exits 2 when reconcile is given no ledger', () => {
      const r = run('reconcile');
      expect(r.status).to.equal(2);
      expect(r.stderr).to.include('--ledger');
    });
  });

  describe('frames', () => {
    it('prints the 93 frames of the embedded plan as JSON, the SKIL pool as the contract shows it', () => {
      const r = run('frames', '--format', 'json');
      expect(r.status).to.equal(0);
      const { frames } = JSON.parse(r.stdout) as { frames: Record<string, unknown>[] };
      expect(frames).to.have.length(93);
      const skil = frames.find((f) => f.instrument === 'skil')!;
      expect(skil).to.include({
        instrument: 'skil',
        name: 'Utvikling kursmodul og utprøving (SKIL)',
        from: 2019,
        to: 2021,
        amount: '2000000.00',
        unit: 'NOK',
        funding: 'state',
        conditionConfirmed: false,
        source: 'appendix',
      });
      expect(skil.condition).to.include('statsstøtteregelverket');
      const centre = frames.find((f) => f.instrument === 'arbeidslivstjeneste' && f.from === 2019)!;
      expect(centre.amount).to.equal(null);
      expect(centre.funding).to.equal('arbeidslivssentrene');
    });

    it('shows the yearly totals in Norwegian number format in the table', () => {
      const r = run('frames');
      expect(r.status).to.equal(0);
      expect(r.stdout).to.match(/2019\s+273\u00a0000\u00a0000,00\u00a0kr/);
      expect(r.stdout).to.match(/2020\s+271\u00a0000\u00a0000,00\u00a0kr/);
      expect(r.stdout).to.include('Ny arbeidsmiljøsatsing');
    });

    it('writes CSV with a header line and one line per frame', () => {
      const lines = run('frames', '--format', 'csv').stdout.trim().split('\n');
      expect(lines[0]).to.equal('instrument,name,from,to,amount,unit,funding,condition,conditionConfirmed,source');
      expect(lines).to.have.length(94);
      expect(lines[1]).to.equal('arbeidsmiljosatsing,Ny arbeidsmiljøsatsing,2019,2019,70000000.00,NOK,state,,false,appendix');
    });
  });

  describe('reconcile', () => {
    it('prints JSON alone on standard output: 93 rows, exact to the øre', () => {
      const r = run('reconcile', '--ledger', example, '--as-of', '2024-12-31', '--format', 'json');
      expect(r.status).to.equal(0);
      const json = JSON.parse(r.stdout) as { asOf: string; rows: Row[]; errors: unknown[]; imported: number; duplicates: number };
      expect(json.asOf).to.equal('2024-12-31');
      expect(json.rows).to.have.length(93);
      expect(json.errors).to.deep.equal([]);
      expect(json.imported).to.equal(19);
      expect(json.duplicates).to.equal(0);
      expect(rowOf(json.rows, 'ekspertbistand', 2024)).to.deep.include({
        frame: '50000000.00',
        spent: '46211000.50',
        committed: '2150000.00',
        openCommitments: '1000000.00',
        remaining: '2788999.50',
        utilisation: '0.9242',
        flags: [],
      });
      expect(rowOf(json.rows, 'ekspertbistand', 2025).spent).to.equal('2000000.00');
      expect(rowOf(json.rows, 'arbeidsmiljosatsing', 2024)).to.deep.include({
        spent: '54500000.00',
        remaining: '-4500000.00',
        flags: ['over_frame'],
      });
      expect(rowOf(json.rows, 'kompetansetiltak', 2024).spent).to.equal('32700000.00');
      expect(rowOf(json.rows, 'helseiarbeid', 2024)).to.deep.include({
        frame: null,
        remaining: null,
        utilisation: null,
        flags: ['no_state_frame'],
      });
      expect(rowOf(json.rows, 'skil', 2019)).to.deep.include({
        to: 2021,
        spent: '1950000.00',
        utilisation: '0.9750',
        flags: ['condition_unconfirmed'],
      });
      expect(rowOf(json.rows, 'bransjeprogrammer', 2024)).to.deep.include({
        spent: '51100000.00',
        openCommitments: '2200000.00',
      });
      expect(rowOf(json.rows, 'kunnskapsutvikling', 2024).spent).to.equal('19150000.00');
    });

    it('gives only the rows of one year with --year', () => {
      const { rows } = JSON.parse(
        run('reconcile', '--ledger', example, '--as-of', '2024-12-31', '--year', '2024', '--format', 'json').stdout,
      ) as { rows: Row[] };
      expect(rows.map((r) => r.instrument)).to.deep.equal([
        'arbeidsmiljosatsing',
        'arbeidslivstjeneste',
        'helseiarbeid',
        'ekspertbistand',
        'kompetansetiltak',
        'bransjeprogrammer',
        'kunnskapsutvikling',
        'opplaering',
      ]);
    });

    it('ignores lines dated after the as-of date', () => {
      const { rows } = JSON.parse(
        run('reconcile', '--ledger', example, '--as-of', '2024-06-30', '--year', '2024', '--format', 'json').stdout,
      ) as { rows: Row[] };
      expect(rowOf(rows, 'arbeidsmiljosatsing', 2024).spent).to.equal('18000000.00');
      expect(rowOf(rows, 'ekspertbistand', 2024).spent).to.equal('46211000.50');
    });

    it('changes no figure when the same ledger is given twice, and counts the duplicates', () => {
      const once = JSON.parse(run('reconcile', '--ledger', example, '--as-of', '2024-12-31', '--format', 'json').stdout) as {
        rows: Row[];
      };
      const twice = JSON.parse(
        run('reconcile', '--ledger', example, '--ledger', example, '--as-of', '2024-12-31', '--format', 'json').stdout,
      ) as {
        rows: Row[];
        duplicates: number;
        imported: number;
      };
      expect(twice.rows).to.deep.equal(once.rows);
      expect(twice.duplicates).to.equal(19);
      expect(twice.imported).to.equal(19);
    });

    it('rejects a ledger with errors whole: exit 1, every error named, nothing imported', () => {
      const r = run('reconcile', '--ledger', withErrors, '--as-of', '2024-12-31', '--format', 'json');
      expect(r.status).to.equal(1);
      const json = JSON.parse(r.stdout) as {
        rows: Row[];
        imported: number;
        errors: { code: string; file: string; line: number; column: string; value: string }[];
      };
      expect(json.rows).to.deep.equal([]);
      expect(json.imported).to.equal(0);
      expect(json.errors.map((e) => [e.code, e.file, e.line, e.column, e.value])).to.deep.equal([
        ['bad_date', 'forbruk-med-feil.csv', 3, 'dato', '31.02.2024'],
        ['unknown_instrument', 'forbruk-med-feil.csv', 4, 'virkemiddel', 'ukjent-tiltak'],
        ['ambiguous_amount', 'forbruk-med-feil.csv', 5, 'beløp', '1.250'],
        ['year_out_of_range', 'forbruk-med-feil.csv', 6, 'år', '2031'],
      ]);
      expect(r.stderr).to.include('forbruk-med-feil.csv, linje 5, kolonne beløp');
    });

    it('prints nothing on standard output for a rejected ledger in table form', () => {
      const r = run('reconcile', '--ledger', withErrors);
      expect(r.status).to.equal(1);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.include('Ingenting er importert');
    });

    it('imports the valid lines with --skip-invalid and still reports the rest', () => {
      const r = run('reconcile', '--ledger', withErrors, '--skip-invalid', '--as-of', '2024-12-31', '--format', 'json');
      expect(r.status).to.equal(0);
      const json = JSON.parse(r.stdout) as { rows: Row[]; imported: number; errors: unknown[] };
      expect(json.imported).to.equal(1);
      expect(json.errors).to.have.length(4);
      expect(rowOf(json.rows, 'ekspertbistand', 2024).spent).to.equal('100000.00');
    });

    it('speaks English with --lang en', () => {
      const r = run('reconcile', '--ledger', withErrors, '--lang', 'en');
      expect(r.stderr).to.include('forbruk-med-feil.csv, line 5, column beløp: The amount reads two ways');
    });

    it('exits 1 with a clear message for a ledger file that does not exist', () => {
      const r = run('reconcile', '--ledger', `${root}finnes-ikke.csv`);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.include('finnes ikke');
    });

    it('writes CSV rows with the JSON field names as header', () => {
      const lines = run('reconcile', '--ledger', example, '--as-of', '2024-12-31', '--year', '2024', '--format', 'csv')
        .stdout.trim()
        .split('\n');
      expect(lines[0]).to.equal(
        'instrument,from,to,funding,frame,spent,committed,openCommitments,remaining,utilisation,source,flags',
      );
      expect(lines).to.include(
        'ekspertbistand,2024,2024,state,50000000.00,46211000.50,2150000.00,1000000.00,2788999.50,0.9242,continued,',
      );
    });

    it('shows flags in words and totals per year in the table', () => {
      const r = run('reconcile', '--ledger', example, '--as-of', '2024-12-31', '--year', '2024');
      expect(r.status).to.equal(0);
      expect(r.stdout).to.include('over rammen');
      expect(r.stdout).to.include('ingen statlig ramme');
      expect(r.stdout).to.match(/2024\s+271\u00a0000\u00a0000,00\u00a0kr\s+203\u00a0786\u00a0000,50\u00a0kr/);
    });
  });
  // Issue 9: what a person reads (tables, the report, messages) names instruments and codes in
  // words and shows amounts as people write them; JSON and CSV keep the contract's codes.
  describe('texts for people', () => {
    /** Codes that belong to JSON and CSV and never stand alone in a table cell for people. */
    const CODES = new Set<string>([
      ...embeddedPlan().instruments.map((i) => i.id as string),
      ...FUNDINGS,
      ...FRAME_SOURCES,
      'sykefravaer',
      'frafall',
      'worse',
      'better',
      'workbook_written',
    ]);
    /** Norwegian words that must not remain in an English table. */
    const NORWEGIAN = new Set(['i rute', 'risiko', 'avvik', 'ikke fastsatt', 'ja', 'nei', 'staten', 'vedlegget 2019']);
    const NB_MONEY = /^\u2212?\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0kr$/;
    const EN_MONEY = /^-?NOK \d{1,3}(,\d{3})*\.\d{2}$/;

    /** The cells of a plain-text table (columns are two or more spaces apart). */
    const cells = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('•') && !line.startsWith('─'))
        .flatMap((line) => line.trim().split(/ {2,}/))
        .filter((cell) => cell !== '');
    /** The cells of the HTML report's tables. */
    const htmlCells = (html: string) => [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]!);

    function expectForPeople(list: readonly string[], lang: 'nb' | 'en', what: string) {
      expect(list.length, what).to.be.greaterThan(20);
      for (const cell of list) {
        // Two funding codes are bokmål words themselves, and stand as such in a bokmål table.
        const isWord = lang === 'nb' && (cell === 'arbeidslivssentrene' || cell === 'partene');
        expect(CODES.has(cell) && !isWord, `${what}: the code «${cell}» stands alone in a cell`).to.equal(false);
        expect(cell, `${what}: a raw amount`).not.to.match(/^-?\d{4,}\.\d{2}$/);
        if (/(kr|NOK)/.test(cell) && /\d/.test(cell))
          expect(cell, `${what}: an amount`).to.match(lang === 'nb' ? NB_MONEY : EN_MONEY);
        if (lang === 'en') expect(NORWEGIAN.has(cell), `${what}: «${cell}» in an English table`).to.equal(false);
      }
    }

    const sample = ['--ledger', example, '--as-of', '2024-12-31'];
    const cases: [string, string[]][] = [
      ['frames', ['frames']],
      ['reconcile', ['reconcile', ...sample]],
      ['evaluate', ['evaluate', '--year', '2024', ...sample]],
    ];
    for (const lang of ['nb', 'en'] as const) {
      for (const [what, args] of cases) {
        it(`names instruments, funding, sources and statuses in words in the ${what} table (${lang})`, () => {
          const r = run(...args, '--lang', lang);
          expect(r.status, r.stderr).to.equal(0);
          expectForPeople(cells(r.stdout), lang, `${what} ${lang}`);
        });
      }
      it(`names everything in words in the HTML report (${lang})`, () => {
        const r = run('evaluate', '--year', '2024', ...sample, '--format', 'html', '--lang', lang);
        expect(r.status, r.stderr).to.equal(0);
        expectForPeople(htmlCells(r.stdout), lang, `html ${lang}`);
      });
    }

    it('shows who funds a frame and where it comes from in words', () => {
      const nb = run('frames').stdout.split('\n');
      expect(nb.find((l) => l.startsWith('Nytt tilskudd til ekspertbistand') && / 2024 /.test(l))).to.match(
        /staten\s+videreført \(antatt\)/,
      );
      const en = run('frames', '--lang', 'en').stdout.split('\n');
      expect(en.find((l) => / 2019 /.test(l))).to.match(/the state\s+the 2019 appendix/);
    });

    it('writes the as-of date as people read it in bokmål', () => {
      expect(run('reconcile', ...sample).stdout).to.match(/^Avstemming per 31\.12\.2024: 19 linjer importert/);
      expect(run('evaluate', '--year', '2024', ...sample).stdout).to.match(/^Årlig vurdering 2024 \(per 31\.12\.2024\)/);
      expect(run('reconcile', ...sample, '--lang', 'en').stdout).to.match(/^Reconciliation as of 2024-12-31: 19 lines/);
    });

    it('gives English findings with the measure type in English', () => {
      const r = run('evaluate', '--year', '2024', '--lang', 'en');
      expect(r.stdout).to.include('(seasonally and influenza-adjusted)');
      expect(r.stdout).not.to.include('sesong');
    });

    it('gives a command’s own usage for its --help and after its usage error, not the whole text (issue 14, item 13)', () => {
      const help = run('evaluate', '--help');
      expect(help.status).to.equal(0);
      expect(help.stdout)
        .to.include('ia-planner evaluate')
        .and.include('--as-of ÅÅÅÅ-MM-DD')
        .and.include('ia-planner --help viser alle kommandoene.');
      expect(help.stdout).to.not.include('ia-planner reconcile');
      const bad = run(
        'reallocate',
        '--plan',
        'x.xlsx',
        '--year',
        '2025',
        '--from',
        'a',
        '--to',
        'b',
        '--amount',
        'tull',
        '--reason',
        'r',
      );
      expect(bad.status).to.equal(2);
      expect(bad.stderr.split('\n')[0]).to.equal('--amount må være et beløp som 250000 eller 250 000,50, ikke «tull»');
      expect(bad.stderr).to.include('ia-planner reallocate').and.not.include('ia-planner frames');
      expect(run('version', 'new', '--help', '--lang', 'en').stdout)
        .to.include('ia-planner version new')
        .and.not.include('version approve');
    });

    it('speaks English in its help and its usage errors with --lang en', () => {
      expect(run('--help', '--lang', 'en').stdout).to.include('ia-planner reconcile --ledger FILE');
      const bad = run('frames', '--format', 'xml', '--lang', 'en');
      expect(bad.status).to.equal(2);
      expect(bad.stderr).to.include('--format must be table, json, csv or html, not “xml”').and.include('Usage:');
      expect(run('avstem', '--lang', 'en').stderr).to.include('Unknown command “avstem”');
      expect(run('reconcile', '--lang', 'en').stderr).to.include('reconcile needs at least one --ledger FILE');
      expect(run('evaluate', '--lang', 'en').stderr).to.include('evaluate needs --year YEAR');
      expect(run('workbook', '--lang', 'en').stderr).to.include('workbook needs --out FILE.xlsx');
      expect(run('frames', '--format', 'xml').stderr)
        .to.include('--format må være')
        .and.include('Bruk:');
    });
  });
});
