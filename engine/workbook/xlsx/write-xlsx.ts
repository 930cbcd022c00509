/**
 * Writes the workbook's tables to an .xlsx file with exceljs's streaming writer, row by row, so a
 * 100 000-line ledger needs little memory. exceljs streams cells but not tables, so this module adds
 * the real Excel tables (table parts) itself: each table's XML, its relationship from the sheet, the
 * `<tableParts>` element and the content type.
 */
import ExcelJS from 'exceljs';
import { checkTables } from '../port/cells.js';
import { columnLetter, dataRangeOf, numberFormatOf } from '../tables/layout.js';
import { isFormula, type Cell, type TableData, type TableSpec } from '../port/port.js';

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** The parts of exceljs's streaming writer this module reaches into (not in its public types). */
interface SheetWriterInternals {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeCloseWorksheet(): void;
  _write(text: string): void;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}
interface WorkbookWriterInternals {
  zip: { append(data: string, options: { name: string }): unknown };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The A1 range of a whole table: header, data (at least one row) and totals. */
function tableRef(spec: TableSpec, rowCount: number): string {
  const { row, column } = spec.origin;
  const last = row + Math.max(rowCount, 1) + (spec.totals ? 1 : 0);
  return `${columnLetter(column)}${row}:${columnLetter(column + spec.columns.length - 1)}${last}`;
}

/** The table part's XML (ECMA-376 §18.5), with a custom totals formula per summed column. */
export function tableXml(id: number, spec: TableSpec, rowCount: number): string {
  const { row, column } = spec.origin;
  const filterRef = `${columnLetter(column)}${row}:${columnLetter(column + spec.columns.length - 1)}${row + Math.max(rowCount, 1)}`;
  const columns = spec.columns
    .map((c, i) => {
      const total = spec.totals?.[c.name];
      const name = escapeXml(c.name);
      if (total === undefined) return `<tableColumn id="${i + 1}" name="${name}"/>`;
      if (typeof total === 'string') return `<tableColumn id="${i + 1}" name="${name}" totalsRowLabel="${escapeXml(total)}"/>`;
      return `<tableColumn id="${i + 1}" name="${name}" totalsRowFunction="custom"><totalsRowFormula>${escapeXml(total.formula)}</totalsRowFormula></tableColumn>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(spec.table)}" ` +
    `displayName="${escapeXml(spec.table)}" ref="${tableRef(spec, rowCount)}" headerRowCount="1"${spec.totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"'}>` +
    `<autoFilter ref="${filterRef}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** A cell as exceljs wants it: ISO dates in date columns become dates, formulas keep their cached result. */
function excelValue(cell: Cell, isDate: boolean): ExcelJS.CellValue {
  if (isFormula(cell)) return { formula: cell.formula, result: cell.cached ?? '' } as ExcelJS.CellFormulaValue;
  if (cell === null || cell === '') return null;
  if (isDate && typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    const [y, m, d] = cell.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  // A string is always written as a string cell (inline text), never parsed: `=SUM(A1)` stays text.
  return cell;
}

/** One sheet row to write: cells by 1-based column. */
interface SheetRow {
  readonly row: number;
  readonly cells: [number, ExcelJS.CellValue, string | undefined][];
  readonly bold?: boolean;
}

/** A table's rows in sheet order: header (with notes), data (at least one row), totals. */
function* tableRows(data: TableData): Generator<SheetRow> {
  const { spec, rows } = data;
  const { row: top, column: left } = spec.origin;
  yield { row: top, cells: spec.columns.map((c, i) => [left + i, c.name, c.note]) };
  const dateColumns = spec.columns.map((c) => c.kind === 'date');
  for (let r = 0; r < rows.length; r++) {
    const cells: [number, ExcelJS.CellValue, undefined][] = [];
    rows[r]!.forEach((cell, i) => {
      const value = excelValue(cell, dateColumns[i]!);
      if (value !== null) cells.push([left + i, value, undefined]);
    });
    yield { row: top + 1 + r, cells };
  }
  if (spec.totals) {
    const cells: [number, ExcelJS.CellValue, undefined][] = [];
    spec.columns.forEach((c, i) => {
      const total = spec.totals![c.name];
      if (total !== undefined) cells.push([left + i, typeof total === 'string' ? total : excelValue(total, false), undefined]);
    });
    yield { row: top + 1 + Math.max(rows.length, 1), cells, bold: true };
  }
}

/** Merges the tables' rows by sheet row, so tables side by side share rows (the streaming writer writes rows once, in order). */
function* mergedRows(tables: readonly TableData[]): Generator<SheetRow> {
  const iterators = tables.map((t) => tableRows(t));
  const heads = iterators.map((it) => it.next());
  for (;;) {
    let next = Infinity;
    for (const head of heads) if (!head.done) next = Math.min(next, head.value.row);
    if (next === Infinity) return;
    const cells: SheetRow['cells'] = [];
    let bold = false;
    heads.forEach((head, i) => {
      if (head.done || head.value.row !== next) return;
      cells.push(...head.value.cells);
      bold ||= head.value.bold === true;
      heads[i] = iterators[i]!.next();
    });
    yield { row: next, cells, bold };
  }
}

/** Widths, number formats, validation lists and conditional formats of one table (before any row is written). */
function prepareTable(sheet: ExcelJS.Worksheet, data: TableData): void {
  const { spec, rows } = data;
  const { row: top, column: left } = spec.origin;
  spec.columns.forEach((c, i) => {
    const column = sheet.getColumn(left + i);
    column.width = c.width;
    column.numFmt = numberFormatOf(c.kind);
  });
  const lastData = top + Math.max(rows.length, 1);
  spec.columns.forEach((c, i) => {
    if (!c.validationList) return;
    const letter = columnLetter(left + i);
    (sheet as unknown as SheetWriterInternals).dataValidations.add(`${letter}${top + 1}:${letter}${lastData}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.validationList.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.name,
      error: `Velg en verdi fra listen: ${c.validationList.join(', ')}`,
    });
  });
  for (const [priority, format] of (spec.conditionalFormats ?? []).entries()) {
    sheet.addConditionalFormatting({
      ref: dataRangeOf(spec, rows.length),
      rules: [
        {
          type: 'expression',
          priority: priority + 1,
          formulae: [format.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${format.fill}` } },
            ...(format.font ? { font: { color: { argb: `FF${format.font}` } } } : {}),
          },
        },
      ],
    });
  }
}

function writeRows(sheet: ExcelJS.Worksheet, tables: readonly TableData[]): void {
  for (const { row: number, cells, bold } of mergedRows(tables)) {
    const row = sheet.getRow(number);
    for (const [column, value, note] of cells) {
      const cell = row.getCell(column);
      cell.value = value;
      if (note) cell.note = note;
    }
    if (bold) row.font = { bold: true };
    row.commit();
  }
}

/** Writes tables (grouped by sheet, sheets in first-seen order) as an .xlsx file at `path`. */
export async function writeXlsx(path: string, tables: readonly TableData[]): Promise<void> {
  checkTables(tables);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'IA Planner';
  const zip = (workbook as unknown as WorkbookWriterInternals).zip; // archiver instance of the streaming writer
  const sheets = [...new Set(tables.map((t) => t.spec.sheet))];
  let tableId = 0;
  const tableParts: string[] = [];
  for (const name of sheets) {
    const inSheet = tables.filter((t) => t.spec.sheet === name).sort((a, b) => a.spec.origin.row - b.spec.origin.row);
    const frozen = inSheet[0]!.spec.origin.row;
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}` }],
    });
    const internals = sheet as unknown as SheetWriterInternals; // the streaming worksheet writer, see SheetWriterInternals
    const relIds: string[] = [];
    for (const data of inSheet) {
      tableId++;
      prepareTable(sheet, data);
      relIds.push(internals._sheetRelsWriter.addRelationship({ Target: `../tables/table${tableId}.xml`, Type: TABLE_REL }));
      zip.append(tableXml(tableId, data.spec, data.rows.length), { name: `xl/tables/table${tableId}.xml` });
      tableParts.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="${TABLE_TYPE}"/>`);
    }
    writeRows(sheet, inSheet);
    const close = internals._writeCloseWorksheet.bind(sheet);
    // <tableParts> comes last in a worksheet (after the legacy drawing of header notes).
    internals._writeCloseWorksheet = () => {
      internals._write(
        `<tableParts count="${relIds.length}">${relIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`,
      );
      close();
    };
    sheet.commit();
  }
  const append = zip.append.bind(zip);
  zip.append = (data: string, options: { name: string }) =>
    append(options.name === '[Content_Types].xml' ? data.replace('</Types>', `${tableParts.join('')}</Types>`) : data, options);
  await workbook.commit();
}
