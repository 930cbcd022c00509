/**
 * The task pane re-reads the workbook before an action chosen from what it showed, and refuses it
 * (nothing written, the new reading shown) when the planning tables changed since it read them:
 * another pane on the same workbook (co-authoring), a hand edit. Its own writes are what it read.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  closeYearInState,
  confirmConditionInState,
  evaluate,
  MemoryWorkbookPort,
  newVersionInState,
  readPlanningFromPort,
  reallocateInState,
  reopenYearInState,
  setCarryOverInState,
  setVersionStatusInState,
  specForRead,
  Money,
  type CellValue,
  type IsoDate,
  type Lang,
  type TableRead,
} from '../../../engine/index.js';
import { serialOfIsoDate } from '../../../engine/workbook/port/cells.js';
import type { TaskpaneHost } from '../../../addin/taskpane/host.js';
import { PlannerSession, type ChangeRequest } from '../../../addin/taskpane/session.js';

const EXAMPLE = path.join(process.cwd(), 'examples', 'forbruk-eksempel.csv');
const context = { who: 'Kari Nordmann', at: '2025-01-15T09:00:00+01:00', why: 'Vedtatt i rådet' };
const REFUSED = {
  nb: 'plan.xlsx, ark {sheet}: Endringen avvises. Arbeidsboken ble endret av noen andre siden den ble lest; ingenting ble skrevet. Se over endringene og prøv igjen.',
  en: 'plan.xlsx, sheet {sheet}: The change is refused. The workbook was changed by someone else since it was read; nothing was written. Look over the changes and try again.',
};
const refused = (sheet: string, lang: Lang = 'nb') => REFUSED[lang].replace('{sheet}', sheet);

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

const close = (year: number): ChangeRequest => ({ make: (s, c, f) => closeYearInState(s, year, c, f, 'nb') });
const reopen = (year: number): ChangeRequest => ({ make: (s, c, f) => reopenYearInState(s, year, c, f, 'nb'), unlocked: true });
const status = (id: string, to: 'submitted' | 'approved'): ChangeRequest => ({
  make: (s, c, f) => setVersionStatusInState(s, id, to, c, f, 'nb'),
});
const newVersion = (name: string): ChangeRequest => ({
  make: (s, c, f) => newVersionInState(s, { name, kind: 'budget_round' }, c, f, 'nb'),
});

/** A workbook written by one pane with the example ledger imported; a second pane opens it too. */
async function twoPanes(): Promise<{ port: MemoryWorkbookPort; mine: PlannerSession; theirs: PlannerSession }> {
  const port = new MemoryWorkbookPort();
  const mine = new PlannerSession(hostOf(port));
  await mine.load('plan.xlsx', 'nb');
  await mine.writeWorkbook('nb', 'Kari', true);
  const report = await mine.importFile('forbruk-eksempel.csv', readFileSync(EXAMPLE), false, 'nb', 'Kari', () => undefined);
  expect(report.rejected).to.equal(false);
  const theirs = new PlannerSession(hostOf(port));
  expect((await theirs.load('plan.xlsx', 'nb')).problems).to.deep.equal([]);
  return { port, mine, theirs };
}

/** Every table of the workbook as it is now. */
async function snapshot(port: MemoryWorkbookPort): Promise<Map<string, TableRead | null>> {
  const names = ['Rammer', 'Poster', 'Forbruk', 'Avstemming', 'Versjoner', 'Versjonsrammer', 'Arsavslutning', 'Logg'];
  return new Map(await Promise.all(names.map(async (n) => [n, await port.readTable(n)] as const)));
}

/** Sets one cell of a table, found by a column and a row predicate, as a hand edit in Excel would. */
async function edit(
  port: MemoryWorkbookPort,
  table: string,
  where: (row: readonly CellValue[], header: readonly string[]) => boolean,
  column: string,
  value: CellValue,
): Promise<void> {
  const read = (await port.readTable(table))!;
  const j = read.header.indexOf(column);
  const i = read.rows.findIndex((row) => where(row, read.header));
  expect(
    [i, j].every((n) => n >= 0),
    `${table} ${column}`,
  ).to.equal(true);
  const rows = read.rows.map((row, r) => (r === i ? row.map((c, k) => (k === j ? value : c)) : row));
  await port.writeTables([{ spec: specForRead(read), rows }]);
}

const years = (session: PlannerSession) => session.state.governance.closedYears.map((r) => r.year);

describe('the task pane refuses a change when the workbook changed since it read it', function () {
  it('refuses a second pane that read the workbook before the first one closed 2024, writes nothing, then shows and takes the new state', async () => {
    const { port, mine, theirs } = await twoPanes();
    expect((await mine.change(close(2024), context, 'nb')).ok).to.equal(true);
    const after = await snapshot(port);

    const result = await theirs.change(close(2025), context, 'nb');
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.sheet, p.message])).to.deep.equal([
      ['change_refused', 'Styring', refused('Styring')],
    ]);
    expect(result.ok ? null : result.problems[0]!.reason).to.deep.equal({ code: 'workbook_changed_since_read' });
    expect(await snapshot(port)).to.deep.equal(after);
    // The pane now shows what the workbook holds, and the same action, tried again, is taken.
    expect(years(theirs)).to.deep.equal([2024]);
    expect(theirs.state.log.length).to.equal(mine.state.log.length);
    expect((await theirs.change(close(2025), context, 'nb')).ok).to.equal(true);
    const read = await readPlanningFromPort(port, 'plan.xlsx', 'nb');
    expect(read.problems).to.deep.equal([]);
    expect(read.state!.governance.closedYears.map((r) => r.year)).to.deep.equal([2024, 2025]);
    expect(read.state!.log.map((e) => e.action).slice(-2)).to.deep.equal(['year_closed', 'year_closed']);
  });

  it('words the refusal in English, naming the sheet of the first table that changed', async () => {
    const { mine, theirs } = await twoPanes();
    expect((await mine.change(newVersion('Revidert 2025'), context, 'en')).ok).to.equal(true);
    const result = await theirs.change(close(2024), context, 'en');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).to.deep.equal([refused('Styring', 'en')]);
  });

  it('refuses after a hand edit of a frame in Rammer, then starts from the edited amount', async () => {
    const { port, mine } = await twoPanes();
    const before = await snapshot(port);
    const ekspert2024 = (row: readonly CellValue[], h: readonly string[]) =>
      row[h.indexOf('Virkemiddel')] === 'ekspertbistand' && row[h.indexOf('Fra')] === 2024;
    await edit(port, 'Rammer', ekspert2024, 'Beløp', 12_345_678);
    const edited = await snapshot(port);
    expect(edited).to.not.deep.equal(before);

    const result = await mine.change(close(2023), context, 'nb');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).to.deep.equal([refused('Rammer')]);
    expect(await snapshot(port)).to.deep.equal(edited);
    const shown = mine.plan.frames.find((f) => f.instrument === 'ekspertbistand' && f.from === 2024);
    expect(shown?.amount?.toFixed2()).to.equal('12345678.00');
    expect((await mine.change(close(2023), context, 'nb')).ok).to.equal(true);
  });

  it('refuses after a hand edit in Forbruk or Poster (every planning table counts)', async () => {
    for (const [table, column] of [
      ['Forbruk', 'Bilag'],
      ['Poster', 'Navn'],
    ] as const) {
      const { port, mine } = await twoPanes();
      const read = (await port.readTable(table))!;
      const value = read.rows[0]![read.header.indexOf(column)];
      await edit(port, table, () => true, column, `${String(value)}-endret`);
      const result = await mine.change(close(2024), context, 'nb');
      expect(result.ok ? [] : result.problems.map((p) => p.message), table).to.deep.equal([refused(read.sheet)]);
    }
  });

  it('refuses after another pane appended to Logg only (a reconciliation), but a hand edit of Logg is a broken log', async () => {
    const { port, mine, theirs } = await twoPanes();
    await theirs.reconcileAt('2024-06-30' as IsoDate, 'nb', 'Ola');
    const result = await mine.change(close(2024), context, 'nb');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).to.deep.equal([refused('Logg')]);
    expect(mine.state.log.at(-1)?.action).to.equal('reconciled');

    await edit(port, 'Logg', () => true, 'Hvem', 'Mallory');
    const broken = await mine.change(close(2024), context, 'nb');
    expect(broken.ok ? [] : broken.problems.map((p) => p.code)).to.deep.equal(['broken_log']);
  });

  it('refuses reopening a closed year when its ledger was edited since the pane read it, then reopens it', async () => {
    const { port, mine } = await twoPanes();
    expect((await mine.change(close(2024), context, 'nb')).ok).to.equal(true);
    await edit(port, 'Forbruk', (row, h) => row[h.indexOf('År')] === 2024, 'Beløp', 1);
    const edited = await snapshot(port);
    const why = { ...context, why: 'Bilag ført med feil beløp' };
    const result = await mine.change(reopen(2024), why, 'nb');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).to.deep.equal([refused('Forbruk')]);
    expect(await snapshot(port)).to.deep.equal(edited);
    // Now the pane shows the locked year's problem, and reopening it is what it offers.
    expect(mine.problems.map((p) => p.code)).to.deep.equal(['closed_ledger_changed']);
    expect((await mine.change(reopen(2024), why, 'nb')).ok).to.equal(true);
  });

  it('refuses writing an evaluation computed before another pane changed the workbook', async () => {
    const { port, mine, theirs } = await twoPanes();
    const evaluation = evaluate({ year: 2024, plan: theirs.plan, lines: theirs.lines, asOf: '2024-12-31' as IsoDate });
    expect((await mine.change(close(2024), context, 'nb')).ok).to.equal(true);
    const after = await snapshot(port);
    const result = await theirs.writeEvaluation(evaluation, 'nb', 'Ola');
    expect([result.written, result.problems.map((p) => p.message)]).to.deep.equal([[], [refused('Styring')]]);
    expect(await snapshot(port)).to.deep.equal(after);
    expect(await port.readTable('Indikatorer')).to.equal(null);
    expect((await theirs.writeEvaluation(evaluation, 'nb', 'Ola')).problems).to.deep.equal([]);
  });

  it('takes its own writes as read: import, reconcile, workbook, evaluation and changes one after the other are all accepted', async () => {
    const { port, mine } = await twoPanes();
    const steps: [string, () => Promise<boolean>][] = [
      ['close 2023', async () => (await mine.change(close(2023), context, 'nb')).ok],
      [
        'import',
        async () =>
          !(
            await mine.importFile(
              'ny.csv',
              new TextEncoder().encode(
                'dato;bilag;virkemiddel;type;beløp;år;tekst\n2025-02-01;U-NY;ekspertbistand;utbetaling;1000,50;2025;Første «linje»\n',
              ),
              false,
              'nb',
              'Kari',
              () => undefined,
            )
          ).rejected,
      ],
      ['version', async () => (await mine.change(newVersion('Revidert 2025'), context, 'nb')).ok],
      [
        // A frame whose amount a change set reads back as entered in the workbook, at its row: still what the pane wrote.
        'reallocate',
        async () => {
          const rows = mine.rows;
          const move = { year: 2025, from: 'ekspertbistand', to: 'kompetansetiltak', amount: Money.of('1000000') };
          return (await mine.change({ make: (s, c, f, r) => reallocateInState(s, move, rows, c, f, 'nb', r) }, context, 'nb')).ok;
        },
      ],
      [
        'carry-over',
        async () => {
          const target = { instrument: 'ekspertbistand', from: 2025, to: 2025 };
          const rule = { kind: 'all', carryOverspend: false } as const;
          return (await mine.change({ make: (s, c, f, r) => setCarryOverInState(s, target, rule, c, f, 'nb', r) }, context, 'nb'))
            .ok;
        },
      ],
      ['reconcile', async () => (await mine.reconcileAt('2025-03-01' as IsoDate, 'nb', 'Kari')).rows.length > 0],
      [
        'condition',
        async () =>
          (await mine.change({ make: (s, c, f, r) => confirmConditionInState(s, 'skil', 2019, c, f, 'nb', r) }, context, 'nb'))
            .ok,
      ],
      [
        'evaluation',
        async () =>
          (
            await mine.writeEvaluation(
              evaluate({ year: 2024, plan: mine.plan, lines: mine.lines, asOf: '2024-12-31' as IsoDate }),
              'nb',
              'Kari',
            )
          ).problems.length === 0,
      ],
      ['workbook', async () => (await mine.writeWorkbook('nb', 'Kari', false)).problems.length === 0],
      ['submit', async () => (await mine.change(status('revidert-2025', 'submitted'), context, 'nb')).ok],
      ['approve', async () => (await mine.change(status('revidert-2025', 'approved'), context, 'nb')).ok],
      ['close 2024', async () => (await mine.change(close(2024), context, 'nb')).ok],
      ['reopen 2024', async () => (await mine.change(reopen(2024), { ...context, why: 'Sen postering' }, 'nb')).ok],
    ];
    for (const [name, step] of steps) expect(await step(), name).to.equal(true);
    expect((await readPlanningFromPort(port, 'plan.xlsx', 'nb')).problems).to.deep.equal([]);
  });

  it('does not take a switch of the pane’s language for a change of the workbook', async () => {
    const { mine, theirs } = await twoPanes();
    const rows = mine.rows;
    const move = { year: 2025, from: 'ekspertbistand', to: 'kompetansetiltak', amount: Money.of('1000000') };
    expect(
      (await mine.change({ make: (s, c, f, r) => reallocateInState(s, move, rows, c, f, 'nb', r) }, context, 'nb')).ok,
    ).to.equal(true);
    // A frame entered in the workbook reads with a source text in the reader's language.
    for (const pane of [mine, theirs]) expect((await pane.load('plan.xlsx', 'nb')).problems).to.deep.equal([]);
    expect((await mine.change(close(2024), context, 'en')).ok).to.equal(true);
    const refusedTheirs = await theirs.change(close(2023), context, 'en');
    expect(refusedTheirs.ok ? [] : refusedTheirs.problems.map((p) => p.message)).to.deep.equal([refused('Styring', 'en')]);
    expect((await theirs.change(close(2023), context, 'en')).ok).to.equal(true);
  });

  it('takes cells that read as what the pane wrote as unchanged (Excel shows a written date as its serial day)', async () => {
    const { port, mine } = await twoPanes();
    const read = (await port.readTable('Forbruk'))!;
    const dato = read.header.indexOf('Dato');
    const rows = read.rows.map((row) => row.map((c, j) => (j === dato ? serialOfIsoDate(String(c)) : c)));
    await port.writeTables([{ spec: specForRead(read), rows }]);
    expect((await port.readTable('Forbruk'))!.rows[0]![dato]).to.be.a('number');
    expect((await mine.change(close(2024), context, 'nb')).ok).to.equal(true);
  });

  it('does not count a change outside the planning tables (Avstemming is the planner’s own output)', async () => {
    const { port, mine } = await twoPanes();
    await edit(port, 'Avstemming', () => true, 'Navn', 'Skrevet over for hånd');
    expect((await mine.change(close(2024), context, 'nb')).ok).to.equal(true);
  });
});
