/**
 * Budget years, agreement periods and dates: all year and date arithmetic lives here.
 * Periods are inclusive at both ends (`from`..`to`, whole calendar years). Dates are ISO strings
 * (`YYYY-MM-DD`), which compare correctly as strings.
 */

/** The first budget year the product plans (the 2019 agreement). */
export const FIRST_YEAR = 2019;
/** The last budget year the product plans (the end of the 2025–2028 agreement). */
export const LAST_YEAR = 2028;

/** A budget year 2019–2028, made only by `parseYear` or `toYear`. */
export type Year = number & { readonly __brand: 'Year' };

/** Every budget year, in order. */
export const YEARS: readonly Year[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => (FIRST_YEAR + i) as Year);

/** Whether n is a budget year. */
export function isYear(n: number): n is Year {
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR;
}

/** A budget year from a whole number, or null. */
export function toYear(n: number): Year | null {
  return isYear(n) ? n : null;
}

/** The result of reading a year: the year, or why not. */
export type YearReading = { ok: true; year: Year } | { ok: false; fault: 'bad_year' | 'year_out_of_range' };

/** Reads a year written as text (`2024`, ` 2024 `, `2024.0` from a spreadsheet). */
export function parseYear(text: string | number): YearReading {
  if (typeof text === 'string' && text.length === 4) {
    const n = digitsAt(text, 0, 4);
    if (n >= 0) return isYear(n) ? { ok: true, year: n } : { ok: false, fault: 'year_out_of_range' };
  }
  const trimmed = String(text).trim();
  const match = /^(\d{4})(?:\.0+)?$/.exec(trimmed);
  if (!match) return { ok: false, fault: 'bad_year' };
  const n = Number(match[1]);
  return isYear(n) ? { ok: true, year: n } : { ok: false, fault: 'year_out_of_range' };
}

/**
 * A commitment's due date (CONTRACTS §2, `forfall`): a day (`2026-03-31` or `31.03.2026`) as its
 * ISO date, or a budget year (`2027`) as its four digits; null when the text is neither. The year
 * may lie past the agreement's years: a commitment can fall due after 2028.
 */
export function parseDue(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}(?:\.0+)?$/.test(t)) {
    const n = Number(t.slice(0, 4));
    return n >= 1900 && n <= 2199 ? String(n) : null;
  }
  return parseDate(t);
}

/** The budget year a due date (`parseDue`) falls in. */
export function dueYear(due: string): number {
  return Number(due.slice(0, 4));
}

/** An agreement period. */
export interface AgreementPeriod {
  readonly id: 'ia-2019' | 'ia-2023' | 'ia-2025';
  readonly from: Year;
  readonly to: Year;
  readonly name: string;
}

/** The three periods: the 2019 agreement, its prolongation and the 2025–2028 agreement. */
export const AGREEMENT_PERIODS: readonly AgreementPeriod[] = [
  { id: 'ia-2019', from: 2019 as Year, to: 2022 as Year, name: 'IA-avtalen 2019–2022' },
  { id: 'ia-2023', from: 2023 as Year, to: 2024 as Year, name: 'Forlengelsen 2023–2024' },
  { id: 'ia-2025', from: 2025 as Year, to: 2028 as Year, name: 'IA-avtalen 2025–2028' },
];

/** The agreement period a year belongs to. */
export function periodOf(year: Year): AgreementPeriod {
  const period = AGREEMENT_PERIODS.find((p) => year >= p.from && year <= p.to);
  if (!period) throw new RangeError(`no agreement period for ${year}`);
  return period;
}

/** Whether `year` lies in `from`..`to` (both inclusive). */
export function inPeriod(year: number, from: number, to: number): boolean {
  return year >= from && year <= to;
}

/** Whether two inclusive periods share a year. */
export function periodsOverlap(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** An ISO date `YYYY-MM-DD`, made only by `parseDate` or `isoDate`. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NORWEGIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** An ISO date from its parts, or null when there is no such day. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900 || year > 2999) {
    return null;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** The number written by the ASCII digits text[from..to), or -1 if any is not a digit. */
export function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Reads `YYYY-MM-DD` or `DD.MM.YYYY`; null when it is neither or no such day exists. */
export function parseDate(text: string): IsoDate | null {
  // Fast path for the most common export spelling, DD.MM.YYYY, without a regular expression.
  if (text.length === 10 && text.charCodeAt(2) === 46 && text.charCodeAt(5) === 46) {
    const day = digitsAt(text, 0, 2);
    const month = digitsAt(text, 3, 5);
    const year = digitsAt(text, 6, 10);
    if (day >= 0 && month >= 0 && year >= 0) return isoDate(year, month, day);
  }
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nb = NORWEGIAN.exec(trimmed);
  if (nb) return isoDate(Number(nb[3]), Number(nb[2]), Number(nb[1]));
  return null;
}

/**
 * Why a date text is not a date: `no_such_day` when it is written as a date (`31.02.2021`,
 * `2021-02-31`) with a real month but a day that month does not have, with the month's number of
 * days; else `bad_date` (not written as a date at all).
 */
export function dateFault(
  text: string,
):
  | { readonly code: 'bad_date' }
  | { readonly code: 'no_such_day'; readonly year: number; readonly month: number; readonly days: number } {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  const nb = iso ? null : NORWEGIAN.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : nb ? [nb[3], nb[2], nb[1]] : null;
  if (parts) {
    const [year, month, day] = parts.map(Number) as [number, number, number];
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2999 && day >= 1)
      return { code: 'no_such_day', year, month, days: daysInMonth(year, month) };
  }
  return { code: 'bad_date' };
}

const MONTHS: Record<'nb' | 'en', readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A month (1–12) by name, in bokmål or English. */
export function monthName(month: number, lang: 'nb' | 'en'): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/** Whole months from one day to another (a month counts once its day of the month is reached): a commitment's age. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const n = (d: IsoDate, a: number, b: number) => Number(d.slice(a, b));
  const months = (n(to, 0, 4) - n(from, 0, 4)) * 12 + (n(to, 5, 7) - n(from, 5, 7));
  return n(to, 8, 10) < n(from, 8, 10) ? months - 1 : months;
}

/** The calendar year of a date. */
export function yearOfDate(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The month (1–12) of a date. */
export function monthOfDate(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** A date as people read it in bokmål (`31.12.2024`). */
export function formatDate(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** A date for people: `31.12.2024` in bokmål, `2024-12-31` in English (unambiguous to every reader). */
export function dateText(date: IsoDate, lang: 'nb' | 'en'): string {
  return lang === 'nb' ? formatDate(date) : date;
}
