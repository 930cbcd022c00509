/**
 * Reconciliation rows with what each frame carries in from the year before, as the JSON extension
 * field `carriedIn` (CONTRACTS §4 allows new fields): a figure of its own, never part of `frame`.
 */
import { withCarryOver, type CarryOverRule } from '../plan/carry-over.js';
import { rowToJson, type ReconciliationRow } from './reconcile.js';

/** The JSON of each row (CONTRACTS §4) with `carriedIn` (two decimals, `"0.00"` when nothing is carried). */
export function rowsToJsonWithCarryOver(
  rows: readonly ReconciliationRow[],
  rules: ReadonlyMap<string, CarryOverRule>,
): Record<string, unknown>[] {
  return withCarryOver(rows, rules).map((c) => ({ ...rowToJson(c.row), carriedIn: c.carriedIn.toFixed2() }));
}
