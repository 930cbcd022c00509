/**
 * One planning session for every host: the command line, the task pane, the preview and the custom
 * functions hold a `PlanningReading` (what the workbook held and what is wrong with it) and change
 * it only through these functions, so they refuse, accept and record exactly alike.
 *
 * - `openSession` reads the planning workbook through any `WorkbookPort` (`readPlanningTables`).
 * - `runChange` is the one gate for a governance change: a state with problems, a broken log or a
 *   change that leaves a closed year altered is refused with the same problems in every host.
 * - `acceptLedgerRead` takes the lines a ledger file added and refuses or skips those a closed year
 *   does not know, with the same report arithmetic everywhere.
 * - `noteInState` records a host's action (an import, a reconciliation) in the hash-chained log.
 * - `changedSinceRead` refuses a change chosen from a reading when the workbook changed since.
 */
import { appendEntry, type ChangeRecord, type LogAction } from '../audit/log.js';
import { LAST_YEAR, type IsoDate } from '../calendar.js';
import {
  appropriationsOfPlan,
  comparePosts,
  readAppropriations,
  type AppropriationsReading,
} from '../reconcile/appropriations.js';
import { bevilgningTable } from '../workbook/write/bevilgning.js';
import { TILSAGNSFULLMAKTER } from '../workbook/tables/layout.js';
import { Ledger, type FileReport } from '../ledger/ledger.js';
import type { LedgerLine } from '../ledger/line.js';
import { embeddedPlan } from '../plan/embedded-plan.js';
import { withCarryOver, type CarryOverRule } from '../plan/carry-over.js';
import { checkClosedLines } from '../plan/closing.js';
import { frameKey } from '../plan/frame.js';
import { previewReallocation, type Reallocation, type ReallocationPreview } from '../plan/reallocation.js';
import type { ChangeContext, PlanVersion } from '../plan/versions.js';
import { noticeText, type GovernanceOutcome } from '../messages/governance.js';
import { Money } from '../money.js';
import { governanceProblem, problem, type Lang, type Problem } from '../messages/problems.js';
import { EXCEL_MAX_CELL_TEXT, hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import { closedYearsOf, EMPTY_GOVERNANCE, governanceTables } from '../workbook/governance.js';
import { logTable } from '../workbook/read/log-table.js';
import { forbrukTable, konteringsreglerTable, posterTable, rammerTable } from '../workbook/write/build.js';
import { currentVersion, type GovernanceResult } from './governance-actions.js';
import {
  checkClosedYears,
  PLANNING_TABLES,
  readPlanningTables,
  type PlanningReading,
  type PlanningState,
} from './planning-state.js';
import { readBackValue } from '../workbook/port/cells.js';
import { isFormula, type Cell, type TableData, type TableRead, type WorkbookPort } from '../workbook/port/port.js';
import { setCarryOverInState, type FrameTarget } from './version-actions.js';

/** The state of a plan without a workbook: the embedded plan, nothing else. */
export function embeddedState(): PlanningState {
  return { plan: embeddedPlan(), governance: EMPTY_GOVERNANCE, lines: [], log: [] };
}

/** The reading of a state that has nothing wrong with it (the embedded plan, or a state just changed). */
export function readingOf(state: PlanningState, rows?: PlanningReading['rows']): PlanningReading {
  return {
    state,
    problems: [],
    logProblems: [],
    unlockedState: state,
    rows: rows ?? { frameRows: new Map(), closedRows: new Map() },
  };
}

/** Reads several tables at once (one Excel.run in Excel), by the names asked for. */
export type TablesReader = (names: readonly string[]) => Promise<ReadonlyMap<string, TableRead | null>>;

/** A `TablesReader` over any port: its own `readTables` where it has one, else one `readTable` per table. */
export function tablesReaderOf(port: WorkbookPort & { readTables?: TablesReader }): TablesReader {
  if (port.readTables) return (names) => port.readTables!(names);
  return async (names) => new Map(await Promise.all(names.map(async (n) => [n, await port.readTable(n)] as const)));
}

/** The planning tables as a host read them, by name; null where the workbook has none. */
export type PlanningTables = ReadonlyMap<string, TableRead | null>;

/** The planning tables read in one go (one Excel.run in Excel), as `openSession` reads them. */
export function readPlanningTablesOf(read: TablesReader): Promise<PlanningTables> {
  return read(PLANNING_TABLES);
}

/**
 * What a workbook's planning tables hold (`readPlanningTables`), or null when it has none of them
 * (a workbook the planner has not written yet). A workbook with some planning tables but no
 * `Rammer` is read, and refused for the missing table.
 */
export function readingOfTables(tables: PlanningTables, file: string, lang: Lang = 'nb'): PlanningReading | null {
  const byName = new Map([...tables].map(([name, table]) => [name.toLowerCase(), table] as const));
  if (![...byName.values()].some((table) => table !== null && table !== undefined)) return null;
  return readPlanningTables((name) => byName.get(name.toLowerCase()) ?? null, file, lang);
}

/**
 * The planning tables after a host wrote `written` over the tables it had read (`before`), as a
 * read would return them (`readBackValue`: a formula's cached value, '' empty), each where it
 * stood. A host compares the workbook with these after its own write (`changedSinceRead`): the
 * engine's reading of a written state is not always the state itself (a frame whose amount a
 * change set reads as entered in the workbook, at its row), so what it wrote is taken as read.
 */
export function tablesAfterWrite(before: PlanningTables, written: readonly TableData[]): PlanningTables {
  const after = new Map(before);
  for (const data of written) {
    const name = [...after.keys()].find((n) => n.toLowerCase() === data.spec.table.toLowerCase()) ?? data.spec.table;
    const old = after.get(name) ?? null;
    after.set(name, {
      sheet: old?.sheet ?? data.spec.sheet,
      table: data.spec.table,
      header: data.spec.columns.map((c) => c.name),
      rows: data.rows.map((row) => row.map(readBackValue)),
      firstRow: old?.firstRow ?? data.spec.origin.row + 1,
    });
  }
  return after;
}

/**
 * Whether two readings of the planning tables hold exactly the same cells, where they stood
 * (sheet, header, first row): then nothing changed, and `changedSinceRead` need not read either.
 * Different cells may still read as the same state (a date as text or as a serial day).
 */
export function samePlanningTables(a: PlanningTables, b: PlanningTables): boolean {
  const byName = (tables: PlanningTables) => new Map([...tables].map(([name, t]) => [name.toLowerCase(), t ?? null] as const));
  const [x, y] = [byName(a), byName(b)];
  return PLANNING_TABLES.every((name) => {
    const [p, q] = [x.get(name.toLowerCase()) ?? null, y.get(name.toLowerCase()) ?? null];
    if (p === null || q === null) return p === q;
    if (p.sheet !== q.sheet || p.firstRow !== q.firstRow || p.rows.length !== q.rows.length) return false;
    if (p.header.length !== q.header.length || p.header.some((h, i) => h !== q.header[i])) return false;
    return p.rows.every((row, r) => {
      const other = q.rows[r]!;
      if (row.length !== other.length) return false;
      for (let c = 0; c < row.length; c++) if (row[c] !== other[c]) return false;
      return true;
    });
  });
}

/**
 * A session over a workbook: what its planning tables hold, read in one go, or null when it has
 * none of them (a workbook the planner has not written yet: the host keeps its plan). A workbook
 * with some planning tables but no `Rammer` is read, and refused for the missing table: a log or
 * ledger is never replaced by the embedded plan's.
 */
export async function openSession(read: TablesReader, file: string, lang: Lang = 'nb'): Promise<PlanningReading | null> {
  return readingOfTables(await readPlanningTablesOf(read), file, lang);
}

/**
 * The date spending is counted to when a change is checked against it (a reallocation's funds
 * check, what a carry-over carries, the reconciliation written with a change): today, or the
 * latest line's date when a line is dated later, so no line is left out of a check. The same in
 * every host; a host's own as-of date only changes what it shows.
 */
export function spendingAsOf(today: IsoDate, lines: readonly LedgerLine[]): IsoDate {
  let latest = today;
  for (const line of lines) if (line.date > latest) latest = line.date;
  return latest;
}

/** How a change may start. */
export interface ChangeOptions {
  readonly file: string;
  readonly lang: Lang;
  /**
   * The change may start from a state whose closed year was changed (only reopening that year);
   * every other closed year must still hold afterwards.
   */
  readonly unlocked?: boolean;
  /** Who and why, as the log will record them: checked before the change is made. */
  readonly context?: ChangeContext;
}

/**
 * Problems with who and why as the log would record them (issue 10): a control character or more
 * than a cell holds would not survive a sheet, so the entry's hash could not be proved again.
 * Refused, naming the Logg column, before anything changes.
 */
export function contextProblems(context: ChangeContext, file: string, lang: Lang = 'nb'): Problem[] {
  const problems: Problem[] = [];
  for (const [column, text] of [
    ['Hvem', context.who],
    ['Begrunnelse', context.why],
  ] as const) {
    const place = { file, sheet: 'Logg', line: null, column };
    if (hasControlCharacter(text, false)) {
      problems.push(problem('control_character', { ...place, value: showControlCharacters(text) }, lang));
    } else if (text.length > EXCEL_MAX_CELL_TEXT) {
      const params = { max: String(EXCEL_MAX_CELL_TEXT), length: String(text.length) };
      problems.push(problem('text_too_long', { ...place, value: `${text.slice(0, 40)}…` }, lang, params));
    }
  }
  return problems;
}

/**
 * Runs one governance change on what a workbook held: refused with the reading's problems when the
 * state cannot be used, with the log's problems when the chain is broken (nothing may be added to
 * a log that does not verify), with the change's own problems, or when a closed year no longer
 * holds afterwards. The accepted result carries the new state with the change at the end of the log.
 * The command line (`runWorkbookChange`) and the task pane (`PlannerSession.change`) both call it.
 */
export function runChange(
  reading: PlanningReading,
  make: (state: PlanningState, frameRows: ReadonlyMap<string, number>) => GovernanceResult,
  options: ChangeOptions,
): GovernanceResult {
  const state = options.unlocked ? reading.unlockedState : reading.state;
  if (!state) return { ok: false, problems: [...reading.problems] };
  const told = options.context ? contextProblems(options.context, options.file, options.lang) : [];
  if (told.length > 0) return { ok: false, problems: told };
  if (reading.logProblems.length > 0) return { ok: false, problems: [...reading.logProblems] };
  // `frameRows`: where each frame stands in Rammer, so a refusal can name its row.
  const result = make(state, reading.rows.frameRows);
  if (!result.ok) return result;
  const stillClosed = checkClosedYears(result.state, reading.rows, options.file, options.lang);
  if (stillClosed.length > 0) return { ok: false, problems: stillClosed };
  return result;
}

/**
 * The planning tables (`PLANNING_TABLES`) whose content differs between two states, in sheet
 * order: Rammer, Poster, the Styring tables and Logg as the planner writes them (the builders
 * `buildWorkbookTables` uses), compared column by column and cell by cell (a formula by its text
 * and cached value); Forbruk line by line, every field its rows hold (`forbrukTable`'s columns:
 * keep the two alike) but not where a line was read from (`file`, `line`), since rendering 100 000
 * lines would cost 0.2 s a side. Only what the planner reads counts: a number format, a comment, a
 * column a user added at the end or anything in Avstemming (its own output) is no difference.
 */
export function tablesChangedBetween(before: PlanningState, after: PlanningState, lang: Lang = 'nb'): TableData[] {
  const tablesOf = (state: PlanningState): TableData[] => [
    rammerTable(state.plan, state.governance.carryOver),
    posterTable(state.plan),
    konteringsreglerTable(state.plan),
    forbrukTable([]),
    ...governanceTables(state.governance, state.plan.frames),
    logTable(state.log, lang),
    ...appropriationsTables(state),
    authorisationsTable(state),
  ];
  const afterByName = new Map(tablesOf(after).map((t) => [t.spec.table, t]));
  const changed = tablesOf(before).filter((table) => {
    const other = afterByName.get(table.spec.table);
    afterByName.delete(table.spec.table);
    if (table.spec.table === 'Forbruk') return !sameLines(before.lines, after.lines);
    return !other || !sameTable(table, other);
  });
  return [...changed, ...afterByName.values()];
}

/**
 * `Bevilgning` as far as the planner reads it (the appropriations, not what the post spent, which
 * Forbruk already compares), or none when the state has no appropriations.
 */
function appropriationsTables(state: PlanningState): TableData[] {
  if (state.appropriations === undefined) return [];
  const posts = comparePosts(state.plan, state.appropriations, new Map(), { everyAppropriation: true });
  return [bevilgningTable(state.plan, posts, `${LAST_YEAR}-12-31` as IsoDate)];
}

/** `Tilsagnsfullmakter` as far as the planner reads it: the authorisations typed, not their use (output). */
function authorisationsTable(state: PlanningState): TableData {
  const rows = (state.authorisations ?? []).map((a) => [
    a.chapter,
    a.post,
    a.year,
    Money.fromMilli(a.amount).toLedgerCellNumber(),
  ]);
  return { spec: TILSAGNSFULLMAKTER, rows };
}

/** What reading an appropriations file into a state gave: the new state (null: refused) and the problems. */
export interface AppropriationsAcceptance {
  readonly state: PlanningState | null;
  readonly problems: readonly Problem[];
  /** The log's words for what was read (the notice a host shows). */
  readonly notice: string;
}

/**
 * Takes DFØ's appropriation history (`readAppropriations`) into a state (CONTRACTS §9): it replaces
 * what `Bevilgning` held (the file is the whole history), and the log records the file, the
 * decisions read and the posts and years they give. A file with any problem changes nothing.
 */
export function acceptAppropriations(
  state: PlanningState,
  read: AppropriationsReading,
  options: { readonly file: string; readonly who: string; readonly at: string; readonly lang: Lang },
): AppropriationsAcceptance {
  if (read.problems.length > 0) return { state: null, problems: read.problems, notice: '' };
  const { kept, outside } = appropriationsOfPlan(state.plan, read.appropriations, state.appropriations);
  const action = {
    code: 'appropriations_imported',
    file: options.file,
    decisions: read.rowsRead,
    posts: kept.size,
    outside,
  } as const;
  const next = noteInState({ ...state, appropriations: kept }, options.who, options.at, action, options.lang);
  return { state: next, problems: [], notice: noticeText(action, options.lang, state.plan.instruments) };
}

/** A whole file in memory, by the name a user would know it by. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Ledger files and an appropriation history read into a state one after the other, each accepted
 * and logged as an import in the task pane is (`acceptLedgerRead`, `acceptAppropriations`); the
 * first file with a problem refuses the whole (null state, its problems). The preview opens on the
 * shipped state accounts this way.
 */
export function importFilesInState(
  state: PlanningState,
  files: { readonly ledgers: readonly NamedBytes[]; readonly appropriations?: NamedBytes },
  options: { readonly who: string; readonly at: string; readonly lang: Lang },
): { readonly state: PlanningState | null; readonly problems: readonly Problem[] } {
  const { who, at, lang } = options;
  const ledger = new Ledger(state.plan);
  if (state.lines.length > 0) ledger.addLines(state.lines[0]!.file, state.lines, lang);
  let current = state;
  for (const file of files.ledgers) {
    const before = ledger.lines.length;
    const report = ledger.addFile(file.name, () => [file.bytes], { lang });
    const accepted = acceptLedgerRead(current, { report, added: ledger.lines.slice(before) }, { skipInvalid: false, lang });
    if (!accepted.state) return { state: null, problems: accepted.report.problems };
    const { imported, duplicates } = accepted.report;
    current = noteInState(
      accepted.state,
      who,
      at,
      { code: 'ledger_imported', file: file.name, imported, duplicates, skipped: 0 },
      lang,
    );
  }
  if (files.appropriations === undefined) return { state: current, problems: [] };
  const { name, bytes } = files.appropriations;
  const accepted = acceptAppropriations(current, readAppropriations(name, bytes, lang), { file: name, who, at, lang });
  return { state: accepted.state, problems: accepted.problems };
}

/** Whether two ledgers hold the same lines in the same order (where each was read from aside). */
function sameLines(a: readonly LedgerLine[], b: readonly LedgerLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.date !== y.date ||
      x.voucher !== y.voucher ||
      x.instrument !== y.instrument ||
      x.kind !== y.kind ||
      x.amount !== y.amount ||
      x.reference !== y.reference ||
      x.year !== y.year ||
      x.chapter !== y.chapter ||
      x.post !== y.post ||
      x.text !== y.text ||
      x.due !== y.due ||
      x.recipient !== y.recipient ||
      x.caseNumber !== y.caseNumber
    )
      return false;
  }
  return true;
}

function sameTable(a: TableData, b: TableData): boolean {
  const names = (t: TableData) => t.spec.columns.map((c) => c.name).join('\u0000');
  if (a.rows.length !== b.rows.length || names(a) !== names(b)) return false;
  return a.rows.every((row, r) => {
    const other = b.rows[r]!;
    const width = Math.max(row.length, other.length);
    for (let c = 0; c < width; c++) if (!sameCell(row[c] ?? null, other[c] ?? null)) return false;
    return true;
  });
}

function sameCell(a: Cell, b: Cell): boolean {
  if (isFormula(a) || isFormula(b)) return isFormula(a) && isFormula(b) && a.formula === b.formula && a.cached === b.cached;
  return a === b;
}

/**
 * The one rule for a change made from what a host showed: refused when the workbook's planning
 * tables changed since the host last read them, or wrote them (a host takes what it wrote, as a
 * read returns it, for read: `tablesAfterWrite`), because someone else edited the workbook in the
 * meantime (a co-author, a hand edit, the command line). `seen` is the reading the host showed,
 * `fresh` the workbook read again just before the change. The refusal (`change_refused`, the
 * notice `workbook_changed_since_read`) names the sheet of the first table that changed; the host
 * then shows `fresh`, and nothing is written. No refusal of its own when either reading has no
 * state to compare, or the fresh one a broken log: `runChange` refuses those with their problems.
 */
export function changedSinceRead(seen: PlanningReading, fresh: PlanningReading, options: ChangeOptions): Problem[] {
  const before = seen.state ?? seen.unlockedState;
  const now = options.unlocked ? fresh.unlockedState : fresh.state;
  if (!before || !now || fresh.logProblems.length > 0) return [];
  const changed = tablesChangedBetween(before, now, options.lang);
  if (changed.length === 0) return [];
  const place = { file: options.file, sheet: changed[0]!.spec.sheet, line: null, column: null, value: null };
  return [governanceProblem('change_refused', place, { code: 'workbook_changed_since_read' }, options.lang)];
}

/** What a ledger file read into a session gave: the report as the user sees it, and the new state (null: rejected). */
export interface LedgerAcceptance {
  readonly report: FileReport;
  readonly state: PlanningState | null;
  /** The lines that were counted. */
  readonly accepted: readonly LedgerLine[];
}

/**
 * Takes the lines a ledger file added (`added`, as the engine's `Ledger` read them) into a state.
 * A line for a closed year that the year was not closed with is a `year_closed` problem: the file
 * is rejected whole, or, with `skipInvalid`, the line is left out and reported.
 */
export function acceptLedgerRead(
  state: PlanningState,
  read: { readonly report: FileReport; readonly added: readonly LedgerLine[] },
  options: { readonly skipInvalid: boolean; readonly lang: Lang },
): LedgerAcceptance {
  if (read.report.rejected) return { report: read.report, state: null, accepted: [] };
  const closed = closedYearsOf(state.governance, state.lines);
  // Identical lines are told apart by occurrence, counted over the year's lines already in the
  // state and then the new ones: a second copy of a line the year was closed with is new.
  const checked = checkClosedLines(closed, [...state.lines, ...read.added], options.lang);
  const problems = checked.problems;
  const accepted = checked.accepted.slice(state.lines.length);
  const report: FileReport = {
    ...read.report,
    imported: read.report.imported - problems.length,
    problems: [...read.report.problems, ...problems],
  };
  if (problems.length > 0 && !options.skipInvalid) {
    return { report: { ...report, imported: 0, duplicates: 0, rejected: true }, state: null, accepted: [] };
  }
  return { report, state: { ...state, lines: checked.accepted }, accepted };
}

/** What a host did that the log records (an import, a reconciliation, a written table): its code and values. */
export type HostAction = Extract<
  GovernanceOutcome,
  {
    code:
      | 'ledger_imported'
      | 'ledger_reread'
      | 'reconciled'
      | 'evaluation_written'
      | 'pane_workbook_written'
      | 'appropriations_imported';
  }
>;

/** The log action each host action is recorded as. */
const HOST_ACTION_CODES: Readonly<Record<HostAction['code'], LogAction>> = {
  ledger_imported: 'ledger_imported',
  ledger_reread: 'ledger_reread',
  reconciled: 'reconciled',
  evaluation_written: 'evaluation_written',
  pane_workbook_written: 'workbook_written',
  appropriations_imported: 'appropriations_imported',
};

/** What a host's action names in the log's `Objekt`: the file, the date or the year. */
function hostTarget(action: HostAction): string {
  switch (action.code) {
    case 'ledger_imported':
    case 'appropriations_imported':
      return action.file;
    case 'reconciled':
      return action.asOf;
    case 'evaluation_written':
      return String(action.year);
    case 'ledger_reread':
      return 'Forbruk';
    case 'pane_workbook_written':
      return '';
  }
}

/**
 * The state with a host's action appended to its hash-chained log, in the catalogue's words
 * (`noticeText`) in the user's language, under its own log code (`ledger_imported` …).
 */
export function noteInState(state: PlanningState, who: string, at: string, action: HostAction, lang: Lang): PlanningState {
  const change: ChangeRecord = {
    at,
    who,
    action: HOST_ACTION_CODES[action.code],
    target: hostTarget(action),
    before: '',
    after: noticeText(action, lang, state.plan.instruments),
    why: '',
  };
  return { ...state, log: appendEntry(state.log, change, state.logKey ?? null) };
}

/** A version as a session lists it: with its frames, or without when the workbook did not store them. */
export interface ListedVersion extends PlanVersion {
  /** Whether the frames are known (false: an older workbook listed it without `Versjonsrammer`). */
  readonly stored: boolean;
}

/** Every version of a state in `Versjoner` order, the one in use (its frames: the plan's) last. */
export function versionsOfState(state: PlanningState): ListedVersion[] {
  const current = currentVersion(state);
  if (state.governance.versions.length === 0) return [{ ...current, stored: true }];
  return state.governance.versions.map((entry) => {
    if (entry.id === current.id) return { ...current, stored: true };
    const frames = state.governance.versionFrames.get(entry.id);
    return { ...entry, frames: frames ?? [], stored: frames !== undefined };
  });
}

/** The years a state has closed, in order. */
export function closedYearsOfState(state: PlanningState): number[] {
  return state.governance.closedYears.map((r) => r.year).sort((a, b) => a - b);
}

/** The figures of a proposed reallocation in the version in use (the funds check), without changing anything. */
export function previewReallocationInState(
  state: PlanningState,
  move: Reallocation,
  rows: readonly ReconciliationRow[],
  lang: Lang = 'nb',
): ReallocationPreview {
  const closed = closedYearsOf(state.governance, state.lines);
  return previewReallocation(currentVersion(state), move, rows, closed, lang, state.plan.instruments);
}

/** The context of a change: who, when (`at`, a log timestamp) and why (trimmed). */
export function changeContext(who: string, at: string, why: string): ChangeContext {
  return { who: who.trim(), at, why: why.trim() };
}

/** The problems that keep a reading from being changed, or none. */
export function readingProblems(reading: PlanningReading): Problem[] {
  return reading.state ? [...reading.logProblems] : [...reading.problems];
}

/** What a frame carries into the next year under the state's rules, as Avstemming shows it (`Overført inn`). */
export interface CarriedIn {
  /** The year carried into. */
  readonly intoYear: number;
  /** What that year's frame of the instrument receives; null when the instrument has no frame starting then. */
  readonly carriedIn: Money | null;
}

/** What the frame `key` carries into the year after it ends, by the state's carry-over rules over `rows`. */
export function carriedIntoNextYear(state: PlanningState, key: string, rows: readonly ReconciliationRow[]): CarriedIn | null {
  const source = state.plan.frames.find((f) => frameKey(f) === key);
  if (!source) return null;
  const intoYear = source.to + 1;
  const next = withCarryOver(rows, state.governance.carryOver).find(
    (c) => c.row.instrument === source.instrument && c.row.from === intoYear,
  );
  return { intoYear, carriedIn: next?.carriedIn ?? null };
}

/** A carry-over rule tried on a state: the new state and what the next year receives, or the problems that refuse it. */
export type CarryOverTrial = (GovernanceResult & { readonly ok: true } & CarriedIn) | (GovernanceResult & { readonly ok: false });

/**
 * Sets an annual frame's carry-over rule (`setCarryOverInState`, as the command line does) and says
 * what the next year would then receive, from the reconciliation `rows`. Nothing is kept: the host
 * keeps the new state only when the user submits (through `runChange`).
 */
export function tryCarryOverInState(
  state: PlanningState,
  target: FrameTarget,
  rule: CarryOverRule,
  rows: readonly ReconciliationRow[],
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
  frameRows: ReadonlyMap<string, number> = new Map(),
): CarryOverTrial {
  const result = setCarryOverInState(state, target, rule, context, file, lang, frameRows);
  if (!result.ok) return result;
  const carried = carriedIntoNextYear(result.state, result.change.target, rows);
  return { ...result, intoYear: carried?.intoYear ?? target.from + 1, carriedIn: carried?.carriedIn ?? null };
}
