/**
 * Header matching for ledger and indicator files: names are matched without regard to case,
 * surrounding spaces or Norwegian letters (`beløp` = `belop` = `BELØP`), in Norwegian or English.
 */

/** Folds a header name: trimmed, lower case, æ/ø/å to ASCII, BOM removed. */
export function foldHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/\s+/g, ' ');
}

/** Where each known column stands in a header, and the header's own words for error messages. */
export interface HeaderMap<K extends string> {
  readonly index: Partial<Record<K, number>>;
  /** The column name as the user wrote it (for messages), or the canonical name. */
  readonly label: Record<K, string>;
  readonly width: number;
}

/** Maps a header row to known columns through an alias table (canonical key → folded aliases). */
export function mapHeader<K extends string>(header: readonly string[], aliases: Record<K, readonly string[]>): HeaderMap<K> {
  const index: Partial<Record<K, number>> = {};
  const label = {} as Record<K, string>;
  for (const key of Object.keys(aliases) as K[]) label[key] = aliases[key][0]!;
  header.forEach((raw, i) => {
    const folded = foldHeader(raw);
    for (const key of Object.keys(aliases) as K[]) {
      if (index[key] === undefined && aliases[key].includes(folded)) {
        index[key] = i;
        label[key] = raw.replace(/^\uFEFF/, '').trim();
      }
    }
  });
  return { index, label, width: header.length };
}

/** The ledger's columns and their folded aliases (CONTRACTS §2). */
export const LEDGER_COLUMNS = {
  dato: ['dato', 'date'],
  bilag: ['bilag', 'voucher'],
  virkemiddel: ['virkemiddel', 'instrument'],
  kapittel: ['kapittel', 'chapter'],
  post: ['post'],
  type: ['type', 'kind'],
  belop: ['belop', 'amount'],
  referanse: ['referanse', 'reference'],
  ar: ['ar', 'year', 'budsjettar'],
  tekst: ['tekst', 'text', 'description'],
} as const satisfies Record<string, readonly string[]>;

/** A ledger column key. */
export type LedgerColumn = keyof typeof LEDGER_COLUMNS;
