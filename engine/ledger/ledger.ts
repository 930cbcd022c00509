/**
 * Ledger lines (spending: commitments, disbursements, cancellations) read from delimited text, with
 * every bad line reported as a problem, and merged across files without double counting.
 */
import { parseDate, parseYear, yearOfDate, isYear, type IsoDate, type Year } from '../calendar.js';
import { parseAmount, type Ore } from '../money.js';
import type { InstrumentId } from '../plan/instruments.js';
import { InstrumentIndex, type Plan } from '../plan/plan.js';
import { problem, type Lang, type Problem, type Warning } from '../problems.js';
import { LEDGER_COLUMNS, mapHeader, type HeaderMap, type LedgerColumn } from './columns.js';
import { ContentCounts } from './content-counts.js';
import { CsvReader } from './csv.js';
import { ChunkDecoder, looksBinary, NotUtf8, type Encoding } from './decode.js';

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
  readonly instrument: InstrumentId;
  readonly kind: EntryKind;
  /** Exact amount in øre; negative for a refund. */
  readonly amount: Ore;
  /** For a disbursement or cancellation: the voucher of the commitment it settles, or ''. */
  readonly reference: string;
  /** The budget year the line counts against. */
  readonly year: Year;
  readonly chapter: number | null;
  readonly post: number | null;
  readonly text: string;
}

/** The content that makes two lines the same (CONTRACTS §2). */
export function contentKey(line: Pick<LedgerLine, 'voucher' | 'date' | 'instrument' | 'kind' | 'amount' | 'reference'>): string {
  return `${line.voucher}\u0000${line.date}\u0000${line.instrument}\u0000${line.kind}\u0000${line.amount}\u0000${line.reference}`;
}

/** Options for reading a ledger. */
export interface ReadOptions {
  lang?: Lang;
  /** Import the valid lines of a file with errors (reported) instead of rejecting it whole. */
  skipInvalid?: boolean;
  /** Called now and then with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
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

/** Reads one record into a line, or reports its problems. */
class LineReader {
  private readonly instruments: InstrumentIndex;

  constructor(
    plan: Plan,
    private readonly file: string,
    private readonly header: HeaderMap<LedgerColumn>,
    private readonly lang: Lang,
  ) {
    this.instruments = new InstrumentIndex(plan);
  }

  read(fields: string[], line: number, problems: Problem[]): LedgerLine | null {
    const { index, label } = this.header;
    const before = problems.length;
    // Places are built only when a problem is found; this runs once per line of large ledgers.
    const at = (column: LedgerColumn, value: string | null) => ({ file: this.file, line, column: label[column], value });
    const get = (column: LedgerColumn): string => {
      const field = fields[index[column] ?? -1];
      return field === undefined ? '' : field.trim();
    };
    if (fields.length > this.header.width && fields.slice(this.header.width).some((f) => f.trim() !== '')) {
      problems.push(
        problem('extra_fields', { file: this.file, line, column: null, value: fields.slice(this.header.width).join(' | ') }, this.lang, {
          count: String(this.header.width),
        }),
      );
    }

    const dateText = get('dato');
    const date = dateText === '' ? null : parseDate(dateText);
    if (dateText === '') problems.push(problem('missing_value', at('dato', null), this.lang));
    else if (date === null) problems.push(problem('bad_date', at('dato', dateText), this.lang));

    const voucher = get('bilag');
    if (voucher === '') problems.push(problem('missing_value', at('bilag', null), this.lang));

    const instrumentText = get('virkemiddel');
    const chapterText = get('kapittel');
    const postText = get('post');
    let instrument: InstrumentId | undefined;
    let chapter: number | null = null;
    let post: number | null = null;
    if (chapterText !== '' || postText !== '') {
      if (/^\d+$/.test(chapterText) && /^\d+$/.test(postText)) {
        chapter = Number(chapterText);
        post = Number(postText);
      } else if (instrumentText === '') {
        const column = /^\d+$/.test(chapterText) ? 'post' : 'kapittel';
        problems.push(problem('bad_chapter_post', at(column, column === 'post' ? postText : chapterText), this.lang));
      }
    }
    if (instrumentText !== '') {
      instrument = this.instruments.find(instrumentText)?.id;
      if (!instrument) problems.push(problem('unknown_instrument', at('virkemiddel', instrumentText), this.lang));
    } else if (chapter !== null && post !== null) {
      instrument = this.instruments.ofPost(chapter, post);
      if (!instrument) {
        problems.push(problem('unmapped_post', at('post', `${chapterText}.${postText}`), this.lang));
      }
    } else if (chapterText === '' && postText === '') {
      const column = index.virkemiddel !== undefined ? 'virkemiddel' : 'kapittel';
      problems.push(problem('no_instrument', at(column, null), this.lang));
    }

    const kindText = get('type');
    const kind = kindText === '' ? 'utbetaling' : parseKind(kindText);
    if (!kind) problems.push(problem('bad_kind', at('type', kindText), this.lang));

    const amountText = get('belop');
    let amount: Ore | null = null;
    if (amountText === '') problems.push(problem('missing_value', at('belop', null), this.lang));
    else {
      const reading = parseAmount(amountText);
      if (reading.ok) amount = reading.ore;
      else problems.push(problem(reading.fault, at('belop', amountText), this.lang));
    }

    const yearText = get('ar');
    let year: Year | null = null;
    if (yearText !== '') {
      const reading = parseYear(yearText);
      if (reading.ok) year = reading.year;
      else problems.push(problem(reading.fault, at('ar', yearText), this.lang));
    } else if (date !== null) {
      const y = yearOfDate(date);
      if (isYear(y)) year = y;
      else problems.push(problem('year_out_of_range', at('dato', dateText), this.lang));
    }

    if (problems.length > before) return null;
    return {
      file: this.file,
      line,
      date: date!,
      voucher,
      instrument: instrument!,
      kind: kind!,
      amount: amount!,
      reference: get('referanse'),
      year: year!,
      chapter,
      post,
      text: get('tekst'),
    };
  }
}

/** A staging area for the lines of one file: committed when the file is accepted, else dropped. */
export interface LineStage {
  add(line: LedgerLine): void;
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
  private duplicateCount = 0;
  private importedCount = 0;

  constructor(
    private readonly plan: Plan,
    private readonly store: LineStore = new KeptLines(),
  ) {}

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
   * not to be UTF-8). A file with any problem is rejected whole unless `skipInvalid`.
   */
  addFile(file: string, open: () => Iterable<Uint8Array>, options: ReadOptions = {}): FileReport {
    try {
      return this.readFile(file, open, 'utf-8', options);
    } catch (error) {
      if (error instanceof NotUtf8) return this.readFile(file, open, 'windows-1252', options);
      throw error;
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
    let bytes = 0;
    try {
      return this.consume(file, encoding, options, (reader) => {
        for (const chunk of open()) {
          // The first 8 KiB are checked for NUL bytes however small the chunks are; aborting by
          // exception keeps the lines read so far from being imported.
          if (bytes < BINARY_WINDOW && looksBinary(chunk.subarray(0, BINARY_WINDOW - bytes))) throw new BinaryFile();
          reader.push(decoder.decode(chunk));
          bytes += chunk.length;
          options.onProgress?.(bytes);
        }
        reader.push(decoder.decode(new Uint8Array(0), true));
      });
    } catch (error) {
      if (!(error instanceof BinaryFile)) throw error;
      const lang = options.lang ?? 'nb';
      const p = problem('binary_file', { file, line: null, column: null, value: null }, lang);
      return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems: [p], warnings: [] };
    }
  }

  private consume(file: string, encoding: Encoding | null, options: ReadOptions, feed: (reader: CsvReader) => void): FileReport {
    const lang = options.lang ?? 'nb';
    const problems: Problem[] = [];
    const stage = this.store.stage();
    // The contents this file holds, and the lines of those it holds more than once.
    const touched: number[] = [];
    const repeats = new Map<number, number[]>();
    let imported = 0;
    let duplicates = 0;
    let valid = 0;
    let header: HeaderMap<LedgerColumn> | null = null;
    let lineReader: LineReader | null = null;
    let headerProblem = false;
    const reader = new CsvReader((fields, line) => {
      if (headerProblem) return;
      if (!header) {
        header = mapHeader(fields, LEDGER_COLUMNS);
        const missing = missingColumns(header);
        if (missing.length > 0) {
          headerProblem = true;
          problems.push(
            problem('missing_columns', { file, line: 1, column: null, value: fields.join(reader.detectedSeparator ?? ';') }, lang, {
              columns: missing.join(', '),
            }),
          );
          return;
        }
        lineReader = new LineReader(this.plan, file, header, lang);
        return;
      }
      const read = lineReader!.read(fields, line, problems);
      if (!read) return;
      valid++;
      const key = contentKey(read);
      const seen = this.seen;
      const id = seen.idOf(key);
      const n = seen.inFile[id]!;
      if (n === 0) {
        seen.firstLine[id] = line;
        touched.push(id);
      } else if (n === 1) repeats.set(id, [seen.firstLine[id]!, line]);
      else repeats.get(id)!.push(line);
      seen.inFile[id] = n + 1;
      if (n + 1 <= seen.imported[id]!) duplicates++;
      else {
        stage.add(read);
        imported++;
      }
    });
    try {
      feed(reader);
      reader.end();
    } catch (error) {
      // An aborted read (not UTF-8, so read again; or binary) must leave no count behind, or
      // the next read of the file would see its own lines as repeats and import them again.
      for (const id of touched) {
        this.seen.inFile[id] = 0;
      }
      throw error;
    }
    if (reader.unterminatedQuoteLine !== null) {
      problems.push(problem('unterminated_quote', { file, line: reader.unterminatedQuoteLine, column: null, value: null }, lang));
    }
    if ((!header || valid === 0) && problems.length === 0) {
      problems.push(problem('empty_file', { file, line: null, column: null, value: null }, lang));
    }
    const rejected = problems.length > 0 && (!options.skipInvalid || headerProblem || !header);
    const warnings = rejected ? [] : identicalLineWarnings(file, repeats, lang);
    const { inFile, imported: importedBefore } = this.seen;
    for (const id of touched) {
      if (!rejected && inFile[id]! > importedBefore[id]!) importedBefore[id] = inFile[id]!;
      inFile[id] = 0;
    }
    if (rejected) return { file, encoding, imported: 0, duplicates: 0, rejected: true, problems, warnings: [] };
    stage.commit();
    this.importedCount += imported;
    this.duplicateCount += duplicates;
    return { file, encoding, rejected: false, problems, imported, duplicates, warnings };
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

function missingColumns(header: HeaderMap<LedgerColumn>): string[] {
  const missing: string[] = [];
  for (const column of ['dato', 'bilag', 'belop'] as const) {
    if (header.index[column] === undefined) missing.push(column === 'belop' ? 'beløp' : column);
  }
  const hasInstrument = header.index.virkemiddel !== undefined;
  const hasPost = header.index.kapittel !== undefined && header.index.post !== undefined;
  if (!hasInstrument && !hasPost) missing.push('virkemiddel (eller kapittel og post)');
  return missing;
}
