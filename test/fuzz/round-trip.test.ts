// parse(write(x)) = x for every kind of cell the planning workbook holds (text, year, whole, money,
// percent, date, yes/no, decimal), through the .xlsx writer and reader and through the in-memory
// port; and a random planning state written to an .xlsx file reads back as the same state.
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MemoryWorkbookPort,
  Money,
  planningTables,
  readPlanningTables,
  RowReader,
  type Cell,
  type CellValue,
  type ColumnKind,
  type IsoDate,
  type Problem,
  type TableData,
  type TableSpec,
} from '../../engine/index.js';
import { EXCEL_MAX_CELL_TEXT, MAX_AMOUNT_ORE } from '../../engine/excel-limits.js';
import { loadWorkbook, isWorkbook } from '../../engine/cli/planning-io.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { fuzz, fuzzTimeout } from './fuzz-settings.js';
import { expectSame, planningState, stateView } from './planning-arbitraries.js';

const KINDS: readonly ColumnKind[] = ['text', 'year', 'whole', 'money', 'percent', 'date', 'yesno', 'decimal'];

/** One table with a column of each kind. */
const SPEC: TableSpec = {
  sheet: 'Proeve',
  table: 'Proeve',
  origin: { row: 1, column: 1 },
  columns: KINDS.map((kind) => ({ name: `K ${kind}`, kind, width: 12 })),
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Characters a text cell keeps: letters of many scripts, spaces, line feeds, quotes, XML's specials, formula starts. */
const TEXT_UNITS = [
  'a',
  'Z',
  '0',
  ' ',
  '\u00a0',
  '\n',
  'æ',
  'Ø',
  'å',
  '€',
  '中',
  '😀',
  '<',
  '>',
  '&',
  '"',
  "'",
  '=',
  '+',
  '-',
  '@',
  ';',
  '\u2028',
  '\uFEFF',
];

/** A valid value for each kind of column, as the engine writes it (money in øre, kept beside the cell). */
const valueOf: Record<ColumnKind, fc.Arbitrary<{ cell: CellValue; ore?: bigint }>> = {
  text: fc
    .oneof(
      fc.string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: 1, maxLength: 40 }),
      fc.constantFrom(
        '=SUM(A1)',
        '100123',
        '007',
        '1e5',
        'TRUE',
        '#N/A',
        ' leading',
        'trailing ',
        'x'.repeat(EXCEL_MAX_CELL_TEXT),
      ),
    )
    .map((cell) => ({ cell })),
  year: fc.integer({ min: 2019, max: 2028 }).map((cell) => ({ cell })),
  whole: fc
    .oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }))
    .map((cell) => ({ cell })),
  money: fc
    .oneof(
      fc.bigInt({ min: -MAX_AMOUNT_ORE, max: MAX_AMOUNT_ORE }),
      fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
      fc.constantFrom(0n, 1n, -1n, MAX_AMOUNT_ORE, -MAX_AMOUNT_ORE),
    )
    .map((ore) => ({ cell: Money.fromOre(ore).toNumber(), ore })),
  percent: fc.integer({ min: -100_000, max: 100_000 }).map((n) => ({ cell: n / 10_000 })),
  date: fc
    .record({
      year: fc.integer({ min: 1901, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({
      cell: `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()))}`,
    })),
  yesno: fc.constantFrom('ja', 'nei').map((cell) => ({ cell })),
  decimal: fc
    .oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    )
    .map((cell) => ({ cell })),
};

/** A row: each kind's value, or an empty cell. */
const row = fc.tuple(...KINDS.map((kind) => fc.option(valueOf[kind], { freq: 5 })));

describe('fuzz: round trips of every cell kind', function () {
  this.timeout(fuzzTimeout(60000));
  const dir = mkdtempSync(join(tmpdir(), 'ia-fuzz-round-'));
  let count = 0;
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back every value of every kind as written, through the .xlsx file and the in-memory port; money to the øre', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const cells: Cell[][] = rows.map((r) => r.map((v) => v?.cell ?? null));
        const data: TableData = { spec: SPEC, rows: cells };
        const path = join(dir, `k${count++}.xlsx`);
        await writeWorkbookFile(path, [data], { overwrite: true });
        const fromFile = (await readXlsxTables(path)).get('proeve')!;
        const memory = new MemoryWorkbookPort();
        await memory.writeTables([data]);
        const fromMemory = (await memory.readTable('Proeve'))!;
        // Trailing empty rows are no rows in a file; the memory port keeps them.
        let last = cells.length;
        while (last > 0 && cells[last - 1]!.every((c) => c === null)) last--;
        expectSame(
          fromFile.header,
          SPEC.columns.map((c) => c.name),
        );
        expectSame(fromFile.rows, cells.slice(0, last));
        expectSame(fromMemory.rows, cells);
        // Money as the plan reader takes it: the very øre written, from the file and from memory.
        const problems: Problem[] = [];
        const money = KINDS.indexOf('money');
        for (const read of [fromFile, fromMemory]) {
          const reader = new RowReader(read, 'proeve.xlsx', 'nb', problems);
          read.rows.forEach((r, i) => {
            const ore = rows[i]![money]?.ore;
            const amount = reader.money(r, 'K money', read.firstRow + i);
            expect(amount === null ? null : amount === 'bad' ? 'bad' : amount.toOre()).to.equal(ore ?? null);
          });
        }
        expect(problems).to.deep.equal([]);
      }),
      fuzz(40),
    );
  });

  it('writes a random planning state to an .xlsx file and reads back the same frames, lines, governance and log', async () => {
    await fc.assert(
      fc.asyncProperty(planningState, async (state) => {
        // The state as a workbook holds it (entered figures name their row), then through the file.
        const memory = new MemoryWorkbookPort();
        await memory.writeTables(planningTables(state, { asOf: '2024-12-31' as IsoDate, lang: 'nb' }));
        const tables = new Map<string, NonNullable<Awaited<ReturnType<typeof memory.readTable>>>>();
        for (const name of memory.tableNames()) tables.set(name.toLowerCase(), (await memory.readTable(name))!);
        const read = readPlanningTables((name) => tables.get(name.toLowerCase()) ?? null, 'plan.xlsx').state!;
        const path = join(dir, 'plan.xlsx');
        await writeWorkbookFile(path, planningTables(read, { asOf: '2024-12-31' as IsoDate, lang: 'nb' }), { overwrite: true });
        const loaded = await loadWorkbook(path, 'nb');
        if (!isWorkbook(loaded)) throw new Error(loaded.message);
        expect(loaded.reading.problems.map((p) => p.message)).to.deep.equal([]);
        expect(loaded.reading.logProblems.map((p) => p.message)).to.deep.equal([]);
        expectSame(stateView(loaded.reading.state!), stateView(read));
      }),
      fuzz(12),
    );
  });
});
