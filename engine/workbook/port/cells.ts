/**
 * Cell rules every workbook port shares: what a written cell reads back as, ISO dates and Excel
 * serial dates, and the checks a batch of tables must pass before anything is written.
 */
import { isFormula, type Cell, type CellValue, type TableData } from './port.js';

/** The value a cell reads back as: a formula's cached result, and `''` as empty (null). */
export function readBackValue(cell: Cell): CellValue {
  const value = isFormula(cell) ? cell.cached : cell;
  return value === '' ? null : value;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel serial day number (1900 system) for an ISO date `YYYY-MM-DD`. */
export function serialOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** The ISO date `YYYY-MM-DD` of an Excel serial day number (the time of day is dropped). */
export function isoDateOfSerial(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Checks a batch before a port writes any of it (so a write is all or nothing): table names unique
 * and not reused on another sheet, each row as wide as its columns, numbers finite. Throws: a bad
 * batch is a bug in the caller, not a user's input.
 */
export function checkTables(
  tables: readonly TableData[],
  existingSheetOf: (table: string) => string | undefined = () => undefined,
): void {
  const seen = new Set<string>();
  for (const { spec, rows } of tables) {
    const key = spec.table.toLowerCase();
    if (seen.has(key)) throw new Error(`table ${spec.table} is written twice in one batch`);
    seen.add(key);
    const existing = existingSheetOf(spec.table);
    if (existing !== undefined && existing !== spec.sheet)
      throw new Error(`table ${spec.table} exists on sheet ${existing}, not ${spec.sheet}`);
    if (spec.columns.length === 0) throw new Error(`table ${spec.table} has no columns`);
    rows.forEach((row, i) => {
      if (row.length !== spec.columns.length) {
        throw new Error(`table ${spec.table} row ${i + 1} has ${row.length} cells, not ${spec.columns.length}`);
      }
      for (const cell of row) {
        const value = isFormula(cell) ? cell.cached : cell;
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new Error(`table ${spec.table} row ${i + 1} holds ${value}`);
      }
    });
    for (const name of Object.keys(spec.totals ?? {})) {
      if (!spec.columns.some((c) => c.name === name))
        throw new Error(`table ${spec.table} totals name an unknown column ${name}`);
    }
  }
}
