/**
 * The task pane's working state and its only link to the engine and the workbook port: the plan,
 * the ledger, the reconciliation and the change log. Owned by `<ia-app>`; components never see it.
 */
import {
  changeOfLogRow,
  checkClosedLines,
  closedYearRecord,
  closedYearsOf,
  embeddedPlan,
  evaluationTables,
  Ledger,
  logEntriesFromTable,
  readGovernanceTables,
  readStoredVersions,
  readLogTable,
  reconcile,
  type CarryOverRule,
  type ChangeContext,
  type Governance as WorkbookGovernance,
  type Evaluation,
  type FileReport,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Plan,
  type PlanningState,
  type Problem,
  type Reconciliation,
  type ReconciliationRow,
} from '../../engine/index.js';
import { buildWorkbookTables } from '../../engine/workbook/build.js';
import { readPlanTables } from '../../engine/workbook/read-plan-table.js';
import { isFormula, type CellValue, type TableData, type TableRead } from '../../engine/workbook/port.js';
import { checkCarryOver, Governance, type CarryOverCheck, type CarryOverRequest } from './governance.js';
import type { TaskpaneHost } from './host.js';
import { createLedgerStore, type LedgerStore } from './ledger-store.js';

/** Tables a user fills in; replacing them when they differ from what we would write loses work. */
const USER_TABLES = ['Rammer', 'Poster', 'Forbruk'];

/** Every table `loadFromWorkbook` takes from the workbook, read in one go. */
const LOADED_TABLES = ['Logg', 'Rammer', 'Poster', 'Versjoner', 'Arsavslutning', 'Versjonsrammer', 'Forbruk'] as const;

/** A cell as text for comparing what a workbook holds with what we would write. */
function normal(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 10000) / 10000);
  return String(value).trim();
}

/** Whether a table read from the workbook holds something else than the rows we would write. */
function differs(existing: TableRead, fresh: TableData): boolean {
  if (existing.rows.length !== fresh.rows.length) return true;
  const width = fresh.spec.columns.length;
  return existing.rows.some((row, r) => {
    const mine = fresh.rows[r]!;
    for (let c = 0; c < width; c++) {
      const cell = mine[c] ?? null;
      if (normal(row[c]) !== normal(isFormula(cell) ? cell.cached : cell)) return true;
    }
    return false;
  });
}

/**
 * A table as semicolon-separated text, so the engine's ledger reader validates rows typed into the
 * `Forbruk` table exactly as it validates a file (same rules, same messages, line 1 = header).
 */
export function tableAsCsv(table: TableRead): string {
  const field = (value: CellValue | undefined) => {
    const text = normal(value ?? null);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.header, ...table.rows].map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

/** The session. */
export class PlannerSession {
  plan: Plan = embeddedPlan();
  lines: LedgerLine[] = [];
  reconciliation: Reconciliation | null = null;
  asOf: IsoDate;
  /** Versions, closed years and the hash-chained change log. */
  readonly governance = new Governance(this.plan.frames, 'Innebygd plan');
  /** Carry-over rules read from Rammer, or set in Styring (`checkCarryOver`), written back to Rammer. */
  private carryOver: ReadonlyMap<string, CarryOverRule> = new Map();
  private readonly store: LedgerStore;

  constructor(private readonly host: TaskpaneHost) {
    this.asOf = host.today() as IsoDate;
    this.store = createLedgerStore(this.plan);
  }

  /** The reconciliation rows to check a change against (spending so far, or none). */
  get rows(): readonly ReconciliationRow[] {
    return (this.reconciliation ?? reconcile(this.plan, this.lines, this.asOf)).rows;
  }

  /** The workbook's whole state as the engine's governance functions take it (the same as the CLI reads). */
  get planningState(): PlanningState {
    return { plan: this.plan, governance: this.workbookGovernance(), lines: this.lines, log: this.governance.entries };
  }

  /** What setting a frame's carry-over rule gives, as of the current spending; nothing changes. */
  checkCarryOver(request: CarryOverRequest, context: ChangeContext, lang: Lang): CarryOverCheck {
    return checkCarryOver(this.planningState, request, this.rows, context, lang);
  }

  /** Sets a frame's carry-over rule and logs it; `applyGovernance` then writes Rammer, Avstemming and Logg. */
  setCarryOver(request: CarryOverRequest, context: ChangeContext, lang: Lang): CarryOverCheck {
    const check = this.checkCarryOver(request, context, lang);
    if (!check.ok) return check;
    this.carryOver = check.state.governance.carryOver;
    this.governance.entries = [...check.state.log];
    return check;
  }

  /** After a governance change: the version in use becomes the plan, and the workbook follows. */
  async applyGovernance(lang: Lang): Promise<void> {
    this.plan = { ...this.plan, frames: this.governance.active.frames };
    if (this.lines.length > 0 || this.reconciliation) this.reconciliation = reconcile(this.plan, this.lines, this.asOf);
    const styring = ['Versjoner', 'Versjonsrammer', 'Arsavslutning'];
    if (await this.hasWorkbook()) await this.write(['Rammer', 'Avstemming', ...styring, 'Logg'], lang);
  }

  /** Writes the evaluation's sheet (Indikatorer, Vurderinger) to the workbook. */
  async writeEvaluation(evaluation: Evaluation, lang: Lang, user: string): Promise<string[]> {
    const tables = evaluationTables(evaluation, lang);
    this.note(user, 'Skrev evalueringen', `${evaluation.year}: ${evaluation.instruments.length} virkemidler`);
    await this.host.port.writeTables(tables);
    if (await this.hasWorkbook()) await this.write(['Logg'], lang);
    return tables.map((t) => t.spec.table);
  }

  /** Reads the workbook's Forbruk table into the ledger again (rows typed or pasted in Excel). */
  async rereadForbruk(lang: Lang, user: string): Promise<{ lines: number; problems: Problem[] } | null> {
    const forbruk = await this.host.port.readTable('Forbruk');
    if (!forbruk) return null;
    this.store.reset(this.plan);
    const { lines, problems } = await this.readForbruk(forbruk, 'Forbruk', lang);
    this.lines = lines;
    this.reconciliation = reconcile(this.plan, this.lines, this.asOf);
    this.note(user, 'Leste Forbruk på nytt', `${lines.length} linjer, ${problems.length} feil`);
    await this.write(['Avstemming', 'Logg'], lang);
    return { lines: lines.length, problems };
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
    const closed = this.closedYearProblems(name, bytes, lang);
    if (closed.length > 0 && !skipInvalid) {
      return { file: name, encoding: null, imported: 0, duplicates: 0, rejected: true, problems: closed, warnings: [] };
    }
    const read = await this.store.read({ name, bytes, skipInvalid, lang }, onProgress);
    if (read.report.rejected) return read.report;
    const { accepted, problems } = checkClosedLines(this.governance.closed, read.added, lang);
    const report: FileReport = {
      ...read.report,
      imported: read.report.imported - problems.length,
      problems: [...read.report.problems, ...problems],
    };
    const added = accepted;
    this.lines = [...this.lines, ...added];
    this.reconciliation = reconcile(this.plan, this.lines, this.asOf);
    this.note(
      user,
      'Importerte forbruk',
      `${name}: ${report.imported} linjer, ${report.duplicates} duplikater, ${report.problems.length} feil hoppet over`,
    );
    if (await this.hasWorkbook()) await this.write(['Forbruk', 'Avstemming', 'Logg'], lang);
    return report;
  }

  /**
   * Takes the plan and the ledger from the workbook's own tables when it has them (the workbook is
   * the user's record); keeps the embedded plan otherwise. Returns the problems found.
   */
  async loadFromWorkbook(file: string, lang: Lang): Promise<{ loaded: boolean; problems: FileReport['problems'] }> {
    const tables = await this.readMany(LOADED_TABLES);
    const table = (name: (typeof LOADED_TABLES)[number]) => tables.get(name) ?? null;
    const logg = table('Logg');
    const log = readLogTable(logg, file, lang);
    // A chained log is taken row by row as written, so a tampered entry stays visible to the chain check.
    const entries = log.legacy || !logg ? log.entries : logEntriesFromTable(logg);
    const rammer = table('Rammer');
    if (!rammer) {
      this.governance.reset(this.plan.frames, 'Innebygd plan', entries);
      return { loaded: false, problems: [] };
    }
    const reading = readPlanTables(rammer, table('Poster'), file, lang);
    if (!reading.plan) return { loaded: false, problems: reading.problems };
    this.plan = reading.plan;
    const [versjoner, arsavslutning] = [table('Versjoner'), table('Arsavslutning')];
    const read = readGovernanceTables(rammer, versjoner, arsavslutning, file, lang);
    const stored = read.governance;
    // Every stored version comes back with its frames, so an earlier session's version can be compared.
    const input = { ...read, versions: stored.versions, current: this.plan.frames };
    const kept = readStoredVersions(table('Versjonsrammer'), input, file, lang);
    if (kept.problems.length > 0) return { loaded: false, problems: kept.problems };
    this.carryOver = stored.carryOver;
    const versions = { versions: stored.versions, versionFrames: kept.versionFrames };
    this.governance.reset(this.plan.frames, `Planen i ${file}`, entries, versions);
    this.lines = [];
    this.store.reset(this.plan);
    const forbruk = table('Forbruk');
    let problems: FileReport['problems'] = [];
    if (forbruk && forbruk.rows.length > 0) {
      const read = await this.readForbruk(forbruk, `${file}: Forbruk`, lang);
      problems = read.problems;
      this.lines = read.lines;
    }
    this.governance.closed = closedYearsOf(stored, this.lines);
    this.reconciliation = this.lines.length > 0 ? reconcile(this.plan, this.lines, this.asOf) : null;
    return { loaded: true, problems };
  }

  /** Reads a Forbruk table through the ledger reader (same rules as a file); a closed year's new rows are refused. */
  private async readForbruk(forbruk: TableRead, name: string, lang: Lang): Promise<{ lines: LedgerLine[]; problems: Problem[] }> {
    const bytes = new TextEncoder().encode(tableAsCsv(forbruk));
    const { report, added } = await this.store.read({ name, bytes, skipInvalid: false, lang }, () => undefined);
    const closed = checkClosedLines(this.governance.closed, added, lang);
    return { lines: closed.accepted, problems: [...report.problems, ...closed.problems] };
  }

  /** The lines of a file that a closed year refuses, read apart so the ledger is not touched. */
  private closedYearProblems(name: string, bytes: Uint8Array, lang: Lang): Problem[] {
    if (this.governance.closed.size === 0) return [];
    const trial = new Ledger(this.plan);
    trial.addFile(name, () => [bytes], { lang, skipInvalid: true });
    return checkClosedLines(this.governance.closed, trial.lines, lang).problems;
  }

  /** Reconciles as of a date and writes Avstemming when the workbook is there. */
  async reconcileAt(asOf: IsoDate, lang: Lang, user: string): Promise<Reconciliation> {
    this.asOf = asOf;
    this.reconciliation = reconcile(this.plan, this.lines, asOf);
    this.note(user, 'Avstemte', `per ${asOf}`);
    if (await this.hasWorkbook()) await this.write(['Forbruk', 'Avstemming', 'Logg'], lang);
    return this.reconciliation;
  }

  /** The user tables that a refresh would replace although the user changed them. */
  async editedTables(lang: Lang): Promise<string[]> {
    const fresh = this.tables(lang);
    const existing = await this.readMany(USER_TABLES);
    const edited: string[] = [];
    for (const name of USER_TABLES) {
      const mine = fresh.find((t) => t.spec.table === name);
      const read = existing.get(name);
      if (read && mine && differs(read, mine)) edited.push(name);
    }
    return edited;
  }

  /** The layout's tables the workbook lacks. */
  async missingTables(lang: Lang): Promise<string[]> {
    const names = this.tables(lang).map((table) => table.spec.table);
    const found = await this.readMany(names);
    return names.filter((name) => !found.get(name));
  }

  /** Creates or refreshes every table of the planning workbook. */
  async writeWorkbook(lang: Lang, user: string, replaceEdited: boolean): Promise<string[]> {
    this.note(user, 'Skrev planleggingsarbeidsboken', `${this.plan.frames.length} rammer, ${this.lines.length} forbrukslinjer`);
    return this.write(null, lang, replaceEdited);
  }

  /** Reads tables in one go where the port can (one Excel.run in Excel), else one by one. */
  private async readMany(names: readonly string[]): Promise<ReadonlyMap<string, TableRead | null>> {
    const port = this.host.port;
    if (port.readTables) return port.readTables(names);
    return new Map(await Promise.all(names.map(async (n) => [n, await port.readTable(n)] as const)));
  }

  private async hasWorkbook(): Promise<boolean> {
    return (await this.host.port.readTable('Forbruk')) !== null;
  }

  private tables(lang: Lang): TableData[] {
    const reconciliation = this.reconciliation ?? reconcile(this.plan, this.lines, this.asOf);
    const governance = this.workbookGovernance();
    return buildWorkbookTables({
      plan: this.plan,
      ledgerLines: this.lines,
      reconciliation,
      logEntries: this.governance.entries,
      governance,
      lang,
    });
  }

  /** The governance state as the workbook stores it. */
  private workbookGovernance(): WorkbookGovernance {
    const g = this.governance;
    // The version Rammer holds is written last in Versjoner, as the layout asks.
    const versions = [...g.versions.filter((v) => v.id !== g.activeId), g.active].map(({ frames: _frames, ...entry }) => entry);
    const closedYears = [...g.closed.values()].map((c) => closedYearRecord(c, this.plan.frames));
    return { carryOver: this.carryOver, versions, versionFrames: g.versionFrames, closedYears };
  }

  /**
   * Writes tables; Logg holds the hash-chained log read from the workbook at load time plus this
   * session's entries, so the change log only ever grows.
   */
  private async write(only: readonly string[] | null, lang: Lang, replaceEdited = false): Promise<string[]> {
    const tables = this.tables(lang).filter((t) => only === null || only.includes(t.spec.table));
    await this.host.port.writeTables(tables, { replaceEdited });
    return tables.map((t) => t.spec.table);
  }

  /** Notes an action (an import, a reconciliation) in the change log, in the same hash chain. */
  private note(who: string, action: string, details: string): void {
    this.governance.record(changeOfLogRow({ time: this.host.now().replace(' ', 'T'), who, action, details }));
  }
}
