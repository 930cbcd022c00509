import { expect } from 'chai';
import {
  appendEntries,
  carryOver,
  checkClosedLines,
  checkFrameChange,
  closeYear,
  compareVersions,
  confirmCondition,
  createVersion,
  deriveVersion,
  FIVE_PERCENT_RULE,
  forecastYear,
  frameKey,
  Money,
  parseShare,
  previewReallocation,
  reallocate,
  reconcile,
  reopenYear,
  setCarryOverRule,
  setFrameAmount,
  setStatus,
  verifyChain,
  withCarryOver,
  type CarryOverRule,
  type ChangeRecord,
  type ClosedYears,
  type PlanVersion,
} from '../../../engine/index.js';
import { day, ledgerLines, plan } from '../evaluation/evaluation-helpers.js';

const ctx = (why = 'test') => ({ who: 'Kari', at: '2025-05-12T09:00:00Z', why });
const appendix = createVersion(plan.frames, { id: 'vedlegg-2019', name: 'Vedlegget 2019', kind: 'appendix' }, ctx()).version;
const kr = (m: Money | null | undefined) => (m ? m.toFixed2() : null);

// Scenario: the May revision of 2025. Competence measures (70 mill.) have paid 60 mill. and committed 5 mill.
const lines2025 = ledgerLines(
  '01.03.2025;U1;kompetansetiltak;utbetaling;60 000 000,00;;2025',
  '01.04.2025;T1;kompetansetiltak;tilsagn;5 000 000,00;;2025',
  '01.03.2025;U2;ekspertbistand;utbetaling;10 000 000,00;;2025',
);
const rows2025 = reconcile(plan, lines2025, day('2025-05-12')).rows;

describe('plan versions', () => {
  it('derives a draft from any version and compares them frame by frame', () => {
    const rnb = deriveVersion(appendix, { id: 'rnb-2025', name: 'Revidert 2025', kind: 'budget_round' }, ctx()).version;
    expect([rnb.status, rnb.basedOn]).to.deep.equal(['draft', 'vedlegg-2019']);
    const changed = setFrameAmount(rnb, 'ekspertbistand:2025-2025', Money.of('55000000'), ctx('Økt etterspørsel'));
    if (!changed.ok) throw new Error(changed.message);
    const diff = compareVersions(appendix, changed.version).filter((d) => d.change !== 'unchanged');
    expect(diff.map((d) => [d.key, kr(d.before), kr(d.after), kr(d.difference), d.change])).to.deep.equal([
      ['ekspertbistand:2025-2025', '50000000.00', '55000000.00', '5000000.00', 'changed'],
    ]);
    expect(changed.change).to.include({
      action: 'frame_changed',
      before: '50000000.00',
      after: '55000000.00',
      why: 'Økt etterspørsel',
    });
  });

  it('moves draft → submitted → approved, and an approved version is read-only', () => {
    const submitted = setStatus(appendix, 'submitted', ctx());
    if (!submitted.ok) throw new Error(submitted.message);
    const approved = setStatus(submitted.version, 'approved', ctx());
    if (!approved.ok) throw new Error(approved.message);
    const refused = setFrameAmount(approved.version, 'ekspertbistand:2025-2025', Money.of('1'), ctx());
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.reason).to.equal('read_only');
    expect(setStatus(approved.version, 'draft', ctx()).ok).to.equal(false);
    expect(setStatus(appendix, 'approved', ctx()).ok).to.equal(false);
    // A change starts a new version.
    const next = deriveVersion(approved.version, { id: 'v2', name: 'Ny', kind: 'other' }, ctx()).version;
    expect(setFrameAmount(next, 'ekspertbistand:2025-2025', Money.of('1'), ctx()).ok).to.equal(true);
  });

  it('records the confirmation of the SKIL condition as a decision', () => {
    const result = confirmCondition(appendix, 'skil:2019-2021', ctx('I tråd med statsstøtteregelverket'));
    if (!result.ok) throw new Error(result.message);
    expect(result.version.frames.find((f) => frameKey(f) === 'skil:2019-2021')!.conditionConfirmed).to.equal(true);
    expect(result.change).to.include({ action: 'condition_confirmed', after: 'bekreftet', who: 'Kari' });
    expect(confirmCondition(appendix, 'ekspertbistand:2025-2025', ctx()).ok).to.equal(false);
  });
});

describe('reallocation', () => {
  it('moves 5 mill. from competence measures to expert assistance and keeps the year total at 271 mill.', () => {
    const result = reallocate(
      appendix,
      { year: 2025, from: 'kompetansetiltak', to: 'ekspertbistand', amount: Money.of('5000000') },
      rows2025,
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    expect(kr(result.preview.yearTotalBefore)).to.equal('271000000.00');
    expect(kr(result.preview.yearTotalAfter)).to.equal('271000000.00');
    const amount = (id: string) => kr(result.version.frames.find((f) => f.instrument === id && f.from === 2025)!.amount);
    expect([amount('kompetansetiltak'), amount('ekspertbistand')]).to.deep.equal(['65000000.00', '55000000.00']);
    expect([kr(result.preview.source!.remainingAfter), kr(result.preview.target!.remainingAfter)]).to.deep.equal([
      '0.00',
      '45000000.00',
    ]);
    expect(result.change.action).to.equal('reallocation');
  });

  it('refuses a move that takes the frame below spent + open commitments and shows what remains', () => {
    const preview = previewReallocation(
      appendix,
      { year: 2025, from: 'kompetansetiltak', to: 'ekspertbistand', amount: Money.of('5000000.01') },
      rows2025,
    );
    expect(preview.refusal).to.equal('below_spent');
    expect(kr(preview.source!.remainingBefore)).to.equal('5000000.00');
    expect(kr(preview.source!.remainingAfter)).to.equal('-0.01');
    expect(preview.notice).to.deep.include({ code: 'below_spent', instrument: 'kompetansetiltak', year: 2025 });
    expect(preview.message)
      .to.contain('Kompetansetiltak – forsøk 2025')
      .and.contain('ville blitt 64\u00a0999\u00a0999,99\u00a0kr')
      .and.contain('Høyst 5\u00a0000\u00a0000,00\u00a0kr');
    const result = reallocate(
      appendix,
      { year: 2025, from: 'kompetansetiltak', to: 'ekspertbistand', amount: Money.of('5000000.01') },
      rows2025,
      ctx(),
    );
    expect(result.ok).to.equal(false);
  });

  it('refuses a frame whose amount is not set, a closed year and an approved version', () => {
    const unset = previewReallocation(
      appendix,
      { year: 2025, from: 'ekspertbistand', to: 'fastlegeprosjekt', amount: Money.of('1') },
      rows2025,
    );
    expect(unset.refusal).to.equal('frame_not_set');
    const closed: ClosedYears = new Map([[2025, { year: 2025, closedAt: 'x', closedBy: 'y', lineKeys: [] }]]);
    expect(
      previewReallocation(
        appendix,
        { year: 2025, from: 'kompetansetiltak', to: 'ekspertbistand', amount: Money.of('1') },
        rows2025,
        closed,
      ).refusal,
    ).to.equal('year_closed');
    const approved: PlanVersion = { ...appendix, status: 'approved' };
    expect(
      previewReallocation(
        approved,
        { year: 2025, from: 'kompetansetiltak', to: 'ekspertbistand', amount: Money.of('1') },
        rows2025,
      ).refusal,
    ).to.equal('read_only');
  });
});

describe('carry-over', () => {
  // Scenario: in 2024 knowledge development (21 mill.) paid 15 mill.: 6 mill. left.
  const rows = reconcile(
    plan,
    ledgerLines(
      '01.06.2024;U1;kunnskapsutvikling;utbetaling;15 000 000,00;;2024',
      '01.06.2024;U2;ekspertbistand;utbetaling;52 000 000,00;;2024',
    ),
    day('2024-12-31'),
  ).rows;
  const row = (id: string, year: number) => rows.find((r) => r.instrument === id && r.from === year)!;

  it('carries nothing by default', () => {
    expect(kr(carryOver(row('kunnskapsutvikling', 2024))!.carried)).to.equal('0.00');
  });

  it('carries at most 5 % of the frame under the 5 % rule: 1 050 000 of the 6 000 000 left', () => {
    const c = carryOver(row('kunnskapsutvikling', 2024), FIVE_PERCENT_RULE)!;
    expect([kr(c.left), kr(c.carried), c.intoYear]).to.deep.equal(['6000000.00', '1050000.00', 2025]);
  });

  it('carries all of it under the all rule', () => {
    expect(kr(carryOver(row('kunnskapsutvikling', 2024), { kind: 'all', carryOverspend: false })!.carried)).to.equal(
      '6000000.00',
    );
  });

  it('carries an overspend as a negative amount only when chosen', () => {
    expect(kr(carryOver(row('ekspertbistand', 2024), FIVE_PERCENT_RULE)!.carried)).to.equal('0.00');
    expect(kr(carryOver(row('ekspertbistand', 2024), { kind: 'share', share: '0.05', carryOverspend: true })!.carried)).to.equal(
      '-2000000.00',
    );
  });

  it('shows carried amounts beside the frame of the next year, never inside it', () => {
    const rules = new Map<string, CarryOverRule>([['kunnskapsutvikling:2024-2024', FIVE_PERCENT_RULE]]);
    const next = withCarryOver(rows, rules).find((r) => r.row.instrument === 'kunnskapsutvikling' && r.row.from === 2025)!;
    expect([kr(next.row.frame), kr(next.carriedIn), kr(next.available), kr(next.remainingWithCarryOver)]).to.deep.equal([
      '21000000.00',
      '1050000.00',
      '22050000.00',
      '22050000.00',
    ]);
  });

  it('reads shares as people write them and logs a rule change', () => {
    expect([parseShare('5 %'), parseShare('0,05'), parseShare('0.05'), parseShare('120 %'), parseShare('fem')]).to.deep.equal([
      '0.05',
      '0.05',
      '0.05',
      null,
      null,
    ]);
    const { change } = setCarryOverRule(new Map(), 'kunnskapsutvikling:2024-2024', FIVE_PERCENT_RULE, ctx());
    expect([change.before, change.after]).to.deep.equal(['ingen overføring', 'inntil 5 % av rammen overføres']);
  });
});

describe('closing a year', () => {
  const before = ledgerLines('01.06.2024;U1;ekspertbistand;utbetaling;1 000,00;;2024');
  const closing = closeYear(new Map(), 2024, before, ctx('Vurderingen er vedtatt'));
  if (!closing.ok) throw new Error(closing.message);

  it('refuses a later ledger line for the closed year with year_closed, naming file, line and column', () => {
    const later = ledgerLines(
      '01.06.2024;U1;ekspertbistand;utbetaling;1 000,00;;2024',
      '20.01.2025;U9;ekspertbistand;utbetaling;500,00;;2024',
      '20.01.2025;U10;ekspertbistand;utbetaling;500,00;;2025',
    );
    const { accepted, problems } = checkClosedLines(closing.closed, later);
    expect(accepted.map((l) => l.voucher)).to.deep.equal(['U1', 'U10']);
    expect(problems.map((p) => [p.code, p.file, p.line, p.column, p.value])).to.deep.equal([
      ['year_closed', 'test.csv', 3, 'år', '2024'],
    ]);
  });

  it('refuses a frame change for a closed year', () => {
    const p = checkFrameChange(
      closing.closed,
      { instrument: 'ekspertbistand', from: 2024, to: 2024 },
      { file: 'plan.xlsx', sheet: 'Rammer', line: 60 },
    );
    expect(p).to.include({ code: 'year_closed', sheet: 'Rammer', line: 60, value: '2024' });
    expect(
      checkFrameChange(closing.closed, { instrument: 'ekspertbistand', from: 2025, to: 2025 }, { file: 'plan.xlsx', line: 61 }),
    ).to.equal(null);
  });

  it('reopens only with a reason, and both are recorded in a log that verifies', () => {
    expect(reopenYear(closing.closed, 2024, ctx('')).ok).to.equal(false);
    const reopened = reopenYear(closing.closed, 2024, ctx('Sen faktura fra Helse Nord'));
    if (!reopened.ok) throw new Error(reopened.message);
    expect(reopened.closed.has(2024)).to.equal(false);
    const log = appendEntries([], [closing.change, reopened.change] satisfies ChangeRecord[]);
    expect(log.map((e) => e.action)).to.deep.equal(['year_closed', 'year_reopened']);
    expect(verifyChain(log).ok).to.equal(true);
  });
});

describe('forecastYear', () => {
  // Scenario: 31 May 2025. Expert assistance paid 5 mill. a month Jan–Apr and 5 mill. in May;
  // competence measures paid 1 mill. in total.
  const lines = ledgerLines(
    '15.01.2025;E1;ekspertbistand;utbetaling;5 000 000,00;;2025',
    '15.02.2025;E2;ekspertbistand;utbetaling;5 000 000,00;;2025',
    '15.03.2025;E3;ekspertbistand;utbetaling;5 000 000,00;;2025',
    '15.04.2025;E4;ekspertbistand;utbetaling;5 000 000,00;;2025',
    '15.05.2025;E5;ekspertbistand;utbetaling;5 000 000,00;;2025',
    '15.02.2025;K1;kompetansetiltak;utbetaling;1 000 000,00;;2025',
    '01.06.2025;E6;ekspertbistand;utbetaling;9 000 000,00;;2025',
  );
  const rows = forecastYear(plan, lines, 2025, day('2025-05-31'));
  const row = (id: string) => rows.find((r) => r.instrument === id)!;

  it('projects 5 mill. a month to 60 mill., over the 50 mill. frame: an early warning', () => {
    const e = row('ekspertbistand');
    expect([e.monthsCompleted, kr(e.spentToDate), kr(e.runRate), kr(e.projected), e.projectedUtilisation]).to.deep.equal([
      5,
      '25000000.00',
      '5000000.00',
      '60000000.00',
      '1.2000',
    ]);
    expect(e.warnings).to.deep.equal(['over_frame']);
  });

  it('warns when the projection falls far below the frame (2.4 mill. of 70 mill.)', () => {
    const k = row('kompetansetiltak');
    expect([kr(k.projected), k.warnings]).to.deep.equal(['2400000.00', ['far_below']]);
  });

  it('uses only completed months: on 15 May the run-rate is Jan–Apr, and the threshold is settable', () => {
    const mid = forecastYear(plan, lines, 2025, day('2025-05-15'), { farBelowShare: '0.99' });
    const e = mid.find((r) => r.instrument === 'ekspertbistand')!;
    expect([e.monthsCompleted, kr(e.runRate), kr(e.projected)]).to.deep.equal([4, '5000000.00', '60000000.00']);
    expect(mid.find((r) => r.instrument === 'kompetansetiltak')!.warnings).to.deep.equal([]);
  });

  it('gives no projection and no warning before a month is complete', () => {
    const early = forecastYear(plan, lines, 2025, day('2025-01-20')).find((r) => r.instrument === 'ekspertbistand')!;
    expect([early.runRate, early.projected, early.warnings]).to.deep.equal([null, null, []]);
  });
});
