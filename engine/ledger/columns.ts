/**
 * Header matching for ledger and indicator files: names are matched without regard to case,
 * surrounding spaces or Norwegian letters (`beløp` = `belop` = `BELØP`), in Norwegian or English.
 * A header naming one column twice (`beløp` and `amount`) is a problem naming it (CONTRACTS §2).
 */
import { problem, type Lang, type Problem } from '../messages/problems.js';

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
  /** Each known column the header names again after its first place (the first place is the one used). */
  readonly duplicates: readonly HeaderDuplicate<K>[];
}

/** A known column named twice in a header: where it stands first and again, and both names as written. */
export interface HeaderDuplicate<K extends string> {
  readonly key: K;
  /** Column positions, 1 = the first column. */
  readonly first: number;
  readonly second: number;
  readonly firstLabel: string;
  readonly secondLabel: string;
}

/** Maps a header row to known columns through an alias table (canonical key → folded aliases). */
export function mapHeader<K extends string>(header: readonly string[], aliases: Record<K, readonly string[]>): HeaderMap<K> {
  const index: Partial<Record<K, number>> = {};
  const label = {} as Record<K, string>;
  const duplicates: HeaderDuplicate<K>[] = [];
  for (const key of Object.keys(aliases) as K[]) label[key] = aliases[key][0]!;
  header.forEach((raw, i) => {
    const folded = foldHeader(raw);
    const written = raw.replace(/^\uFEFF/, '').trim();
    for (const key of Object.keys(aliases) as K[]) {
      if (!aliases[key].includes(folded)) continue;
      const first = index[key];
      if (first === undefined) {
        index[key] = i;
        label[key] = written;
      } else {
        duplicates.push({ key, first: first + 1, second: i + 1, firstLabel: label[key], secondLabel: written });
      }
    }
  });
  return { index, label, width: header.length, duplicates };
}

/**
 * One `duplicate_column` problem per column the header names twice, at line 1 (or the header row
 * of a sheet), naming the second name as written; the expectation names both places.
 */
export function duplicateColumnProblems<K extends string>(
  file: string,
  header: HeaderMap<K>,
  lang: Lang,
  sheet?: string,
  line = 1,
): Problem[] {
  return header.duplicates.map((d) =>
    problem(
      'duplicate_column',
      { file, ...(sheet === undefined ? {} : { sheet }), line, column: d.secondLabel, value: null },
      lang,
      lang === 'nb'
        ? { first: `${d.first} «${d.firstLabel}»`, second: `${d.second} «${d.secondLabel}»` }
        : { first: `${d.first} “${d.firstLabel}”`, second: `${d.second} “${d.secondLabel}”` },
    ),
  );
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
  // Written by `workbook` for lines of the state accounts and SAF-T (CONTRACTS §7, §8), so a
  // line not placed yet can be placed by the rules when its shares are set, and a re-import of
  // the same file is recognised.
  konto: ['konto', 'account'],
  virksomhet: ['virksomhet', 'organisation', 'organization'],
  dimensjon: ['dimensjon', 'dimension'],
  kildenokkel: ['kildenokkel', 'source key'],
  // Issue 12: a commitment's due date or year, and who it was given to under which case (text).
  forfall: ['forfall', 'due', 'due date', 'forfallsdato'],
  mottaker: ['mottaker', 'recipient'],
  saksnummer: ['saksnummer', 'case number', 'case'],
} as const satisfies Record<string, readonly string[]>;

/** A ledger column key. */
export type LedgerColumn = keyof typeof LEDGER_COLUMNS;
