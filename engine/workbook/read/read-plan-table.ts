/**
 * A plan from the `Rammer` and `Poster` tables of a workbook a user has edited: changed amounts,
 * added frames, 2025–2028 frames filled in. Every bad cell is a problem naming the sheet, the row,
 * the column and the value; nothing is guessed or turned into 0.
 */
import { parseYear, type Year } from '../../calendar.js';
import { hasControlCharacter, MAX_AMOUNT_ORE, showControlCharacters } from '../../excel-limits.js';
import { foldHeader } from '../../ledger/columns.js';
import { Money, parseAmount } from '../../money.js';
import { embeddedPlan } from '../../plan/embedded-plan.js';
import {
  FRAME_SOURCES,
  frameKey,
  sortFrames,
  validateFrames,
  type Frame,
  type FrameAt,
  type FrameSource,
} from '../../plan/frame.js';
import { findInstrument, FUNDINGS, INSTRUMENTS, type Funding } from '../../plan/instruments.js';
import type { Plan, PostMapping } from '../../plan/plan.js';
import { postKey } from '../../plan/plan.js';
import { problem, type Lang, type Problem, type ProblemCode } from '../../messages/problems.js';
import type { CellValue, TableRead, WorkbookPort } from '../port/port.js';
import { readRulesTable } from './read-rules.js';

/** What reading a plan gave: the plan, or null when any problem was found, and every problem. */
export interface PlanReading {
  readonly plan: Plan | null;
  readonly problems: Problem[];
}

/** Reads one table's cells by column name, reporting problems at their sheet, row and column. */
export class RowReader {
  private readonly index = new Map<string, number>();

  constructor(
    private readonly read: TableRead,
    private readonly file: string,
    private readonly lang: Lang,
    readonly problems: Problem[],
  ) {
    read.header.forEach((name, i) => {
      const folded = foldHeader(String(name ?? ''));
      if (!this.index.has(folded)) this.index.set(folded, i);
    });
  }

  /** The required columns that the header lacks, reported once as `missing_columns`. */
  requireColumns(names: readonly string[]): boolean {
    const missing = names.filter((n) => !this.index.has(foldHeader(n)));
    if (missing.length === 0) return true;
    this.problems.push(missingColumns(this.read, missing, this.file, this.lang));
    return false;
  }

  /** Whether the header has the column. */
  has(column: string): boolean {
    return this.index.has(foldHeader(column));
  }

  cell(row: readonly CellValue[], column: string): CellValue {
    const i = this.index.get(foldHeader(column));
    return i === undefined ? null : (row[i] ?? null);
  }

  report(code: ProblemCode, line: number, column: string, value: CellValue, detail?: string, expected?: string): void {
    const place = { file: this.file, sheet: this.read.sheet, line, column, value: value === null ? null : String(value) };
    const found = problem(code, place, this.lang, {}, detail);
    // A few cells expect something the catalogue's generic wording does not say (Enhet: NOK).
    this.problems.push(
      expected === undefined ? found : { ...found, expected, message: found.message.replace(found.expected, expected) },
    );
  }

  text(row: readonly CellValue[], column: string): string {
    const value = this.cell(row, column);
    return value === null ? '' : String(value).trim();
  }

  year(row: readonly CellValue[], column: string, line: number): Year | null {
    const value = this.cell(row, column);
    if (value === null || String(value).trim() === '') {
      this.report('missing_value', line, column, null);
      return null;
    }
    const reading = parseYear(typeof value === 'boolean' ? String(value) : value);
    if (!reading.ok) this.report(reading.fault, line, column, value);
    return reading.ok ? reading.year : null;
  }

  /**
   * An amount: empty is `null` (not set); a number must have at most two decimals; neither may go
   * beyond what a cell holds exactly (15 digits), or the next write would store another amount.
   */
  money(row: readonly CellValue[], column: string, line: number): Money | null | 'bad' {
    const value = this.cell(row, column);
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    let amount: Money;
    if (typeof value === 'number') {
      const text = String(value);
      if (!/^-?\d+(\.\d{1,2})?$/.test(text)) {
        this.report(/^-?\d+\.\d{3,}$/.test(text) ? 'too_many_decimals' : 'bad_amount', line, column, value);
        return 'bad';
      }
      amount = Money.of(text);
    } else {
      const reading = parseAmount(String(value));
      if (!reading.ok) {
        this.report(reading.fault, line, column, value);
        return 'bad';
      }
      amount = Money.fromOre(reading.ore);
    }
    const ore = amount.toOre();
    if (ore <= MAX_AMOUNT_ORE && ore >= -MAX_AMOUNT_ORE) return amount;
    this.report('amount_too_large', line, column, value);
    return 'bad';
  }

  whole(row: readonly CellValue[], column: string, line: number): number | null {
    const value = this.cell(row, column);
    const text = value === null ? '' : String(value).trim();
    if (text === '') this.report('missing_value', line, column, null);
    else if (/^\d+$/.test(text)) return Number(text);
    else this.report('bad_chapter_post', line, column, value);
    return null;
  }
}

/** Whether a table row holds nothing but empty cells. */
export function isEmptyRow(row: readonly CellValue[]): boolean {
  return row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

const YES = new Set(['ja', 'yes', 'true', 'sann', 'j', 'y', 'x']);
const NO = new Set(['nei', 'no', 'false', 'usann', 'n', '']);

/** The shipped plan's frames by key, to tell a figure a person set from one the appendix gave. */
export function shippedFrames(): ReadonlyMap<string, Frame> {
  return new Map(embeddedPlan().frames.map((f) => [frameKey(f), f]));
}

/**
 * One frame row of a table with the Rammer columns (`Rammer`, or `Versjonsrammer` on `Styring`):
 * the frame, or null when any of its cells is wrong (each reported through `r`).
 */
export function readFrameRow(
  r: RowReader,
  row: readonly CellValue[],
  line: number,
  where: { file: string; sheet: string; lang: Lang; shipped: ReadonlyMap<string, Frame> },
): Frame | null {
  const { file, sheet, lang } = where;
  const before = r.problems.length;
  const idText = r.text(row, 'Virkemiddel');
  const instrument = idText === '' ? undefined : findInstrument(idText, INSTRUMENTS);
  if (idText === '') r.report('missing_value', line, 'Virkemiddel', null);
  else if (!instrument) r.report('unknown_instrument', line, 'Virkemiddel', idText);
  const from = r.year(row, 'Fra', line);
  const to = r.year(row, 'Til', line);
  const amount = r.money(row, 'Beløp', line);
  const unit = r.text(row, 'Enhet');
  if (unit !== '' && unit.toUpperCase() !== 'NOK') {
    r.report('bad_value', line, 'Enhet', unit, undefined, lang === 'nb' ? 'NOK (eller tomt)' : 'NOK (or empty)');
  }
  const fundingText = r.text(row, 'Finansiering').toLowerCase();
  if (fundingText !== '' && !FUNDINGS.includes(fundingText as Funding))
    r.report('bad_funding', line, 'Finansiering', fundingText);
  const confirmedCell = r.cell(row, 'Bekreftet');
  const confirmedText = typeof confirmedCell === 'boolean' ? String(confirmedCell) : r.text(row, 'Bekreftet').toLowerCase();
  if (!YES.has(confirmedText) && !NO.has(confirmedText)) r.report('bad_confirmed', line, 'Bekreftet', confirmedCell);
  // A control character would not survive the next write (the .xlsx writer drops it, Excel too):
  // the text read back would differ from the one the log and the closing check recorded.
  for (const column of ['Betingelse', 'Kildetekst', 'Navn']) {
    const text = r.text(row, column);
    if (hasControlCharacter(text.replace(/\r\n/g, '\n'), true))
      r.report('control_character', line, column, showControlCharacters(text));
  }
  const sourceText = r.text(row, 'Kilde').toLowerCase();
  if (sourceText !== '' && !FRAME_SOURCES.includes(sourceText as FrameSource)) r.report('bad_source', line, 'Kilde', sourceText);
  if (r.problems.length > before || !instrument || from === null || to === null || amount === 'bad') return null;
  const funding = fundingText === '' ? instrument.funding : (fundingText as Funding);
  const condition = r.text(row, 'Betingelse');
  const shipped = where.shipped.get(frameKey({ instrument: instrument.id, from, to }));
  const unchanged =
    shipped !== undefined &&
    shipped.funding === funding &&
    shipped.condition === condition &&
    (shipped.amount === null ? amount === null : amount !== null && shipped.amount.eq(amount));
  // A figure that differs from the shipped plan was set by a person, whatever the Kilde cell says.
  const source: FrameSource = sourceText === '' || !unchanged ? 'entered' : (sourceText as FrameSource);
  const written = r.text(row, 'Kildetekst');
  const origin =
    lang === 'nb'
      ? `Lagt inn i arbeidsboken ${file}, ark ${sheet}, rad ${line}.`
      : `Entered in the workbook ${file}, sheet ${sheet}, row ${line}.`;
  return {
    instrument: instrument.id,
    from,
    to,
    amount,
    unit: 'NOK',
    funding,
    condition,
    conditionConfirmed: YES.has(confirmedText),
    source,
    sourceText: source === 'entered' && !unchanged ? origin : written !== '' ? written : (shipped?.sourceText ?? origin),
  };
}

function readFrames(read: TableRead, file: string, lang: Lang, problems: Problem[]): (FrameAt & { frame: Frame })[] | null {
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Virkemiddel', 'Fra', 'Til', 'Beløp'])) return null;
  const where = { file, sheet: read.sheet, lang, shipped: shippedFrames() };
  const frames: (FrameAt & { frame: Frame })[] = [];
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const frame = readFrameRow(r, row, line, where);
    if (frame) frames.push({ frame, file, sheet: read.sheet, line });
  });
  return frames;
}

function readPosts(read: TableRead, file: string, lang: Lang, problems: Problem[]): PostMapping[] | null {
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Kapittel', 'Post', 'Virkemiddel'])) return null;
  const posts: PostMapping[] = [];
  const seen = new Map<string, number>();
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const chapter = r.whole(row, 'Kapittel', line);
    const post = r.whole(row, 'Post', line);
    const idText = r.text(row, 'Virkemiddel');
    const instrument = idText === '' ? undefined : findInstrument(idText, INSTRUMENTS);
    if (idText === '') r.report('missing_value', line, 'Virkemiddel', null);
    else if (!instrument) r.report('unknown_instrument', line, 'Virkemiddel', idText);
    if (chapter === null || post === null || !instrument) return;
    // A post may fund several instruments (2650.76): one row each; the same pair twice is a repeat.
    const key = `${postKey(chapter, post)}:${instrument.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      r.report(
        'duplicate_post',
        line,
        'Post',
        postKey(chapter, post),
        lang === 'nb' ? `Står også på rad ${first}.` : `Also on row ${first}.`,
      );
      return;
    }
    seen.set(key, line);
    posts.push({ chapter, post, instrument: instrument.id, name: r.text(row, 'Navn') });
  });
  return posts;
}

/** The problem for a table whose header lacks required columns: at the header row, the header as its value. */
export function missingColumns(read: TableRead, missing: readonly string[], file: string, lang: Lang): Problem {
  const place = { file, sheet: read.sheet, line: read.firstRow - 1, column: null, value: read.header.join(', ') };
  return problem('missing_columns', place, lang, { columns: missing.join(', ') });
}

/** The problem for a table the workbook lacks. */
export function missingTable(file: string, sheet: string, lang: Lang): Problem {
  return problem('missing_table', { file, sheet, line: null, column: null, value: null }, lang, { table: sheet, sheet });
}

/** A plan from the `Rammer` and `Poster` tables as read (null where the workbook lacks the table). */
export function readPlanTables(
  rammer: TableRead | null,
  poster: TableRead | null,
  file: string,
  lang: Lang = 'nb',
  /** `Konteringsregler` (CONTRACTS §8); a workbook without it places by the embedded rules. */
  rules: TableRead | null = null,
): PlanReading {
  const problems: Problem[] = [];
  if (!rammer) problems.push(missingTable(file, 'Rammer', lang));
  if (!poster) problems.push(missingTable(file, 'Poster', lang));
  const frames = rammer ? readFrames(rammer, file, lang, problems) : null;
  const posts = poster ? readPosts(poster, file, lang, problems) : null;
  const ruleReading = rules ? readRulesTable(rules, file, lang) : null;
  if (ruleReading && !ruleReading.ok) for (const p of ruleReading.problems) problems.push(p);
  if (frames) for (const p of validateFrames(frames, lang)) problems.push(p);
  if (problems.length > 0 || !frames || !posts) return { plan: null, problems };
  const plan = { instruments: INSTRUMENTS, frames: sortFrames(frames.map((f) => f.frame)), posts };
  return { plan: ruleReading?.ok ? { ...plan, rules: ruleReading.rules } : plan, problems };
}

/** A plan from a workbook through its port. */
export async function readPlanFromPort(port: WorkbookPort, file: string, lang: Lang = 'nb'): Promise<PlanReading> {
  const [rammer, poster, rules] = await Promise.all([
    port.readTable('Rammer'),
    port.readTable('Poster'),
    port.readTable('Konteringsregler'),
  ]);
  return readPlanTables(rammer, poster, file, lang, rules);
}
