/**
 * Reconciliation (avstemming): each frame against what was spent and committed, as of a date
 * (CONTRACTS §3). The date is always a parameter; the engine never reads the clock.
 */
import { FIRST_YEAR, type IsoDate } from '../calendar.js';
import type { LineStage, LineStore } from '../ledger/ledger.js';
import { ENTRY_KINDS, isDatedBy, isoDateNumber, type EntryKind, type LedgerLine, type LineParts } from '../ledger/line.js';
import { Money, ratio, type Milli } from '../money.js';
import type { Frame, FrameSource } from '../plan/frame.js';
import type { Funding, InstrumentId } from '../plan/instruments.js';
import type { Plan } from '../plan/plan.js';

/** A flag on a reconciliation row; each present only when it holds. */
export type Flag = 'condition_unconfirmed' | 'frame_not_set' | 'no_state_frame' | 'over_frame' | 'over_settled';

/** One reconciliation row: one frame. */
export interface ReconciliationRow {
  readonly instrument: InstrumentId;
  readonly from: number;
  readonly to: number;
  readonly funding: Funding;
  readonly frame: Money | null;
  readonly spent: Money;
  readonly committed: Money;
  readonly openCommitments: Money;
  readonly remaining: Money | null;
  /** spent / frame, half-up to 4 decimals, as a plain decimal string; null without a frame. */
  readonly utilisation: string | null;
  readonly source: FrameSource;
  readonly flags: Flag[];
}

/** Spending that no frame of the plan covers (an instrument in a year without a frame). */
export interface UnframedSpending {
  readonly instrument: InstrumentId;
  readonly year: number;
  readonly spent: Money;
  readonly committed: Money;
  readonly lines: number;
}

/**
 * Money on a budget post that the rules cannot place yet (CONTRACTS §8: its shares are not set),
 * per chapter, post, budget year and kind: shown, never assigned to an instrument by guess.
 */
export interface UnallocatedSpending {
  readonly chapter: number | null;
  readonly post: number | null;
  readonly year: number;
  readonly kind: EntryKind;
  readonly amount: Money;
  readonly lines: number;
  readonly instruments: readonly InstrumentId[];
  readonly flags: readonly 'split_not_set'[];
}

/** A full reconciliation. */
export interface Reconciliation {
  readonly asOf: IsoDate;
  readonly rows: ReconciliationRow[];
  readonly unframed: UnframedSpending[];
  /** Ordered by chapter, post, year and kind; empty when every line is placed. */
  readonly unallocated: UnallocatedSpending[];
}

/** Unallocated money as it is summed: exact thousandths and a count. */
interface UnallocatedBucket {
  readonly chapter: number | null;
  readonly post: number | null;
  readonly year: number;
  readonly kind: EntryKind;
  amount: Milli;
  lines: number;
  readonly instruments: Set<InstrumentId>;
  readonly flags: Set<'split_not_set'>;
}

/** A voucher's commitments in one budget year; `next` is the same voucher's in another year. */
interface Commitment {
  amount: Milli;
  year: number;
  settled: Milli;
  next: Commitment | undefined;
}

/** Per instrument and budget year: the sums of each kind and the number of lines. */
interface Bucket {
  utbetaling: Milli;
  tilsagn: Milli;
  annullering: Milli;
  lines: number;
}

/**
 * Commitments by instrument, then voucher, then budget year (a chain through `next`, as a voucher
 * is seldom reused in another year): keying by year keeps the result independent of the order of
 * the lines.
 */
type Commitments = Map<string, Map<string, Commitment>>;

/** A disbursement or cancellation that names the commitment it settles. */
interface Settlement {
  instrument: string;
  reference: string;
  year: number;
  amount: Milli;
}

/**
 * The sums a reconciliation needs, gathered line by line: a `LineStore` for the ledger, so a large
 * ledger is summed as it is read instead of being held in memory. Lines dated after `asOf` are
 * ignored. Sums are exact integer thousandths of a krone. A line not placed on an
 * instrument yet (CONTRACTS §8) is summed as unallocated, per chapter, post and budget year.
 */
export class SpendingTotals implements LineStore {
  readonly buckets = new Map<string, Bucket>();
  private readonly byInstrument = new Map<string, Bucket[]>();
  readonly commitments: Commitments = new Map();
  readonly settlements: Settlement[] = [];
  /** Lines not placed on an instrument, by `chapter.post:year:kind`. */
  readonly unallocated = new Map<string, UnallocatedBucket>();
  /**
   * Disbursements on a budget post, by `postSpentKey` (CONTRACTS §9: `spent` of a post and year,
   * before any split: the parts of a split line add up to the line).
   */
  readonly postSpent = new Map<string, Milli>();

  /** asOf as the number YYYYMMDD, the form the as-of rule (`isDatedBy`) compares. */
  private readonly asOfNumber: number;

  constructor(readonly asOf: IsoDate) {
    this.asOfNumber = isoDateNumber(asOf);
  }

  /** Adds one line. */
  add(line: LedgerLine): void {
    if (!isDatedBy(isoDateNumber(line.date), this.asOfNumber)) return;
    if (line.kind === 'utbetaling' && line.chapter !== null && line.post !== null) {
      this.addPostSpent(postSpentKey(line.chapter, line.post, line.year), line.amount);
    }
    if (line.instrument === null) {
      this.addUnallocated(
        line.chapter,
        line.post,
        line.year,
        line.kind,
        line.amount,
        1,
        line.unallocated?.instruments ?? [],
        line.unallocated?.flags ?? [],
      );
      return;
    }
    this.addToBucket(line.instrument, line.year, line.kind, line.amount);
    if (line.kind === 'tilsagn') this.addCommitment(line.instrument, line.voucher, line.year, line.amount);
    else if (line.reference !== '') {
      this.settlements.push({ instrument: line.instrument, reference: line.reference, year: line.year, amount: line.amount });
    }
  }

  /** Adds one line read by the fast path (the same sums as `add`, with no LedgerLine built). */
  addParts(parts: LineParts): void {
    if (!isDatedBy(parts.dateNumber, this.asOfNumber)) return;
    const { instrument, year, kind, amount } = parts;
    if (kind === 'utbetaling' && parts.chapter !== null && parts.post !== null) {
      this.addPostSpent(postSpentKey(parts.chapter, parts.post, year), amount);
    }
    this.addToBucket(instrument, year, kind, amount);
    if (kind === 'tilsagn') this.addCommitment(instrument, parts.voucher(), year, amount);
    else if (parts.hasReference) this.settlements.push({ instrument, reference: parts.reference(), year, amount });
  }

  private addPostSpent(key: string, amount: Milli): void {
    this.postSpent.set(key, (this.postSpent.get(key) ?? 0n) + amount);
  }

  private addUnallocated(
    chapter: number | null,
    post: number | null,
    year: number,
    kind: EntryKind,
    amount: Milli,
    lines: number,
    instruments: Iterable<InstrumentId>,
    flags: Iterable<'split_not_set'>,
  ): void {
    const key = `${chapter ?? ''}.${post ?? ''}:${year}:${kind}`;
    let bucket = this.unallocated.get(key);
    if (!bucket) {
      bucket = { chapter, post, year, kind, amount: 0n, lines: 0, instruments: new Set(), flags: new Set() };
      this.unallocated.set(key, bucket);
    }
    bucket.amount += amount;
    bucket.lines += lines;
    for (const i of instruments) bucket.instruments.add(i);
    for (const f of flags) bucket.flags.add(f);
  }

  private addToBucket(instrument: InstrumentId, year: number, kind: EntryKind, amount: Milli): void {
    // Buckets by instrument, then by year index: no key string to build for each line.
    const years = this.yearsOf(instrument);
    let bucket = years[year - FIRST_YEAR];
    if (!bucket) {
      bucket = { utbetaling: 0n, tilsagn: 0n, annullering: 0n, lines: 0 };
      this.setBucket(years, instrument, year, bucket);
    }
    if (kind === 'utbetaling') bucket.utbetaling += amount;
    else if (kind === 'tilsagn') bucket.tilsagn += amount;
    else bucket.annullering += amount;
    bucket.lines++;
  }

  /** The buckets of one instrument, indexed by year − FIRST_YEAR (made when there are none). */
  private yearsOf(instrument: string): Bucket[] {
    let years = this.byInstrument.get(instrument);
    if (!years) {
      years = [];
      this.byInstrument.set(instrument, years);
    }
    return years;
  }

  /** Files a new bucket under both indexes: by instrument and year index, and by `instrument:year`. */
  private setBucket(years: Bucket[], instrument: string, year: number, bucket: Bucket): void {
    years[year - FIRST_YEAR] = bucket;
    this.buckets.set(`${instrument}:${year}`, bucket);
  }

  private addCommitment(instrument: InstrumentId, voucher: string, year: number, amount: Milli): void {
    let byVoucher = this.commitments.get(instrument);
    if (!byVoucher) {
      byVoucher = new Map();
      this.commitments.set(instrument, byVoucher);
    }
    addToChain(byVoucher, voucher, year, amount);
  }

  /** A staging area for one file's lines, added to these totals only on commit. */
  stage(): LineStage {
    const staged = new SpendingTotals(this.asOf);
    return { add: (line) => staged.add(line), addParts: (parts) => staged.addParts(parts), commit: () => this.absorb(staged) };
  }

  private absorb(other: SpendingTotals): void {
    for (const [key, b] of other.buckets) {
      const mine = this.buckets.get(key);
      if (!mine) {
        const [instrument, year] = key.split(':') as [string, string];
        this.setBucket(this.yearsOf(instrument), instrument, Number(year), b);
      } else {
        mine.utbetaling += b.utbetaling;
        mine.tilsagn += b.tilsagn;
        mine.annullering += b.annullering;
        mine.lines += b.lines;
      }
    }
    for (const [instrument, vouchers] of other.commitments) {
      const mine = this.commitments.get(instrument);
      if (!mine) {
        // The staged totals are dropped after this, so their maps can be taken over whole.
        this.commitments.set(instrument, vouchers);
        continue;
      }
      for (const [voucher, chain] of vouchers) {
        for (let c: Commitment | undefined = chain; c; c = c.next) addToChain(mine, voucher, c.year, c.amount);
      }
    }
    for (const s of other.settlements) this.settlements.push(s);
    for (const [key, amount] of other.postSpent) this.addPostSpent(key, amount);
    for (const u of other.unallocated.values()) {
      this.addUnallocated(u.chapter, u.post, u.year, u.kind, u.amount, u.lines, u.instruments, u.flags);
    }
  }
}

/** The key of a post's disbursements in a budget year (`SpendingTotals.postSpent`). */
export function postSpentKey(chapter: number, post: number, year: number): string {
  return `${chapter}.${post}:${year}`;
}

/** Adds a commitment of `amount` to a voucher's commitment in `year`, made if there is none. */
function addToChain(byVoucher: Map<string, Commitment>, voucher: string, year: number, amount: Milli): void {
  const first = byVoucher.get(voucher);
  for (let c = first; c; c = c.next) {
    if (c.year === year) {
      c.amount += amount;
      return;
    }
  }
  byVoucher.set(voucher, { amount, year, settled: 0n, next: first });
}

/**
 * The commitment a settlement of budget year `year` settles: the one of the same voucher in that
 * year, else the voucher's earliest commitment (a disbursement often falls in a later year).
 */
function settledCommitment(chain: Commitment | undefined, year: number): Commitment | undefined {
  return commitmentSettledBy(chainOf(chain), year);
}

function* chainOf(first: Commitment | undefined): Generator<Commitment> {
  for (let c = first; c; c = c.next) yield c;
}

/**
 * The one rule for which commitment a settlement settles, for the reconciliation and the
 * commitments register alike: of the commitments of one instrument and voucher, the one of the
 * settlement's budget year, else the earliest.
 */
export function commitmentSettledBy<T extends { readonly year: number }>(candidates: Iterable<T>, year: number): T | undefined {
  let earliest: T | undefined;
  for (const c of candidates) {
    if (c.year === year) return c;
    if (earliest === undefined || c.year < earliest.year) earliest = c;
  }
  return earliest;
}

/** Per budget year, what the commitments of one instrument leave open, and whether any is over-settled. */
interface OpenByYear {
  open: Milli;
  overSettled: boolean;
}

function openByYear(vouchers: Map<string, Commitment> | undefined): Map<number, OpenByYear> {
  const byYear = new Map<number, OpenByYear>();
  if (!vouchers) return byYear;
  for (const chain of vouchers.values()) {
    for (let c: Commitment | undefined = chain; c; c = c.next) {
      let entry = byYear.get(c.year);
      if (!entry) {
        entry = { open: 0n, overSettled: false };
        byYear.set(c.year, entry);
      }
      const left = c.amount - c.settled;
      if (left > 0n) entry.open += left;
      if (left < 0n) entry.overSettled = true;
    }
  }
  return byYear;
}

/**
 * Reconciles a plan's frames with ledger lines dated on or before `asOf`. Order of lines does not
 * matter; sums are exact (integer thousandths of a krone, converted to Money at the end).
 */
export function reconcile(plan: Plan, lines: Iterable<LedgerLine>, asOf: IsoDate): Reconciliation {
  const totals = new SpendingTotals(asOf);
  for (const line of lines) totals.add(line);
  return reconcileTotals(plan, totals);
}

/** Reconciles a plan's frames with totals gathered by `SpendingTotals`. */
export function reconcileTotals(plan: Plan, totals: SpendingTotals): Reconciliation {
  const { buckets, commitments } = totals;
  for (const vouchers of commitments.values())
    for (const chain of vouchers.values()) for (let c: Commitment | undefined = chain; c; c = c.next) c.settled = 0n;
  for (const s of totals.settlements) {
    const commitment = settledCommitment(commitments.get(s.instrument)?.get(s.reference), s.year);
    if (commitment) commitment.settled += s.amount;
  }
  const covered = new Set<string>();
  // What each instrument's commitments leave open per year, worked out once, not once per frame.
  const open = new Map<string, Map<number, OpenByYear>>();
  const rows = plan.frames.map((frame) => {
    let byYear = open.get(frame.instrument);
    if (!byYear) {
      byYear = openByYear(commitments.get(frame.instrument));
      open.set(frame.instrument, byYear);
    }
    const row = reconcileFrame(frame, buckets, byYear);
    for (let y = frame.from; y <= frame.to; y++) covered.add(`${frame.instrument}:${y}`);
    return row;
  });
  const unframed: UnframedSpending[] = [];
  for (const [key, bucket] of buckets) {
    if (covered.has(key)) continue;
    const [instrument, year] = key.split(':') as [string, string];
    unframed.push({
      instrument: instrument as InstrumentId,
      year: Number(year),
      spent: Money.fromMilli(bucket.utbetaling),
      committed: Money.fromMilli(bucket.tilsagn - bucket.annullering),
      lines: bucket.lines,
    });
  }
  unframed.sort((a, b) => (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : a.year - b.year));
  const kindOrder = (k: EntryKind) => ENTRY_KINDS.indexOf(k);
  const unallocated: UnallocatedSpending[] = [...totals.unallocated.values()]
    .map((u) => ({
      chapter: u.chapter,
      post: u.post,
      year: u.year,
      kind: u.kind,
      amount: Money.fromMilli(u.amount),
      lines: u.lines,
      instruments: [...u.instruments],
      flags: [...u.flags].sort(),
    }))
    .sort(
      (a, b) =>
        (a.chapter ?? -1) - (b.chapter ?? -1) ||
        (a.post ?? -1) - (b.post ?? -1) ||
        a.year - b.year ||
        kindOrder(a.kind) - kindOrder(b.kind),
    );
  return { asOf: totals.asOf, rows, unframed, unallocated };
}

function reconcileFrame(frame: Frame, buckets: Map<string, Bucket>, openCommitments: Map<number, OpenByYear>): ReconciliationRow {
  let spent = 0n;
  let committed = 0n;
  let lines = 0;
  for (let year = frame.from; year <= frame.to; year++) {
    const bucket = buckets.get(`${frame.instrument}:${year}`);
    if (!bucket) continue;
    spent += bucket.utbetaling;
    committed += bucket.tilsagn - bucket.annullering;
    lines += bucket.lines;
  }
  let open = 0n;
  let overSettled = false;
  for (const [year, entry] of openCommitments) {
    if (year < frame.from || year > frame.to) continue;
    open += entry.open;
    if (entry.overSettled) overSettled = true;
  }
  const spentMoney = Money.fromMilli(spent);
  const openMoney = Money.fromMilli(open);
  const amount = frame.amount;
  const flags: Flag[] = [];
  const hasSpending = lines > 0;
  if (hasSpending && frame.condition !== '' && !frame.conditionConfirmed) flags.push('condition_unconfirmed');
  if (hasSpending && frame.funding === 'state' && amount === null) flags.push('frame_not_set');
  if (hasSpending && frame.funding !== 'state') flags.push('no_state_frame');
  if (amount !== null && spentMoney.plus(openMoney).gt(amount)) flags.push('over_frame');
  if (overSettled) flags.push('over_settled');
  flags.sort();
  return {
    instrument: frame.instrument,
    from: frame.from,
    to: frame.to,
    funding: frame.funding,
    frame: amount,
    spent: spentMoney,
    committed: Money.fromMilli(committed),
    openCommitments: openMoney,
    remaining: amount === null ? null : amount.minus(spentMoney).minus(openMoney),
    utilisation: amount === null ? null : ratio(spentMoney, amount, 4),
    source: frame.source,
    flags,
  };
}

/** The JSON form of unallocated money (CONTRACTS §8): `lines` a count, money with two decimals. */
export function unallocatedToJson(u: UnallocatedSpending): Record<string, unknown> {
  return {
    chapter: u.chapter,
    post: u.post,
    year: u.year,
    amount: u.amount.toFixed2(),
    lines: u.lines,
    instruments: u.instruments,
    flags: u.flags,
    kind: u.kind,
  };
}

/** The JSON form of a row (CONTRACTS §4): money as strings with two decimals. */
export function rowToJson(row: ReconciliationRow): Record<string, unknown> {
  return {
    instrument: row.instrument,
    from: row.from,
    to: row.to,
    funding: row.funding,
    frame: row.frame?.toFixed2() ?? null,
    spent: row.spent.toFixed2(),
    committed: row.committed.toFixed2(),
    openCommitments: row.openCommitments.toFixed2(),
    remaining: row.remaining?.toFixed2() ?? null,
    utilisation: row.utilisation,
    source: row.source,
    flags: row.flags,
  };
}
