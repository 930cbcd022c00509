/**
 * Occurrence counts per line content, for recognising duplicates across ledger files.
 *
 * A ledger of a million lines has about a million distinct contents. Held as a Map of objects (or
 * even as a million retained key strings) they cost more time in garbage collection and more
 * memory than all the rest of reading the file. Here they live in an open-addressing hash table
 * over flat typed arrays: the counts in Int32Arrays and the keys' UTF-16 code units appended to one
 * growing Uint16Array, so a content costs no JavaScript object at all.
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

function grownInt(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/** Counts per content: imported from earlier files, and in the file being read. */
export class ContentCounts {
  private count = 0;
  private hashes = new Int32Array(1024);
  /** Where each key's code units start in `chars`; key i ends where key i + 1 starts. */
  private starts = new Int32Array(1025);
  private chars = new Uint16Array(65536);
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
    return this.count;
  }

  /** The id of a content (stable for the table's life), added with zero counts if new. */
  idOf(key: string): number {
    const hash = hashOf(key);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.keyEquals(id, key)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count;
    if (id + 1 >= this.hashes.length) this.growEntries();
    this.storeKey(id, key);
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    this.count++;
    if (this.count * 2 > this.table.length) this.growTable();
    return id;
  }

  private keyEquals(id: number, key: string): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private storeKey(id: number, key: string): void {
    const start = this.starts[id]!;
    const end = start + key.length;
    if (end > this.chars.length) {
      const next = new Uint16Array(Math.max(end, this.chars.length * 2));
      next.set(this.chars);
      this.chars = next;
    }
    for (let i = 0; i < key.length; i++) this.chars[start + i] = key.charCodeAt(i);
    this.starts[id + 1] = end;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grownInt(this.hashes, size);
    this.starts = grownInt(this.starts, size + 1);
    this.imported = grownInt(this.imported, size);
    this.inFile = grownInt(this.inFile, size);
    this.firstLine = grownInt(this.firstLine, size);
  }

  private growTable(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}
