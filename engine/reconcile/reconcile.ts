/**
 * Reconciliation (avstemming): each frame against what was spent and committed, as of a date
 * (CONTRACTS §3). The date is always a parameter; the engine never reads the clock.
 */
import { FIRST_YEAR, type IsoDate } from '../calendar.js';
import type { EntryKind, LedgerLine, LineStage, LineStore } from '../ledger/ledger.js';
import { Money, ratio, type Ore } from '../money.js';
import { frameKey, type Frame, type FrameSource } from '../plan/frame.js';
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

/** A full reconciliation. */
export interface Reconciliation {
  readonly asOf: IsoDate;
  readonly rows: ReconciliationRow[];
  readonly unframed: UnframedSpending[];
}

interface Commitment {
  amount: Ore;
  year: number;
  settled: Ore;
}

/** Per instrument and budget year: the sums of each kind and the number of lines. */
interface Bucket {
  utbetaling: Ore;
  tilsagn: Ore;
  annullering: Ore;
  lines: number;
}

/**
 * Commitments by instrument, then voucher, then budget year: the same voucher may be reused in
 * another year, and keying by year keeps the result independent of the order of the lines.
 */
type Commitments = Map<string, Map<string, Map<number, Commitment>>>;

/** A disbursement or cancellation that names the commitment it settles. */
interface Settlement {
  instrument: string;
  reference: string;
  year: number;
  amount: Ore;
}

/**
 * The sums a reconciliation needs, gathered line by line: a `LineStore` for the ledger, so a large
 * ledger is summed as it is read instead of being held in memory. Lines dated after `asOf` are
 * ignored. Sums are exact integer øre.
 */
export class SpendingTotals implements LineStore {
  readonly buckets = new Map<string, Bucket>();
  private readonly byInstrument = new Map<string, Bucket[]>();
  readonly commitments: Commitments = new Map();
  readonly settlements: Settlement[] = [];

  constructor(readonly asOf: IsoDate) {}

  /** Adds one line. */
  add(line: LedgerLine): void {
    if (line.date > this.asOf) return;
    // Buckets by instrument, then by year index: no key string to build for each line.
    let years = this.byInstrument.get(line.instrument);
    if (!years) {
      years = [];
      this.byInstrument.set(line.instrument, years);
    }
    let bucket = years[line.year - FIRST_YEAR];
    if (!bucket) {
      bucket = { utbetaling: 0n, tilsagn: 0n, annullering: 0n, lines: 0 };
      years[line.year - FIRST_YEAR] = bucket;
      this.buckets.set(`${line.instrument}:${line.year}`, bucket);
    }
    bucket[line.kind satisfies EntryKind] += line.amount;
    bucket.lines++;
    if (line.kind === 'tilsagn') {
      let byVoucher = this.commitments.get(line.instrument);
      if (!byVoucher) {
        byVoucher = new Map();
        this.commitments.set(line.instrument, byVoucher);
      }
      let byYear = byVoucher.get(line.voucher);
      if (!byYear) {
        byYear = new Map();
        byVoucher.set(line.voucher, byYear);
      }
      const existing = byYear.get(line.year);
      if (existing) existing.amount += line.amount;
      else byYear.set(line.year, { amount: line.amount, year: line.year, settled: 0n });
    } else if (line.reference !== '') {
      this.settlements.push({ instrument: line.instrument, reference: line.reference, year: line.year, amount: line.amount });
    }
  }

  /** A staging area for one file's lines, added to these totals only on commit. */
  stage(): LineStage {
    const staged = new SpendingTotals(this.asOf);
    return { add: (line) => staged.add(line), commit: () => this.absorb(staged) };
  }

  private absorb(other: SpendingTotals): void {
    for (const [key, b] of other.buckets) {
      const mine = this.buckets.get(key);
      if (!mine) {
        this.buckets.set(key, b);
        const [instrument, year] = key.split(':') as [string, string];
        let years = this.byInstrument.get(instrument);
        if (!years) {
          years = [];
          this.byInstrument.set(instrument, years);
        }
        years[Number(year) - FIRST_YEAR] = b;
      } else {
        mine.utbetaling += b.utbetaling;
        mine.tilsagn += b.tilsagn;
        mine.annullering += b.annullering;
        mine.lines += b.lines;
      }
    }
    for (const [instrument, vouchers] of other.commitments) {
      let mine = this.commitments.get(instrument);
      if (!mine) {
        mine = new Map();
        this.commitments.set(instrument, mine);
      }
      for (const [voucher, byYear] of vouchers) {
        let myYears = mine.get(voucher);
        if (!myYears) {
          myYears = new Map();
          mine.set(voucher, myYears);
        }
        for (const [year, c] of byYear) {
          const existing = myYears.get(year);
          if (existing) existing.amount += c.amount;
          else myYears.set(year, c);
        }
      }
    }
    for (const s of other.settlements) this.settlements.push(s);
  }
}

/**
 * The commitment a settlement of budget year `year` settles: the one of the same voucher in that
 * year, else the voucher's earliest commitment (a disbursement often falls in a later year).
 */
function settledCommitment(byYear: Map<number, Commitment> | undefined, year: number): Commitment | undefined {
  if (!byYear) return undefined;
  const same = byYear.get(year);
  if (same) return same;
  return [...byYear.values()].reduce<Commitment | undefined>((a, c) => (a === undefined || c.year < a.year ? c : a), undefined);
}

function* allCommitments(vouchers: Map<string, Map<number, Commitment>> | undefined): Generator<Commitment> {
  if (!vouchers) return;
  for (const byYear of vouchers.values()) yield* byYear.values();
}

/**
 * Reconciles a plan's frames with ledger lines dated on or before `asOf`. Order of lines does not
 * matter; sums are exact (integer øre, converted to Money at the end).
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
    for (const byYear of vouchers.values()) for (const c of byYear.values()) c.settled = 0n;
  for (const s of totals.settlements) {
    const commitment = settledCommitment(commitments.get(s.instrument)?.get(s.reference), s.year);
    if (commitment) commitment.settled += s.amount;
  }
  const covered = new Set<string>();
  const rows = plan.frames.map((frame) => {
    const row = reconcileFrame(frame, buckets, commitments);
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
      spent: Money.fromOre(bucket.utbetaling),
      committed: Money.fromOre(bucket.tilsagn - bucket.annullering),
      lines: bucket.lines,
    });
  }
  unframed.sort((a, b) => (a.instrument < b.instrument ? -1 : a.instrument > b.instrument ? 1 : a.year - b.year));
  return { asOf: totals.asOf, rows, unframed };
}

function reconcileFrame(frame: Frame, buckets: Map<string, Bucket>, commitments: Commitments): ReconciliationRow {
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
  for (const commitment of allCommitments(commitments.get(frame.instrument))) {
    if (commitment.year < frame.from || commitment.year > frame.to) continue;
    const left = commitment.amount - commitment.settled;
    if (left > 0n) open += left;
    if (left < 0n) overSettled = true;
  }
  const spentMoney = Money.fromOre(spent);
  const openMoney = Money.fromOre(open);
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
    committed: Money.fromOre(committed),
    openCommitments: openMoney,
    remaining: amount === null ? null : amount.minus(spentMoney).minus(openMoney),
    utilisation: amount === null ? null : ratio(spentMoney, amount, 4),
    source: frame.source,
    flags,
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

/** The key of a row's frame. */
export function rowKey(row: ReconciliationRow): string {
  return frameKey(row);
}
