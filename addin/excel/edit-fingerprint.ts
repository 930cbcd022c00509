/**
 * Hand-edit detection: what IA Planner last wrote into a table is kept in the workbook's settings
 * (header, row count and a fingerprint of the body), and a write compares the table as it is now
 * with that record before it changes a cell.
 */

/** The version tag of `ContentFingerprint`'s digests; a record with another tag is not compared. */
export const FINGERPRINT_VERSION = 'f1';

/**
 * A stable 64-bit fingerprint of a table body's cells, fed row by row, to notice hand edits. Not
 * cryptographic (nobody forges an edit to slip past it), but built for speed: it walks each cell's
 * text once with two independent 32-bit multiply-xor lanes, without building one large string or
 * byte array, so 100 000 rows of ten columns hash in well under a second in the task pane. Each
 * cell is framed by its type and length, so ["ab", "c"] and ["a", "bc"] differ, and 1 differs from
 * "1"; the digest includes the number of rows and columns.
 */
export class ContentFingerprint {
  private a = 0x811c9dc5;
  private b = 0x2545f491;
  private rows = 0;
  private cells = 0;

  /** Adds a row; only its first `columns` cells count (all of them when omitted). */
  addRow(row: readonly unknown[], columns = row.length): void {
    for (let i = 0; i < columns; i++) this.addCell(row[i]);
    this.mix(0x1e);
    this.rows++;
  }

  /** Adds rows, each cut to `columns` cells when given. */
  addRows(rows: readonly (readonly unknown[])[], columns?: number): void {
    for (const row of rows) this.addRow(row, columns ?? row.length);
  }

  /** `f1:` and 16 hex digits. */
  digest(): string {
    const a = fmix(this.a ^ Math.imul(this.rows, 0x9e3779b1));
    const b = fmix(this.b ^ Math.imul(this.cells, 0x85ebca77) ^ a);
    return `${FINGERPRINT_VERSION}:${hex(a)}${hex(b)}`;
  }

  private addCell(value: unknown): void {
    this.cells++;
    let text: string;
    let tag: number;
    if (value === null || value === undefined) {
      tag = 0x65; // e
      text = '';
    } else if (typeof value === 'number') {
      tag = 0x6e; // n
      text = String(value);
    } else if (typeof value === 'boolean') {
      tag = 0x62; // b
      text = value ? '1' : '0';
    } else if (typeof value === 'string') {
      tag = 0x73; // s
      text = value;
    } else {
      tag = 0x6f; // o
      text = JSON.stringify(value) ?? '';
    }
    this.mix(tag);
    this.mix(text.length);
    for (let i = 0; i < text.length; i++) this.mix(text.charCodeAt(i));
  }

  private mix(code: number): void {
    this.a = Math.imul(this.a ^ code, 0x01000193);
    const b = Math.imul(this.b ^ code, 0x5bd1e995);
    this.b = b ^ (b >>> 13);
  }
}

/** The fingerprint of a whole set of rows (see `ContentFingerprint`). */
export function fingerprintOf(rows: readonly (readonly unknown[])[], columns?: number): string {
  const fingerprint = new ContentFingerprint();
  fingerprint.addRows(rows, columns);
  return fingerprint.digest();
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * What IA Planner last wrote into a table, kept in the workbook's settings to notice hand edits.
 * `fingerprint` is the `ContentFingerprint` of the body's `formulas` as Excel held them right after
 * the write (read back in the write's own requests, so Excel's normalisation of formulas and numbers
 * is in it); null in records from before fingerprints, which are checked by header and rows only.
 */
export interface TableRecord {
  readonly header: string[];
  readonly rows: number;
  readonly fingerprint: string | null;
}

/** The key of a table's record in the workbook's settings. */
export function recordKey(table: string): string {
  return `IAPlanner.table.${table}`;
}

/** The record of a write: the header, the body's rows in Excel and the fingerprint of the body read back. */
export function recordOf(header: string[], bodyRows: number, readBack: readonly (readonly (readonly unknown[])[])[]): string {
  const fingerprint = new ContentFingerprint();
  for (const rows of readBack) fingerprint.addRows(rows, header.length);
  const record: TableRecord = { header, rows: bodyRows, fingerprint: fingerprint.digest() };
  return JSON.stringify(record);
}

/** A table's record from its setting, or null when there is none or it is damaged. */
export function readRecord(setting: Excel.Setting): TableRecord | null {
  if (setting.isNullObject || typeof setting.value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(setting.value);
    if (typeof parsed === 'object' && parsed !== null && 'rows' in parsed && typeof parsed.rows === 'number') {
      const header = 'header' in parsed && Array.isArray(parsed.header) ? parsed.header.map(String) : [];
      const fingerprint =
        'fingerprint' in parsed &&
        typeof parsed.fingerprint === 'string' &&
        parsed.fingerprint.startsWith(`${FINGERPRINT_VERSION}:`)
          ? parsed.fingerprint
          : null;
      return { header, rows: parsed.rows, fingerprint };
    }
  } catch {
    // A damaged record is as good as none: the header check still protects the table.
  }
  return null;
}

/**
 * Whether an existing header is ours: the same as the new one, or a prefix of it (a newer IA Planner
 * adds columns at the end) that matches what we recorded, if anything was recorded.
 */
function isUpgradeOf(old: readonly string[], next: readonly string[], record: TableRecord | null): boolean {
  if (old.length > next.length || old.some((name, i) => name !== next[i])) return false;
  if (old.length === next.length) return true;
  return record === null || record.header.join('\u0000') === old.join('\u0000');
}

/** Whether the header or the number of body rows changed since the record (checked before the cells are read). */
export function isShapeEdited(
  oldHeader: readonly string[],
  header: readonly string[],
  oldBodyRows: number,
  record: TableRecord | null,
): boolean {
  const headerChanged = !isUpgradeOf(oldHeader, header, record);
  const rowsChanged = record !== null && record.rows !== oldBodyRows;
  return headerChanged || rowsChanged;
}

/**
 * Whether the body of an existing table differs from what IA Planner recorded after its last write
 * (same header and row count, other contents: a user changed a frame's amount). `snapshot` is the
 * table's old range from its header row down, in its old columns; a record without a fingerprint
 * (written by an older IA Planner) is not compared.
 *
 * LIMITATION: the fingerprint covers the body's formulas and constants only. A change of number
 * formats, validation, conditional formats or fonts, of the totals row, or of cells outside the
 * table is not an edit; nor is an edit a co-author makes between this check and the write (the
 * check and the write are one `Excel.run`, but several requests).
 */
export function isContentEdited(
  record: TableRecord | null,
  snapshot: readonly (readonly unknown[])[] | null,
  oldBodyRows: number,
  oldColumns: number,
): boolean {
  const recorded = record?.fingerprint;
  if (!recorded || !snapshot || record.rows !== oldBodyRows) return false;
  return fingerprintOf(snapshot.slice(1, 1 + oldBodyRows), oldColumns) !== recorded;
}
