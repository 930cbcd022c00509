/**
 * Occurrence counts per line content, for recognising duplicates across ledger files.
 *
 * A ledger of a million lines has about a million distinct contents. Held as a Map of objects (or
 * even as a million retained key strings) they cost more time in garbage collection and more
 * memory than all the rest of reading the file. Here they live in an open-addressing hash table
 * over flat typed arrays: the counts in Int32Arrays and each content written as a short run of
 * UTF-16 code units appended to one growing Uint16Array, so a content costs no JavaScript object.
 *
 * A content (CONTRACTS §2: voucher, date, instrument, kind, amount, reference) is written as a
 * key by `begin` and the `write…` calls, in this order and nowhere else, so that the fast
 * path (which writes straight from a line's characters) and the general path (which writes from a
 * `LedgerLine`) give the same key for the same content:
 * voucher (length-prefixed), year, month, day, instrument code, kind code, amount (sign, group
 * count, 16-bit groups of the magnitude in thousandths of a krone, low first), reference and source
 * (each length-prefixed). Every variable
 * part carries its length, so no two contents share a key, whatever characters a voucher holds.
 */

import type { LedgerLine } from './line.js';

/** The code a kind (`EntryKind`) is written as in keys. */
export const KIND_CODES = { utbetaling: 0, tilsagn: 1, annullering: 2 } as const;

const FNV_PRIME = 0x01000193;
const TWO_16 = 65536;
const TWO_32 = 4294967296;
const TWO_48 = 281474976710656;

function grownInt(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/** Counts per content: imported from earlier files, and in the file being read. */
export class ContentCounts {
  private count = 0;
  /** Slots of (hash, id + 1) side by side, so a probe touches one place in memory, not two. */
  private table = new Int32Array(4096);
  private mask = 2047;
  /** Where each key's code units start in `chars`; key i ends where key i + 1 starts. */
  private starts = new Int32Array(1025);
  /**
   * The keys' code units, one after another. The key being written goes straight after the last
   * one, from `starts[size]` to `keyEnd`: kept (by moving `starts[size + 1]` to `keyEnd`) when it is
   * new, overwritten by the next key when it is not, so a key is never copied.
   */
  private chars = new Uint16Array(65536);
  private keyEnd = 0;
  /** The running 32-bit FNV-1a hash of the key being written, updated as each code unit is written. */
  private hash = 0;
  /** A small number for each instrument id, so a key holds one code unit for it. */
  private readonly instrumentCodes = new Map<string, number>();
  /** How many lines of each content were imported from earlier files. */
  imported = new Int32Array(1024);
  /** How many lines of each content the file being read holds so far. */
  inFile = new Int32Array(1024);
  /** The first line of each content in the file being read. */
  firstLine = new Int32Array(1024);

  /** The number of distinct contents. */
  get size(): number {
    return this.count;
  }

  /** The code an instrument id is written as in keys (stable for the table's life). */
  instrumentCode(id: string): number {
    let code = this.instrumentCodes.get(id);
    if (code === undefined) {
      code = this.instrumentCodes.size;
      // LIMITATION: 65 536 distinct instrument ids per ledger; a plan holds a dozen.
      if (code >= TWO_16) throw new RangeError('too many instruments');
      this.instrumentCodes.set(id, code);
    }
    return code;
  }

  /** Starts a new key. */
  begin(): void {
    this.keyEnd = this.starts[this.count]!;
    this.hash = 0x811c9dc5;
  }

  /** The code units, with room for n more after the key being written. */
  private room(n: number): Uint16Array {
    if (this.keyEnd + n > this.chars.length) {
      const next = new Uint16Array(Math.max(this.keyEnd + n, this.chars.length * 2));
      next.set(this.chars.subarray(0, this.keyEnd));
      this.chars = next;
    }
    return this.chars;
  }

  /** Writes text[start..end) with its length in front. */
  writeText(text: string, start: number, end: number): void {
    const length = end - start;
    const key = this.room(length + 2);
    let k = this.keyEnd;
    let hash = this.hash;
    key[k++] = length >>> 16;
    key[k++] = length & 0xffff;
    hash = Math.imul(Math.imul(hash ^ (length >>> 16), FNV_PRIME) ^ (length & 0xffff), FNV_PRIME);
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      key[k++] = c;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    this.keyEnd = k;
    this.hash = hash;
  }

  /** Writes one small whole number (0–65535): a year, month, day, instrument or kind code. */
  writeCode(code: number): void {
    this.room(1)[this.keyEnd++] = code;
    this.hash = Math.imul(this.hash ^ code, FNV_PRIME);
  }

  /** Writes an amount in øre given as a safe integer (the fast path's reading). */
  writeAmount(ore: number): void {
    const key = this.room(6);
    let k = this.keyEnd;
    const negative = ore < 0;
    // Exact: the magnitude is a safe integer and every step divides by a power of two.
    let rest = negative ? -ore : ore;
    const count = rest === 0 ? 0 : rest < TWO_16 ? 1 : rest < TWO_32 ? 2 : rest < TWO_48 ? 3 : 4;
    key[k++] = negative ? 1 : 0;
    key[k++] = count;
    let hash = Math.imul(Math.imul(this.hash ^ (negative ? 1 : 0), FNV_PRIME) ^ count, FNV_PRIME);
    for (let g = 0; g < count; g++) {
      const group = rest % TWO_16;
      key[k++] = group;
      hash = Math.imul(hash ^ group, FNV_PRIME);
      rest = (rest - group) / TWO_16;
    }
    this.keyEnd = k;
    this.hash = hash;
  }

  /** Writes an amount in øre given as a bigint, exactly as `writeAmount` writes a safe integer. */
  writeAmountBig(ore: bigint): void {
    if (ore >= -9007199254740991n && ore <= 9007199254740991n) {
      this.writeAmount(Number(ore));
      return;
    }
    const negative = ore < 0n;
    let rest = negative ? -ore : ore;
    const groups: number[] = [];
    while (rest > 0n) {
      groups.push(Number(rest & 0xffffn));
      rest >>= 16n;
    }
    this.writeCode(negative ? 1 : 0);
    this.writeCode(groups.length);
    for (const group of groups) this.writeCode(group);
  }

  /** The id of the key just written (stable for the table's life), added with zero counts if new. */
  idOfKey(): number {
    const keyStart = this.starts[this.count]!;
    const keyEnd = this.keyEnd;
    // A final mix of the running hash, so the low bits (the slot) spread well.
    const hash = (this.hash ^ (this.hash >>> 16)) | 0;
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) break;
      if (table[2 * slot] === hash && this.keyEquals(entry - 1, keyStart, keyEnd)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if (id + 1 >= this.imported.length) this.growEntries();
    this.starts[id + 1] = keyEnd;
    table[2 * slot] = hash;
    table[2 * slot + 1] = id + 1;
    this.count++;
    if (this.count * 2 > mask + 1) this.growTable();
    return id;
  }

  private keyEquals(id: number, keyStart: number, keyEnd: number): boolean {
    const start = this.starts[id]!;
    const length = keyEnd - keyStart;
    if (this.starts[id + 1]! - start !== length) return false;
    const chars = this.chars;
    for (let i = 0; i < length; i++) if (chars[start + i] !== chars[keyStart + i]) return false;
    return true;
  }

  private growEntries(): void {
    const size = this.imported.length * 2;
    this.starts = grownInt(this.starts, size + 1);
    this.imported = grownInt(this.imported, size);
    this.inFile = grownInt(this.inFile, size);
    this.firstLine = grownInt(this.firstLine, size);
  }

  private growTable(): void {
    const old = this.table;
    const slots = old.length; // twice the old slot count
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += 2) {
      const entry = old[s + 1]!;
      if (entry === 0) continue;
      const hash = old[s]!;
      let slot = hash & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** The id of a line's content (CONTRACTS §2), written in the order above; the fast path writes the same from the line's text. */
export function contentId(seen: ContentCounts, line: LedgerLine): number {
  const date = line.date;
  seen.begin();
  seen.writeText(line.voucher, 0, line.voucher.length);
  seen.writeCode(Number(date.slice(0, 4)));
  seen.writeCode(Number(date.slice(5, 7)));
  seen.writeCode(Number(date.slice(8, 10)));
  // A line not placed yet (no instrument) has the code of '', which no instrument id is.
  seen.writeCode(seen.instrumentCode(line.instrument ?? ''));
  seen.writeCode(KIND_CODES[line.kind]);
  seen.writeAmountBig(line.amount);
  seen.writeText(line.reference, 0, line.reference.length);
  const source = line.source ?? '';
  seen.writeText(source, 0, source.length);
  // An instalment's due date is part of its content; a line without one is written as before (the fast path's lines have none).
  if (line.due !== undefined) seen.writeText(line.due, 0, line.due.length);
  return seen.idOfKey();
}
