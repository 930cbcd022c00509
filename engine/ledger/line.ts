/**
 * What a ledger line is: its kinds, its fields, the content that makes two lines the same, and the
 * as-of rule that decides whether a line counts on a report date. The readers (`line-reader.ts`,
 * `plain-line.ts`) and the ledger (`ledger.ts`) all build on this module and on nothing of each
 * other's.
 */
import type { IsoDate, Year } from '../calendar.js';
import type { Milli } from '../money.js';
import type { InstrumentId } from '../plan/instruments.js';

/** What a ledger line records. */
export type EntryKind = 'utbetaling' | 'tilsagn' | 'annullering';

/** The kinds, in the order reports show them. */
export const ENTRY_KINDS: readonly EntryKind[] = ['utbetaling', 'tilsagn', 'annullering'];

const KIND_ALIASES: Record<string, EntryKind> = {
  utbetaling: 'utbetaling',
  disbursement: 'utbetaling',
  tilsagn: 'tilsagn',
  commitment: 'tilsagn',
  annullering: 'annullering',
  cancellation: 'annullering',
};

/** Reads a kind in Norwegian or English, any case; undefined if unknown. */
export function parseKind(text: string): EntryKind | undefined {
  return KIND_ALIASES[text] ?? KIND_ALIASES[text.trim().toLowerCase()];
}

/** One line of spending. */
export interface LedgerLine {
  readonly file: string;
  /** Line in the file (1 = header). */
  readonly line: number;
  readonly date: IsoDate;
  readonly voucher: string;
  /**
   * The instrument, or null for a line not placed yet: its post funds several instruments in
   * shares not set yet (CONTRACTS §8, `split_not_set`). Such a line is kept and shown as
   * unallocated, never assigned by guess.
   */
  readonly instrument: InstrumentId | null;
  readonly kind: EntryKind;
  /** Exact amount in thousandths of a krone (`Milli`); negative for a refund. */
  readonly amount: Milli;
  /** For a disbursement or cancellation: the voucher of the commitment it settles, or ''. */
  readonly reference: string;
  /** The budget year the line counts against. */
  readonly year: Year;
  readonly chapter: number | null;
  readonly post: number | null;
  readonly text: string;
  /**
   * What else makes the line's content its own (CONTRACTS §7: a SAF-T line's JournalID and
   * RecordID, a DFØ row's other key columns); '' or absent for a §2 line.
   */
  readonly source?: string;
  /** The account the rules placed it by (DFØ `Artskonto_id`, SAF-T `AccountID`); '' or absent for none. */
  readonly account?: string;
  /** The organisation number the rules placed it by; '' or absent for none. */
  readonly organisation?: string;
  /** The SAF-T analysis dimensions as `TYPE=ID` separated by `;`; '' or absent for none. */
  readonly dimensions?: string;
  /**
   * A commitment's due date (`YYYY-MM-DD`) or year (`YYYY`) from `forfall`; absent when the
   * ledger does not say (shown as "forfall ukjent", never assumed). Instalments of one commitment
   * are lines of one voucher, each with its own.
   */
  readonly due?: string;
  /** Who the commitment was given to (`mottaker`), as text; absent for none. */
  readonly recipient?: string;
  /** The case number (`saksnummer`), as text; absent for none. */
  readonly caseNumber?: string;
  /**
   * For a line without an instrument: the instruments its rule names and why it is not placed
   * (CONTRACTS §8). Worked out by the rules whenever the line is read; never stored.
   */
  readonly unallocated?: Unallocated;
}

/** Why a line is not placed on an instrument, and which instruments its post funds. */
export interface Unallocated {
  readonly instruments: readonly InstrumentId[];
  readonly flags: readonly 'split_not_set'[];
}

/** The content that makes two lines the same (CONTRACTS §2). */
export function contentKey(
  line: Pick<LedgerLine, 'voucher' | 'date' | 'instrument' | 'kind' | 'amount' | 'reference' | 'source' | 'due'>,
): string {
  // The due date tells one instalment of a commitment from another; a line without one keeps the key it always had.
  const due = line.due === undefined ? '' : `\u0000${line.due}`;
  return `${line.voucher}\u0000${line.date}\u0000${line.instrument ?? ''}\u0000${line.kind}\u0000${line.amount}\u0000${line.reference}\u0000${line.source ?? ''}${due}`;
}

/**
 * A valid line as the fast path reads it, without a `LedgerLine` object: what a store that only
 * sums needs. It is valid only during the call it is handed to (the reader reuses it).
 */
export interface LineParts {
  /** The date as the number YYYYMMDD (see `dateNumber`), which orders as the ISO date does. */
  readonly dateNumber: number;
  readonly instrument: InstrumentId;
  readonly kind: EntryKind;
  /** Exact amount in thousandths of a krone; negative for a refund. */
  readonly amount: Milli;
  readonly year: Year;
  /** The budget chapter and post the line names besides its instrument, or null. */
  readonly chapter: number | null;
  readonly post: number | null;
  /** Whether the line names a reference. */
  readonly hasReference: boolean;
  /** The voucher, made on demand. */
  voucher(): string;
  /** The reference (or ''), made on demand. */
  reference(): string;
  /** The whole line. */
  toLine(file: string, line: number): LedgerLine;
}

/** A day as the number YYYYMMDD, which orders as the day does: the one form the as-of rule compares. */
export function dateNumber(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/** An ISO date (`YYYY-MM-DD`) as the number YYYYMMDD. */
export function isoDateNumber(date: IsoDate): number {
  // Digit by digit rather than through Number(slice): this runs once per kept line reconciled.
  const d = (i: number) => date.charCodeAt(i) - 48;
  return dateNumber(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6), d(8) * 10 + d(9));
}

/**
 * The as-of rule (CONTRACTS §3): a line counts on a report date when it is dated on or before it.
 * Both dates are `dateNumber`s; every path that cuts a ledger off at a date asks this function.
 */
export function isDatedBy(lineDate: number, asOf: number): boolean {
  return lineDate <= asOf;
}
