/**
 * The restore after a failed write: everything the write changed is put back from the preflight's
 * snapshot, in requests under the payload limit, inside the same `Excel.run`.
 */
import { jsonBytes, type ExcelInput } from './cells.js';
import { toWorkbookError } from './faults.js';
import type { Target } from './write-target.js';

/** The outer brackets of a 2-D array in JSON. */
const ARRAY_BYTES = 2;

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
export async function restore(
  context: Excel.RequestContext,
  targets: readonly Target[],
  maxRequestBytes: number,
): Promise<boolean> {
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
