/**
 * Reading any workbook is bounded (CONTRACTS §4, issue 10): the one place every .xlsx reader opens a
 * file through, the planning workbook's (`read-xlsx.ts`) and the ledger's (`read-xlsx-ledger.ts`).
 *
 * Before exceljs sees a byte:
 * - the zip directory is read as JSZip (exceljs's unzipper) reads it; a file it does not describe
 *   plainly (no directory, bytes before it, encryption, a method other than store or deflate,
 *   sizes or offsets outside the file) is not a workbook;
 * - the sizes the directory states are summed: more than 500 MB unpacked is refused;
 * - the directory is not trusted alone: every part is inflated here, streamed and counted, and
 *   inflating stops at the first byte past the size its entry states (a zip bomb that lies);
 * - while a part streams by, `XmlCost` prices what exceljs will build of it (cells, rows, formats,
 *   and the ranges exceljs expands cell by cell); a file whose parts and model are estimated to need
 *   more than 1 300 MB, or that has more than 5 000 merged ranges in a sheet (exceljs compares
 *   every pair), is refused.
 * After exceljs has read it, the readers take what they materialise (a table's cells, a sheet's
 * rows) from the same budget (`ReadBudget`), after clipping tables to the sheet's used range
 * (`usedRange`, `tableWithinUsed`): a few empty rows past it are clipped, but a table reaching far
 * past it (a reference of `A1:XFD1048576` in a small file) is refused, as CONTRACTS §4 says.
 *
 * Platform-neutral (the browser preview imports the table reader): inflating uses the standard
 * `DecompressionStream`, and only `openBoundedWorkbookFile` reaches for Node's file system.
 */
import ExcelJS from 'exceljs';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import { rangeText, type CellRange } from '../a1.js';
import { XmlCost } from './xml-cost.js';

export type { CellRange } from '../a1.js';

/** The bounds of reading a workbook. */
export const XLSX_LIMITS = {
  /** A workbook that unpacks to more than this (the sum of its parts) is refused. */
  unpackedBytes: 500_000_000,
  /** The memory reading may take, as estimated: the parts, exceljs's model of them, the cells read. */
  memoryBytes: 1_300_000_000,
  /** Merged ranges in one sheet (exceljs checks each new one against all before it). */
  mergedRanges: 5_000,
  /** Parts (files) in the zip. */
  parts: 10_000,
  /**
   * Empty cells a table may reach past its sheet's used range before the workbook is refused
   * (CONTRACTS §4: a table past the used range is refused rather than read). A table a user made
   * a few rows longer than its data, or the empty row an empty table keeps, lies within this and is
   * read up to the used range; a reference such as `A1:XFD1048576` in a small file does not.
   */
  emptyTableCells: 100_000,
} as const;

/** Estimated bytes per unpacked byte: exceljs holds a part as bytes and as a string while it parses it. */
const UNPACKED_BYTE_COST = 2.2;
/** Estimated bytes per cell a reader takes out of exceljs's model (its value in the reader's rows). */
const READ_CELL_COST = 100;

type Texts = Record<Lang, string>;

function count(n: number, lang: Lang): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
}

function megabytes(bytes: number, lang: Lang): string {
  // A range priced by its area can be beyond any number worth writing out.
  if (!(bytes < 1e18)) return `${count(1e12, lang)} MB`;
  return `${count(Math.ceil(bytes / 1_000_000), lang)} MB`;
}

const EXPECTED = {
  unpacked: {
    nb: `en arbeidsbok som pakkes ut til høyst ${XLSX_LIMITS.unpackedBytes / 1_000_000} MB`,
    en: `a workbook that unpacks to at most ${XLSX_LIMITS.unpackedBytes / 1_000_000} MB`,
  },
  lying: {
    nb: 'en arbeidsbok der hver del pakkes ut til den størrelsen zip-katalogen oppgir (denne delen blir større: filen er skadet eller laget for å fylle minnet)',
    en: 'a workbook whose every part unpacks to the size its zip directory states (this part grows larger: the file is damaged or made to fill the memory)',
  },
  memory: {
    nb: `en arbeidsbok som kan leses med høyst ${count(XLSX_LIMITS.memoryBytes / 1_000_000, 'nb')} MB minne: færre celler, rader, formater eller sammenslåtte områder (del den i flere filer)`,
    en: `a workbook that can be read within ${count(XLSX_LIMITS.memoryBytes / 1_000_000, 'en')} MB of memory: fewer cells, rows, formats or merged ranges (split it into several files)`,
  },
  merges: {
    nb: `høyst ${count(XLSX_LIMITS.mergedRanges, 'nb')} sammenslåtte områder i et ark`,
    en: `at most ${count(XLSX_LIMITS.mergedRanges, 'en')} merged ranges in a sheet`,
  },
  reach: {
    nb: `en tabell innenfor arkets brukte område (høyst ${count(XLSX_LIMITS.emptyTableCells, 'nb')} tomme celler utenfor det); gjør tabellen mindre i Excel (Tabellverktøy, Endre tabellstørrelse)`,
    en: `a table within its sheet's used range (at most ${count(XLSX_LIMITS.emptyTableCells, 'en')} empty cells beyond it); make the table smaller in Excel (Table Design, Resize Table)`,
  },
  parts: {
    nb: `en arbeidsbok med høyst ${count(XLSX_LIMITS.parts, 'nb')} deler`,
    en: `a workbook of at most ${count(XLSX_LIMITS.parts, 'en')} parts`,
  },
} satisfies Record<string, Texts>;

/** Where in a workbook a refusal points (the file as a whole, or a table on a sheet). */
interface RefusalPlace {
  readonly sheet?: string;
  readonly line?: number;
}

/** A refusal of a workbook as `workbook_too_large`, saying which bound it passes. */
function refusal(file: string, lang: Lang, value: string, expected: Texts, at: RefusalPlace = {}): Problem {
  const place = { file, ...(at.sheet === undefined ? {} : { sheet: at.sheet }), line: at.line ?? null, column: null, value };
  const found = problem('workbook_too_large', place, lang);
  return { ...found, expected: expected[lang], message: found.message.replace(found.expected, expected[lang]) };
}

/** The problem for bytes that are not a workbook (no value: a refusal by a bound always names one). */
export function notAWorkbook(file: string, lang: Lang): Problem {
  return problem('unreadable_workbook', { file, line: null, column: null, value: null }, lang);
}

/** Whether a problem is `notAWorkbook`'s (the bytes are no workbook), not a refusal by a bound. */
export function isNotAWorkbook(found: Problem): boolean {
  return found.code === 'unreadable_workbook' && found.value === null;
}

/** The refusal of a workbook that unpacks (or, `onDisk`, already is) larger than the bound. */
export function tooLargeUnpacked(file: string, bytes: number, lang: Lang, onDisk = false): Problem {
  const unpacked = lang === 'nb' ? 'utpakket' : 'unpacked';
  const value = onDisk ? megabytes(bytes, lang) : `${megabytes(bytes, lang)} ${unpacked}`;
  return refusal(file, lang, value, EXPECTED.unpacked);
}

/** The refusal of a workbook that would need more memory than the bound to read (optionally at a table). */
export function tooLargeToRead(file: string, bytes: number, lang: Lang, at: RefusalPlace & { table?: string } = {}): Problem {
  // Reading stops at the bound, so the estimate is where it stopped: at least that much.
  const mb = megabytes(bytes, lang);
  const estimate = lang === 'nb' ? `anslått minst ${mb} minne` : `an estimated ${mb} or more of memory`;
  const value = at.table === undefined ? estimate : `${at.table}: ${estimate}`;
  return refusal(file, lang, value, EXPECTED.memory, at);
}

function area(range: CellRange): number {
  return Math.max(0, range.bottom - range.top + 1) * Math.max(0, range.right - range.left + 1);
}

/** What a table on a sheet is, for `tableWithinUsed`. */
export interface TableReach {
  readonly sheet: string;
  readonly table: string;
  /** Its reference as the workbook states it. */
  readonly ref: string;
  readonly range: CellRange;
  /** The columns the table names (it is never clipped narrower). */
  readonly namedColumns: number;
  readonly totalsRow: boolean;
}

/**
 * A table clipped to its sheet's used range (`used`, null for a sheet holding nothing): beyond it
 * every cell is empty, so nothing is lost. A totals row stays the table's last row, and a table
 * is never narrower than the columns it names. When the clipping would drop more than
 * `XLSX_LIMITS.emptyTableCells` cells, the workbook is refused naming the sheet, the table, its
 * reference and the used range: the one rule both readers (the plan's and the ledger's) apply.
 */
export function tableWithinUsed(file: string, lang: Lang, reach: TableReach, used: CellRange | null): CellRange | Problem {
  const { range } = reach;
  const dataBottom = Math.max(used?.bottom ?? range.top, range.top);
  const clipped: CellRange = {
    top: range.top,
    left: range.left,
    bottom: Math.min(range.bottom, dataBottom + (reach.totalsRow ? 1 : 0)),
    right: Math.min(range.right, Math.max(used?.right ?? range.left, range.left + reach.namedColumns - 1)),
  };
  if (area(range) - area(clipped) <= XLSX_LIMITS.emptyTableCells) return clipped;
  const usedText = used === null ? (lang === 'nb' ? 'tomt ark' : 'empty sheet') : rangeText(used);
  const value = `${reach.table} ${reach.ref}: ${lang === 'nb' ? 'brukt område' : 'used range'} ${usedText}`;
  return refusal(file, lang, value, EXPECTED.reach, { sheet: reach.sheet, line: range.top });
}

/**
 * What reading may still take from the memory bound once exceljs holds the workbook: the readers
 * take the cells they materialise from it before they do.
 */
export class ReadBudget {
  private constructor(
    private spent: number,
    private readonly limit: number,
  ) {}

  /** No bound (a workbook opened without `openBoundedWorkbook`, e.g. one the program built itself). */
  static unbounded(): ReadBudget {
    return new ReadBudget(0, Infinity);
  }

  /** The budget left after exceljs's estimated `spent` bytes. */
  static after(spent: number): ReadBudget {
    return new ReadBudget(spent, XLSX_LIMITS.memoryBytes);
  }

  /** Takes reading `cells` cells from the budget: false, taking nothing, when that would pass the bound. */
  take(cells: number): boolean {
    const cost = cells * READ_CELL_COST;
    if (!(this.spent + cost <= this.limit)) return false;
    this.spent += cost;
    return true;
  }

  /** The estimate with `cells` more read (for a refusal's message). */
  estimateWith(cells: number): number {
    return this.spent + cells * READ_CELL_COST;
  }
}

/** A workbook exceljs has read within the bounds, and what its readers may still take. */
export interface BoundedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly budget: ReadBudget;
}

/** One entry of a zip directory, as JSZip reads it. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packed: number;
  readonly size: number;
  /** Where its data starts in the file. */
  readonly start: number;
}

const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

/** The last offset of a 4-byte little-endian signature in the bytes, or -1 (searched from the end, as JSZip does). */
function lastSignature(bytes: Uint8Array, signature: number): number {
  const [b0, b1, b2, b3] = [signature & 0xff, (signature >>> 8) & 0xff, (signature >>> 16) & 0xff, signature >>> 24];
  let at = bytes.length - 4;
  while (at >= 0) {
    at = bytes.lastIndexOf(b0, at);
    if (at < 0) return -1;
    if (bytes[at + 1] === b1 && bytes[at + 2] === b2 && bytes[at + 3] === b3) return at;
    at--;
  }
  return -1;
}

/** Little-endian reads that fail (null) rather than read past the end. */
class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fits(at: number, length: number): boolean {
    return Number.isSafeInteger(at) && at >= 0 && at + length <= this.bytes.length;
  }

  u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** A 64-bit number, exact up to 2^53 (a size; an offset beyond the file fails `fits`). */
  u64(at: number): number {
    return this.view.getUint32(at + 4, true) * 2 ** 32 + this.view.getUint32(at, true);
  }
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * The entries of a zip file's central directory, read as JSZip reads them (the last end record, the
 * ZIP64 records where the end record says so, entries one after another while their signature
 * holds), or null when the file is not a zip this reader vouches for: every size and offset must lie
 * within the file and point where JSZip would look, so what is checked here is what exceljs reads.
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const r = new Reader(bytes);
  const end = lastSignature(bytes, SIGNATURE.end);
  if (end < 0 || !r.fits(end, 22)) return null;
  let records = r.u16(end + 10);
  let directorySize = r.u32(end + 12);
  let directoryAt = r.u32(end + 16);
  let expectedEnd = directoryAt + directorySize;
  const zip64 =
    r.u16(end + 4) === MAX16 ||
    r.u16(end + 6) === MAX16 ||
    r.u16(end + 8) === MAX16 ||
    records === MAX16 ||
    directorySize === MAX32 ||
    directoryAt === MAX32;
  if (zip64) {
    const locator = lastSignature(bytes, SIGNATURE.zip64Locator);
    if (locator < 0 || !r.fits(locator, 20) || r.u32(locator + 16) > 1) return null;
    let record = r.u64(locator + 8);
    if (!r.fits(record, 56) || r.u32(record) !== SIGNATURE.zip64End) record = lastSignature(bytes, SIGNATURE.zip64End);
    if (record < 0 || !r.fits(record, 56)) return null;
    const recordSize = r.u64(record + 4);
    records = r.u64(record + 32);
    directorySize = r.u64(record + 40);
    directoryAt = r.u64(record + 48);
    expectedEnd = directoryAt + directorySize + 20 + 12 + recordSize;
  }
  // JSZip shifts every offset by bytes found before the zip (a self-extractor's stub): refused here.
  if (expectedEnd !== end || !r.fits(directoryAt, directorySize)) return null;
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  while (r.fits(at, 46) && r.u32(at) === SIGNATURE.central) {
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    let packed = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    let local = r.u32(at + 42);
    if ((flags & 1) !== 0 || !r.fits(at + 46, nameLength + extraLength + commentLength)) return null;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The ZIP64 extra field (the last one of its kind wins, as in JSZip), read only where a size says so.
    let zip64Field: number | null = null;
    const extraEnd = at + 46 + nameLength + extraLength;
    for (let e = at + 46 + nameLength; e + 4 < extraEnd; e += 4 + r.u16(e + 2)) {
      if (r.u16(e) === 1) zip64Field = e + 4;
    }
    if (zip64Field !== null) {
      let field = zip64Field;
      const next = (): number => {
        const value = r.fits(field, 8) ? r.u64(field) : 2 ** 53;
        field += 8;
        return value;
      };
      if (size === MAX32) size = next();
      if (packed === MAX32) packed = next();
      if (local === MAX32) local = next();
    }
    // JSZip reads sizes and offsets as 32-bit signed numbers: from 2^31 on it would read another
    // part of the file than this does, so such an entry is not vouched for. An entry's unpacked
    // size is only summed (the bound refuses a large one by name).
    if (packed >= 2 ** 31 || local >= 2 ** 31 || !r.fits(local, 30) || r.u32(local) !== SIGNATURE.local) return null;
    const start = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    if (!r.fits(start, packed)) return null;
    entries.push({ name, method, packed, size, start });
    at = extraEnd + commentLength;
  }
  if (records !== entries.length && entries.length === 0) return null;
  return entries;
}

/** Parts exceljs keeps as bytes (images), never parsing them as XML. */
function isMedia(name: string): boolean {
  return /xl\/media\//.test(name);
}

/** The data of a deflated part, 64 KB at a time, read only as the inflater asks for it. */
function chunksOf(data: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= data.length) {
          controller.close();
          return;
        }
        controller.enqueue(data.subarray(at, at + 65_536));
        at += 65_536;
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Inflates a deflated part, streamed, giving each piece to `see` and keeping none: its size, or
 * 'lies' at the first byte past `limit`, 'stopped' when `see` says so, or 'corrupt' when it does
 * not inflate.
 */
async function inflatePart(
  data: Uint8Array,
  limit: number,
  see: (piece: Uint8Array) => boolean,
): Promise<number | 'lies' | 'stopped' | 'corrupt'> {
  // The part's bytes are Uint8Arrays; the DOM's typing of DecompressionStream asks for any BufferSource.
  const inflater = new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const reader = chunksOf(data).pipeThrough(inflater).getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return size;
      size += value.length;
      const stop = size > limit ? 'lies' : see(value) ? null : 'stopped';
      if (stop !== null) {
        await reader.cancel().catch(() => undefined);
        return stop;
      }
    }
  } catch {
    return 'corrupt';
  }
}

/**
 * Checks a workbook's bytes against the bounds before anything else reads them: the estimated
 * memory exceljs will need, or the problem that refuses the file (naming it). Stops at the first
 * bound passed: a part is not inflated further once the estimate passes the memory bound.
 */
export async function checkWorkbookBytes(file: string, bytes: Uint8Array, lang: Lang): Promise<number | Problem> {
  const entries = zipEntries(bytes);
  if (entries === null) return notAWorkbook(file, lang);
  if (entries.length > XLSX_LIMITS.parts) {
    const value = lang === 'nb' ? `${count(entries.length, lang)} deler` : `${count(entries.length, lang)} parts`;
    return refusal(file, lang, value, EXPECTED.parts);
  }
  // Stored parts are as large as their data, whatever their entry says.
  const unpacked = entries.reduce((sum, e) => sum + Math.max(e.size, e.method === 0 ? e.packed : 0), 0);
  if (unpacked > XLSX_LIMITS.unpackedBytes) return tooLargeUnpacked(file, unpacked, lang);
  let estimate = unpacked * UNPACKED_BYTE_COST;
  if (estimate > XLSX_LIMITS.memoryBytes) return tooLargeToRead(file, estimate, lang);
  for (const entry of entries) {
    const data = bytes.subarray(entry.start, entry.start + entry.packed);
    const cost = isMedia(entry.name) ? null : new XmlCost();
    const within = () =>
      cost === null || (cost.merges <= XLSX_LIMITS.mergedRanges && estimate + cost.cost <= XLSX_LIMITS.memoryBytes);
    if (entry.method === 0) {
      cost?.feed(data);
    } else if (entry.method === 8) {
      const inflated = await inflatePart(data, entry.size, (piece) => {
        cost?.feed(piece);
        return within();
      });
      if (inflated === 'corrupt') return notAWorkbook(file, lang);
      if (inflated === 'lies') {
        const found = refusal(file, lang, entry.name, EXPECTED.lying);
        const stated =
          lang === 'nb'
            ? ` Zip-katalogen oppgir ${count(entry.size, lang)} byte.`
            : ` The zip directory states ${count(entry.size, lang)} bytes.`;
        return { ...found, message: found.message + stated };
      }
    } else {
      return notAWorkbook(file, lang);
    }
    if (cost === null) continue;
    cost.end();
    if (cost.merges > XLSX_LIMITS.mergedRanges) {
      const merges = count(cost.merges, lang);
      const value =
        lang === 'nb' ? `${entry.name}: minst ${merges} sammenslåtte områder` : `${entry.name}: at least ${merges} merged ranges`;
      return refusal(file, lang, value, EXPECTED.merges);
    }
    estimate += cost.cost;
    if (estimate > XLSX_LIMITS.memoryBytes) return tooLargeToRead(file, estimate, lang);
  }
  return estimate;
}

/**
 * Opens a workbook's bytes within the bounds: exceljs's workbook and the budget its readers take
 * from, or the problem that refuses it (bytes that are not a workbook included), never an exception.
 */
export async function openBoundedWorkbook(file: string, bytes: Uint8Array, lang: Lang): Promise<BoundedWorkbook | Problem> {
  const checked = await checkWorkbookBytes(file, bytes, lang);
  if (typeof checked !== 'number') return checked;
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = typeof Buffer === 'undefined' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return notAWorkbook(file, lang);
  }
  return { workbook, budget: ReadBudget.after(checked) };
}

/**
 * Opens a workbook file within the bounds; a file larger on disk than a workbook may unpack to is
 * refused before it is read. A file that cannot be read at all throws (the caller names why).
 * Node only: the file system is reached through `process.getBuiltinModule`, so this module stays
 * loadable in the browser.
 */
export async function openBoundedWorkbookFile(path: string, file: string, lang: Lang): Promise<BoundedWorkbook | Problem> {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (fs === undefined) throw new Error('reading a workbook file needs Node');
  const size = (await fs.promises.stat(path)).size;
  if (size > XLSX_LIMITS.unpackedBytes) return tooLargeUnpacked(file, size, lang, true);
  return openBoundedWorkbook(file, await fs.promises.readFile(path), lang);
}

/** Whether an open gave a workbook (not a problem). */
export function isBoundedWorkbook(opened: BoundedWorkbook | Problem): opened is BoundedWorkbook {
  return 'workbook' in opened;
}

/**
 * The rows a sheet holds, in order, without walking the row numbers between them. exceljs keeps
 * rows and cells in sparse arrays, and its own `eachRow`, `eachCell`, `dimensions` and `hasValues`
 * walk every index up to the last (a row with one cell in column XFD costs 16 384 steps, each slow
 * on a sparse array: a sheet of such rows takes hours); this takes only the indices that exist.
 */
export function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  return present((sheet as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows);
}

/** The cells a row holds, in column order (see `rowsOf`), empty cells kept for their format included. */
export function cellsOf(row: ExcelJS.Row): ExcelJS.Cell[] {
  return present((row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells);
}

function present<T>(sparse: readonly (T | undefined)[]): T[] {
  const found: T[] = [];
  for (const key of Object.keys(sparse)) {
    const item = sparse[Number(key)];
    if (item !== undefined && item !== null) found.push(item);
  }
  return found;
}

/** Whether a cell holds anything (not an empty cell kept for its format). */
export function holdsValue(cell: ExcelJS.Cell): boolean {
  return cell.type !== ExcelJS.ValueType.Null;
}

/** The range of a sheet's cells that hold anything (as exceljs's dimensions, without its walk), or null. */
export function usedRange(sheet: ExcelJS.Worksheet): CellRange | null {
  let range: { top: number; left: number; bottom: number; right: number } | null = null;
  for (const row of rowsOf(sheet)) {
    for (const cell of cellsOf(row)) {
      if (!holdsValue(cell)) continue;
      const column = Number(cell.col);
      if (range === null) range = { top: row.number, left: column, bottom: row.number, right: column };
      else {
        range.top = Math.min(range.top, row.number);
        range.bottom = Math.max(range.bottom, row.number);
        range.left = Math.min(range.left, column);
        range.right = Math.max(range.right, column);
      }
    }
  }
  return range;
}
