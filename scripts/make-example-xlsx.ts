// Makes examples/forbruk-eksempel.xlsx from examples/forbruk-eksempel.csv (issue 11, CONTRACTS §7):
// the example ledger as an Excel table `Forbruk` with the columns of CONTRACTS §5, as a finance
// officer keeps it in Excel: dates as date cells, amounts, years, chapters and posts as number
// cells, the rest as text. Run: npx tsx scripts/make-example-xlsx.ts
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDate } from '../engine/calendar.js';
import { CsvReader } from '../engine/ledger/csv.js';
import { LEDGER_COLUMNS, mapHeader, type LedgerColumn } from '../engine/ledger/columns.js';
import { Money, parseAmount } from '../engine/money.js';

/** The columns of `Forbruk` (CONTRACTS §5), with the example CSV's column each comes from. */
const COLUMNS: readonly { name: string; from: LedgerColumn; kind: 'date' | 'text' | 'money' | 'whole'; width: number }[] = [
  { name: 'Dato', from: 'dato', kind: 'date', width: 12 },
  { name: 'Bilag', from: 'bilag', kind: 'text', width: 14 },
  { name: 'Virkemiddel', from: 'virkemiddel', kind: 'text', width: 30 },
  { name: 'Type', from: 'type', kind: 'text', width: 13 },
  { name: 'Beløp', from: 'belop', kind: 'money', width: 18 },
  { name: 'Referanse', from: 'referanse', kind: 'text', width: 14 },
  { name: 'År', from: 'ar', kind: 'whole', width: 7 },
  { name: 'Kapittel', from: 'kapittel', kind: 'whole', width: 10 },
  { name: 'Post', from: 'post', kind: 'whole', width: 7 },
  { name: 'Tekst', from: 'tekst', kind: 'text', width: 50 },
];

/** When the example was made: fixed, so the file says the same each time it is made. */
const MADE = new Date(Date.UTC(2025, 0, 6, 9, 0, 0));

/** A field of the CSV as the cell a person would have typed. */
function cellOf(text: string, kind: 'date' | 'text' | 'money' | 'whole'): ExcelJS.CellValue {
  if (text === '') return null;
  if (kind === 'text') return text;
  if (kind === 'date') {
    const iso = parseDate(text);
    if (iso === null) throw new Error(`not a date: ${text}`);
    // A date cell holds a day: exceljs writes the UTC instant of its midnight as that day's serial.
    return new Date(`${iso}T00:00:00Z`);
  }
  if (kind === 'money') {
    const amount = parseAmount(text);
    if (!amount.ok) throw new Error(`not an amount: ${text}`);
    return Money.fromOre(amount.ore).toNumber();
  }
  if (!/^\d+$/.test(text)) throw new Error(`not a whole number: ${text}`);
  return Number(text);
}

/** The example ledger's CSV text as a workbook with the table `Forbruk`. */
export function exampleLedgerWorkbook(csv: string): ExcelJS.Workbook {
  const records: string[][] = [];
  const reader = new CsvReader((fields) => records.push(fields));
  reader.push(csv);
  reader.end();
  const [head, ...lines] = records;
  const header = mapHeader(head!, LEDGER_COLUMNS);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IA Planner';
  workbook.created = MADE;
  workbook.modified = MADE;
  const sheet = workbook.addWorksheet('Forbruk');
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addTable({
    name: 'Forbruk',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: COLUMNS.map((c) => ({ name: c.name, filterButton: true })),
    rows: lines.map((fields) => COLUMNS.map((c) => cellOf(fields[header.index[c.from]!] ?? '', c.kind))),
  });
  COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.kind === 'date') column.numFmt = 'dd.mm.yyyy';
    if (c.kind === 'money') column.numFmt = '#,##0.00';
    if (c.kind === 'whole') column.numFmt = '0';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook;
}

/** The example CSV's path. */
export const EXAMPLE_CSV = fileURLToPath(new URL('../examples/forbruk-eksempel.csv', import.meta.url));
/** The example workbook's path. */
export const EXAMPLE_XLSX = fileURLToPath(new URL('../examples/forbruk-eksempel.xlsx', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await exampleLedgerWorkbook(readFileSync(EXAMPLE_CSV, 'utf8')).xlsx.writeFile(EXAMPLE_XLSX);
  console.log(`wrote ${EXAMPLE_XLSX}`);
}
