/**
 * Where the custom functions get their inputs: the workbook's tables read through a port, shared
 * by all function calls of one recalculation (a sheet with a hundred IA.RAMME cells reads the
 * workbook once, not a hundred times).
 */
import { osloDate, type IsoDate } from '../../engine/index.js';
import type { TableRead, WorkbookPort } from '../../engine/workbook/port/port.js';
import { FUNCTION_TABLES, inputsFromTables, type InputsReading } from './workbook-inputs.js';

/** Reads several tables at once; ExcelWorkbookPort does it in one Excel.run. */
export type TablesReader = (names: readonly string[]) => Promise<ReadonlyMap<string, TableRead | null>>;

/** A TablesReader over any port (one readTable per table). */
export function readerOf(port: WorkbookPort): TablesReader {
  return async (names) => new Map(await Promise.all(names.map(async (name) => [name, await port.readTable(name)] as const)));
}

/** Options of a source. */
export interface SourceOptions {
  /** How long one reading is reused, in milliseconds (one recalculation). */
  readonly reuseMs?: number;
  /** The clock, in milliseconds (tests). */
  readonly now?: () => number;
  /** Today, the reconciliation's as-of date (default: the date in Oslo now). */
  readonly today?: () => IsoDate;
}

/** Reads the inputs, reusing a reading for `reuseMs`; a failed reading is never reused. */
export class InputsSource {
  private last: { at: number; reading: Promise<InputsReading> } | null = null;
  private readonly reuseMs: number;
  private readonly now: () => number;
  private readonly today: () => IsoDate;

  constructor(
    private readonly read: TablesReader,
    options: SourceOptions = {},
  ) {
    this.reuseMs = options.reuseMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.today = options.today ?? (() => osloDate(new Date()));
  }

  /** The inputs as of today. */
  inputs(): Promise<InputsReading> {
    const at = this.now();
    if (this.last && at - this.last.at < this.reuseMs) return this.last.reading;
    const reading = this.read(FUNCTION_TABLES).then((tables) => inputsFromTables(tables, this.today()));
    const entry = { at, reading };
    this.last = entry;
    reading.catch(() => {
      if (this.last === entry) this.last = null;
    });
    return reading;
  }

  /** Forgets the last reading (after the add-in itself wrote the tables). */
  forget(): void {
    this.last = null;
  }
}
