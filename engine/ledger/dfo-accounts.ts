/**
 * DFØ's state accounts (`statsregnskapet_aar_YYYY.csv`, statsregnskapet.dfo.no) as ledger source
 * lines (CONTRACTS §7): one row is one disbursement of the month `Periode`, dated its last day,
 * counted against the budget year `År`, with `Beløp`'s three decimals kept exactly.
 *
 * The file is §2's CSV as far as bytes go (`;`, every field quoted, ISO-8859-1), so the ledger's
 * CSV reader splits it and this module reads the fields of one row. The rules (CONTRACTS §8)
 * decide what is in the plan: a chapter and post no rule names is outside, counted, never an
 * error; a row is checked only as far as placing it needs (a bad amount on a post outside the
 * plan is still a problem: the sum of what was left out must be right).
 */
import { daysInMonth, isoDate, type IsoDate } from '../calendar.js';
import { amountFitsCell, EXCEL_MAX_CELL_TEXT, hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import { parseAmountMilli } from '../money.js';
import { problem, type Lang, type ProblemCode } from '../messages/problems.js';
import { foldHeader } from './columns.js';
import type { PlacementKeys, SourceSink } from './source-line.js';

/**
 * The columns of DFØ's state-accounts file as published (FACTS.md, "File formats users bring"), in
 * DFØ's order, `Beløp` last. The reader needs only some of them (`COLUMNS`); the examples, tests
 * and bench write them all, as the real file has them.
 */
export const DFO_ACCOUNTS_HEADER: readonly string[] = [
  'År',
  'Periode',
  'Konto_no',
  'Konto',
  'Programområde_id',
  'Programområde',
  'Programkategori_id',
  'Programkategori',
  'Fagdepartement_id',
  'Fagdepartement',
  'Kapittel_id',
  'Kapittel',
  'Post_id',
  'Post',
  'Post_type',
  'Kontoklasse_id',
  'Kontoklasse',
  'Kontogruppe_id',
  'Kontogruppe',
  'Artskonto_id',
  'Artskonto',
  'Fagdepartement_Virksomhet_id',
  'Fagdepartement_Virksomhet',
  'Virksomhet_id',
  'Virksomhet',
  'Regnskapsfører_id',
  'Regnskapsfører',
  'Beløp',
];

/** The columns read, by their folded names. */
const COLUMNS = {
  year: 'ar',
  period: 'periode',
  postId: 'post_id',
  amount: 'belop',
  chapterId: 'kapittel_id',
  postName: 'post',
  account: 'artskonto_id',
  accountName: 'artskonto',
  organisation: 'virksomhet_id',
  organisationName: 'virksomhet',
  accountant: 'regnskapsforer_id',
} as const;

type Column = keyof typeof COLUMNS;

/** Whether a header row is the state accounts' (`År`, `Periode`, `Post_id` and `Beløp`). */
export function isDfoAccountsHeader(fields: readonly string[]): boolean {
  const folded = new Set(fields.map(foldHeader));
  return folded.has(COLUMNS.year) && folded.has(COLUMNS.period) && folded.has(COLUMNS.postId) && folded.has(COLUMNS.amount);
}

/** The columns in `COLUMNS`' order, the order their problems are reported in. */
const COLUMN_ORDER = Object.keys(COLUMNS) as Column[];

/** Whether text is exactly `length` ASCII digits (what `/^\d{length}$/` says, without a regex per row). */
function isDigits(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
  }
  return true;
}

/** The number of the ASCII digits text[from..to) (checked by `isDigits` before). */
function digitsValue(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** Reads the rows of one state-accounts file. */
export class DfoAccountsReader {
  private readonly at = {} as Record<Column, number>;
  private readonly label = {} as Record<Column, string>;
  private readonly width: number;
  /** The columns the header has, in `COLUMN_ORDER`, with where each stands: looked up once, not per row. */
  private readonly present: readonly Column[];
  /** Each month's last day (year × 100 + month), as rows of a year name the same twelve. */
  private readonly lastDays = new Map<number, IsoDate | null>();

  constructor(
    private readonly file: string,
    header: readonly string[],
    private readonly lang: Lang,
    /**
     * Whether the plan's rules name a row (most of the state accounts are outside the plan): such a
     * row is only summed as outside, so its texts are neither checked nor kept.
     */
    private readonly inPlan: (keys: PlacementKeys, year: number) => boolean = () => true,
  ) {
    const folded = header.map(foldHeader);
    for (const column of COLUMN_ORDER) {
      const i = folded.indexOf(COLUMNS[column]);
      this.at[column] = i;
      this.label[column] = i < 0 ? COLUMNS[column] : header[i]!.replace(/^\uFEFF/, '').trim();
    }
    this.present = COLUMN_ORDER.filter((column) => this.at[column] >= 0);
    this.width = header.length;
  }

  /** A column's text, trimmed: undefined when the header has no such column, '' when the row is short. */
  private text(fields: readonly string[], column: Column): string | undefined {
    const i = this.at[column];
    if (i < 0) return undefined;
    return i >= fields.length ? '' : fields[i]!.trim();
  }

  /** The last day of a month, as an ISO date (null where `isoDate` gives none). */
  private lastDay(year: number, month: number): IsoDate | null {
    const key = year * 100 + month;
    let date = this.lastDays.get(key);
    if (date === undefined) {
      date = isoDate(year, month, daysInMonth(year, month));
      this.lastDays.set(key, date);
    }
    return date;
  }

  /** Reads one row (its fields as the CSV reader split them) into the sink: a line or problems. */
  read(fields: readonly string[], line: number, sink: SourceSink): void {
    if (fields.length === 1 && fields[0]!.trim() === '') return; // an empty line
    const report = (
      code: ProblemCode,
      column: Column | null,
      value: string | null,
      params: Record<string, string> = {},
    ): void => {
      sink.problem(
        problem(code, { file: this.file, line, column: column === null ? null : this.label[column], value }, this.lang, params),
      );
    };
    if (fields.length > this.width) {
      report('extra_fields', null, String(fields.length), { count: String(this.width) });
      return;
    }
    // Only the columns placing a row needs are read here: most rows are outside the plan, and the
    // rest of their texts is never looked at.
    const yearText = this.text(fields, 'year') ?? '';
    const periodText = this.text(fields, 'period') ?? '';
    const postText = this.text(fields, 'postId') ?? '';
    const amountText = this.text(fields, 'amount') ?? '';

    let year: number | null = null;
    if (yearText === '') report('missing_value', 'year', null);
    else if (!isDigits(yearText, 4)) report('bad_year', 'year', yearText);
    else year = digitsValue(yearText, 0, 4);

    let month: number | null = null;
    if (periodText === '') report('missing_value', 'period', null);
    else if (year !== null) {
      const digits = isDigits(periodText, 6);
      const m = digits ? digitsValue(periodText, 4, 6) : 0;
      if (!digits || digitsValue(periodText, 0, 4) !== year || m < 1 || m > 12)
        report('bad_period', 'period', periodText, { year: String(year) });
      else month = m;
    }

    let chapter: number | null = null;
    let post: number | null = null;
    if (postText === '') report('missing_value', 'postId', null);
    else if (!isDigits(postText, 6)) report('bad_chapter_post', 'postId', postText);
    else {
      const chapterText = this.text(fields, 'chapterId') ?? '';
      const c = digitsValue(postText, 0, 4);
      const n = chapterText.length;
      if (chapterText !== '' && (n > 4 || !isDigits(chapterText, n) || digitsValue(chapterText, 0, n) !== c)) {
        report('bad_chapter_post', 'chapterId', chapterText);
      } else {
        chapter = c;
        post = digitsValue(postText, 4, 6);
      }
    }

    let amount: bigint | null = null;
    if (amountText === '') report('missing_value', 'amount', null);
    else {
      const reading = parseAmountMilli(amountText, true);
      if (!reading.ok) report(reading.fault, 'amount', amountText);
      else if (!amountFitsCell(reading.milli)) report('amount_too_large', 'amount', amountText);
      else amount = reading.milli;
    }

    if (year === null || month === null || chapter === null || post === null || amount === null) return;
    const date = this.lastDay(year, month)!;
    const account = this.text(fields, 'account') ?? '';
    const organisation = this.text(fields, 'organisation') ?? '';
    const keys: PlacementKeys = {
      chapter,
      post,
      account: account === '' ? null : account,
      dimensions: [],
      organisation: organisation === '' ? null : organisation.replace(/\s/g, ''),
    };
    if (!this.inPlan(keys, year)) {
      // Outside the plan: counted with its amount by the ledger, nothing of it kept.
      sink.outside(date, amount);
      return;
    }
    // Kept in Forbruk: no text a sheet would not give back.
    let faulty = false;
    const texts: Partial<Record<Column, string>> = {};
    for (const column of this.present) {
      const raw = this.text(fields, column)!;
      texts[column] = raw;
      if (hasControlCharacter(raw, false)) {
        report('control_character', column, showControlCharacters(raw));
        faulty = true;
      } else if (raw.length > EXCEL_MAX_CELL_TEXT) {
        report('text_too_long', column, `${raw.slice(0, 40)}…`, { max: String(EXCEL_MAX_CELL_TEXT), length: String(raw.length) });
        faulty = true;
      }
    }
    if (faulty) return;
    const row = { line, date, year, kind: 'utbetaling', amount, reference: '', instrument: null, keys } as const;
    const accountant = texts.accountant ?? '';
    const names = [texts.postName, texts.accountName, texts.organisationName].filter(
      (t): t is string => t !== undefined && t !== '',
    );
    sink.line({
      ...row,
      // The voucher as a finance officer finds the row again in DFØ's file: period, post, account, organisation.
      voucher: [periodText, postText, account, organisation].filter((t) => t !== '').join('-'),
      text: names.join(' – ').slice(0, EXCEL_MAX_CELL_TEXT),
      // The rest of the content key of CONTRACTS §7 (År, Periode, Post_id, Artskonto_id,
      // Virksomhet_id and Beløp are in the voucher, date and amount).
      source: accountant === '' ? '' : `DFØ ${accountant}`,
    });
  }
}
