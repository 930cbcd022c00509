/**
 * Ledger lines (spending: commitments, disbursements, cancellations) read from delimited text, with
 * every bad line reported as a problem, and merged across files without double counting.
 */
import { isXlsxLedger, startsAsZip, type XlsxLedgerReading } from './xlsx-ledger.js';
import { InstrumentIndex, type Plan } from '../plan/plan.js';
import { problem, type Lang, type Problem, type Warning } from '../messages/problems.js';
import { duplicateColumnProblems, LEDGER_COLUMNS, mapHeader, type HeaderMap, type LedgerColumn } from './columns.js';
import { ContentCounts, contentId } from './content-counts.js';
import { CsvReader } from './csv.js';
import {
  ChunkDecoder,
  LineCutter,
  looksBinary,
  mixedUtf8Problems,
  NotUtf8,
  scanUtf8,
  Utf8Scan,
  type Encoding,
} from './decode.js';
import { isDatedBy, isoDateNumber, type LedgerLine, type LineParts } from './line.js';
import { LineReader, missingLedgerColumns } from './line-reader.js';
import { PlainLineReader } from './plain-line.js';
import { dimensionsText, LinePlacer, sourceKeys } from './placement.js';
import { DfoAccountsReader, isDfoAccountsHeader } from './dfo-accounts.js';
import type { SourceLine, SourceSink } from './source-line.js';
import { looksLikeSaft, SaftReader } from './saft.js';
import { utf16Encoding, Utf16Decoder, type Utf16Encoding } from './utf16.js';
import type { IsoDate, Year } from '../calendar.js';
import type { Milli } from '../money.js';

/** Options for reading a ledger. */
export interface ReadOptions {
  lang?: Lang;
  /** Import the valid lines of a file with errors (reported) instead of rejecting it whole. */
  skipInvalid?: boolean;
  /** Called now and then with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /**
   * Whether plainly valid lines take the fast path (default true). Both paths give the same lines,
   * problems, duplicates and warnings; false exists so tests can compare them.
   */
  fastPath?: boolean;
  /**
   * The report date: lines outside the plan are counted only when dated on or before it
   * (CONTRACTS §7: counted as read, after the as-of cut-off). Absent: every such line is counted.
   */
  asOf?: IsoDate;
}

/** Lines of a file that no mapping rule names: outside the plan, counted, not imported (CONTRACTS §7). */
export interface Outside {
  readonly lines: number;
  /** Their sum, exact, in thousandths of a krone. */
  readonly amount: Milli;
}

/** What reading one file gave. */
export interface FileReport {
  readonly file: string;
  readonly encoding: Encoding | Utf16Encoding | null;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: boolean;
  readonly problems: Problem[];
  readonly warnings: Warning[];
  /** What the file holds outside the plan (none counted for a rejected file). */
  readonly outside: Outside;
}

/** Nothing outside the plan. */
export const NOTHING_OUTSIDE: Outside = { lines: 0, amount: 0n };

/** The report of a file refused before any line was read (not a workbook, a plan that cannot be used). */
export function refusedFile(file: string, problems: readonly Problem[]): FileReport {
  return {
    file,
    encoding: null,
    imported: 0,
    duplicates: 0,
    rejected: true,
    problems: [...problems],
    warnings: [],
    outside: NOTHING_OUTSIDE,
  };
}

/** A staging area for the lines of one file: committed when the file is accepted, else dropped. */
export interface LineStage {
  add(line: LedgerLine): void;
  /** Adds a line read by the fast path; without it, the stage is given `parts.toLine(…)`. */
  addParts?(parts: LineParts): void;
  commit(): void;
}

/** Where imported lines go: kept as lines (the default), or summed on the fly for large ledgers. */
export interface LineStore {
  /** A fresh staging area for one file. */
  stage(): LineStage;
}

/** Keeps every imported line, in import order. */
export class KeptLines implements LineStore {
  readonly lines: LedgerLine[] = [];

  stage(): LineStage {
    const staged: LedgerLine[] = [];
    return {
      add: (line) => staged.push(line),
      commit: () => {
        for (const line of staged) this.lines.push(line);
      },
    };
  }
}

/**
 * The ledger: lines merged from any number of files. Duplicates are recognised by content and
 * occurrence (the Nth identical line of a file is a duplicate of the Nth identical line already
 * imported), so the same file read twice changes nothing, overlapping exports merge, and identical
 * lines within one file are all kept (with a warning). Lines are merged as they are read, into a
 * per-file stage that is committed only when the file is accepted, so a large file is never held
 * twice in memory.
 */
export class Ledger {
  /** Each content seen so far, with its counts (CONTRACTS §2: content and occurrence). */
  private readonly seen = new ContentCounts();
  private readonly instruments: InstrumentIndex;
  private readonly placer: LinePlacer;
  private duplicateCount = 0;
  private importedCount = 0;

  constructor(
    private readonly plan: Plan,
    private readonly store: LineStore = new KeptLines(),
  ) {
    this.instruments = new InstrumentIndex(plan);
    this.placer = new LinePlacer(plan);
  }

  /** Every imported line, in import order (empty when the store sums instead of keeping lines). */
  get lines(): readonly LedgerLine[] {
    return this.store instanceof KeptLines ? this.store.lines : [];
  }

  /** How many lines were imported. */
  get imported(): number {
    return this.importedCount;
  }

  /** How many duplicate lines were recognised and left out. */
  get duplicates(): number {
    return this.duplicateCount;
  }

  /**
   * Reads one file given as a function that yields its bytes (called again if the file turns out
   * not to be UTF-8). A file with any problem is rejected whole unless `skipInvalid`. A file that
   * is UTF-8 but for some bytes is rejected whole even with `skipInvalid`: which characters its bad
   * bytes stand for cannot be known, and a line is not skipped on a guess of where it ends.
   */
  addFile(file: string, open: () => Iterable<Uint8Array>, options: ReadOptions = {}): FileReport {
    // Recognised by content, never by name (CONTRACTS §7).
    const head = headOf(open);
    const utf16 = utf16Encoding(head);
    if (utf16 !== null) return this.readUtf16(file, open, utf16, options);
    if (looksLikeSaft(head)) {
      return this.addSource(file, options, (sink) => {
        const reader = new SaftReader(file, options.lang ?? 'nb', sink);
        let bytes = 0;
        for (const chunk of open()) {
          reader.push(chunk);
          bytes += chunk.length;
          options.onProgress?.(bytes);
        }
        reader.end();
      });
    }
    try {
      return this.readFile(file, open, 'utf-8', options);
    } catch (error) {
      if (!(error instanceof NotUtf8)) throw error;
    }
    try {
      return this.readFile(file, open, 'windows-1252', options);
    } catch (error) {
      if (!(error instanceof MixedUtf8File)) throw error;
      // Read once more to name every line with bad bytes (the first pass only counted them, so a
      // large Windows-1252 file does not hold a fault per line on the way).
      const mixed = scanUtf8(open());
      const problems = mixed === null ? [] : mixedUtf8Problems(file, mixed, options.lang ?? 'nb');
      return {
        file,
        encoding: 'utf-8',
        imported: 0,
        duplicates: 0,
        rejected: true,
        problems,
        warnings: [],
        outside: NOTHING_OUTSIDE,
      };
    }
  }

  /**
   * Reads a UTF-16 text (Excel's "Unicode text", CONTRACTS §7) by §2's rules. A code unit that is
   * not text (an unpaired surrogate, an odd last byte) refuses the file whole, naming each line.
   */
  private readUtf16(file: string, open: () => Iterable<Uint8Array>, encoding: Utf16Encoding, options: ReadOptions): FileReport {
    const decoder = new Utf16Decoder(encoding);
    let bytes = 0;
    try {
      return this.consume(file, encoding, options, (reader) => {
        for (const chunk of open()) {
          reader.push(decoder.decode(chunk));
          bytes += chunk.length;
          options.onProgress?.(bytes);
        }
        reader.push(decoder.decode(new Uint8Array(0), true));
        if (decoder.faultLines > 0) throw new BadUtf16File();
      });
    } catch (error) {
      if (!(error instanceof BadUtf16File)) throw error;
      const lang = options.lang ?? 'nb';
      const problems = decoder
        .faults()
        .map((f) => problem('invalid_utf16', { file, line: f.line, column: null, value: f.value }, lang));
      return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems, warnings: [], outside: NOTHING_OUTSIDE };
    }
  }

  /** Reads one file given as text (already decoded). */
  addText(file: string, text: string, options: ReadOptions = {}): FileReport {
    return this.consume(file, null, options, (reader) => {
      reader.push(text);
    });
  }

  private readFile(file: string, open: () => Iterable<Uint8Array>, encoding: Encoding, options: ReadOptions): FileReport {
    const decoder = new ChunkDecoder(encoding);
    const cutter = new LineCutter();
    // Windows-1252 is read only for a file without any UTF-8 multi-byte sequence (CONTRACTS §2).
    const scan = encoding === 'windows-1252' ? new Utf8Scan(false) : null;
    let bytes = 0;
    try {
      return this.consume(file, encoding, options, (reader) => {
        for (const chunk of open()) {
          // The first 8 KiB are checked for NUL bytes however small the chunks are; aborting by
          // exception keeps the lines read so far from being imported.
          if (bytes < BINARY_WINDOW && looksBinary(chunk.subarray(0, BINARY_WINDOW - bytes))) throw new BinaryFile();
          scan?.push(chunk);
          const piece = cutter.cut(chunk);
          if (piece !== null) reader.push(decoder.decode(piece));
          bytes += chunk.length;
          options.onProgress?.(bytes);
        }
        if (scan !== null && scan.finish() !== null) throw new MixedUtf8File();
        reader.push(decoder.decode(cutter.rest(), true));
      });
    } catch (error) {
      if (!(error instanceof BinaryFile)) throw error;
      const lang = options.lang ?? 'nb';
      const p = problem('binary_file', { file, line: null, column: null, value: null }, lang);
      return {
        file,
        encoding,
        imported: 0,
        duplicates: 0,
        rejected: true,
        problems: [p],
        warnings: [],
        outside: NOTHING_OUTSIDE,
      };
    }
  }

  /**
   * Adds lines already read and validated (the rows of a workbook's `Forbruk` table, read with
   * `ledgerLinesFromTable`), merged by content and occurrence exactly as a file's lines are.
   */
  addLines(file: string, lines: Iterable<LedgerLine>, lang: Lang = 'nb'): FileReport {
    const merge = new FileMerge(this.seen, this.store.stage());
    for (const line of lines) merge.offer(line, line.line);
    merge.finish(false);
    this.importedCount += merge.imported;
    this.duplicateCount += merge.duplicates;
    const warnings = identicalLineWarnings(file, merge.repeats, lang);
    return {
      file,
      encoding: null,
      rejected: false,
      problems: [],
      imported: merge.imported,
      duplicates: merge.duplicates,
      warnings,
      outside: NOTHING_OUTSIDE,
    };
  }

  private consume(
    file: string,
    encoding: Encoding | Utf16Encoding | null,
    options: ReadOptions,
    feed: (reader: CsvReader) => void,
  ): FileReport {
    const lang = options.lang ?? 'nb';
    const problems: Problem[] = [];
    const merge = new FileMerge(this.seen, this.store.stage());
    const outside = new OutsideCount(options.asOf);
    let valid = 0;
    let header: HeaderMap<LedgerColumn> | null = null;
    let lineReader: LineReader | null = null;
    let plainReader: PlainLineReader | null = null;
    let dfo = null as DfoAccountsReader | null;
    let headerProblem = false;
    const sink = this.sourceSink(file, lang, merge, outside, problems, () => valid++);
    // The fast path: a plainly valid line is read in place and merged without a LedgerLine;
    // any other line is split and read by the general path, which reports its problems.
    const plain = (text: string, start: number, end: number, line: number): boolean => {
      if (options.fastPath === false) return false;
      if (plainReader === null) return false;
      const id = plainReader.read(text, start, end);
      if (id < 0) return false;
      valid++;
      merge.offerParts(id, plainReader.parts, file, line);
      return true;
    };
    const reader = new CsvReader((fields, line) => {
      if (headerProblem) return;
      if (dfo !== null) {
        dfo.read(fields, line, sink);
        return;
      }
      if (!header) {
        // The state accounts are recognised before section 2's header matching (CONTRACTS §7):
        // their header has `Kapittel` and `Post` name columns too.
        if (isDfoAccountsHeader(fields)) {
          dfo = new DfoAccountsReader(file, fields, lang, (keys, year) => this.placer.inPlan(keys, year));
          header = mapHeader(fields, LEDGER_COLUMNS);
          return;
        }
        header = mapHeader(fields, LEDGER_COLUMNS);
        const missing = missingLedgerColumns(header);
        // A column named twice: which of the two holds the value cannot be known, so the file is refused.
        const twice = duplicateColumnProblems(file, header, lang);
        for (const p of twice) problems.push(p);
        if (twice.length > 0) headerProblem = true;
        if (missing.length > 0) {
          headerProblem = true;
          problems.push(
            problem(
              'missing_columns',
              { file, line: 1, column: null, value: fields.join(reader.detectedSeparator ?? ';') },
              lang,
              {
                columns: missing.join(', '),
              },
            ),
          );
          return;
        }
        if (headerProblem) return;
        lineReader = new LineReader(this.plan, file, header, lang);
        // The fast path reads §2's own columns; a file with the columns `workbook` adds for the
        // state's files (a source key, accounts) takes the general path, which keeps them.
        const extra =
          header.index.kildenokkel ??
          header.index.konto ??
          header.index.virksomhet ??
          header.index.dimensjon ??
          header.index.forfall ??
          header.index.mottaker ??
          header.index.saksnummer;
        if (extra === undefined)
          plainReader = new PlainLineReader(this.instruments, this.seen, header, reader.detectedSeparator ?? ';');
        return;
      }
      const read = lineReader!.read(fields, line, problems);
      if (read && this.offerRecord(read, header, file, undefined, merge, problems, lang)) valid++;
    }, plain);
    try {
      feed(reader);
      reader.end();
    } catch (error) {
      // An aborted read (not UTF-8, so read again; or binary) must leave no count behind, or
      // the next read of the file would see its own lines as repeats and import them again.
      merge.abort();
      throw error;
    }
    if (reader.unterminatedQuoteLine !== null) {
      problems.push(problem('unterminated_quote', { file, line: reader.unterminatedQuoteLine, column: null, value: null }, lang));
    }
    // A file of the state accounts may hold nothing of the plan: all of it outside, not empty.
    if ((!header || (valid === 0 && outside.lines === 0)) && problems.length === 0) {
      problems.push(problem('empty_file', { file, line: null, column: null, value: null }, lang));
    }
    return this.finishFile(file, encoding, options, problems, merge, outside, headerProblem || !header);
  }

  /**
   * Offers a §2 record read by `LineReader`: merged as it is when it names an instrument, else
   * placed by the rules; a post no rule names is an error (CONTRACTS §2: an unmapped post).
   * True when the record gave lines.
   */
  private offerRecord(
    read: LedgerLine,
    header: HeaderMap<LedgerColumn>,
    file: string,
    sheet: string | undefined,
    merge: FileMerge,
    problems: Problem[],
    lang: Lang,
  ): boolean {
    if (read.instrument !== null) {
      merge.offer(read, read.line);
      return true;
    }
    const where = {
      file,
      ...(sheet === undefined ? {} : { sheet }),
      column: header.label.post ?? 'post',
      value: `${read.chapter}.${String(read.post).padStart(2, '0')}`,
    };
    const placed = this.placer.place(read, where, lang);
    if (placed.kind === 'problem') problems.push(placed.problem);
    else if (placed.kind === 'outside') problems.push(problem('unmapped_post', { ...where, line: read.line }, lang));
    else {
      for (const part of placed.lines) merge.offer(part, read.line);
      return true;
    }
    return false;
  }

  /**
   * Reads the rows of a sheet (an `.xlsx` ledger, CONTRACTS §7: its cells already turned into the
   * text §2 reads), by §2's rules, with problems naming the sheet and row.
   */
  addTable(
    file: string,
    table: {
      readonly sheet: string;
      readonly header: readonly string[];
      readonly rows: Iterable<{ line: number; fields: readonly string[] }>;
      /** Problems of cells found before (a formula without a value), reported with the rest. */
      readonly problems?: readonly Problem[];
    },
    options: ReadOptions = {},
  ): FileReport {
    const lang = options.lang ?? 'nb';
    const problems: Problem[] = [...(table.problems ?? [])];
    const merge = new FileMerge(this.seen, this.store.stage());
    const header = mapHeader(table.header, LEDGER_COLUMNS);
    const missing = missingLedgerColumns(header);
    const twice = duplicateColumnProblems(file, header, lang, table.sheet);
    for (const p of twice) problems.push(p);
    if (missing.length > 0) {
      const place = { file, sheet: table.sheet, line: 1, column: null, value: table.header.join(' | ') };
      problems.push(problem('missing_columns', place, lang, { columns: missing.join(', ') }));
    }
    let valid = 0;
    if (twice.length === 0 && missing.length === 0) {
      const reader = new LineReader(this.plan, file, header, lang, table.sheet);
      for (const row of table.rows) {
        const read = reader.read(row.fields, row.line, problems);
        if (read && this.offerRecord(read, header, file, table.sheet, merge, problems, lang)) valid++;
      }
    }
    const fatal = twice.length > 0 || missing.length > 0;
    if (valid === 0 && problems.length === 0) {
      problems.push(problem('empty_file', { file, sheet: table.sheet, line: null, column: null, value: null }, lang));
    }
    return this.finishFile(file, null, options, problems, merge, new OutsideCount(options.asOf), fatal);
  }

  /**
   * Reads a source that is not a §2 text (SAF-T): `read` is given a sink for the lines and
   * problems it finds, and the file is then accepted or rejected by the same rules.
   */
  addSource(file: string, options: ReadOptions, read: (sink: SourceSink) => void): FileReport {
    const lang = options.lang ?? 'nb';
    const problems: Problem[] = [];
    const merge = new FileMerge(this.seen, this.store.stage());
    const outside = new OutsideCount(options.asOf);
    let valid = 0;
    try {
      read(this.sourceSink(file, lang, merge, outside, problems, () => valid++));
    } catch (error) {
      merge.abort();
      throw error;
    }
    if (valid === 0 && outside.lines === 0 && problems.length === 0) {
      problems.push(problem('empty_file', { file, line: null, column: null, value: null }, lang));
    }
    // A source whose structure is broken (malformed XML) is refused whole, whatever --skip-invalid says.
    const fatal = problems.some((p) => FILE_LEVEL.has(p.code));
    return this.finishFile(file, null, options, problems, merge, outside, fatal);
  }

  /** Where a source reader's lines go: placed by the rules, counted outside, or merged. */
  private sourceSink(
    file: string,
    lang: Lang,
    merge: FileMerge,
    outside: OutsideCount,
    problems: Problem[],
    counted: () => void,
  ): SourceSink {
    return {
      problem: (p) => problems.push(p),
      outside: (date, amount) => outside.addAt(date, amount),
      line: (source) => {
        const named = source.instrument === null ? undefined : this.instruments.find(source.instrument);
        if (named !== undefined) {
          counted();
          merge.offer({ ...ledgerLineOf(file, source), instrument: named.id }, source.line);
          return;
        }
        // Most of a state file is outside the plan (no rule names the line, which is when placing
        // it would give `outside`): counted from the source line, no ledger line made of it.
        const keys = sourceKeys(source.keys);
        if (!this.placer.inPlan(keys, source.year)) {
          outside.addAt(source.date, source.amount);
          return;
        }
        const line = ledgerLineOf(file, source);
        // A problem names the field that holds the post (DFØ) or the account (SAF-T).
        const column = source.keys.chapter !== null ? 'Post_id' : 'Transaction/Line/AccountID';
        const where = {
          file,
          column,
          value: source.keys.chapter !== null ? `${source.keys.chapter}.${source.keys.post}` : (source.keys.account ?? ''),
        };
        const placed = this.placer.place(line, where, lang, keys);
        if (placed.kind === 'problem') problems.push(placed.problem);
        else if (placed.kind === 'outside') outside.add(line);
        else {
          counted();
          for (const part of placed.lines) merge.offer(part, source.line);
        }
      },
    };
  }

  /** Accepts or rejects a file read into `merge` (all or nothing unless skipInvalid), and reports it. */
  private finishFile(
    file: string,
    encoding: Encoding | Utf16Encoding | null,
    options: ReadOptions,
    problems: Problem[],
    merge: FileMerge,
    outside: OutsideCount,
    fatal: boolean,
  ): FileReport {
    const lang = options.lang ?? 'nb';
    const rejected = problems.length > 0 && (!options.skipInvalid || fatal);
    const warnings = rejected ? [] : identicalLineWarnings(file, merge.repeats, lang);
    merge.finish(rejected);
    if (rejected)
      return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems, warnings: [], outside: NOTHING_OUTSIDE };
    this.importedCount += merge.imported;
    this.duplicateCount += merge.duplicates;
    return {
      file,
      encoding,
      rejected: false,
      problems,
      imported: merge.imported,
      duplicates: merge.duplicates,
      warnings,
      outside: { lines: outside.lines, amount: outside.amount },
    };
  }
}

/** Problems that refuse a source whole, even with --skip-invalid. */
const FILE_LEVEL: ReadonlySet<string> = new Set(['bad_xml', 'not_saft', 'binary_file', 'missing_columns', 'duplicate_column']);

/**
 * Whether a problem refuses its file whole whatever --skip-invalid says (malformed XML, a header
 * without the required columns, bytes that are not text): advice to skip invalid lines would not help.
 */
export function refusesWholeFile(p: Pick<Problem, 'code' | 'line'>): boolean {
  return FILE_LEVEL.has(p.code) || p.line === null;
}

/** The lines of a file outside the plan, counted as read after the as-of cut-off. */
class OutsideCount {
  lines = 0;
  amount: Milli = 0n;
  private readonly asOf: number | null;

  constructor(asOf: IsoDate | undefined) {
    this.asOf = asOf === undefined ? null : isoDateNumber(asOf);
  }

  add(line: LedgerLine): void {
    this.addAt(line.date, line.amount);
  }

  /** Counts a line by its date and amount. */
  addAt(date: IsoDate, amount: Milli): void {
    if (this.asOf !== null && !isDatedBy(isoDateNumber(date), this.asOf)) return;
    this.lines++;
    this.amount += amount;
  }
}

/** A source line as a ledger line not placed yet (its year checked by the placement). */
function ledgerLineOf(file: string, source: SourceLine): LedgerLine {
  const { keys } = source;
  return {
    file,
    line: source.line,
    date: source.date,
    voucher: source.voucher,
    instrument: null,
    kind: source.kind,
    amount: source.amount,
    reference: source.reference,
    year: source.year as Year,
    chapter: keys.chapter,
    post: keys.post,
    text: source.text,
    ...(source.source === '' ? {} : { source: source.source }),
    ...(keys.account === null ? {} : { account: keys.account }),
    ...(keys.organisation === null ? {} : { organisation: keys.organisation }),
    ...(keys.dimensions.length === 0 ? {} : { dimensions: dimensionsText(keys.dimensions) }),
  };
}

/** The merging of one file's lines into the ledger: content and occurrence counts, staged until accepted. */
class FileMerge {
  /** The contents this file holds, and the lines of those it holds more than once. */
  readonly touched: number[] = [];
  readonly repeats = new Map<number, number[]>();
  imported = 0;
  duplicates = 0;

  constructor(
    private readonly seen: ContentCounts,
    private readonly stage: LineStage,
  ) {}

  /** Counts a valid line: a duplicate of an earlier file's line, or staged for import. */
  offer(read: LedgerLine, line: number): void {
    if (this.isNew(contentId(this.seen, read), line)) this.stage.add(read);
  }

  /** Counts a line read by the fast path, as `offer` does. */
  offerParts(id: number, parts: LineParts, file: string, line: number): void {
    if (!this.isNew(id, line)) return;
    if (this.stage.addParts) this.stage.addParts(parts);
    else this.stage.add(parts.toLine(file, line));
  }

  /** Counts one line of content `id`; true when it is to be imported, false for a duplicate. */
  private isNew(id: number, line: number): boolean {
    const seen = this.seen;
    const n = seen.inFile[id]!;
    if (n === 0) {
      seen.firstLine[id] = line;
      this.touched.push(id);
    } else if (n === 1) this.repeats.set(id, [seen.firstLine[id]!, line]);
    else this.repeats.get(id)!.push(line);
    seen.inFile[id] = n + 1;
    if (n + 1 <= seen.imported[id]!) {
      this.duplicates++;
      return false;
    }
    this.imported++;
    return true;
  }

  /** Forgets this file's counts (an aborted read). */
  abort(): void {
    for (const id of this.touched) this.seen.inFile[id] = 0;
  }

  /** Ends the file: an accepted file's counts become imported and its staged lines are committed. */
  finish(rejected: boolean): void {
    const { inFile, imported } = this.seen;
    for (const id of this.touched) {
      if (!rejected && inFile[id]! > imported[id]!) imported[id] = inFile[id]!;
      inFile[id] = 0;
    }
    if (!rejected) this.stage.commit();
  }
}

function identicalLineWarnings(file: string, repeats: ReadonlyMap<number, number[]>, lang: Lang): Warning[] {
  const warnings: Warning[] = [];
  for (const numbers of repeats.values()) {
    warnings.push({
      code: 'identical_lines',
      file,
      lines: numbers,
      message:
        lang === 'nb'
          ? `${file}: linjene ${numbers.join(', ')} er like (samme bilag, dato, virkemiddel, type, beløp og referanse). Alle er tatt med som egne posteringer; kontroller at det ikke er en dobbeltføring.`
          : `${file}: lines ${numbers.join(', ')} are identical (same voucher, date, instrument, type, amount and reference). All were kept as separate postings; check that this is not a double entry.`,
    });
  }
  return warnings;
}

/** How many leading bytes of a file are checked for NUL bytes (as `looksBinary` does). */
const BINARY_WINDOW = 8192;

/** Thrown while reading a file whose bytes turn out to be binary: the file is rejected whole. */
class BinaryFile extends Error {}

/** Thrown at the end of a UTF-16 file with code units that are not text: the file is rejected whole. */
class BadUtf16File extends Error {}

/** The first bytes of a file (a copy: a reader may reuse its buffer), for recognising its kind. */
function headOf(open: () => Iterable<Uint8Array>): Uint8Array {
  for (const chunk of open()) return chunk.slice(0, HEAD_BYTES);
  return new Uint8Array(0);
}

/** How many leading bytes recognise a file's kind. */
const HEAD_BYTES = 4096;

/** Thrown while reading a file as Windows-1252 that holds UTF-8 sequences too: the file is rejected whole. */
class MixedUtf8File extends Error {}

/**
 * Reads one ledger file of any kind of CONTRACTS §7 into a ledger, told by its content: a zip (an
 * `.xlsx` workbook) through `xlsx`, the host's reader of its cells (exceljs on a file or on bytes),
 * anything else by `addFile`. Every host reads ledger files through this one function.
 */
export async function addLedgerFile(
  ledger: Ledger,
  file: string,
  source: { readonly open: () => Iterable<Uint8Array>; readonly xlsx: () => Promise<XlsxLedgerReading> },
  options: ReadOptions = {},
): Promise<FileReport> {
  let head: Uint8Array = new Uint8Array(0);
  for (const chunk of source.open()) {
    head = chunk;
    break;
  }
  if (!startsAsZip(head)) return ledger.addFile(file, source.open, options);
  const reading = await source.xlsx();
  if (!isXlsxLedger(reading)) return refusedFile(file, reading.problems);
  return ledger.addTable(file, reading, options);
}
