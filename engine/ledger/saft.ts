/**
 * SAF-T Financial 1.30 (Skatteetaten's `Norwegian_SAF-T_Financial_Schema_v_1.30.xsd`) as ledger
 * source lines (CONTRACTS §7): every `GeneralLedgerEntries/Journal/Transaction/Line` is one line, a
 * disbursement whose amount is `DebitAmount/Amount` − `CreditAmount/Amount`. The file is streamed
 * through saxes, never held: the reader keeps only the journal, transaction and line it is in, so a
 * file of any size reads in the same memory.
 *
 * Choices where the schema leaves room:
 * - Amounts are the schema's `SAFmonetaryType` (`xs:decimal`, at most 2 fraction digits): an
 *   optional sign, digits, `.` as the decimal mark (`12.`, `.5` are decimals too). A third decimal
 *   that is not zero breaks the schema (`too_many_decimals`); trailing zeros do not (`1.500` is the
 *   decimal 1.5). More than 15 significant digits is `amount_too_large` (what a cell holds exactly).
 * - Dates are `xs:date`: `YYYY-MM-DD`, optionally with a time zone (`Z`, `+01:00`), which does not
 *   change the day. `PeriodYear` is a whole number from 1970 to 2100, as the schema says.
 * - Texts are trimmed (the schema's whitespace is the exporter's layout); an ID or code holding a
 *   control character is refused, a description may hold line breaks.
 * - The elements are read in the schema's order: a transaction's `TransactionID`, `PeriodYear` and
 *   `TransactionDate` come before its lines. A transaction missing one is named once, at its first line.
 * - Only elements of the root's namespace count (by the root's prefix); a default namespace
 *   declared again further in is not followed.
 * - ISO-8859-1 is read as Windows-1252, as the WHATWG encoding standard does (files that say
 *   ISO-8859-1 are Windows-1252 in practice: € and dashes live in 0x80–0x9F).
 * - Bytes that are not UTF-8 in a UTF-8 file are named at the line of the first, by the run of
 *   them up to the next character that is UTF-8 (`0xE6 0xF8 0xE5` for a Latin-1 "æøå"; the
 *   character after is not shown), as the CSV reader names them. What comes before them is read
 *   first, so the lines and problems given do not depend on how the bytes arrive in chunks.
 * - An element cut short by malformed XML (`<Line>` closed by `</Transaction>`) is not read: the
 *   XML error is the one problem.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { digitsAt, isoDate, type IsoDate } from '../calendar.js';
import { EXCEL_MAX_CELL_TEXT, hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import type { Milli } from '../money.js';
import { problem, type Lang, type ProblemCode } from '../messages/problems.js';
import { decodeWindows1252 } from './decode.js';
import type { Dimension, SourceReader, SourceSink } from './source-line.js';

/** The namespace of SAF-T Financial (Norway). */
export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Latin-1 text of bytes: enough to read ASCII markup (names, declarations) whatever the encoding. */
function ascii(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return out;
}

/** Skips the XML declaration, comments, processing instructions and white space; the index of the root's `<`, or -1. */
function rootStart(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else {
      return text.startsWith('<', i) ? i : -1;
    }
  }
}

const ROOT_TAG = /^<(?:([A-Za-z_][\w.-]*):)?AuditFile[\s/>]/;

/**
 * Whether the first bytes of a file are SAF-T Financial: XML whose root is `AuditFile` in the
 * namespace `urn:StandardAuditFile-Taxation-Financial:NO` (a UTF-8 byte-order mark tolerated).
 */
export function looksLikeSaft(head: Uint8Array): boolean {
  const text = ascii(hasUtf8Bom(head) ? head.subarray(3) : head);
  const start = rootStart(text);
  if (start < 0) return false;
  const tag = ROOT_TAG.exec(text.slice(start, start + 200));
  if (!tag) return false;
  const end = text.indexOf('>', start);
  const open = end < 0 ? text.slice(start) : text.slice(start, end);
  const attribute = tag[1] === undefined ? 'xmlns' : `xmlns:${tag[1]}`;
  const declares = new RegExp(`\\s${attribute.replace('.', '\\.')}\\s*=\\s*(["'])${SAFT_NAMESPACE}\\1`);
  return declares.test(open);
}

// The elements the reader looks at, as a state per open element: a child's state follows from its
// parent's and its name. Everything else is OTHER, and so is everything inside it.
const OTHER = 0;
const DOCUMENT = 1;
const ROOT = 2;
const HEADER = 3;
const COMPANY = 4;
const REGISTRATION = 5;
const ENTRIES = 6;
const JOURNAL = 7;
const JOURNAL_ID = 8;
const TRANSACTION = 9;
const TRANSACTION_ID = 10;
const PERIOD_YEAR = 11;
const TRANSACTION_DATE = 12;
const TRANSACTION_TEXT = 13;
const LINE = 14;
const RECORD_ID = 15;
const ACCOUNT_ID = 16;
const LINE_TEXT = 17;
const DEBIT = 18;
const CREDIT = 19;
const DEBIT_AMOUNT = 20;
const CREDIT_AMOUNT = 21;
const ANALYSIS = 22;
const ANALYSIS_TYPE = 23;
const ANALYSIS_ID = 24;

/** Whether the text of an element in this state is kept. */
const CAPTURED = new Uint8Array(25);
for (const s of [
  REGISTRATION,
  JOURNAL_ID,
  TRANSACTION_ID,
  PERIOD_YEAR,
  TRANSACTION_DATE,
  TRANSACTION_TEXT,
  RECORD_ID,
  ACCOUNT_ID,
  LINE_TEXT,
  DEBIT_AMOUNT,
  CREDIT_AMOUNT,
  ANALYSIS_TYPE,
  ANALYSIS_ID,
]) {
  CAPTURED[s] = 1;
}

/** The state of a child element (by local name) of an element in state `parent`. */
function childState(parent: number, name: string): number {
  switch (parent) {
    case ROOT:
      return name === 'Header' ? HEADER : name === 'GeneralLedgerEntries' ? ENTRIES : OTHER;
    case HEADER:
      return name === 'Company' ? COMPANY : OTHER;
    case COMPANY:
      return name === 'RegistrationNumber' ? REGISTRATION : OTHER;
    case ENTRIES:
      return name === 'Journal' ? JOURNAL : OTHER;
    case JOURNAL:
      return name === 'Transaction' ? TRANSACTION : name === 'JournalID' ? JOURNAL_ID : OTHER;
    case TRANSACTION:
      switch (name) {
        case 'Line':
          return LINE;
        case 'TransactionID':
          return TRANSACTION_ID;
        case 'PeriodYear':
          return PERIOD_YEAR;
        case 'TransactionDate':
          return TRANSACTION_DATE;
        case 'Description':
          return TRANSACTION_TEXT;
        default:
          return OTHER;
      }
    case LINE:
      switch (name) {
        case 'DebitAmount':
          return DEBIT;
        case 'CreditAmount':
          return CREDIT;
        case 'AccountID':
          return ACCOUNT_ID;
        case 'RecordID':
          return RECORD_ID;
        case 'Description':
          return LINE_TEXT;
        case 'Analysis':
          return ANALYSIS;
        default:
          return OTHER;
      }
    case DEBIT:
      return name === 'Amount' ? DEBIT_AMOUNT : OTHER;
    case CREDIT:
      return name === 'Amount' ? CREDIT_AMOUNT : OTHER;
    case ANALYSIS:
      return name === 'AnalysisType' ? ANALYSIS_TYPE : name === 'AnalysisID' ? ANALYSIS_ID : OTHER;
    default:
      return OTHER;
  }
}

/** The element paths problems name (CONTRACTS §7: `Transaction/Line/DebitAmount/Amount`). */
const PATH = {
  registration: 'Header/Company/RegistrationNumber',
  journalId: 'Journal/JournalID',
  transactionId: 'Transaction/TransactionID',
  periodYear: 'Transaction/PeriodYear',
  transactionDate: 'Transaction/TransactionDate',
  transactionText: 'Transaction/Description',
  line: 'Transaction/Line',
  recordId: 'Transaction/Line/RecordID',
  accountId: 'Transaction/Line/AccountID',
  lineText: 'Transaction/Line/Description',
  debit: 'Transaction/Line/DebitAmount/Amount',
  credit: 'Transaction/Line/CreditAmount/Amount',
  analysisType: 'Transaction/Line/Analysis/AnalysisType',
  analysisId: 'Transaction/Line/Analysis/AnalysisID',
} as const;

/** A text element as read: its text (trimmed) and the line it starts on; null when absent. */
interface Read {
  text: string;
  line: number;
  /** The length of the text as the file has it (only the first EXCEL_MAX_CELL_TEXT + 1 characters are kept). */
  length: number;
}

/** How a SAF-T amount reads: thousandths of a krone, or why not. */
export type SaftAmount = { readonly ok: true; readonly milli: Milli } | { readonly ok: false; readonly fault: ProblemCode };

/**
 * Reads a `SAFmonetaryType` (xs:decimal, at most 2 fraction digits) as thousandths of a krone:
 * `[+-]digits[.digits]` (digits on at least one side of the point), already trimmed.
 */
export function parseSaftAmount(text: string): SaftAmount {
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  let significant = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    wholeDigits++;
    if (significant > 0 || c !== 0) significant++;
    // Past 13 whole digits the amount is too large anyway; the number stays exact below 2^53.
    if (significant <= 13) whole = whole * 10 + c;
  }
  let fraction = 0;
  let fractionDigits = 0;
  let third = false;
  if (i < text.length && text.charCodeAt(i) === 46) {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (fractionDigits < 2) fraction = fraction * 10 + c;
      else if (c !== 0) third = true;
      fractionDigits++;
    }
  }
  if (i !== text.length || wholeDigits + fractionDigits === 0) return { ok: false, fault: 'bad_xml_amount' };
  if (third) return { ok: false, fault: 'too_many_decimals' };
  // 15 significant digits with the øre: at most 13 whole digits (9 999 999 999 999,99 kr).
  if (significant > 13) return { ok: false, fault: 'amount_too_large' };
  if (fractionDigits === 1) fraction *= 10;
  const ore = whole * 100 + fraction;
  return { ok: true, milli: BigInt(negative ? -ore : ore) * 10n };
}

/** Reads an `xs:date` (`YYYY-MM-DD`, optionally a time zone `Z` or `±HH:MM`), already trimmed; null when it is none. */
export function parseSaftDate(text: string): IsoDate | null {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const zone = text.slice(10);
  if (zone !== '' && zone !== 'Z' && !/^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/.test(zone)) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  return isoDate(year, month, day);
}

/** Reads `PeriodYear` (a whole number from 1970 to 2100), already trimmed; null when it is none. */
export function parseSaftYear(text: string): number | null {
  if (text.length === 0 || text.length > 6) return null;
  const n = digitsAt(text, 0, text.length);
  return n >= 1970 && n <= 2100 ? n : null;
}

/** The encodings an XML declaration may name; `null` for one we do not read. */
function encodingOf(label: string | undefined): 'utf-8' | 'windows-1252' | null {
  if (label === undefined) return 'utf-8';
  switch (label.trim().toLowerCase()) {
    case 'utf-8':
    case 'utf8':
    case 'us-ascii':
    case 'ascii':
      return 'utf-8';
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'latin1':
    case 'latin-1':
    case 'l1':
    case 'windows-1252':
    case 'cp1252':
      return 'windows-1252';
    default:
      return null;
  }
}

/** How many bytes may come before the XML declaration's end is found (it is short). */
const DECLARATION_BYTES = 1024;

/** The shown part of a text too long for a cell. */
const SHOWN_OF_LONG_TEXT = 40;

/** A count as people read it: `32 767` in bokmål, `32,767` in English. */
function groupDigits(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
}

/**
 * Streams a SAF-T Financial file into source lines: `push` its bytes chunk by chunk, then `end`.
 * Malformed XML, a DOCTYPE, bytes not in the declared encoding or a root that is not SAF-T is one
 * problem, and the reader stops there; every other fault is a problem naming the element's line,
 * its path and its text, and the line it belongs to is not given.
 */
export class SaftReader implements SourceReader {
  private readonly parser: SaxesParser<{ xmlns: false; position: true }>;
  private stopped = false;
  /** Bytes held until the XML declaration (and so the encoding) is known. */
  private head: Uint8Array | null = new Uint8Array(0);
  private utf8: TextDecoder | null = null;
  private encodingLabel = 'UTF-8';
  /** The bytes of a UTF-8 sequence the last chunk ended inside (the decoder holds them too). */
  private pending: number[] = [];
  /** Whether the text last given the parser ended in a carriage return (saxes holds it back, uncounted). */
  private carriageReturn = false;
  /**
   * Bytes that are not UTF-8, from the first (with what follows, at most BAD_RUN_BYTES), and their
   * line: held until the run's end is seen, then the one problem.
   */
  private broken: { line: number; bytes: number[] } | null = null;
  /**
   * The parser position of the end tag just read, while its element's close is not taken yet:
   * saxes closes an element before it finds that the end tag names another, so a close is taken
   * at the next event, and dropped when that is the error at the same position (the element was
   * cut short by malformed XML, which is the one problem).
   */
  private closing = -1;

  // The open elements: their states (bounded by the file's depth, which saxes holds too).
  private readonly states: number[] = [DOCUMENT];
  private depth = 1;
  /** The root's prefix with its colon (`n1:`), or '' for a default namespace. */
  private prefix = '';
  private tagLine = 1;

  private captured = '';
  private capturedLength = 0;
  private capturing = false;

  private organisation: string | null = null;
  private organisationSeen = false;

  private journalId: Read | null = null;
  private journalChecked = false;
  private journalBad = false;

  private transactionLine = 0;
  private transactionId: Read | null = null;
  private periodYear: Read | null = null;
  private transactionDate: Read | null = null;
  private transactionText: Read | null = null;
  private transactionChecked = false;
  private transactionBad = false;
  private year = 0;
  private date: IsoDate | null = null;

  private lineLine = 0;
  private recordId: Read | null = null;
  private accountId: Read | null = null;
  private lineText: Read | null = null;
  private debits = 0;
  private credits = 0;
  private amount: Read | null = null;
  private amountPath: string = PATH.debit;
  private negate = false;
  private dimensions: Dimension[] = [];
  private lineBad = false;
  private analysisLine = 0;
  private analysisType: Read | null = null;
  private analysisId: Read | null = null;

  constructor(
    private readonly file: string,
    private readonly lang: Lang,
    private readonly sink: SourceSink,
  ) {
    this.parser = new SaxesParser({ xmlns: false, position: true });
    const parser = this.parser;
    parser.on('error', (error) => {
      if (this.closing === parser.position) this.closing = -1;
      else this.settle();
      this.fatal('bad_xml', parser.line, null, error.message.replace(/^\d+:\d+: /, ''));
    });
    parser.on('doctype', (doctype) => {
      this.settle();
      this.fatal('xml_doctype', parser.line, null, `<!DOCTYPE${doctype}>`);
    });
    parser.on('opentagstart', () => {
      this.settle();
      this.tagLine = parser.line;
    });
    parser.on('opentag', (tag) => {
      this.settle();
      this.open(tag);
    });
    parser.on('closetag', () => {
      this.settle();
      this.closing = parser.position;
    });
    parser.on('text', (text) => {
      this.settle();
      if (this.capturing) this.take(text);
    });
    parser.on('cdata', (text) => {
      this.settle();
      if (this.capturing) this.take(text);
    });
  }

  /** Takes the close of the element whose end tag was read last, if it is not taken yet. */
  private settle(): void {
    if (this.closing < 0) return;
    this.closing = -1;
    this.close();
  }

  /** Gives the parser text, and takes the last close (an error it brought is out by now). */
  private write(text: string): void {
    if (text.length === 0) return;
    this.carriageReturn = text.charCodeAt(text.length - 1) === 13;
    this.parser.write(text);
    this.settle();
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    if (this.head !== null) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      this.head = head;
      this.start(false);
      return;
    }
    this.feed(chunk, false);
  }

  end(): void {
    if (this.stopped) return;
    if (this.head !== null) {
      this.start(true);
      if (this.stopped) return;
    } else {
      this.feed(new Uint8Array(0), true);
    }
    if (this.stopped) return;
    this.parser.close();
    this.settle();
  }

  /** Works out the encoding from the held bytes once the declaration is whole, then feeds them to the parser. */
  private start(last: boolean): void {
    const head = this.head!;
    const bom = hasUtf8Bom(head);
    if (!last && head.length < 3 && UTF8_BOM.slice(0, head.length).every((b, i) => head[i] === b)) return;
    const body = bom ? head.subarray(3) : head;
    const text = ascii(body.subarray(0, DECLARATION_BYTES));
    let label: string | undefined;
    if (text.startsWith('<?xml') || '<?xml'.startsWith(text)) {
      const end = text.indexOf('?>');
      if (end < 0) {
        if (!last && body.length < DECLARATION_BYTES) return;
      } else {
        label = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(text.slice(0, end))?.[2];
      }
    }
    this.head = null;
    const encoding = bom ? 'utf-8' : encodingOf(label);
    if (encoding === null) {
      this.fatal('xml_encoding', 1, null, label ?? '', { encoding: label ?? '' });
      return;
    }
    this.encodingLabel = label ?? 'UTF-8';
    // The byte-order mark is not text; a U+FEFF after it is (ignoreBOM keeps it).
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    this.feed(body, last);
  }

  private feed(bytes: Uint8Array, last: boolean): void {
    if (this.broken !== null) {
      this.readBadRun(bytes, last);
      return;
    }
    let text: string;
    if (this.utf8 === null) {
      text = decodeWindows1252(bytes);
    } else {
      try {
        text = this.utf8.decode(bytes, { stream: !last });
      } catch {
        this.breakAt(bytes, last);
        return;
      }
      this.pending = trailingSequence(bytes, this.pending);
    }
    this.write(text);
  }

  /**
   * The decoder found bytes that are not UTF-8 in this chunk (or in the sequence held from the one
   * before): the text before them is read first, as in any other chunking (a fault there is the one
   * problem then), and the run of bad bytes is held until its end is seen.
   */
  private breakAt(bytes: Uint8Array, last: boolean): void {
    const all = this.pending.length === 0 ? bytes : Uint8Array.from([...this.pending, ...bytes]);
    const at = firstBadUtf8(all, last);
    this.write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(all.subarray(0, at)));
    if (this.stopped) return;
    // saxes has counted every line end before the bad bytes but a carriage return it holds back.
    this.broken = { line: this.parser.line + (this.carriageReturn ? 1 : 0), bytes: [] };
    this.readBadRun(all.subarray(at), last);
  }

  /** More bytes after the first that is not UTF-8: the problem once the run of bad bytes is seen to end. */
  private readBadRun(bytes: Uint8Array, last: boolean): void {
    const run = this.broken!;
    for (let i = 0; i < bytes.length && run.bytes.length < BAD_RUN_BYTES; i++) run.bytes.push(bytes[i]!);
    const shown = badRun(run.bytes, last || run.bytes.length >= BAD_RUN_BYTES);
    if (shown !== null) this.fatal('xml_encoding', run.line, null, shown, { encoding: this.encodingLabel });
  }

  /** One problem that ends the reading. */
  private fatal(
    code: ProblemCode,
    line: number | null,
    column: string | null,
    value: string | null,
    params: Record<string, string> = {},
  ): void {
    if (this.stopped) return;
    this.stopped = true;
    this.capturing = false;
    this.sink.problem(problem(code, { file: this.file, line, column, value }, this.lang, params));
  }

  private report(
    code: ProblemCode,
    line: number,
    column: string,
    value: string | null,
    params: Record<string, string> = {},
  ): void {
    this.sink.problem(problem(code, { file: this.file, line, column, value }, this.lang, params));
  }

  private take(text: string): void {
    this.capturedLength += text.length;
    if (this.captured.length <= EXCEL_MAX_CELL_TEXT) this.captured += text;
  }

  private open(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    const parent = this.states[this.depth - 1]!;
    let state: number;
    if (parent === DOCUMENT) {
      state = this.root(tag);
      if (state === OTHER) return;
    } else if (parent === OTHER) {
      state = OTHER;
    } else {
      const name = tag.name;
      let local = name;
      if (this.prefix === '') {
        if (name.includes(':')) local = '';
      } else {
        local = name.startsWith(this.prefix) ? name.slice(this.prefix.length) : '';
      }
      state = childState(parent, local);
    }
    this.states[this.depth++] = state;
    if (CAPTURED[state] === 1) {
      this.capturing = true;
      this.captured = '';
      this.capturedLength = 0;
      return;
    }
    this.capturing = false;
    switch (state) {
      case JOURNAL:
        this.journalId = null;
        this.journalChecked = false;
        this.journalBad = false;
        break;
      case TRANSACTION:
        this.transactionLine = this.tagLine;
        this.transactionId = null;
        this.periodYear = null;
        this.transactionDate = null;
        this.transactionText = null;
        this.transactionChecked = false;
        this.transactionBad = false;
        this.date = null;
        this.year = 0;
        break;
      case LINE:
        this.lineLine = this.tagLine;
        this.recordId = null;
        this.accountId = null;
        this.lineText = null;
        this.debits = 0;
        this.credits = 0;
        this.amount = null;
        this.lineBad = false;
        if (this.dimensions.length > 0) this.dimensions = [];
        break;
      case DEBIT:
        if (this.debits++ === 0 && this.credits === 0) {
          this.amountPath = PATH.debit;
          this.negate = false;
        }
        break;
      case CREDIT:
        if (this.credits++ === 0 && this.debits === 0) {
          this.amountPath = PATH.credit;
          this.negate = true;
        }
        break;
      case ANALYSIS:
        this.analysisLine = this.tagLine;
        this.analysisType = null;
        this.analysisId = null;
        break;
      default:
        break;
    }
  }

  /** The root element: SAF-T's AuditFile in its namespace, else the file is refused. */
  private root(tag: SaxesTagPlain): number {
    const name = tag.name;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const local = colon < 0 ? name : name.slice(colon + 1);
    const attributes = tag.attributes as Record<string, string>;
    const namespace = attributes[prefix === '' ? 'xmlns' : `xmlns:${prefix}`];
    if (local !== 'AuditFile' || namespace !== SAFT_NAMESPACE) {
      const value = namespace === undefined ? name : `${name} xmlns${prefix === '' ? '' : `:${prefix}`}="${namespace}"`;
      this.fatal('not_saft', this.tagLine, 'AuditFile', value);
      return OTHER;
    }
    this.prefix = prefix === '' ? '' : `${prefix}:`;
    return ROOT;
  }

  /** The text of the element just closed, checked for what a cell keeps; null (with a problem) when it cannot be kept. */
  private read(path: string, lineBreaks: boolean): Read | null {
    const text = this.captured.trim();
    const line = this.tagLine;
    if (hasControlCharacter(text, lineBreaks)) {
      this.report('control_character', line, path, showControlCharacters(text.slice(0, 200)));
      return null;
    }
    const length =
      this.capturedLength > EXCEL_MAX_CELL_TEXT ? this.capturedLength - (this.captured.length - text.length) : text.length;
    if (length > EXCEL_MAX_CELL_TEXT) {
      const params = { max: groupDigits(EXCEL_MAX_CELL_TEXT, this.lang), length: groupDigits(length, this.lang) };
      this.report('text_too_long', line, path, `${text.slice(0, SHOWN_OF_LONG_TEXT)}…`, params);
      return null;
    }
    return { text, line, length };
  }

  private close(): void {
    if (this.stopped) return;
    const state = this.states[--this.depth]!;
    this.capturing = false;
    if (state === OTHER) return;
    switch (state) {
      case REGISTRATION:
        if (!this.organisationSeen) {
          this.organisationSeen = true;
          const read = this.read(PATH.registration, false);
          this.organisation = read === null || read.text === '' ? null : read.text;
        }
        break;
      case JOURNAL_ID:
        this.journalId = this.read(PATH.journalId, false);
        if (this.journalId === null) this.journalBad = true;
        break;
      case TRANSACTION_ID:
        this.transactionId = this.read(PATH.transactionId, false);
        if (this.transactionId === null) this.transactionBad = true;
        break;
      case PERIOD_YEAR: {
        const read = this.read(PATH.periodYear, false);
        this.periodYear = read;
        if (read === null) {
          this.transactionBad = true;
        } else {
          const year = parseSaftYear(read.text);
          if (year === null) {
            this.transactionBad = true;
            if (read.text !== '') this.report('bad_year', read.line, PATH.periodYear, read.text);
          } else {
            this.year = year;
          }
        }
        break;
      }
      case TRANSACTION_DATE: {
        const read = this.read(PATH.transactionDate, false);
        this.transactionDate = read;
        if (read === null) {
          this.transactionBad = true;
        } else {
          this.date = parseSaftDate(read.text);
          if (this.date === null) {
            this.transactionBad = true;
            if (read.text !== '') this.report('bad_xml_date', read.line, PATH.transactionDate, read.text);
          }
        }
        break;
      }
      case TRANSACTION_TEXT:
        this.transactionText = this.read(PATH.transactionText, true);
        break;
      case RECORD_ID:
        this.recordId = this.read(PATH.recordId, false);
        if (this.recordId === null) this.lineBad = true;
        break;
      case ACCOUNT_ID:
        this.accountId = this.read(PATH.accountId, false);
        if (this.accountId === null) this.lineBad = true;
        break;
      case LINE_TEXT:
        this.lineText = this.read(PATH.lineText, true);
        if (this.lineText === null) this.lineBad = true;
        break;
      case DEBIT_AMOUNT:
      case CREDIT_AMOUNT:
        if (this.amount === null && (state === DEBIT_AMOUNT) === !this.negate) {
          this.amount = this.read(state === DEBIT_AMOUNT ? PATH.debit : PATH.credit, false);
          if (this.amount === null) this.lineBad = true;
        }
        break;
      case ANALYSIS_TYPE:
        this.analysisType = this.read(PATH.analysisType, false);
        if (this.analysisType === null) this.lineBad = true;
        break;
      case ANALYSIS_ID:
        this.analysisId = this.read(PATH.analysisId, false);
        if (this.analysisId === null) this.lineBad = true;
        break;
      case ANALYSIS:
        this.closeAnalysis();
        break;
      case LINE:
        this.closeLine();
        break;
      default:
        break;
    }
  }

  private closeAnalysis(): void {
    const type = this.analysisType;
    const id = this.analysisId;
    if (type === null || id === null) {
      // A type or ID refused for its text has its problem already; only an absent one is named here.
      if (type === null && !this.lineBad) this.missing(this.analysisLine, PATH.analysisType);
      else if (id === null && !this.lineBad) this.missing(this.analysisLine, PATH.analysisId);
      this.lineBad = true;
      return;
    }
    if (type.text === '' || id.text === '') {
      const empty = type.text === '' ? type : id;
      this.report('missing_value', empty.line, type.text === '' ? PATH.analysisType : PATH.analysisId, null);
      this.lineBad = true;
      return;
    }
    this.dimensions.push({ type: type.text, id: id.text });
  }

  private missing(line: number, path: string): void {
    this.report('missing_element', line, path, null, { element: path });
  }

  /** A required text element: present and not empty, else its problem; whether it is. */
  private required(read: Read | null, line: number, path: string, refused: boolean): read is Read {
    if (read === null) {
      // Null is absent, or refused for its text (its problem is out then).
      if (!refused) this.missing(line, path);
      return false;
    }
    if (read.text === '') {
      this.report('missing_value', read.line, path, null);
      return false;
    }
    return true;
  }

  private checkJournal(): void {
    this.journalChecked = true;
    if (this.journalId === null) {
      if (!this.journalBad) this.missing(this.lineLine, PATH.journalId);
      this.journalBad = true;
    } else if (this.journalId.text === '') {
      this.report('missing_value', this.journalId.line, PATH.journalId, null);
      this.journalBad = true;
    }
  }

  private checkTransaction(): void {
    this.transactionChecked = true;
    const at = this.transactionLine;
    const refused = this.transactionBad;
    let ok = this.required(this.transactionId, at, PATH.transactionId, refused);
    if (this.periodYear === null) {
      if (!refused) this.missing(at, PATH.periodYear);
      ok = false;
    } else if (this.periodYear.text === '') {
      this.report('missing_value', this.periodYear.line, PATH.periodYear, null);
      ok = false;
    }
    if (this.transactionDate === null) {
      if (!refused) this.missing(at, PATH.transactionDate);
      ok = false;
    } else if (this.transactionDate.text === '') {
      this.report('missing_value', this.transactionDate.line, PATH.transactionDate, null);
      ok = false;
    }
    if (!ok) this.transactionBad = true;
  }

  private closeLine(): void {
    if (!this.journalChecked) this.checkJournal();
    if (!this.transactionChecked) this.checkTransaction();
    const at = this.lineLine;
    let bad = this.lineBad;
    const refused = bad;
    if (!this.required(this.recordId, at, PATH.recordId, refused)) bad = true;
    if (!this.required(this.accountId, at, PATH.accountId, refused)) bad = true;
    let amount: Milli = 0n;
    if (this.debits + this.credits !== 1) {
      const value = this.debits + this.credits === 0 ? null : `DebitAmount ×${this.debits}, CreditAmount ×${this.credits}`;
      this.report('debit_credit', at, PATH.line, value);
      bad = true;
    } else if (this.amount === null) {
      if (!refused) this.missing(at, this.amountPath);
      bad = true;
    } else {
      const read = this.amount;
      const parsed = read.text === '' ? null : parseSaftAmount(read.text);
      if (parsed === null) {
        this.report('missing_value', read.line, this.amountPath, null);
        bad = true;
      } else if (!parsed.ok) {
        this.report(parsed.fault, read.line, this.amountPath, read.text);
        bad = true;
      } else {
        amount = this.negate ? -parsed.milli : parsed.milli;
      }
    }
    if (bad || this.transactionBad || this.journalBad) return;
    const lineText = this.lineText === null ? '' : this.lineText.text;
    const text = lineText !== '' ? lineText : this.transactionText === null ? '' : this.transactionText.text;
    this.sink.line({
      line: at,
      date: this.date!,
      year: this.year,
      kind: 'utbetaling',
      amount,
      voucher: this.transactionId!.text,
      reference: '',
      text,
      source: `${this.journalId!.text}\u0000${this.recordId!.text}`,
      instrument: null,
      keys: {
        chapter: null,
        post: null,
        account: this.accountId!.text,
        dimensions: this.dimensions.length === 0 ? NO_DIMENSIONS : this.dimensions,
        organisation: this.organisation,
      },
    });
    if (this.dimensions.length > 0) this.dimensions = [];
  }
}

const NO_DIMENSIONS: readonly Dimension[] = [];

function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * The UTF-8 sequence at `at` by the WHATWG decoder's rules (so it agrees with `TextDecoder`'s
 * fatal mode): its length n when it is a character, −n when it is not (n = the bytes that began it
 * before it broke, at least 1), 0 when the bytes end inside a sequence that is right so far.
 */
function utf8Sequence(bytes: ArrayLike<number>, at: number): number {
  const b = bytes[at]!;
  if (b < 0x80) return 1;
  let need: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) {
    need = 1;
  } else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lower = 0xa0;
    if (b === 0xed) upper = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lower = 0x90;
    if (b === 0xf4) upper = 0x8f;
  } else {
    return -1;
  }
  for (let j = 1; j <= need; j++) {
    if (at + j >= bytes.length) return 0;
    const c = bytes[at + j]!;
    if (c < (j === 1 ? lower : 0x80) || c > (j === 1 ? upper : 0xbf)) return -j;
  }
  return need + 1;
}

/** Where the first bytes that are not UTF-8 begin (with `last`, a sequence the bytes end inside counts); the length when there are none. */
function firstBadUtf8(bytes: Uint8Array, last: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Sequence(bytes, i);
    if (n < 0 || (n === 0 && last)) return i;
    if (n === 0) break;
    i += n;
  }
  return bytes.length;
}

/** How many bytes of a run that is not UTF-8 a problem shows. */
const SHOWN_BAD_BYTES = 8;

/** The bytes a run that is not UTF-8 is told by: enough to see it end, and a character after it. */
const BAD_RUN_BYTES = SHOWN_BAD_BYTES + 4;

/**
 * The bytes from a run's start that are not UTF-8, up to the next character that is, as hex
 * (`0xE6 0xF8 0xE5`; at most SHOWN_BAD_BYTES, then `…`); null when more bytes must come to tell
 * where the run ends (`last`: none will).
 */
function badRun(bytes: readonly number[], last: boolean): string | null {
  const bad: number[] = [];
  let i = 0;
  while (i < bytes.length && bad.length <= SHOWN_BAD_BYTES) {
    let n = utf8Sequence(bytes, i);
    if (n === 0) {
      if (!last) return null;
      n = i - bytes.length;
    }
    if (n > 0) break;
    for (let j = i; j < i - n; j++) bad.push(bytes[j]!);
    i -= n;
  }
  if (i >= bytes.length && !last && bad.length <= SHOWN_BAD_BYTES) return null;
  const shown = bad.slice(0, SHOWN_BAD_BYTES).map(hexByte).join(' ');
  return bad.length > SHOWN_BAD_BYTES ? `${shown} …` : shown;
}

/** The bytes at the end of a chunk that begin a UTF-8 sequence not finished yet (with those held before). */
function trailingSequence(bytes: Uint8Array, before: readonly number[]): number[] {
  const all = bytes.length >= 4 ? bytes.subarray(bytes.length - 4) : Uint8Array.from([...before, ...bytes]).slice(-4);
  for (let back = 1; back <= Math.min(3, all.length); back++) {
    const b = all[all.length - back]!;
    if (b < 0x80) return [];
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? Array.from(all.subarray(all.length - back)) : [];
    }
  }
  return [];
}
