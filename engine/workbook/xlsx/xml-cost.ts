/**
 * What a part of an .xlsx file will cost exceljs in memory, estimated from its XML as it streams by
 * (never held whole): a scanner that sees tags and the few attributes that make exceljs allocate
 * far more than the file holds, and skips everything else.
 *
 * exceljs builds an object for every element it knows and, worse, expands some ranges cell by cell:
 * a merged range (`mergeCell ref`) becomes a cell object per cell, a data validation (`sqref`) a key
 * per cell, a defined name (other than a print area or print titles) a cell object per cell, and
 * `col max` a column object per column up to it; and it keeps sheets in an array by their
 * `sheetId`, walked index by index. Those ranges and numbers are priced by their area, so a
 * 100-byte `A1:XFD1048576` is priced as the 17 billion cells it would become.
 *
 * The costs (bytes) were measured on exceljs 4.4 under Node 20 (peak RSS over the baseline for a
 * million of each) and rounded up; they are an estimate, not an accounting.
 */

/** Estimated bytes exceljs allocates per thing it reads. */
export const XML_COSTS = {
  /** A cell (`c`). */
  cell: 350,
  /** A row (`row`): its object and its cells array. */
  row: 800,
  /** A shared string (`si`). */
  sharedString: 350,
  /** An element inside a cell or a string: a value, a formula, a rich-text run and its properties. */
  cellPart: 200,
  /** Any other element: formats, conditional formats, hyperlinks, comments, drawings… (the dearest measured). */
  element: 800,
  /** A cell a merged range, a data validation or a defined name expands into. */
  rangeCell: 350,
  /** A column object (`col max`). */
  column: 300,
  /**
   * Each index up to a sheet's `sheetId`: exceljs keeps sheets in an array by that id and walks it
   * (a sheet id of 100 000 000 took 21 s), so an id is priced as the walk it causes.
   */
  sheetIndex: 100,
} as const;

/** The elements inside a cell or a shared string, priced as `cellPart`. */
const CELL_PARTS = new Set([
  'v',
  'f',
  'is',
  't',
  'r',
  'rPr',
  'rFont',
  'b',
  'i',
  'u',
  'strike',
  'sz',
  'color',
  'family',
  'scheme',
  'charset',
  'outline',
  'shadow',
  'condense',
  'extend',
  'vertAlign',
  'rPh',
  'phoneticPr',
]);

/** Defined names exceljs turns into page setup, not into a cell per cell. */
const PAGE_SETUP_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

const TO_GT: readonly number[] = [0x3e];
const TO_PI_END: readonly number[] = [0x3f, 0x3e];
const TO_COMMENT_END: readonly number[] = [0x2d, 0x2d, 0x3e];
const TO_CDATA_END: readonly number[] = [0x5d, 0x5d, 0x3e];

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Whether a byte belongs to a cell reference (`$A$1:$B$2`). */
function isRefByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x3a) || // 0-9 and :
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    byte === 0x24 // $
  );
}

const REF = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/;
const REF_START = /^\$?[A-Za-z]+\$?\d/;

function columnNumber(letters: string): number {
  if (letters.length > 4) return Infinity;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function rowNumber(digits: string): number {
  return digits.length > 9 ? Infinity : Number(digits);
}

/** The cells and rows a list of ranges covers (`A1:B2 D4`, `Ark1!$A$1:$J$20,Ark1!$L$1`), read byte by byte. */
class RangeArea {
  cells = 0;
  rows = 0;
  private token = '';
  private long = false;

  feed(bytes: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (isRefByte(byte)) {
        if (this.token.length < 64) this.token += String.fromCharCode(byte);
        else this.long = true;
      } else if (this.token.length > 0) {
        this.close();
      }
    }
  }

  /** Ends the token being read (at a delimiter, or at the end of the value). */
  close(): void {
    const token = this.token;
    const long = this.long;
    this.token = '';
    this.long = false;
    if (token.length === 0) return;
    if (long) {
      // Longer than any reference Excel can write: priced as endless if it starts as one.
      if (REF_START.test(token)) this.cells = this.rows = Infinity;
      return;
    }
    const match = REF.exec(token);
    if (!match) return;
    const left = columnNumber(match[1]!);
    const top = rowNumber(match[2]!);
    const right = match[3] === undefined ? left : columnNumber(match[3]);
    const bottom = match[4] === undefined ? top : rowNumber(match[4]);
    const rows = Math.abs(bottom - top) + 1;
    const columns = Math.abs(right - left) + 1;
    this.cells += rows * columns;
    this.rows += rows;
  }
}

/** A whole number read byte by byte (`col max`); digits only, endless past nine of them. */
class WholeNumber {
  value = 0;
  private digits = 0;

  feed(bytes: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (byte < 0x30 || byte > 0x39) continue;
      this.digits++;
      this.value = this.digits > 9 ? Infinity : this.value * 10 + (byte - 0x30);
    }
  }
}

/** A short text read byte by byte (a defined name's `name`), cut at 64 bytes. */
class ShortText {
  text = '';

  feed(bytes: Uint8Array, start: number, end: number): void {
    for (let i = start; i < end && this.text.length < 64; i++) this.text += String.fromCharCode(bytes[i]!);
  }
}

type Sink = RangeArea | WholeNumber | ShortText;

const enum State {
  Text,
  Open,
  Name,
  /** The rest of a start tag whose attributes do not matter: skipped to its `>`, quoted values at once. */
  TagRest,
  TagRestQuoted,
  Attributes,
  AttributeName,
  AfterAttributeName,
  BeforeValue,
  Value,
  Skip,
  Bang,
}

/**
 * The estimated cost of one or more XML parts, fed in chunks of bytes as they are inflated. Not a
 * parser: malformed XML gives an estimate too (exceljs then refuses the file itself).
 */
export class XmlCost {
  /** Estimated bytes of the elements seen so far. */
  cost = 0;
  /** `mergeCell` elements seen (exceljs compares every merge with every other). */
  merges = 0;

  private state = State.Text;
  private name = '';
  private attribute = '';
  private quote = 0;
  private terminator: readonly number[] = TO_GT;
  private matched = 0;
  private bang = '';
  private sink: Sink | null = null;
  /** The element whose attributes are being read, while it is one that is priced by an attribute. */
  private selfClosing = false;
  private priced: 'mergeCell' | 'dataValidation' | 'col' | 'definedName' | 'sheet' | null = null;
  private definedName: ShortText | null = null;
  /** A defined name's text, while it is being read. */
  private text: RangeArea | null = null;

  feed(bytes: Uint8Array): void {
    const length = bytes.length;
    let i = 0;
    while (i < length) {
      switch (this.state) {
        case State.Text: {
          const lt = bytes.indexOf(LT, i);
          const end = lt < 0 ? length : lt;
          this.text?.feed(bytes, i, end);
          if (lt < 0) return;
          i = lt + 1;
          this.state = State.Open;
          break;
        }
        case State.Open: {
          const byte = bytes[i]!;
          if (byte === SLASH) {
            this.endText();
            this.skipTo(TO_GT);
            i++;
          } else if (byte === QUESTION) {
            this.skipTo(TO_PI_END);
            i++;
          } else if (byte === BANG) {
            this.bang = '';
            this.state = State.Bang;
            i++;
          } else {
            this.endText();
            this.name = '';
            this.state = State.Name;
          }
          break;
        }
        case State.Bang: {
          this.bang += String.fromCharCode(bytes[i]!);
          i++;
          if (this.bang === '--') this.skipTo(TO_COMMENT_END);
          else if (this.bang === '[CDATA[') this.skipTo(TO_CDATA_END);
          else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang)) this.skipTo(TO_GT);
          break;
        }
        case State.Name: {
          let j = i;
          while (j < length) {
            const byte = bytes[j]!;
            if (isSpace(byte) || byte === SLASH || byte === GT) break;
            j++;
          }
          for (let k = i; k < j && this.name.length < 64; k++) this.name += String.fromCharCode(bytes[k]!);
          i = j;
          if (j < length) {
            this.startElement();
            this.state = this.priced === null ? State.TagRest : State.Attributes;
          }
          break;
        }
        case State.TagRest: {
          // The hot path (most tags): a tight loop to the `>`, jumping over quoted values.
          let state: State = State.TagRest;
          while (i < length) {
            const byte = bytes[i++]!;
            if (byte === GT) {
              state = State.Text;
              break;
            }
            if (byte === QUOTE || byte === APOSTROPHE) {
              const close = bytes.indexOf(byte, i);
              if (close < 0) {
                this.quote = byte;
                state = State.TagRestQuoted;
                i = length;
                break;
              }
              i = close + 1;
            }
          }
          this.state = state;
          break;
        }
        case State.TagRestQuoted: {
          const close = bytes.indexOf(this.quote, i);
          if (close < 0) return;
          i = close + 1;
          this.state = State.TagRest;
          break;
        }
        case State.Attributes: {
          const byte = bytes[i]!;
          i++;
          if (byte === GT) this.endStartTag();
          else if (byte === SLASH) this.selfClosing = true;
          else if (!isSpace(byte)) {
            this.selfClosing = false;
            this.attribute = String.fromCharCode(byte);
            this.state = State.AttributeName;
          }
          break;
        }
        case State.AttributeName: {
          const byte = bytes[i]!;
          if (byte === EQUALS) {
            this.state = State.BeforeValue;
            i++;
          } else if (isSpace(byte)) {
            this.state = State.AfterAttributeName;
            i++;
          } else if (byte === GT || byte === SLASH) {
            this.state = State.Attributes;
          } else {
            if (this.attribute.length < 64) this.attribute += String.fromCharCode(byte);
            i++;
          }
          break;
        }
        case State.AfterAttributeName: {
          const byte = bytes[i]!;
          if (byte === EQUALS) {
            this.state = State.BeforeValue;
            i++;
          } else if (isSpace(byte)) i++;
          else this.state = State.Attributes;
          break;
        }
        case State.BeforeValue: {
          const byte = bytes[i]!;
          if (byte === QUOTE || byte === APOSTROPHE) {
            this.quote = byte;
            this.sink = this.sinkFor(this.attribute);
            this.state = State.Value;
            i++;
          } else if (isSpace(byte)) i++;
          else this.state = State.Attributes;
          break;
        }
        case State.Value: {
          const close = bytes.indexOf(this.quote, i);
          const end = close < 0 ? length : close;
          this.sink?.feed(bytes, i, end);
          if (close < 0) return;
          this.endValue();
          i = close + 1;
          this.state = State.Attributes;
          break;
        }
        case State.Skip: {
          const terminator = this.terminator;
          const last = terminator.length - 1;
          let matched = this.matched;
          while (i < length) {
            const byte = bytes[i++]!;
            if (byte === terminator[matched]) {
              if (matched === last) {
                this.state = State.Text;
                break;
              }
              matched++;
            } else if (byte === terminator[0]) {
              // `--->` and `]]]>` still end their comment or section.
              matched = matched === 2 && last === 2 && terminator[1] === byte ? 2 : 1;
            } else {
              matched = 0;
              // Jump to the next byte that can begin the terminator.
              const next = bytes.indexOf(terminator[0]!, i);
              i = next < 0 ? length : next;
            }
          }
          this.matched = matched;
          break;
        }
      }
    }
  }

  /** Ends the input: a value or a text still open is priced as read so far. */
  end(): void {
    if (this.state === State.Value) this.endValue();
    this.endText();
  }

  private skipTo(terminator: readonly number[]): void {
    this.terminator = terminator;
    this.matched = 0;
    this.state = State.Skip;
  }

  private startElement(): void {
    const name = this.name;
    this.priced = null;
    this.selfClosing = false;
    if (name === 'c') this.cost += XML_COSTS.cell;
    else if (name === 'row') this.cost += XML_COSTS.row;
    else if (name === 'si') this.cost += XML_COSTS.sharedString;
    else if (CELL_PARTS.has(name)) this.cost += XML_COSTS.cellPart;
    else {
      this.cost += XML_COSTS.element;
      if (name === 'mergeCell') this.merges++;
      if (name === 'mergeCell' || name === 'dataValidation' || name === 'col' || name === 'definedName' || name === 'sheet') {
        this.priced = name;
      }
      if (name === 'definedName') this.definedName = new ShortText();
    }
  }

  private sinkFor(attribute: string): Sink | null {
    switch (this.priced) {
      case 'mergeCell':
        return attribute === 'ref' ? new RangeArea() : null;
      case 'dataValidation':
        return attribute === 'sqref' ? new RangeArea() : null;
      case 'col':
        return attribute === 'max' ? new WholeNumber() : null;
      case 'sheet':
        return attribute === 'sheetId' ? new WholeNumber() : null;
      case 'definedName':
        return attribute === 'name' ? this.definedName : null;
      default:
        return null;
    }
  }

  private endValue(): void {
    const sink = this.sink;
    this.sink = null;
    if (sink instanceof RangeArea) {
      sink.close();
      this.cost += sink.cells * XML_COSTS.rangeCell;
      // A merged range's cells are made through their rows, each a row object if there was none.
      if (this.priced === 'mergeCell') this.cost += sink.rows * XML_COSTS.row;
    } else if (sink instanceof WholeNumber) {
      this.cost += sink.value * (this.priced === 'sheet' ? XML_COSTS.sheetIndex : XML_COSTS.column);
    }
  }

  private endStartTag(): void {
    if (this.priced === 'definedName' && !this.selfClosing && !PAGE_SETUP_NAMES.has(this.definedName?.text ?? '')) {
      this.text = new RangeArea();
    }
    this.priced = null;
    this.definedName = null;
    this.state = State.Text;
  }

  private endText(): void {
    const text = this.text;
    if (text === null) return;
    this.text = null;
    text.close();
    this.cost += text.cells * XML_COSTS.rangeCell;
  }
}
