/**
 * Scenario (issue 11, CONTRACTS §8): a finance officer sees 2650.76's money unplaced in the task
 * pane (its shares are `?`), types 60 % and 40 %, and the money lands on the two instruments to the
 * øre; the shares are written where reading the workbook finds them again (Konteringsregler), the
 * change is in the log, and what reading the table would refuse is refused here the same way.
 */
import { expect } from 'chai';
import {
  closeYearInState,
  planningTables,
  readingOfTables,
  reconcileState,
  rulesOf,
  ruleShareText,
  setSplitShares,
  verifyChain,
  type TableRead,
} from '../../../engine/index.js';
import { AS_OF, spentOf, unplacedState } from './unplaced-fixture.js';

const context = { who: 'Kari Nordmann', at: '2025-03-01T09:00:00+01:00', why: 'Fordeling avtalt med NAV' };
const FILE = 'plan.xlsx';

const shares = (a: string, b: string) => [
  { instrument: 'ekspertbistand' as never, text: a },
  { instrument: 'kompetansetiltak' as never, text: b },
];

describe('typing the shares of a split in a host (setSplitShares)', () => {
  it('60 % and 40 % place 2025 exactly: each part but the last rounded half-up to the øre, the last the rest', () => {
    const before = unplacedState();
    expect(reconcileState(before, AS_OF).unallocated.map((u) => [u.year, u.amount.toFixed2()])).to.deep.equal([
      [2024, '1000.01'],
      [2025, '100.05'],
    ]);
    const result = setSplitShares(before, { chapter: 2650, post: 76, year: 2025 }, shares('60 %', '0,4'), context, FILE);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(reconcileState(result.state, AS_OF).unallocated).to.deep.equal([]);
    // 100,00 → 60,00 + 40,00; 0,05 → 0,03 (0,030 half-up) + 0,02 (the rest).
    expect(spentOf(result.state, 'ekspertbistand', 2025)).to.equal('60.03');
    expect(spentOf(result.state, 'kompetansetiltak', 2025)).to.equal('40.02');
    // 1 000,01 → 600,01 (600,006 half-up) + 400,00.
    expect(spentOf(result.state, 'ekspertbistand', 2024)).to.equal('600.01');
    expect(spentOf(result.state, 'kompetansetiltak', 2024)).to.equal('400.00');
    const split = rulesOf(result.state.plan).filter((r) => r.chapter === 2650);
    expect(split.map((r) => [r.row, r.instrument, ruleShareText(r.share), r.fromYear])).to.deep.equal([
      [4, 'ekspertbistand', '0,6', null],
      [5, 'kompetansetiltak', '0,4', null],
    ]);
  });

  it('writes the shares into Konteringsregler, where reading the workbook finds the same rules; the change is logged with the post and both splits', () => {
    const result = setSplitShares(
      unplacedState(),
      { chapter: 2650, post: 76, year: 2025 },
      shares('60 %', '40 %'),
      context,
      FILE,
    );
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const tables = planningTables(result.state, { asOf: AS_OF, lang: 'nb' });
    const regler = tables.find((t) => t.spec.table === 'Konteringsregler')!;
    const andel = regler.spec.columns.findIndex((c) => c.name === 'Andel');
    expect(regler.rows.map((r) => r[andel])).to.deep.equal([null, null, '0,6', '0,4']);
    const read = new Map<string, TableRead | null>(
      tables.map((t) => [
        t.spec.table.toLowerCase(),
        {
          sheet: t.spec.sheet,
          table: t.spec.table,
          header: t.spec.columns.map((c) => c.name),
          rows: t.rows,
          firstRow: t.spec.origin.row + 1,
          firstColumn: t.spec.origin.column,
        } as TableRead,
      ]),
    );
    const reading = readingOfTables(read, FILE, 'nb')!;
    expect(reading.problems).to.deep.equal([]);
    expect(rulesOf(reading.state!.plan).map((r) => [r.row, r.instrument, ruleShareText(r.share)])).to.deep.equal(
      rulesOf(result.state.plan).map((r) => [r.row, r.instrument, ruleShareText(r.share)]),
    );
    const entry = result.state.log[result.state.log.length - 1]!;
    expect([entry.action, entry.target, entry.before, entry.after, entry.who, entry.why]).to.deep.equal([
      'rules_changed',
      '2650.76',
      'Nytt tilskudd til ekspertbistand ?, Kompetansetiltak – forsøk ?',
      'Nytt tilskudd til ekspertbistand 0,6, Kompetansetiltak – forsøk 0,4',
      'Kari Nordmann',
      'Fordeling avtalt med NAV',
    ]);
    expect(verifyChain(result.state.log).ok).to.equal(true);
  });

  it('refuses, changing nothing, shares that do not add up, a share it cannot read, an instrument not in the split, a post without a split', () => {
    const state = unplacedState();
    const target = { chapter: 2650, post: 76, year: 2025 };
    const sum = setSplitShares(state, target, shares('60 %', '30 %'), context, FILE);
    expect(sum.ok ? [] : sum.problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value])).to.deep.equal([
      ['rule_shares', 'Poster', 4, 'Andel', '0,9'],
    ]);
    const half = setSplitShares(state, target, shares('60 %', '?'), context, FILE);
    expect(half.ok ? [] : half.problems.map((p) => [p.code, p.value])).to.deep.equal([['rule_shares', '0,6 + ?']]);
    const bad = setSplitShares(state, target, shares('60 %', 'førti'), context, FILE);
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['bad_rule_share', 5, 'Andel', 'førti'],
    ]);
    const other = setSplitShares(state, target, [{ instrument: 'skil' as never, text: '1' }], context, FILE);
    expect(other.ok ? [] : other.problems.map((p) => [p.code, p.column, p.value])).to.deep.equal([
      ['unknown_instrument', 'Virkemiddel', 'skil'],
    ]);
    const none = setSplitShares(state, { chapter: 601, post: 70, year: 2025 }, shares('1', '1'), context, FILE);
    expect(none.ok ? [] : none.problems.map((p) => [p.code, p.value])).to.deep.equal([['no_split', '601.70 2025']]);
    expect(none.ok ? '' : none.problems[0]!.message).to.equal(
      'plan.xlsx, ark Poster: Posten har ingen fordeling å sette andeler for. Verdien «601.70 2025». ' +
        'Forventet: en post og et år der reglene i Konteringsregler fordeler beløpet på flere virkemidler (kapittel, post og eventuelt år, uten andre vilkår).',
    );
  });

  it('a closed year stays as it was closed: the shares hold from the year after it, and typing them for the closed year is refused', () => {
    const closed = closeYearInState(unplacedState(), 2024, context, FILE);
    if (!closed.ok) throw new Error('not closed');
    const refused = setSplitShares(closed.state, { chapter: 2650, post: 76, year: 2024 }, shares('60 %', '40 %'), context, FILE);
    expect(refused.ok ? [] : refused.problems.map((p) => [p.code, p.value])).to.deep.equal([['year_closed', '2024']]);
    const result = setSplitShares(closed.state, { chapter: 2650, post: 76, year: 2025 }, shares('60 %', '40 %'), context, FILE);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const split = rulesOf(result.state.plan).filter((r) => r.chapter === 2650);
    expect(split.map((r) => [r.row, r.instrument, ruleShareText(r.share), r.fromYear, r.toYear])).to.deep.equal([
      [4, 'ekspertbistand', '?', null, 2024],
      [5, 'kompetansetiltak', '?', null, 2024],
      [6, 'ekspertbistand', '0,6', 2025, null],
      [7, 'kompetansetiltak', '0,4', 2025, null],
    ]);
    const after = reconcileState(result.state, AS_OF);
    expect(after.unallocated.map((u) => [u.year, u.amount.toFixed2()])).to.deep.equal([[2024, '1000.01']]);
    expect(spentOf(result.state, 'ekspertbistand', 2025)).to.equal('60.03');
  });
});
