/**
 * The task pane's session over an in-memory workbook, doing what the issue found the pane doing
 * differently from the command line: it now reads, refuses and records through the engine alone.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  closeYearInState,
  MemoryWorkbookPort,
  newVersionInState,
  readPlanningFromPort,
  reopenYearInState,
  setVersionStatusInState,
  specForRead,
  verifyChain,
  type ChangeContext,
  type InstrumentId,
  type PlanningState,
  type TableData,
} from '../../../engine/index.js';
import type { TaskpaneHost } from '../../../addin/taskpane/host.js';
import { PlannerSession } from '../../../addin/taskpane/session.js';

const EXAMPLE = path.join(process.cwd(), 'examples', 'forbruk-eksempel.csv');
const context = { who: 'Kari Nordmann', at: '2025-01-15T09:00:00+01:00', why: 'Årlig vurdering vedtatt' };

function hostOf(port: MemoryWorkbookPort): TaskpaneHost {
  return {
    kind: 'preview',
    port,
    settings: { load: () => ({ lang: 'nb', userName: 'Kari Nordmann' }), save: () => undefined },
    showRow: async () => undefined,
    today: () => '2024-12-31',
    now: () => '2025-01-15T09:00:00+01:00',
  };
}

/** The first 2024 row of Forbruk with its amount changed, as a user would in Excel. */
async function change2024Amount(port: MemoryWorkbookPort): Promise<void> {
  const read = (await port.readTable('Forbruk'))!;
  const [beløp, år] = ['Beløp', 'År'].map((h) => read.header.indexOf(h));
  const first = read.rows.findIndex((row) => row[år!] === 2024);
  const rows = read.rows.map((row, i) => (i === first ? row.map((c, j) => (j === beløp ? 1 : c)) : row));
  await port.writeTables([{ spec: specForRead(read), rows } satisfies TableData]);
}

describe('the task pane session', function () {
  it('closes 2024, then refuses a changed 2024 Forbruk row exactly as the command line reads it, and takes it after reopening', async function () {
    const port = new MemoryWorkbookPort();
    const session = new PlannerSession(hostOf(port));
    await session.load('plan.xlsx', 'nb');
    await session.writeWorkbook('nb', 'Kari Nordmann', true);
    const report = await session.importFile(
      'forbruk-eksempel.csv',
      readFileSync(EXAMPLE),
      false,
      'nb',
      'Kari Nordmann',
      () => undefined,
    );
    expect(report.rejected).to.equal(false);
    const closed = await session.change({ make: (s, c, f) => closeYearInState(s, 2024, c, f, 'nb') }, context, 'nb');
    expect(closed.ok).to.equal(true);

    await change2024Amount(port);
    const cli = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    const { problems } = await session.load('plan.xlsx', 'nb');
    expect(problems.map((p) => p.code)).to.deep.equal(['closed_ledger_changed']);
    expect(problems).to.deep.equal(cli.problems);

    // Nothing else may change, and nothing is written, while the year is locked.
    const before = await port.readTable('Logg');
    const close2025 = await session.change({ make: (s, c, f) => closeYearInState(s, 2025, c, f, 'nb') }, context, 'nb');
    expect(close2025.ok ? [] : close2025.problems).to.deep.equal(cli.problems);
    const imported = await session.importFile(
      'ny.csv',
      new TextEncoder().encode('dato;bilag;virkemiddel;type;beløp;år\n2025-02-01;U-NY;ekspertbistand;utbetaling;1000,00;2025\n'),
      false,
      'nb',
      'Kari',
      () => undefined,
    );
    expect([imported.rejected, imported.problems]).to.deep.equal([true, cli.problems]);
    expect((await session.writeWorkbook('nb', 'Kari', true)).problems).to.deep.equal(cli.problems);
    expect(await port.readTable('Logg')).to.deep.equal(before);

    const why = { ...context, why: 'Bilag ført med feil beløp' };
    const reopened = await session.change(
      { make: (s, c, f) => reopenYearInState(s, 2024, c, f, 'nb'), unlocked: true },
      why,
      'nb',
    );
    expect(reopened.ok).to.equal(true);
    const after = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    expect(after.problems).to.deep.equal([]);
    expect(after.state!.log.map((e) => e.action)).to.deep.equal([
      'workbook_written',
      'ledger_imported',
      'year_closed',
      'year_reopened',
    ]);
    expect(verifyChain(after.state!.log).ok).to.equal(true);
    expect(after.state!.log.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(e.at))).to.equal(true);
  });

  it('reads Forbruk again through the engine: a four-decimal amount is too_many_decimals (the third decimal of the state accounts is kept, no more)', async function () {
    const port = new MemoryWorkbookPort();
    const session = new PlannerSession(hostOf(port));
    await session.load('plan.xlsx', 'nb');
    await session.importFile('forbruk-eksempel.csv', readFileSync(EXAMPLE), false, 'nb', 'Kari', () => undefined);
    await session.writeWorkbook('nb', 'Kari', true);
    const read = (await port.readTable('Forbruk'))!;
    const beløp = read.header.indexOf('Beløp');
    const rows = read.rows.map((row, i) => (i === 0 ? row.map((c, j) => (j === beløp ? 12.3456 : c)) : row));
    await port.writeTables([{ spec: specForRead(read), rows }]);
    const result = await session.rereadForbruk('nb', 'Kari');
    expect(result?.problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value])).to.deep.equal([
      ['too_many_decimals', 'Forbruk', read.firstRow, 'Beløp', '12,3456'],
    ]);
  });
});

describe('the task pane session with an approved version', function () {
  it('refuses a hand edit of an approved frame as the command line does, and keeps showing the approved amount', async function () {
    const port = new MemoryWorkbookPort();
    const session = new PlannerSession(hostOf(port));
    await session.load('plan.xlsx', 'nb');
    await session.writeWorkbook('nb', 'Kari', true);
    const made = await session.change(
      { make: (s, c, f) => newVersionInState(s, { name: 'Vedtatt 2025', kind: 'budget_round' }, c, f, 'nb') },
      context,
      'nb',
    );
    expect(made.ok).to.equal(true);
    for (const to of ['submitted', 'approved'] as const) {
      const moved = await session.change(
        { make: (s, c, f) => setVersionStatusInState(s, 'vedtatt-2025', to, c, f, 'nb') },
        context,
        'nb',
      );
      expect(moved.ok, to).to.equal(true);
    }
    const rammer = (await port.readTable('Rammer'))!;
    const [instrument, from, beløp] = ['Virkemiddel', 'Fra', 'Beløp'].map((h) => rammer.header.indexOf(h));
    const row = rammer.rows.findIndex((r) => r[instrument!] === 'ekspertbistand' && r[from!] === 2025);
    const rows = rammer.rows.map((r, i) => (i === row ? r.map((c, j) => (j === beløp ? 99_000_000 : c)) : r));
    await port.writeTables([{ spec: specForRead(rammer), rows }]);

    const cli = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    const { problems } = await session.load('plan.xlsx', 'nb');
    expect(problems.map((p) => [p.code, p.sheet, p.line])).to.deep.equal([
      ['approved_version_changed', 'Rammer', rammer.firstRow + row],
    ]);
    expect(problems).to.deep.equal(cli.problems);
    const shown = session.plan.frames.find((f) => f.instrument === 'ekspertbistand' && f.from === 2025);
    expect(shown?.amount?.toFixed2()).to.equal('50000000.00');
  });
});

/** A pane over a workbook it wrote with the example ledger, 2024 closed. */
async function closedPane(): Promise<{ port: MemoryWorkbookPort; session: PlannerSession }> {
  const port = new MemoryWorkbookPort();
  const session = new PlannerSession(hostOf(port));
  await session.load('plan.xlsx', 'nb');
  await session.writeWorkbook('nb', 'Kari', true);
  await session.importFile('forbruk-eksempel.csv', readFileSync(EXAMPLE), false, 'nb', 'Kari', () => undefined);
  const closed = await session.change({ make: (s, c, f) => closeYearInState(s, 2024, c, f, 'nb') }, context, 'nb');
  if (!closed.ok) throw new Error('2024 not closed');
  return { port, session };
}

const csv = (text: string) => new TextEncoder().encode(`dato;bilag;virkemiddel;type;beløp;år\n${text}`);

describe('the task pane session reads the workbook before every change', function () {
  it('refuses closing 2025 after a 2024 row was edited in Excel since the last action, as the command line would', async function () {
    const { port, session } = await closedPane();
    await change2024Amount(port);
    const cli = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    const result = await session.change({ make: (s, c, f) => closeYearInState(s, 2025, c, f, 'nb') }, context, 'nb');
    expect(result.ok ? [] : result.problems).to.deep.equal(cli.problems);
    expect(
      (await readPlanningFromPort(port, 'plan.xlsx', 'nb')).unlockedState?.governance.closedYears.map((r) => r.year),
    ).to.deep.equal([2024]);
  });

  it('refuses an import into a workbook whose log is broken, and leaves the log as evidence', async function () {
    const { port, session } = await closedPane();
    const logg = (await port.readTable('Logg'))!;
    const who = logg.header.indexOf('Hvem');
    await port.writeTables([
      { spec: specForRead(logg), rows: logg.rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === who ? 'Mallory' : c)) : r)) },
    ]);
    const tampered = await port.readTable('Logg');
    const report = await session.importFile(
      'ny.csv',
      csv('2025-02-01;U-NY;ekspertbistand;utbetaling;1000,00;2025\n'),
      false,
      'nb',
      'Kari',
      () => undefined,
    );
    expect([report.rejected, report.problems.map((p) => p.code)]).to.deep.equal([true, ['broken_log']]);
    expect(await port.readTable('Logg')).to.deep.equal(tampered);
  });

  it('never writes the embedded plan over a workbook whose Rammer table is gone', async function () {
    const { port, session } = await closedPane();
    const logg = await port.readTable('Logg');
    const bare = new MemoryWorkbookPort();
    for (const name of ['Poster', 'Forbruk', 'Versjoner', 'Versjonsrammer', 'Arsavslutning', 'Logg']) {
      const read = await port.readTable(name);
      if (read) await bare.writeTables([{ spec: specForRead(read), rows: read.rows }]);
    }
    const pane = new PlannerSession(hostOf(bare));
    const { problems } = await pane.load('plan.xlsx', 'nb');
    expect(problems.map((p) => p.code)).to.include('missing_table');
    expect((await pane.rereadForbruk('nb', 'Kari'))?.problems.map((p) => p.code)).to.include('missing_table');
    expect(await bare.readTable('Logg')).to.deep.equal(logg);
    void session;
  });

  it('takes a line it left out for a closed year once the year is reopened (the ledger does not keep it as seen)', async function () {
    const { session } = await closedPane();
    const file = csv(
      '2024-11-01;U-SEN-1;ekspertbistand;utbetaling;1000,00;2024\n2025-02-01;U-NY-1;ekspertbistand;utbetaling;2000,00;2025\n',
    );
    const first = await session.importFile('sen.csv', file, true, 'nb', 'Kari', () => undefined);
    expect([first.imported, first.problems.map((p) => p.code)]).to.deep.equal([1, ['year_closed']]);
    const reopen = {
      make: (s: PlanningState, c: ChangeContext, f: string) => reopenYearInState(s, 2024, c, f, 'nb'),
      unlocked: true,
    };
    expect((await session.change(reopen, { ...context, why: 'Sen postering' }, 'nb')).ok).to.equal(true);
    const again = await session.importFile('sen.csv', file, false, 'nb', 'Kari', () => undefined);
    expect([again.imported, again.duplicates]).to.deep.equal([1, 1]);
  });
  it('places a later import by the workbook’s own rules: after 2650.76 is split 60/40, the 2021 accounts land on both instruments, as the command line places them', async function () {
    const port = new MemoryWorkbookPort();
    const session = new PlannerSession(hostOf(port));
    await session.load('plan.xlsx', 'nb');
    await session.writeWorkbook('nb', 'Kari Nordmann', true);
    const dfo = (year: number) => readFileSync(path.join(process.cwd(), 'examples', 'dfo', `statsregnskapet_aar_${year}.csv`));
    const first = await session.importFile(
      'statsregnskapet_aar_2020.csv',
      dfo(2020),
      false,
      'nb',
      'Kari Nordmann',
      () => undefined,
    );
    expect(first.rejected).to.equal(false);
    const shares = [
      { instrument: 'ekspertbistand' as InstrumentId, text: '60 %' },
      { instrument: 'kompetansetiltak' as InstrumentId, text: '40 %' },
    ];
    expect(await session.setShares({ chapter: 2650, post: 76, year: 2020 }, shares, context, 'nb')).to.deep.equal([]);
    const next = await session.importFile(
      'statsregnskapet_aar_2021.csv',
      dfo(2021),
      false,
      'nb',
      'Kari Nordmann',
      () => undefined,
    );
    expect(next.rejected).to.equal(false);
    const cli = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    const on2650in2021 = cli.state!.lines.filter((l) => l.chapter === 2650 && l.post === 76 && l.year === 2021);
    expect(on2650in2021.length).to.be.greaterThan(0);
    expect(on2650in2021.filter((l) => l.instrument === null)).to.deep.equal([]);
    expect(new Set(on2650in2021.map((l) => l.instrument))).to.deep.equal(new Set(['ekspertbistand', 'kompetansetiltak']));
    // The pane holds what it wrote: the same lines, none of 2021 left unallocated.
    const pane = session.state.lines.filter((l) => l.chapter === 2650 && l.post === 76 && l.year === 2021);
    expect(pane.map((l) => [l.instrument, l.amount])).to.deep.equal(on2650in2021.map((l) => [l.instrument, l.amount]));
  });
});
