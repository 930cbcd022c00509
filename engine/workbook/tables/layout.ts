/**
 * The planning workbook's layout as plain data (CONTRACTS §5): sheets, tables, columns, number
 * formats, widths, validation lists and conditional formats. Hosts only carry it out.
 */
import { FRAME_SOURCES } from '../../plan/frame.js';
import { FUNDINGS, INSTRUMENTS } from '../../plan/instruments.js';
import { ENTRY_KINDS } from '../../ledger/line.js';
import type { Lang } from '../../messages/problems.js';
import type { ColumnKind, TableSpec } from '../port/port.js';
import { col } from './spec-column.js';

/** Excel number formats by column kind; `,` and `.` are shown in the reader's own locale (space and comma in Norwegian). */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  yesno: '@',
  year: '0',
  whole: '0',
  money: '#,##0.00 "kr";-#,##0.00 "kr"',
  percent: '0.00%',
  date: 'dd.mm.yyyy',
  decimal: '0.00',
};

/** The number format of a column kind. */
export function numberFormatOf(kind: ColumnKind): string {
  return NUMBER_FORMATS[kind];
}

/** The sheets in the order they appear (Styring and Evaluering are written when governance and an evaluation are given). */
export const SHEET_ORDER: readonly string[] = [
  'Rammer',
  'Poster',
  'Forbruk',
  'Avstemming',
  'Bevilgning',
  'Styring',
  'Evaluering',
  'Logg',
];

/** The column letters of a 1-based column number (1 = A, 27 = AA). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A structured reference to a whole column of a table's data, in file syntax (`Forbruk[Beløp]`). */
export function columnRef(table: string, column: string): string {
  return `${table}[${column}]`;
}

/** A structured reference to the same row, in file syntax (`Tabell[[#This Row],[Kolonne]]`), never `[@Kolonne]`. */
export function thisRowRef(table: string, column: string): string {
  return `${table}[[#This Row],[${column}]]`;
}

/** The 1-based sheet column of a table's column, by name; throws for a name not in the spec (a bug). */
export function sheetColumnOf(spec: TableSpec, name: string): number {
  const index = spec.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`table ${spec.table} has no column ${name}`);
  return spec.origin.column + index;
}

/** The A1 reference of a table's data rows (`A2:J94`) for `rowCount` rows (at least one). */
export function dataRangeOf(spec: TableSpec, rowCount: number): string {
  const first = spec.origin.row + 1;
  const last = first + Math.max(rowCount, 1) - 1;
  const left = columnLetter(spec.origin.column);
  const right = columnLetter(spec.origin.column + spec.columns.length - 1);
  return `${left}${first}:${right}${last}`;
}

const INSTRUMENT_IDS = INSTRUMENTS.map((i) => i.id);
const YES_NO = ['ja', 'nei'];
const A1 = { row: 1, column: 1 } as const;

/** The carry-over rules a frame may have, as the `Overføring` column writes them. */
export const CARRY_OVER_WORDS = ['ingen', 'alt', 'andel'] as const;

/**
 * The `Rammer` table: the plan's frames; `Kildetekst` and the carry-over columns (`Overføring`,
 * `Andel`, `Overforbruk overføres`) are added columns (CONTRACTS §5 allows columns at the end).
 */
export const RAMMER: TableSpec = {
  sheet: 'Rammer',
  table: 'Rammer',
  origin: A1,
  columns: [
    col('Virkemiddel', 'text', 22, { validationList: INSTRUMENT_IDS }),
    col('Navn', 'text', 48),
    col('Fra', 'year', 7),
    col('Til', 'year', 7),
    col('Beløp', 'money', 18),
    col('Enhet', 'text', 7),
    col('Finansiering', 'text', 20, { validationList: FUNDINGS }),
    col('Betingelse', 'text', 40),
    col('Bekreftet', 'yesno', 10, { validationList: YES_NO }),
    col('Kilde', 'text', 15, { validationList: FRAME_SOURCES }),
    col('Kildetekst', 'text', 60),
    col('Overføring', 'text', 12, { validationList: CARRY_OVER_WORDS }),
    col('Andel', 'percent', 9),
    col('Overforbruk overføres', 'yesno', 12, { validationList: YES_NO }),
  ],
};

/** The `Poster` table: budget posts (kapittel.post) mapped to instruments. */
export const POSTER: TableSpec = {
  sheet: 'Poster',
  table: 'Poster',
  origin: A1,
  columns: [
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('Virkemiddel', 'text', 22, { validationList: INSTRUMENT_IDS }),
    col('Navn', 'text', 55),
  ],
};

/**
 * The `Konteringsregler` table (CONTRACTS §8), on the sheet `Poster` beside `Poster`: which
 * instruments the lines of a chapter, post, account, dimension or organisation go to, and in what
 * share (`?` when the share is not known: such lines are shown as unallocated, never guessed).
 */
export const KONTERINGSREGLER: TableSpec = {
  sheet: 'Poster',
  table: 'Konteringsregler',
  origin: { row: 1, column: 6 },
  columns: [
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('Konto', 'text', 10),
    col('Dimensjon', 'text', 18),
    col('Virksomhet', 'text', 13),
    col('Fra år', 'year', 8),
    col('Til år', 'year', 8),
    col('Virkemiddel', 'text', 22, { validationList: INSTRUMENT_IDS }),
    col('Andel', 'text', 9),
  ],
};

/**
 * The `Bevilgning` table (CONTRACTS §9): per chapter, post and year, what Stortinget appropriated
 * (from DFØ's appropriation history), what the ledger spent on the post (a live formula over
 * `Forbruk`, like Avstemming's `Utbetalt`) and the agreement's frames for the post's instruments.
 */
export const BEVILGNING: TableSpec = {
  sheet: 'Bevilgning',
  table: 'Bevilgning',
  origin: A1,
  columns: [
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('År', 'year', 7),
    col('Saldert', 'money', 18),
    col('Endringer', 'money', 18),
    col('Overført inn', 'money', 18),
    col('Bevilget', 'money', 18),
    col('Brukt', 'money', 18),
    col('Rammer', 'money', 18),
    col('Gjenstår', 'money', 18),
    col('Virkemidler', 'text', 40),
    col('Per dato', 'date', 12),
    // Issue 12: how long the year's money may be used (kan overføres, 5 %, ingen), typed by the user.
    col('Overføring', 'text', 14),
    // What of the money lapses at the end of the row's year if not spent (the engine's, by year of origin).
    col('Faller bort', 'money', 18),
  ],
};

/**
 * The `Tilsagnsfullmakter` table (issue 12): per chapter, post and year the commitment
 * authorisation Stortinget gave (`Fullmakt`, typed by the user), and beside it what uses it at the
 * end of that year as the engine counts it (`Brukt`, `Herav forfall ukjent`, `Igjen`, `Merknad`:
 * output, never read).
 */
export const TILSAGNSFULLMAKTER: TableSpec = {
  sheet: 'Tilsagn',
  table: 'Tilsagnsfullmakter',
  origin: A1,
  columns: [
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('År', 'year', 7),
    col('Fullmakt', 'money', 18),
    col('Brukt', 'money', 18),
    col('Herav forfall ukjent', 'money', 18),
    col('Igjen', 'money', 18),
    col('Merknad', 'text', 28),
  ],
};

/**
 * The `Tilsagn` table (issue 12): per instrument and budget year, the commitments register of the
 * engine (`commitmentRegister`) as of `Per dato`: output, written again with every change, never read.
 */
export const TILSAGN: TableSpec = {
  sheet: 'Tilsagn',
  table: 'Tilsagn',
  origin: { row: 1, column: 10 },
  columns: [
    col('Virkemiddel', 'text', 22),
    col('År', 'year', 7),
    col('Åpne ved start', 'money', 18),
    col('Nye i året', 'money', 18),
    col('Utbetalt', 'money', 18),
    col('Annullert', 'money', 18),
    col('Åpne ved slutt', 'money', 18),
    col('Forfalt', 'money', 18),
    col('Forfall neste år', 'money', 18),
    col('Forfall senere', 'money', 18),
    col('Forfall ukjent', 'money', 18),
    col('Merknad', 'text', 28),
    col('Per dato', 'date', 12),
  ],
};

/**
 * The `ApneTilsagn` table (issue 12): the commitments open at the `Per dato` of the workbook, oldest
 * first, as the engine's register lists them: output, never read.
 */
export const APNE_TILSAGN: TableSpec = {
  sheet: 'Tilsagn',
  table: 'ApneTilsagn',
  origin: { row: 1, column: 24 },
  columns: [
    col('Bilag', 'text', 14),
    col('Dato', 'date', 12),
    col('Virkemiddel', 'text', 22),
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('Mottaker', 'text', 24),
    col('Saksnummer', 'text', 14),
    col('Tilsagn', 'money', 18),
    col('Oppgjort', 'money', 18),
    col('Åpent', 'money', 18),
    col('Alder (måneder)', 'whole', 10),
    col('Forfall', 'text', 36),
    col('Merknad', 'text', 14),
  ],
};

/** The `Forbruk` table: the ledger, one line per row. */
export const FORBRUK: TableSpec = {
  sheet: 'Forbruk',
  table: 'Forbruk',
  origin: A1,
  columns: [
    col('Dato', 'date', 12),
    col('Bilag', 'text', 14),
    col('Virkemiddel', 'text', 22, { validationList: INSTRUMENT_IDS }),
    col('Type', 'text', 13, { validationList: ENTRY_KINDS }),
    col('Beløp', 'money', 18),
    col('Referanse', 'text', 14),
    col('År', 'year', 7),
    col('Kapittel', 'whole', 10),
    col('Post', 'whole', 7),
    col('Tekst', 'text', 45),
    // CONTRACTS §7, §8: what the rules place a line of the state accounts or SAF-T by, and the
    // rest of its content key, so a line not placed yet is placed once its shares are set and a
    // re-import of the same file is recognised.
    col('Konto', 'text', 10),
    col('Virksomhet', 'text', 12),
    col('Dimensjon', 'text', 20),
    col('Kildenøkkel', 'text', 24),
    // Issue 12: a commitment's due date or year (text, so a year stays a year), its recipient and case number.
    col('Forfall', 'text', 12),
    col('Mottaker', 'text', 24),
    col('Saksnummer', 'text', 14),
  ],
};

/** Notes on the `Avstemming` headers, in each language. */
const AVSTEMMING_NOTES: Record<Lang, Record<string, string>> = {
  nb: {
    Utbetalt:
      'Formel: summen av utbetalinger i Forbruk for virkemiddelet med budsjettår fra Fra til Til, datert til og med Per dato. Oppdateres når du skriver inn nye rader i Forbruk.',
    'Åpne tilsagn':
      'Verdi beregnet av IA Planner da arbeidsboken ble skrevet: hvert tilsagn minus annulleringer og utbetalinger som viser til det (Referanse), minst 0. Ikke en formel; skriv arbeidsboken på nytt for å oppdatere.',
    Gjenstår: 'Formel: Ramme − Utbetalt − Åpne tilsagn (tom der rammen ikke er fastsatt).',
    Utnyttelse: 'Formel: Utbetalt / Ramme, avrundet til fire desimaler.',
    'Overført inn':
      'Beløp overført fra rammen året før etter rammens overføringsregel (Rammer: Overføring, Andel, Overforbruk overføres). Egen kolonne: inngår aldri i Ramme eller Gjenstår.',
    'Per dato':
      'Avstemmingsdatoen: Utbetalt teller linjer i Forbruk datert til og med den. Forbruk har alle linjene uansett dato; endre datoen for å se rammen per en annen dag.',
  },
  en: {
    Utbetalt:
      'Formula: the disbursements in Forbruk for the instrument with a budget year from Fra to Til, dated on or before Per dato. Updates when you type new rows into Forbruk.',
    'Åpne tilsagn':
      'Value computed by IA Planner when the workbook was written: each commitment less the cancellations and disbursements that reference it, at least 0. Not a formula; write the workbook again to update it.',
    Gjenstår: 'Formula: Ramme − Utbetalt − Åpne tilsagn (empty where the frame is not set).',
    Utnyttelse: 'Formula: Utbetalt / Ramme, rounded to four decimals.',
    'Overført inn':
      "Carried in from the frame of the year before by that frame's carry-over rule (Rammer: Overføring, Andel, Overforbruk overføres). A column of its own: never part of Ramme or Gjenstår.",
    'Per dato':
      'The reconciliation date: Utbetalt counts the lines of Forbruk dated on or before it. Forbruk holds every line whatever its date; change the date to see the frame as of another day.',
  },
};

/** The `Avstemming` table (without totals; `build` adds them with the engine's figures). */
export function avstemmingSpec(lang: Lang = 'nb'): TableSpec {
  const notes = AVSTEMMING_NOTES[lang];
  const note = (name: string) => (notes[name] === undefined ? {} : { note: notes[name] });
  const base: TableSpec = {
    sheet: 'Avstemming',
    table: 'Avstemming',
    origin: A1,
    columns: [
      col('Virkemiddel', 'text', 22),
      col('Navn', 'text', 48),
      col('Fra', 'year', 7),
      col('Til', 'year', 7),
      col('Ramme', 'money', 18),
      col('Utbetalt', 'money', 18, note('Utbetalt')),
      col('Åpne tilsagn', 'money', 18, note('Åpne tilsagn')),
      col('Gjenstår', 'money', 18, note('Gjenstår')),
      col('Utnyttelse', 'percent', 12, note('Utnyttelse')),
      col('Merknader', 'text', 45),
      col('Overført inn', 'money', 18, note('Overført inn')),
      col('Per dato', 'date', 12, note('Per dato')),
    ],
  };
  const letter = (name: string) => `$${columnLetter(sheetColumnOf(base, name))}${base.origin.row + 1}`;
  const [ramme, utbetalt, apne] = [letter('Ramme'), letter('Utbetalt'), letter('Åpne tilsagn')];
  // Over the frame as in CONTRACTS §3: spent + open commitments > frame, live on the sheet's values.
  return {
    ...base,
    conditionalFormats: [{ formula: `=AND(${ramme}<>"",${utbetalt}+${apne}>${ramme})`, fill: 'FDE7E9', font: '9C0006' }],
  };
}

/**
 * The `Logg` table: the change log, the contract's four columns (CONTRACTS §5) and then each
 * entry's own fields with the hash chain. The one spec of the table, written and read.
 */
export const LOGG: TableSpec = {
  sheet: 'Logg',
  table: 'Logg',
  origin: A1,
  columns: [
    // An ISO 8601 stamp with its offset (`2025-01-01T00:30:00+01:00`) is 25 characters.
    col('Tidspunkt', 'text', 26),
    col('Hvem', 'text', 18),
    col('Handling', 'text', 24),
    col('Detaljer', 'text', 70),
    col('Løpenummer', 'whole', 11),
    col('Kode', 'text', 18),
    col('Objekt', 'text', 30),
    col('Før', 'text', 24),
    col('Etter', 'text', 24),
    col('Begrunnelse', 'text', 40),
    col('Forrige hash', 'text', 66),
    col('Hash', 'text', 66),
  ],
};

/** Every table spec of the layout (except Evaluering's), by table name. */
export function layoutSpecs(lang: Lang = 'nb'): readonly TableSpec[] {
  return [RAMMER, POSTER, FORBRUK, avstemmingSpec(lang), LOGG, KONTERINGSREGLER];
}
