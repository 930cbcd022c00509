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
import { daysInMonth, isoDate } from '../calendar.js';
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

/** Reads the rows of one state-accounts file. */
export class DfoAccountsReader {
  private readonly at = {} as Record<Column, number>;
  private readonly label = {} as Record<Column, string>;
  private readonly width: number;

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
    for (const column of Object.keys(COLUMNS) as Column[]) {
      const i = folded.indexOf(COLUMNS[column]);
      this.at[column] = i;
      this.label[column] = i < 0 ? COLUMNS[column] : header[i]!.replace(/^\uFEFF/, '').trim();
    }
    this.width = header.length;
  }

  private field(fields: readonly string[], column: Column): string {
    const i = this.at[column];
    return i < 0 || i >= fields.length ? '' : fields[i]!.trim();
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
    const texts: Partial<Record<Column, string>> = {};
    for (const column of Object.keys(COLUMNS) as Column[]) if (this.at[column] >= 0) texts[column] = this.field(fields, column);
    const yearText = texts.year ?? '';
    const periodText = texts.period ?? '';
    const postText = texts.postId ?? '';
    const amountText = texts.amount ?? '';

    let year: number | null = null;
    if (yearText === '') report('missing_value', 'year', null);
    else if (!/^\d{4}$/.test(yearText)) report('bad_year', 'year', yearText);
    else year = Number(yearText);

    let month: number | null = null;
    if (periodText === '') report('missing_value', 'period', null);
    else if (year !== null) {
      const match = /^(\d{4})(\d{2})$/.exec(periodText);
      const m = match ? Number(match[2]) : 0;
      if (!match || Number(match[1]) !== year || m < 1 || m > 12)
        report('bad_period', 'period', periodText, { year: String(year) });
      else month = m;
    }

    let chapter: number | null = null;
    let post: number | null = null;
    if (postText === '') report('missing_value', 'postId', null);
    else if (!/^\d{6}$/.test(postText)) report('bad_chapter_post', 'postId', postText);
    else {
      const chapterText = texts.chapterId ?? '';
      const c = Number(postText.slice(0, 4));
      if (chapterText !== '' && (!/^\d{1,4}$/.test(chapterText) || Number(chapterText) !== c)) {
        report('bad_chapter_post', 'chapterId', chapterText);
      } else {
        chapter = c;
        post = Number(postText.slice(4));
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
    const date = isoDate(year, month, daysInMonth(year, month))!;
    const account = texts.account ?? '';
    const organisation = texts.organisation ?? '';
    const keys: PlacementKeys = {
      chapter,
      post,
      account: account === '' ? null : account,
      dimensions: [],
      organisation: organisation === '' ? null : organisation.replace(/\s/g, ''),
    };
    const row = { line, date, year, kind: 'utbetaling', amount, reference: '', instrument: null, keys } as const;
    if (!this.inPlan(keys, year)) {
      // Outside the plan: counted with its amount by the ledger, nothing of it kept.
      sink.line({ ...row, voucher: '', text: '', source: '' });
      return;
    }
    // Kept in Forbruk: no text a sheet would not give back.
    let faulty = false;
    for (const column of Object.keys(COLUMNS) as Column[]) {
      const raw = texts[column];
      if (raw === undefined) continue;
      if (hasControlCharacter(raw, false)) {
        report('control_character', column, showControlCharacters(raw));
        faulty = true;
      } else if (raw.length > EXCEL_MAX_CELL_TEXT) {
        report('text_too_long', column, `${raw.slice(0, 40)}…`, { max: String(EXCEL_MAX_CELL_TEXT), length: String(raw.length) });
        faulty = true;
      }
    }
    if (faulty) return;
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
