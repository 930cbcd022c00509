/**
 * Carry-over (overføring): what happens to what is left of a frame at year end, stated per frame
 * and in both directions. The default is nothing; a frame may carry all of it, or up to a share of
 * the frame (the state's 5 % rule for operating posts); an overspend is carried as a negative amount
 * only when the rule says so. Carried amounts are their own figure beside the frame, never added
 * into it, so the frame always shows what was granted.
 */
import type { ChangeRecord } from '../audit/log.js';
import { carryOverRuleText } from '../messages/governance.js';
import { Dec, Money } from '../money.js';
import type { ReconciliationRow } from '../reconcile/reconcile.js';
import { frameKey } from './frame.js';
import type { ChangeContext } from './versions.js';

/** A frame's carry-over rule. */
export type CarryOverRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'all'; readonly carryOverspend: boolean }
  /** Up to `share` of the frame (a plain decimal such as `"0.05"`). */
  | { readonly kind: 'share'; readonly share: string; readonly carryOverspend: boolean };

/** The default rule: nothing is carried, in either direction. */
export const NO_CARRY_OVER: CarryOverRule = { kind: 'none' };

/** The state's rule for operating posts: up to 5 % of the appropriation, no overspend carried. */
export const FIVE_PERCENT_RULE: CarryOverRule = { kind: 'share', share: '0.05', carryOverspend: false };

/** The rule in bokmål, for the log and the reports (the words come from the governance catalogue). */
export function ruleWords(rule: CarryOverRule): string {
  return carryOverRuleText(rule, 'nb');
}

/** What one frame carries into the next year. */
export interface CarriedAmount {
  /** The frame the amount comes from. */
  readonly fromKey: string;
  readonly instrument: string;
  /** The year it is carried into (the frame's `to` + 1). */
  readonly intoYear: number;
  /** What was left: frame − spent − open commitments (negative for an overspend). */
  readonly left: Money;
  /** What is carried (0 when the rule carries nothing; negative for a carried overspend). */
  readonly carried: Money;
  readonly rule: CarryOverRule;
}

/** Reads a share as a plain decimal 0–1, or null. */
export function parseShare(text: string): string | null {
  const trimmed = text.trim().replace(',', '.');
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (!/^\d+(\.\d+)?$/.test(body)) return null;
  const value = percent ? new Dec(body).dividedBy(100) : new Dec(body);
  return value.greaterThan(1) ? null : value.toString();
}

/**
 * What a frame carries into the next year by its rule, from its reconciliation row and what was
 * carried into it; null when the frame has no amount (nothing to carry from).
 */
export function carryOver(
  row: ReconciliationRow,
  rule: CarryOverRule = NO_CARRY_OVER,
  carriedIn: Money = Money.zero,
): CarriedAmount | null {
  if (row.frame === null || row.remaining === null) return null;
  const left = row.remaining.plus(carriedIn);
  let carried = Money.zero;
  if (left.isNegative()) {
    if (rule.kind !== 'none' && rule.carryOverspend) carried = left;
  } else if (rule.kind === 'all') {
    carried = left;
  } else if (rule.kind === 'share') {
    // The cap is rounded half-up to whole øre, as an appropriation is.
    const cap = Money.fromOre(row.frame.times(rule.share).toOre());
    carried = left.min(cap);
  }
  return { fromKey: frameKey(row), instrument: row.instrument, intoYear: row.to + 1, left, carried, rule };
}

/** A reconciliation row with the amount carried into it shown beside the frame. */
export interface RowWithCarryOver {
  readonly row: ReconciliationRow;
  /** Carried in from the previous year (0 when none); never part of `row.frame`. */
  readonly carriedIn: Money;
  /** frame + carried in, or null without a frame. */
  readonly available: Money | null;
  /** available − spent − open commitments, or null without a frame. */
  readonly remainingWithCarryOver: Money | null;
}

/**
 * Adds carried amounts to the rows of the following year: for each annual row, what its
 * instrument's frame of the year before carries under `rules` (keyed by frame key; missing = none).
 */
export function withCarryOver(rows: readonly ReconciliationRow[], rules: ReadonlyMap<string, CarryOverRule>): RowWithCarryOver[] {
  // Years in order, so what 2024 carries includes what 2023 carried into it.
  const carriedInto = new Map<string, Money>();
  for (const row of [...rows].sort((a, b) => a.from - b.from)) {
    const carriedIn = carriedInto.get(`${row.instrument}:${row.from}`) ?? Money.zero;
    const carried = carryOver(row, rules.get(frameKey(row)) ?? NO_CARRY_OVER, carriedIn);
    if (!carried || carried.carried.isZero()) continue;
    const key = `${carried.instrument}:${carried.intoYear}`;
    carriedInto.set(key, (carriedInto.get(key) ?? Money.zero).plus(carried.carried));
  }
  return rows.map((row) => {
    const carriedIn = carriedInto.get(`${row.instrument}:${row.from}`) ?? Money.zero;
    const available = row.frame === null ? null : row.frame.plus(carriedIn);
    return {
      row,
      carriedIn,
      available,
      remainingWithCarryOver: available === null ? null : available.minus(row.spent).minus(row.openCommitments),
    };
  });
}

/** Sets a frame's rule, returning the new rules and a log record. */
export function setCarryOverRule(
  rules: ReadonlyMap<string, CarryOverRule>,
  key: string,
  rule: CarryOverRule,
  context: ChangeContext,
): { rules: Map<string, CarryOverRule>; change: ChangeRecord } {
  const next = new Map(rules);
  const before = rules.get(key) ?? NO_CARRY_OVER;
  if (rule.kind === 'none') next.delete(key);
  else next.set(key, rule);
  return {
    rules: next,
    change: { ...context, action: 'carry_over_rule', target: key, before: ruleWords(before), after: ruleWords(rule) },
  };
}
