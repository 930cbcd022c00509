/**
 * Bytes to text for ledger and indicator files: UTF-8 with or without BOM, else Windows-1252 (as
 * many Norwegian accounting exports are). Binary files are recognised and refused, and so is a file
 * that is UTF-8 but for some bytes (CONTRACTS §2): reading it as Windows-1252 would turn its æ, ø
 * and å into other letters, so the bad bytes are named by line instead.
 */
import { problem, type Lang, type Problem } from '../messages/problems.js';

/** The encodings we read. */
export type Encoding = 'utf-8' | 'windows-1252';

// Windows-1252 differs from Latin-1 only in 0x80–0x9F, so that range is this table's and every
// other byte is the Latin-1 character of the same code. We keep our own table because Node's
// TextDecoder('windows-1252') cannot be trusted with it: Node 20.20 (ICU 78.2) decodes 0x80–0x9F
// as Latin-1, giving C1 control codes for €, dashes and curly quotes. The five bytes Windows-1252
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to U+FFFD, not to the C1 controls the
// WHATWG index gives them: a damaged character then shows in the sheet instead of hiding there.
// test/engine/decode-windows-1252.test.ts pins every byte of the range.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/**
 * The runtime's own single-byte decoder ('latin1' is Windows-1252 by the WHATWG label table), for
 * speed (a 134 MB state-accounts file in 0.6 s instead of 3 s): whatever it makes of 0x80–0x9F (the
 * C1 controls under Node 20.20, the right characters elsewhere) is put right by the table, so the
 * result is the table's on every runtime. Null where the runtime has none.
 */
const NATIVE_LATIN1: TextDecoder | null = (() => {
  try {
    return new TextDecoder('latin1');
  } catch {
    return null;
  }
})();

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  if (NATIVE_LATIN1 !== null) {
    return NATIVE_LATIN1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) =>
      String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!),
    );
  }
  return decodeWindows1252Bytewise(bytes);
}

/** Decodes Windows-1252 bytes one by one through the table (where the runtime has no decoder). */
export function decodeWindows1252Bytewise(bytes: Uint8Array): string {
  let out = '';
  const step = 8192;
  for (let start = 0; start < bytes.length; start += step) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + step);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Whether the bytes look binary: a NUL byte in the first 8 KiB, as no text export has one. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The UTF-8 byte order mark. */
const BOM = [0xef, 0xbb, 0xbf];

/**
 * A streaming decoder that starts as strict UTF-8. `decode` throws `NotUtf8` when the bytes are
 * not UTF-8; the caller then scans the file (`Utf8Scan`) and reads it again as Windows-1252 only
 * when it holds no UTF-8 multi-byte sequence.
 */
export class ChunkDecoder {
  private readonly utf8: TextDecoder | null;
  private first = true;
  /** Leading bytes held back until it is known whether they begin with a BOM (chunks may be tiny). */
  private head: Uint8Array = new Uint8Array(0);

  constructor(readonly encoding: Encoding) {
    this.utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
  }

  /** Decodes the next chunk; `last` flushes. */
  decode(chunk: Uint8Array, last = false): string {
    let bytes = chunk;
    if (this.first) {
      let head = chunk;
      if (this.head.length > 0) {
        head = new Uint8Array(this.head.length + chunk.length);
        head.set(this.head);
        head.set(chunk, this.head.length);
      }
      if (!last && head.length < BOM.length && head.every((b, i) => b === BOM[i])) {
        this.head = head;
        return '';
      }
      this.first = false;
      this.head = new Uint8Array(0);
      bytes = BOM.every((b, i) => head[i] === b) ? head.subarray(BOM.length) : head;
    }
    if (!this.utf8) return decodeWindows1252(bytes);
    try {
      return this.utf8.decode(bytes, { stream: !last });
    } catch {
      throw new NotUtf8();
    }
  }
}

/** Thrown by `ChunkDecoder` when UTF-8 decoding fails: scan the file, then read it again as Windows-1252 or refuse it. */
export class NotUtf8 extends Error {
  constructor() {
    super('not UTF-8');
  }
}

/** A file's bytes as text, or why they cannot be read as text of one encoding. */
export type DecodedText =
  | { readonly text: string; readonly encoding: Encoding; readonly mixed: null }
  | { readonly text: null; readonly encoding: null; readonly mixed: MixedUtf8 };

/**
 * Decodes a whole file's bytes: UTF-8 if it is valid UTF-8; Windows-1252 if it holds no UTF-8
 * multi-byte sequence at all; else neither (`mixed` says where the bytes that are not UTF-8 are).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: new ChunkDecoder('utf-8').decode(bytes, true), encoding: 'utf-8', mixed: null };
  } catch {
    const mixed = scanUtf8([bytes]);
    if (mixed !== null) return { text: null, encoding: null, mixed };
    return { text: new ChunkDecoder('windows-1252').decode(bytes, true), encoding: 'windows-1252', mixed: null };
  }
}

/** A line holding bytes that are not UTF-8: the line (1 = header) and each bad sequence's bytes. */
export interface Utf8Fault {
  readonly line: number;
  /** The bad sequences' bytes on the line, as `0xE9` (at most `FAULTS_PER_LINE`; `…` when more). */
  readonly bytes: string;
}

/** A file that is UTF-8 but for some bytes: its first UTF-8 character and every line with bad bytes. */
export interface MixedUtf8 {
  /** The first valid multi-byte sequence (a leading byte order mark does not count): line, character. */
  readonly utf8: { readonly line: number; readonly char: string };
  /** The lines with bytes that are not UTF-8, in order (empty when the scan did not collect them). */
  readonly faults: readonly Utf8Fault[];
  /** How many lines hold bytes that are not UTF-8. */
  readonly faultLines: number;
}

/** How many bad sequences of one line are named in its problem. */
const FAULTS_PER_LINE = 8;

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Scans bytes as UTF-8 (the WHATWG decoder's rules, so it agrees with `TextDecoder`'s fatal mode),
 * chunk by chunk (a sequence may straddle chunks), noting the first valid multi-byte sequence and
 * the lines of the bytes that are not UTF-8. Lines are counted by line feed bytes, as the CSV
 * reader numbers them.
 */
export class Utf8Scan {
  private line = 1;
  private offset = 0;
  private needed = 0;
  private seen = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private code = 0;
  /** Where the sequence being read began: its offset in the file, its line, its bytes. */
  private start = 0;
  private startLine = 1;
  private pending: number[] = [];
  /** In the chunk being scanned, the next line feed not counted in `line` yet (-1: none). */
  private nextNewline = -1;
  private utf8: { line: number; char: string } | null = null;
  private readonly faults: { line: number; bytes: string[] }[] = [];
  private faultLines = 0;
  private lastFaultLine = 0;

  /** `collect`: keep each line's bad bytes (false only counts them, for a first pass over a large file). */
  constructor(private readonly collect: boolean) {}

  /** Scans the next chunk. */
  push(bytes: Uint8Array): void {
    const n = bytes.length;
    // The ASCII between the bytes that matter is skipped four bytes at a time (a text file is
    // mostly ASCII, and a JavaScript loop over every byte of a large file is most of reading it),
    // and its line feeds are counted with indexOf only up to where a line is wanted.
    this.nextNewline = bytes.indexOf(10);
    const aligned = (4 - (bytes.byteOffset & 3)) & 3;
    const words = n - aligned >= 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + aligned, (n - aligned) >> 2) : null;
    for (let i = 0; i < n; i++) {
      const b = bytes[i]!;
      if (this.needed === 0) {
        if (b < 0x80) {
          i = skipAscii(bytes, words, aligned, i + 1) - 1;
          continue;
        }
        if (b >= 0xc2 && b <= 0xdf) {
          this.needed = 1;
          this.code = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
          this.needed = 2;
          this.code = b & 0x0f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
          this.needed = 3;
          this.code = b & 0x07;
        } else {
          this.fault(this.lineAt(bytes, i), [b]);
          continue;
        }
        this.start = this.offset + i;
        this.startLine = this.lineAt(bytes, i);
        this.pending = [b];
        continue;
      }
      if (b < this.lower || b > this.upper) {
        // The sequence ends before it is whole; the byte that ended it is read again on its own.
        this.fault(this.startLine, this.pending);
        this.reset();
        i--;
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.code = (this.code << 6) | (b & 0x3f);
      this.pending.push(b);
      if (++this.seen === this.needed) {
        // A byte order mark at the very start declares UTF-8 but is not text, so it does not count.
        if (this.utf8 === null && !(this.start === 0 && this.code === 0xfeff)) {
          this.utf8 = { line: this.startLine, char: String.fromCodePoint(this.code) };
        }
        this.reset();
      }
    }
    this.lineAt(bytes, n);
    this.offset += n;
  }

  /** The line of bytes[at] (at never less than at the last call for the chunk): its line feeds before it counted. */
  private lineAt(bytes: Uint8Array, at: number): number {
    let newline = this.nextNewline;
    while (newline >= 0 && newline < at) {
      this.line++;
      newline = bytes.indexOf(10, newline + 1);
    }
    this.nextNewline = newline;
    return this.line;
  }

  /** Ends the bytes: a sequence cut off by the end is not UTF-8. What was found, or null when the file is not mixed. */
  finish(): MixedUtf8 | null {
    if (this.needed > 0) this.fault(this.startLine, this.pending);
    this.reset();
    if (this.utf8 === null || this.faultLines === 0) return null;
    const faults = this.faults.map((f) => ({
      line: f.line,
      bytes: f.bytes.length > FAULTS_PER_LINE ? `${f.bytes.slice(0, FAULTS_PER_LINE).join(' ')} …` : f.bytes.join(' '),
    }));
    return { utf8: this.utf8, faults, faultLines: this.faultLines };
  }

  private reset(): void {
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
    this.code = 0;
  }

  private fault(line: number, bytes: readonly number[]): void {
    if (line !== this.lastFaultLine) {
      this.lastFaultLine = line;
      this.faultLines++;
      if (this.collect) this.faults.push({ line, bytes: [] });
    }
    if (!this.collect) return;
    const named = this.faults[this.faults.length - 1]!.bytes;
    // One more than is shown, so `finish` knows to add `…`.
    if (named.length <= FAULTS_PER_LINE) named.push(bytes.map(hex).join(' '));
  }
}

/**
 * The first index from `from` on whose byte is not ASCII (bytes.length when none): byte by byte to a
 * word boundary, then a word (`words`: the bytes from `aligned` on, as 32-bit words) at a time.
 */
function skipAscii(bytes: Uint8Array, words: Uint32Array | null, aligned: number, from: number): number {
  const n = bytes.length;
  let i = from;
  while (i < n && (i < aligned || ((i - aligned) & 3) !== 0)) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (words !== null && i < n) {
    let k = (i - aligned) >> 2;
    const count = words.length;
    while (k < count && (words[k]! & 0x80808080) === 0) k++;
    i = aligned + 4 * k;
  }
  while (i < n && bytes[i]! < 0x80) i++;
  return i;
}

/** Scans chunks of bytes as UTF-8 and collects every line with bad bytes; null when the file is not mixed. */
export function scanUtf8(chunks: Iterable<Uint8Array>): MixedUtf8 | null {
  const scan = new Utf8Scan(true);
  for (const chunk of chunks) scan.push(chunk);
  return scan.finish();
}

/** The problems of a file that is UTF-8 but for some bytes: one `invalid_utf8` per line with bad bytes. */
export function mixedUtf8Problems(file: string, mixed: MixedUtf8, lang: Lang): Problem[] {
  const code = `U+${mixed.utf8.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const params = { line: String(mixed.utf8.line), char: mixed.utf8.char, code };
  return mixed.faults.map((f) => problem('invalid_utf8', { file, line: f.line, column: null, value: f.bytes }, lang, params));
}

/** Past this many bytes without a line break, a piece is decoded anyway (a file of few, long lines). */
const MAX_CARRY = 4 << 20;

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}

/**
 * Cuts byte chunks after their last line feed, so each piece decodes to text that ends a line and
 * the CSV reader never has to join the end of one chunk's text to the next (a joined string is
 * slower to scan). A line feed byte never occurs inside a UTF-8 sequence or in Windows-1252 text
 * other than as a line feed, so decoding the pieces gives the same text as decoding the chunks.
 */
export class LineCutter {
  private carry: Uint8Array = new Uint8Array(0);

  /** The bytes to decode now (up to and including the last line feed), or null to wait for more. */
  cut(chunk: Uint8Array): Uint8Array | null {
    const newline = chunk.lastIndexOf(10);
    if (newline < 0) {
      const all = joined(this.carry, chunk.slice());
      if (all.length <= MAX_CARRY) {
        this.carry = all;
        return null;
      }
      this.carry = new Uint8Array(0);
      return all;
    }
    const piece = joined(this.carry, chunk.subarray(0, newline + 1));
    // A copy: the caller may reuse the chunk's buffer for the next chunk.
    this.carry = chunk.slice(newline + 1);
    return piece;
  }

  /** The bytes held back, to decode at the end. */
  rest(): Uint8Array {
    return this.carry;
  }
}
