/**
 * The per-field rules of a ledger line (CONTRACTS §2), shared by ledger files and the workbook's
 * `Forbruk` table: dates, vouchers, instruments or budget posts, kinds, amounts and budget years.
 */
import { parseDate, parseYear, yearOfDate, isYear, type Year } from '../calendar.js';
import { parseAmount, type Ore } from '../money.js';
import type { InstrumentId } from '../plan/instruments.js';
import { InstrumentIndex, type Plan } from '../plan/plan.js';
import { problem, type Lang, type Problem } from '../messages/problems.js';
import type { HeaderMap, LedgerColumn } from './columns.js';
import { parseKind, type LedgerLine } from './line.js';

/**
 * Reads one record (the fields of a CSV line, or the cells of a `Forbruk` table row as text) into a
 * ledger line, or reports its problems: one set of rules for files and workbooks.
 */
export class LineReader {
  private readonly instruments: InstrumentIndex;
  /** Where each column stands in a record (-1 when absent), looked up once, not per line. */
  private readonly at: Readonly<Record<LedgerColumn, number>>;
  private readonly sheetPart: { sheet?: string };

  constructor(
    plan: Plan,
    private readonly file: string,
    private readonly header: HeaderMap<LedgerColumn>,
    private readonly lang: Lang,
    /** The sheet, when the record is a workbook table row (problems then say «rad»). */
    sheet?: string,
  ) {
    this.instruments = new InstrumentIndex(plan);
    const at = {} as Record<LedgerColumn, number>;
    for (const column of Object.keys(header.label) as LedgerColumn[]) at[column] = header.index[column] ?? -1;
    this.at = at;
    this.sheetPart = sheet === undefined ? {} : { sheet };
  }

  /** A field's text, trimmed; '' when the column is absent or the record short. */
  private field(fields: readonly string[], column: LedgerColumn): string {
    const i = this.at[column];
    if (i < 0 || i >= fields.length) return '';
    return fields[i]!.trim();
  }

  /** The line read from `fields` (line = file line or sheet row), or null with its problems pushed. */
  read(fields: readonly string[], line: number, problems: Problem[]): LedgerLine | null {
    const { index, label } = this.header;
    const before = problems.length;
    const sheet = this.sheetPart;
    // Places are built only when a problem is found; this runs once per line of large ledgers.
    const at = (column: LedgerColumn, value: string | null) => ({
      file: this.file,
      ...sheet,
      line,
      column: label[column],
      value,
    });
    const get = (column: LedgerColumn): string => this.field(fields, column);
    if (fields.length > this.header.width && fields.slice(this.header.width).some((f) => f.trim() !== '')) {
      problems.push(
        problem(
          'extra_fields',
          { file: this.file, ...sheet, line, column: null, value: fields.slice(this.header.width).join(' | ') },
          this.lang,
          {
            count: String(this.header.width),
          },
        ),
      );
    }

    const dateText = get('dato');
    const date = dateText === '' ? null : parseDate(dateText);
    if (dateText === '') problems.push(problem('missing_value', at('dato', null), this.lang));
    else if (date === null) problems.push(problem('bad_date', at('dato', dateText), this.lang));

    const voucher = get('bilag');
    if (voucher === '') problems.push(problem('missing_value', at('bilag', null), this.lang));

    const instrumentText = get('virkemiddel');
    const chapterText = get('kapittel');
    const postText = get('post');
    let instrument: InstrumentId | undefined;
    let chapter: number | null = null;
    let post: number | null = null;
    if (chapterText !== '' || postText !== '') {
      if (/^\d+$/.test(chapterText) && /^\d+$/.test(postText)) {
        chapter = Number(chapterText);
        post = Number(postText);
      } else if (instrumentText === '') {
        const column = /^\d+$/.test(chapterText) ? 'post' : 'kapittel';
        problems.push(problem('bad_chapter_post', at(column, column === 'post' ? postText : chapterText), this.lang));
      }
    }
    if (instrumentText !== '') {
      instrument = this.instruments.find(instrumentText)?.id;
      if (!instrument) problems.push(problem('unknown_instrument', at('virkemiddel', instrumentText), this.lang));
    } else if (chapter !== null && post !== null) {
      instrument = this.instruments.ofPost(chapter, post);
      if (!instrument) {
        problems.push(problem('unmapped_post', at('post', `${chapterText}.${postText}`), this.lang));
      }
    } else if (chapterText === '' && postText === '') {
      const column = index.virkemiddel !== undefined ? 'virkemiddel' : 'kapittel';
      problems.push(problem('no_instrument', at(column, null), this.lang));
    }

    const kindText = get('type');
    const kind = kindText === '' ? 'utbetaling' : parseKind(kindText);
    if (!kind) problems.push(problem('bad_kind', at('type', kindText), this.lang));

    const amountText = get('belop');
    let amount: Ore | null = null;
    if (amountText === '') problems.push(problem('missing_value', at('belop', null), this.lang));
    else {
      const reading = parseAmount(amountText);
      if (reading.ok) amount = reading.ore;
      else problems.push(problem(reading.fault, at('belop', amountText), this.lang));
    }

    const yearText = get('ar');
    let year: Year | null = null;
    if (yearText !== '') {
      const reading = parseYear(yearText);
      if (reading.ok) year = reading.year;
      else problems.push(problem(reading.fault, at('ar', yearText), this.lang));
    } else if (date !== null) {
      const y = yearOfDate(date);
      if (isYear(y)) year = y;
      else problems.push(problem('year_out_of_range', at('dato', dateText), this.lang));
    }

    if (problems.length > before) return null;
    return {
      file: this.file,
      line,
      date: date!,
      voucher,
      instrument: instrument!,
      kind: kind!,
      amount: amount!,
      reference: get('referanse'),
      year: year!,
      chapter,
      post,
      text: get('tekst'),
    };
  }
}

/** The required ledger columns a header lacks (dato, bilag, beløp, and virkemiddel or kapittel and post). */
export function missingLedgerColumns(header: HeaderMap<LedgerColumn>): string[] {
  const missing: string[] = [];
  for (const column of ['dato', 'bilag', 'belop'] as const) {
    if (header.index[column] === undefined) missing.push(column === 'belop' ? 'beløp' : column);
  }
  const hasInstrument = header.index.virkemiddel !== undefined;
  const hasPost = header.index.kapittel !== undefined && header.index.post !== undefined;
  if (!hasInstrument && !hasPost) missing.push('virkemiddel (eller kapittel og post)');
  return missing;
}
