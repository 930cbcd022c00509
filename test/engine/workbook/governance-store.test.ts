// The planning workbook as the governance store, through the in-memory port: carry-over rules,
// versions and closed years written and read back, bad cells named by sheet, row, column and value.
import { expect } from 'chai';
import {
  appendEntries,
  closeYearInState,
  EMPTY_GOVERNANCE,
  embeddedPlan,
  Ledger,
  MemoryWorkbookPort,
  Money,
  planningTables,
  readPlanningFromPort,
  reallocateInState,
  reconcile,
  reopenYearInState,
  rowsToJsonWithCarryOver,
  type CarryOverRule,
  type CellValue,
  type Governance,
  type IsoDate,
  type PlanningState,
  type Problem,
} from '../../../engine/index.js';
import { SAMPLE_LEDGER } from './fixtures.js';

// 2023: ekspertbistand spends 40 of 50 million (share 5 % carried: 2.5 million), kompetansetiltak
// overspends 71 of 70 million (all, overspend carried: −1 million), bransjeprogrammer spends 60 of
// 80 million (all, no overspend: 20 million).
const CARRY_LEDGER = `dato;bilag;virkemiddel;type;beløp;år
01.03.2023;U-1;ekspertbistand;utbetaling;40 000 000,00;2023
01.03.2023;U-2;kompetansetiltak;utbetaling;71 000 000,00;2023
01.03.2023;U-3;bransjeprogrammer;utbetaling;60 000 000,00;2023
`;
const RULES = new Map<string, CarryOverRule>([
  ['ekspertbistand:2023-2023', { kind: 'share', share: '0.05', carryOverspend: false }],
  ['kompetansetiltak:2023-2023', { kind: 'all', carryOverspend: true }],
  ['bransjeprogrammer:2023-2023', { kind: 'all', carryOverspend: false }],
]);
const CTX = { who: 'kari', at: '2025-02-01T09:00:00Z', why: 'Vurderingen er vedtatt' };

function stateOf(csv: string, governance: Governance = EMPTY_GOVERNANCE): PlanningState {
  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  ledger.addText('forbruk.csv', csv);
  return { plan, governance, lines: ledger.lines, log: [] };
}

async function portOf(state: PlanningState, asOf = '2025-12-31'): Promise<MemoryWorkbookPort> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(planningTables(state, { asOf: asOf as IsoDate, lang: 'nb' }));
  return port;
}

/** Sets one cell of a table in the port (row 0 = the first data row), as a user typing in Excel. */
async function edit(port: MemoryWorkbookPort, table: string, row: number, column: string, value: CellValue): Promise<void> {
  const data = port.tableData(table)!;
  const index = data.spec.columns.findIndex((c) => c.name === column);
  const rows = data.rows.map((r, i) => (i === row ? r.map((cell, j) => (j === index ? value : cell)) : r));
  await port.writeTables([{ spec: data.spec, rows }]);
}

function rowIndex(port: MemoryWorkbookPort, table: string, instrument: string, year: number): number {
  return port.tableData(table)!.rows.findIndex((r) => r[0] === instrument && r[2] === year);
}

const where = (p: Problem) => [p.code, p.sheet, p.line, p.column, p.value];

describe('carry-over rules in the workbook', () => {
  const state = stateOf(CARRY_LEDGER, { ...EMPTY_GOVERNANCE, carryOver: RULES });

  it('writes each rule at the end of Rammer and reads the same rules back', async () => {
    const port = await portOf(state);
    const rammer = port.tableData('Rammer')!;
    const ekspert = rammer.rows[rowIndex(port, 'Rammer', 'ekspertbistand', 2023)]!;
    expect(ekspert.slice(-3)).to.deep.equal(['andel', 0.05, 'nei']);
    expect(rammer.rows[rowIndex(port, 'Rammer', 'ekspertbistand', 2024)]!.slice(-3)).to.deep.equal(['ingen', null, 'nei']);
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    expect([...reading.state!.governance.carryOver]).to.deep.equal([...RULES]);
  });

  it('shows carried amounts in their own Avstemming column, never in Ramme: 2 500 000, −1 000 000 and 20 000 000', async () => {
    const port = await portOf(state);
    const avstemming = port.tableData('Avstemming')!;
    const cell = (instrument: string, column: string) =>
      avstemming.rows[rowIndex(port, 'Avstemming', instrument, 2024)]![
        avstemming.spec.columns.findIndex((c) => c.name === column)
      ];
    expect(avstemming.spec.columns.slice(-2).map((c) => c.name)).to.deep.equal(['Overført inn', 'Per dato']);
    expect([cell('ekspertbistand', 'Overført inn'), cell('ekspertbistand', 'Ramme')]).to.deep.equal([2500000, 50000000]);
    expect(cell('kompetansetiltak', 'Overført inn')).to.equal(-1000000);
    expect(cell('bransjeprogrammer', 'Overført inn')).to.equal(20000000);
    expect(cell('kunnskapsutvikling', 'Overført inn')).to.equal(0);
    const json = rowsToJsonWithCarryOver(reconcile(state.plan, state.lines, '2024-12-31' as IsoDate).rows, RULES);
    const row = (instrument: string) => json.find((j) => j['instrument'] === instrument && j['from'] === 2024)!;
    expect([row('ekspertbistand')['carriedIn'], row('ekspertbistand')['frame']]).to.deep.equal(['2500000.00', '50000000.00']);
    expect(row('kompetansetiltak')['carriedIn']).to.equal('-1000000.00');
    expect(row('bransjeprogrammer')['carriedIn']).to.equal('20000000.00');
  });

  it('names every bad carry-over cell by sheet, row, column and value', async () => {
    const port = await portOf(state);
    const ekspert = rowIndex(port, 'Rammer', 'ekspertbistand', 2023);
    await edit(port, 'Rammer', ekspert, 'Andel', 1.5);
    const kompetanse = rowIndex(port, 'Rammer', 'kompetansetiltak', 2023);
    await edit(port, 'Rammer', kompetanse, 'Overføring', 'litt');
    await edit(port, 'Rammer', kompetanse, 'Overforbruk overføres', 'kanskje');
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.state).to.equal(null);
    expect(reading.problems.map(where)).to.deep.equal([
      ['bad_share', 'Rammer', ekspert + 2, 'Andel', '1.5'],
      ['bad_carry_over', 'Rammer', kompetanse + 2, 'Overføring', 'litt'],
      ['bad_yes_no', 'Rammer', kompetanse + 2, 'Overforbruk overføres', 'kanskje'],
    ]);
  });

  it('reads a share written as a percentage and an older Rammer without the columns as no carry-over', async () => {
    const port = await portOf(state);
    await edit(port, 'Rammer', rowIndex(port, 'Rammer', 'ekspertbistand', 2023), 'Andel', '5 %');
    const rule = (await readPlanningFromPort(port, 'plan.xlsx')).state!.governance.carryOver.get('ekspertbistand:2023-2023');
    expect(rule).to.deep.equal({ kind: 'share', share: '0.05', carryOverspend: false });
    const old = await portOf(stateOf(CARRY_LEDGER));
    const rammer = old.tableData('Rammer')!;
    await old.writeTables([
      { spec: { ...rammer.spec, columns: rammer.spec.columns.slice(0, 11) }, rows: rammer.rows.map((r) => r.slice(0, 11)) },
    ]);
    expect((await readPlanningFromPort(old, 'plan.xlsx')).state!.governance.carryOver.size).to.equal(0);
  });
});

describe('versions and closed years in the Styring sheet', () => {
  it('reads versions back and names a bad status, an unknown base and a repeated id', async () => {
    const versions: Governance['versions'] = [
      { id: 'vedlegg-2019', name: 'Signert vedlegg', kind: 'appendix', basedOn: null, status: 'approved' },
      { id: 'rnb-2025', name: 'Revidert nasjonalbudsjett 2025', kind: 'budget_round', basedOn: 'vedlegg-2019', status: 'draft' },
    ];
    const port = await portOf(stateOf(SAMPLE_LEDGER, { ...EMPTY_GOVERNANCE, versions }));
    expect(port.tableData('Versjoner')!.rows[1]).to.deep.equal([
      'rnb-2025',
      'Revidert nasjonalbudsjett 2025',
      'budsjettrunde',
      'vedlegg-2019',
      'utkast',
      null,
    ]);
    expect((await readPlanningFromPort(port, 'plan.xlsx')).state!.governance.versions).to.deep.equal(versions);
    await edit(port, 'Versjoner', 1, 'Status', 'ferdig');
    await edit(port, 'Versjoner', 1, 'Basert på', 'ukjent');
    await edit(port, 'Versjoner', 1, 'Versjon', 'vedlegg-2019');
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems.map(where)).to.deep.equal([
      ['duplicate_version', 'Styring', 3, 'Versjon', 'vedlegg-2019'],
      ['bad_version_status', 'Styring', 3, 'Status', 'ferdig'],
      ['unknown_version', 'Styring', 3, 'Basert på', 'ukjent'],
    ]);
    expect(reading.problems[0]!.message).to.contain('Står også på rad 2.');
    const english = await readPlanningFromPort(port, 'plan.xlsx', 'en');
    expect(english.problems[0]!.message).to.contain('Also on row 2.').and.not.contain('Står');
  });

  it('closes 2024 with its 6 ledger lines, and refuses a frame changed or a line added afterwards', async () => {
    const closed = closeYearInState(stateOf(SAMPLE_LEDGER), 2024, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error(closed.problems[0]!.message);
    const port = await portOf(closed.state);
    const record = port.tableData('Arsavslutning')!.rows[0]!;
    expect(record.slice(0, 4)).to.deep.equal([2024, '2025-02-01T09:00:00Z', 'kari', 6]);
    expect(record[5]).to.contain('ekspertbistand:2024-2024=50000000.00/nei');
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    expect(reading.state!.log.map((e) => [e.action, e.who, e.why])).to.deep.equal([
      ['year_closed', 'kari', 'Vurderingen er vedtatt'],
    ]);

    const row = rowIndex(port, 'Rammer', 'ekspertbistand', 2024);
    await edit(port, 'Rammer', row, 'Beløp', 55000000);
    const changed = await readPlanningFromPort(port, 'plan.xlsx');
    expect(changed.state).to.equal(null);
    expect(changed.problems.map(where)).to.deep.equal([['year_closed', 'Rammer', row + 2, 'Beløp', 'ekspertbistand:2024-2024']]);

    const reopened = reopenYearInState(changed.unlockedState!, 2024, { ...CTX, why: 'Feil i rammen' }, 'plan.xlsx');
    if (!reopened.ok) throw new Error(reopened.problems[0]!.message);
    const after = await readPlanningFromPort(await portOf(reopened.state), 'plan.xlsx');
    expect(after.problems).to.deep.equal([]);
    expect(
      after.state!.plan.frames.find((f) => f.instrument === 'ekspertbistand' && f.from === 2024)!.amount!.toFixed2(),
    ).to.equal('55000000.00');
    expect(after.state!.log.map((e) => e.action)).to.deep.equal(['year_closed', 'year_reopened']);
  });

  it('recognises a ledger line of a closed year changed in Forbruk', async () => {
    const closed = closeYearInState(stateOf(SAMPLE_LEDGER), 2024, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error('not closed');
    const port = await portOf(closed.state);
    await edit(port, 'Forbruk', 0, 'Beløp', 2600000);
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems.map(where)).to.deep.equal([['closed_ledger_changed', 'Styring', 2, 'Linjekontroll', '2024']]);
  });

  it('names a bad year and a bad checksum in Arsavslutning', async () => {
    const closed = closeYearInState(stateOf(SAMPLE_LEDGER), 2024, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error('not closed');
    const port = await portOf(closed.state);
    await edit(port, 'Arsavslutning', 0, 'År', 2031);
    await edit(port, 'Arsavslutning', 0, 'Linjekontroll', 'abc');
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems.map(where)).to.deep.equal([
      ['year_out_of_range', 'Styring', 2, 'År', '2031'],
      ['bad_value', 'Styring', 2, 'Linjekontroll', 'abc'],
    ]);
  });
});

describe('reallocation on the planning state', () => {
  // Ekspertbistand 2024: frame 50 000 000; spent 1 150 000 + 875 500,50 − 500,25 = 2 025 000,25;
  // open: 2 500 000 − 1 150 000 = 1 350 000; remaining 46 624 999,75.
  const state = stateOf(SAMPLE_LEDGER);
  const rows = reconcile(state.plan, state.lines, '2025-12-31' as IsoDate).rows;
  const move = (amount: string) => ({ year: 2024, from: 'ekspertbistand', to: 'kunnskapsutvikling', amount: Money.of(amount) });

  it('refuses one øre more than what remains, and says what remains', () => {
    const result = reallocateInState(state, move('46624999.76'), rows, CTX, 'plan.xlsx');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).to.deep.equal(['reallocation_refused']);
    expect(result.problems[0]!.reason).to.deep.include({ code: 'below_spent', instrument: 'ekspertbistand', year: 2024 });
    expect(result.problems[0]!.message).to.contain('Gjenstår: 46\u00a0624\u00a0999,75\u00a0kr');
  });

  it('moves exactly what remains, keeps the year total and appends the decision to the log', () => {
    const result = reallocateInState(state, move('46624999.75'), rows, CTX, 'plan.xlsx');
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const amount = (instrument: string) =>
      result.state.plan.frames.find((f) => f.instrument === instrument && f.from === 2024)!.amount!.toFixed2();
    expect([amount('ekspertbistand'), amount('kunnskapsutvikling')]).to.deep.equal(['3375000.25', '67624999.75']);
    expect(result.preview!.yearTotalAfter.eq(result.preview!.yearTotalBefore)).to.equal(true);
    expect(result.state.log.map((e) => [e.seq, e.action, e.who, e.why])).to.deep.equal([
      [1, 'reallocation', 'kari', 'Vurderingen er vedtatt'],
    ]);
  });

  it('refuses a change to an approved version and to a closed year', () => {
    const approved = stateOf(SAMPLE_LEDGER, {
      ...EMPTY_GOVERNANCE,
      versions: [{ id: 'v1', name: 'Godkjent', kind: 'budget_round', basedOn: null, status: 'approved' }],
    });
    const refused = reallocateInState(approved, move('1'), rows, CTX, 'plan.xlsx');
    expect(refused.ok ? null : refused.problems.map((p) => p.code)).to.deep.equal(['change_refused']);
    const closed = closeYearInState(state, 2024, CTX, 'plan.xlsx');
    if (!closed.ok) throw new Error('not closed');
    const inClosed = reallocateInState(closed.state, move('1'), rows, CTX, 'plan.xlsx');
    expect(inClosed.ok ? null : inClosed.problems[0]!.message).to.contain('2024 er avsluttet');
  });

  it('keeps earlier log entries and chains the new one to them', () => {
    const earlier = appendEntries([], [{ ...CTX, action: 'note', target: 'Arbeidsbok skrevet', before: '', after: '', why: '' }]);
    const result = reallocateInState({ ...state, log: earlier }, move('1000'), rows, CTX, 'plan.xlsx');
    if (!result.ok) throw new Error('refused');
    expect(result.state.log[0]).to.deep.equal(earlier[0]);
    expect(result.state.log[1]!.prevHash).to.equal(earlier[0]!.hash);
  });
});
