/**
 * A line of a ledger source before it is placed on an instrument (CONTRACTS §7, §8): what the
 * readers of the state accounts (DFØ), SAF-T, `.xlsx` and UTF-16 files give the ledger. The ledger
 * places each on instruments by the plan's mapping rules (`rules.ts`), counts what no rule names as
 * outside the plan, and keeps what a rule cannot split yet as unallocated.
 */
import type { IsoDate } from '../calendar.js';
import type { Milli } from '../money.js';
import type { Problem } from '../messages/problems.js';
import type { EntryKind } from './line.js';

/** One analysis dimension of a SAF-T line (`AnalysisType`/`AnalysisID`). */
export interface Dimension {
  readonly type: string;
  readonly id: string;
}

/** What the mapping rules (CONTRACTS §8) look at; null where the source does not say. */
export interface PlacementKeys {
  readonly chapter: number | null;
  readonly post: number | null;
  /** The account (DFØ `Artskonto_id`, SAF-T `AccountID`), as text. */
  readonly account: string | null;
  /** SAF-T analysis dimensions of the line (none for other sources). */
  readonly dimensions: readonly Dimension[];
  /** The organisation number (DFØ `Virksomhet_id`, SAF-T the company's `RegistrationNumber`). */
  readonly organisation: string | null;
}

/** One line of a source, read and checked, not yet placed. */
export interface SourceLine {
  /** Line in the file (1 = header; for XML the line of the element's start). */
  readonly line: number;
  readonly date: IsoDate;
  /**
   * The budget year the line counts against, as the file states it: a year outside 2019–2028 is
   * outside the plan (counted, not imported), which the ledger decides, not the reader.
   */
  readonly year: number;
  readonly kind: EntryKind;
  /** Exact amount in thousandths of a krone (DFØ has three decimals); debit (spending) positive. */
  readonly amount: Milli;
  /** The voucher as people know it (SAF-T `TransactionID`; for DFØ the row's own key). */
  readonly voucher: string;
  readonly reference: string;
  readonly text: string;
  /**
   * What, besides voucher, date, kind and amount, makes two lines the same content (CONTRACTS §7:
   * SAF-T `JournalID` and `RecordID`; DFØ every key column); '' when the voucher says it all.
   */
  readonly source: string;
  /** The instrument the line names itself (a `.xlsx` or UTF-16 ledger's `Virkemiddel`), else null. */
  readonly instrument: string | null;
  readonly keys: PlacementKeys;
}

/**
 * Where a reader sends what it reads: lines, and problems (each naming file, line or element,
 * field and value). A reader never throws for anything in its input.
 */
export interface SourceSink {
  line(line: SourceLine): void;
  /**
   * A line the reader already found outside the plan (the state accounts ask the plan before checking
   * a row's texts): counted by its date and amount, nothing else of it kept. A reader that does not
   * ask the plan sends every line to `line`, which counts the ones outside itself.
   */
  outside(date: IsoDate, amount: Milli): void;
  problem(problem: Problem): void;
}

/** A streaming reader of one kind of source: fed the file's bytes chunk by chunk. */
export interface SourceReader {
  push(chunk: Uint8Array): void;
  /** The end of the file; reports what an unfinished file lacks. */
  end(): void;
}
