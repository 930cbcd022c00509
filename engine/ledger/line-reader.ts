/**
 * The per-field rules of a ledger line (CONTRACTS §2), shared by ledger files and the workbook's
 * `Forbruk` table: dates, vouchers, instruments or budget posts, kinds, amounts and budget years;
 * and the round-trip rules: no field holds what a sheet would not give back (a control character,
 * a text longer than a cell, an amount beyond what a cell holds exactly).
 */
import { dateFault, monthName, parseDate, parseDue, parseYear, yearOfDate, isYear, type Year } from '../calendar.js';
import { amountFitsCell, EXCEL_MAX_CELL_TEXT, hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import { parseAmountMilli, type Milli } from '../money.js';
import type { InstrumentId } from '../plan/instruments.js';
import { InstrumentIndex, type Plan } from '../plan/plan.js';
import { problem, problemDetail, withExpected, type Lang, type Problem } from '../messages/problems.js';
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
  /** The columns the header has. */
  private readonly present: readonly LedgerColumn[];
  private readonly sheetPart: { sheet?: string };

  constructor(
    plan: Plan,
    private readonly file: string,
    private readonly header: HeaderMap<LedgerColumn>,
    private readonly lang: Lang,
    /** The sheet, when the record is a workbook table row (problems then say «rad»). */
    sheet?: string,
    /**
     * Whether an amount may have a third decimal: in the planning workbook's `Forbruk`, where
     * `workbook` writes the lines of the state accounts (CONTRACTS §7); never in a ledger file.
     */
    private readonly thirdDecimal = false,
  ) {
    this.instruments = new InstrumentIndex(plan);
    const at = {} as Record<LedgerColumn, number>;
    for (const column of Object.keys(header.label) as LedgerColumn[]) at[column] = header.index[column] ?? -1;
    this.at = at;
    this.present = (Object.keys(at) as LedgerColumn[]).filter((column) => at[column] >= 0);
    this.sheetPart = sheet === undefined ? {} : { sheet };
  }

  /** A field's text, trimmed; '' when the column is absent or the record short. */
  private field(fields: readonly string[], column: LedgerColumn): string {
    const i = this.at[column];
    if (i < 0 || i >= fields.length) return '';
    const text = fields[i]!.trim();
    // A line break in a text is kept as a line feed: XML reads a CR back as one, so CRLF would not survive a sheet.
    return column === 'tekst' && text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  }

  /**
   * The columns whose field a sheet would not give back as read: a control character (only the
   * text column may hold a line break, LF or CRLF) or more characters than a cell holds. Their
   * problems are pushed; the other rules then leave those columns alone (one problem per field).
   */
  private unkept(fields: readonly string[], line: number, problems: Problem[]): Set<LedgerColumn> | null {
    let bad: Set<LedgerColumn> | null = null;
    const present = this.present;
    const place = (column: LedgerColumn, value: string) => ({
      file: this.file,
      ...this.sheetPart,
      line,
      column: this.header.label[column],
      value,
    });
    for (let k = 0; k < present.length; k++) {
      const column = present[k]!;
      const i = this.at[column];
      if (i >= fields.length) continue;
      const raw = fields[i]!;
      const lineBreaks = column === 'tekst';
      if (hasControlCharacter(lineBreaks && raw.includes('\r') ? raw.replace(/\r\n/g, '\n') : raw, lineBreaks)) {
        problems.push(problem('control_character', place(column, showControlCharacters(raw.trim())), this.lang));
      } else {
        // Trimmed, a field is never longer than as read: most fields need no trimming here.
        if (raw.length <= EXCEL_MAX_CELL_TEXT) continue;
        const text = this.field(fields, column);
        if (text.length <= EXCEL_MAX_CELL_TEXT) continue;
        const params = { max: groupDigits(EXCEL_MAX_CELL_TEXT, this.lang), length: groupDigits(text.length, this.lang) };
        problems.push(problem('text_too_long', place(column, `${text.slice(0, SHOWN_OF_LONG_TEXT)}…`), this.lang, params));
      }
      (bad ??= new Set()).add(column);
    }
    return bad;
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
    const unkept = this.unkept(fields, line, problems);
    const ruled = problems.length;
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
    else if (date === null) {
      // Written as a date but with a day its month lacks (31.02.2021): say that, not the format it already has.
      const fault = dateFault(dateText);
      const bad = problem('bad_date', at('dato', dateText), this.lang);
      problems.push(
        fault.code === 'no_such_day'
          ? withExpected(
              bad,
              problemDetail('noSuchDay', this.lang, {
                days: String(fault.days),
                month: monthName(fault.month, this.lang),
                year: String(fault.year),
              }),
            )
          : bad,
      );
    }

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
      // Placed by the mapping rules afterwards (CONTRACTS §8): the ledger's `placeLine`.
    } else if (chapterText === '' && postText === '') {
      const column = index.virkemiddel !== undefined ? 'virkemiddel' : 'kapittel';
      problems.push(problem('no_instrument', at(column, null), this.lang));
    }

    const kindText = get('type');
    const kind = kindText === '' ? 'utbetaling' : parseKind(kindText);
    if (!kind) problems.push(problem('bad_kind', at('type', kindText), this.lang));

    const amountText = get('belop');
    let amount: Milli | null = null;
    if (amountText === '') problems.push(problem('missing_value', at('belop', null), this.lang));
    else {
      const reading = parseAmountMilli(amountText, this.thirdDecimal);
      if (!reading.ok) problems.push(problem(reading.fault, at('belop', amountText), this.lang));
      else if (!amountFitsCell(reading.milli)) {
        problems.push(problem('amount_too_large', at('belop', amountText), this.lang));
      } else amount = reading.milli;
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

    const dueText = get('forfall');
    const due = dueText === '' ? null : parseDue(dueText);
    if (dueText !== '' && due === null) problems.push(problem('bad_due', at('forfall', dueText), this.lang));

    if (unkept !== null) dropProblemsOf(problems, ruled, new Set([...unkept].map((c) => label[c])));
    if (problems.length > before) return null;
    return {
      file: this.file,
      line,
      date: date!,
      voucher,
      instrument: instrument ?? null,
      kind: kind!,
      amount: amount!,
      reference: get('referanse'),
      year: year!,
      chapter,
      post,
      text: get('tekst'),
      ...optionalText('source', get('kildenokkel')),
      ...optionalText('account', get('konto')),
      ...optionalText('organisation', get('virksomhet')),
      ...optionalText('dimensions', get('dimensjon')),
      ...optionalText('due', due ?? ''),
      ...optionalText('recipient', get('mottaker')),
      ...optionalText('caseNumber', get('saksnummer')),
    };
  }
}

/** `{ [key]: text }`, or nothing for an empty text (a §2 line has none of these). */
function optionalText<K extends string>(key: K, text: string): { [k in K]?: string } {
  return (text === '' ? {} : { [key]: text }) as { [k in K]?: string };
}

/** How many characters of a text too long for a cell its problem shows. */
const SHOWN_OF_LONG_TEXT = 40;

/** A count as people read it: `32 767` in bokmål, `32,767` in English. */
function groupDigits(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
}

/**
 * Removes, from problems[from..], those of the given columns: a field a sheet would not keep has
 * its one problem already, and the other rules' words about it (a bad date made of a control
 * character) would only repeat it.
 */
function dropProblemsOf(problems: Problem[], from: number, columns: ReadonlySet<string>): void {
  let kept = from;
  for (let i = from; i < problems.length; i++) {
    const p = problems[i]!;
    if (p.column !== null && columns.has(p.column)) continue;
    problems[kept++] = p;
  }
  problems.length = kept;
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
