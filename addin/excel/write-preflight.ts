/**
 * The checks a write makes before its first change, in three requests: which sheets and tables
 * exist, where the existing tables are and whether they were edited by hand, and what the cells
 * the write will touch hold (for the content check and for the restore after a failure).
 */
import { isContentEdited, isShapeEdited, readRecord, recordKey } from './edit-fingerprint.js';
import { WorkbookError } from './faults.js';
import { loadInBatches, rowParts } from './table-reader.js';
import { targetOf, type PreparedTable, type Target, type WriteOptions } from './write-target.js';

/** Loads what the write depends on and refuses before any change if something is in the way. */
export async function preflight(
  context: Excel.RequestContext,
  prepared: readonly PreparedTable[],
  options: WriteOptions,
  maxCellsPerRead: number,
): Promise<Target[]> {
  const workbook = context.workbook;
  const targets = prepared.map((p) => {
    const sheet = workbook.worksheets.getItemOrNullObject(p.data.spec.sheet);
    sheet.load('name');
    const table = workbook.tables.getItemOrNullObject(p.data.spec.table);
    table.load('name,showTotals');
    const setting = workbook.settings.getItemOrNullObject(recordKey(p.data.spec.table));
    setting.load('value');
    return targetOf(p, sheet, table, setting);
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
      t.record = readRecord(t.setting);
      if (isShapeEdited(t.oldHeader, t.header, t.oldBodyRows, t.record) && !options.replaceEdited) {
        refusals.push(new WorkbookError('table_edited', place));
      }
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
      const perPart = Math.max(1, Math.floor(maxCellsPerRead / 2));
      const parts = rowParts(t.footprint!, t.footprintRows, t.footprintColumns, perPart);
      return { t, used, parts };
    });
  await loadInBatches(
    context,
    checks.flatMap((c) =>
      c.parts.map((part) => ({ cells: 2 * part.cells, load: () => part.range.load('formulas,numberFormat') })),
    ),
    maxCellsPerRead,
    true,
  );
  for (const { t, used, parts } of checks) {
    t.snapshot = parts.flatMap((part) => part.range.formulas as unknown[][]);
    t.snapshotFormats = parts.flatMap((part) => part.range.numberFormat as unknown[][]);
    const place = { sheet: t.sheet.name, table: t.data.spec.table };
    if (t.tableExists && isContentEdited(t.record, t.snapshot, t.oldBodyRows, t.oldColumns) && !options.replaceEdited) {
      refusals.push(new WorkbookError('table_edited', place));
    }
    if (used.some((range) => !range.isNullObject) && !options.replaceEdited) {
      refusals.push(new WorkbookError('cells_occupied', place));
    }
  }
  if (refusals.length > 0) throw refusals[0]!;
  return targets;
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
