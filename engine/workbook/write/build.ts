/**
 * The planning workbook's tables from the engine's values: the plan (Rammer, Poster), the ledger
 * (Forbruk), the reconciliation (Avstemming, with live formulas and the engine's results cached),
 * the governance state (Styring) and the hash-chained change log (Logg).
 */
import { appendEntries, type LogEntry } from '../../audit/log.js';
import type { LedgerLine } from '../../ledger/line.js';
import { Money, sum } from '../../money.js';
import { withCarryOver, type CarryOverRule } from '../../plan/carry-over.js';
import { frameKey } from '../../plan/frame.js';
import type { Plan } from '../../plan/plan.js';
import type { Lang } from '../../messages/problems.js';
import { flagsInWords } from '../../reconcile/flags.js';
import type { Reconciliation, ReconciliationRow } from '../../reconcile/reconcile.js';
import { carryOverCells, governanceTables, type Governance } from '../governance.js';
import {
  avstemmingSpec,
  columnRef,
  FORBRUK,
  KONTERINGSREGLER,
  POSTER,
  RAMMER,
  SHEET_ORDER,
  thisRowRef,
} from '../tables/layout.js';
import { ruleShareText, rulesOf } from '../../plan/rules.js';
import { changeOfLogRow, logTable } from '../read/log-table.js';
import type { Cell, FormulaCell, TableData, TableSpec } from '../port/port.js';

/** One row of the change log table (Logg); an audit entry is shown as one such row. */
export interface LogRow {
  /** When, as `YYYY-MM-DD HH:MM` (or any text the host chooses). */
  readonly time: string;
  readonly who: string;
  readonly action: string;
  readonly details: string;
}

/** What the workbook is built from. */
export interface WorkbookInput {
  readonly plan: Plan;
  /** The ledger: every line goes into Forbruk whatever its date; Avstemming counts those up to `reconciliation.asOf`. */
  readonly ledgerLines: Iterable<LedgerLine>;
  readonly reconciliation: Reconciliation;
  /** Free-text log rows; written as `note` entries after `logEntries`, in the same hash chain. */
  readonly log?: readonly LogRow[];
  /** The change log (preferred): written to `Logg` with its hash chain, unchanged. */
  readonly logEntries?: readonly LogEntry[];
  /** Carry-over rules (Rammer, Avstemming `Overført inn`), versions, their frames and closed years; when given, the Styring sheet is written. */
  readonly governance?: Governance;
  readonly lang: Lang;
  /** More tables (the evaluation's), placed by their sheet in `SHEET_ORDER`. */
  readonly extraTables?: readonly TableData[];
}

/** A money cell value (a number only here, at the edge), or null for an amount that is not set. */
function moneyCell(amount: Money | null): number | null {
  return amount === null ? null : amount.toNumber();
}

/** The SUMIFS formula of `Utbetalt`: disbursements in Forbruk by instrument, budget year Fra..Til, dated on or before `Per dato`. */
export function utbetaltFormula(): string {
  const row = (c: string) => thisRowRef('Avstemming', c);
  return (
    `SUMIFS(${columnRef('Forbruk', 'Beløp')},${columnRef('Forbruk', 'Virkemiddel')},${row('Virkemiddel')},` +
    `${columnRef('Forbruk', 'Type')},"utbetaling",` +
    `${columnRef('Forbruk', 'År')},">="&${row('Fra')},${columnRef('Forbruk', 'År')},"<="&${row('Til')},` +
    `${columnRef('Forbruk', 'Dato')},"<="&${row('Per dato')})`
  );
}

/** The formula of `Gjenstår`: Ramme − Utbetalt − Åpne tilsagn, empty where Ramme is empty. */
export function gjenstarFormula(): string {
  const row = (c: string) => thisRowRef('Avstemming', c);
  return `IF(${row('Ramme')}="","",${row('Ramme')}-${row('Utbetalt')}-${row('Åpne tilsagn')})`;
}

/** The formula of `Utnyttelse`: Utbetalt / Ramme rounded to 4 decimals, empty where Ramme is empty or 0. */
export function utnyttelseFormula(): string {
  const row = (c: string) => thisRowRef('Avstemming', c);
  return `IF(OR(${row('Ramme')}="",${row('Ramme')}=0),"",ROUND(${row('Utbetalt')}/${row('Ramme')},4))`;
}

/** A totals-row formula summing the visible rows of a column (so a filter by year gives that year's sum). */
export function subtotalFormula(table: string, column: string, cached: Money): FormulaCell {
  return { formula: `SUBTOTAL(109,${columnRef(table, column)})`, cached: cached.toLedgerCellNumber() };
}

function nameOf(plan: Plan, id: string): string {
  return plan.instruments.find((i) => i.id === id)?.name ?? id;
}

/** The `Rammer` table of a plan, with each frame's carry-over rule (none where `rules` has none). */
export function rammerTable(plan: Plan, rules: ReadonlyMap<string, CarryOverRule> = new Map()): TableData {
  const rows = plan.frames.map((f): Cell[] => [
    f.instrument,
    nameOf(plan, f.instrument),
    f.from,
    f.to,
    moneyCell(f.amount),
    f.unit,
    f.funding,
    f.condition === '' ? null : f.condition,
    f.condition === '' && !f.conditionConfirmed ? null : f.conditionConfirmed ? 'ja' : 'nei',
    f.source,
    f.sourceText === '' ? null : f.sourceText,
    ...carryOverCells(rules.get(frameKey(f))),
  ]);
  return { spec: RAMMER, rows };
}

/** The `Konteringsregler` table of a plan: its rules (the embedded ones when it has none of its own). */
export function konteringsreglerTable(plan: Plan): TableData {
  const rows = rulesOf(plan).map((r): Cell[] => [
    r.chapter,
    r.post,
    r.account,
    r.dimension === null ? null : `${r.dimension.type}=${r.dimension.id}`,
    r.organisation,
    r.fromYear,
    r.toYear,
    r.instrument,
    r.share.kind === 'all' ? null : ruleShareText(r.share),
  ]);
  return { spec: KONTERINGSREGLER, rows };
}

/** The `Poster` table of a plan. */
export function posterTable(plan: Plan): TableData {
  return { spec: POSTER, rows: plan.posts.map((p): Cell[] => [p.chapter, p.post, p.instrument, p.name]) };
}

/**
 * The `Forbruk` table: every ledger line, whatever its date (the as-of date limits the
 * reconciliation, never what is stored: CONTRACTS §4), with a totals row.
 */
export function forbrukTable(lines: Iterable<LedgerLine>): TableData {
  const rows: Cell[][] = [];
  let total = 0n;
  for (const l of lines) {
    total += l.amount;
    rows.push([
      l.date,
      l.voucher,
      l.instrument,
      l.kind,
      Money.fromMilli(l.amount).toLedgerCellNumber(),
      l.reference === '' ? null : l.reference,
      l.year,
      l.chapter,
      l.post,
      l.text === '' ? null : l.text,
      textOrNull(l.account),
      textOrNull(l.organisation),
      textOrNull(l.dimensions),
      textOrNull(l.source),
      textOrNull(l.due),
      textOrNull(l.recipient),
      textOrNull(l.caseNumber),
    ]);
  }
  const spec: TableSpec = {
    ...FORBRUK,
    totals: { Dato: 'Sum', Beløp: subtotalFormula('Forbruk', 'Beløp', Money.fromMilli(total)) },
  };
  return { spec, rows };
}

/** A text for a cell, or an empty cell. */
function textOrNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

function avstemmingRow(plan: Plan, r: ReconciliationRow, carriedIn: Money, asOf: string, lang: Lang): Cell[] {
  return [
    r.instrument,
    nameOf(plan, r.instrument),
    r.from,
    r.to,
    moneyCell(r.frame),
    { formula: utbetaltFormula(), cached: r.spent.toNumber() },
    r.openCommitments.toNumber(),
    { formula: gjenstarFormula(), cached: r.remaining === null ? '' : r.remaining.toNumber() },
    { formula: utnyttelseFormula(), cached: r.utilisation === null ? '' : Number(r.utilisation) },
    r.flags.length === 0 ? null : flagsInWords(r.flags, lang),
    carriedIn.toNumber(),
    asOf,
  ];
}

/**
 * The `Avstemming` table: one row per frame, live formulas with the engine's results cached, totals,
 * and what each frame carries in from the year before (`Overført inn`, never part of `Ramme`).
 */
export function avstemmingTable(
  plan: Plan,
  reconciliation: Reconciliation,
  lang: Lang,
  rules: ReadonlyMap<string, CarryOverRule> = new Map(),
): TableData {
  const rows = reconciliation.rows;
  const carried = withCarryOver(rows, rules).map((c) => c.carriedIn);
  const total = (pick: (r: ReconciliationRow) => Money | null) => sum(rows.map(pick).filter((m): m is Money => m !== null));
  const spec: TableSpec = {
    ...avstemmingSpec(lang),
    totals: {
      Virkemiddel: 'Sum',
      Ramme: subtotalFormula(
        'Avstemming',
        'Ramme',
        total((r) => r.frame),
      ),
      Utbetalt: subtotalFormula(
        'Avstemming',
        'Utbetalt',
        total((r) => r.spent),
      ),
      'Åpne tilsagn': subtotalFormula(
        'Avstemming',
        'Åpne tilsagn',
        total((r) => r.openCommitments),
      ),
      Gjenstår: subtotalFormula(
        'Avstemming',
        'Gjenstår',
        total((r) => r.remaining),
      ),
    },
  };
  return { spec, rows: rows.map((r, i) => avstemmingRow(plan, r, carried[i]!, reconciliation.asOf, lang)) };
}

/** Orders tables by their sheet's place in `SHEET_ORDER` (unknown sheets last, in given order). */
export function orderTables(tables: readonly TableData[]): TableData[] {
  const rank = (t: TableData) => {
    const i = SHEET_ORDER.indexOf(t.spec.sheet);
    return i < 0 ? SHEET_ORDER.length : i;
  };
  return tables
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map((x) => x.t);
}

/** Every table of the planning workbook, in sheet order, ready for a `WorkbookPort`. */
export function buildWorkbookTables(input: WorkbookInput): TableData[] {
  const { plan, reconciliation, lang, governance } = input;
  const rules = governance?.carryOver ?? new Map<string, CarryOverRule>();
  const entries = appendEntries(input.logEntries ?? [], (input.log ?? []).map(changeOfLogRow));
  return orderTables([
    rammerTable(plan, rules),
    posterTable(plan),
    konteringsreglerTable(plan),
    forbrukTable(input.ledgerLines),
    avstemmingTable(plan, reconciliation, lang, rules),
    ...(governance ? governanceTables(governance, plan.frames) : []),
    logTable(entries, lang),
    ...(input.extraTables ?? []),
  ]);
}
