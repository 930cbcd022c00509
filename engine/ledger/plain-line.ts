/**
 * The fast path for ledger lines: a quote-free line read straight from the text it stands in,
 * without splitting it into field strings. It takes only a line that is plainly valid (every value
 * in its most common spelling, nothing to trim); anything else goes to the general path
 * (`LineReader`), which gives the same line or reports its problems, so the fast path never decides
 * that a line is wrong.
 */
import { daysInMonth, digitsAt, isYear, parseYear, type IsoDate, type Year } from '../calendar.js';
import { EXCEL_MAX_CELL_TEXT, MAX_AMOUNT_ORE } from '../excel-limits.js';
import { parseAmount, type Milli, type Ore } from '../money.js';
import type { InstrumentId } from '../plan/instruments.js';
import type { InstrumentIndex } from '../plan/plan.js';
import type { HeaderMap, LedgerColumn } from './columns.js';
import { KIND_CODES, type ContentCounts } from './content-counts.js';
import { dateNumber, parseKind, type EntryKind, type LedgerLine, type LineParts } from './line.js';

/** The number of distinct spellings of instruments or kinds remembered per file. */
const CACHE_SIZE = 64;

/** Whether a code unit may be trimmed away by `String.prototype.trim` (or is a control character). */
function isEdge(c: number): boolean {
  return (
    c <= 32 ||
    (c >= 0x7f &&
      (c <= 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A spelling met before (an instrument or a kind), with what it reads as. */
interface Spelling<T> {
  readonly text: string;
  readonly value: T;
  readonly code: number;
}

/** The parts of the line the fast path just read; valid until it reads the next line. */
class PlainParts implements LineParts {
  text = '';
  voucherStart = 0;
  voucherEnd = 0;
  referenceStart = 0;
  referenceEnd = 0;
  textStart = 0;
  textEnd = 0;
  y = 0;
  m = 0;
  d = 0;
  dateNumber = 0;
  instrument = '' as InstrumentId;
  kind: EntryKind = 'utbetaling';
  amount: Milli = 0n;
  year = 0 as Year;
  chapter: number | null = null;
  post: number | null = null;

  get hasReference(): boolean {
    return this.referenceEnd > this.referenceStart;
  }

  voucher(): string {
    return this.text.slice(this.voucherStart, this.voucherEnd);
  }

  reference(): string {
    return this.text.slice(this.referenceStart, this.referenceEnd);
  }

  toLine(file: string, line: number): LedgerLine {
    return {
      file,
      line,
      date: `${this.y}-${pad2(this.m)}-${pad2(this.d)}` as IsoDate,
      voucher: this.voucher(),
      instrument: this.instrument,
      kind: this.kind,
      amount: this.amount,
      reference: this.reference(),
      year: this.year,
      chapter: this.chapter,
      post: this.post,
      text: this.text.slice(this.textStart, this.textEnd),
    };
  }
}

/** Reads plainly valid lines of one file, given the header's columns and separator. */
export class PlainLineReader {
  /** The line just read. */
  readonly parts = new PlainParts();
  private readonly width: number;
  private readonly separatorCode: number;
  /** Each field's start and end in the line just read (2 per field). */
  private readonly bounds: Int32Array;
  /** Where each column's bounds stand in `bounds`, or -1 when the header lacks it. */
  private readonly dato: number;
  private readonly bilag: number;
  private readonly virkemiddel: number;
  private readonly kapittel: number;
  private readonly post: number;
  private readonly type: number;
  private readonly belop: number;
  private readonly referanse: number;
  private readonly ar: number;
  private readonly tekst: number;
  private readonly instrumentSpellings: Spelling<InstrumentId>[] = [];
  private readonly kindSpellings: Spelling<EntryKind>[] = [];

  constructor(
    private readonly instruments: InstrumentIndex,
    private readonly counts: ContentCounts,
    header: HeaderMap<LedgerColumn>,
    separator: string,
  ) {
    this.width = header.width;
    this.separatorCode = separator.charCodeAt(0);
    this.bounds = new Int32Array(2 * header.width + 2);
    const at = (column: LedgerColumn) => (header.index[column] === undefined ? -1 : 2 * header.index[column]);
    this.dato = at('dato');
    this.bilag = at('bilag');
    this.virkemiddel = at('virkemiddel');
    this.kapittel = at('kapittel');
    this.post = at('post');
    this.type = at('type');
    this.belop = at('belop');
    this.referanse = at('referanse');
    this.ar = at('ar');
    this.tekst = at('tekst');
  }

  /**
   * Reads the line text[start..end) (no line break, no quotes). Returns the id of its content in
   * the counts, with its parts in `parts`; or -1 when the line is not plainly valid and must take
   * the general path.
   */
  read(text: string, start: number, end: number): number {
    // A line longer than a cell may hold a field a sheet would cut: the general path measures it.
    if (end - start > EXCEL_MAX_CELL_TEXT) return -1;
    // One pass over the line's characters, noting where the fields end. A control character
    // (C0 or DEL; the separator may be TAB) is the general path's to report.
    const bounds = this.bounds;
    const width = this.width;
    const separator = this.separatorCode;
    bounds[0] = start;
    let field = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== separator) {
        if (c < 0x20 || c === 0x7f) return -1;
        continue;
      }
      // More fields than the header: the general path decides whether the extra ones are blank.
      if (++field === width) return -1;
      bounds[2 * field - 1] = i;
      bounds[2 * field] = i + 1;
    }
    // A short record: the general path reads it (its missing fields are empty there).
    if (field !== width - 1) return -1;
    bounds[2 * field + 1] = end;
    const parts = this.parts;
    parts.text = text;
    if (!this.readDate(text, parts)) return -1;

    const voucherStart = this.startOf(this.bilag);
    const voucherEnd = this.endOf(this.bilag);
    if (voucherEnd === voucherStart || !this.isTrimmed(text, voucherStart, voucherEnd)) return -1;
    parts.voucherStart = voucherStart;
    parts.voucherEnd = voucherEnd;

    const instrumentCode = this.readInstrument(text, parts);
    if (instrumentCode < 0) return -1;

    const kindStart = this.startOf(this.type);
    const kindEnd = this.endOf(this.type);
    let kindCode = 0;
    if (kindEnd === kindStart) parts.kind = 'utbetaling';
    else {
      const kind = this.spelling(this.kindSpellings, text, kindStart, kindEnd, (t) => {
        const k = parseKind(t);
        return k === undefined ? undefined : { value: k, code: KIND_CODES[k] };
      });
      if (kind === null) return -1;
      parts.kind = kind.value;
      kindCode = kind.code;
    }

    const ore = this.readAmount(text);
    if (ore === null) return -1;

    const yearStart = this.startOf(this.ar);
    const yearEnd = this.endOf(this.ar);
    let year = parts.y;
    if (yearEnd > yearStart) {
      year = yearEnd - yearStart === 4 ? digitsAt(text, yearStart, yearEnd) : -1;
      if (year < 0) {
        if (!this.isTrimmed(text, yearStart, yearEnd)) return -1;
        const reading = parseYear(text.slice(yearStart, yearEnd));
        if (!reading.ok) return -1;
        year = reading.year;
      }
    }
    if (!isYear(year)) return -1;
    parts.year = year;

    const referenceStart = this.startOf(this.referanse);
    const referenceEnd = this.endOf(this.referanse);
    if (!this.isTrimmed(text, referenceStart, referenceEnd)) return -1;
    parts.referenceStart = referenceStart;
    parts.referenceEnd = referenceEnd;
    parts.textStart = this.startOf(this.tekst);
    parts.textEnd = this.endOf(this.tekst);
    if (!this.isTrimmed(text, parts.textStart, parts.textEnd)) return -1;

    // The content key, in the order ContentCounts prescribes.
    const counts = this.counts;
    counts.begin();
    counts.writeText(text, voucherStart, voucherEnd);
    counts.writeCode(parts.y);
    counts.writeCode(parts.m);
    counts.writeCode(parts.d);
    counts.writeCode(instrumentCode);
    counts.writeCode(kindCode);
    const amount = ore * 10n;
    counts.writeAmountBig(amount);
    parts.amount = amount;
    counts.writeText(text, referenceStart, referenceEnd);
    // A §2 line has no source key: an empty one, as contentId writes it.
    counts.writeText(text, 0, 0);
    return counts.idOfKey();
  }

  private startOf(column: number): number {
    return column < 0 ? 0 : this.bounds[column]!;
  }

  private endOf(column: number): number {
    return column < 0 ? 0 : this.bounds[column + 1]!;
  }

  /** Whether text[start..end) is empty or has nothing `trim` would take away. */
  private isTrimmed(text: string, start: number, end: number): boolean {
    return end === start || (!isEdge(text.charCodeAt(start)) && !isEdge(text.charCodeAt(end - 1)));
  }

  /** Reads `DD.MM.YYYY` or `YYYY-MM-DD` into parts.y/m/d; false for anything else or no such day. */
  private readDate(text: string, parts: PlainParts): boolean {
    const start = this.startOf(this.dato);
    if (this.endOf(this.dato) - start !== 10) return false;
    let y: number;
    let m: number;
    let d: number;
    if (text.charCodeAt(start + 2) === 46 && text.charCodeAt(start + 5) === 46) {
      d = digitsAt(text, start, start + 2);
      m = digitsAt(text, start + 3, start + 5);
      y = digitsAt(text, start + 6, start + 10);
    } else if (text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
      y = digitsAt(text, start, start + 4);
      m = digitsAt(text, start + 5, start + 7);
      d = digitsAt(text, start + 8, start + 10);
    } else return false;
    // The same days as calendar.ts isoDate accepts.
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
    parts.y = y;
    parts.m = m;
    parts.d = d;
    parts.dateNumber = dateNumber(y, m, d);
    return true;
  }

  /** The instrument's key code, from its name or from kapittel + post; -1 when not plainly valid. */
  private readInstrument(text: string, parts: PlainParts): number {
    const nameStart = this.startOf(this.virkemiddel);
    const nameEnd = this.endOf(this.virkemiddel);
    const chapterStart = this.startOf(this.kapittel);
    const chapterEnd = this.endOf(this.kapittel);
    const postStart = this.startOf(this.post);
    const postEnd = this.endOf(this.post);
    parts.chapter = null;
    parts.post = null;
    if (chapterEnd > chapterStart || postEnd > postStart) {
      // A chapter and post of digits (as LineReader keeps them); any other spelling there, even
      // beside a valid instrument name, is left to the general path.
      const chapter = chapterEnd > chapterStart && chapterEnd - chapterStart <= 9 ? digitsAt(text, chapterStart, chapterEnd) : -1;
      const post = postEnd > postStart && postEnd - postStart <= 9 ? digitsAt(text, postStart, postEnd) : -1;
      if (chapter < 0 || post < 0) return -1;
      parts.chapter = chapter;
      parts.post = post;
    }
    if (nameEnd > nameStart) {
      const found = this.spelling(this.instrumentSpellings, text, nameStart, nameEnd, (t) => {
        const instrument = this.instruments.find(t);
        return instrument === undefined ? undefined : { value: instrument.id, code: this.counts.instrumentCode(instrument.id) };
      });
      if (found === null) return -1;
      parts.instrument = found.value;
      return found.code;
    }
    // A line that names only a budget post is placed by the mapping rules (CONTRACTS §8), which
    // may split it: the general path's work.
    return -1;
  }

  /**
   * What text[start..end) reads as: a spelling met before, compared in place, else `look` on the
   * text (remembered when it reads). Null when it does not read or is not trimmed.
   */
  private spelling<T>(
    spellings: Spelling<T>[],
    text: string,
    start: number,
    end: number,
    look: (text: string) => { value: T; code: number } | undefined,
  ): Spelling<T> | null {
    const length = end - start;
    for (let i = 0; i < spellings.length; i++) {
      const known = spellings[i]!;
      const spelt = known.text;
      if (spelt.length !== length) continue;
      let j = 0;
      while (j < length && spelt.charCodeAt(j) === text.charCodeAt(start + j)) j++;
      if (j === length) return known;
    }
    if (!this.isTrimmed(text, start, end)) return null;
    const raw = text.slice(start, end);
    const reading = look(raw);
    if (reading === undefined) return null;
    const spelling = { text: raw, value: reading.value, code: reading.code };
    if (spellings.length < CACHE_SIZE) spellings.push(spelling);
    return spelling;
  }

  /**
   * The amount in øre by the one amount rule (`parseAmount`, as `LineReader` reads the field), or
   * null when it does not read. An empty or untrimmed field is the general path's to report or trim.
   */
  private readAmount(text: string): Ore | null {
    const start = this.startOf(this.belop);
    const end = this.endOf(this.belop);
    if (end === start || !this.isTrimmed(text, start, end)) return null;
    const reading = parseAmount(text.slice(start, end));
    // An amount beyond what a cell holds exactly is the general path's to report.
    if (!reading.ok || reading.ore > MAX_AMOUNT_ORE || reading.ore < -MAX_AMOUNT_ORE) return null;
    return reading.ore;
  }
}
