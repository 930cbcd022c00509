/** The task pane's governance state: versions, reallocation, a confirmed condition and closed years, each logged in one chain. */
import { expect } from 'chai';
import { embeddedPlan, frameTotalsByYear, Money, reconcile, verifyChain, type IsoDate } from '../../../engine/index.js';
import { Governance, versionIdOf } from '../../../addin/taskpane/governance.js';

const context = { who: 'Kari Nordmann', at: '2025-05-12T10:15', why: 'Revidert nasjonalbudsjett' };
const plan = embeddedPlan();
const rows = reconcile(plan, [], '2025-05-12' as IsoDate).rows;

describe('the task pane governance state', function () {
  it('makes version ids from names, unique among the ids taken', function () {
    expect(versionIdOf('Revidert nasjonalbudsjett 2025', [])).to.equal('revidert-nasjonalbudsjett-2025');
    expect(versionIdOf('Ny saldering', ['ny-saldering'])).to.equal('ny-saldering-2');
    expect(versionIdOf('Økt ramme', [])).to.equal('okt-ramme');
    expect(versionIdOf('!!!', [])).to.equal('versjon');
  });

  it('moves money within 2025 in a new draft and keeps the year total at 271 000 000 kr', function () {
    const g = new Governance(plan.frames, 'Innebygd plan');
    expect(g.derive(g.activeId, 'RNB 2025', 'budget_round', context)).to.deep.equal({ ok: true });
    expect(g.activeId).to.equal('rnb-2025');
    const move = { year: 2025, from: 'ekspertbistand', to: 'kompetansetiltak', amount: Money.of('10000000') };
    expect(g.reallocate(move, rows, context)).to.deep.equal({ ok: true });
    expect(frameTotalsByYear(g.active.frames).get(2025)!.toFixed2()).to.equal('271000000.00');
    expect(g.compare('plan', 'rnb-2025').filter((d) => d.change === 'changed')).to.have.length(2);
    expect(g.entries.map((e) => e.action)).to.deep.equal(['version_created', 'reallocation']);
    expect(verifyChain(g.entries).ok).to.equal(true);
  });

  it('refuses a change to an approved version with the engine reason and logs nothing', function () {
    const g = new Governance(plan.frames, 'Innebygd plan');
    g.setStatus(g.activeId, 'submitted', context);
    g.setStatus(g.activeId, 'approved', context);
    const outcome = g.confirm('skil:2019-2021', context);
    expect(outcome.ok).to.equal(false);
    expect(outcome.ok ? '' : outcome.message).to.include('er godkjent og kan ikke endres');
    expect(g.entries).to.have.length(2);
  });

  it('closes a year and reopens it only with a reason', function () {
    const g = new Governance(plan.frames, 'Innebygd plan');
    expect(g.close(2024, [], context)).to.deep.equal({ ok: true });
    expect(g.closed.has(2024)).to.equal(true);
    expect(g.reopen(2024, { ...context, why: ' ' }).ok).to.equal(false);
    expect(g.reopen(2024, context)).to.deep.equal({ ok: true });
    expect(g.entries.map((e) => e.action)).to.deep.equal(['year_closed', 'year_reopened']);
  });
});
