/**
 * The office.js implementation of the engine's WorkbookPort: reads and writes the planning
 * workbook's tables in the open Excel workbook. Each call is one `Excel.run` with a fixed number of
 * `context.sync()` round trips (more only when a table is too large for one request), values
 * written as 2-D arrays, then formats. A write is all or nothing from the user's point of view:
 * every check runs before the first cell changes, and a failure mid-way puts back what was there.
 */
import { checkTables } from '../../engine/workbook/index.js';
import type { TableData, TableRead, WorkbookPort } from '../../engine/workbook/port.js';
import {
  chunkRows,
  ContentFingerprint,
  FINGERPRINT_VERSION,
  fingerprintOf,
  formatRuns,
  fromExcelValue,
  isDateFormat,
  jsonBytes,
  numberFormatOf,
  toExcelInput,
  type ExcelInput,
} from './cells.js';
import { WorkbookError, toWorkbookError, type FaultPlace } from './faults.js';
import { isSetSupported } from './office-helpers.js';

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

/** How a write may treat what it finds. */
export interface WriteOptions {
  /**
   * Replace tables the user edited by hand (header, row count or the body's contents changed since
   * IA Planner wrote them) and the user's cells where a new table goes. Without it such a write is
   * refused whole.
   */
  readonly replaceEdited?: boolean;
  /** Called after each request with the rows written so far and in all. */
  readonly onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

/**
 * What IA Planner last wrote into a table, kept in the workbook's settings to notice hand edits.
 * `fingerprint` is the `ContentFingerprint` of the body's `formulas` as Excel held them right after
 * the write (read back in the write's own requests, so Excel's normalisation of formulas and numbers
 * is in it); null in records from before fingerprints, which are checked by header and rows only.
 */
interface TableRecord {
  readonly header: string[];
  readonly rows: number;
  readonly fingerprint: string | null;
}

const RECORD_PREFIX = 'IAPlanner.table.';
/** The outer brackets of a 2-D array in JSON. */
const ARRAY_BYTES = 2;
const TABLE_STYLE = 'TableStyleMedium2';
/** Points per character of column width (Excel's default font, approximately). */
const POINTS_PER_CHAR = 6;

function defaultRunner<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Excel === 'undefined') return Promise.reject(new WorkbookError('not_in_excel'));
  return Excel.run({ delayForCellEdit: true, mergeUndoGroup: isSetSupported('ExcelApi', '1.20') }, batch);
}

/** One table of a write, with what the preflight found about it. */
interface Target {
  readonly data: TableData;
  readonly place: FaultPlace;
  readonly header: string[];
  readonly body: ExcelInput[][];
  readonly formats: string[];
  /** Rows the table body will have in Excel (a table keeps at least one, blank, row). */
  readonly bodyRows: number;
  readonly hasTotals: boolean;
  sheet: Excel.Worksheet;
  table: Excel.Table;
  setting: Excel.Setting;
  sheetExists: boolean;
  tableExists: boolean;
  /** Where the table is now (existing) or goes (new): 0-based top row and left column of the header. */
  top: number;
  left: number;
  /** Rows of the existing table's whole range (header, body and totals), 0 for a new one. */
  oldRows: number;
  oldColumns: number;
  oldHeader: string[];
  oldBodyRows: number;
  oldTotals: boolean;
  /** What the workbook's settings say IA Planner last wrote into the existing table. */
  record: TableRecord | null;
  /** The cells the write may touch, loaded before writing so a failure can put them back. */
  footprint: Excel.Range | null;
  footprintRows: number;
  footprintColumns: number;
  /** The footprint's formulas and number formats before the write (row by row, the same shape). */
  snapshot: unknown[][] | null;
  snapshotFormats: unknown[][] | null;
  /** The body as written, loaded back in the requests that wrote it, for the new fingerprint. */
  readBack: Excel.Range[];
  createdSheet: boolean;
  createdTable: boolean;
}

/** The office.js WorkbookPort. */
export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly maxRequestBytes: number;
  private readonly maxRowsPerRequest: number;
  private readonly maxCellsPerRead: number;

  constructor(options: ExcelPortOptions = {}) {
    this.run = options.run ?? defaultRunner;
    this.maxRequestBytes = options.maxRequestBytes ?? 4_000_000;
    this.maxRowsPerRequest = options.maxRowsPerRequest ?? 10_000;
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
      return await this.run(async (context) => {
        const tables = names.map((name) => {
          const table = context.workbook.tables.getItemOrNullObject(name);
          table.load('name');
          return { name, table };
        });
        await context.sync();
        const found = tables
          .filter(({ table }) => !table.isNullObject)
          .map(({ name, table }) => {
            const sheet = table.worksheet;
            sheet.load('name');
            const header = table.getHeaderRowRange();
            header.load('values');
            const body = table.getDataBodyRange();
            body.load('rowIndex,rowCount,columnCount');
            const firstRow = body.getRow(0);
            firstRow.load('numberFormat');
            return { name, sheet, header, body, firstRow };
          });
        await context.sync();
        const reads = found.map((f) => ({
          ...f,
          parts: rowParts(f.body, f.body.rowCount, f.body.columnCount, this.maxCellsPerRead),
        }));
        // Ordinary tables are read in this one request; only a very large table takes more.
        await loadInBatches(
          context,
          reads.flatMap((r) => r.parts.map((part) => ({ cells: part.cells, load: () => part.range.load('values') }))),
          this.maxCellsPerRead,
          false,
        );
        const result = new Map<string, TableRead | null>(names.map((name) => [name, null]));
        for (const r of reads) {
          const formats = (r.firstRow.numberFormat[0] ?? []) as unknown[];
          const isDate = formats.map(isDateFormat);
          const values = r.parts.flatMap((part) => part.range.values);
          let rows = values.map((row) => row.map((value, i) => fromExcelValue(value, isDate[i] ?? false)));
          // Excel keeps one data row in an empty table; a lone blank row is no data.
          if (rows.length === 1 && rows[0]!.every((cell) => cell === null)) rows = [];
          result.set(r.name, {
            sheet: r.sheet.name,
            table: r.name,
            header: (r.header.values[0] ?? []).map((cell) => String(cell ?? '')),
            rows,
            firstRow: r.body.rowIndex + 1,
          });
        }
        return result;
      });
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
        const targets = await this.preflight(context, prepared, options);
        try {
          await this.write(context, targets, options, (place) => (current = place));
        } catch (error) {
          const fault = toWorkbookError(error, current, 'writeTables');
          const restored = await restore(context, targets, this.maxRequestBytes);
          throw restored ? fault : new WorkbookError(fault.code, fault.place, fault.excelCode, true);
        }
      });
    } catch (error) {
      throw toWorkbookError(error, current, 'writeTables');
    }
  }

  /** Loads what the write depends on and refuses before any change if something is in the way. */
  private async preflight(
    context: Excel.RequestContext,
    prepared: ReturnType<typeof prepare>[],
    options: WriteOptions,
  ): Promise<Target[]> {
    const workbook = context.workbook;
    const targets: Target[] = prepared.map((p) => {
      const sheet = workbook.worksheets.getItemOrNullObject(p.data.spec.sheet);
      sheet.load('name');
      const table = workbook.tables.getItemOrNullObject(p.data.spec.table);
      table.load('name,showTotals');
      const setting = workbook.settings.getItemOrNullObject(RECORD_PREFIX + p.data.spec.table);
      setting.load('value');
      return {
        ...p,
        sheet,
        table,
        setting,
        sheetExists: false,
        tableExists: false,
        top: p.data.spec.origin.row - 1,
        left: p.data.spec.origin.column - 1,
        oldRows: 0,
        oldColumns: 0,
        oldHeader: [],
        oldBodyRows: 0,
        oldTotals: false,
        record: null,
        footprint: null,
        footprintRows: 0,
        footprintColumns: 0,
        snapshot: null,
        snapshotFormats: null,
        readBack: [],
        createdSheet: false,
        createdTable: false,
      };
    });
    await context.sync();

    // Second request: where existing tables are, their header and size, and sheet protection.
    const details = targets.map((t) => {
      t.tableExists = !t.table.isNullObject;
      t.sheetExists = !t.sheet.isNullObject;
      if (t.tableExists) {
        // The user may have renamed the sheet: the table is still ours, wherever it is.
        t.sheet = t.table.worksheet;
        t.sheet.load('name');
        t.sheetExists = true;
      }
      const protection = t.sheetExists ? t.sheet.protection : null;
      protection?.load('protected');
      const range = t.tableExists ? t.table.getRange() : null;
      range?.load('rowIndex,columnIndex,rowCount,columnCount');
      const header = t.tableExists ? t.table.getHeaderRowRange() : null;
      header?.load('values');
      const body = t.tableExists ? t.table.getDataBodyRange() : null;
      body?.load('rowCount');
      return { t, protection, range, header, body };
    });
    await context.sync();

    const refusals: WorkbookError[] = [];
    for (const { t, protection, range, header, body } of details) {
      const place = { sheet: t.sheetExists ? t.sheet.name : t.data.spec.sheet, table: t.data.spec.table };
      if (protection?.protected) refusals.push(new WorkbookError('sheet_protected', place));
      if (range && header && body) {
        t.top = range.rowIndex;
        t.left = range.columnIndex;
        t.oldRows = range.rowCount;
        t.oldColumns = range.columnCount;
        t.oldHeader = (header.values[0] ?? []).map((cell) => String(cell ?? ''));
        t.oldBodyRows = body.rowCount;
        t.oldTotals = t.table.showTotals;
        const record = readRecord(t.setting);
        t.record = record;
        const headerChanged = !isUpgradeOf(t.oldHeader, t.header, record);
        const rowsChanged = record !== null && record.rows !== t.oldBodyRows;
        if ((headerChanged || rowsChanged) && !options.replaceEdited) refusals.push(new WorkbookError('table_edited', place));
      }
      const rows = 1 + t.bodyRows + (t.hasTotals ? 1 : 0);
      t.footprintRows = Math.max(rows, t.oldRows);
      t.footprintColumns = Math.max(t.header.length, t.oldColumns);
      if (t.sheetExists) {
        t.footprint = t.sheet.getRangeByIndexes(t.top, t.left, t.footprintRows, t.footprintColumns);
      }
    }
    if (refusals.length > 0) throw refusals[0]!;

    // Third request: are the cells the tables will grow into empty (ours to take), and what is in
    // the cells the write will touch (formulas and number formats), so a failure can put it back
    // and so the existing body can be compared with its fingerprint. Two properties per cell: the
    // cell budget counts each cell twice, which keeps the response under Excel's limit.
    const checks = targets
      .filter((t) => t.footprint !== null)
      .map((t) => {
        const outside = t.tableExists ? outsideOf(t) : [t.footprint!];
        const used = outside.map((range) => range.getUsedRangeOrNullObject(true));
        for (const range of used) range.load('address');
        const perPart = Math.max(1, Math.floor(this.maxCellsPerRead / 2));
        const parts = rowParts(t.footprint!, t.footprintRows, t.footprintColumns, perPart);
        return { t, used, parts };
      });
    await loadInBatches(
      context,
      checks.flatMap((c) =>
        c.parts.map((part) => ({ cells: 2 * part.cells, load: () => part.range.load('formulas,numberFormat') })),
      ),
      this.maxCellsPerRead,
      true,
    );
    for (const { t, used, parts } of checks) {
      t.snapshot = parts.flatMap((part) => part.range.formulas as unknown[][]);
      t.snapshotFormats = parts.flatMap((part) => part.range.numberFormat as unknown[][]);
      const place = { sheet: t.sheet.name, table: t.data.spec.table };
      if (t.tableExists && isContentEdited(t) && !options.replaceEdited) {
        refusals.push(new WorkbookError('table_edited', place));
      }
      if (used.some((range) => !range.isNullObject) && !options.replaceEdited) {
        refusals.push(new WorkbookError('cells_occupied', place));
      }
    }
    if (refusals.length > 0) throw refusals[0]!;
    return targets;
  }

  /** Creates, resizes and fills the tables, then formats them. */
  private async write(
    context: Excel.RequestContext,
    targets: Target[],
    options: WriteOptions,
    at: (place: FaultPlace) => void,
  ): Promise<void> {
    const workbook = context.workbook;
    const total = targets.reduce((n, t) => n + t.body.length, 0);
    let written = 0;
    let queued = 0;
    const flush = async () => {
      if (queued === 0) return;
      workbook.application.suspendApiCalculationUntilNextSync();
      await context.sync();
      queued = 0;
      options.onProgress?.(written, total);
    };

    for (const t of targets) {
      at(t.place);
      if (!t.sheetExists) {
        t.sheet = workbook.worksheets.add(t.data.spec.sheet);
        t.createdSheet = true;
        t.sheetExists = true;
      }
      const columns = t.header.length;
      if (t.tableExists) {
        // Resize keeps the table's name, so formulas elsewhere that refer to it stay valid.
        t.table.showTotals = false;
        t.table.resize(t.sheet.getRangeByIndexes(t.top, t.left, 1 + t.bodyRows, columns));
        const leftover = leftoverOf(t);
        leftover?.clear('All');
      }
      const headerRange = t.sheet.getRangeByIndexes(t.top, t.left, 1, columns);
      headerRange.values = [t.header];
      queued += jsonBytes([t.header]);
      // Number formats before the values, so text stays text ("00123" in a '@' column). Each run of
      // columns sharing a format gets one 1×1 array over its whole body range, which Excel applies
      // to every cell (Microsoft's own samples set `numberFormat = [["$0.00"]]` on a column range):
      // the request carries each format once instead of once per cell.
      let formatBytes = 0;
      for (const run of formatRuns(t.formats)) {
        const cells = t.sheet.getRangeByIndexes(t.top + 1, t.left + run.start, t.bodyRows, run.count);
        const format = [[run.format]];
        cells.numberFormat = format;
        formatBytes += jsonBytes(format);
      }
      queued += formatBytes;
      // Body rows in requests under the payload limit (the first one shares its request with the
      // header and the formats).
      const chunks = chunkRows(t.body, this.maxRequestBytes - jsonBytes([t.header]) - formatBytes, this.maxRowsPerRequest);
      for (const chunk of chunks) {
        if (queued > 0 && queued + chunk.bytes > this.maxRequestBytes) await flush();
        const rows = chunk.end - chunk.start;
        const range = t.sheet.getRangeByIndexes(t.top + 1 + chunk.start, t.left, rows, columns);
        range.formulas = t.body.slice(chunk.start, chunk.end);
        // Read back in the same request, for the fingerprint of what Excel now holds: the response
        // is about as large as the request, so it stays under the limit too.
        range.load('formulas');
        t.readBack.push(range);
        queued += chunk.bytes;
        written += rows;
      }
      if (t.body.length === 0) {
        const blank = t.sheet.getRangeByIndexes(t.top + 1, t.left, 1, columns);
        blank.formulas = [t.header.map(() => '')];
        blank.load('formulas');
        t.readBack.push(blank);
        queued += jsonBytes([t.header.map(() => '')]);
      }
      if (!t.tableExists) {
        const table = t.sheet.tables.add(t.sheet.getRangeByIndexes(t.top, t.left, 1 + t.bodyRows, columns), true);
        table.name = t.data.spec.table;
        table.style = TABLE_STYLE;
        t.table = table;
        t.createdTable = true;
        queued += 1;
      }
    }
    await flush();

    // Formats, validation, totals and the records of what was written: one more request.
    for (const t of targets) {
      at(t.place);
      const spec = t.data.spec;
      const body = t.sheet.getRangeByIndexes(t.top + 1, t.left, t.bodyRows, t.header.length);
      spec.columns.forEach((column, i) => {
        const cells = body.getColumn(i);
        if (t.createdTable)
          t.sheet.getRangeByIndexes(t.top, t.left + i, 1, 1).format.columnWidth = column.width * POINTS_PER_CHAR;
        if (column.validationList && column.validationList.length > 0) {
          cells.dataValidation.clear();
          cells.dataValidation.rule = { list: { inCellDropDown: true, source: column.validationList.join(',') } };
        }
      });
      body.conditionalFormats.clearAll();
      for (const rule of spec.conditionalFormats ?? []) {
        const format = body.conditionalFormats.add('Custom');
        format.custom.rule.formula = rule.formula;
        format.custom.format.fill.color = `#${rule.fill}`;
        if (rule.font) format.custom.format.font.color = `#${rule.font}`;
      }
      if (spec.totals) {
        t.table.showTotals = true;
        const totals = spec.columns.map((column) => {
          const cell = spec.totals?.[column.name];
          if (cell === undefined) return '';
          return toExcelInput(cell, column.kind);
        });
        const totalRow = t.table.getTotalRowRange();
        totalRow.formulas = [totals];
        totalRow.numberFormat = [t.formats];
      }
      const fingerprint = new ContentFingerprint();
      for (const range of t.readBack) fingerprint.addRows(range.formulas as unknown[][], t.header.length);
      const record: TableRecord = { header: t.header, rows: t.bodyRows, fingerprint: fingerprint.digest() };
      workbook.settings.add(RECORD_PREFIX + spec.table, JSON.stringify(record));
    }
    queued += 1;
    await flush();
  }
}

/** Checks a table's data and turns it into office.js input, before anything is sent to Excel. */
function prepare(data: TableData): Pick<Target, 'data' | 'place' | 'header' | 'body' | 'formats' | 'bodyRows' | 'hasTotals'> {
  const { spec, rows } = data;
  const place = { sheet: spec.sheet, table: spec.table };
  const width = spec.columns.length;
  const validName = /^[A-Za-zÆØÅæøå_][A-Za-z0-9ÆØÅæøå_.]*$/.test(spec.table);
  if (width === 0 || !validName || spec.origin.row < 1 || spec.origin.column < 1 || rows.some((row) => row.length !== width)) {
    throw new WorkbookError('bad_table_data', place);
  }
  const body = rows.map((row) => row.map((cell, i) => toExcelInput(cell, spec.columns[i]!.kind)));
  return {
    data,
    place,
    header: spec.columns.map((c) => c.name),
    body,
    formats: spec.columns.map(numberFormatOf),
    bodyRows: Math.max(1, rows.length),
    hasTotals: spec.totals !== undefined,
  };
}

/**
 * Whether an existing header is ours: the same as the new one, or a prefix of it (a newer IA Planner
 * adds columns at the end) that matches what we recorded, if anything was recorded.
 */
function isUpgradeOf(old: readonly string[], next: readonly string[], record: TableRecord | null): boolean {
  if (old.length > next.length || old.some((name, i) => name !== next[i])) return false;
  if (old.length === next.length) return true;
  return record === null || record.header.join('\u0000') === old.join('\u0000');
}

function readRecord(setting: Excel.Setting): TableRecord | null {
  if (setting.isNullObject || typeof setting.value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(setting.value);
    if (typeof parsed === 'object' && parsed !== null && 'rows' in parsed && typeof parsed.rows === 'number') {
      const header = 'header' in parsed && Array.isArray(parsed.header) ? parsed.header.map(String) : [];
      const fingerprint =
        'fingerprint' in parsed &&
        typeof parsed.fingerprint === 'string' &&
        parsed.fingerprint.startsWith(`${FINGERPRINT_VERSION}:`)
          ? parsed.fingerprint
          : null;
      return { header, rows: parsed.rows, fingerprint };
    }
  } catch {
    // A damaged record is as good as none: the header check still protects the table.
  }
  return null;
}

/**
 * Whether the body of an existing table differs from what IA Planner recorded after its last write
 * (same header and row count, other contents: a user changed a frame's amount). The body is the
 * snapshot's rows under the header, in the table's old columns; a record without a fingerprint
 * (written by an older IA Planner) is not compared.
 *
 * LIMITATION: the fingerprint covers the body's formulas and constants only. A change of number
 * formats, validation, conditional formats or fonts, of the totals row, or of cells outside the
 * table is not an edit; nor is an edit a co-author makes between this check and the write (the
 * check and the write are one `Excel.run`, but several requests).
 */
function isContentEdited(t: Target): boolean {
  const recorded = t.record?.fingerprint;
  if (!recorded || !t.snapshot || t.record!.rows !== t.oldBodyRows) return false;
  return fingerprintOf(t.snapshot.slice(1, 1 + t.oldBodyRows), t.oldColumns) !== recorded;
}

/** The parts of an existing table's footprint outside its current range (where it will grow). */
function outsideOf(t: Target): Excel.Range[] {
  const parts: Excel.Range[] = [];
  if (t.footprintRows > t.oldRows) {
    parts.push(t.sheet.getRangeByIndexes(t.top + t.oldRows, t.left, t.footprintRows - t.oldRows, t.footprintColumns));
  }
  if (t.footprintColumns > t.oldColumns) {
    parts.push(t.sheet.getRangeByIndexes(t.top, t.left + t.oldColumns, t.oldRows, t.footprintColumns - t.oldColumns));
  }
  return parts;
}

/** A range split into runs of rows of at most `maxCells` cells each. */
function rowParts(range: Excel.Range, rows: number, columns: number, maxCells: number): { range: Excel.Range; cells: number }[] {
  const perPart = Math.max(1, Math.floor(maxCells / Math.max(1, columns)));
  const parts: { range: Excel.Range; cells: number }[] = [];
  for (let start = 0; start < rows; start += perPart) {
    const count = Math.min(perPart, rows - start);
    parts.push({ range: range.getRow(start).getResizedRange(count - 1, 0), cells: count * columns });
  }
  return parts;
}

/**
 * Queues loads and syncs as few times as the cell budget allows: once for ordinary tables, once
 * per `maxCells` for very large ones. `queued` says whether other loads already wait for a sync.
 */
async function loadInBatches(
  context: Excel.RequestContext,
  parts: readonly { cells: number; load: () => void }[],
  maxCells: number,
  queued: boolean,
): Promise<void> {
  let cells = 0;
  let pending = queued;
  for (const part of parts) {
    if (pending && cells > 0 && cells + part.cells > maxCells) {
      await context.sync();
      cells = 0;
    }
    part.load();
    cells += part.cells;
    pending = true;
  }
  if (pending) await context.sync();
}

/** The cells of the old table that the new, smaller one leaves behind (below it or to its right). */
function leftoverOf(t: Target): Excel.Range | null {
  const newRows = 1 + t.bodyRows;
  const columns = t.header.length;
  if (t.oldRows > newRows) return t.sheet.getRangeByIndexes(t.top + newRows, t.left, t.oldRows - newRows, t.oldColumns);
  if (t.oldColumns > columns) return t.sheet.getRangeByIndexes(t.top, t.left + columns, t.oldRows, t.oldColumns - columns);
  return null;
}

/**
 * Puts back what a failed write changed; true when that worked. Sheets and tables the write created
 * go away, resized tables get their old size, and the footprint gets back its formulas (constants
 * and formulas alike) and number formats — formats first, so text in a text-formatted cell stays
 * text. The cells go in requests under the payload limit, so a large table can be restored too.
 *
 * LIMITATION: only formulas/values and number formats are put back. Data validation, conditional
 * formats, fonts, fills, borders, column widths and the table's style in the footprint stay as the
 * failed write left them (our own validation lists and conditional formats are set only in the last
 * request, so they are changed only if that request itself fails). A text cell whose text starts
 * with "=" and a text like "00123" in a cell formatted General come back as a formula or a number.
 * Ctrl+Z undoes the whole write in Excel where the batch is one undo step (ExcelApi 1.20).
 */
async function restore(context: Excel.RequestContext, targets: Target[], maxRequestBytes: number): Promise<boolean> {
  try {
    const cells: { footprint: Excel.Range; t: Target }[] = [];
    for (const t of [...targets].reverse()) {
      if (t.createdSheet) {
        t.sheet.delete();
        continue;
      }
      const footprint = t.sheet.getRangeByIndexes(t.top, t.left, t.footprintRows, t.footprintColumns);
      if (t.createdTable) {
        t.table.convertToRange();
        footprint.clear('All');
      } else if (t.tableExists) {
        t.table.showTotals = false;
        t.table.resize(t.sheet.getRangeByIndexes(t.top, t.left, t.oldRows - (t.oldTotals ? 1 : 0), t.oldColumns));
        if (t.oldTotals) t.table.showTotals = true;
      }
      if (t.snapshot) cells.push({ footprint, t });
    }
    let queued = 0;
    for (const { footprint, t } of cells) {
      const formulas = t.snapshot as ExcelInput[][];
      const formats = t.snapshotFormats as string[][] | null;
      let start = 0;
      let bytes = 0;
      for (let row = 0; row <= formulas.length; row++) {
        const last = row === formulas.length;
        // Each row with its comma, in one or two arrays (the brackets are in `ARRAY_BYTES`).
        const rowBytes = last ? 0 : jsonBytes(formulas[row]) + 1 + (formats ? jsonBytes(formats[row]) + 1 : 0);
        if (row === start && !last && queued > 0 && queued + rowBytes + 2 * ARRAY_BYTES > maxRequestBytes) {
          // The previous table's last rows fill this request already.
          await context.sync();
          queued = 0;
        }
        if (row > start && (last || queued + bytes + rowBytes + 2 * ARRAY_BYTES > maxRequestBytes)) {
          const range = footprint.getRow(start).getResizedRange(row - start - 1, 0);
          if (formats) range.numberFormat = formats.slice(start, row);
          range.formulas = formulas.slice(start, row);
          queued += bytes + 2 * ARRAY_BYTES;
          if (!last) {
            await context.sync();
            queued = 0;
          }
          start = row;
          bytes = 0;
        }
        bytes += rowBytes;
      }
    }
    await context.sync();
    return true;
  } catch (error) {
    toWorkbookError(error, {}, 'restore');
    return false;
  }
}
