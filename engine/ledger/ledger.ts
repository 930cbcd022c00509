/**
 * Ledger lines (spending: commitments, disbursements, cancellations) read from delimited text, with
 * every bad line reported as a problem, and merged across files without double counting.
 */
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
import type { LedgerLine, LineParts } from './line.js';
import { LineReader, missingLedgerColumns } from './line-reader.js';
import { PlainLineReader } from './plain-line.js';

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
}

/** What reading one file gave. */
export interface FileReport {
  readonly file: string;
  readonly encoding: Encoding | null;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: boolean;
  readonly problems: Problem[];
  readonly warnings: Warning[];
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
  private duplicateCount = 0;
  private importedCount = 0;

  constructor(
    private readonly plan: Plan,
    private readonly store: LineStore = new KeptLines(),
  ) {
    this.instruments = new InstrumentIndex(plan);
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
      return { file, encoding: 'utf-8', imported: 0, duplicates: 0, rejected: true, problems, warnings: [] };
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
      return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems: [p], warnings: [] };
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
    };
  }

  private consume(file: string, encoding: Encoding | null, options: ReadOptions, feed: (reader: CsvReader) => void): FileReport {
    const lang = options.lang ?? 'nb';
    const problems: Problem[] = [];
    const merge = new FileMerge(this.seen, this.store.stage());
    let valid = 0;
    let header: HeaderMap<LedgerColumn> | null = null;
    let lineReader: LineReader | null = null;
    let plainReader: PlainLineReader | null = null;
    let headerProblem = false;
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
      if (!header) {
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
        plainReader = new PlainLineReader(this.instruments, this.seen, header, reader.detectedSeparator ?? ';');
        return;
      }
      const read = lineReader!.read(fields, line, problems);
      if (!read) return;
      valid++;
      merge.offer(read, line);
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
    if ((!header || valid === 0) && problems.length === 0) {
      problems.push(problem('empty_file', { file, line: null, column: null, value: null }, lang));
    }
    const rejected = problems.length > 0 && (!options.skipInvalid || headerProblem || !header);
    const warnings = rejected ? [] : identicalLineWarnings(file, merge.repeats, lang);
    merge.finish(rejected);
    if (rejected) return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems, warnings: [] };
    this.importedCount += merge.imported;
    this.duplicateCount += merge.duplicates;
    return { file, encoding, rejected: false, problems, imported: merge.imported, duplicates: merge.duplicates, warnings };
  }
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

/** Thrown while reading a file as Windows-1252 that holds UTF-8 sequences too: the file is rejected whole. */
class MixedUtf8File extends Error {}
