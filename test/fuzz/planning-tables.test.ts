// Fuzzing the planning workbook's table readers (readPlanningTables: Rammer, Poster, Forbruk,
// Versjoner, Versjonsrammer, Arsavslutning, Logg, Bevilgning, Tilsagnsfullmakter): random and mutated tables never make them throw,
// always give a reading, and a reading they accept is written and read back as the same state.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  ARSAVSLUTNING,
  BEVILGNING,
  TILSAGNSFULLMAKTER,
  embeddedState,
  FORBRUK,
  LOGG,
  POSTER,
  KONTERINGSREGLER,
  RAMMER,
  VERSJONER,
  VERSJONSRAMMER,
  MemoryWorkbookPort,
  PLANNING_TABLES,
  planningTables,
  readPlanningFromPort,
  readPlanningTables,
  type IsoDate,
  type PlanningReading,
  type PlanningState,
  type TableRead,
} from '../../engine/index.js';
import { fuzz, fuzzTimeout } from './fuzz-settings.js';
import { problemFaults, spellAmount } from './ledger-arbitraries.js';
import { cellValue, expectSame, planningState, stateView } from './planning-arbitraries.js';

const FILE = 'plan.xlsx';
const AS_OF = '2024-12-31' as IsoDate;

/** The tables a state is written as, read back through the in-memory port, by name. */
async function tablesOf(state: PlanningState): Promise<Map<string, TableRead>> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(planningTables(state, { asOf: AS_OF, lang: 'nb' }));
  const tables = new Map<string, TableRead>();
  for (const name of PLANNING_TABLES) {
    const read = await port.readTable(name);
    if (read) tables.set(name, read);
  }
  return tables;
}

/** Writes a state through the in-memory port and reads it back. */
async function roundTrip(state: PlanningState): Promise<PlanningReading> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(planningTables(state, { asOf: AS_OF, lang: 'nb' }));
  return readPlanningFromPort(port, FILE);
}

/** What must hold of any reading: a state or problems saying why not, each naming the file and a row of the workbook. */
function readingFaults(reading: PlanningReading, tables: ReadonlyMap<string, TableRead | null>): string[] {
  const rows = Math.max(2, ...[...tables.values()].map((t) => (t ? t.firstRow + t.rows.length : 0)));
  const faults = [...reading.problems, ...reading.logProblems].flatMap((p) => problemFaults(p, FILE, rows));
  if (reading.state !== null && reading.problems.length > 0) faults.push('a state beside problems');
  if (reading.state === null && reading.problems.length === 0) faults.push('no state and no problem');
  return faults;
}

/** A mutation of a table as a person (or a broken file) might make it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), column: fc.nat(), value: cellValue }),
  fc.record({
    kind: fc.constant('header' as const),
    column: fc.nat(),
    name: fc.oneof(fc.constantFrom('', 'Beløp', 'BELØP', 'Fra', 'Virkemiddel', 'Hash', 'År'), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('dropRow' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('copyRow' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('cutRow' as const), row: fc.nat(), width: fc.nat() }),
  fc.record({ kind: fc.constant('addRow' as const), cells: fc.array(cellValue, { maxLength: 16 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(read: TableRead, m: Mutation): TableRead {
  const rows = read.rows.map((r) => [...r]);
  const header = [...read.header];
  const pick = (n: number) => (rows.length === 0 ? -1 : n % rows.length);
  switch (m.kind) {
    case 'cell': {
      const r = pick(m.row);
      if (r < 0) break;
      const row = rows[r]!;
      row[m.column % Math.max(1, header.length)] = m.value;
      // A row read from a workbook has no holes: a cell set past its end leaves empty cells before it.
      for (let c = 0; c < row.length; c++) row[c] ??= null;
      break;
    }
    case 'header':
      header[m.column % header.length] = m.name;
      break;
    case 'dropRow':
      if (pick(m.row) >= 0) rows.splice(pick(m.row), 1);
      break;
    case 'copyRow':
      if (pick(m.row) >= 0) rows.push([...rows[pick(m.row)]!]);
      break;
    case 'cutRow':
      if (pick(m.row) >= 0) rows[pick(m.row)] = rows[pick(m.row)]!.slice(0, m.width % (header.length + 1));
      break;
    case 'addRow':
      rows.push(m.cells);
      break;
  }
  return { ...read, header, rows };
}

/** A state without where its lines and entered frames (of the plan and of every version) stand in the workbook. */
function withoutRows(state: PlanningState): unknown {
  const blank = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(blank);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([k, v]) => [k, blank(v)]);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    return object.source === 'entered' && 'sourceText' in object ? { ...object, sourceText: '' } : object;
  };
  return blank(stateView(state, false));
}

describe('fuzz: planning workbook table readers', function () {
  this.timeout(fuzzTimeout(30000));

  it('never throws on tables of random cells under random headers, and gives a state or problems', () => {
    const names = ['Virkemiddel', 'Navn', 'Fra', 'Til', 'Beløp', 'Enhet', 'Finansiering', 'Betingelse', 'Bekreftet', 'Kilde'];
    const more = [
      'Konto',
      'Dimensjon',
      'Virksomhet',
      'Fra år',
      'Til år',
      'Andel',
      'Kapittel',
      'Post',
      'Dato',
      'Bilag',
      'Type',
      'År',
      'Versjon',
      'Status',
      'Linjer',
      'Linjekontroll',
      'Rammer',
      'Saldert',
      'Endringer',
      'Overført inn',
      'Fullmakt',
      'Overføring',
    ];
    const logNames = [
      'Tidspunkt',
      'Hvem',
      'Handling',
      'Detaljer',
      'Løpenummer',
      'Kode',
      'Objekt',
      'Før',
      'Etter',
      'Begrunnelse',
      'Forrige hash',
      'Hash',
    ];
    const headerName = fc.oneof(
      fc.constantFrom(...names, ...more, ...logNames, 'referanse', 'tekst', 'Avsluttet', 'Av', 'Basert på', 'Rammekontroll'),
      fc.string({ maxLength: 6 }),
    );
    // Each table under its own header (as written, or shuffled) or a random one; rows as wide as the header, or ragged.
    const own: Record<string, readonly string[]> = Object.fromEntries(
      [
        RAMMER,
        POSTER,
        KONTERINGSREGLER,
        FORBRUK,
        VERSJONER,
        VERSJONSRAMMER,
        ARSAVSLUTNING,
        LOGG,
        BEVILGNING,
        TILSAGNSFULLMAKTER,
      ].map((spec) => [spec.table, spec.columns.map((c) => c.name)]),
    );
    const table = (name: string) => {
      const header = fc.oneof(
        { arbitrary: fc.constant([...own[name]!]), weight: 3 },
        { arbitrary: fc.shuffledSubarray([...own[name]!]), weight: 1 },
        { arbitrary: fc.array(headerName, { maxLength: 14 }), weight: 1 },
      );
      return fc.option(
        fc
          .record({
            header,
            rows: fc.array(fc.tuple(fc.array(cellValue, { minLength: 14, maxLength: 14 }), fc.option(fc.nat())), {
              maxLength: 6,
            }),
            firstRow: fc.integer({ min: 2, max: 40 }),
          })
          .map(({ header, rows, firstRow }): TableRead => ({
            sheet: name === 'Versjoner' || name === 'Versjonsrammer' || name === 'Arsavslutning' ? 'Styring' : name,
            table: name,
            header,
            rows: rows.map(([cells, width]) => cells.slice(0, width ?? header.length)),
            firstRow,
          })),
        { freq: 6 },
      );
    };
    fc.assert(
      fc.property(fc.tuple(...PLANNING_TABLES.map(table)), (reads) => {
        const tables = new Map<string, TableRead | null>(PLANNING_TABLES.map((n, i) => [n, reads[i] ?? null]));
        const reading = readPlanningTables((name) => tables.get(name) ?? null, FILE, 'en');
        expect(readingFaults(reading, tables)).to.deep.equal([]);
      }),
      fuzz(300),
    );
  });

  it('never throws on a valid workbook with random edits; what it accepts it writes and reads back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        planningState,
        fc.array(fc.tuple(fc.constantFrom(...PLANNING_TABLES), mutation), { minLength: 1, maxLength: 6 }),
        async (state, mutations) => {
          const tables = new Map<string, TableRead | null>(await tablesOf(state));
          for (const [name, m] of mutations) {
            const read = tables.get(name);
            if (read) tables.set(name, mutate(read, m));
          }
          const reading = readPlanningTables((name) => tables.get(name) ?? null, FILE);
          expect(readingFaults(reading, tables)).to.deep.equal([]);
          if (reading.state === null) return;
          const again = await roundTrip(reading.state);
          expect(again.problems).to.deep.equal([]);
          // Rows may move up (a row dropped, an empty row left out), so lines and entered frames are compared without their rows.
          expectSame(withoutRows(again.state!), withoutRows(reading.state));
        },
      ),
      fuzz(120),
    );
  });

  it('writes back every Rammer amount it accepts as the same amount, to the øre', async () => {
    const tables = await tablesOf(embeddedState());
    const amountCell = fc.oneof(
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.nat()).map(([ore, style]) => spellAmount(ore, style)),
      fc.bigInt({ min: 0n, max: 10n ** 22n }).map((ore) => Number(ore) / 100),
      fc.double({ min: 0, max: 1e22, noNaN: true }),
      cellValue,
    );
    await fc.assert(
      fc.asyncProperty(amountCell, fc.nat(), async (cell, pick) => {
        const rammer = tables.get('Rammer')!;
        const rows = rammer.rows.map((r) => [...r]);
        const row = pick % rows.length;
        rows[row]![rammer.header.indexOf('Beløp')] = cell;
        const edited = new Map(tables).set('Rammer', { ...rammer, rows });
        const reading = readPlanningTables((name) => edited.get(name) ?? null, FILE);
        if (reading.state === null) return;
        const again = await roundTrip(reading.state);
        const amountOf = (state: PlanningState | null) => state?.plan.frames.map((f) => f.amount?.toFixed2() ?? null);
        expect(amountOf(again.state)).to.deep.equal(amountOf(reading.state));
      }),
      fuzz(200),
    );
  });

  it('reads a random valid state back as the same plan frames, posts, governance, lines and log', async () => {
    await fc.assert(
      fc.asyncProperty(planningState, async (state) => {
        const first = await roundTrip(state);
        expect(first.problems.map((p) => p.message)).to.deep.equal([]);
        expect(first.logProblems.map((p) => p.message)).to.deep.equal([]);
        const read = first.state!;
        // A figure a person set reads back with the row it stands on as its source text; all else as it was.
        expectSame(withoutRows(read), withoutRows(state));
        // And a state as read is a fixed point: written and read again, it is the very same, rows and all.
        const second = await roundTrip(read);
        expect(second.problems).to.deep.equal([]);
        expectSame(stateView(second.state!), stateView(read));
      }),
      fuzz(80),
    );
  });
});
