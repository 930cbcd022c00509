/**
 * Appropriations by year of origin (issue 12; bevilgningsreglementet, FACTS.md Governance): money
 * appropriated on a post in a year keeps that year as it is carried, so the ministry sees what
 * lapses when. The rules, each in this one place:
 * - A year's own money is what Stortinget gave for it: enacted + changes (the "Overført fra" rows
 *   are the carrying itself, which this model does: never counted twice).
 * - Disbursements on the post in a budget year use the oldest money still usable first.
 * - `two_years` ("kan overføres"): usable until the end of the second year after its own;
 *   `five_percent` (post 01): what is left at the end of its year is carried into the next up to
 *   5 % of the year's own money (rounded half-up to the øre), the rest lapses, and what was carried
 *   lapses at the end of that next year; `none`: lapses at the end of its year.
 * - A post whose rule is not set in some year gets no figures for it or after: a lapse is never
 *   assumed. Spending beyond what is usable is `unfunded`, shown, never taken from a later year.
 */
import { formatMoney, Money, type Milli } from '../money.js';
import type { Lang } from '../messages/problems.js';
import { t } from '../messages/ui.js';
import { postKey } from '../plan/plan.js';
import type { Appropriation, TransferRule } from './appropriations.js';
import { postSpentKey } from './reconcile.js';

/** An amount by the year its money was appropriated. */
export interface OriginAmount {
  readonly origin: number;
  readonly amount: Money;
}

/** One post in one year, its money by year of origin. */
export interface PostYearOrigin {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  readonly rule: TransferRule;
  /** Usable at the start of the year, carried from earlier years, by origin. */
  readonly carried: readonly OriginAmount[];
  /** The year's own money (enacted + changes). */
  readonly own: Money;
  readonly spent: Money;
  /** Left at the end of the year (or the as-of date), by origin, before anything lapses. */
  readonly left: readonly OriginAmount[];
  /** What lapses at the end of the year if not spent by then, by origin. */
  readonly lapsing: readonly OriginAmount[];
  /** Spent beyond the money usable in the year. */
  readonly unfunded: Money;
}

interface Pool {
  origin: number;
  amount: Milli;
  /** The last year the money may be used. */
  last: number;
}

/** 5 % of an amount in thousandths of a krone, half-up to the øre. */
export function fivePercent(milli: Milli): Milli {
  if (milli <= 0n) return 0n;
  return ((milli * 5n + 500n) / 1000n) * 10n;
}

/**
 * Each post and year 2019–`lastYear` with appropriations, by year of origin, with what the post
 * spent per budget year (`postSpent`, by `postSpentKey`, as the reconciliation sums it).
 */
export function appropriationsByOrigin(
  appropriations: ReadonlyMap<string, Appropriation>,
  postSpent: ReadonlyMap<string, Milli>,
  lastYear: number,
): PostYearOrigin[] {
  const posts = new Map<string, Appropriation[]>();
  for (const a of appropriations.values()) {
    const key = `${a.chapter}.${a.post}`;
    const list = posts.get(key) ?? [];
    if (list.length === 0) posts.set(key, list);
    list.push(a);
  }
  const out: PostYearOrigin[] = [];
  const sorted = [...posts.values()].sort((a, b) => a[0]!.chapter - b[0]!.chapter || a[0]!.post - b[0]!.post);
  for (const list of sorted) {
    list.sort((a, b) => a.year - b.year);
    const { chapter, post } = list[0]!;
    let pools: Pool[] = [];
    let lastRule: TransferRule | undefined;
    for (let year = list[0]!.year; year <= lastYear; year++) {
      const a = list.find((x) => x.year === year);
      const rule = a === undefined ? lastRule : a.transfer;
      lastRule = rule;
      // A year without a row has no own money; the rule of carried money stays that of its year.
      if (a !== undefined && rule === undefined) break;
      const carried = pools.filter((p) => p.amount > 0n).map((p) => ({ origin: p.origin, amount: Money.fromMilli(p.amount) }));
      const own = a === undefined ? 0n : a.enacted + a.changes;
      if (a !== undefined && rule !== undefined)
        pools.push({ origin: year, amount: own, last: rule === 'two_years' ? year + 2 : year });
      let spend = postSpent.get(postSpentKey(chapter, post, year)) ?? 0n;
      const spent = spend;
      for (const pool of pools) {
        if (spend <= 0n) break;
        if (pool.amount <= 0n) continue;
        const taken = spend < pool.amount ? spend : pool.amount;
        pool.amount -= taken;
        spend -= taken;
      }
      // A refund (negative spending) goes back to the year's own money.
      if (spend < 0n) {
        const mine = pools.find((p) => p.origin === year);
        if (mine) mine.amount -= spend;
        spend = 0n;
      }
      const left = pools.filter((p) => p.amount > 0n).map((p) => ({ origin: p.origin, amount: Money.fromMilli(p.amount) }));
      const lapsing: OriginAmount[] = [];
      const next: Pool[] = [];
      for (const pool of pools) {
        if (pool.last > year) {
          next.push(pool);
          continue;
        }
        let lapses = pool.amount > 0n ? pool.amount : 0n;
        // Post 01: up to 5 % of the year's own money goes on into the next year.
        if (rule === 'five_percent' && pool.origin === year && a !== undefined && lapses > 0n) {
          const cap = fivePercent(own);
          const carry = lapses < cap ? lapses : cap;
          if (carry > 0n) next.push({ origin: year, amount: carry, last: year + 1 });
          lapses -= carry;
        }
        if (lapses > 0n) lapsing.push({ origin: pool.origin, amount: Money.fromMilli(lapses) });
      }
      pools = next;
      if (a !== undefined || carried.length > 0 || spent !== 0n)
        out.push({
          chapter,
          post,
          year,
          rule: rule!,
          carried,
          own: Money.fromMilli(own),
          spent: Money.fromMilli(spent),
          left,
          lapsing,
          unfunded: Money.fromMilli(spend),
        });
    }
  }
  return out;
}

/**
 * The warnings of a year: per post and year of origin, the money that lapses at the end of `year`
 * unless it is spent by then, in words ("2650.76: 60 700 000,00 kr bevilget i 2020 faller bort ved
 * utgangen av 2022 om det ikke brukes."), oldest first.
 */
export function lapseWarnings(origins: readonly PostYearOrigin[], year: number, lang: Lang): string[] {
  return origins
    .filter((r) => r.year === year)
    .flatMap((r) =>
      r.lapsing.map((l) =>
        t(lang, 'lapseWarning', {
          post: postKey(r.chapter, r.post),
          amount: formatMoney(l.amount, { lang }),
          origin: l.origin,
          year,
        }),
      ),
    );
}
