/**
 * Bounded output (CONTRACTS §4): at most --max-errors problems of each kind are listed, then one
 * closing line says how many more there are, with the number grouped as people read it.
 */
import { expect } from 'chai';
import { problem, type Warning } from '../../../engine/index.js';
import { outputBound, parseOptions, UsageError } from '../../../engine/cli/args.js';
import { countText, problemLines, problemsJson } from '../../../engine/cli/commands.js';

const bad = (line: number) => problem('bad_amount', { file: 'f.csv', line, column: 'beløp', value: 'x' });
const errors = (n: number) => Array.from({ length: n }, (_, i) => bad(i + 2));
const warning = (line: number): Warning => ({
  code: 'identical_lines',
  file: 'f.csv',
  lines: [line, line + 1],
  message: `w${line}`,
});
const warnings = (n: number) => Array.from({ length: n }, (_, i) => warning(2 * i + 2));
const lines = (n: number) => errors(n).map((p) => `${p.message}\n`);

describe('countText', () => {
  const cases: [number, 'nb' | 'en', string][] = [
    [0, 'nb', '0'],
    [999, 'nb', '999'],
    [1000, 'nb', '1 000'],
    [199_000, 'nb', '199 000'],
    [1_234_567, 'nb', '1 234 567'],
    [1000, 'en', '1,000'],
    [1_234_567, 'en', '1,234,567'],
  ];
  for (const [n, lang, text] of cases) it(`writes ${n} as “${text}” in ${lang}`, () => expect(countText(n, lang)).to.equal(text));
});

describe('problemLines', () => {
  it('lists every problem and no closing line when there are no more than the bound', () => {
    expect(problemLines(errors(3), 'errors', { max: 3, lang: 'nb' })).to.equal(lines(3).join(''));
    expect(problemLines([], 'errors', { max: 3, lang: 'nb' })).to.equal('');
  });

  it('lists the first N and says how many errors more, in bokmål and English, singular and plural', () => {
    expect(problemLines(errors(4), 'errors', { max: 3, lang: 'nb' })).to.equal(
      lines(3).join('') + '… og 1 feil til (--max-errors 0 lister alle)\n',
    );
    expect(problemLines(errors(4), 'errors', { max: 3, lang: 'en' })).to.equal(
      lines(3).join('') + '… and 1 more error (--max-errors 0 lists all)\n',
    );
    expect(problemLines(errors(1005), 'errors', { max: 2, lang: 'en' })).to.equal(
      lines(2).join('') + '… and 1,003 more errors (--max-errors 0 lists all)\n',
    );
    expect(problemLines(errors(1005), 'errors', { max: 2, lang: 'nb' })).to.equal(
      lines(2).join('') + '… og 1 003 feil til (--max-errors 0 lister alle)\n',
    );
  });

  it('names warnings as warnings, said or known by their codes', () => {
    const listed = 'w2\nw4\n';
    expect(problemLines(warnings(3), 'warnings', { max: 2, lang: 'nb' })).to.equal(
      listed + '… og 1 advarsel til (--max-errors 0 lister alle)\n',
    );
    expect(problemLines(warnings(4), undefined, { max: 2, lang: 'nb' })).to.equal(
      listed + '… og 2 advarsler til (--max-errors 0 lister alle)\n',
    );
    expect(problemLines(warnings(4), undefined, { max: 2, lang: 'en' })).to.equal(
      listed + '… and 2 more warnings (--max-errors 0 lists all)\n',
    );
    expect(problemLines(warnings(3), undefined, { max: 2, lang: 'en' })).to.equal(
      listed + '… and 1 more warning (--max-errors 0 lists all)\n',
    );
    // A problem (a broken log) listed as a warning is one because the caller says so.
    expect(problemLines(errors(2), 'warnings', { max: 1, lang: 'en' })).to.equal(
      lines(1).join('') + '… and 1 more warning (--max-errors 0 lists all)\n',
    );
  });

  it('lists all with 0', () => {
    expect(problemLines(errors(1500), 'errors', { max: 0, lang: 'nb' })).to.equal(lines(1500).join(''));
  });

  it('takes the bound of the last parsed options when none is given', () => {
    parseOptions(['--max-errors', '1', '--lang', 'en']);
    expect(problemLines(errors(3))).to.equal(lines(1).join('') + '… and 2 more errors (--max-errors 0 lists all)\n');
    parseOptions([]);
    expect(outputBound()).to.deep.equal({ max: 1000, lang: 'nb' });
    expect(problemLines(errors(1001))).to.equal(lines(1000).join('') + '… og 1 feil til (--max-errors 0 lister alle)\n');
  });
});

describe('problemsJson', () => {
  it('cuts errors and warnings to the bound and counts all of them', () => {
    const json = problemsJson(errors(5), warnings(4), { max: 3, lang: 'nb' });
    expect(Object.keys(json)).to.deep.equal(['errors', 'errorCount', 'warnings', 'warningCount']);
    expect(json.errors.map((e) => e['line'])).to.deep.equal([2, 3, 4]);
    expect(json.errorCount).to.equal(5);
    expect(json.warnings.map((w) => w.message)).to.deep.equal(['w2', 'w4', 'w6']);
    expect(json.warningCount).to.equal(4);
  });

  it('gives every one with 0', () => {
    const json = problemsJson(errors(1200), warnings(1100), { max: 0, lang: 'nb' });
    expect([json.errors.length, json.errorCount, json.warnings.length, json.warningCount]).to.deep.equal([
      1200, 1200, 1100, 1100,
    ]);
  });
});

describe('--max-errors', () => {
  it('is 1000 by default and any whole number ≥ 0 given', () => {
    expect(parseOptions([]).maxErrors).to.equal(1000);
    expect(parseOptions(['--max-errors', '0']).maxErrors).to.equal(0);
    expect(parseOptions(['--max-errors=25']).maxErrors).to.equal(25);
  });

  for (const text of ['-1', '1.5', '1,5', 'abc', '', '1e3', '+5', '0x10']) {
    it(`is a usage error in bokmål and English for “${text}”`, () => {
      let thrown: unknown;
      try {
        parseOptions([`--max-errors=${text}`]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(UsageError);
      const usage = thrown as UsageError;
      expect(usage.inLanguage('nb')).to.equal(`--max-errors må være et helt tall ≥ 0 (0 lister alle), ikke «${text}»`);
      expect(usage.inLanguage('en')).to.equal(`--max-errors must be a whole number ≥ 0 (0 lists all), not “${text}”`);
    });
  }
});
