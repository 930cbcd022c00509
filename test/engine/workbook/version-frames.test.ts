// Every version's frames in the workbook (Versjonsrammer on Styring): the signed appendix is
// approved, the revised budget of May 2025 is made from it and moves 10 million from expert
// assistance to competence measures; both versions' frames survive the memory port and an .xlsx,
// an approved version's frames edited by hand are refused, and an older workbook still reads.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareVersionsInState,
  EMPTY_GOVERNANCE,
  embeddedPlan,
  MemoryWorkbookPort,
  Money,
  newVersionInState,
  planningTables,
  readPlanningFromPort,
  readPlanningTables,
  reallocateInState,
  reconcile,
  setCarryOverInState,
  setVersionStatusInState,
  versionInState,
  type CellValue,
  type GovernanceResult,
  type IsoDate,
  type PlanningState,
  type Problem,
} from '../../../engine/index.js';
import { readXlsxTables } from '../../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../../engine/workbook/xlsx/save-file.js';

const CTX = { who: 'kari', at: '2025-05-15T09:00:00Z', why: 'Revidert nasjonalbudsjett' };
const AS_OF = '2025-12-31' as IsoDate;
const where = (p: Problem) => [p.code, p.sheet, p.line, p.column, p.value];

function accepted(result: GovernanceResult): PlanningState {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.state;
}

/** The appendix (approved) and the revised budget made from it, with 10 000 000,00 moved in 2025. */
function twoVersions(): PlanningState {
  let state: PlanningState = { plan: embeddedPlan(), governance: EMPTY_GOVERNANCE, lines: [], log: [] };
  state = accepted(newVersionInState(state, { id: 'vedlegg', name: 'Signert vedlegg', kind: 'appendix' }, CTX, 'plan.xlsx'));
  state = accepted(setVersionStatusInState(state, 'vedlegg', 'submitted', CTX, 'plan.xlsx'));
  state = accepted(setVersionStatusInState(state, 'vedlegg', 'approved', CTX, 'plan.xlsx'));
  state = accepted(newVersionInState(state, { id: 'rnb-2025', name: 'RNB 2025', kind: 'budget_round' }, CTX, 'plan.xlsx'));
  const move = { year: 2025, from: 'ekspertbistand', to: 'kompetansetiltak', amount: Money.of('10000000') };
  const rows = reconcile(state.plan, [], AS_OF).rows;
  return accepted(reallocateInState(state, move, rows, CTX, 'plan.xlsx'));
}

async function portOf(state: PlanningState): Promise<MemoryWorkbookPort> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(planningTables(state, { asOf: AS_OF, lang: 'nb' }));
  return port;
}

/** Sets one cell (row 0 = the first data row), as a user typing in Excel. */
async function edit(port: MemoryWorkbookPort, table: string, row: number, column: string, value: CellValue): Promise<void> {
  const data = port.tableData(table)!;
  const index = data.spec.columns.findIndex((c) => c.name === column);
  const rows = data.rows.map((r, i) => (i === row ? r.map((cell, j) => (j === index ? value : cell)) : r));
  await port.writeTables([{ spec: data.spec, rows }]);
}

function amountIn(state: PlanningState, version: string, instrument: string, year: number): string | null | undefined {
  const found = versionInState(state, version);
  if (!found.ok) return undefined;
  return found.version.frames.find((f) => f.instrument === instrument && f.from === year)?.amount?.toFixed2() ?? null;
}

describe('Versjonsrammer: every version’s frames in the workbook', () => {
  const state = twoVersions();

  it('writes one row per frame of each version, the approved one with a check of its frames', async () => {
    const port = await portOf(state);
    const rows = port.tableData('Versjonsrammer')!.rows;
    expect(rows).to.have.length(3 * 93);
    expect(rows.filter((r) => r[1] === 'ekspertbistand' && r[2] === 2025).map((r) => [r[0], r[4]])).to.deep.equal([
      ['plan', 50000000],
      ['vedlegg', 50000000],
      ['rnb-2025', 40000000],
    ]);
    const versjoner = port.tableData('Versjoner')!.rows;
    expect(versjoner.map((r) => [r[0], r[3], r[4]])).to.deep.equal([
      ['plan', null, 'utkast'],
      ['vedlegg', 'plan', 'godkjent'],
      ['rnb-2025', 'vedlegg', 'utkast'],
    ]);
    expect(versjoner.map((r) => typeof r[5] === 'string' && /^[0-9a-f]{64}$/.test(r[5]))).to.deep.equal([false, true, false]);
  });

  it('reads every version’s frames back through the memory port, and compares them frame by frame', async () => {
    const reading = await readPlanningFromPort(await portOf(state), 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    const read = reading.state!;
    expect([...read.governance.versionFrames.keys()]).to.deep.equal(['plan', 'vedlegg']);
    expect(amountIn(read, 'vedlegg', 'ekspertbistand', 2025)).to.equal('50000000.00');
    expect(amountIn(read, 'rnb-2025', 'ekspertbistand', 2025)).to.equal('40000000.00');
    expect(amountIn(read, 'vedlegg', 'helseiarbeid', 2025)).to.equal(null);
    const compared = compareVersionsInState(read, 'vedlegg', 'rnb-2025', 'plan.xlsx');
    if (!compared.ok) throw new Error('not compared');
    const changed = compared.differences.filter((d) => d.change !== 'unchanged');
    expect(changed.map((d) => [d.key, d.before?.toFixed2(), d.after?.toFixed2(), d.difference?.toFixed2()])).to.deep.equal([
      ['ekspertbistand:2025-2025', '50000000.00', '40000000.00', '-10000000.00'],
      ['kompetansetiltak:2025-2025', '70000000.00', '80000000.00', '10000000.00'],
    ]);
    const skil = versionInState(read, 'vedlegg');
    expect(skil.ok && skil.version.frames.find((f) => f.instrument === 'skil')!.condition).to.contain('statsstøtteregelverket');
  });

  it('reads the same frames back from an .xlsx file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-versjonsrammer-'));
    try {
      const path = join(dir, 'plan.xlsx');
      await writeWorkbookFile(path, planningTables(state, { asOf: AS_OF, lang: 'nb' }), { overwrite: false });
      const tables = await readXlsxTables(path);
      const reading = readPlanningTables((name) => tables.get(name.toLowerCase()) ?? null, 'plan.xlsx');
      expect(reading.problems).to.deep.equal([]);
      const read = reading.state!;
      expect(amountIn(read, 'plan', 'kompetansetiltak', 2025)).to.equal('70000000.00');
      expect(amountIn(read, 'vedlegg', 'kompetansetiltak', 2025)).to.equal('70000000.00');
      expect(amountIn(read, 'rnb-2025', 'kompetansetiltak', 2025)).to.equal('80000000.00');
      expect(read.governance.versions.map((v) => v.status)).to.deep.equal(['draft', 'approved', 'draft']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an approved version whose frames were edited in Versjonsrammer, naming its Versjoner row', async () => {
    const port = await portOf(state);
    const row = port
      .tableData('Versjonsrammer')!
      .rows.findIndex((r) => r[0] === 'vedlegg' && r[1] === 'ekspertbistand' && r[2] === 2024);
    await edit(port, 'Versjonsrammer', row, 'Beløp', 55000000);
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.state).to.equal(null);
    expect(reading.problems.map(where)).to.deep.equal([['approved_version_changed', 'Styring', 3, 'Rammekontroll', 'vedlegg']]);
    expect(reading.problems[0]!.message).to.contain('Signert vedlegg').and.contain('er godkjent');
    expect(reading.problems[0]!.reason?.code).to.equal('approved_frames_changed');
  });

  it('refuses Rammer edited by hand while it holds an approved version, naming the Rammer row', async () => {
    const approved = accepted(setVersionStatusInState(state, 'rnb-2025', 'submitted', CTX, 'plan.xlsx'));
    const port = await portOf(accepted(setVersionStatusInState(approved, 'rnb-2025', 'approved', CTX, 'plan.xlsx')));
    const row = port.tableData('Rammer')!.rows.findIndex((r) => r[0] === 'kompetansetiltak' && r[2] === 2025);
    await edit(port, 'Rammer', row, 'Beløp', 81000000);
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems.map(where)).to.deep.equal([
      ['approved_version_changed', 'Rammer', row + 2, 'Beløp', 'kompetansetiltak:2025-2025'],
    ]);
    // The message names the frame by instrument name and year and the version by name, never by key.
    const [edited] = reading.problems;
    expect(edited!.reason).to.deep.equal({
      code: 'approved_frame_edited',
      version: { id: 'rnb-2025', name: 'RNB 2025' },
      frame: { instrument: 'kompetansetiltak', from: 2025, to: 2025 },
    });
    expect(edited!.message).to.contain(
      'Rammen for Kompetansetiltak – forsøk 2025 tilhører den godkjente versjonen «RNB 2025» (rnb-2025)',
    );
    const english = (await readPlanningFromPort(port, 'plan.xlsx', 'en')).problems[0]!.message;
    expect(english).to.contain('The frame of Competence measures – trial 2025 of the approved version “RNB 2025” (rnb-2025)');
    for (const text of [edited!.message, english]) expect(text).not.to.match(/\w+:\d{4}-\d{4}/);
  });

  it('names every bad Versjonsrammer cell by sheet, row, column and value, and a missing check of approved frames', async () => {
    const port = await portOf(state);
    await edit(port, 'Versjonsrammer', 0, 'Versjon', 'ukjent');
    await edit(port, 'Versjonsrammer', 1, 'Beløp', 'mye');
    await edit(port, 'Versjonsrammer', 2, 'Virkemiddel', 'tull');
    const reading = await readPlanningFromPort(port, 'plan.xlsx');
    expect(reading.problems.map(where)).to.deep.equal([
      ['unknown_version', 'Styring', 2, 'Versjon', 'ukjent'],
      ['bad_amount', 'Styring', 3, 'Beløp', 'mye'],
      ['unknown_instrument', 'Styring', 4, 'Virkemiddel', 'tull'],
    ]);
    const unchecked = await portOf(state);
    await edit(unchecked, 'Versjoner', 1, 'Rammekontroll', null);
    expect((await readPlanningFromPort(unchecked, 'plan.xlsx')).problems.map(where)).to.deep.equal([
      ['missing_value', 'Styring', 3, 'Rammekontroll', 'vedlegg'],
    ]);
  });

  it('reads a workbook without Versjonsrammer: only the version in use has frames, and comparing with another is refused', async () => {
    const port = await portOf(state);
    const tables = new Map(
      await Promise.all(port.tableNames().map(async (n) => [n.toLowerCase(), await port.readTable(n)] as const)),
    );
    const older = readPlanningTables(
      (name) => (name === 'Versjonsrammer' ? null : (tables.get(name.toLowerCase()) ?? null)),
      'plan.xlsx',
    );
    // The approved appendix has a check but no stored frames: that is a removal, and refused.
    expect(older.problems.map(where)).to.deep.equal([['approved_version_changed', 'Styring', 3, 'Rammekontroll', 'vedlegg']]);
    await edit(port, 'Versjoner', 1, 'Rammekontroll', null);
    const stripped = new Map(
      await Promise.all(port.tableNames().map(async (n) => [n.toLowerCase(), await port.readTable(n)] as const)),
    );
    const old = readPlanningTables(
      (name) => (name === 'Versjonsrammer' ? null : (stripped.get(name.toLowerCase()) ?? null)),
      'plan.xlsx',
    );
    expect(old.problems).to.deep.equal([]);
    expect(old.state!.governance.versionFrames.size).to.equal(0);
    expect(amountIn(old.state!, 'rnb-2025', 'ekspertbistand', 2025)).to.equal('40000000.00');
    const compared = compareVersionsInState(old.state!, 'vedlegg', 'rnb-2025', 'plan.xlsx');
    expect(compared.ok ? [] : compared.problems.map(where)).to.deep.equal([
      ['change_refused', 'Styring', null, 'Versjon', 'vedlegg'],
    ]);
  });

  it('refuses a second version with a taken id and a status move the version does not allow', () => {
    const taken = newVersionInState(state, { id: 'vedlegg', name: 'Igjen', kind: 'other' }, CTX, 'plan.xlsx');
    expect(taken.ok ? [] : taken.problems.map((p) => p.code)).to.deep.equal(['change_refused']);
    const back = setVersionStatusInState(state, 'vedlegg', 'draft', CTX, 'plan.xlsx');
    expect(back.ok ? '' : back.problems[0]!.message).to.contain('er godkjent og kan ikke endres');
  });
});

describe('a carry-over rule set on the state', () => {
  it('carries 5 % of a 6 000 000,00 frame (300 000,00) into Overført inn of the next year', async () => {
    let state: PlanningState = { plan: embeddedPlan(), governance: EMPTY_GOVERNANCE, lines: [], log: [] };
    const move = { year: 2024, from: 'ekspertbistand', to: 'kunnskapsutvikling', amount: Money.of('44000000') };
    state = accepted(reallocateInState(state, move, reconcile(state.plan, [], AS_OF).rows, CTX, 'plan.xlsx'));
    const rule = { kind: 'share', share: '0.05', carryOverspend: false } as const;
    state = accepted(setCarryOverInState(state, { instrument: 'ekspertbistand', from: 2024 }, rule, CTX, 'plan.xlsx'));
    const avstemming = (await portOf(state)).tableData('Avstemming')!;
    const column = avstemming.spec.columns.findIndex((c) => c.name === 'Overført inn');
    const row = avstemming.rows.find((r) => r[0] === 'ekspertbistand' && r[2] === 2025)!;
    expect([row[column], row[4]]).to.deep.equal([300000, 50000000]);
    expect(state.log.map((e) => [e.seq, e.action, e.after])).to.deep.equal([
      [1, 'reallocation', state.log[0]!.after],
      [2, 'carry_over_rule', 'inntil 5 % av rammen overføres'],
    ]);
  });
});
