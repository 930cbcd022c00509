// The README's governance example as a user runs it: the fenced block under "The governance
// commands read the workbook" is parsed from README.md (so the test breaks when the README drifts),
// and its commands run in order in an empty folder with the compiled CLI: the coordinating group
// writes a workbook, makes the revised budget of 2025 from the plan in use, moves 1 million from
// expert assistance to knowledge development, confirms the SKIL condition, submits, approves and
// compares the version, closes and reopens 2024 and sets the 5 % carry-over rule.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, TableRead } from '../../engine/index.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The commands of the README's governance block: one argv per command, continuation lines joined. */
function governanceCommands(readme: string): string[][] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const governance = blocks.filter((b) => /ia-planner reallocate /.test(b));
  if (governance.length !== 1) throw new Error(`README: expected one sh block with reallocate, found ${governance.length}`);
  return governance[0]!
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(shellWords);
}

/** Splits a shell line into words as sh does for plain words and quoted strings; refuses what it cannot run as written. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"'#]+)|(#.*$))/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null && match[0] !== '') {
    if (match[4] !== undefined) break;
    const word = match[1] ?? match[2] ?? match[3]!;
    if (/^\[|\]$|[|<>;&$`*]/.test(word) && match[3] !== undefined)
      throw new Error(`README: «${word}» in «${line}» cannot run as written`);
    words.push(word);
  }
  return words;
}

/** The value after `flag` in an argv. */
function option(argv: readonly string[], flag: string): string {
  const i = argv.indexOf(flag);
  if (i < 0 || argv[i + 1] === undefined) throw new Error(`README: «${argv.join(' ')}» has no ${flag}`);
  return argv[i + 1]!;
}

/** A table's rows as records keyed by header. */
function records(table: TableRead | undefined): Record<string, CellValue>[] {
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? null])));
}

type Tables = ReadonlyMap<string, TableRead>;

/** What each command does to the workbook, checked on the tables before and after it ran. */
type Effect = (argv: readonly string[], before: Tables, after: Tables, stdout: string) => void;

const frameOf = (tables: Tables, instrument: string, from: number) => {
  const row = records(tables.get('rammer')).find((r) => r['Virkemiddel'] === instrument && r['Fra'] === from);
  if (!row) throw new Error(`no frame ${instrument} ${from}`);
  return row;
};
const versionOf = (tables: Tables, id: string) => records(tables.get('versjoner')).find((r) => r['Versjon'] === id);
const closedYears = (tables: Tables) => records(tables.get('arsavslutning')).map((r) => r['År']);
const amountOf = (text: string) => Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));

const EFFECTS: Record<string, Effect> = {
  workbook: (_argv, _before, after) => {
    expect(records(after.get('rammer'))).to.have.length(93);
  },
  'version new': (argv, _before, after) => {
    const version = versionOf(after, option(argv, '--id'));
    expect(version, 'the new version in Versjoner').to.deep.include({ Navn: option(argv, '--name'), Status: 'utkast' });
    expect(version!['Basert på']).to.equal(option(argv, '--from'));
    const rows = records(after.get('versjoner'));
    expect(rows[rows.length - 1]!['Versjon'], 'the version Rammer holds').to.equal(option(argv, '--id'));
  },
  reallocate: (argv, before, after) => {
    const year = Number(option(argv, '--year'));
    const amount = amountOf(option(argv, '--amount'));
    const change = (instrument: string) =>
      (frameOf(after, instrument, year)['Beløp'] as number) - (frameOf(before, instrument, year)['Beløp'] as number);
    expect(change(option(argv, '--from'))).to.equal(-amount);
    expect(change(option(argv, '--to'))).to.equal(amount);
  },
  'confirm-condition': (argv, before, after) => {
    const frame = (tables: Tables) => frameOf(tables, option(argv, '--instrument'), Number(option(argv, '--from')));
    expect(frame(before)['Bekreftet']).to.equal('nei');
    expect(frame(after)['Bekreftet']).to.equal('ja');
  },
  'version submit': (argv, _before, after) => {
    expect(versionOf(after, option(argv, '--version'))?.['Status']).to.equal('sendt inn');
  },
  'version approve': (argv, _before, after) => {
    const version = versionOf(after, option(argv, '--version'));
    expect(version?.['Status']).to.equal('godkjent');
    expect(version?.['Rammekontroll']).to.match(/^[0-9a-f]{64}$/);
  },
  'version compare': (argv, _before, _after, stdout) => {
    // The reallocation was made in the new version, so the two versions differ in its two frames.
    expect(stdout).to.include(option(argv, '--a')).and.include(option(argv, '--b'));
    const differ = /(\d+) av (\d+) rammer er forskjellige/.exec(stdout);
    expect(differ, stdout).not.to.equal(null);
    expect(Number(differ![1])).to.equal(2);
  },
  log: (_argv, _before, after, stdout) => {
    // Every change above is in the chain, and the head it names is the last entry's.
    const last = records(after.get('logg')).at(-1)!;
    expect(stdout).to.include(`Loggen er hel: ${records(after.get('logg')).length} oppføringer, hode `);
    expect(stdout).to.include(`:${String(last['Hash'])}.`);
  },
  'close-year': (argv, before, after) => {
    const year = Number(option(argv, '--year'));
    expect(closedYears(before)).not.to.include(year);
    expect(closedYears(after)).to.include(year);
  },
  'reopen-year': (argv, before, after) => {
    const year = Number(option(argv, '--year'));
    expect(closedYears(before)).to.include(year);
    expect(closedYears(after)).not.to.include(year);
  },
  'carry-over': (argv, _before, after) => {
    const frame = frameOf(after, option(argv, '--instrument'), Number(option(argv, '--from')));
    expect(frame['Overføring']).to.equal(option(argv, '--rule'));
    expect(frame['Andel']).to.equal(amountOf(option(argv, '--share')));
  },
};

/** Commands that change the workbook (each appends one entry to Logg); `version compare` only reads. */
const READ_ONLY = new Set(['version compare', 'log']);

const nameOf = (argv: readonly string[]) => (argv[2] === 'version' ? `version ${argv[3]}` : argv[2]!);

describe('README governance examples', function () {
  this.timeout(120000);
  // A README that cannot be parsed fails the first test (not the whole run) and runs nothing.
  let commands: string[][] = [];
  let unreadable: Error | null = null;
  try {
    commands = governanceCommands(readFileSync(join(root, 'README.md'), 'utf8'));
  } catch (error) {
    unreadable = error as Error;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ia-readme-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    expect(existsSync(`${root}build/engine/cli/main.js`), 'run `npm run build:cli` first').to.equal(true);
  });

  it('shows every governance command, each as `npx ia-planner`, after the workbook it runs on', () => {
    if (unreadable) throw unreadable;
    for (const argv of commands) expect(argv.slice(0, 2), argv.join(' ')).to.deep.equal(['npx', 'ia-planner']);
    expect(commands[0]!.slice(2, 4)).to.deep.equal(['workbook', '--out']);
    expect(new Set(commands.map(nameOf))).to.include.all.keys(Object.keys(EFFECTS));
  });

  let tables: Tables = new Map();
  let logEntries = 0;
  for (const [i, argv] of commands.entries()) {
    const name = nameOf(argv);
    it(`${i + 1}. ${argv.slice(2).join(' ')}`, async () => {
      const effect = EFFECTS[name];
      expect(effect, `no effect known for «${name}»`).to.be.a('function');
      const book = join(dir, 'plan.xlsx');
      const bytes = existsSync(book) ? readFileSync(book) : null;
      const r = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...argv.slice(2)], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `${argv.join(' ')}\n${r.stderr}`).to.equal(0);
      const before = tables;
      tables = await readXlsxTables(book);
      effect!(argv, before, tables, r.stdout);
      const entries = records(tables.get('logg')).length;
      if (READ_ONLY.has(name)) {
        expect(readFileSync(book).equals(bytes!), 'a read-only command leaves the workbook as it was').to.equal(true);
        expect(entries).to.equal(logEntries);
      } else {
        expect(entries, 'one Logg entry per change').to.equal(logEntries + 1);
      }
      logEntries = entries;
    });
  }
});
