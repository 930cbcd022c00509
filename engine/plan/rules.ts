/**
 * Mapping rules (kontering, CONTRACTS §8): the one place that decides which instruments a ledger
 * line that names none belongs to, from its chapter, post, account, SAF-T dimension, organisation
 * and year. Every host and every reader places through `RulePlacer`; none has its own mapping.
 *
 * A rule's share is an exact decimal fraction (`0,6`, `60 %`, `33,3333 %`), kept as a numerator
 * over a power of ten, so "the shares of a split add up to exactly 1" is a whole-number check and
 * a split is exact to the øre: each part but the last rounded half-up (away from zero), the last
 * the rest.
 */
import type { Milli } from '../money.js';
import type { Dimension, PlacementKeys } from '../ledger/source-line.js';
import type { InstrumentId } from './instruments.js';
import type { Plan } from './plan.js';

/** The share of a line a rule gives its instrument. */
export type RuleShare =
  /** `Andel` empty: all of it. */
  | { readonly kind: 'all' }
  /** `Andel` is `?`: the post funds the instrument in a share not known yet (never guessed). */
  | { readonly kind: 'unknown' }
  /** An exact fraction `numerator / denominator` (the denominator a power of ten), 0 < share ≤ 1. */
  | { readonly kind: 'share'; readonly numerator: bigint; readonly denominator: bigint };

/** One rule: conditions (null = any) and the instrument with its share. */
export interface MappingRule {
  /** The row that holds the rule (sheet row, CSV line, or the embedded rule's number), for messages. */
  readonly row: number;
  readonly chapter: number | null;
  readonly post: number | null;
  /** Exact account, or a prefix ending in `*` (`87*`). */
  readonly account: string | null;
  readonly dimension: Dimension | null;
  /** Organisation number, digits only. */
  readonly organisation: string | null;
  readonly fromYear: number | null;
  readonly toYear: number | null;
  readonly instrument: InstrumentId;
  readonly share: RuleShare;
}

const ALL: RuleShare = { kind: 'all' };
const UNKNOWN: RuleShare = { kind: 'unknown' };

function rule(row: number, chapter: number, post: number, instrument: string, share: RuleShare = ALL): MappingRule {
  return {
    row,
    chapter,
    post,
    account: null,
    dimension: null,
    organisation: null,
    fromYear: null,
    toYear: null,
    instrument: instrument as InstrumentId,
    share,
  };
}

/**
 * The embedded rules (CONTRACTS §8, FACTS.md): 601.22 → kunnskapsutvikling, 601.71 →
 * bransjeprogrammer, 2650.76 → ekspertbistand and kompetansetiltak in shares not published.
 * 601.70 is shared with other grants: no rule.
 */
export const EMBEDDED_RULES: readonly MappingRule[] = [
  rule(1, 601, 22, 'kunnskapsutvikling'),
  rule(2, 601, 71, 'bransjeprogrammer'),
  rule(3, 2650, 76, 'ekspertbistand', UNKNOWN),
  rule(4, 2650, 76, 'kompetansetiltak', UNKNOWN),
];

/**
 * The rules a plan places by: its own (a workbook's `Konteringsregler`, `--rules FILE.csv`), else
 * the embedded rules together with a rule for each `Poster` row whose post the embedded rules do
 * not name (so a post a user mapped in an older workbook stays mapped).
 */
export function rulesOf(plan: Plan): readonly MappingRule[] {
  if (plan.rules !== undefined) return plan.rules;
  const named = new Set(EMBEDDED_RULES.map((r) => `${r.chapter}.${r.post}`));
  const extra = plan.posts
    .filter((p) => !named.has(`${p.chapter}.${p.post}`))
    .map((p, i) => rule(EMBEDDED_RULES.length + i + 1, p.chapter, p.post, p.instrument));
  return extra.length === 0 ? EMBEDDED_RULES : [...EMBEDDED_RULES, ...extra];
}

/** Reads a share: `0,6`, `0.6`, `60 %`, `60%`, `1`; `?` unknown; empty all. Null when it is none of these or not in (0, 1]. */
export function parseRuleShare(text: string): RuleShare | null {
  const trimmed = text.trim();
  if (trimmed === '') return ALL;
  if (trimmed === '?') return UNKNOWN;
  const percent = trimmed.endsWith('%');
  const body = (percent ? trimmed.slice(0, -1).trim() : trimmed).replace(',', '.');
  const match = /^(\d{1,15})(?:\.(\d{1,15}))?$/.exec(body);
  if (!match) return null;
  const decimals = match[2] ?? '';
  let numerator = BigInt(match[1]! + decimals);
  let denominator = 10n ** BigInt(decimals.length + (percent ? 2 : 0));
  if (numerator === 0n || numerator > denominator) return null;
  while (denominator > 1n && numerator % 10n === 0n) {
    numerator /= 10n;
    denominator /= 10n;
  }
  return { kind: 'share', numerator, denominator };
}

/** A share as people write it in Norwegian (`0,6`, `1`, `?`, empty for all). */
export function ruleShareText(share: RuleShare): string {
  if (share.kind === 'all') return '';
  if (share.kind === 'unknown') return '?';
  const places = String(share.denominator).length - 1;
  const digits = String(share.numerator).padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)},${digits.slice(-places)}`;
}

/** How many conditions a rule sets (`Fra år`/`Til år` together count as one). */
export function conditionCount(r: MappingRule): number {
  return (
    (r.chapter === null ? 0 : 1) +
    (r.post === null ? 0 : 1) +
    (r.account === null ? 0 : 1) +
    (r.dimension === null ? 0 : 1) +
    (r.organisation === null ? 0 : 1) +
    (r.fromYear === null && r.toYear === null ? 0 : 1)
  );
}

/** The key of a rule's conditions: rules with the same key are one split. */
export function conditionKey(r: MappingRule): string {
  const dimension = r.dimension === null ? '' : `${r.dimension.type}=${r.dimension.id}`;
  return [r.chapter, r.post, r.account, dimension, r.organisation, r.fromYear, r.toYear].map((v) => v ?? '').join('\u0000');
}

/** Whether a rule's conditions hold for a line. */
export function ruleMatches(r: MappingRule, keys: PlacementKeys, year: number): boolean {
  if (r.chapter !== null && keys.chapter !== r.chapter) return false;
  if (r.post !== null && keys.post !== r.post) return false;
  if (r.fromYear !== null && year < r.fromYear) return false;
  if (r.toYear !== null && year > r.toYear) return false;
  if (r.account !== null) {
    if (keys.account === null) return false;
    if (r.account.endsWith('*') ? !keys.account.startsWith(r.account.slice(0, -1)) : keys.account !== r.account) return false;
  }
  if (r.organisation !== null && (keys.organisation === null || keys.organisation.replace(/\s/g, '') !== r.organisation))
    return false;
  if (r.dimension !== null) {
    const { type, id } = r.dimension;
    if (!keys.dimensions.some((d) => d.type === type && d.id === id)) return false;
  }
  return true;
}

/** A split whose shares do not add up to exactly 1: its rows and the sum as written. */
export interface ShareFault {
  readonly rows: readonly number[];
  readonly sum: string;
}

/** Sum of fractions with power-of-ten denominators, as a fraction over the largest denominator. */
function shareSum(shares: readonly { numerator: bigint; denominator: bigint }[]): { numerator: bigint; denominator: bigint } {
  const denominator = shares.reduce((d, s) => (s.denominator > d ? s.denominator : d), 1n);
  const numerator = shares.reduce((n, s) => n + s.numerator * (denominator / s.denominator), 0n);
  return { numerator, denominator };
}

/**
 * The splits of a rule table whose shares cannot add up: a split (rules with the same conditions)
 * whose shares are set must add up to exactly 1, an empty share (all of it) stands alone, and a
 * split with a `?` must have `?` on every rule (part known, part not is not a split anyone can
 * place). Empty when the table is sound.
 */
export function shareFaults(rules: readonly MappingRule[]): ShareFault[] {
  const groups = new Map<string, MappingRule[]>();
  for (const r of rules) {
    const key = conditionKey(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const faults: ShareFault[] = [];
  for (const group of groups.values()) {
    const unknown = group.filter((r) => r.share.kind === 'unknown').length;
    if (unknown === group.length) continue;
    if (group.length === 1 && group[0]!.share.kind === 'all') continue;
    const known = group.flatMap((r) =>
      r.share.kind === 'share' ? [r.share] : r.share.kind === 'all' ? [{ numerator: 1n, denominator: 1n }] : [],
    );
    const sum = shareSum(known);
    if (unknown === 0 && sum.numerator === sum.denominator && !group.some((r) => r.share.kind === 'all')) continue;
    const text = ruleShareText({ kind: 'share', numerator: sum.numerator, denominator: sum.denominator });
    faults.push({ rows: group.map((r) => r.row), sum: unknown > 0 ? `${text} + ?` : text });
  }
  return faults;
}

/** One instrument's part of a placed line. */
export interface PlacedPart {
  readonly instrument: InstrumentId;
  readonly amount: Milli;
}

/** What the rules make of one line. */
export type Placement =
  | { readonly kind: 'placed'; readonly parts: readonly PlacedPart[] }
  /** The winning rules' shares are not set (`?`): the line is kept whole, unallocated. */
  | { readonly kind: 'unallocated'; readonly instruments: readonly InstrumentId[]; readonly flags: readonly ['split_not_set'] }
  /** Winning rules with different conditions: the rows of every winning rule. */
  | { readonly kind: 'ambiguous'; readonly rows: readonly number[] }
  /** No rule names the line: outside the plan. */
  | { readonly kind: 'outside' };

const OUTSIDE: Placement = { kind: 'outside' };

/** `amount × numerator / denominator`, in milli, rounded half-up (away from zero) to the øre. */
function partOf(amount: Milli, share: { numerator: bigint; denominator: bigint }): Milli {
  const scaled = amount * share.numerator;
  const unit = share.denominator * 10n; // one øre is 10 milli
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const ore = (magnitude * 2n + unit) / (unit * 2n);
  return (negative ? -ore : ore) * 10n;
}

/** Places lines by one rule table (checked by `shareFaults` before use). */
export class RulePlacer {
  /** Rules by chapter (null: rules that set no chapter), in table order. */
  private readonly byChapter = new Map<number | null, MappingRule[]>();

  constructor(readonly rules: readonly MappingRule[]) {
    for (const r of rules) {
      const list = this.byChapter.get(r.chapter);
      if (list) list.push(r);
      else this.byChapter.set(r.chapter, [r]);
    }
  }

  /** Whether any rule names a line with these keys in this year (else it is outside the plan). */
  names(keys: PlacementKeys, year: number): boolean {
    const any = (list: readonly MappingRule[] | undefined) => list !== undefined && list.some((r) => ruleMatches(r, keys, year));
    return (keys.chapter !== null && any(this.byChapter.get(keys.chapter))) || any(this.byChapter.get(null));
  }

  /** Where a line with these keys, in this budget year, of this amount, belongs. */
  place(keys: PlacementKeys, year: number, amount: Milli): Placement {
    let best = -1;
    let winners: MappingRule[] = [];
    const consider = (list: readonly MappingRule[] | undefined): void => {
      if (list === undefined) return;
      for (const r of list) {
        if (!ruleMatches(r, keys, year)) continue;
        const count = conditionCount(r);
        if (count > best) {
          best = count;
          winners = [r];
        } else if (count === best) {
          winners.push(r);
        }
      }
    };
    if (keys.chapter !== null) consider(this.byChapter.get(keys.chapter));
    consider(this.byChapter.get(null));
    if (winners.length === 0) return OUTSIDE;
    if (winners.length > 1) {
      const key = conditionKey(winners[0]!);
      if (winners.some((r) => conditionKey(r) !== key)) {
        return { kind: 'ambiguous', rows: winners.map((r) => r.row).sort((a, b) => a - b) };
      }
      // Rules are kept in table order within a chapter; a split's parts follow the table.
      winners.sort((a, b) => this.rules.indexOf(a) - this.rules.indexOf(b));
    }
    if (winners.some((r) => r.share.kind === 'unknown')) {
      return { kind: 'unallocated', instruments: winners.map((r) => r.instrument), flags: ['split_not_set'] };
    }
    if (winners.length === 1) return { kind: 'placed', parts: [{ instrument: winners[0]!.instrument, amount }] };
    const parts: PlacedPart[] = [];
    let rest = amount;
    winners.forEach((r, i) => {
      if (i === winners.length - 1) {
        parts.push({ instrument: r.instrument, amount: rest });
        return;
      }
      const share = r.share.kind === 'share' ? r.share : { numerator: 1n, denominator: 1n };
      const part = partOf(amount, share);
      parts.push({ instrument: r.instrument, amount: part });
      rest -= part;
    });
    return { kind: 'placed', parts };
  }
}

/** A budget post the rules name, with the instruments they place on it in a year. */
export interface RulePost {
  readonly chapter: number;
  readonly post: number;
  /** The instruments of the rules on this post (in table order, each once). */
  readonly instruments: readonly InstrumentId[];
  /**
   * Whether every one of these instruments is placed on this post alone: each of its rules names
   * exactly this chapter and post and nothing narrower (account, dimension, organisation), and no
   * rule places it on another post. Only then is the sum of their frames the post's frame (§9).
   */
  readonly alone: boolean;
}

/** The chapters and posts the rules name for a year, in table order (CONTRACTS §9). */
export function rulePosts(rules: readonly MappingRule[], year: number): RulePost[] {
  const inYear = rules.filter((r) => (r.fromYear === null || r.fromYear <= year) && (r.toYear === null || r.toYear >= year));
  const posts = new Map<string, { chapter: number; post: number; instruments: InstrumentId[] }>();
  for (const r of inYear) {
    if (r.chapter === null || r.post === null) continue;
    const key = `${r.chapter}.${r.post}`;
    const entry = posts.get(key) ?? { chapter: r.chapter, post: r.post, instruments: [] };
    if (!entry.instruments.includes(r.instrument)) entry.instruments.push(r.instrument);
    posts.set(key, entry);
  }
  return [...posts.values()].map((p) => ({
    ...p,
    alone: p.instruments.every((instrument) =>
      inYear
        .filter((r) => r.instrument === instrument)
        .every(
          (r) =>
            r.chapter === p.chapter && r.post === p.post && r.account === null && r.dimension === null && r.organisation === null,
        ),
    ),
  }));
}
