/**
 * One planning session for every host: a workbook with the example ledger, 2024 closed, then
 * touched by hand. The command line, the task pane and the custom functions all read and change
 * it through these functions, so what is refused here is refused in each of them.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  acceptLedgerRead,
  closeYearInState,
  embeddedState,
  FIVE_PERCENT_RULE,
  Ledger,
  ledgerLinesFromTable,
  MemoryWorkbookPort,
  newVersionInState,
  noteInState,
  openSession,
  planningTables,
  readingOf,
  reconcileState,
  reopenYearInState,
  runChange,
  tablesReaderOf,
  tryCarryOverInState,
  verifyChain,
  versionsOfState,
  yearTotals,
  type IsoDate,
  type PlanningState,
  type TableData,
} from '../../../engine/index.js';

const EXAMPLE = path.join(process.cwd(), 'examples', 'forbruk-eksempel.csv');
const AS_OF = '2024-12-31' as IsoDate;
const context = { who: 'Kari Nordmann', at: '2025-01-15T09:00:00+01:00', why: 'Årlig vurdering vedtatt' };
const FILE = 'plan.xlsx';

function exampleState(): PlanningState {
  const state = embeddedState();
  const ledger = new Ledger(state.plan);
  ledger.addFile('forbruk-eksempel.csv', () => [readFileSync(EXAMPLE)]);
  return { ...state, lines: ledger.lines };
}

function closed2024(): PlanningState {
  const result = closeYearInState(exampleState(), 2024, context, FILE);
  if (!result.ok) throw new Error('2024 could not be closed');
  return result.state;
}

/** A workbook holding a state, with one table's rows changed by `edit` (as a user would in Excel). */
async function workbookOf(state: PlanningState, edit?: (t: TableData) => TableData): Promise<MemoryWorkbookPort> {
  const port = new MemoryWorkbookPort();
  const tables = planningTables(state, { asOf: AS_OF, lang: 'nb' });
  await port.writeTables(edit ? tables.map(edit) : tables);
  return port;
}

/** Forbruk with the amount of its first 2024 row changed to `amount`. */
function change2024Amount(amount: number | string) {
  return (t: TableData): TableData => {
    if (t.spec.table !== 'Forbruk') return t;
    const [beløp, år] = ['Beløp', 'År'].map((h) => t.spec.columns.findIndex((c) => c.name === h));
    const first = t.rows.findIndex((row) => row[år!] === 2024);
    return { ...t, rows: t.rows.map((row, i) => (i === first ? row.map((c, j) => (j === beløp ? amount : c)) : row)) };
  };
}

describe('the planning session', function () {
  it('reads a workbook without Rammer as no session (the host keeps its plan), and a written one whole', async function () {
    expect(await openSession(tablesReaderOf(new MemoryWorkbookPort()), FILE)).to.equal(null);
    const reading = await openSession(tablesReaderOf(await workbookOf(closed2024())), FILE);
    expect(reading?.problems).to.deep.equal([]);
    expect(reading?.state?.governance.closedYears.map((r) => r.year)).to.deep.equal([2024]);
    expect(reading?.state?.lines).to.have.length(exampleState().lines.length);
  });

  it('refuses every change of a workbook whose closed 2024 ledger was changed, with the problem the reading found', async function () {
    const reading = (await openSession(tablesReaderOf(await workbookOf(closed2024(), change2024Amount(1))), FILE))!;
    expect(reading.state).to.equal(null);
    expect(reading.problems.map((p) => [p.code, p.sheet, p.column, p.value])).to.deep.equal([
      ['closed_ledger_changed', 'Styring', 'Linjekontroll', '2024'],
    ]);
    const close2025 = runChange(reading, (s) => closeYearInState(s, 2025, context, FILE), { file: FILE, lang: 'nb' });
    expect(close2025.ok ? [] : close2025.problems).to.deep.equal(reading.problems);
  });

  it('reopens the changed year from the unlocked state, and the reopened state reads clean', async function () {
    const reading = (await openSession(tablesReaderOf(await workbookOf(closed2024(), change2024Amount(1))), FILE))!;
    const why = { ...context, why: 'Bilag ført på feil beløp' };
    const reopened = runChange(reading, (s) => reopenYearInState(s, 2024, why, FILE), { file: FILE, lang: 'nb', unlocked: true });
    if (!reopened.ok) throw new Error(reopened.problems.map((p) => p.message).join(' '));
    expect(reopened.state.governance.closedYears).to.deep.equal([]);
    expect(reopened.state.log.map((e) => e.action)).to.deep.equal(['year_closed', 'year_reopened']);
    expect(verifyChain(reopened.state.log).ok).to.equal(true);
    const again = (await openSession(tablesReaderOf(await workbookOf(reopened.state)), FILE))!;
    expect(again.problems).to.deep.equal([]);
  });

  it('refuses a change that would leave another closed year changed (reopening 2024 does not unlock 2023)', function () {
    const state = closed2024();
    const closed2023 = closeYearInState(state, 2023, context, FILE);
    if (!closed2023.ok) throw new Error('2023');
    // A 2023 line added behind the planner's back: reopening 2024 must not carry it in.
    const line = {
      ...state.lines[0]!,
      voucher: 'X-2023',
      year: 2023 as (typeof state.lines)[0]['year'],
      date: '2023-06-01' as IsoDate,
    };
    const touched = { ...closed2023.state, lines: [...closed2023.state.lines, line] };
    const reading = { ...readingOf(touched), state: null, unlockedState: touched };
    const result = runChange(reading, (s) => reopenYearInState(s, 2024, context, FILE), {
      file: FILE,
      lang: 'nb',
      unlocked: true,
    });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.value])).to.deep.equal([['closed_ledger_changed', '2023']]);
  });

  it('refuses a change while the log does not verify, and adds nothing to it', function () {
    const state = exampleState();
    const noted = noteInState(state, 'Kari', context.at, { code: 'reconciled', asOf: AS_OF }, 'nb');
    expect(noted.log.map((e) => [e.action, e.target, e.after])).to.deep.equal([['reconciled', AS_OF, 'Avstemt per 31.12.2024.']]);
    const reading = {
      ...readingOf(noted),
      logProblems: [
        { code: 'broken_log', file: FILE, line: 2, column: 'Hash', value: null, expected: '', message: 'brutt' } as const,
      ],
    };
    const result = runChange(reading, (s) => closeYearInState(s, 2024, context, FILE), { file: FILE, lang: 'nb' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).to.deep.equal(['broken_log']);
  });

  it('rejects a ledger file with a new 2024 line once 2024 is closed, or leaves the line out when told to keep valid lines', function () {
    const state = closed2024();
    const ledger = new Ledger(state.plan);
    ledger.addLines('plan.xlsx', state.lines);
    const csv =
      'dato;bilag;virkemiddel;type;beløp;år\n2024-11-01;U-NY-1;ekspertbistand;utbetaling;1000,00;2024\n2025-02-01;U-NY-2;ekspertbistand;utbetaling;2000,00;2025\n';
    const before = ledger.lines.length;
    const report = ledger.addText('ny.csv', csv);
    const read = { report, added: ledger.lines.slice(before) };
    const strict = acceptLedgerRead(state, read, { skipInvalid: false, lang: 'nb' });
    expect(strict.state).to.equal(null);
    expect([strict.report.rejected, strict.report.imported]).to.deep.equal([true, 0]);
    expect(strict.report.problems.map((p) => [p.code, p.file, p.line, p.column, p.value])).to.deep.equal([
      ['year_closed', 'ny.csv', 2, 'år', '2024'],
    ]);
    const lenient = acceptLedgerRead(state, read, { skipInvalid: true, lang: 'nb' });
    expect([lenient.report.rejected, lenient.report.imported]).to.deep.equal([false, 1]);
    expect(lenient.state?.lines.length).to.equal(state.lines.length + 1);
    expect(lenient.accepted.map((l) => l.voucher)).to.deep.equal(['U-NY-2']);
  });

  it('takes a second copy of a line the closed year holds once as a new line for that year, and refuses it', function () {
    const state = closed2024();
    const line = state.lines.find((l) => l.year === 2024)!;
    const ledger = new Ledger(state.plan);
    ledger.addLines('plan.xlsx', state.lines);
    const before = ledger.lines.length;
    // An export holding the line twice: one copy is the known line, the other a new split posting.
    const csv = `dato;bilag;virkemiddel;type;beløp;referanse;år\n${[1, 2].map(() => `${line.date};${line.voucher};${line.instrument};${line.kind};${line.amount / 1000n},${String((line.amount % 1000n) / 10n).padStart(2, '0')};${line.reference};2024`).join('\n')}\n`;
    const report = ledger.addText('dobbel.csv', csv);
    const read = { report, added: ledger.lines.slice(before) };
    expect([report.imported, report.duplicates]).to.deep.equal([1, 1]);
    const accepted = acceptLedgerRead(state, read, { skipInvalid: false, lang: 'nb' });
    expect(accepted.state).to.equal(null);
    expect(accepted.report.problems.map((p) => [p.code, p.value])).to.deep.equal([['year_closed', '2024']]);
  });

  it('reads Forbruk number cells as their exact decimals: 0.00001 and 12.3456 are too many decimals (Forbruk keeps the third decimal of the state accounts, no more)', function () {
    const state = exampleState();
    const tables = planningTables(state, { asOf: AS_OF, lang: 'nb' });
    for (const amount of [0.00001, 12.3456]) {
      const forbruk = change2024Amount(amount)(tables.find((t) => t.spec.table === 'Forbruk')!);
      const read = {
        sheet: 'Forbruk',
        table: 'Forbruk',
        header: forbruk.spec.columns.map((c) => c.name),
        rows: forbruk.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))),
        firstRow: 2,
      };
      const reading = ledgerLinesFromTable(read, state.plan, FILE);
      expect(
        reading.problems.map((p) => [p.code, p.column, p.value]),
        String(amount),
      ).to.deep.equal([['too_many_decimals', 'Beløp', String(amount).replace('.', ',').replace('1e-5', '0,00001')]]);
    }
  });

  it('tries a 5 % carry-over of the 2024 ekspertbistand frame without keeping it: what 2025 receives, and the log entry it would add', function () {
    const state = exampleState();
    const rows = reconcileState(embeddedState(), AS_OF).rows;
    const target = { instrument: 'ekspertbistand', from: 2024, to: 2024 };
    const trial = tryCarryOverInState(state, target, FIVE_PERCENT_RULE, rows, context, FILE);
    if (!trial.ok) throw new Error(trial.problems.map((p) => p.message).join(' '));
    expect(trial.intoYear).to.equal(2025);
    // With no spending passed, 5 % of the 50 000 000 kr frame is what may be carried.
    expect(trial.carriedIn?.toFixed2()).to.equal('2500000.00');
    expect(trial.state.log.map((e) => e.action)).to.deep.equal(['carry_over_rule']);
    expect(state.governance.carryOver.size).to.equal(0);
  });

  it('lists the embedded plan as the one version `plan`, and a new version made from it with the frames kept', function () {
    const state = embeddedState();
    expect(versionsOfState(state).map((v) => [v.id, v.status, v.stored])).to.deep.equal([['plan', 'draft', true]]);
    const made = newVersionInState(state, { name: 'RNB 2025', kind: 'budget_round', from: 'plan' }, context, FILE);
    if (!made.ok) throw new Error('no version');
    expect(versionsOfState(made.state).map((v) => [v.id, v.frames.length])).to.deep.equal([
      ['plan', state.plan.frames.length],
      ['rnb-2025', state.plan.frames.length],
    ]);
  });

  it('counts the year totals as the budget does: state frames, the SKIL pool in 2019', function () {
    const state = embeddedState();
    const totals = yearTotals(reconcileState(state, AS_OF).rows);
    expect(totals.slice(0, 2).map((t) => [t.year, t.frames.toFixed2()])).to.deep.equal([
      [2019, '273000000.00'],
      [2020, '271000000.00'],
    ]);
  });
});
