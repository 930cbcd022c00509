// Generators of ledger files for the fuzz suite: valid lines with the file they should read back as,
// headers in any order and spelling, and hostile shapes (bad quoting, control characters, huge
// numbers, long fields, stray bytes) that a reader must turn into problems, never into an exception.
import fc from 'fast-check';
import { INSTRUMENTS, type EntryKind, type FileReport, type Ledger, type Problem } from '../../engine/index.js';
import { amountFitsCell, EXCEL_MAX_CELL_TEXT, MAX_AMOUNT_ORE } from '../../engine/excel-limits.js';

/** A ledger column by its canonical key (as the reader's alias table names it). */
export type Column = 'dato' | 'bilag' | 'virkemiddel' | 'type' | 'belop' | 'referanse' | 'ar' | 'tekst';

/** How a header may spell each column (case, Norwegian letters, English). */
export const SPELLINGS: Readonly<Record<Column, readonly string[]>> = {
  dato: ['dato', 'Dato', 'DATE', 'date'],
  bilag: ['Bilag', 'bilag', 'voucher', 'VOUCHER'],
  virkemiddel: ['Virkemiddel', 'instrument', 'INSTRUMENT'],
  type: ['Type', 'kind', 'KIND'],
  belop: ['Beløp', 'BELØP', 'belop', 'amount', 'Amount'],
  referanse: ['Referanse', 'reference'],
  ar: ['År', 'år', 'ar', 'year', 'Budsjettår'],
  tekst: ['Tekst', 'text', 'Description'],
};

const OPTIONAL: readonly Column[] = ['type', 'referanse', 'ar', 'tekst'];
const KIND_SPELLINGS: Readonly<Record<EntryKind, readonly string[]>> = {
  utbetaling: ['', 'utbetaling', 'Utbetaling', 'disbursement', 'DISBURSEMENT'],
  tilsagn: ['tilsagn', 'TILSAGN', 'commitment'],
  annullering: ['annullering', 'cancellation', 'Cancellation'],
};

/** Characters of vouchers, references and texts: letters, Norwegian and other scripts, separators, quotes, formula starts. */
const TEXT_UNITS = [
  'A',
  'b',
  'Z',
  '0',
  '7',
  '-',
  '/',
  ' ',
  'æ',
  'Ø',
  'å',
  ';',
  ',',
  '"',
  "'",
  '=',
  '+',
  '@',
  '€',
  '中',
  '😀',
  '\u00a0',
];

/** A text without control characters (what a voucher or reference may hold). */
export const plainText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...TEXT_UNITS), maxLength });

/** A free text: plain characters and line breaks (LF or CRLF, both allowed in `tekst`). */
const freeText = fc.string({ unit: fc.constantFrom(...TEXT_UNITS, '\n', '\r\n'), maxLength: 30 });

/** An amount in øre within what a cell holds exactly, biased towards the edges. */
export const validOre = fc.oneof(
  fc.bigInt({ min: -MAX_AMOUNT_ORE, max: MAX_AMOUNT_ORE }),
  fc.bigInt({ min: -100_000_000n, max: 100_000_000n }),
  fc.constantFrom(0n, 1n, -1n, 99n, 100n, MAX_AMOUNT_ORE, -MAX_AMOUNT_ORE),
);

/** Groups the digits of a whole number in threes with `mark`. */
function grouped(digits: string, mark: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

/** An amount in øre written in one of the spellings CONTRACTS §2 reads, chosen by `style`. */
export function spellAmount(ore: bigint, style: number): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const whole = (abs / 100n).toString();
  const cents = (abs % 100n).toString().padStart(2, '0');
  const sign = negative ? (style % 2 === 0 ? '-' : '\u2212') : '';
  // Decimals may be left out (whole kroner) or cut to one digit (tenths) only when the value allows.
  const decimals = cents === '00' && style % 3 === 0 ? '' : cents[1] === '0' && style % 5 === 0 ? cents[0]! : cents;
  switch (style % 4) {
    case 0: // 1250000,50
      return `${sign}${whole}${decimals === '' ? '' : `,${decimals}`}`;
    case 1: // 1 250 000,50 or 1.250.000,50 (a comma must then follow)
      return `${sign}${grouped(whole, [' ', '\u00a0', '.', '\u202f'][(style % 7) % 4]!)},${cents}`;
    case 2: // 1250000.50
      return `${sign}${whole}${decimals === '' ? '' : `.${decimals}`}`;
    default: // 1 250 000.50
      return `${sign}${grouped(whole, ' ')}${decimals === '' ? '' : `.${decimals}`}`;
  }
}

/** One valid ledger line: what the file says and what it must read as. */
export interface ValidLine {
  readonly cells: Readonly<Record<Column, string>>;
  readonly expected: {
    readonly date: string;
    readonly voucher: string;
    readonly instrument: string;
    readonly kind: EntryKind;
    readonly amount: bigint;
    readonly reference: string;
    readonly year: number;
    readonly text: string;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A valid ledger line, each field in one of its accepted spellings. */
export const validLine: fc.Arbitrary<ValidLine> = fc
  .record({
    year: fc.integer({ min: 2019, max: 2028 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    isoDate: fc.boolean(),
    voucher: plainText(12).filter((s) => s.trim() !== ''),
    instrument: fc.constantFrom(...INSTRUMENTS),
    byName: fc.boolean(),
    kind: fc.constantFrom<EntryKind>('utbetaling', 'tilsagn', 'annullering'),
    kindSpelling: fc.nat(),
    ore: validOre,
    amountStyle: fc.nat(),
    reference: plainText(8),
    budgetYear: fc.option(fc.integer({ min: 2019, max: 2028 })),
    text: freeText,
  })
  .map((g): ValidLine => {
    const day = Math.min(g.day, new Date(Date.UTC(g.year, g.month, 0)).getUTCDate());
    const iso = `${g.year}-${pad(g.month)}-${pad(day)}`;
    const kinds = KIND_SPELLINGS[g.kind];
    return {
      cells: {
        dato: g.isoDate ? iso : `${pad(day)}.${pad(g.month)}.${g.year}`,
        bilag: g.voucher,
        virkemiddel: g.byName ? g.instrument.name : g.instrument.id,
        type: kinds[g.kindSpelling % kinds.length]!,
        belop: spellAmount(g.ore, g.amountStyle),
        referanse: g.reference,
        ar: g.budgetYear === null ? '' : String(g.budgetYear),
        tekst: g.text,
      },
      expected: {
        date: iso,
        voucher: g.voucher.trim(),
        instrument: g.instrument.id,
        kind: g.kind,
        amount: g.ore,
        reference: g.reference.trim(),
        year: g.budgetYear ?? g.year,
        text: g.text.trim().replace(/\r\n/g, '\n'),
      },
    };
  });

/** A header: the required columns and some optional ones, in any order, each in some spelling. */
export interface HeaderShape {
  readonly columns: readonly Column[];
  readonly names: readonly string[];
}

export const headerShape: fc.Arbitrary<HeaderShape> = fc
  .record({
    optional: fc.subarray([...OPTIONAL]),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    spelling: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    spaces: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ optional, order, spelling, spaces }) => {
    const chosen: Column[] = ['dato', 'bilag', 'virkemiddel', 'belop', ...optional];
    // A permutation from the random keys: sort the columns by them.
    const columns = chosen
      .map((c, i) => [c, order[i]!] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
    const names = columns.map((c, i) => {
      const options = SPELLINGS[c];
      const name = options[spelling[i]! % options.length]!;
      return spaces[i] ? ` ${name} ` : name;
    });
    return { columns, names };
  });

/** Separators and line endings a ledger may use. */
export const separator = fc.constantFrom(';', ',', '\t');
export const lineEnding = fc.constantFrom('\n', '\r\n');

/** A field as CSV writes it: quoted when it must be (or when `quote` asks), quotes doubled. */
export function csvField(value: string, sep: string, quote = false): string {
  const needs = quote || value.includes(sep) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text of rows, and the line each row starts on (1 = header). */
export function csvText(rows: readonly (readonly string[])[], sep: string, eol: string, trailing: boolean, quoteAll = false) {
  const starts: number[] = [];
  let line = 1;
  const texts = rows.map((row) => {
    starts.push(line);
    const text = row.map((v) => csvField(v, sep, quoteAll)).join(sep);
    line += (text.match(/\n/g) ?? []).length + 1;
    return text;
  });
  return { text: texts.join(eol) + (trailing ? eol : ''), starts };
}

/** Values no ledger line may hold as they stand: each must give a problem (or, where allowed, a line), never an exception. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '99999999999999999999,99',
    '10000000000000,00',
    '-10 000 000 000 000,00',
    '1e5',
    'NaN',
    'Infinity',
    '-0',
    '1.250',
    '1,234,56',
    '0,001',
    '12.3.4',
    '9'.repeat(400),
    '2024-02-30',
    '31.12.9999',
    '0000-00-00',
    '20240101',
    '2018',
    '2029',
    '99999999999999999999999',
    'ukjent',
    '0601',
    '601.22',
    "=cmd|' /C calc'!A0",
    '"',
    '""',
    '\uFEFF',
    '\uD800',
    '\uDFFF\uD800',
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\r',
    'x'.repeat(EXCEL_MAX_CELL_TEXT + 1),
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);

/** Interesting byte runs for random files: BOMs, NUL, Windows-1252 high bytes, broken and valid UTF-8, separators. */
export const byteRun: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0x00],
      [0x80],
      [0x9f],
      [0xe6, 0xf8, 0xe5],
      [0xc3, 0xa6],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0x0a],
      [0x0d, 0x0a],
      [0x0d],
      [0x3b],
      [0x2c],
      [0x09],
      [0x22],
    )
    .map((bytes) => Uint8Array.from(bytes)),
  fc.uint8Array({ maxLength: 16 }),
  fc
    .string({ unit: fc.constantFrom('2024', '-01-', '15', ';', 'V-1', 'skil', '100,00', '\n', '"'), maxLength: 8 })
    .map((s) => new TextEncoder().encode(s)),
);

/** Concatenates byte runs into one file. */
export function concatBytes(runs: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(runs.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const run of runs) {
    out.set(run, at);
    at += run.length;
  }
  return out;
}

/** Cuts bytes into chunks at the given cut points (any order, any count). */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

/** The number of lines of a file (line feeds + 1): no problem may name a line past it. */
export function lineCount(text: string | Uint8Array): number {
  let n = 1;
  if (typeof text === 'string') {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  } else {
    for (const b of text) if (b === 0x0a) n++;
  }
  return n;
}

/**
 * What must hold of any report of a file, whatever the file held: it names the file; a rejected
 * file imports nothing and has a problem that says why; every problem names the file and a line
 * within it (or none), a column and words; and the ledger keeps only lines a sheet can hold.
 */
export function reportFaults(report: FileReport, ledger: Ledger, file: string, lines: number, skipInvalid: boolean): string[] {
  const faults: string[] = [];
  const fault = (text: string) => faults.push(text);
  if (report.file !== file) fault(`report names ${report.file}`);
  if (report.rejected && (report.imported !== 0 || report.duplicates !== 0)) fault('a rejected file imported lines');
  if (report.rejected && report.problems.length === 0) fault('rejected without a problem');
  if (!report.rejected && !skipInvalid && report.problems.length > 0) fault('problems, yet accepted without --skip-invalid');
  if (!report.rejected && report.imported + report.duplicates + report.problems.length === 0)
    fault('accepted with neither a line nor a problem');
  if (ledger.lines.length !== ledger.imported) fault('ledger.lines and imported differ');
  for (const p of report.problems) faults.push(...problemFaults(p, file, lines));
  for (const l of ledger.lines) {
    if (l.year < 2019 || l.year > 2028) fault(`line ${l.line} has year ${l.year}`);
    if (!amountFitsCell(l.amount)) fault(`line ${l.line} has amount ${l.amount} (milli)`);
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f]/;
    // eslint-disable-next-line no-control-regex
    if (control.test(l.voucher) || control.test(l.reference) || /[\u0000-\u0009\u000b-\u001f\u007f]/.test(l.text)) {
      fault(`line ${l.line} holds a control character`);
    }
    for (const text of [l.voucher, l.reference, l.text]) if (text.length > EXCEL_MAX_CELL_TEXT) fault(`line ${l.line} too long`);
    if (l.voucher === '') fault(`line ${l.line} has no voucher`);
    if (!Number.isInteger(l.line) || l.line < 2 || l.line > lines) fault(`line number ${l.line} of ${lines}`);
  }
  return faults;
}

/** What must hold of any problem: it names the file, a line within it or none, and says what was expected, in words. */
export function problemFaults(p: Problem, file: string, lines: number): string[] {
  const faults: string[] = [];
  if (p.file !== file) faults.push(`${p.code} names ${p.file}`);
  if (p.line !== null && (!Number.isInteger(p.line) || p.line < 1 || p.line > lines))
    faults.push(`${p.code} at line ${p.line} of ${lines}`);
  if (typeof p.message !== 'string' || p.message.trim() === '') faults.push(`${p.code} has no message`);
  if (typeof p.expected !== 'string' || p.expected.trim() === '') faults.push(`${p.code} has no expectation`);
  // A placeholder left unfilled in the catalogue's words (the user's own text, quoted, may hold braces).
  const words = p.message
    .split(p.value ?? '\u0000')
    .join('')
    .replace(/«[^»]*»|“[^”]*”/g, '');
  if (/\{[a-z]+\}/.test(words)) faults.push(`${p.code} message has a hole: ${p.message}`);
  return faults;
}
