/**
 * Scenario (issue 11, CONTRACTS §8): a finance officer adds a mapping rule in the task pane — the
 * pane sends the texts as typed, the engine reads them as it reads a `Konteringsregler` row (the
 * same parse, the same share check, problems naming the new row), places the unallocated lines
 * again, and logs the rule in words; a closed year's money stays as it was closed.
 */
import { expect } from 'chai';
import {
  addMappingRule,
  KONTERINGSREGLER,
  RULE_COLUMNS,
  closeYearInState,
  embeddedState,
  planningTables,
  readingOfTables,
  reconcileState,
  rulesOf,
  tablesAfterWrite,
  verifyChain,
  type PlanningState,
} from '../../../engine/index.js';
import { AS_OF, spentOf, unplacedState } from './unplaced-fixture.js';

const context = { who: 'Kari Nordmann', at: '2025-03-01T09:00:00+01:00', why: 'Avtalt med NAV' };
const FILE = 'plan.xlsx';

const unallocated = (state: PlanningState) => reconcileState(state, AS_OF).unallocated.map((u) => [u.year, u.amount.toFixed2()]);
/** The new rule's row: after the embedded rules (header on row 1). */
const NEW_ROW = 2 + rulesOf(embeddedState().plan).length;

describe('adding a mapping rule in a host (addMappingRule)', () => {
  it('a rule for 2650.76 in 2025 alone places that year on one instrument, to the øre; 2024 stays unallocated; the log says the rule in words', () => {
    const before = unplacedState();
    const typed = { Kapittel: '2650', Post: '76', 'Fra år': '2025', 'Til år': '2025', Virkemiddel: 'ekspertbistand' };
    const result = addMappingRule(before, typed, context, FILE);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const after = result.state;
    expect(unallocated(after)).to.deep.equal([[2024, '1000.01']]);
    expect(spentOf(after, 'ekspertbistand', 2025)).to.equal('100.05');
    expect(spentOf(after, 'kompetansetiltak', 2025)).to.equal('0.00');
    const rule = rulesOf(after.plan).at(-1)!;
    expect([rule.row, rule.chapter, rule.post, rule.fromYear, rule.toYear, rule.instrument, rule.share.kind]).to.deep.equal([
      NEW_ROW,
      2650,
      76,
      2025,
      2025,
      'ekspertbistand',
      'all',
    ]);
    const entry = after.log.at(-1)!;
    expect([entry.action, entry.who, entry.target, entry.before, entry.after, entry.why]).to.deep.equal([
      'rules_changed',
      'Kari Nordmann',
      '2650.76, 2025–2025',
      '',
      '2650.76, 2025–2025: Nytt tilskudd til ekspertbistand',
      'Avtalt med NAV',
    ]);
    expect(verifyChain(after.log).ok).to.equal(true);
    // Written and read back: the rule is in Konteringsregler, the lines stay placed.
    const tables = tablesAfterWrite(new Map(), planningTables(after, { asOf: AS_OF, lang: 'nb' }));
    const back = readingOfTables(tables, FILE, 'nb')!;
    expect(back.problems).to.deep.equal([]);
    expect(rulesOf(back.state!.plan).length).to.equal(rulesOf(after.plan).length);
    expect(spentOf(back.state!, 'ekspertbistand', 2025)).to.equal('100.05');
  });

  it('refuses what reading the table would refuse, naming the new row and column; and a rule with no condition', () => {
    const state = unplacedState();
    const problems = (typed: Record<string, string>) => {
      const r = addMappingRule(state, typed, context, FILE);
      return r.ok ? [] : r.problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value]);
    };
    expect(problems({ Konto: '8 7', Virkemiddel: 'bransjeprogrammer' })).to.deep.equal([
      ['bad_account', 'Poster', NEW_ROW, 'Konto', '8 7'],
    ]);
    expect(problems({ Kapittel: '601', Post: '70', Virkemiddel: 'ukjent' })).to.deep.equal([
      ['unknown_instrument', 'Poster', NEW_ROW, 'Virkemiddel', 'ukjent'],
    ]);
    expect(problems({ 'Fra år': '2025', Virkemiddel: 'skil' })).to.deep.equal([
      ['rule_without_condition', 'Poster', NEW_ROW, null, null],
    ]);
    // A third rule with 2650.76's conditions joins its split: 60 % beside ? and ? cannot add up.
    const [code, , line, column, value] = problems({ Kapittel: '2650', Post: '76', Virkemiddel: 'skil', Andel: '60 %' })[0]!;
    expect([code, line, column, value]).to.deep.equal(['rule_shares', 4, 'Andel', '0,6 + ?']);
  });

  it('keeps a closed year as it was closed: the rule starts after it, and a rule only for it is refused', () => {
    const closed = closeYearInState(unplacedState(), 2024, context, FILE);
    if (!closed.ok) throw new Error(closed.problems[0]!.message);
    const result = addMappingRule(
      closed.state,
      { Kapittel: '2650', Post: '76', 'Til år': '2028', Virkemiddel: 'kompetansetiltak' },
      context,
      FILE,
    );
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(rulesOf(result.state.plan).at(-1)!.fromYear).to.equal(2025);
    expect(unallocated(result.state)).to.deep.equal([[2024, '1000.01']]);
    expect(spentOf(result.state, 'kompetansetiltak', 2025)).to.equal('100.05');
    const refused = addMappingRule(
      closed.state,
      { Kapittel: '2650', Post: '76', 'Til år': '2024', Virkemiddel: 'kompetansetiltak' },
      context,
      FILE,
    );
    expect(refused.ok ? [] : refused.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['year_closed', NEW_ROW, 'Til år', '2024'],
    ]);
  });
  it('types a rule in exactly the columns of Konteringsregler', () => {
    expect([...RULE_COLUMNS]).to.deep.equal(KONTERINGSREGLER.columns.map((c) => c.name));
  });
});
