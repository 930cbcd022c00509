// A user who asks for English (`--lang en`) gets every usage error of the governance commands in
// English, and an internal error (exit 3) in English without a stack trace. Usage is checked before
// any workbook is read, so the plan named here need not exist.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(bin: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Bokmål words that must not appear in an English usage error (placeholders and connectives). */
const BOKMAL = /\b(trenger|tar ikke|må være|ikke «|eller|hører bare|FIL|TEKST|ÅR|VIRKEMIDDEL|BELØP|NAVN|VERSJON|ANDEL)\b|«|»/;

const P = ['--plan', 'plan.xlsx'];
const R = ['--reason', 'RNB'];
const CARRY = ['carry-over', ...P, '--instrument', 'ekspertbistand', '--from', '2024', ...R];

/** Each case: the arguments, and the English sentence the user must see. */
const CASES: readonly [readonly string[], string][] = [
  [['reallocate'], 'reallocate needs --plan FILE.xlsx'],
  [['reallocate', ...P], 'reallocate needs --reason TEXT'],
  [['reallocate', ...P, ...R, '--format', 'json'], 'reallocate takes no --format'],
  [['reallocate', ...P, ...R], 'reallocate needs --year YEAR'],
  [['reallocate', ...P, ...R, '--year', '2024'], 'reallocate needs --from INSTRUMENT'],
  [['reallocate', ...P, ...R, '--year', '2024', '--from', 'a'], 'reallocate needs --to INSTRUMENT'],
  [['reallocate', ...P, ...R, '--year', '2024', '--from', 'a', '--to', 'b'], 'reallocate needs --amount AMOUNT'],
  [
    ['reallocate', ...P, ...R, '--year', '2024', '--from', 'a', '--to', 'b', '--amount', 'mye'],
    '--amount must be an amount such as 250000 or 250 000,50, not “mye”',
  ],
  [['confirm-condition', ...P, ...R], 'confirm-condition needs --from YEAR'],
  [['confirm-condition', ...P, ...R, '--from', '2019'], 'confirm-condition needs --instrument INSTRUMENT'],
  [['close-year', ...P, ...R], 'close-year needs --year YEAR'],
  [['reopen-year', ...P], 'reopen-year needs --reason TEXT'],
  [['version', 'new', ...P, ...R], 'version new needs --name NAME'],
  [
    ['version', 'new', ...P, ...R, '--name', 'Ny', '--type', 'tull'],
    '--type must be budsjettrunde, vedlegg, forlengelse or annet',
  ],
  [
    ['version', 'new', ...P, ...R, '--name', 'Ny', '--id', 'Stor'],
    '--id must be lower-case letters a–z, digits and hyphens, not “Stor”',
  ],
  [['version', 'submit', ...P], 'version submit needs --reason TEXT'],
  [['version', 'submit', ...P, ...R], 'version submit needs --version VERSION'],
  [['version', 'approve', ...P, ...R, '--format', 'csv'], 'version approve takes no --format'],
  [['version', 'compare', ...P], 'version compare needs --a VERSION'],
  [['version', 'compare', ...P, '--a', 'plan'], 'version compare needs --b VERSION'],
  [['version', 'compare', ...P, '--a', 'plan', '--b', 'x', '--format', 'html'], '--format html is only for evaluate'],
  [['carry-over', ...P, ...R, '--format', 'json'], 'carry-over takes no --format'],
  [['carry-over', ...P, ...R], 'carry-over needs --instrument INSTRUMENT'],
  [['carry-over', ...P, ...R, '--instrument', 'ekspertbistand'], 'carry-over needs --from YEAR'],
  [CARRY, 'carry-over needs --rule ingen|alt|andel'],
  [[...CARRY, '--rule', 'litt'], '--rule must be ingen, alt or andel (none, all or share), not “litt”'],
  [[...CARRY, '--rule', 'alt', '--overspend', 'kanskje'], '--overspend must be ja or nei (yes or no), not “kanskje”'],
  [[...CARRY, '--rule', 'ingen', '--share', '0,05'], '--rule ingen takes no --share or --overspend'],
  [[...CARRY, '--rule', 'alt', '--share', '0,05'], '--share belongs only to --rule andel'],
  [[...CARRY, '--rule', 'andel'], 'carry-over needs --share SHARE (e.g. 0.05 or 5 %)'],
  [
    [...CARRY, '--rule', 'andel', '--share', '1,5'],
    '--share must be a share from 0 to 1 (0.05) or a percentage (5 %), not “1,5”',
  ],
  [['evaluate', '--year', '2024', '--as-of', 'snart'], '--as-of must be a date as YYYY-MM-DD, not “snart”'],
];

describe('ia-planner in English (--lang en)', function () {
  this.timeout(60000);
  const bin = `${root}bin/ia-planner.js`;

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
  });

  for (const [args, english] of CASES) {
    it(`says “${english}” for ${args.join(' ')} (exit 2)`, () => {
      const r = run(bin, ...args, '--lang', 'en');
      expect(r.status, r.stderr).to.equal(2);
      const first = r.stderr.split('\n')[0]!;
      expect(first).to.contain(english);
      expect(first).not.to.match(BOKMAL);
      // Bokmål stays the default.
      expect(run(bin, ...args).stderr.split('\n')[0]).to.match(/trenger|tar ikke|må være|hører bare|finnes bare/);
    });
  }

  describe('an internal error (exit 3)', () => {
    // A copy of the launcher beside a build whose main throws, as a programming fault would.
    const dir = mkdtempSync(join(tmpdir(), 'ia-intern-'));
    const copy = join(dir, 'bin', 'ia-planner.js');
    before(() => {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'build', 'engine', 'cli'), { recursive: true });
      copyFileSync(bin, copy);
      writeFileSync(join(dir, 'build', 'engine', 'cli', 'main.js'), 'export async function main() { null.x; }\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('says it is a fault of the program in English with --lang en, without a stack trace', () => {
      const r = run(copy, 'frames', '--lang', 'en');
      expect(r.status).to.equal(3);
      expect(r.stderr).to.match(/^Internal error in ia-planner \(a fault in the program, not in your data\)/);
      expect(r.stderr).not.to.match(/Intern feil|\n\s+at |main\.js:\d/);
      expect(run(copy, 'frames', '--lang=en').stderr).to.match(/^Internal error in ia-planner/);
    });

    it('says it in bokmål by default, without a stack trace', () => {
      const r = run(copy, 'frames');
      expect(r.status).to.equal(3);
      expect(r.stderr).to.match(/^Intern feil i ia-planner \(en programfeil, ikke en feil i dataene dine\)/);
      expect(r.stderr).not.to.match(/\n\s+at |main\.js:\d/);
    });
  });
});
