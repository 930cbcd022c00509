/**
 * The task pane's link to the engine's planning session and to the workbook port. It holds what
 * the workbook held (a `PlanningReading`) and the view's own choices (the as-of date), and changes
 * the state only through the engine (`runChange`, `acceptLedgerRead`, `noteInState`), so the pane
 * refuses and records exactly what the command line does. Owned by `<ia-app>`; components never see it.
 */
import {
  acceptAppropriations,
  acceptLedgerRead,
  postsOfState,
  readAppropriations,
  type PostComparison,
  changedSinceRead,
  embeddedState,
  evaluationTables,
  findEditedTables,
  noteInState,
  readingOfTables,
  readPlanningTablesOf,
  samePlanningTables,
  tablesAfterWrite,
  planningTables,
  readingOf,
  readingProblems,
  reconcileState,
  runChange,
  setSplitShares,
  addMappingRule,
  mappingRuleWords,
  type SplitTarget,
  type TypedRule,
  type TypedShare,
  spendingAsOf,
  tablesReaderOf,
  tryCarryOverInState,
  type CarryOverRule,
  type CarryOverTrial,
  type ChangeContext,
  type Evaluation,
  type FileReport,
  type FrameTarget,
  type GovernanceResult,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Plan,
  type PlanningReading,
  type PlanningState,
  type PlanningTables,
  type Problem,
  type Reconciliation,
  type ReconciliationRow,
  refusedFile,
  type TableData,
} from '../../engine/index.js';
import type { TaskpaneHost } from './host.js';
import { t } from '../../engine/messages/ui.js';
import { createLedgerStore, type LedgerStore } from './ledger-store.js';

/** Tables a user fills in; replacing them when they differ from what we would write loses work. */
const USER_TABLES = ['Rammer', 'Poster', 'Forbruk'];

/** The tables a governance change rewrites. */
/** The tables the engine computes from the frames and the ledger: written again with every change that moves either. */
const FIGURES = ['Avstemming', 'Bevilgning', 'Tilsagnsfullmakter', 'Tilsagn', 'ApneTilsagn'];
const GOVERNANCE_TABLES = ['Rammer', ...FIGURES, 'Versjoner', 'Versjonsrammer', 'Arsavslutning', 'Logg'];

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
  /**
   * The planning tables as the pane last read them, with what it wrote since laid over them
   * (`tablesAfterWrite`): what a change is compared with; null before the first reading.
   */
  private seenTables: PlanningTables | null = null;
  /** The engine's reading of `seenTables` in a language, kept until the pane writes. */
  private seenReading: { readonly lang: Lang; readonly file: string; readonly reading: PlanningReading | null } | null = null;
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
    return readingProblems(this.reading);
  }

  /**
   * The spending a change is checked against (a reallocation's funds check, what a carry-over
   * carries): every line, counted to `spendingAsOf` as the command line counts it, whatever date
   * the pane shows.
   */
  get rows(): readonly ReconciliationRow[] {
    return reconcileState(this.state, spendingAsOf(this.host.today() as IsoDate, this.lines)).rows;
  }

  /**
   * Reads the planning workbook through the engine (the very reading of the command line); a
   * workbook with no planning table keeps the pane's plan. Returns the problems found: while there
   * are any, every change is refused with them and the pane says that what it shows is not the
   * workbook's.
   */
  async load(file: string, lang: Lang): Promise<{ loaded: boolean; problems: readonly Problem[] }> {
    this.file = file;
    const reading = await this.read(lang);
    if (!reading) {
      this.adopt(readingOf(embeddedState()));
      return { loaded: false, problems: [] };
    }
    this.adopt(reading);
    this.asOf = spendingAsOf(this.host.today() as IsoDate, this.lines);
    return { loaded: true, problems: this.problems };
  }

  /**
   * Reads the workbook again before anything is changed, as the command line reads it for every
   * command: a row edited in Excel since the last action is judged, never overwritten unseen.
   */
  private async refresh(lang: Lang): Promise<void> {
    const reading = await this.read(lang);
    if (reading) this.adopt(reading);
  }

  /** Reads the planning tables through the engine, and keeps them as what the pane has seen. */
  private async read(lang: Lang): Promise<PlanningReading | null> {
    const tables = await readPlanningTablesOf(tablesReaderOf(this.host.port));
    const reading = readingOfTables(tables, this.file, lang);
    this.seenTables = tables;
    this.seenReading = { lang, file: this.file, reading };
    return reading;
  }

  /**
   * What the pane last read (or wrote) as the engine reads it in `lang`, from what was kept then;
   * the pane's own state before any reading, or when the workbook had no planning table.
   */
  private seen(lang: Lang, tables: PlanningTables | null, kept: PlannerSession['seenReading']): PlanningReading {
    if (kept && kept.lang === lang && kept.file === this.file) return kept.reading ?? this.reading;
    return (tables && readingOfTables(tables, this.file, lang)) ?? this.reading;
  }

  /** Writes tables to the workbook; what it holds now counts as seen (`tablesAfterWrite`). */
  private async write(tables: readonly TableData[], options?: { replaceEdited: boolean }): Promise<void> {
    await (options ? this.host.port.writeTables(tables, options) : this.host.port.writeTables(tables));
    if (this.seenTables) this.seenTables = tablesAfterWrite(this.seenTables, tables);
    this.seenReading = null;
  }

  /**
   * Reads the workbook again before an action that was chosen from what the pane showed (a
   * governance change, whose form's figures came from it; an evaluation computed from it). Returns
   * the engine's refusal (`changedSinceRead`) when the planning tables changed since the pane last
   * read them or wrote them (someone else edited the workbook meanwhile): the pane then shows the
   * new reading and the action writes nothing. `unlocked`: the action starts from a locked year's state.
   * LIMITATION: this read and the write are two `Excel.run`s; in between, the write's own check
   * (`write-preflight.ts`) catches a hand edit of a table it writes, not another pane's write.
   */
  private async refreshUnchanged(lang: Lang, unlocked = false): Promise<Problem[]> {
    const [tables, kept] = [this.seenTables, this.seenReading];
    const reading = await this.read(lang);
    if (!reading) return [];
    // The same cells as seen: nothing to read again. Else the engine compares what each reads as.
    const same = tables !== null && samePlanningTables(tables, this.seenTables!);
    const refused = same ? [] : changedSinceRead(this.seen(lang, tables, kept), reading, { file: this.file, lang, unlocked });
    this.adopt(reading);
    return refused;
  }

  /**
   * Runs a governance change through the engine's one gate, then writes the tables it changes;
   * refused, writing nothing, when the workbook changed since the pane read it.
   */
  async change(request: ChangeRequest, context: ChangeContext, lang: Lang): Promise<GovernanceResult> {
    const changedElsewhere = await this.refreshUnchanged(lang, request.unlocked ?? false);
    if (changedElsewhere.length > 0) return { ok: false, problems: changedElsewhere };
    const result = runChange(this.reading, (state, rows) => request.make(state, context, this.file, rows), {
      file: this.file,
      lang,
      unlocked: request.unlocked ?? false,
      context,
    });
    if (!result.ok) return result;
    await this.commit(result.state, GOVERNANCE_TABLES, lang);
    return result;
  }

  /** What a carry-over rule in the form would give, as of the current spending; nothing changes. */
  tryCarryOver(target: FrameTarget, rule: CarryOverRule, context: ChangeContext, lang: Lang): CarryOverTrial {
    const state = this.reading.state;
    if (!state) return { ok: false, problems: [...this.problems] };
    return tryCarryOverInState(state, target, rule, this.rows, context, this.file, lang, this.reading.rows.frameRows);
  }

  /**
   * Writes the evaluation's sheet (Indikatorer, Vurderinger) and its log entry, in one write; refused
   * while the workbook has problems, and when it changed since the pane read it (the evaluation was
   * computed from what the pane showed).
   */
  async writeEvaluation(
    evaluation: Evaluation,
    lang: Lang,
    user: string,
  ): Promise<{ written: string[]; problems: readonly Problem[] }> {
    const changedElsewhere = await this.refreshUnchanged(lang);
    if (changedElsewhere.length > 0) return { written: [], problems: changedElsewhere };
    const state = this.usable();
    if (!state) return { written: [], problems: this.problems };
    const written = { code: 'evaluation_written', year: evaluation.year, instruments: evaluation.instruments.length } as const;
    const noted = noteInState(state, user, this.host.now(), written, lang);
    const tables = evaluationTables(evaluation, lang);
    const logg = this.tablesOf(noted, lang).filter((t) => t.spec.table === 'Logg');
    await this.write([...tables, ...((await this.hasWorkbook()) ? logg : [])]);
    this.adopt(readingOf(noted, this.reading.rows), false);
    return { written: tables.map((t) => t.spec.table), problems: [] };
  }

  /**
   * Reads the workbook again (rows typed or pasted into Forbruk in Excel): every table through the
   * engine, so a changed row of a closed year is refused as the command line refuses it.
   */
  async rereadForbruk(lang: Lang, user: string): Promise<{ lines: number; problems: readonly Problem[] } | null> {
    const forbruk = await this.host.port.readTable('Forbruk');
    if (!forbruk) return null;
    const { problems } = await this.load(this.file, lang);
    const state = this.usable();
    if (problems.length > 0 || !state) return { lines: this.lines.length, problems: this.problems };
    await this.commit(
      noteInState(state, user, this.host.now(), { code: 'ledger_reread', lines: state.lines.length }, lang),
      [...FIGURES, 'Logg'],
      lang,
    );
    return { lines: this.lines.length, problems: [] };
  }

  /** The §9 rows (appropriation, the post's disbursements, frames) as of the pane's date, or null without appropriations. */
  get posts(): PostComparison[] | null {
    return postsOfState(this.state, this.asOf);
  }

  /**
   * Reads DFØ's appropriation history into `Bevilgning` through the engine (`acceptAppropriations`,
   * as `workbook --appropriations` does): a file with any problem changes nothing; an accepted one
   * writes Bevilgning and the log entry, and returns what the log says.
   */
  async importAppropriations(
    name: string,
    bytes: Uint8Array,
    lang: Lang,
    user: string,
  ): Promise<{ problems: readonly Problem[]; notice: string }> {
    await this.refresh(lang);
    const state = this.usable();
    if (!state) return { problems: this.problems, notice: '' };
    const read = readAppropriations(name, bytes, lang);
    const accepted = acceptAppropriations(state, read, { file: name, who: user, at: this.host.now(), lang });
    if (!accepted.state) return { problems: accepted.problems, notice: '' };
    await this.commit(accepted.state, ['Bevilgning', 'Logg'], lang);
    return { problems: [], notice: accepted.notice };
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
    await this.refresh(lang);
    const state = this.usable();
    if (!state) return refusedFile(name, this.problems);
    const read = await this.store.read({ name, bytes, skipInvalid, lang }, onProgress);
    const accepted = acceptLedgerRead(state, read, { skipInvalid, lang });
    if (!accepted.state) {
      // The store counted the refused file's lines; it starts again from the lines that count.
      if (!read.report.rejected) this.store.reset(state.plan, state.lines);
      return accepted.report;
    }
    // Lines left out (a closed year's) must not stay counted, or a later import would take them for duplicates.
    if (accepted.accepted.length !== read.added.length) this.store.reset(state.plan, accepted.state.lines);
    const report = accepted.report;
    const { imported, duplicates } = report;
    const action = { code: 'ledger_imported', file: name, imported, duplicates, skipped: report.problems.length } as const;
    try {
      await this.commit(noteInState(accepted.state, user, this.host.now(), action, lang), ['Forbruk', ...FIGURES, 'Logg'], lang);
    } catch (error) {
      this.store.reset(state.plan, state.lines);
      throw error;
    }
    return report;
  }

  /**
   * Sets the shares of a split (typed in Avstemming) through the engine's one action; refused,
   * writing nothing, when the workbook changed since the pane read it or the shares cannot stand.
   * Writes Konteringsregler, the lines it placed (Forbruk), Avstemming and the log.
   */
  async setShares(
    target: SplitTarget,
    shares: readonly TypedShare[],
    context: ChangeContext,
    lang: Lang,
  ): Promise<readonly Problem[]> {
    const changedElsewhere = await this.refreshUnchanged(lang);
    if (changedElsewhere.length > 0) return changedElsewhere;
    const state = this.usable();
    if (!state) return this.problems;
    if (this.reading.logProblems.length > 0) return this.reading.logProblems;
    const result = setSplitShares(state, target, shares, context, this.file, lang);
    if (!result.ok) return result.problems;
    await this.commit(result.state, ['Konteringsregler', 'Forbruk', ...FIGURES, 'Logg'], lang);
    this.reconciliation = reconcileState(this.state, this.asOf);
    return [];
  }

  /**
   * Adds a mapping rule typed in Avstemming through the engine's one action (read as a
   * `Konteringsregler` row is read); refused, writing nothing, when the workbook changed since the
   * pane read it or the rule cannot stand. Writes Konteringsregler, the lines it placed, Avstemming
   * and the log; returns the rule in words for the notice.
   */
  async addRule(
    typed: TypedRule,
    context: ChangeContext,
    lang: Lang,
  ): Promise<{ readonly problems: readonly Problem[]; readonly words: string }> {
    const changedElsewhere = await this.refreshUnchanged(lang);
    if (changedElsewhere.length > 0) return { problems: changedElsewhere, words: '' };
    const state = this.usable();
    if (!state) return { problems: this.problems, words: '' };
    if (this.reading.logProblems.length > 0) return { problems: this.reading.logProblems, words: '' };
    const result = addMappingRule(state, typed, context, this.file, lang);
    if (!result.ok) return { problems: result.problems, words: '' };
    await this.commit(result.state, ['Konteringsregler', 'Forbruk', ...FIGURES, 'Logg'], lang);
    this.reconciliation = reconcileState(this.state, this.asOf);
    return { problems: [], words: mappingRuleWords(result.rules.at(-1)!, lang, this.state.plan.instruments) };
  }

  /** Reconciles as of a date and writes Avstemming (and the log entry) when the workbook is there and can be changed. */
  async reconcileAt(asOf: IsoDate, lang: Lang, user: string): Promise<Reconciliation> {
    await this.refresh(lang);
    this.asOf = asOf;
    const state = this.usable();
    if (state)
      await this.commit(
        noteInState(state, user, this.host.now(), { code: 'reconciled', asOf }, lang),
        ['Forbruk', ...FIGURES, 'Logg'],
        lang,
      );
    this.reconciliation = reconcileState(this.state, asOf);
    return this.reconciliation;
  }

  /** The user tables that a refresh would replace although the user changed them. */
  async editedTables(lang: Lang): Promise<string[]> {
    const existing = await tablesReaderOf(this.host.port)(USER_TABLES);
    return findEditedTables(existing, this.tablesOf(this.state, lang), USER_TABLES);
  }

  /** The layout's tables the workbook lacks. */
  async missingTables(lang: Lang): Promise<string[]> {
    const names = this.tablesOf(this.state, lang).map((table) => table.spec.table);
    const found = await tablesReaderOf(this.host.port)(names);
    return names.filter((name) => !found.get(name));
  }

  /**
   * Creates or refreshes every table of the planning workbook; refused (with the problems) while
   * the workbook has any. LIMITATION: with `replaceEdited` the pane's state replaces the tables the
   * user edited, as the user chose; a Logg grown elsewhere since the pane read it is then written
   * as the pane holds it. Merging logs by their chain would lift this.
   */
  async writeWorkbook(
    lang: Lang,
    user: string,
    replaceEdited: boolean,
  ): Promise<{ written: string[]; problems: readonly Problem[] }> {
    if (!replaceEdited) await this.refresh(lang);
    const state = this.usable();
    if (!state) return { written: [], problems: this.problems };
    const written = { code: 'pane_workbook_written', frames: state.plan.frames.length, lines: state.lines.length } as const;
    const noted = noteInState(state, user, this.host.now(), written, lang);
    const tables = this.tablesOf(noted, lang);
    await this.write(tables, { replaceEdited });
    this.adopt(readingOf(noted, this.reading.rows), false);
    return { written: tables.map((t) => t.spec.table), problems: [] };
  }

  /** The state a change may start from: none while the workbook has problems or a broken log. */
  private usable(): PlanningState | null {
    return this.problems.length === 0 ? this.reading.state : null;
  }

  /** Writes a new state's tables (when the workbook is there), and only then takes the state as the session's. */
  private async commit(state: PlanningState, names: readonly string[], lang: Lang): Promise<void> {
    if (await this.hasWorkbook()) {
      await this.write(this.tablesOf(state, lang).filter((t) => names.includes(t.spec.table)));
    }
    this.adopt(readingOf(state, this.reading.rows), false);
  }

  /** Takes a reading as the session's; `reread`: the ledger store starts over from its lines. */
  private adopt(reading: PlanningReading, reread = true): void {
    this.reading = reading;
    this.shown = this.state;
    if (reread) this.store.reset(this.state.plan, this.state.lines);
    this.reconciliation = this.lines.length > 0 || this.reconciliation ? reconcileState(this.state, this.asOf) : null;
  }

  private async hasWorkbook(): Promise<boolean> {
    return (await this.host.port.readTable('Forbruk')) !== null;
  }

  /**
   * Every table of the planning workbook for a state, Avstemming as of the pane's date: `Forbruk`
   * holds every line whatever its date, and Avstemming's `Per dato` limits what its SUMIFS count.
   */
  private tablesOf(state: PlanningState, lang: Lang): TableData[] {
    return planningTables(state, { asOf: this.asOf, lang });
  }
}
