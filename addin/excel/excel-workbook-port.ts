/**
 * The office.js implementation of the engine's WorkbookPort: reads and writes the planning
 * workbook's tables in the open Excel workbook. Each call is one `Excel.run` with a fixed number of
 * `context.sync()` round trips (more only when a table is too large for one request), values
 * written as 2-D arrays, then formats. A write is all or nothing from the user's point of view:
 * every check runs before the first cell changes, and a failure mid-way puts back what was there.
 *
 * This class only composes the steps; each lives in its own module: reading (`table-reader`), the
 * checks before a write (`write-preflight`), the write in requests under the payload limit
 * (`write-plan`), hand-edit detection (`edit-fingerprint`) and the restore (`restore`).
 */
import { checkTables } from '../../engine/workbook/index.js';
import type { TableData, TableRead, WorkbookPort } from '../../engine/workbook/port/port.js';
import { WorkbookError, toWorkbookError, type FaultPlace } from './faults.js';
import { isSetSupported } from './office-helpers.js';
import { restore } from './restore.js';
import { readTablesIn } from './table-reader.js';
import { preflight } from './write-preflight.js';
import { writeTargets, type RequestLimits } from './write-plan.js';
import { prepare, type WriteOptions } from './write-target.js';

export type { WriteOptions } from './write-target.js';

/** Runs one batch against Excel; `Excel.run` in Excel, a fake in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Tuning and test seams. */
export interface ExcelPortOptions {
  /** Defaults to `Excel.run` (one undo step where ExcelApi 1.20 allows; waits out cell edit mode). */
  readonly run?: ExcelRunner;
  /** Upper bound of the values and formats queued in one request (Excel on the web rejects > 5 MB). */
  readonly maxRequestBytes?: number;
  /** Upper bound of rows written in one request. */
  readonly maxRowsPerRequest?: number;
  /** Upper bound of cells read in one request (a response is limited to 5 MB too). */
  readonly maxCellsPerRead?: number;
}

function defaultRunner<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Excel === 'undefined') return Promise.reject(new WorkbookError('not_in_excel'));
  return Excel.run({ delayForCellEdit: true, mergeUndoGroup: isSetSupported('ExcelApi', '1.20') }, batch);
}

/** The office.js WorkbookPort. */
export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly limits: RequestLimits;
  private readonly maxCellsPerRead: number;

  constructor(options: ExcelPortOptions = {}) {
    this.run = options.run ?? defaultRunner;
    this.limits = {
      maxRequestBytes: options.maxRequestBytes ?? 4_000_000,
      maxRowsPerRequest: options.maxRowsPerRequest ?? 10_000,
    };
    this.maxCellsPerRead = options.maxCellsPerRead ?? 150_000;
  }

  /** Reads a table by name wherever it is (a renamed sheet is fine), or null when it does not exist. */
  async readTable(table: string): Promise<TableRead | null> {
    const read = await this.readTables([table]);
    return read.get(table) ?? null;
  }

  /** Reads several tables in one `Excel.run`; absent tables map to null. */
  async readTables(names: readonly string[]): Promise<Map<string, TableRead | null>> {
    try {
      return await this.run((context) => readTablesIn(context, names, this.maxCellsPerRead));
    } catch (error) {
      throw toWorkbookError(error, names.length === 1 ? { table: names[0]! } : {}, 'readTables');
    }
  }

  /**
   * Shows a data row of a table to the user: activates the table's sheet and selects the row's
   * first cell (`row` is 1-based among the data rows). One `Excel.run`, one sync. A table or row
   * that is gone (deleted, or fewer rows than when it was read) is `row_not_found`.
   */
  async selectTableRow(table: string, row: number): Promise<void> {
    const place: FaultPlace = { table, row };
    if (!Number.isInteger(row) || row < 1) throw new WorkbookError('row_not_found', place);
    try {
      await this.run(async (context) => {
        // A table row out of range fails here, at the sync, before the sheet changes: both the
        // activation and the selection go through the row.
        const cell = context.workbook.tables
          .getItem(table)
          .rows.getItemAt(row - 1)
          .getRange()
          .getCell(0, 0);
        cell.worksheet.activate();
        cell.select();
        await context.sync();
      });
    } catch (error) {
      const fault = toWorkbookError(error, place, 'selectTableRow');
      if (fault.code === 'item_not_found' || fault.code === 'invalid_argument') {
        throw new WorkbookError('row_not_found', place, fault.excelCode);
      }
      throw fault;
    }
  }

  /** Writes tables all or nothing (see WorkbookPort); refuses to replace hand edits unless told. */
  async writeTables(tables: readonly TableData[], options: WriteOptions = {}): Promise<void> {
    try {
      checkTables(tables);
    } catch (error) {
      // A malformed batch is a bug in the caller; nothing has been sent to Excel.
      throw toWorkbookError(new WorkbookError('bad_table_data', {}), {}, String(error));
    }
    const prepared = tables.map(prepare);
    let current: FaultPlace = {};
    try {
      await this.run(async (context) => {
        const targets = await preflight(context, prepared, options, this.maxCellsPerRead);
        try {
          await writeTargets(context, targets, this.limits, options, (place) => (current = place));
        } catch (error) {
          const fault = toWorkbookError(error, current, 'writeTables');
          const restored = await restore(context, targets, this.limits.maxRequestBytes);
          throw restored ? fault : new WorkbookError(fault.code, fault.place, fault.excelCode, true);
        }
      });
    } catch (error) {
      throw toWorkbookError(error, current, 'writeTables');
    }
  }
}
