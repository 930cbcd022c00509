/**
 * The task pane's link to the engine's planning session and to the workbook port. It holds what
 * the workbook held (a `PlanningReading`) and the view's own choices (the as-of date), and changes
 * the state only through the engine (`runChange`, `acceptLedgerRead`, `noteInState`), so the pane
 * refuses and records exactly what the command line does. Owned by `<ia-app>`; components never see it.
 */
import {
  acceptLedgerRead,
  embeddedState,
  evaluationTables,
  findEditedTables,
  noteInState,
  openSession,
  planningTables,
  readingOf,
  reconcileState,
  runChange,
  tablesReaderOf,
  tryCarryOverInState,
  type CarryOverRule,
  type CarryOverTrial,
  type ChangeContext,
  type Evaluation,
  type FileReport,
  type FrameTarget,
  type GovernanceResult,
  type HostAction,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Plan,
  type PlanningReading,
  type PlanningState,
  type Problem,
  type Reconciliation,
  type ReconciliationRow,
  type TableData,
} from '../../engine/index.js';
import type { TaskpaneHost } from './host.js';
import { t } from '../../engine/messages/ui.js';
import { createLedgerStore, type LedgerStore } from './ledger-store.js';

/** Tables a user fills in; replacing them when they differ from what we would write loses work. */
const USER_TABLES = ['Rammer', 'Poster', 'Forbruk'];

/** The tables a governance change rewrites. */
const GOVERNANCE_TABLES = ['Rammer', 'Avstemming', 'Versjoner', 'Versjonsrammer', 'Arsavslutning', 'Logg'];

/** A change the pane asks for: the engine function to run on the state, and whether it may start from a locked closed year. */
export interface ChangeRequest {
  readonly make: (
    state: PlanningState,
    context: ChangeContext,
    file: string,
    frameRows: ReadonlyMap<string, number>,
  ) => GovernanceResult;
  /** Only reopening a year may start from a state whose closed year was changed. */
  readonly unlocked?: boolean;
}

/** The session. */
export class PlannerSession {
  /** What the workbook held; changed only through the engine. */
  private reading: PlanningReading = readingOf(embeddedState());
  /** The state last shown: kept while a workbook with problems is open, so the views have a plan to show. */
  private shown: PlanningState = embeddedState();
  reconciliation: Reconciliation | null = null;
  asOf: IsoDate;
  /** The workbook's name in problems and messages. */
  file: string;
  private readonly store: LedgerStore;

  constructor(private readonly host: TaskpaneHost) {
    this.asOf = host.today() as IsoDate;
    this.file = t('nb', 'theWorkbook');
    this.store = createLedgerStore(this.shown.plan);
  }

  /** The state the views show. */
  get state(): PlanningState {
    return this.reading.state ?? this.reading.unlockedState ?? this.shown;
  }
  get plan(): Plan {
    return this.state.plan;
  }
  get lines(): readonly LedgerLine[] {
    return this.state.lines;
  }
  /** Problems that keep the workbook from being changed (as the command line would refuse it), or none. */
  get problems(): readonly Problem[] {
    return this.reading.state ? this.reading.logProblems : this.reading.problems;
  }

  /** The reconciliation rows to check a change against (spending so far, or none). */
  get rows(): readonly ReconciliationRow[] {
    return (this.reconciliation ?? reconcileState(this.state, this.asOf)).rows;
  }

  /**
   * Reads the planning workbook through the engine (the very reading of the command line); a
   * workbook without `Rammer` keeps the embedded plan. Returns the problems found: while there are
   * any, the views show the workbook as read and every change is refused with them.
   */
  async load(file: string, lang: Lang): Promise<{ loaded: boolean; problems: readonly Problem[] }> {
    this.file = file;
    const reading = await openSession(tablesReaderOf(this.host.port), file, lang);
    if (!reading) {
      this.adopt(readingOf(embeddedState()));
      return { loaded: false, problems: [] };
    }
    this.adopt(reading);
    return { loaded: true, problems: this.problems };
  }

  /** Runs a governance change through the engine's one gate, then writes the tables it changes. */
  async change(request: ChangeRequest, context: ChangeContext, lang: Lang): Promise<GovernanceResult> {
    const result = runChange(this.reading, (state, rows) => request.make(state, context, this.file, rows), {
      file: this.file,
      lang,
      unlocked: request.unlocked ?? false,
    });
    if (!result.ok) return result;
    this.adopt(readingOf(result.state, this.reading.rows), false);
    if (await this.hasWorkbook()) await this.write(GOVERNANCE_TABLES, lang);
    return result;
  }

  /** What a carry-over rule in the form would give, as of the current spending; nothing changes. */
  tryCarryOver(target: FrameTarget, rule: CarryOverRule, context: ChangeContext, lang: Lang): CarryOverTrial {
    const state = this.reading.state;
    if (!state) return { ok: false, problems: [...this.problems] };
    return tryCarryOverInState(state, target, rule, this.rows, context, this.file, lang, this.reading.rows.frameRows);
  }

  /** Writes the evaluation's sheet (Indikatorer, Vurderinger) to the workbook. */
  async writeEvaluation(evaluation: Evaluation, lang: Lang, user: string): Promise<string[]> {
    const tables = evaluationTables(evaluation, lang);
    await this.host.port.writeTables(tables);
    const written = { code: 'evaluation_written', year: evaluation.year, instruments: evaluation.instruments.length } as const;
    if (this.note(user, written, lang) && (await this.hasWorkbook())) await this.write(['Logg'], lang);
    return tables.map((t) => t.spec.table);
  }

  /**
   * Reads the workbook again (rows typed or pasted into Forbruk in Excel): every table through the
   * engine, so a changed row of a closed year is refused as the command line refuses it.
   */
  async rereadForbruk(lang: Lang, user: string): Promise<{ lines: number; problems: readonly Problem[] } | null> {
    const forbruk = await this.host.port.readTable('Forbruk');
    if (!forbruk) return null;
    const { problems } = await this.load(this.file, lang);
    if (problems.length > 0) return { lines: this.lines.length, problems };
    this.note(user, { code: 'ledger_reread', lines: this.lines.length }, lang);
    await this.write(['Avstemming', 'Logg'], lang);
    return { lines: this.lines.length, problems };
  }

  /** Reads a ledger file. Nothing changes unless the file is accepted (clean, or `skipInvalid`). */
  async importFile(
    name: string,
    bytes: Uint8Array,
    skipInvalid: boolean,
    lang: Lang,
    user: string,
    onProgress: (f: number) => void,
  ): Promise<FileReport> {
    const state = this.reading.state;
    if (!state)
      return {
        file: name,
        encoding: null,
        imported: 0,
        duplicates: 0,
        rejected: true,
        problems: [...this.problems],
        warnings: [],
      };
    const read = await this.store.read({ name, bytes, skipInvalid, lang }, onProgress);
    const accepted = acceptLedgerRead(state, read, { skipInvalid, lang });
    if (!accepted.state) {
      // The store counted the refused file's lines; it starts again from the lines that count.
      if (!read.report.rejected) this.store.reset(state.plan, state.lines);
      return accepted.report;
    }
    const report = accepted.report;
    this.adopt(readingOf(accepted.state, this.reading.rows), false);
    this.reconciliation = reconcileState(this.state, this.asOf);
    const { imported, duplicates } = report;
    this.note(user, { code: 'ledger_imported', file: name, imported, duplicates, skipped: report.problems.length }, lang);
    if (await this.hasWorkbook()) await this.write(['Forbruk', 'Avstemming', 'Logg'], lang);
    return report;
  }

  /** Reconciles as of a date and writes Avstemming when the workbook is there. */
  async reconcileAt(asOf: IsoDate, lang: Lang, user: string): Promise<Reconciliation> {
    this.asOf = asOf;
    this.reconciliation = reconcileState(this.state, asOf);
    if (this.note(user, { code: 'reconciled', asOf }, lang) && (await this.hasWorkbook()))
      await this.write(['Forbruk', 'Avstemming', 'Logg'], lang);
    return this.reconciliation;
  }

  /** The user tables that a refresh would replace although the user changed them. */
  async editedTables(lang: Lang): Promise<string[]> {
    const existing = await tablesReaderOf(this.host.port)(USER_TABLES);
    return findEditedTables(existing, this.tables(lang), USER_TABLES);
  }

  /** The layout's tables the workbook lacks. */
  async missingTables(lang: Lang): Promise<string[]> {
    const names = this.tables(lang).map((table) => table.spec.table);
    const found = await tablesReaderOf(this.host.port)(names);
    return names.filter((name) => !found.get(name));
  }

  /** Creates or refreshes every table of the planning workbook; refused (with the problems) while the workbook has any. */
  async writeWorkbook(
    lang: Lang,
    user: string,
    replaceEdited: boolean,
  ): Promise<{ written: string[]; problems: readonly Problem[] }> {
    if (this.problems.length > 0) return { written: [], problems: this.problems };
    this.note(user, { code: 'pane_workbook_written', frames: this.plan.frames.length, lines: this.lines.length }, lang);
    return { written: await this.write(null, lang, replaceEdited), problems: [] };
  }

  /** Takes a reading as the session's; `reread`: the ledger store starts over from its lines. */
  private adopt(reading: PlanningReading, reread = true): void {
    this.reading = reading;
    this.shown = this.state;
    if (reread) {
      this.store.reset(this.state.plan, this.state.lines);
      this.reconciliation = this.lines.length > 0 ? reconcileState(this.state, this.asOf) : null;
    } else if (this.reconciliation || this.lines.length > 0) {
      this.reconciliation = reconcileState(this.state, this.asOf);
    }
  }

  private async hasWorkbook(): Promise<boolean> {
    return (await this.host.port.readTable('Forbruk')) !== null;
  }

  private tables(lang: Lang): TableData[] {
    return planningTables(this.state, { asOf: this.reconciliation?.asOf ?? this.asOf, lang });
  }

  /** Writes tables; Logg holds the log read from the workbook plus this session's entries, so it only ever grows. */
  private async write(only: readonly string[] | null, lang: Lang, replaceEdited = false): Promise<string[]> {
    const tables = this.tables(lang).filter((t) => only === null || only.includes(t.spec.table));
    await this.host.port.writeTables(tables, { replaceEdited });
    return tables.map((t) => t.spec.table);
  }

  /**
   * Notes an action (an import, a reconciliation) in the change log, in the same hash chain; not
   * while the workbook has problems (nothing is added to a log that does not verify).
   */
  private note(who: string, action: HostAction, lang: Lang): boolean {
    const state = this.reading.state;
    if (!state || this.reading.logProblems.length > 0) return false;
    this.adopt(readingOf(noteInState(state, who, this.host.now(), action, lang), this.reading.rows), false);
    return true;
  }
}
