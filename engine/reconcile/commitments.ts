/**
 * The commitments register (issue 12; bevilgningsreglementet § 6, Prop. 1 S's table of commitment
 * authorisations): for a budget year Y, per instrument and per chapter and post, what was open at
 * the start of Y, committed in Y, disbursed and cancelled in Y, and open at the end, with the open
 * amount by the year it falls due; each chapter and post's authorisation (tilsagnsfullmakt) beside
 * what uses it; and the open commitments themselves, oldest first.
 *
 * The rules, each in this one place:
 * - A commitment is the `tilsagn` lines of one instrument, voucher and budget year; a settlement (a
 *   disbursement or cancellation naming the voucher as `referanse`) settles the commitment the
 *   reconciliation says it does (`commitmentSettledBy`).
 * - "In Y" is by the line's date (`dato`), within Y and not after `asOf`.
 * - Open = committed − settled, floored at 0 (more settled than committed is `overSettled`).
 * - What a commitment's settlements paid is taken from its instalments earliest due first (an
 *   instalment without a due date last): what is left of each is open, by its due year; an open
 *   amount without a due date is "forfall ukjent", never assumed.
 * - An authorisation is used by what is open at the end of Y and falls due after Y, and by what is
 *   open without a due date (it may fall due later: counted, and said apart).
 */
import { dueYear, wholeMonthsBetween, type IsoDate } from '../calendar.js';
import type { LedgerLine } from '../ledger/line.js';
import { formatMoney, Money, type Milli } from '../money.js';
import type { Lang } from '../messages/problems.js';
import { t } from '../messages/ui.js';
import type { InstrumentId } from '../plan/instruments.js';
import { commitmentSettledBy } from './reconcile.js';

/** Stortinget's authorisation to commit on a chapter and post in a budget year (`Tilsagnsfullmakter`). */
export interface Authorisation {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  /** Thousandths of a krone. */
  readonly amount: Milli;
}

/** An open amount by the year it falls due; `year` null: no due date in the ledger. */
export interface DueAmount {
  readonly year: number | null;
  readonly amount: Money;
}

/** The year's movement of a group's commitments. */
export interface CommitmentFigures {
  readonly openAtStart: Money;
  readonly newInYear: Money;
  readonly disbursed: Money;
  readonly cancelled: Money;
  readonly openAtEnd: Money;
  /** The open amount at the end by due year, years in order, unknown last; only years with money. */
  readonly dueByYear: readonly DueAmount[];
  /** Whether a commitment of the group was settled for more than its amount. */
  readonly overSettled: boolean;
}

export interface InstrumentCommitments extends CommitmentFigures {
  /** Null: commitments on a post whose split is not set yet (CONTRACTS §8), not placed. */
  readonly instrument: InstrumentId | null;
}

export interface PostCommitments extends CommitmentFigures {
  /** Null for commitments of lines that name no chapter and post. */
  readonly chapter: number | null;
  readonly post: number | null;
}

/** One commitment open at the end of the year (or the as-of date). */
export interface OpenCommitment {
  readonly voucher: string;
  /** The date of its first line. */
  readonly date: IsoDate;
  readonly year: number;
  readonly instrument: InstrumentId | null;
  readonly chapter: number | null;
  readonly post: number | null;
  readonly recipient: string | null;
  readonly caseNumber: string | null;
  readonly amount: Money;
  readonly settled: Money;
  readonly open: Money;
  /** Whole months from its date to the as-of date. */
  readonly ageMonths: number;
  /** Open for more than the register's `followUpMonths`. */
  readonly followUp: boolean;
  readonly dueByYear: readonly DueAmount[];
}

/** An authorisation beside what uses it at the end of its year. */
export interface AuthorisationUse {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  readonly authorisation: Money;
  /** Open at the end of the year and due after it, or without a due date. */
  readonly used: Money;
  /** The part of `used` without a due date. */
  readonly unknownDue: Money;
  /** authorisation − used (negative when exceeded). */
  readonly left: Money;
  readonly exceeded: boolean;
}

export interface CommitmentRegister {
  readonly year: number;
  /** The day the register is counted to: the end of the year, or an earlier as-of date. */
  readonly asOf: IsoDate;
  readonly followUpMonths: number;
  readonly byInstrument: readonly InstrumentCommitments[];
  readonly byPost: readonly PostCommitments[];
  readonly open: readonly OpenCommitment[];
  readonly authorisations: readonly AuthorisationUse[];
}

interface Instalment {
  readonly date: IsoDate;
  readonly due: string | null;
  readonly amount: Milli;
}

interface Settlement {
  readonly date: IsoDate;
  readonly kind: 'utbetaling' | 'annullering';
  readonly amount: Milli;
}

interface Commitment {
  readonly instrument: InstrumentId | null;
  readonly voucher: string;
  readonly year: number;
  readonly instalments: Instalment[];
  readonly settlements: Settlement[];
  readonly chapter: number | null;
  readonly post: number | null;
  recipient: string | null;
  caseNumber: string | null;
}

/** Movement sums being gathered, in thousandths of a krone. */
class Sums {
  openAtStart = 0n;
  newInYear = 0n;
  disbursed = 0n;
  cancelled = 0n;
  openAtEnd = 0n;
  overSettled = false;
  readonly due = new Map<number | null, Milli>();

  add(other: Figures): void {
    this.openAtStart += other.openAtStart;
    this.newInYear += other.newInYear;
    this.disbursed += other.disbursed;
    this.cancelled += other.cancelled;
    this.openAtEnd += other.openAtEnd;
    this.overSettled ||= other.overSettled;
    for (const [year, amount] of other.due) this.due.set(year, (this.due.get(year) ?? 0n) + amount);
  }

  figures(): CommitmentFigures {
    return {
      openAtStart: Money.fromMilli(this.openAtStart),
      newInYear: Money.fromMilli(this.newInYear),
      disbursed: Money.fromMilli(this.disbursed),
      cancelled: Money.fromMilli(this.cancelled),
      openAtEnd: Money.fromMilli(this.openAtEnd),
      dueByYear: dueAmounts(this.due),
      overSettled: this.overSettled,
    };
  }
}

/** One commitment's figures for the year. */
interface Figures {
  readonly openAtStart: Milli;
  readonly newInYear: Milli;
  readonly disbursed: Milli;
  readonly cancelled: Milli;
  readonly openAtEnd: Milli;
  readonly overSettled: boolean;
  readonly due: ReadonlyMap<number | null, Milli>;
  readonly committed: Milli;
  readonly settled: Milli;
}

function dueAmounts(due: ReadonlyMap<number | null, Milli>): DueAmount[] {
  return [...due.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, amount]) => ({ year, amount: Money.fromMilli(amount) }));
}

/**
 * A due year's heading for the register of `registerYear`: due after it (`Forfall 2026`), still
 * open but due in it or before (`Forfalt 2024`: overdue), or without a due date (`Forfall ukjent`).
 */
export function dueLabel(year: number | null, registerYear: number, lang: Lang): string {
  if (year === null) return t(lang, 'dueUnknown');
  return t(lang, year <= registerYear ? 'dueOverdue' : 'dueIn', { year });
}

/** Open amounts by due year in words for a cell or a line: `2025: 200 000,00 kr; Forfall ukjent: 50 000,00 kr`. */
export function dueText(due: readonly DueAmount[], lang: Lang): string {
  return due.map((d) => `${d.year === null ? t(lang, 'dueUnknown') : d.year}: ${formatMoney(d.amount, { lang })}`).join('; ');
}

const positive = (m: Milli): Milli => (m > 0n ? m : 0n);

/** Orders instalments as settlements pay them: earliest due year first, a day in a year before the bare year, no due date last. */
function byDue(a: Instalment, b: Instalment): number {
  if (a.due === null || b.due === null) return a.due === null ? (b.due === null ? 0 : 1) : -1;
  const ya = dueYear(a.due);
  const yb = dueYear(b.due);
  if (ya !== yb) return ya - yb;
  // A bare year is not earlier than a day in it: a day is paid first, then the year.
  if (a.due.length !== b.due.length) return a.due.length > b.due.length ? -1 : 1;
  return a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
}

function figuresOf(c: Commitment, start: IsoDate, end: IsoDate): Figures {
  let before = 0n;
  let newInYear = 0n;
  const instalments: Instalment[] = [];
  for (const i of c.instalments) {
    if (i.date > end) continue;
    instalments.push(i);
    if (i.date < start) before += i.amount;
    else newInYear += i.amount;
  }
  let settledBefore = 0n;
  let disbursed = 0n;
  let cancelled = 0n;
  for (const s of c.settlements) {
    if (s.date > end) continue;
    if (s.date < start) settledBefore += s.amount;
    else if (s.kind === 'utbetaling') disbursed += s.amount;
    else cancelled += s.amount;
  }
  const committed = before + newInYear;
  const settled = settledBefore + disbursed + cancelled;
  // The settlements paid instalments earliest due first; what is left of each is open by its due year.
  const due = new Map<number | null, Milli>();
  let paid = settled;
  for (const i of [...instalments].sort(byDue)) {
    const taken = paid <= 0n ? 0n : paid >= i.amount ? i.amount : paid;
    paid -= taken;
    const left = i.amount - taken;
    if (left > 0n) {
      const year = i.due === null ? null : dueYear(i.due);
      due.set(year, (due.get(year) ?? 0n) + left);
    }
  }
  return {
    openAtStart: positive(before - settledBefore),
    newInYear,
    disbursed,
    cancelled,
    openAtEnd: positive(committed - settled),
    overSettled: settled > committed,
    due,
    committed,
    settled,
  };
}

/**
 * The register for budget year `year`, counted to the end of the year or to `asOf` if earlier.
 * Commitments open for more than `followUpMonths` months are flagged for follow-up.
 */
export function commitmentRegister(lines: Iterable<LedgerLine>, year: number, options: RegisterOptions = {}): CommitmentRegister {
  return registerOf(commitmentsOf(lines), year, options);
}

/** The registers of several years over one reading of the ledger (the workbook's `Tilsagn` sheet). */
export function commitmentRegisters(
  lines: Iterable<LedgerLine>,
  years: readonly number[],
  options: RegisterOptions = {},
): CommitmentRegister[] {
  const commitments = commitmentsOf(lines);
  return years.map((year) => registerOf(commitments, year, options));
}

export interface RegisterOptions {
  readonly asOf?: IsoDate;
  readonly authorisations?: readonly Authorisation[];
  readonly followUpMonths?: number;
}

/** The ledger's commitments with their instalments and the settlements that name them, whatever their dates. */
function commitmentsOf(lines: Iterable<LedgerLine>): readonly Commitment[][] {
  const byKey = new Map<string, Commitment[]>();
  const key = (instrument: string | null, voucher: string) => `${instrument ?? ''}\u0000${voucher}`;
  const settlements: LedgerLine[] = [];
  for (const line of lines) {
    if (line.kind !== 'tilsagn') {
      if (line.reference !== '') settlements.push(line);
      continue;
    }
    const k = key(line.instrument, line.voucher);
    const list = byKey.get(k) ?? [];
    if (list.length === 0) byKey.set(k, list);
    let c = list.find((x) => x.year === line.year);
    if (!c) {
      c = {
        instrument: line.instrument,
        voucher: line.voucher,
        year: line.year,
        instalments: [],
        settlements: [],
        chapter: line.chapter,
        post: line.post,
        recipient: line.recipient ?? null,
        caseNumber: line.caseNumber ?? null,
      };
      list.push(c);
    }
    c.instalments.push({ date: line.date, due: line.due ?? null, amount: line.amount });
    c.recipient ??= line.recipient ?? null;
    c.caseNumber ??= line.caseNumber ?? null;
  }
  for (const s of settlements) {
    const c = commitmentSettledBy(byKey.get(key(s.instrument, s.reference)) ?? [], s.year);
    if (c) c.settlements.push({ date: s.date, kind: s.kind === 'annullering' ? 'annullering' : 'utbetaling', amount: s.amount });
  }
  return [...byKey.values()];
}

function registerOf(commitments: readonly (readonly Commitment[])[], year: number, options: RegisterOptions): CommitmentRegister {
  const start = `${year}-01-01` as IsoDate;
  const yearEnd = `${year}-12-31` as IsoDate;
  const end = options.asOf !== undefined && options.asOf < yearEnd ? options.asOf : yearEnd;
  const followUpMonths = options.followUpMonths ?? 12;
  const instruments = new Map<InstrumentId | null, Sums>();
  const posts = new Map<string, { chapter: number | null; post: number | null; sums: Sums }>();
  const open: OpenCommitment[] = [];
  const useByPost = new Map<string, { used: Milli; unknown: Milli }>();
  for (const list of commitments) {
    for (const c of list) {
      const f = figuresOf(c, start, end);
      if (f.committed === 0n && f.settled === 0n) continue;
      const forInstrument = instruments.get(c.instrument) ?? new Sums();
      instruments.set(c.instrument, forInstrument);
      forInstrument.add(f);
      const postKey = `${c.chapter ?? ''}.${c.post ?? ''}`;
      const forPost = posts.get(postKey) ?? { chapter: c.chapter, post: c.post, sums: new Sums() };
      posts.set(postKey, forPost);
      forPost.sums.add(f);
      if (c.chapter !== null && c.post !== null) {
        const use = useByPost.get(postKey) ?? { used: 0n, unknown: 0n };
        useByPost.set(postKey, use);
        for (const [due, amount] of f.due) {
          if (due === null) {
            use.used += amount;
            use.unknown += amount;
          } else if (due > year) use.used += amount;
        }
      }
      if (f.openAtEnd > 0n) {
        const first = c.instalments.reduce((a, b) => (b.date < a ? b.date : a), c.instalments[0]!.date);
        const ageMonths = wholeMonthsBetween(first, end);
        open.push({
          voucher: c.voucher,
          date: first,
          year: c.year,
          instrument: c.instrument,
          chapter: c.chapter,
          post: c.post,
          recipient: c.recipient,
          caseNumber: c.caseNumber,
          amount: Money.fromMilli(f.committed),
          settled: Money.fromMilli(f.settled),
          open: Money.fromMilli(f.openAtEnd),
          ageMonths,
          followUp: ageMonths > followUpMonths,
          dueByYear: dueAmounts(f.due),
        });
      }
    }
  }
  open.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.voucher < b.voucher ? -1 : a.voucher > b.voucher ? 1 : 0));
  const byInstrument = [...instruments.entries()]
    .map(([instrument, sums]) => ({ instrument, ...sums.figures() }))
    .sort((a, b) => (a.instrument === null ? 1 : b.instrument === null ? -1 : a.instrument < b.instrument ? -1 : 1));
  const byPost = [...posts.values()]
    .map(({ chapter, post, sums }) => ({ chapter, post, ...sums.figures() }))
    .sort((a, b) => (a.chapter ?? Infinity) - (b.chapter ?? Infinity) || (a.post ?? Infinity) - (b.post ?? Infinity));
  const authorisations = (options.authorisations ?? [])
    .filter((a) => a.year === year)
    .map((a) => {
      const use = useByPost.get(`${a.chapter}.${a.post}`) ?? { used: 0n, unknown: 0n };
      return {
        chapter: a.chapter,
        post: a.post,
        year: a.year,
        authorisation: Money.fromMilli(a.amount),
        used: Money.fromMilli(use.used),
        unknownDue: Money.fromMilli(use.unknown),
        left: Money.fromMilli(a.amount - use.used),
        exceeded: use.used > a.amount,
      };
    })
    .sort((a, b) => a.chapter - b.chapter || a.post - b.post);
  return { year, asOf: end, followUpMonths, byInstrument, byPost, open, authorisations };
}
