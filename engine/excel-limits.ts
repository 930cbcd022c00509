/**
 * What an Excel cell holds exactly, so that every value written to a sheet reads back as the same
 * value (CONTRACTS §2, issue 10). The ledger readers refuse a line that goes beyond these limits; a
 * workbook writer may check the same ones. They are Excel's limits, not ours.
 */

/** The most characters a cell holds; Excel cuts a longer text. */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/** The most significant digits a number cell holds exactly (Excel shows and keeps 15). */
export const EXCEL_EXACT_DIGITS = 15;

/**
 * The largest absolute amount in øre a cell holds exactly: 15 digits in øre, 9 999 999 999 999,99 kr
 * (a larger amount, written as a number, reads back as another one: `99999999999999999999,99` as 1e20).
 */
export const MAX_AMOUNT_ORE: bigint = 10n ** BigInt(EXCEL_EXACT_DIGITS) - 1n;

/**
 * Whether an amount in thousandths of a krone fits a cell exactly: 15 significant digits, so
 * 9 999 999 999 999,99 kr with two decimals and 999 999 999 999,999 kr with a third one.
 */
export function amountFitsCell(milli: bigint): boolean {
  const magnitude = milli < 0n ? -milli : milli;
  return magnitude % 10n === 0n ? magnitude / 10n <= MAX_AMOUNT_ORE : magnitude <= MAX_AMOUNT_ORE;
}

/**
 * Whether a UTF-16 code unit is a control character a sheet does not keep: U+0000–U+001F and U+007F.
 * The .xlsx writer drops most of them and XML turns a CR into a line feed, so a value holding one
 * would read back as another value.
 */
export function isControlCode(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

// The control characters are what these patterns are about (eslint's no-control-regex guards against them by accident).
/** Matches a control character (see `isControlCode`). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Matches a control character other than a line feed (a line break in a text cell survives a sheet). */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/**
 * Whether a text holds a control character; with `lineBreaks`, a line feed does not count (a text
 * cell keeps line breaks; a CR must have been turned into a line feed before asking).
 */
export function hasControlCharacter(text: string, lineBreaks = false): boolean {
  return (lineBreaks ? CONTROL_BUT_LINE_FEED : CONTROL).test(text);
}

/** A text with every control character shown as `<U+XXXX>`, for messages (the characters themselves are invisible). */
export function showControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
