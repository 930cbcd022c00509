/**
 * Occurrence counts per line content, for recognising duplicates across ledger files.
 *
 * A ledger of a million lines has about a million distinct contents. Held as a Map of objects they
 * cost more time (garbage collection of a million long-lived objects) and memory than all the rest
 * of reading the file; here they live in an open-addressing hash table over flat typed arrays, and
 * only the key strings themselves are objects.
 */

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/** Counts per content: imported from earlier files, and in the file being read. */
export class ContentCounts {
  private keys: string[] = [];
  private hashes = new Int32Array(1024);
  /** How many lines of each content were imported from earlier files. */
  imported = new Int32Array(1024);
  /** How many lines of each content the file being read holds so far. */
  inFile = new Int32Array(1024);
  /** The first line of each content in the file being read. */
  firstLine = new Int32Array(1024);
  private table = new Int32Array(2048);
  private mask = 2047;

  /** The number of distinct contents. */
  get size(): number {
    return this.keys.length;
  }

  /** The id of a content (stable for the table's life), added with zero counts if new. */
  idOf(key: string): number {
    const hash = hashOf(key);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.keys[id] === key) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.keys.length;
    if (id === this.hashes.length) this.growEntries();
    this.keys.push(key);
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    if (this.keys.length * 2 > this.table.length) this.growTable();
    return id;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, size);
    this.imported = grown(this.imported, size);
    this.inFile = grown(this.inFile, size);
    this.firstLine = grown(this.firstLine, size);
  }

  private growTable(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.keys.length; id++) {
      let slot = this.hashes[id]! & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}
