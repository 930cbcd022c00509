// Governance refusals and results on the planning state are codes with values; the words come
// from the catalogue, name instruments as the plan names them and point at the frame's row in Rammer.
import { expect } from 'chai';
import {
  closeYearInState,
  confirmConditionInState,
  EMPTY_GOVERNANCE,
  embeddedPlan,
  Ledger,
  MemoryWorkbookPort,
  Money,
  newVersionInState,
  planningTables,
  readPlanningFromPort,
  reallocateInState,
  reconcile,
  reopenYearInState,
  setCarryOverInState,
  setVersionStatusInState,
  type GovernanceResult,
  type IsoDate,
  type Plan,
  type PlanningState,
  type Problem,
} from '../../../engine/index.js';

// Scenario: 2024. Expert assistance (called «Ekspertbistand» in this plan) has paid 40 million of its
// 50 million frame, so 10 million remain; competence measures have paid nothing.
const LEDGER = `dato;bilag;virkemiddel;type;beløp;år
01.03.2024;U-1;ekspertbistand;utbetaling;40 000 000,00;2024
`;
const CTX = { who: 'kari', at: '2025-02-01T09:00:00Z', why: 'RNB 2024' };

function planWithShortNames(): Plan {
  const plan = embeddedPlan();
  const instruments = plan.instruments.map((i) =>
    i.id === 'ekspertbistand' ? { ...i, name: 'Ekspertbistand', nameEn: 'Expert assistance' } : i,
  );
  return { ...plan, instruments };
}

function stateOf(csv = LEDGER): PlanningState {
  const plan = planWithShortNames();
  const ledger = new Ledger(plan);
  ledger.addText('forbruk.csv', csv);
  return { plan, governance: EMPTY_GOVERNANCE, lines: ledger.lines, log: [] };
}

/** The state with where each of its frames stands in Rammer once written to a workbook and read back. */
async function readBack(state: PlanningState) {
  const port = new MemoryWorkbookPort();
  await port.writeTables(planningTables(state, { asOf: '2025-12-31' as IsoDate, lang: 'nb' }));
  const reading = await readPlanningFromPort(port, 'plan.xlsx');
  expect(reading.problems).to.deep.equal([]);
  return { state, frameRows: reading.rows.frameRows };
}

const kr = (digits: string) => `${digits.replace(/ /g, '\u00a0')}\u00a0kr`;
const refusal = (result: GovernanceResult): Problem => {
  if (result.ok) throw new Error(`not refused: ${result.message}`);
  expect(result.problems).to.have.length(1);
  return result.problems[0]!;
};
const placed = (p: Problem) => [p.code, p.sheet, p.line, p.column, p.value];

describe('governance refusals on the planning state', () => {
  const state = stateOf();
  const rows = reconcile(state.plan, state.lines, '2025-12-31' as IsoDate).rows;
  const move = (amount: string) => ({ year: 2024, from: 'ekspertbistand', to: 'kompetansetiltak', amount: Money.of(amount) });

  it('refuses a reallocation below spent with its values, the source frame’s row and the plan’s name', async () => {
    const { state: read, frameRows } = await readBack(state);
    const p = refusal(reallocateInState(read, move('12000000'), rows, CTX, 'plan.xlsx', 'nb', frameRows));
    const row = frameRows.get('ekspertbistand:2024-2024')!;
    expect(placed(p)).to.deep.equal(['reallocation_refused', 'Rammer', row, 'Beløp', '12000000.00']);
    expect(p.reason).to.deep.equal({
      code: 'below_spent',
      instrument: 'ekspertbistand',
      year: 2024,
      amount: Money.of('12000000'),
      frameAfter: Money.of('38000000'),
      spent: Money.of('40000000'),
      openCommitments: Money.zero,
      remaining: Money.of('10000000'),
    });
    expect(p.message).to.equal(
      `plan.xlsx, ark Rammer, rad ${row}, kolonne Beløp: Omdisponeringen avvises. Rammen for Ekspertbistand 2024 ville blitt ` +
        `${kr('38 000 000,00')}, under det som er utbetalt (${kr('40 000 000,00')}) og bundet i åpne tilsagn (${kr('0,00')}). ` +
        `Gjenstår: ${kr('10 000 000,00')}. Høyst ${kr('10 000 000,00')} kan flyttes.`,
    );
  });

  it('says the refusal in English with the English name and NOK amounts', () => {
    const p = refusal(reallocateInState(state, move('12000000'), rows, CTX, 'plan.xlsx', 'en'));
    expect(p.message)
      .to.contain('plan.xlsx, sheet Rammer, column Beløp: The reallocation is refused.')
      .and.contain('The frame of Expert assistance 2024 would become NOK 38,000,000.00')
      .and.contain('At most NOK 10,000,000.00 can be moved.');
  });

  it('gives each other reallocation refusal as change_refused with its code and values', () => {
    const reasons = [
      move('0'),
      { ...move('1'), to: 'ekspertbistand' },
      { ...move('1'), year: 2025, to: 'fastlegeprosjekt' },
      { ...move('1'), to: 'skil' },
    ].map((m) => refusal(reallocateInState(state, m, rows, CTX, 'plan.xlsx')));
    expect(reasons.map((p) => [p.code, p.reason])).to.deep.equal([
      ['change_refused', { code: 'not_positive', amount: Money.zero }],
      ['change_refused', { code: 'same_instrument', instrument: 'ekspertbistand' }],
      ['change_refused', { code: 'frame_not_set', instrument: 'fastlegeprosjekt', year: 2025 }],
      ['change_refused', { code: 'no_annual_frame', instrument: 'skil', year: 2024 }],
    ]);
  });

  it('reports a reallocation made as a result with its values, in words from the catalogue', () => {
    const result = reallocateInState(state, move('10000000'), rows, CTX, 'plan.xlsx');
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.outcome).to.deep.include({ code: 'reallocated', year: 2024, from: 'ekspertbistand', to: 'kompetansetiltak' });
    expect(result.message).to.equal(
      `${kr('10 000 000,00')} flyttes fra Ekspertbistand til Kompetansetiltak – forsøk i 2024. ` +
        `Gjenstår etterpå: Ekspertbistand ${kr('0,00')}, Kompetansetiltak – forsøk ${kr('80 000 000,00')}.`,
    );
  });

  it('refuses closing a closed year and reopening an open one or without a reason, in both languages', () => {
    const closed = closeYearInState(state, 2024, CTX, 'plan.xlsx', 'en');
    if (!closed.ok) throw new Error('not closed');
    expect([closed.outcome, closed.message]).to.deep.equal([
      { code: 'year_closed', year: 2024, lines: 1 },
      '2024 is closed with 1 ledger lines; later lines and frame changes for the year are refused.',
    ]);
    const again = refusal(closeYearInState(closed.state, 2024, CTX, 'plan.xlsx', 'en'));
    expect([...placed(again), again.reason]).to.deep.equal([
      'change_refused',
      'Styring',
      null,
      'År',
      '2024',
      { code: 'already_closed', year: 2024 },
    ]);
    expect(again.message).to.equal('plan.xlsx, sheet Styring, column År: The change is refused. 2024 is already closed.');
    expect(refusal(reopenYearInState(state, 2024, CTX, 'plan.xlsx')).reason).to.deep.equal({ code: 'not_closed', year: 2024 });
    const noReason = refusal(reopenYearInState(closed.state, 2024, { ...CTX, why: ' ' }, 'plan.xlsx'));
    expect(noReason.reason).to.deep.equal({ code: 'reopen_needs_reason', year: 2024 });
    expect(noReason.message).to.contain('Oppgi en begrunnelse for å gjenåpne 2024.');
  });

  it('refuses to confirm a condition a frame does not have, naming the frame’s row and the frame in words', async () => {
    const { state: read, frameRows } = await readBack(state);
    const p = refusal(confirmConditionInState(read, 'ekspertbistand', 2024, CTX, 'plan.xlsx', 'nb', frameRows));
    const row = frameRows.get('ekspertbistand:2024-2024')!;
    expect([...placed(p), p.reason]).to.deep.equal([
      'change_refused',
      'Rammer',
      row,
      'Bekreftet',
      'ekspertbistand:2024-2024',
      { code: 'no_condition', frame: { instrument: 'ekspertbistand', from: 2024, to: 2024 } },
    ]);
    expect(p.message).to.contain('Rammen for Ekspertbistand 2024 har ingen betingelse å bekrefte.').and.not.contain(':2024-2024');
    const none = refusal(confirmConditionInState(read, 'skil', 2020, CTX, 'plan.xlsx', 'en', frameRows));
    expect(none.reason).to.deep.equal({ code: 'no_frame_starting', instrument: 'skil', from: 2020 });
    expect(none.message).to.contain('The plan has no frame of Course module development and trial (SKIL) starting in 2020.');
    const done = confirmConditionInState(read, 'skil', 2019, CTX, 'plan.xlsx', 'nb', frameRows);
    expect(done.ok ? done.message : null).to.equal(
      'Betingelsen for Utvikling kursmodul og utprøving (SKIL) 2019–2021 er bekreftet.',
    );
  });

  it('refuses a carry-over rule into a closed year at the frame’s row, column Overføring', async () => {
    const closed = closeYearInState(state, 2025, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error('not closed');
    const { state: read, frameRows } = await readBack(closed.state);
    const rule = { kind: 'all', carryOverspend: false } as const;
    const target = { instrument: 'ekspertbistand', from: 2024 };
    const p = refusal(setCarryOverInState(read, target, rule, CTX, 'plan.xlsx', 'nb', frameRows));
    expect([...placed(p), p.reason]).to.deep.equal([
      'year_closed',
      'Rammer',
      frameRows.get('ekspertbistand:2024-2024')!,
      'Overføring',
      '2025',
      { code: 'carries_into_closed_year', frame: { instrument: 'ekspertbistand', from: 2024, to: 2024 }, year: 2025 },
    ]);
    const inClosed = refusal(setCarryOverInState(read, { instrument: 'ekspertbistand', from: 2025 }, rule, CTX, 'plan.xlsx'));
    expect([inClosed.code, inClosed.column, inClosed.reason?.code]).to.deep.equal([
      'year_closed',
      'Overføring',
      'frame_in_closed_year',
    ]);
    expect(inClosed.message).to.contain('kolonne Overføring').and.contain('Rammen for Ekspertbistand 2025 gjelder 2025');
    const set = setCarryOverInState(read, { instrument: 'ekspertbistand', from: 2023 }, rule, CTX, 'plan.xlsx', 'en');
    expect(set.ok ? set.message : null).to.equal(
      'The carry-over rule of Expert assistance 2023 is now: all that is unspent is carried over.',
    );
  });

  it('refuses version changes with their codes: unknown, already there, approved', () => {
    const unknown = refusal(setVersionStatusInState(state, 'finnes-ikke', 'submitted', CTX, 'plan.xlsx'));
    // A workbook without Versjoner rows has one version, the implicit draft: named as the user types it.
    expect(unknown.reason).to.deep.equal({
      code: 'unknown_version',
      id: 'finnes-ikke',
      known: [{ id: 'plan', name: 'Arbeidsplan' }],
    });
    expect(unknown.message).to.contain('Versjoner: plan («Arbeidsplan»).').and.not.contain('ingen (lag en');
    const unknownEn = refusal(setVersionStatusInState(state, 'finnes-ikke', 'submitted', CTX, 'plan.xlsx', 'en'));
    expect(unknownEn.message).to.contain('Versions: plan (“Arbeidsplan”).');
    const made = newVersionInState(state, { name: 'Revidert 2025', kind: 'budget_round', id: 'rnb-2025' }, CTX, 'plan.xlsx');
    if (!made.ok) throw new Error(made.problems[0]!.message);
    expect(made.message).to.equal(
      'Versjonen «Revidert 2025» (rnb-2025) er laget fra «Arbeidsplan» (plan) og er nå versjonen i Rammer.',
    );
    const unknownAfter = refusal(setVersionStatusInState(made.state, 'x', 'submitted', CTX, 'plan.xlsx'));
    expect(unknownAfter.message).to.contain('Versjoner: plan («Arbeidsplan»), rnb-2025 («Revidert 2025»).');
    const twice = refusal(newVersionInState(made.state, { name: 'x', kind: 'other', id: 'rnb-2025' }, CTX, 'plan.xlsx'));
    expect(twice.reason).to.deep.equal({ code: 'version_exists', id: 'rnb-2025' });
    const submitted = setVersionStatusInState(made.state, 'rnb-2025', 'submitted', CTX, 'plan.xlsx', 'en');
    if (!submitted.ok) throw new Error(submitted.problems[0]!.message);
    expect(submitted.outcome).to.deep.equal({
      code: 'version_status_set',
      version: { id: 'rnb-2025', name: 'Revidert 2025' },
      status: 'submitted',
    });
    const approved = setVersionStatusInState(submitted.state, 'rnb-2025', 'approved', CTX, 'plan.xlsx');
    if (!approved.ok) throw new Error(approved.problems[0]!.message);
    const readOnly = refusal(reallocateInState(approved.state, move('1'), rows, CTX, 'plan.xlsx', 'en'));
    expect(readOnly.reason).to.deep.equal({ code: 'version_approved', version: { id: 'rnb-2025', name: 'Revidert 2025' } });
    expect(readOnly.message).to.contain('The version “Revidert 2025” (rnb-2025) is approved and cannot be changed.');
  });
});

describe('checkClosedYears messages', () => {
  it('names a frame changed in a closed year by instrument name and year, never by its key', async () => {
    const closed = closeYearInState(stateOf(), 2024, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error('not closed');
    const frames = closed.state.plan.frames.map((f) =>
      f.instrument === 'ekspertbistand' && f.from === 2024 ? { ...f, amount: Money.of('55000000') } : f,
    );
    const port = new MemoryWorkbookPort();
    const edited = { ...closed.state, plan: { ...closed.state.plan, frames } };
    await port.writeTables(planningTables(edited, { asOf: '2025-12-31' as IsoDate, lang: 'nb' }));
    const reading = await readPlanningFromPort(port, 'plan.xlsx', 'en');
    expect(reading.problems.map((p) => [p.code, p.reason?.code])).to.deep.equal([['year_closed', 'frame_changed_since_closing']]);
    // The workbook's Rammer names the instrument by the embedded plan's names (read back from the sheet).
    expect(reading.problems[0]!.message)
      .to.contain('The frame of New grant for expert assistance 2024 covers 2024, closed on 2025-02-01T09:00:00Z')
      .and.not.contain('ekspertbistand:2024-2024');
  });
});
