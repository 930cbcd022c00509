/**
 * Bytes to text for ledger and indicator files: UTF-8 with or without BOM, else Windows-1252 (as
 * many Norwegian accounting exports are). Binary files are recognised and refused.
 */

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

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
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
 * not UTF-8; the caller then reads the file again as Windows-1252.
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

/** Thrown by `ChunkDecoder` when UTF-8 decoding fails: read again as Windows-1252. */
export class NotUtf8 extends Error {
  constructor() {
    super('not UTF-8');
  }
}

/** Decodes a whole file's bytes: UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    return { text: new ChunkDecoder('utf-8').decode(bytes, true), encoding: 'utf-8' };
  } catch {
    return { text: new ChunkDecoder('windows-1252').decode(bytes, true), encoding: 'windows-1252' };
  }
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
