/**
 * Reconciliation (avstemming): each frame against what was spent and committed, as of a date
 * (CONTRACTS §3). The date is always a parameter; the engine never reads the clock.
 */
import type { IsoDate } from '../calendar.js';
import type { EntryKind, LedgerLine } from '../ledger/ledger.js';
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

/** Commitments by instrument, then by voucher. */
type Commitments = Map<string, Map<string, Commitment>>;

function commitmentsOf(commitments: Commitments, instrument: string): Map<string, Commitment> {
  let byVoucher = commitments.get(instrument);
  if (!byVoucher) {
    byVoucher = new Map();
    commitments.set(instrument, byVoucher);
  }
  return byVoucher;
}

/**
 * Reconciles a plan's frames with ledger lines dated on or before `asOf`. Order of lines does not
 * matter; sums are exact (integer øre, converted to Money at the end).
 */
export function reconcile(plan: Plan, lines: Iterable<LedgerLine>, asOf: IsoDate): Reconciliation {
  const buckets = new Map<string, Bucket>();
  const commitments: Commitments = new Map();
  const settlements: LedgerLine[] = [];
  for (const line of lines) {
    if (line.date > asOf) continue;
    const key = `${line.instrument}:${line.year}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { utbetaling: 0n, tilsagn: 0n, annullering: 0n, lines: 0 };
      buckets.set(key, bucket);
    }
    bucket[line.kind satisfies EntryKind] += line.amount;
    bucket.lines++;
    if (line.kind === 'tilsagn') {
      const byVoucher = commitmentsOf(commitments, line.instrument);
      const existing = byVoucher.get(line.voucher);
      if (existing) existing.amount += line.amount;
      else byVoucher.set(line.voucher, { amount: line.amount, year: line.year, settled: 0n });
    } else if (line.reference !== '') {
      settlements.push(line);
    }
  }
  for (const line of settlements) {
    const commitment = commitments.get(line.instrument)?.get(line.reference);
    if (commitment) commitment.settled += line.amount;
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
  return { asOf, rows, unframed };
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
  for (const commitment of commitments.get(frame.instrument)?.values() ?? []) {
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
