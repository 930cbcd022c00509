/**
 * The task pane's working state and its only link to the engine and the workbook port: the plan,
 * the ledger, the reconciliation and the change log. Owned by `<ia-app>`; components never see it.
 */
import {
  embeddedPlan,
  reconcile,
  type FileReport,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Plan,
  type Reconciliation,
} from '../../engine/index.js';
import { buildWorkbookTables, type LogRow } from '../../engine/workbook/build.js';
import { readPlanFromPort } from '../../engine/workbook/read-plan-table.js';
import { isFormula, type CellValue, type TableData, type TableRead } from '../../engine/workbook/port.js';
import type { TaskpaneHost } from './host.js';
import { createLedgerStore, type LedgerStore } from './ledger-store.js';

/** Tables a user fills in; replacing them when they differ from what we would write loses work. */
const USER_TABLES = ['Rammer', 'Poster', 'Forbruk'];

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
  private log: LogRow[] = [];
  private logRead = false;
  private readonly store: LedgerStore;

  constructor(private readonly host: TaskpaneHost) {
    this.asOf = host.today() as IsoDate;
    this.store = createLedgerStore(this.plan);
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
    const { report, added } = await this.store.read({ name, bytes, skipInvalid, lang }, onProgress);
    if (report.rejected) return report;
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
    const rammer = await this.host.port.readTable('Rammer');
    if (!rammer) return { loaded: false, problems: [] };
    const reading = await readPlanFromPort(this.host.port, file, lang);
    if (!reading.plan) return { loaded: false, problems: reading.problems };
    this.plan = reading.plan;
    this.lines = [];
    this.logRead = false;
    this.log = [];
    this.store.reset(this.plan);
    const forbruk = await this.host.port.readTable('Forbruk');
    let problems: FileReport['problems'] = [];
    if (forbruk && forbruk.rows.length > 0) {
      const bytes = new TextEncoder().encode(tableAsCsv(forbruk));
      const { report, added } = await this.store.read(
        { name: `${file}: Forbruk`, bytes, skipInvalid: false, lang },
        () => undefined,
      );
      problems = report.problems;
      this.lines = [...added];
    }
    this.reconciliation = this.lines.length > 0 ? reconcile(this.plan, this.lines, this.asOf) : null;
    return { loaded: true, problems };
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
    const edited: string[] = [];
    for (const name of USER_TABLES) {
      const existing = await this.host.port.readTable(name);
      const mine = fresh.find((t) => t.spec.table === name);
      if (existing && mine && differs(existing, mine)) edited.push(name);
    }
    return edited;
  }

  /** The layout's tables the workbook lacks. */
  async missingTables(lang: Lang): Promise<string[]> {
    const missing: string[] = [];
    for (const table of this.tables(lang))
      if (!(await this.host.port.readTable(table.spec.table))) missing.push(table.spec.table);
    return missing;
  }

  /** Creates or refreshes every table of the planning workbook. */
  async writeWorkbook(lang: Lang, user: string, replaceEdited: boolean): Promise<string[]> {
    this.note(user, 'Skrev planleggingsarbeidsboken', `${this.plan.frames.length} rammer, ${this.lines.length} forbrukslinjer`);
    return this.write(null, lang, replaceEdited);
  }

  private async hasWorkbook(): Promise<boolean> {
    return (await this.host.port.readTable('Forbruk')) !== null;
  }

  private tables(lang: Lang): TableData[] {
    const reconciliation = this.reconciliation ?? reconcile(this.plan, this.lines, this.asOf);
    return buildWorkbookTables({ plan: this.plan, ledgerLines: this.lines, reconciliation, log: this.log, lang });
  }

  private async write(only: readonly string[] | null, lang: Lang, replaceEdited = false): Promise<string[]> {
    await this.readLog();
    const tables = this.tables(lang).filter((t) => only === null || only.includes(t.spec.table));
    await this.host.port.writeTables(tables, { replaceEdited });
    return tables.map((t) => t.spec.table);
  }

  /** Keeps the log already in the workbook: the change log only ever grows. */
  private async readLog(): Promise<void> {
    if (this.logRead) return;
    this.logRead = true;
    const existing = await this.host.port.readTable('Logg');
    const old = (existing?.rows ?? []).map((r) => ({
      time: normal(r[0]),
      who: normal(r[1]),
      action: normal(r[2]),
      details: normal(r[3]),
    }));
    this.log = [...old, ...this.log];
  }

  private note(who: string, action: string, details: string): void {
    this.log.push({ time: this.host.now(), who, action, details });
  }
}
