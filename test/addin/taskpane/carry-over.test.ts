/** The task pane's carry-over check: the engine's rule, what the next year receives, and a closed year refusing. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  closedYearRecord,
  closeYear,
  EMPTY_GOVERNANCE,
  embeddedPlan,
  FIVE_PERCENT_RULE,
  Ledger,
  NO_CARRY_OVER,
  NO_CLOSED_YEARS,
  reconcile,
  verifyChain,
  type IsoDate,
  type PlanningState,
} from '../../../engine/index.js';
import { carryOverRuleOf, checkCarryOver } from '../../../addin/taskpane/governance.js';

const context = { who: 'Kari Nordmann', at: '2025-01-15T09:00', why: 'Statens 5 %-regel' };
const plan = embeddedPlan();
// 30 000 000 kr of ekspertbistand's 50 000 000 kr frame for 2024 is spent: 20 000 000 kr is left.
const file = path.join(process.cwd(), 'test', 'fixtures', 'e2e', 'forbruk-2024-ekspertbistand.csv');
const ledger = new Ledger(plan);
ledger.addFile('forbruk-2024-ekspertbistand.csv', () => [readFileSync(file)]);
const lines = ledger.lines;
const rows = reconcile(plan, lines, '2025-01-15' as IsoDate).rows;
const state: PlanningState = { plan, governance: EMPTY_GOVERNANCE, lines, log: [] };
const ekspertbistand2024 = { instrument: 'ekspertbistand', year: 2024 };

function closing(year: number): PlanningState {
  const closed = closeYear(NO_CLOSED_YEARS, year, lines, context);
  if (!closed.ok) throw new Error(closed.message);
  const record = closedYearRecord(closed.closed.get(year)!, plan.frames);
  return { ...state, governance: { ...EMPTY_GOVERNANCE, closedYears: [record] } };
}

describe('the task pane carry-over check', function () {
  it('reads the rule of the form: a share in percent or as a Norwegian decimal, or none', function () {
    expect(lines).to.have.length(2);
    expect(carryOverRuleOf('share', '5 %', false)).to.deep.equal(FIVE_PERCENT_RULE);
    expect(carryOverRuleOf('share', '0,05', false)).to.deep.equal(FIVE_PERCENT_RULE);
    expect(carryOverRuleOf('share', 'fem', false)).to.equal(null);
    expect(carryOverRuleOf('share', '120 %', false)).to.equal(null);
    expect(carryOverRuleOf('all', '', true)).to.deep.equal({ kind: 'all', carryOverspend: true });
    expect(carryOverRuleOf('none', 'fem', true)).to.equal(NO_CARRY_OVER);
  });

  it('carries up to 5 % of the 2024 frame into 2025 (2 500 000 kr of the 20 000 000 kr left), logged in the chain', function () {
    const check = checkCarryOver(state, { ...ekspertbistand2024, rule: FIVE_PERCENT_RULE }, rows, context, 'nb');
    if (!check.ok) throw new Error(check.message);
    expect(check.intoYear).to.equal(2025);
    expect(check.carriedIn?.toFixed2()).to.equal('2500000.00');
    expect(check.message).to.equal('Overføringsregelen for ekspertbistand:2024-2024 er nå: inntil 5 % av rammen overføres.');
    expect([...check.state.governance.carryOver.keys()]).to.deep.equal(['ekspertbistand:2024-2024']);
    expect(check.state.log.map((e) => [e.action, e.who, e.before, e.after])).to.deep.equal([
      ['carry_over_rule', 'Kari Nordmann', 'ingen overføring', 'inntil 5 % av rammen overføres'],
    ]);
    expect(verifyChain(check.state.log).ok).to.equal(true);
    expect(state.governance.carryOver.size).to.equal(0);
  });

  it('carries all 20 000 000 kr with the rule alt', function () {
    const rule = carryOverRuleOf('all', '', false)!;
    const check = checkCarryOver(state, { ...ekspertbistand2024, rule }, rows, context, 'en');
    expect(check.ok && check.carriedIn?.toFixed2()).to.equal('20000000.00');
  });

  it('refuses a frame of a closed year, and one carrying into a closed year, with the engine reason', function () {
    const closed2024 = checkCarryOver(closing(2024), { ...ekspertbistand2024, rule: FIVE_PERCENT_RULE }, rows, context, 'nb');
    expect(closed2024.ok).to.equal(false);
    expect(closed2024.ok ? '' : closed2024.message).to.include('2024');
    const into2025 = checkCarryOver(closing(2025), { ...ekspertbistand2024, rule: FIVE_PERCENT_RULE }, rows, context, 'nb');
    expect(into2025.ok ? '' : into2025.message).to.equal(
      'Planleggingsarbeidsbok, ark Rammer, kolonne Overføring: Året er avsluttet. Verdien «2025». Forventet: et år som ikke er avsluttet. ' +
        'Rammen ekspertbistand:2024-2024 overfører til 2025, som er avsluttet. Gjenåpne året (det føres i loggen) for å endre regelen.',
    );
  });
});
