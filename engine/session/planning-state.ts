/**
 * The planning workbook as the store of a plan's whole state: the plan (Rammer, Poster), the ledger
 * (Forbruk), the governance state (carry-over rules, versions and their frames, closed years) and
 * the change log.
 * Reading it checks everything a later change relies on: every cell, the log's hash chain, that
 * the ledger and frames of each closed year are still what the year was closed with, and that each
 * approved version's frames are still what it was approved with.
 */
import type { LogEntry, LogKey } from '../audit/log.js';
import { LAST_YEAR, yearOfDate, type IsoDate } from '../calendar.js';
import type { LedgerLine } from '../ledger/line.js';
import type { Milli } from '../money.js';
import type { Plan } from '../plan/plan.js';
import { lineKeysOfYear } from '../plan/closing.js';
import { frameRefOfKey, governanceProblem, type Lang, type Problem } from '../messages/problems.js';
import { comparePosts, type Appropriation, type PostComparison } from '../reconcile/appropriations.js';
import { reconcile, SpendingTotals, type Reconciliation } from '../reconcile/reconcile.js';
import { bevilgningTable } from '../workbook/write/bevilgning.js';
import { appropriationsByOrigin, type PostYearOrigin } from '../reconcile/origin.js';
import { tilsagnTables } from '../workbook/write/tilsagn.js';
import { AUTHORISATIONS_TABLE, readAuthorisationsTable } from '../workbook/read/read-authorisations.js';
import type { Authorisation } from '../reconcile/commitments.js';
import { BEVILGNING_TABLE, readBevilgningTable } from '../workbook/read/read-bevilgning.js';
import { buildWorkbookTables } from '../workbook/write/build.js';
import { changedFrameKeys, lineCheckOf, type Governance } from '../workbook/governance.js';
import { readLogTable } from '../workbook/read/log-table.js';
import type { TableData, TableRead, WorkbookPort } from '../workbook/port/port.js';
import { readForbrukLines } from '../workbook/read/read-forbruk.js';
import { readGovernanceTables, type GovernanceReading } from '../workbook/read/read-governance.js';
import { readPlanTables } from '../workbook/read/read-plan-table.js';
import { readStoredVersions } from '../workbook/version-frames.js';

/** Everything the planning workbook stores. */
export interface PlanningState {
  readonly plan: Plan;
  readonly governance: Governance;
  /** The lines of `Forbruk`. */
  readonly lines: readonly LedgerLine[];
  /** The change log, oldest first. */
  readonly log: readonly LogEntry[];
  /** The key new log entries are signed with (the host's, never stored), or none: plain SHA-256 entries. */
  readonly logKey?: LogKey | null;
  /**
   * What Stortinget appropriated per chapter, post and year (CONTRACTS §9), by `postSpentKey`, as
   * the `Bevilgning` table holds it: absent when the workbook has no such table (none was read).
   */
  readonly appropriations?: ReadonlyMap<string, Appropriation>;
  /**
   * The commitment authorisations typed in `Tilsagnsfullmakter` (issue 12); absent when the table
   * is missing or empty.
   */
  readonly authorisations?: readonly Authorisation[];
}

/** What reading a planning workbook gave: the state (null when any cell is wrong) and the problems. */
export interface PlanningReading {
  readonly state: PlanningState | null;
  /** Problems that keep the state from being used. */
  readonly problems: Problem[];
  /** Problems of the change log (a broken chain): reading may go on, but no change may be recorded. */
  readonly logProblems: Problem[];
  /**
   * The state even where a closed year's ledger or frames were changed (those changes are the
   * problems): only for reopening that year, after which `checkClosedYears` must pass.
   */
  readonly unlockedState: PlanningState | null;
  /** Where each frame and closed year stands in the workbook, for messages. */
  readonly rows: Pick<GovernanceReading, 'frameRows' | 'closedRows'>;
}

/** The tables a planning workbook is read from. */
export const PLANNING_TABLES = [
  'Rammer',
  'Poster',
  'Konteringsregler',
  'Forbruk',
  'Versjoner',
  'Versjonsrammer',
  'Arsavslutning',
  'Logg',
  'Bevilgning',
  'Tilsagnsfullmakter',
] as const;

/**
 * The planning tables whose formula cells are read, so a formula without a calculated value there
 * refuses the workbook; `Bevilgning`'s formulas (Bevilget, Brukt, Gjenstår) are the planner's own
 * output and never read (only Saldert, Endringer and Overført inn are).
 */
export const TABLES_WITH_READ_FORMULAS: readonly string[] = PLANNING_TABLES.filter(
  (name) => name !== 'Bevilgning' && name !== 'Tilsagnsfullmakter',
);

/** Problems where a closed year's ledger or frames differ from what the year was closed with. */
export function checkClosedYears(
  state: PlanningState,
  reading: Pick<GovernanceReading, 'frameRows' | 'closedRows'>,
  file: string,
  lang: Lang = 'nb',
): Problem[] {
  const { plan, lines } = state;
  const problems: Problem[] = [];
  for (const record of state.governance.closedYears) {
    const closedRow = reading.closedRows.get(record.year) ?? null;
    const keys = lineKeysOfYear(lines, record.year);
    if (keys.length !== record.lines || lineCheckOf(keys) !== record.lineCheck) {
      const reason = {
        code: 'ledger_changed_since_closing',
        year: record.year,
        closedAt: record.closedAt,
        lines: record.lines,
        linesNow: keys.length,
      } as const;
      const place = { file, sheet: 'Styring', line: closedRow, column: 'Linjekontroll', value: String(record.year) };
      problems.push(governanceProblem('closed_ledger_changed', place, reason, lang, plan.instruments));
    }
    for (const key of changedFrameKeys(record.frames, plan.frames, record.year)) {
      const row = reading.frameRows.get(key);
      const reason = {
        code: 'frame_changed_since_closing',
        frame: frameRefOfKey(key),
        year: record.year,
        closedAt: record.closedAt,
      } as const;
      const place =
        row === undefined
          ? { file, sheet: 'Styring', line: closedRow, column: 'Rammer', value: key }
          : { file, sheet: 'Rammer', line: row, column: 'Beløp', value: key };
      problems.push(governanceProblem('year_closed', place, reason, lang, plan.instruments));
    }
  }
  return problems;
}

/**
 * Reads the planning state from a workbook's tables, found by name (null where there is none).
 * `logKey`: the host's log key, which checks signed entries and signs the state's new ones.
 */
export function readPlanningTables(
  table: (name: string) => TableRead | null,
  file: string,
  lang: Lang = 'nb',
  logKey: LogKey | null = null,
): PlanningReading {
  const planReading = readPlanTables(table('Rammer'), table('Poster'), file, lang, table('Konteringsregler'));
  const log = readLogTable(table('Logg'), file, lang, logKey);
  const base = {
    logProblems: log.problems,
    unlockedState: null,
    rows: { frameRows: new Map(), closedRows: new Map() },
  };
  if (!planReading.plan) return { state: null, problems: planReading.problems, ...base };
  const plan = planReading.plan;
  const governance = readGovernanceTables(table('Rammer'), table('Versjoner'), table('Arsavslutning'), file, lang);
  const stored =
    governance.problems.length > 0
      ? { versionFrames: new Map(), problems: [] }
      : readStoredVersions(
          table('Versjonsrammer'),
          { ...governance, versions: governance.governance.versions, current: plan.frames, instruments: plan.instruments },
          file,
          lang,
        );
  const forbruk = readForbrukLines(table('Forbruk'), plan, file, lang);
  const bevilgning = table(BEVILGNING_TABLE);
  const appropriations = readBevilgningTable(bevilgning, file, lang);
  const fullmakter = table(AUTHORISATIONS_TABLE);
  const authorisations = fullmakter ? readAuthorisationsTable(fullmakter, file, lang) : { authorisations: [], problems: [] };
  const problems = [
    ...governance.problems,
    ...stored.problems,
    ...forbruk.problems,
    ...appropriations.problems,
    ...authorisations.problems,
  ];
  if (problems.length > 0) return { state: null, problems, ...base };
  const state: PlanningState = {
    plan,
    governance: { ...governance.governance, versionFrames: stored.versionFrames },
    lines: forbruk.lines,
    log: log.entries,
    logKey,
    ...(bevilgning ? { appropriations: appropriations.appropriations } : {}),
    ...(authorisations.authorisations.length > 0 ? { authorisations: authorisations.authorisations } : {}),
  };
  const rows = { frameRows: governance.frameRows, closedRows: governance.closedRows };
  const changes = checkClosedYears(state, rows, file, lang);
  return { ...base, state: changes.length > 0 ? null : state, problems: changes, unlockedState: state, rows };
}

/** Reads the planning state through a workbook port. */
export async function readPlanningFromPort(port: WorkbookPort, file: string, lang: Lang = 'nb'): Promise<PlanningReading> {
  const reads = await Promise.all(PLANNING_TABLES.map((name) => port.readTable(name)));
  const byName = new Map(PLANNING_TABLES.map((name, i) => [name.toLowerCase(), reads[i] ?? null]));
  return readPlanningTables((name) => byName.get(name.toLowerCase()) ?? null, file, lang);
}

/** The reconciliation of a state as of a date. */
export function reconcileState(state: PlanningState, asOf: IsoDate): Reconciliation {
  return reconcile(state.plan, state.lines, asOf);
}

/**
 * The §9 rows of a state as of a date (`comparePosts`: appropriation, the post's disbursements
 * dated by `asOf`, frames), or null when the state has no appropriations read.
 */
export function postsOfState(state: PlanningState, asOf: IsoDate): PostComparison[] | null {
  if (state.appropriations === undefined) return null;
  return comparePosts(state.plan, state.appropriations, postSpentOf(state, asOf), { everyAppropriation: true });
}

/** The last disbursements per post worked out for a ledger, so the §9 rows and the origins of one write share one pass. */
const lastPostSpent = new WeakMap<
  readonly LedgerLine[],
  { readonly asOf: IsoDate; readonly count: number; readonly spent: ReadonlyMap<string, Milli> }
>();

function postSpentOf(state: PlanningState, asOf: IsoDate): ReadonlyMap<string, Milli> {
  const known = lastPostSpent.get(state.lines);
  // A ledger's own array may still grow (Ledger.lines): its length is part of the key.
  if (known?.asOf === asOf && known.count === state.lines.length) return known.spent;
  const totals = new SpendingTotals(asOf);
  for (const line of state.lines) totals.add(line);
  lastPostSpent.set(state.lines, { asOf, count: state.lines.length, spent: totals.postSpent });
  return totals.postSpent;
}

/**
 * A state's appropriations by year of origin as of a date (issue 12: `appropriationsByOrigin`, up
 * to the date's year), or null when the state has no appropriations.
 */
export function originsOfState(state: PlanningState, asOf: IsoDate): PostYearOrigin[] | null {
  if (state.appropriations === undefined) return null;
  return appropriationsByOrigin(state.appropriations, postSpentOf(state, asOf), Math.min(LAST_YEAR, yearOfDate(asOf)));
}

/**
 * Every table of the planning workbook for a state (Styring included, `Bevilgning` when the
 * state has appropriations, and the `Tilsagn` sheet), ready for a `WorkbookPort`.
 */
export function planningTables(
  state: PlanningState,
  options: { asOf: IsoDate; lang: Lang; extraTables?: readonly TableData[] },
): TableData[] {
  const posts = postsOfState(state, options.asOf);
  const extraTables = [
    ...(options.extraTables ?? []),
    ...(posts ? [bevilgningTable(state.plan, posts, options.asOf, originsOfState(state, options.asOf) ?? [])] : []),
    ...tilsagnTables(state.lines, state.authorisations ?? [], options.asOf, options.lang),
  ];
  return buildWorkbookTables({
    plan: state.plan,
    ledgerLines: state.lines,
    reconciliation: reconcileState(state, options.asOf),
    logEntries: state.log,
    governance: state.governance,
    lang: options.lang,
    extraTables,
  });
}
