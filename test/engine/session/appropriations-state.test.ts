/**
 * Scenario (issue 11, CONTRACTS §9): a finance officer brings DFØ's appropriation history into the
 * planning workbook, from the task pane or `workbook --appropriations`. The engine keeps it in the
 * planning state: written as `Bevilgning`, read back from there by every host (to the øre, a year
 * without an appropriation left unknown), refused whole when the file or the table is wrong, the
 * import recorded in the log, and a change of it by someone else seen before a change is made.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  acceptAppropriations,
  changedSinceRead,
  embeddedState,
  isAppropriationsFile,
  Ledger,
  planningTables,
  postComparisonToJson,
  postsOfState,
  postYearText,
  lapseWarnings,
  originsOfState,
  readAppropriations,
  readingOf,
  readingOfTables,
  rulesOf,
  tablesAfterWrite,
  verifyChain,
  type IsoDate,
  type PlanningState,
  type PlanningTables,
} from '../../../engine/index.js';
import type { CellValue } from '../../../engine/workbook/port/port.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const HISTORY = `${root}examples/dfo/bevilgninger_full_historikk.csv`;
const DFO_2020 = `${root}examples/dfo/statsregnskapet_aar_2020.csv`;
const FILE = 'plan.xlsx';
const AS_OF = '2020-12-31' as IsoDate;
const options = {
  file: 'bevilgninger_full_historikk.csv',
  who: 'Kari Nordmann',
  at: '2021-02-01T09:00:00+01:00',
  lang: 'nb' as const,
};

/** The embedded plan with DFØ's 2020 accounts read in. */
function stateWith2020(): PlanningState {
  const state = embeddedState();
  const ledger = new Ledger(state.plan);
  const report = ledger.addFile('statsregnskapet_aar_2020.csv', () => [readFileSync(DFO_2020)]);
  expect(report.rejected).to.equal(false);
  return { ...state, lines: ledger.lines };
}

function imported(): PlanningState {
  const read = readAppropriations('bevilgninger_full_historikk.csv', readFileSync(HISTORY));
  expect(read.problems).to.deep.equal([]);
  const accepted = acceptAppropriations(stateWith2020(), read, options);
  if (!accepted.state) throw new Error(accepted.problems[0]!.message);
  return accepted.state;
}

/** The planning tables as a host reads them back after writing a state (formulas as their cached values). */
function tablesOf(state: PlanningState): PlanningTables {
  return tablesAfterWrite(new Map(), planningTables(state, { asOf: AS_OF, lang: 'nb' }));
}

/** The tables with the Bevilgning rows changed by `edit`. */
function editBevilgning(tables: PlanningTables, edit: (rows: CellValue[][], header: readonly string[]) => void) {
  const table = tables.get('Bevilgning')!;
  const rows = table.rows.map((r) => [...r] as CellValue[]);
  edit(rows, table.header as string[]);
  return new Map(tables).set('Bevilgning', { ...table, rows });
}

describe('appropriations in the planning state (CONTRACTS §9)', () => {
  it('imports the history: 2650.76 in 2020 is 102 000 000,00 kr appropriated and 3 400 000,00 kr spent, 98 600 000,00 kr left; the log says what was read', () => {
    const state = imported();
    const posts = postsOfState(state, AS_OF)!;
    const p = posts.find((x) => x.chapter === 2650 && x.post === 76 && x.year === 2020)!;
    expect(postComparisonToJson(p)).to.deep.equal({
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
    expect(postYearText(p, 'nb')).to.equal(
      '2020: 102\u00a0000\u00a0000,00\u00a0kr bevilget, 3\u00a0400\u00a0000,00\u00a0kr brukt; rammene i avtalen 120\u00a0000\u00a0000,00\u00a0kr',
    );
    const entry = state.log.at(-1)!;
    expect([entry.action, entry.target, entry.who]).to.deep.equal([
      'appropriations_imported',
      'bevilgninger_full_historikk.csv',
      'Kari Nordmann',
    ]);
    const read = readAppropriations('x.csv', readFileSync(HISTORY));
    expect(entry.after).to.equal(
      `bevilgninger_full_historikk.csv: ${read.rowsRead} bevilgningsvedtak lest, ${read.appropriations.size} poster og år i Bevilgning.`,
    );
    expect(verifyChain(state.log).ok).to.equal(true);
  });

  it('writes Bevilgning and reads the same appropriations back from it, to the øre; a year with spending only stays without one', () => {
    const state = imported();
    const tables = tablesOf(state);
    expect(tables.get('Bevilgning')).to.not.equal(undefined);
    const reading = readingOfTables(tables, FILE, 'nb')!;
    expect(reading.problems).to.deep.equal([]);
    const amounts = (m: PlanningState['appropriations']) =>
      [...m!.values()].map((a) => `${a.chapter}.${a.post}:${a.year} ${a.enacted} ${a.changes} ${a.carriedIn}`).sort();
    expect(amounts(reading.state!.appropriations)).to.deep.equal(amounts(state.appropriations));
    expect(reading.state!.appropriations!.size).to.equal(state.appropriations!.size);
    const back = postsOfState(reading.state!, AS_OF)!.map(postComparisonToJson);
    expect(back).to.deep.equal(postsOfState(state, AS_OF)!.map(postComparisonToJson));
    // 601.22 has no appropriation row in 2020 in the excerpt: its Bevilgning row is spending only.
    const p = postsOfState(reading.state!, AS_OF)!.find((x) => x.chapter === 601 && x.post === 22 && x.year === 2020)!;
    expect([p.appropriation, p.spent.toFixed2()]).to.deep.equal([null, '6100000.00']);
    expect(postYearText(p, 'nb')).to.equal(
      '2020: ingen bevilgning i bevilgningsfilen, 6\u00a0100\u00a0000,00\u00a0kr brukt; rammene i avtalen 21\u00a0000\u00a0000,00\u00a0kr',
    );
  });

  it('a workbook without Bevilgning has no appropriations (not zero), and writes no Bevilgning', () => {
    const state = stateWith2020();
    expect(postsOfState(state, AS_OF)).to.equal(null);
    const tables = tablesOf(state);
    expect(tables.has('Bevilgning')).to.equal(false);
    expect(readingOfTables(tables, FILE, 'nb')!.state!.appropriations).to.equal(undefined);
  });

  it('refuses a Bevilgning row with some amounts but not all, a post and year twice, and an amount it cannot read, naming sheet, row and column', () => {
    const tables = tablesOf(imported());
    const header = tables.get('Bevilgning')!.header as string[];
    const col = (name: string) => header.indexOf(name);
    const partial = editBevilgning(tables, (rows) => {
      rows[0]![col('Endringer')] = null;
    });
    const a = readingOfTables(partial, FILE, 'nb')!;
    expect(a.state).to.equal(null);
    expect(a.problems.map((p) => [p.code, p.sheet, p.line, p.column])).to.deep.equal([
      ['missing_value', 'Bevilgning', 2, 'Endringer'],
    ]);
    const twice = editBevilgning(tables, (rows) => {
      rows.push([...rows[0]!]);
    });
    const b = readingOfTables(twice, FILE, 'nb')!;
    const last = tables.get('Bevilgning')!.rows.length + 2;
    expect(b.problems.map((p) => [p.code, p.line, p.column])).to.deep.equal([['duplicate_post_year', last, 'År']]);
    const bad = editBevilgning(tables, (rows) => {
      rows[2]![col('Saldert')] = 'mye';
      rows[3]![col('Overført inn')] = 1.2345;
    });
    const c = readingOfTables(bad, FILE, 'nb')!;
    expect(c.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['bad_amount', 4, 'Saldert', 'mye'],
      ['too_many_decimals', 5, 'Overført inn', '1.2345'],
    ]);
  });

  it('refuses a history with problems and changes nothing', () => {
    const state = stateWith2020();
    const bytes = Buffer.from('År;Post_id;Bevilgning_beløp;Bevilgning\n2020;265076;mange;Saldert budsjett\n', 'latin1');
    const accepted = acceptAppropriations(state, readAppropriations('b.csv', bytes), options);
    expect(accepted.state).to.equal(null);
    expect(accepted.problems.map((p) => [p.code, p.file, p.line, p.column, p.value])).to.deep.equal([
      ['bad_amount', 'b.csv', 2, 'Bevilgning_beløp', 'mange'],
    ]);
  });

  it('a change is refused when someone else imported or edited the appropriations since the pane read the workbook', () => {
    const seen = readingOf(stateWith2020());
    const fresh = readingOf(imported());
    const refused = changedSinceRead(seen, fresh, { file: FILE, lang: 'nb' });
    expect(refused.map((p) => [p.code, p.sheet])).to.deep.equal([['change_refused', 'Logg']]);
    // Only the appropriations differ (the same log): Bevilgning is named.
    const before = imported();
    const edited = editBevilgning(tablesOf(before), (rows, header) => {
      rows[0]![header.indexOf('Saldert')] = 1;
    });
    const after = readingOfTables(edited, FILE, 'nb')!;
    expect(after.problems).to.deep.equal([]);
    const named = changedSinceRead(readingOf(before), after, { file: FILE, lang: 'nb' });
    expect(named.map((p) => [p.code, p.sheet])).to.deep.equal([['change_refused', 'Bevilgning']]);
    expect(
      changedSinceRead(readingOf(before), readingOfTables(tablesOf(before), FILE, 'nb')!, { file: FILE, lang: 'nb' }),
    ).to.deep.equal([]);
  });

  it('leaves out the posts the plan names no rule for, counting them; a Bevilgning row whose rule was removed is kept on a round trip', () => {
    const history = Buffer.concat([
      readFileSync(HISTORY),
      Buffer.from('"2020";"0605";"060501";"Driftsutgifter";"Saldert budsjett 2020";"11917000000,000"\r\n', 'latin1'),
    ]);
    const read = readAppropriations('full.csv', history);
    const accepted = acceptAppropriations(stateWith2020(), read, { ...options, file: 'full.csv' });
    const state = accepted.state!;
    expect(state.appropriations!.size).to.equal(read.appropriations.size - 1);
    expect([...state.appropriations!.keys()].some((k) => k.startsWith('605.1:'))).to.equal(false);
    expect(accepted.notice).to.equal(
      `full.csv: ${read.rowsRead} bevilgningsvedtak lest, ${read.appropriations.size - 1} poster og år i Bevilgning; 1 poster og år utenfor planens poster er utelatt.`,
    );
    // Without the rules on 601.22 its appropriations stay in the state and in Bevilgning, after the plan's posts.
    const rules = rulesOf(state.plan).filter((r) => !(r.chapter === 601 && r.post === 22));
    const without = { ...state, plan: { ...state.plan, rules } };
    const posts = postsOfState(without, AS_OF)!;
    expect(posts.filter((p) => p.chapter === 601 && p.post === 22).map((p) => [p.year, p.instruments.length])).to.deep.equal(
      posts.filter((p) => p.chapter === 601 && p.post === 22).map((p) => [p.year, 0]),
    );
    expect(posts.at(-1)!.chapter * 100 + posts.at(-1)!.post).to.equal(60122);
    const back = readingOfTables(tablesOf(without), FILE, 'nb')!;
    expect(back.problems).to.deep.equal([]);
    expect([...back.state!.appropriations!.keys()].sort()).to.deep.equal([...state.appropriations!.keys()].sort());
  });

  it('reads the history as it streams: in chunks of any size, ISO-8859-1 or UTF-8 with a byte order mark, the same sums; a file mixing both is refused naming its lines', () => {
    const latin1 = readFileSync(HISTORY);
    const whole = readAppropriations('h.csv', latin1);
    expect(whole.problems).to.deep.equal([]);
    const sums = (r: ReturnType<typeof readAppropriations>) =>
      [...r.appropriations.entries()].map(([k, a]) => `${k} ${a.enacted} ${a.changes} ${a.carriedIn} ${a.rows}`);
    const chunked = (bytes: Uint8Array, size: number) => () => {
      const parts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
      return parts;
    };
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(latin1.toString('latin1'), 'utf8')]);
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      expect(sums(readAppropriations('h.csv', chunked(latin1, size)))).to.deep.equal(sums(whole));
      const u = readAppropriations('h.csv', chunked(utf8, size));
      expect(u.problems).to.deep.equal([]);
      expect(sums(u)).to.deep.equal(sums(whole));
      expect(u.rowsRead).to.equal(whole.rowsRead);
    }
    // «Ø» as UTF-8 in the header and as ISO-8859-1 on row 3: which one the file means cannot be known.
    const mixed = Buffer.concat([
      Buffer.from('"År";"Post_id";"Bevilgning_beløp";"Bevilgning"\r\n"2020";"265076";"1,000";"Saldert budsjett"\r\n', 'utf8'),
      Buffer.from('"2020";"265076";"1,000";"Overført fra 2019 (Ø)"\r\n', 'latin1'),
    ]);
    const refused = readAppropriations('blandet.csv', chunked(mixed, 5));
    expect(refused.appropriations.size).to.equal(0);
    expect(refused.problems.map((p) => [p.file, p.line])).to.deep.equal([['blandet.csv', 3]]);
  });

  it('keeps the carry-over rule a user types in Bevilgning (Overføring), says what lapses when, and keeps the rule when the history is imported again', () => {
    const state = embeddedState();
    const ledger = new Ledger(state.plan);
    for (const year of [2020, 2021, 2022]) {
      const file = `${root}examples/dfo/statsregnskapet_aar_${year}.csv`;
      expect(ledger.addFile(`statsregnskapet_aar_${year}.csv`, () => [readFileSync(file)]).rejected).to.equal(false);
    }
    const read = readAppropriations('bevilgninger_full_historikk.csv', readFileSync(HISTORY));
    const imported = acceptAppropriations({ ...state, lines: ledger.lines }, read, options).state!;
    const asOf = '2022-12-31' as IsoDate;
    const typed = editBevilgning(tablesAfterWrite(new Map(), planningTables(imported, { asOf, lang: 'nb' })), (rows, header) => {
      for (const row of rows) if (row[header.indexOf('Kapittel')] === 2650) row[header.indexOf('Overføring')] = 'kan overføres';
    });
    const reading = readingOfTables(typed, FILE, 'nb')!;
    expect(reading.problems).to.deep.equal([]);
    const ruled = reading.state!;
    expect(ruled.appropriations!.get('2650.76:2021')!.transfer).to.equal('two_years');
    expect(ruled.appropriations!.get('601.71:2021')!.transfer).to.equal(undefined);
    // 2650.76: 102 000 000,00 in 2020, of which 3 400 000,00, 14 300 000,00 and 23 600 000,00 were spent in 2020–2022 (oldest money first).
    expect(lapseWarnings(originsOfState(ruled, asOf)!, 2022, 'nb')).to.deep.equal([
      '2650.76: 60\u00a0700\u00a0000,00\u00a0kr bevilget i 2020 faller bort ved utgangen av 2022 om det ikke brukes.',
    ]);
    const bevilgning = planningTables(ruled, { asOf, lang: 'nb' }).find((t) => t.spec.table === 'Bevilgning')!;
    const col = (name: string) => bevilgning.spec.columns.findIndex((c) => c.name === name);
    const row2022 = bevilgning.rows.find((r) => r[0] === 2650 && r[2] === 2022)!;
    expect([row2022[col('Overføring')], row2022[col('Faller bort')]]).to.deep.equal(['kan overføres', 60700000]);
    // A rule that is none of the three is refused, naming the cell.
    const bad = editBevilgning(typed, (rows, header) => {
      rows[0]![header.indexOf('Overføring')] = 'to år';
    });
    expect(readingOfTables(bad, FILE, 'nb')!.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['bad_value', 2, 'Overføring', 'to år'],
    ]);
    // The next month's history replaces the amounts, not the rules the user typed.
    const again = acceptAppropriations(
      ruled,
      readAppropriations('bevilgninger_full_historikk.csv', readFileSync(HISTORY)),
      options,
    ).state!;
    expect(again.appropriations!.get('2650.76:2022')!.transfer).to.equal('two_years');
  });

  it('counts a post’s spending to the date asked each time, and again when the ledger has grown', () => {
    const state = imported();
    const spent = (s: PlanningState, asOf: string) =>
      postsOfState(s, asOf as IsoDate)!
        .find((p) => p.chapter === 2650 && p.post === 76 && p.year === 2020)!
        .spent.toFixed2();
    expect(spent(state, '2020-12-31')).to.equal('3400000.00');
    expect(spent(state, '2020-01-31')).to.not.equal('3400000.00');
    expect(spent(state, '2020-12-31')).to.equal('3400000.00');
    // A Ledger's own array grows as files are read: the same array, longer, is counted again.
    const ledger = new Ledger(state.plan);
    const grown = { ...state, lines: ledger.lines };
    expect(postsOfState(grown, AS_OF)!.some((p) => p.chapter === 2650 && p.year === 2020 && !p.spent.isZero())).to.equal(false);
    ledger.addFile('statsregnskapet_aar_2020.csv', () => [readFileSync(DFO_2020)]);
    expect(spent(grown, '2020-12-31')).to.equal('3400000.00');
  });

  it('tells the appropriation history from a ledger by its header, in any encoding', () => {
    expect(isAppropriationsFile(readFileSync(HISTORY))).to.equal(true);
    expect(isAppropriationsFile(Buffer.from('\ufeff"År";"Post_id";"Bevilgning_beløp";"Bevilgning"\n', 'utf8'))).to.equal(true);
    expect(isAppropriationsFile(Buffer.from('ar;POST_ID;BEVILGNING_BELOP;bevilgning\r\n', 'latin1'))).to.equal(true);
    expect(isAppropriationsFile(readFileSync(DFO_2020))).to.equal(false);
    expect(isAppropriationsFile(Buffer.from('dato;bilag;virkemiddel;type;beløp\n', 'utf8'))).to.equal(false);
    expect(isAppropriationsFile(new Uint8Array())).to.equal(false);
  });
});
