/**
 * The overview's grid as plain data: one row per instrument, one cell per frame (a pooled frame
 * spans its years), and totals per year as the engine counts them (`frameTotalsByYear`, `yearTotalsOf`).
 */
import {
  frameKey,
  frameTotalsByYear,
  Money,
  YEARS,
  yearTotalsOf,
  type Frame,
  type Instrument,
  type Plan,
  type Reconciliation,
  type ReconciliationRow,
} from '../../engine/index.js';

/** One cell of the grid: a frame (with its reconciliation row, once a ledger is in) or a gap. */
export type GridCell =
  | { readonly kind: 'frame'; readonly frame: Frame; readonly row: ReconciliationRow | null; readonly span: number }
  | { readonly kind: 'gap'; readonly year: number };

/** One instrument's row. */
export interface GridRow {
  readonly instrument: Instrument;
  readonly cells: readonly GridCell[];
}

/** A year's totals; `spent` is null until a ledger is in. */
export interface YearTotal {
  readonly year: number;
  readonly frames: Money;
  readonly spent: Money | null;
}

/** The whole grid. */
export interface OverviewModel {
  readonly years: readonly number[];
  readonly rows: readonly GridRow[];
  readonly totals: readonly YearTotal[];
}

/**
 * Builds the grid. Totals of state frames count a pooled frame in its first year, as the 2019
 * budget did and as `ia-planner frames` prints them (2019: 273 000 000 kr with the SKIL pool).
 */
export function overviewModel(plan: Plan, reconciliation: Reconciliation | null): OverviewModel {
  const rowsByKey = new Map<string, ReconciliationRow>();
  for (const row of reconciliation?.rows ?? []) rowsByKey.set(frameKey(row), row);
  const years = YEARS.map(Number);
  const rows: GridRow[] = plan.instruments.map((instrument) => {
    const frames = plan.frames.filter((f) => f.instrument === instrument.id);
    const cells: GridCell[] = [];
    let year = years[0]!;
    const last = years[years.length - 1]!;
    while (year <= last) {
      const frame = frames.find((f) => f.from <= year && f.to >= year);
      if (frame) {
        const span = Math.min(frame.to, last) - year + 1;
        cells.push({ kind: 'frame', frame, row: rowsByKey.get(frameKey(frame)) ?? null, span });
        year += span;
      } else {
        cells.push({ kind: 'gap', year });
        year += 1;
      }
    }
    return { instrument, cells };
  });
  const frameTotals = frameTotalsByYear(plan.frames);
  const totals = years.map((year) => ({
    year,
    frames: frameTotals.get(year) ?? Money.zero,
    spent: reconciliation ? yearTotalsOf(reconciliation.rows, year).spent : null,
  }));
  return { years, rows, totals };
}

/** The rows of a reconciliation that carry at least one flag. */
export function flaggedRows(reconciliation: Reconciliation): ReconciliationRow[] {
  return reconciliation.rows.filter((r) => r.flags.length > 0);
}
