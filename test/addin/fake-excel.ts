/**
 * A recording fake of the part of the Excel object model the adapter uses, with office.js's
 * batching: writes and loads are queued and happen at `context.sync()`; reading a property that
 * was not loaded and synced throws, as office.js does. It counts syncs, the bytes queued per
 * request and the bytes of values loaded per response, rejects a request over the payload limit,
 * and throws Excel's real error codes. Sheets and tables are found by name without regard to case,
 * as Excel finds them. A formula gets a value when the fake can work it out without Excel's
 * calculation engine (constants, arithmetic, `&`, `IF`; see `calculate`); any other formula holds 0.
 */
import { calculate, type Value } from './fake-calculate.js';

interface CellState {
  value: Value;
  formula: string | null;
  numberFormat: string;
}

interface SheetState {
  name: string;
  protected: boolean;
  /** A hidden sheet cannot be activated (the fake throws InvalidOperation, as a conservative stand-in). */
  hidden: boolean;
  cells: Map<string, CellState>;
  columnWidths: Map<number, number>;
  validations: { top: number; left: number; rows: number; source: string }[];
  conditionalFormats: { top: number; left: number; rows: number; cols: number; formula: string; fill: string }[];
}

interface TableState {
  name: string;
  sheet: SheetState;
  top: number;
  left: number;
  /** Header and body rows (the totals row, when shown, is below them). */
  rows: number;
  cols: number;
  showTotals: boolean;
  style: string;
}

/** Rectangle of cells, 0-based. */
interface Area {
  sheet: SheetState;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    readonly debugInfo: { code: string; message: string } = { code, message: code },
  ) {
    super(`${code} (fake)`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

/** The workbook's state, which survives between Excel.run calls. */
export class FakeWorkbook {
  readonly sheets = new Map<string, SheetState>();
  readonly tables = new Map<string, TableState>();
  readonly settings = new Map<string, unknown>();
  /** Bytes of values, formulas and formats queued in each request (one entry per sync). */
  readonly requests: number[] = [];
  /** Of those bytes, the number formats' (one entry per sync). */
  readonly formatRequests: number[] = [];
  /** Bytes of the values, formulas and number formats loaded in each response (one entry per sync). */
  readonly responses: number[] = [];
  syncs = 0;
  runs = 0;
  /** The sheet shown in Excel's window, and the selected cells (0-based) as the add-in last set them. */
  activeSheet: string | null = null;
  selection: { sheet: string; row: number; column: number; rows: number; columns: number } | null = null;
  payloadLimit = 5_000_000;
  private failures = new Map<number, string>();

  /** Makes the nth sync from now (1 = the next) throw the given office.js error code. */
  failAtSync(n: number, code: string): void {
    this.failures.set(this.syncs + n, code);
  }

  failureFor(sync: number): string | undefined {
    return this.failures.get(sync);
  }

  addSheet(name: string): SheetState {
    const sheet: SheetState = {
      name,
      protected: false,
      hidden: false,
      cells: new Map(),
      columnWidths: new Map(),
      validations: [],
      conditionalFormats: [],
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** A sheet by name without regard to case, as Excel looks sheets up. */
  findSheet(name: string): SheetState | null {
    const wanted = name.toLowerCase();
    for (const sheet of this.sheets.values()) if (sheet.name.toLowerCase() === wanted) return sheet;
    return null;
  }

  /** A table by name without regard to case, as Excel looks tables up (names are unique that way). */
  findTable(name: string): TableState | null {
    const wanted = name.toLowerCase();
    for (const table of this.tables.values()) if (table.name.toLowerCase() === wanted) return table;
    return null;
  }

  sheetOf(name: string): SheetState {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** A cell's value as Excel would show it (a formula's text for formulas). */
  cell(sheet: string, row: number, col: number): Value {
    const c = this.sheetOf(sheet).cells.get(key(row, col));
    return c ? (c.formula ?? c.value) : '';
  }

  numberFormat(sheet: string, row: number, col: number): string {
    return this.sheetOf(sheet).cells.get(key(row, col))?.numberFormat ?? 'General';
  }

  setCell(sheet: string, row: number, col: number, value: Value): void {
    writeCell(this.sheetOf(sheet), row, col, value);
  }

  /** A user's own number format on one cell. */
  setNumberFormat(sheet: string, row: number, col: number, format: string): void {
    const s = this.sheetOf(sheet);
    s.cells.set(key(row, col), { ...readCell(s, row, col), numberFormat: format });
  }

  /** The whole of a table's rows as shown (header first). */
  tableValues(name: string): Value[][] {
    const t = this.tables.get(name);
    if (!t) throw new Error(`no table ${name}`);
    return Array.from({ length: t.rows + (t.showTotals ? 1 : 0) }, (_, r) =>
      Array.from({ length: t.cols }, (_, c) => this.cell(t.sheet.name, t.top + r, t.left + c)),
    );
  }

  /** A table as a user would create it by hand. */
  addTable(name: string, sheet: string, top: number, left: number, rows: Value[][]): void {
    const s = this.sheets.get(sheet) ?? this.addSheet(sheet);
    rows.forEach((row, r) => row.forEach((v, c) => writeCell(s, top + r, left + c, v)));
    this.tables.set(name, { name, sheet: s, top, left, rows: rows.length, cols: rows[0]!.length, showTotals: false, style: '' });
  }

  /** The office.js-like runner for ExcelWorkbookPort. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    // The fake implements only what the adapter calls; the cast hands it over as the real type.
    return batch(context as unknown as Excel.RequestContext);
  };
}

function writeCell(sheet: SheetState, row: number, col: number, input: Value): void {
  const existing = sheet.cells.get(key(row, col));
  const numberFormat = existing?.numberFormat ?? 'General';
  if (typeof input === 'string' && input.startsWith('=')) {
    sheet.cells.set(key(row, col), { value: calculate(input), formula: input, numberFormat });
    return;
  }
  let value: Value = input;
  if (typeof input === 'string' && input.startsWith("'")) value = input.slice(1);
  else if (typeof input === 'string' && numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(input)) value = Number(input);
  if (value === '') sheet.cells.delete(key(row, col));
  if (value === '' && numberFormat === 'General') return;
  sheet.cells.set(key(row, col), { value, formula: null, numberFormat });
}

function readCell(sheet: SheetState, row: number, col: number): CellState {
  return sheet.cells.get(key(row, col)) ?? { value: '', formula: null, numberFormat: 'General' };
}

function bytesOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** A queued operation or load, run at sync. */
type Step = () => void;

class FakeContext {
  readonly workbook: FakeWorkbookObject;
  private queue: Step[] = [];
  private bytes = 0;
  private formatBytes = 0;
  /** Bytes loaded by the request being run (counted by the loads as they run). */
  responseBytes = 0;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }

  enqueue(step: Step, bytes = 0, kind: 'data' | 'format' = 'data'): void {
    this.queue.push(step);
    this.bytes += bytes;
    if (kind === 'format') this.formatBytes += bytes;
  }

  async sync(): Promise<void> {
    const state = this.state;
    state.syncs++;
    state.requests.push(this.bytes);
    state.formatRequests.push(this.formatBytes);
    const steps = this.queue;
    const bytes = this.bytes;
    this.queue = [];
    this.bytes = 0;
    this.formatBytes = 0;
    const failure = state.failureFor(state.syncs);
    if (failure) {
      state.responses.push(0);
      throw new FakeOfficeError(failure);
    }
    if (bytes > state.payloadLimit) {
      state.responses.push(0);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    }
    this.responseBytes = 0;
    try {
      for (const step of steps) step();
    } finally {
      state.responses.push(this.responseBytes);
    }
  }
}

/** Loaded properties: reading one before it was loaded and synced throws, as in office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();

  protected get$(name: string): unknown {
    if (!this.loaded.has(name)) throw new FakeOfficeError('PropertyNotLoaded');
    return this.loaded.get(name);
  }
}

class FakeWorkbookObject {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly settings: FakeSettings;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; suspended: number };

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
    this.tables = new FakeTables(context);
    this.settings = new FakeSettings(context);
    this.application = {
      suspended: 0,
      suspendApiCalculationUntilNextSync() {
        this.suspended++;
      },
    };
  }
}

class FakeWorksheets {
  constructor(private readonly context: FakeContext) {}

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.findSheet(name));
  }

  add(name: string): FakeWorksheet {
    const state = this.context.state;
    this.context.enqueue(() => {
      if (state.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists');
      state.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => state.findSheet(name));
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  readonly tables: { add: (range: FakeRange, hasHeaders: boolean) => FakeTable };

  constructor(
    private readonly context: FakeContext,
    readonly resolve: () => SheetState | null,
  ) {
    super();
    let loadedProtected: boolean | undefined;
    const sheetOf = () => this.sheet();
    this.protection = {
      load: () => context.enqueue(() => (loadedProtected = sheetOf().protected)),
      get protected(): boolean {
        if (loadedProtected === undefined) throw new FakeOfficeError('PropertyNotLoaded');
        return loadedProtected;
      },
    };
    this.tables = {
      add: (range, hasHeaders) => {
        let created: TableState | null = null;
        context.enqueue(() => {
          const area = range.area();
          if (!hasHeaders) throw new Error('fake supports header tables only');
          const name = `Table${context.state.tables.size + 1}`;
          created = {
            name,
            sheet: area.sheet,
            top: area.top,
            left: area.left,
            rows: area.rows,
            cols: area.cols,
            showTotals: false,
            style: '',
          };
          context.state.tables.set(name, created);
        });
        return new FakeTable(context, () => created);
      },
    };
  }

  sheet(): SheetState {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError('ItemNotFound');
    return s;
  }

  load(props: string): void {
    this.context.enqueue(() => {
      const s = this.resolve();
      this.loaded.set('isNullObject', s === null);
      if (s && props.includes('name')) this.loaded.set('name', s.name);
    });
  }

  get isNullObject(): boolean {
    return this.get$('isNullObject') as boolean;
  }

  get name(): string {
    return this.get$('name') as string;
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument');
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), top, left, rows, cols }));
  }

  activate(): void {
    this.context.enqueue(() => {
      const s = this.sheet();
      if (s.hidden) throw new FakeOfficeError('InvalidOperation');
      this.context.state.activeSheet = s.name;
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.sheet();
      this.context.state.sheets.delete(s.name);
      for (const [name, t] of this.context.state.tables) if (t.sheet === s) this.context.state.tables.delete(name);
    });
  }
}

class FakeTables {
  constructor(private readonly context: FakeContext) {}

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => this.context.state.findTable(name));
  }

  /** A table that does not exist fails with ItemNotFound when the request runs. */
  getItem(name: string): FakeTable {
    return this.getItemOrNullObject(name);
  }
}

class FakeTable extends Loadable {
  /** The table's data rows by position; one past the last fails with InvalidArgument when used. */
  readonly rows: { getItemAt: (index: number) => { getRange: () => FakeRange } };

  constructor(
    private readonly context: FakeContext,
    private readonly resolve: () => TableState | null,
  ) {
    super();
    this.rows = {
      getItemAt: (index) => ({
        getRange: () =>
          new FakeRange(context, () => {
            const t = this.table();
            if (!Number.isInteger(index) || index < 0 || index >= t.rows - 1) throw new FakeOfficeError('InvalidArgument');
            return { sheet: t.sheet, top: t.top + 1 + index, left: t.left, rows: 1, cols: t.cols };
          }),
      }),
    };
  }

  private table(): TableState {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError('ItemNotFound');
    return t;
  }

  load(props: string): void {
    this.context.enqueue(() => {
      const t = this.resolve();
      this.loaded.set('isNullObject', t === null);
      if (!t) return;
      this.loaded.set('name', t.name);
      this.loaded.set('showTotals', t.showTotals);
    });
    void props;
  }

  get isNullObject(): boolean {
    return this.get$('isNullObject') as boolean;
  }

  get showTotals(): boolean {
    return this.get$('showTotals') as boolean;
  }

  set showTotals(value: boolean) {
    this.context.enqueue(() => {
      const t = this.table();
      if (value && !t.showTotals) {
        const below = readCell(t.sheet, t.top + t.rows, t.left);
        void below;
      }
      t.showTotals = value;
    });
  }

  get name(): string {
    return this.get$('name') as string;
  }

  set name(value: string) {
    this.context.enqueue(() => {
      const t = this.table();
      const same = this.context.state.findTable(value);
      if (same && same !== t) throw new FakeOfficeError('ItemAlreadyExists');
      this.context.state.tables.delete(t.name);
      t.name = value;
      this.context.state.tables.set(value, t);
    });
  }

  set style(value: string) {
    this.context.enqueue(() => (this.table().style = value));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolve()?.sheet ?? null);
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top, left: t.left, rows: t.rows + (t.showTotals ? 1 : 0), cols: t.cols };
    });
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top, left: t.left, rows: 1, cols: t.cols };
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top + 1, left: t.left, rows: t.rows - 1, cols: t.cols };
    });
  }

  getTotalRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      if (!t.showTotals) throw new FakeOfficeError('InvalidOperation');
      return { sheet: t.sheet, top: t.top + t.rows, left: t.left, rows: 1, cols: t.cols };
    });
  }

  resize(range: FakeRange): void {
    this.context.enqueue(() => {
      const t = this.table();
      const a = range.area();
      if (a.top !== t.top || a.sheet !== t.sheet) throw new FakeOfficeError('InvalidArgument');
      t.rows = a.rows;
      t.cols = a.cols;
      t.left = a.left;
    });
  }

  convertToRange(): void {
    this.context.enqueue(() => this.context.state.tables.delete(this.table().name));
  }
}

class FakeSettings {
  constructor(private readonly context: FakeContext) {}

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key);
  }

  add(key: string, value: unknown): void {
    this.context.enqueue(() => this.context.state.settings.set(key, value));
  }
}

class FakeSetting extends Loadable {
  constructor(
    private readonly context: FakeContext,
    private readonly key: string,
  ) {
    super();
  }

  load(): void {
    this.context.enqueue(() => {
      const has = this.context.state.settings.has(this.key);
      this.loaded.set('isNullObject', !has);
      if (has) this.loaded.set('value', this.context.state.settings.get(this.key));
    });
  }

  get isNullObject(): boolean {
    return this.get$('isNullObject') as boolean;
  }

  get value(): unknown {
    return this.get$('value');
  }
}

class FakeRange extends Loadable {
  readonly format: { columnWidth: number };
  readonly dataValidation: { clear: () => void; rule: { list: { inCellDropDown: boolean; source: string } } };
  readonly conditionalFormats: { clearAll: () => void; add: (type: string) => FakeConditionalFormat };

  constructor(
    private readonly context: FakeContext,
    readonly area: () => Area,
  ) {
    super();
    const self = { area: () => this.area() };
    this.format = {
      set columnWidth(points: number) {
        context.enqueue(() => {
          const a = self.area();
          for (let c = 0; c < a.cols; c++) a.sheet.columnWidths.set(a.left + c, points);
        });
      },
      get columnWidth(): number {
        throw new FakeOfficeError('PropertyNotLoaded');
      },
    };
    this.dataValidation = {
      clear: () =>
        context.enqueue(() => {
          const a = self.area();
          a.sheet.validations = a.sheet.validations.filter((v) => !(v.left === a.left && v.top === a.top));
        }),
      set rule(rule: { list: { inCellDropDown: boolean; source: string } }) {
        context.enqueue(() => {
          const a = self.area();
          a.sheet.validations.push({ top: a.top, left: a.left, rows: a.rows, source: rule.list.source });
        });
      },
      get rule(): { list: { inCellDropDown: boolean; source: string } } {
        throw new FakeOfficeError('PropertyNotLoaded');
      },
    };
    this.conditionalFormats = {
      clearAll: () =>
        context.enqueue(() => {
          const a = self.area();
          a.sheet.conditionalFormats = a.sheet.conditionalFormats.filter((f) => !(f.top === a.top && f.left === a.left));
        }),
      add: (type: string) => {
        if (type !== 'Custom') throw new Error('fake supports custom conditional formats only');
        const format = new FakeConditionalFormat();
        context.enqueue(() => {
          const a = self.area();
          a.sheet.conditionalFormats.push({
            top: a.top,
            left: a.left,
            rows: a.rows,
            cols: a.cols,
            formula: format.custom.rule.formula,
            fill: format.custom.format.fill.color,
          });
        });
        return format;
      },
    };
  }

  load(props: string): void {
    this.context.enqueue(() => {
      const a = this.area();
      const grid = (pick: (c: CellState) => Value) => {
        const values = this.grid(a, pick);
        this.context.responseBytes += bytesOf(values);
        return values;
      };
      for (const prop of props.split(',').map((p) => p.trim())) {
        if (prop === 'values')
          this.loaded.set(
            'values',
            grid((c) => c.value),
          );
        else if (prop === 'formulas')
          this.loaded.set(
            'formulas',
            grid((c) => c.formula ?? c.value),
          );
        else if (prop === 'numberFormat')
          this.loaded.set(
            'numberFormat',
            grid((c) => c.numberFormat),
          );
        else if (prop === 'rowIndex') this.loaded.set(prop, a.top);
        else if (prop === 'columnIndex') this.loaded.set(prop, a.left);
        else if (prop === 'rowCount') this.loaded.set(prop, a.rows);
        else if (prop === 'columnCount') this.loaded.set(prop, a.cols);
        else if (prop === 'address') this.loaded.set(prop, `${a.sheet.name}!R${a.top + 1}C${a.left + 1}`);
        else throw new Error(`fake cannot load ${prop}`);
      }
    });
  }

  private grid(a: Area, pick: (c: CellState) => Value): Value[][] {
    return Array.from({ length: a.rows }, (_, r) =>
      Array.from({ length: a.cols }, (_, c) => pick(readCell(a.sheet, a.top + r, a.left + c))),
    );
  }

  get values(): Value[][] {
    return this.get$('values') as Value[][];
  }

  set values(rows: Value[][]) {
    this.write(rows, 'values');
  }

  get formulas(): Value[][] {
    return this.get$('formulas') as Value[][];
  }

  set formulas(rows: Value[][]) {
    this.write(rows, 'formulas');
  }

  get numberFormat(): string[][] {
    return this.get$('numberFormat') as string[][];
  }

  /**
   * A 2-D array the shape of the range, or a 1×1 array that Excel applies to every cell of the
   * range (as Microsoft's samples do with `numberFormat = [["$0.00"]]` on a column).
   */
  set numberFormat(rows: string[][]) {
    this.context.enqueue(
      () => {
        const a = this.area();
        const single = rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0]! : null;
        if (single === null) this.checkShape(a, rows);
        if (a.sheet.protected) throw new FakeOfficeError('AccessDenied');
        for (let r = 0; r < a.rows; r++) {
          for (let c = 0; c < a.cols; c++) {
            const existing = readCell(a.sheet, a.top + r, a.left + c);
            a.sheet.cells.set(key(a.top + r, a.left + c), { ...existing, numberFormat: single ?? rows[r]![c]! });
          }
        }
      },
      bytesOf(rows),
      'format',
    );
  }

  get rowIndex(): number {
    return this.get$('rowIndex') as number;
  }

  get columnIndex(): number {
    return this.get$('columnIndex') as number;
  }

  get rowCount(): number {
    return this.get$('rowCount') as number;
  }

  get columnCount(): number {
    return this.get$('columnCount') as number;
  }

  get isNullObject(): boolean {
    return this.get$('isNullObject') as boolean;
  }

  private checkShape(a: Area, rows: unknown[][]): void {
    if (rows.length !== a.rows || rows.some((row) => row.length !== a.cols)) throw new FakeOfficeError('InvalidArgument');
  }

  private write(rows: Value[][], kind: 'values' | 'formulas'): void {
    this.context.enqueue(() => {
      const a = this.area();
      this.checkShape(a, rows);
      if (a.sheet.protected) throw new FakeOfficeError('AccessDenied');
      void kind;
      rows.forEach((row, r) => row.forEach((v, c) => writeCell(a.sheet, a.top + r, a.left + c, v)));
    }, bytesOf(rows));
  }

  getRow(i: number): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.area();
      return { ...a, top: a.top + i, rows: 1 };
    });
  }

  /** One cell relative to the range's top left (it may lie outside the range, as in office.js). */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.area();
      return { sheet: a.sheet, top: a.top + row, left: a.left + column, rows: 1, cols: 1 };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.area().sheet);
  }

  /** Selects the range; the fake insists its sheet was activated first (conservative). */
  select(): void {
    this.context.enqueue(() => {
      const a = this.area();
      const state = this.context.state;
      if (state.activeSheet !== a.sheet.name) throw new FakeOfficeError('InvalidOperation');
      state.selection = { sheet: a.sheet.name, row: a.top, column: a.left, rows: a.rows, columns: a.cols };
    });
  }

  getColumn(i: number): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.area();
      return { ...a, left: a.left + i, cols: 1 };
    });
  }

  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.area();
      return { ...a, rows: a.rows + rows, cols: a.cols + cols };
    });
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    const used = new FakeRange(this.context, () => this.area());
    const load = used.load.bind(used);
    used.load = (props: string) => {
      this.context.enqueue(() => {
        const a = this.area();
        let any = false;
        for (let r = 0; r < a.rows && !any; r++) {
          for (let c = 0; c < a.cols && !any; c++) {
            const cell = readCell(a.sheet, a.top + r, a.left + c);
            if (cell.formula !== null || cell.value !== '' || (!valuesOnly && cell.numberFormat !== 'General')) any = true;
          }
        }
        used.loaded.set('isNullObject', !any);
      });
      load(props);
    };
    return used;
  }

  clear(applyTo: string): void {
    this.context.enqueue(() => {
      const a = this.area();
      if (a.sheet.protected) throw new FakeOfficeError('AccessDenied');
      for (let r = 0; r < a.rows; r++) {
        for (let c = 0; c < a.cols; c++) {
          if (applyTo === 'All') a.sheet.cells.delete(key(a.top + r, a.left + c));
        }
      }
    });
  }
}

class FakeConditionalFormat {
  readonly custom = { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '' } } };
}
