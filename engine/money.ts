/**
 * Money: exact amounts in Norwegian kroner.
 *
 * `Money` wraps a decimal.js value from a clone of our own (40 significant digits, rounding
 * ROUND_HALF_UP, the rounding Norwegian public accounts use). It never rounds on its own: amounts
 * enter with at most two decimals and only `toFixed2`, `ratio` and the formatters round, at named
 * points. Ledger lines carry their amount as integer øre (`Ore`, a bigint) on the hot path, because
 * a million decimal objects cost more than the whole budget for reading a large ledger; øre become
 * `Money` at the edge (`Money.fromOre`). Neither path ever touches a binary floating-point number,
 * except `toNumber`, which exists only for Excel cell values.
 */
import { Decimal as DecimalBase } from 'decimal.js';

/** Our decimal type, configured once and never through the global `Decimal.set`. */
export const Dec = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
/** An instance of our decimal type. */
export type Dec = InstanceType<typeof Dec>;

/** An exact amount in whole øre (1/100 krone); a bigint so it cannot overflow or round. */
export type Ore = bigint;

/**
 * An exact amount in thousandths of a krone (1/10 øre): the unit of ledger lines, as the state
 * accounts (DFØ) state amounts with three decimals and those are summed exactly (CONTRACTS §7).
 */
export type Milli = bigint;

/** Øre as thousandths of a krone. */
export function oreToMilli(ore: Ore): Milli {
  return ore * 10n;
}

/** An immutable, exact amount of Norwegian kroner. */
export class Money {
  private constructor(private readonly value: Dec) {}

  /** Zero kroner. */
  static readonly zero = new Money(new Dec(0));

  /** An amount from whole øre. */
  static fromOre(ore: Ore): Money {
    return new Money(new Dec(ore.toString()).dividedBy(100));
  }

  /** An amount from thousandths of a krone. */
  static fromMilli(milli: Milli): Money {
    return new Money(new Dec(milli.toString()).dividedBy(1000));
  }

  /** An amount from a plain decimal string (`"1250000.50"`, `"-3"`); throws on anything else (a bug, not user input). */
  static of(plain: string | number | bigint): Money {
    const text = String(plain);
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new TypeError(`Money.of: not a plain decimal: ${text}`);
    return new Money(new Dec(text));
  }

  /** Millions of kroner, as the appendix states them (`Money.mill(70)` = 70 000 000 kr). */
  static mill(millions: number | string): Money {
    return new Money(new Dec(String(millions)).times(1_000_000));
  }

  /** The sum. */
  plus(other: Money): Money {
    return new Money(this.value.plus(other.value));
  }

  /** The difference. */
  minus(other: Money): Money {
    return new Money(this.value.minus(other.value));
  }

  /** The amount with the opposite sign. */
  negated(): Money {
    return new Money(this.value.negated());
  }

  /** The amount times a plain factor (a share such as 0.05), not rounded. */
  times(factor: string | number): Money {
    return new Money(this.value.times(String(factor)));
  }

  /** The larger of this and other. */
  max(other: Money): Money {
    return this.cmp(other) >= 0 ? this : other;
  }

  /** The smaller of this and other. */
  min(other: Money): Money {
    return this.cmp(other) <= 0 ? this : other;
  }

  /** -1, 0 or 1. */
  cmp(other: Money): number {
    return this.value.comparedTo(other.value);
  }

  /** Whether this is greater than other. */
  gt(other: Money): boolean {
    return this.value.greaterThan(other.value);
  }

  /** Whether this is less than other. */
  lt(other: Money): boolean {
    return this.value.lessThan(other.value);
  }

  /** Whether this equals other exactly. */
  eq(other: Money): boolean {
    return this.value.equals(other.value);
  }

  /** Whether the amount is zero. */
  isZero(): boolean {
    return this.value.isZero();
  }

  /** Whether the amount is below zero. */
  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  /** The amount rounded half-up to whole øre, in øre. */
  toOre(): Ore {
    return BigInt(this.value.times(100).toDecimalPlaces(0).toFixed(0));
  }

  /** The amount rounded half-up to thousandths of a krone, in thousandths. */
  toMilli(): Milli {
    return BigInt(this.value.times(1000).toDecimalPlaces(0).toFixed(0));
  }

  /** The JSON form: two decimals, `.` as decimal mark, no grouping (`"1250000.50"`). */
  toFixed2(): string {
    const text = this.value.toFixed(2);
    return text === '-0.00' ? '0.00' : text;
  }

  /** Same as `toFixed2`, so JSON.stringify writes the contract's form. */
  toJSON(): string {
    return this.toFixed2();
  }

  /** A number for an Excel cell only; never compute with it. */
  toNumber(): number {
    return Number(this.toFixed2());
  }

  /**
   * A number for a ledger amount's cell: up to three decimals (a line of the state accounts has
   * three), so the cell reads back as the same amount. Never compute with it.
   */
  toLedgerCellNumber(): number {
    return Number(this.value.toDecimalPlaces(3).toFixed());
  }

  /** The underlying decimal, for ratios. */
  toDecimal(): Dec {
    return this.value;
  }
}

/** `part / whole` rounded half-up to `places` decimals, as a plain string; null when whole is zero. */
export function ratio(part: Money, whole: Money, places = 4): string | null {
  if (whole.isZero()) return null;
  return part.toDecimal().dividedBy(whole.toDecimal()).toDecimalPlaces(places).toFixed(places);
}

/** Sums money. */
export function sum(amounts: Iterable<Money>): Money {
  let total = Money.zero;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** Why an amount could not be read. */
export type AmountFault = 'bad_amount' | 'ambiguous_amount' | 'too_many_decimals';

/** An amount read from text: øre, or the reason it is not one. */
export type AmountReading = { ok: true; ore: Ore } | { ok: false; fault: AmountFault };

const PLAIN = /^(\d+)(?:\.(\d{1,2}))?$/;
const WITH_COMMA = /^(\d+|\d{1,3}(?:([ \u00a0\u202f.])\d{3})(?:\2\d{3})*),(\d+)$/;
const WITHOUT_COMMA = /^(\d+|\d{1,3}(?:([ \u00a0\u202f])\d{3})(?:\2\d{3})*)(?:\.(\d+))?$/;
const DOTTED_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPING = /[ \u00a0\u202f.]/g;

/**
 * The common plain spellings (`-1250000,50`, `1250000.5`, `12`) read without regular expressions:
 * digits, then optionally `,` or `.` and one or two digits. Anything else (grouping, a three-digit
 * tail, more than 15 digits) returns null and takes the full path. The digits are accumulated as an
 * integer below 2^53, where every integer is exact, and become a bigint at once.
 */
function quickAmount(text: string): Ore | null {
  const length = text.length;
  if (length === 0 || length > 17) return null;
  let i = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) i = 1;
  let ore = 0;
  let digits = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    ore = ore * 10 + c;
    digits++;
  }
  if (digits === 0) return null;
  let decimals = 0;
  if (i < length) {
    const mark = text.charCodeAt(i);
    if (mark !== 44 && mark !== 46) return null;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || decimals === 2) return null;
      ore = ore * 10 + c;
      decimals++;
    }
    if (decimals === 0) return null;
  }
  if (digits + decimals > 15) return null;
  if (decimals < 2) ore *= decimals === 0 ? 100 : 10;
  const value = BigInt(ore);
  return negative ? -value : value;
}

/**
 * Reads an amount strictly, one reading or none (CONTRACTS §2): `1 250 000,50`, `1.250.000,50`,
 * `1250000.50`, `1 250 000.50`, a leading `-` or `−`; at most two decimals. `1.250` reads two ways
 * and is refused as ambiguous.
 */
export function parseAmount(raw: string): AmountReading {
  const quick = quickAmount(raw);
  if (quick !== null) return { ok: true, ore: quick };
  let text = raw.trim();
  let negative = false;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = true;
    text = text.slice(1);
  }
  let whole: string;
  let fraction: string;
  const plain = PLAIN.exec(text);
  if (plain) {
    whole = plain[1]!;
    fraction = plain[2] ?? '';
  } else if (text.includes(',')) {
    const match = WITH_COMMA.exec(text);
    if (!match) return { ok: false, fault: 'bad_amount' };
    whole = match[1]!.replace(GROUPING, '');
    fraction = match[3]!;
    if (fraction.length > 2) return { ok: false, fault: 'too_many_decimals' };
  } else if (DOTTED_THOUSANDS.test(text)) {
    return { ok: false, fault: 'ambiguous_amount' };
  } else {
    const match = WITHOUT_COMMA.exec(text);
    if (!match) return { ok: false, fault: 'bad_amount' };
    whole = match[1]!.replace(GROUPING, '');
    fraction = match[3] ?? '';
    if (fraction.length === 3) return { ok: false, fault: 'ambiguous_amount' };
    if (fraction.length > 3) return { ok: false, fault: 'too_many_decimals' };
  }
  const digitsText = whole + fraction.padEnd(2, '0');
  // Up to 15 digits, Number reads the integer exactly and BigInt(number) is much faster than
  // BigInt(string); this is integer parsing, never floating-point arithmetic on money.
  const ore = digitsText.length <= 15 ? BigInt(Number(digitsText)) : BigInt(digitsText);
  return { ok: true, ore: negative ? -ore : ore };
}

/** An amount read from text in thousandths of a krone, or the reason it is not one. */
export type MilliReading = { ok: true; milli: Milli } | { ok: false; fault: AmountFault };

const THREE_DECIMALS = /^(-|\u2212)?(\d+|\d{1,3}(?:([ \u00a0\u202f.])\d{3})(?:\3\d{3})*)?,(\d{3})$/;

/**
 * Reads an amount in thousandths of a krone. By section 2's rules (`parseAmount`) unless
 * `thirdDecimal`; with it, a comma followed by exactly three digits is read as three decimals
 * (the state accounts write `1234,560`, and zero as `,000`; a sheet's number cell reaches the
 * readers as its exact decimal with a comma), which section 2 refuses as too many decimals.
 */
export function parseAmountMilli(raw: string, thirdDecimal = false): MilliReading {
  if (thirdDecimal) {
    const match = THREE_DECIMALS.exec(raw.trim());
    if (match) {
      const whole = (match[2] ?? '0').replace(GROUPING, '');
      const milli = BigInt(whole + match[4]!);
      return { ok: true, milli: match[1] !== undefined ? -milli : milli };
    }
  }
  const reading = parseAmount(raw);
  return reading.ok ? { ok: true, milli: oreToMilli(reading.ore) } : reading;
}

/** How an amount is shown to people. */
export interface FormatOptions {
  lang?: 'nb' | 'en';
  /** Append the currency (`kr` in bokmål, `NOK` in English). Default true. */
  currency?: boolean;
  /** Decimals to show (default 2). */
  decimals?: 0 | 2;
}

/** Groups digits in threes with the given separator. */
function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Formats money for people: `1 250 000,00 kr` in bokmål (no-break spaces, so an amount never
 * wraps; the minus sign is U+2212), `NOK 1,250,000.00` in English.
 */
export function formatMoney(amount: Money, options: FormatOptions = {}): string {
  const lang = options.lang ?? 'nb';
  const decimals = options.decimals ?? 2;
  const fixed = amount.toDecimal().toFixed(decimals);
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  const [whole, fraction] = fixed.replace('-', '').split('.') as [string, string | undefined];
  const withCurrency = options.currency ?? true;
  if (lang === 'en') {
    const body = group(whole, ',') + (fraction ? `.${fraction}` : '');
    return `${negative ? '-' : ''}${withCurrency ? 'NOK ' : ''}${body}`;
  }
  const body = group(whole, '\u00a0') + (fraction ? `,${fraction}` : '');
  return `${negative ? '\u2212' : ''}${body}${withCurrency ? '\u00a0kr' : ''}`;
}

/** Formats a ratio string (`"0.9642"`) as a percentage for people (`96,42 %`). */
export function formatPercent(ratioText: string | null, lang: 'nb' | 'en' = 'nb', decimals = 2): string {
  if (ratioText === null) return '–';
  const percent = new Dec(ratioText).times(100).toFixed(decimals);
  return lang === 'nb' ? `${percent.replace('-', '\u2212').replace('.', ',')}\u00a0%` : `${percent}%`;
}
