/**
 * UTF-16 text (CONTRACTS §7): Excel's "Unicode text" export is UTF-16 LE with a byte-order mark,
 * TAB-separated; a file is taken as UTF-16 only by its byte-order mark, never by a guess. The
 * decoder is streaming and exact across chunk boundaries (a code unit split between chunks, a
 * surrogate pair split between chunks), and it never guesses a character: an unpaired surrogate or
 * an odd final byte is decoded as U+FFFD and noted as a fault with the line it stands on, so the
 * ledger can refuse the file naming each such line (as it does for bad UTF-8 bytes, §2).
 */

/** The UTF-16 encodings, as a byte-order mark declares them. */
export type Utf16Encoding = 'utf-16le' | 'utf-16be';

/** The UTF-16 encoding a file's first bytes declare by their byte-order mark (FF FE: LE, FE FF: BE), or null. */
export function utf16Encoding(head: Uint8Array): Utf16Encoding | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** A line holding code units that are not UTF-16 text: the line (1 = the first) and those units, as `0xD800`. */
export interface Utf16Fault {
  readonly line: number;
  /** The bad code units of the line (a lone final byte as `0x41`), at most `FAULTS_PER_LINE`, then `…`. */
  readonly value: string;
}

/** How many lines with faults are kept (the rest are only counted): memory stays bounded. */
export const MAX_KEPT_FAULT_LINES = 1000;

/** How many bad code units of one line are named. */
const FAULTS_PER_LINE = 8;

const REPLACEMENT = 0xfffd;

function hex(unit: number, digits: number): string {
  return `0x${unit.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/**
 * Decodes UTF-16 chunk by chunk. Each call returns the text of the whole code units received so
 * far that are not held back (a lone byte at a chunk's end, a high surrogate at a chunk's end
 * waiting for its low half); `end` flushes them. A leading byte-order mark is dropped. Lines are
 * counted by line feeds (U+000A), as the CSV reader numbers them. Faults are kept for the first
 * `MAX_KEPT_FAULT_LINES` lines that have any and counted beyond, so memory stays bounded.
 */
export class Utf16Decoder {
  private readonly littleEndian: boolean;
  private readonly text: TextDecoder;
  /** Whether the decoder reads the file's byte order itself (else big-endian units are swapped first). */
  private readonly native: boolean;
  /** Bytes held back, in the file's order: a high surrogate waiting for its partner, a lone byte. */
  private pending: Uint8Array = new Uint8Array(0);
  private first = true;
  private line = 1;
  private ended = false;
  private readonly kept: { line: number; units: string[] }[] = [];
  private lastFaultLine = 0;
  private faultLineCount = 0;

  /** `swapBigEndian` reads UTF-16 BE as a runtime without it does (tests use it to check that path). */
  constructor(
    readonly encoding: Utf16Encoding,
    swapBigEndian = false,
  ) {
    this.littleEndian = encoding === 'utf-16le';
    let text: TextDecoder;
    let native = true;
    try {
      if (swapBigEndian && !this.littleEndian) throw new RangeError('swap');
      text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    } catch {
      // A runtime without UTF-16 BE (Node built with small ICU): swap the bytes and read LE.
      text = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });
      native = false;
    }
    this.text = text;
    this.native = native;
  }

  /** The lines with faults, in order: the first `MAX_KEPT_FAULT_LINES` of them (`faultLines` counts them all). */
  faults(): Utf16Fault[] {
    return this.kept.map((f) => ({
      line: f.line,
      value: f.units.length > FAULTS_PER_LINE ? `${f.units.slice(0, FAULTS_PER_LINE).join(' ')} …` : f.units.join(' '),
    }));
  }

  /** How many lines hold a fault (kept or not). */
  get faultLines(): number {
    return this.faultLineCount;
  }

  /** Decodes the next chunk; `end` flushes what was held back (a lone byte or high surrogate is then a fault). */
  decode(chunk: Uint8Array, end = false): string {
    if (this.ended) return '';
    let bytes = chunk;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
    }
    let whole = bytes.length & ~1;
    // A high surrogate last may be completed by the next chunk: hold it back.
    if (!end && whole >= 2 && isHighSurrogate(this.unitAt(bytes, whole - 2))) whole -= 2;
    // A copy: the caller may reuse the chunk's buffer for the next chunk.
    this.pending = bytes.slice(whole);
    let start = 0;
    if (this.first && whole >= 2) {
      this.first = false;
      if (this.unitAt(bytes, 0) === 0xfeff) start = 2;
    }
    const units = this.native ? bytes.subarray(start, whole) : swapped(bytes, start, whole);
    // Decoded without streaming: every surrogate pair is whole here, so output unit k is input
    // unit k (an unpaired surrogate becomes one U+FFFD), and a fault's unit is found by its index.
    const out = this.text.decode(units);
    this.scan(out, units, this.native && !this.littleEndian);
    if (!end) return out;
    this.ended = true;
    if (this.pending.length === 0) return out;
    // An odd byte count: the last byte is half a code unit.
    this.fault(this.line, hex(this.pending[0]!, 2));
    this.pending = new Uint8Array(0);
    return `${out}\uFFFD`;
  }

  /** The code unit at byte `i` of `bytes` in the file's byte order. */
  private unitAt(bytes: Uint8Array, i: number): number {
    return this.littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }

  /** Counts the line feeds of `out` and notes each U+FFFD that stands for a bad unit (not a U+FFFD of the file). */
  private scan(out: string, units: Uint8Array, bigEndian: boolean): void {
    let bad = out.indexOf('\uFFFD');
    let pos = 0;
    for (;;) {
      const stop = bad < 0 ? out.length : bad;
      for (let nl = out.indexOf('\n', pos); nl >= 0 && nl < stop; nl = out.indexOf('\n', nl + 1)) this.line++;
      if (bad < 0) return;
      const unit = bigEndian ? (units[2 * bad]! << 8) | units[2 * bad + 1]! : units[2 * bad]! | (units[2 * bad + 1]! << 8);
      if (unit !== REPLACEMENT) this.fault(this.line, hex(unit, 4));
      pos = bad;
      bad = out.indexOf('\uFFFD', bad + 1);
    }
  }

  private fault(line: number, value: string): void {
    if (line !== this.lastFaultLine) {
      this.lastFaultLine = line;
      this.faultLineCount++;
      if (this.kept.length < MAX_KEPT_FAULT_LINES) this.kept.push({ line, units: [] });
    }
    const last = this.kept[this.kept.length - 1];
    if (last === undefined || last.line !== line) return;
    // One more than is shown, so `faults` knows to add `…`.
    if (last.units.length <= FAULTS_PER_LINE) last.units.push(value);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** bytes[start..end) with each pair's bytes swapped: big-endian code units as little-endian bytes. */
function swapped(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start, o = 0; i < end; i += 2, o += 2) {
    out[o] = bytes[i + 1]!;
    out[o + 1] = bytes[i]!;
  }
  return out;
}
