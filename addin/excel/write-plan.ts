/**
 * The write itself, after the preflight: create or resize each table, send its header, number
 * formats and body rows in requests that stay under Excel on the web's payload limit (one sync per
 * full request, never per row), read the body back in the same requests for its fingerprint, then
 * one last request with validation, conditional formats, totals and the records of what was written.
 */
import { chunkRows, formatRuns, jsonBytes, toExcelInput } from './cells.js';
import { recordKey, recordOf } from './edit-fingerprint.js';
import type { FaultPlace } from './faults.js';
import type { Target, WriteOptions } from './write-target.js';

/** How large one request may be. */
export interface RequestLimits {
  /** Upper bound of the values and formats queued in one request (Excel on the web rejects > 5 MB). */
  readonly maxRequestBytes: number;
  /** Upper bound of rows written in one request. */
  readonly maxRowsPerRequest: number;
}

const TABLE_STYLE = 'TableStyleMedium2';
/** Points per character of column width (Excel's default font, approximately). */
const POINTS_PER_CHAR = 6;

/** Creates, resizes and fills the tables, then formats them; `at` hears which table is being written. */
export async function writeTargets(
  context: Excel.RequestContext,
  targets: readonly Target[],
  limits: RequestLimits,
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

  // Sheets made in this write, by name: two tables may share a sheet (Poster and Konteringsregler).
  const made = new Map<string, Excel.Worksheet>();
  for (const t of targets) {
    at(t.place);
    if (!t.sheetExists) {
      const sheet = made.get(t.data.spec.sheet);
      if (sheet) {
        t.sheet = sheet;
      } else {
        t.sheet = workbook.worksheets.add(t.data.spec.sheet);
        made.set(t.data.spec.sheet, t.sheet);
        t.createdSheet = true;
      }
      t.sheetExists = true;
    }
    const columns = t.header.length;
    if (t.tableExists) {
      // Resize keeps the table's name, so formulas elsewhere that refer to it stay valid.
      t.table.showTotals = false;
      t.table.resize(t.sheet.getRangeByIndexes(t.top, t.left, 1 + t.bodyRows, columns));
      leftoverOf(t)?.clear('All');
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
    const chunks = chunkRows(t.body, limits.maxRequestBytes - jsonBytes([t.header]) - formatBytes, limits.maxRowsPerRequest);
    for (const chunk of chunks) {
      if (queued > 0 && queued + chunk.bytes > limits.maxRequestBytes) await flush();
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
    finishTable(workbook, t);
  }
  queued += 1;
  await flush();
}

/** Queues a written table's widths, validation, conditional formats, totals and record. */
function finishTable(workbook: Excel.Workbook, t: Target): void {
  const spec = t.data.spec;
  const body = t.sheet.getRangeByIndexes(t.top + 1, t.left, t.bodyRows, t.header.length);
  spec.columns.forEach((column, i) => {
    const cells = body.getColumn(i);
    if (t.createdTable) t.sheet.getRangeByIndexes(t.top, t.left + i, 1, 1).format.columnWidth = column.width * POINTS_PER_CHAR;
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
  const readBack = t.readBack.map((range) => range.formulas as unknown[][]);
  workbook.settings.add(recordKey(spec.table), recordOf(t.header, t.bodyRows, readBack));
}

/** The cells of the old table that the new, smaller one leaves behind (below it or to its right). */
function leftoverOf(t: Target): Excel.Range | null {
  const newRows = 1 + t.bodyRows;
  const columns = t.header.length;
  if (t.oldRows > newRows) return t.sheet.getRangeByIndexes(t.top + newRows, t.left, t.oldRows - newRows, t.oldColumns);
  if (t.oldColumns > columns) return t.sheet.getRangeByIndexes(t.top, t.left + columns, t.oldRows, t.oldColumns - columns);
  return null;
}
