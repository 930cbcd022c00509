// The custom functions called as functions over a workbook written with the embedded plan and the
// example ledger (2024: ekspertbistand disbursed 46 211 000,50 kr of 50 000 000 kr, 1 000 000 kr
// still committed). The same checklist for each: happy path, argument forms, wrong types, missing
// arguments, error propagation and the shape of the answer. Extra arguments never reach the code:
// Excel checks a formula's arguments against functions.json, tested here from the same JSDoc.
import { expect } from 'chai';
import { closeYearInState, embeddedPlan, planningTables, readPlanningFromPort, reconcile } from '../../engine/index.js';
import { MemoryWorkbookPort } from '../../engine/workbook/index.js';
import { WorkbookError } from '../../addin/excel/faults.js';
import { setErrorLogger, type ErrorLogger } from '../../addin/excel/office-helpers.js';
import { gjenstar, ramme, total, utbetalt, utnyttelse, configureFunctions } from '../../addin/functions/functions.js';
import type { FunctionsRuntime } from '../../addin/functions/function-errors.js';
import { InputsSource, readerOf } from '../../addin/functions/inputs-source.js';
import { TOTAL_COLUMNS } from '../../addin/functions/answers.js';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { AS_OF, exampleLedger, tableNamed, workbookTables } from './fixtures.js';

/** CustomFunctions.Error as the fake runtime builds it. */
class FakeFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

// The runtime's enum values are the error texts; the casts give the fake the runtime's types.
const runtime = {
  Error: FakeFunctionError as unknown as FunctionsRuntime['Error'],
  ErrorCode: {
    invalidValue: '#VALUE!' as unknown as CustomFunctions.ErrorCode,
    notAvailable: '#N/A' as unknown as CustomFunctions.ErrorCode,
  },
} satisfies FunctionsRuntime;

async function failure(promise: Promise<unknown>): Promise<FakeFunctionError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FakeFunctionError);
    return error as FakeFunctionError;
  }
  throw new Error('expected an Excel error');
}

async function workbook(): Promise<MemoryWorkbookPort> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(workbookTables());
  return port;
}

function use(port: MemoryWorkbookPort): { reads: () => number } {
  let reads = 0;
  const read = readerOf(port);
  const source = new InputsSource(
    async (names) => {
      reads++;
      return read(names);
    },
    { today: () => AS_OF, reuseMs: 0 },
  );
  configureFunctions({ source, runtime });
  return { reads: () => reads };
}

describe('custom functions', () => {
  let previous: ErrorLogger;
  before(() => (previous = setErrorLogger(() => undefined)));
  after(() => setErrorLogger(previous));
  beforeEach(async () => use(await workbook()));

  const expected = reconcile(embeddedPlan(), exampleLedger().lines, AS_OF).rows.find(
    (r) => r.instrument === 'ekspertbistand' && r.from === 2024,
  )!;

  describe('IA.RAMME', () => {
    it('gives the frame of an instrument named by id', async () => {
      expect(await ramme('ekspertbistand', 2024)).to.equal(50_000_000);
    });
    it('accepts the Norwegian or English name in any case, and the year as text', async () => {
      expect(await ramme('Nytt tilskudd til ekspertbistand', '2024')).to.equal(50_000_000);
      expect(await ramme('NEW GRANT FOR EXPERT ASSISTANCE', ' 2024 ')).to.equal(50_000_000);
    });
    it('gives the pooled SKIL frame for each year of the pool', async () => {
      expect(await ramme('skil', 2020)).to.equal(2_000_000);
    });
    it('is #VALUE! for an unknown instrument, a number as instrument, or a missing argument', async () => {
      const unknown = await failure(ramme('ekspertbistandd', 2024));
      expect(unknown.code).to.equal('#VALUE!');
      expect(unknown.message).to.match(/Ukjent virkemiddel «ekspertbistandd»/);
      expect((await failure(ramme(42, 2024))).code).to.equal('#VALUE!');
      expect((await failure(ramme('ekspertbistand', undefined))).code).to.equal('#VALUE!');
    });
    it('is #VALUE! for a year outside 2019–2028, a fraction, text or an empty cell', async () => {
      for (const year of [2030, 2024.5, 'i fjor', null, true]) {
        const error = await failure(ramme('ekspertbistand', year));
        expect(error.code, String(year)).to.equal('#VALUE!');
        expect(error.message).to.match(/2019 til 2028/);
      }
    });
    it('is #N/A for a frame whose amount is not set, and for an instrument without a state frame', async () => {
      const notSet = await failure(ramme('fastlegeprosjekt', 2025));
      expect(notSet.code).to.equal('#N/A');
      expect(notSet.message).to.match(/ikke fastsatt/);
      const otherFunding = await failure(ramme('helseiarbeid', 2024));
      expect(otherFunding.code).to.equal('#N/A');
      expect(otherFunding.message).to.match(/ingen statlig ramme/);
    });
    it('is #N/A for a year the instrument has no frame in', async () => {
      expect((await failure(ramme('lovarbeid', 2020))).code).to.equal('#N/A');
    });
  });

  describe('IA.UTBETALT, IA.GJENSTAR and IA.UTNYTTELSE', () => {
    it('give what the engine reconciles, as cell values', async () => {
      expect(await utbetalt('ekspertbistand', 2024)).to.equal(46_211_000.5);
      expect(await utbetalt('ekspertbistand', 2024)).to.equal(expected.spent.toNumber());
      expect(await gjenstar('ekspertbistand', 2024)).to.equal(expected.remaining!.toNumber());
      expect(await gjenstar('ekspertbistand', 2024)).to.equal(2_788_999.5);
      expect(await utnyttelse('ekspertbistand', 2024)).to.equal(0.9242);
    });
    it('count budget post lines (kapittel.post) under their instrument', async () => {
      expect(await utbetalt('bransjeprogrammer', 2024)).to.equal(51_100_000);
    });
    it('are #N/A where the frame is not set', async () => {
      expect((await failure(gjenstar('kunnskapsinnhenting', 2026))).code).to.equal('#N/A');
      expect((await failure(utnyttelse('kunnskapsinnhenting', 2026))).code).to.equal('#N/A');
      expect(await utbetalt('kunnskapsinnhenting', 2026)).to.equal(0);
    });
  });

  describe('IA.TOTAL', () => {
    it('answers one row of four cells: frame, disbursed, open commitments, remaining', async () => {
      const answer = await total(2024);
      expect(answer).to.have.length(1);
      expect(answer[0]).to.have.length(4);
      expect(answer[0]![0]).to.equal(50_000_000 + 50_000_000 + 70_000_000 + 80_000_000 + 21_000_000);
    });
    it('counts the SKIL pool 2019–2021 in 2019, as the frames command and the overview do: 273 000 000 kr', async () => {
      const answer = await total(2019);
      expect(answer[0]![0]).to.equal(273_000_000);
      expect((await total(2020))[0]![0]).to.equal(271_000_000);
    });
    it('is #VALUE! for a bad year', async () => {
      expect((await failure(total('2O24'))).code).to.equal('#VALUE!');
    });
  });

  describe('errors from the workbook', () => {
    it('is #N/A naming the row when a Forbruk amount has four decimals, never a wrong number', async () => {
      const port = await workbook();
      const forbruk = tableNamed(workbookTables(), 'Forbruk');
      const rows = forbruk.rows.map((row, i) => (i === 2 ? row.map((cell, c) => (c === 4 ? 875_500.5055 : cell)) : row));
      await port.writeTables([{ ...forbruk, rows }]);
      use(port);
      const error = await failure(utbetalt('ekspertbistand', 2024));
      expect(error.code).to.equal('#N/A');
      expect(error.message).to.match(/ark Forbruk, rad 4, kolonne Beløp/);
    });
    it('is #N/A with the command line’s refusal when a closed year’s Forbruk row was changed', async () => {
      const state = (await readPlanningFromPort(await workbook(), 'Arbeidsboken')).state!;
      const closed = closeYearInState(state, 2024, { who: 'Kari', at: '2025-01-15T09:00:00+01:00', why: 'Vedtatt' }, 'x');
      if (!closed.ok) throw new Error('not closed');
      const tables = planningTables(closed.state, { asOf: AS_OF, lang: 'nb' });
      const forbruk = tableNamed(tables, 'Forbruk');
      const [amount, year] = ['Beløp', 'År'].map((h) => forbruk.spec.columns.findIndex((c) => c.name === h));
      const first2024 = forbruk.rows.findIndex((row) => row[year!] === 2024);
      expect(first2024).to.be.at.least(0);
      const rows = forbruk.rows.map((row, i) => (i === first2024 ? row.map((cell, c) => (c === amount ? 1 : cell)) : row));
      const port = new MemoryWorkbookPort();
      await port.writeTables([...tables.filter((t) => t !== forbruk), { ...forbruk, rows }]);
      use(port);
      const error = await failure(utbetalt('ekspertbistand', 2024));
      expect(error.code).to.equal('#N/A');
      expect(error.message).to.match(/ark Styring, rad \d+, kolonne Linjekontroll/);
    });
    it('is #N/A saying what to do when the Forbruk table is missing', async () => {
      const port = new MemoryWorkbookPort();
      await port.writeTables(workbookTables().filter((t) => t.spec.table !== 'Forbruk'));
      use(port);
      const error = await failure(ramme('ekspertbistand', 2024));
      expect(error.code).to.equal('#N/A');
      expect(error.message).to.match(/mangler tabellen Forbruk/);
    });
    it('passes a workbook fault on as #N/A with its message', async () => {
      configureFunctions({
        source: new InputsSource(async () => Promise.reject(new WorkbookError('cell_edit_mode')), { reuseMs: 0 }),
      });
      const error = await failure(ramme('ekspertbistand', 2024));
      expect(error.code).to.equal('#N/A');
      expect(error.message).to.match(/redigeringsmodus/);
    });
    it('turns an unexpected exception into #VALUE! with a plain message', async () => {
      configureFunctions({ source: new InputsSource(async () => Promise.reject(new TypeError('bug')), { reuseMs: 0 }) });
      const error = await failure(total(2024));
      expect(error.code).to.equal('#VALUE!');
      expect(error.message).to.match(/Uventet feil/);
    });
  });

  describe('the same checklist for every function', () => {
    // The four functions of (virkemiddel; år), with each one's answer for ekspertbistand 2024.
    const pairs: [string, (v: unknown, å: unknown) => Promise<number>, number][] = [
      ['IA.RAMME', ramme, 50_000_000],
      ['IA.UTBETALT', utbetalt, 46_211_000.5],
      ['IA.GJENSTAR', gjenstar, 2_788_999.5],
      ['IA.UTNYTTELSE', utnyttelse, 0.9242],
    ];
    // What Excel may hand a parameter declared `any`: a multi-cell range arrives as a 2-D array.
    const wrongInstruments: unknown[] = [42, true, [['ekspertbistand']], { id: 'ekspertbistand' }];
    const wrongYears: unknown[] = [[[2024]], true, '2024-01-01', 2018, 2029, 2024.5, Number.NaN];
    const missing: unknown[] = [null, undefined, '', '   '];

    for (const [name, fn, answer] of pairs) {
      describe(name, () => {
        it('answers one number (a single cell, not an array) for an id and for a name', async () => {
          const byId = await fn('ekspertbistand', 2024);
          expect(byId).to.be.a('number').and.equal(answer);
          expect(await fn('Nytt tilskudd til ekspertbistand', '2024')).to.equal(answer);
        });
        it('is #VALUE! with a Norwegian message for an instrument of the wrong type', async () => {
          for (const value of wrongInstruments) {
            const error = await failure(fn(value, 2024));
            expect(error.code, JSON.stringify(value)).to.equal('#VALUE!');
            expect(error.message).to.match(/Oppgi virkemiddelet som tekst/);
          }
        });
        it('is #VALUE! with a Norwegian message for a year of the wrong type or outside 2019–2028', async () => {
          for (const year of wrongYears) {
            const error = await failure(fn('ekspertbistand', year));
            expect(error.code, JSON.stringify(year)).to.equal('#VALUE!');
            expect(error.message).to.match(/2019 til 2028/);
          }
        });
        it('is #VALUE! for a missing (empty) instrument or year', async () => {
          for (const value of missing) {
            expect((await failure(fn(value, 2024))).code, `virkemiddel ${JSON.stringify(value)}`).to.equal('#VALUE!');
          }
          for (const year of [null, undefined]) {
            expect((await failure(fn('ekspertbistand', year))).code, `år ${String(year)}`).to.equal('#VALUE!');
          }
        });
        it('passes a workbook fault on as #N/A with its Norwegian message, never a number', async () => {
          configureFunctions({
            source: new InputsSource(async () => Promise.reject(new WorkbookError('sheet_missing', { sheet: 'Forbruk' })), {
              reuseMs: 0,
            }),
          });
          const error = await failure(fn('ekspertbistand', 2024));
          expect(error.code).to.equal('#N/A');
          expect(error.message).to.equal(new WorkbookError('sheet_missing', { sheet: 'Forbruk' }).message);
        });
        it('passes a problem in the workbook’s tables on as #N/A naming it', async () => {
          const port = new MemoryWorkbookPort();
          await port.writeTables(workbookTables().filter((t) => t.spec.table !== 'Forbruk'));
          use(port);
          const error = await failure(fn('ekspertbistand', 2024));
          expect(error.code).to.equal('#N/A');
          expect(error.message).to.match(/mangler tabellen Forbruk/);
        });
      });
    }

    describe('IA.TOTAL', () => {
      it('answers a 1×4 array of numbers (a row that spills into four cells)', async () => {
        const answer = await total('2024');
        expect(answer).to.have.length(1);
        expect(answer[0]!.every((cell) => typeof cell === 'number' && Number.isFinite(cell))).to.equal(true);
        expect(answer[0]).to.have.length(TOTAL_COLUMNS.length);
        // Remaining = frame − disbursed − open commitments, summed over the same frames.
        const [frame, spent, open, remaining] = answer[0]!;
        expect(remaining).to.be.closeTo(frame! - spent! - open!, 0.005);
      });
      it('is #VALUE! for a year of the wrong type, outside 2019–2028, or missing', async () => {
        for (const year of [...wrongYears, null, undefined, '']) {
          const error = await failure(total(year));
          expect(error.code, JSON.stringify(year)).to.equal('#VALUE!');
          expect(error.message).to.match(/2019 til 2028/);
        }
      });
      it('passes a workbook fault on as #N/A with its Norwegian message', async () => {
        configureFunctions({
          source: new InputsSource(async () => Promise.reject(new WorkbookError('conflict')), { reuseMs: 0 }),
        });
        const error = await failure(total(2024));
        expect(error.code).to.equal('#N/A');
        expect(error.message).to.match(/samtidig/);
      });
    });
  });

  describe('the metadata Excel reads (functions.json, generated from the JSDoc)', () => {
    interface Metadata {
      functions: {
        id: string;
        description: string;
        parameters: { name: string; description: string; type: string; optional?: boolean; repeating?: boolean }[];
        result: { type?: string; dimensionality?: string };
      }[];
    }
    let metadata: Metadata;
    before(async function () {
      this.timeout(60_000);
      const generated = await generateCustomFunctionsMetadata('addin/functions/functions.ts');
      expect(generated.errors).to.deep.equal([]);
      metadata = JSON.parse(generated.metadataJson) as Metadata;
    });

    it('declares exactly the arguments, none optional or repeating, so Excel refuses a formula with more or fewer', () => {
      const shapes = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));
      expect(shapes).to.deep.equal({
        RAMME: ['virkemiddel', 'år'],
        UTBETALT: ['virkemiddel', 'år'],
        GJENSTAR: ['virkemiddel', 'år'],
        UTNYTTELSE: ['virkemiddel', 'år'],
        TOTAL: ['år'],
      });
      for (const f of metadata.functions) {
        for (const p of f.parameters) {
          expect(p.optional ?? false, `${f.id} ${p.name}`).to.equal(false);
          expect(p.repeating ?? false, `${f.id} ${p.name}`).to.equal(false);
          // `any`, so a wrong type reaches our own Norwegian #VALUE! instead of Excel's bare one.
          expect(p.type, `${f.id} ${p.name}`).to.equal('any');
        }
      }
    });

    it('gives single numbers for four functions and a matrix for IA.TOTAL', () => {
      for (const f of metadata.functions) {
        expect(f.result.dimensionality ?? 'scalar', f.id).to.equal(f.id === 'TOTAL' ? 'matrix' : 'scalar');
        expect(f.result.type, f.id).to.equal('number');
      }
    });

    it('has help texts and parameter descriptions in Norwegian', () => {
      const norwegian = /\b(og|et|en|fra|av|eller|som|med|til)\b|[æøå]/i;
      for (const f of metadata.functions) {
        expect(f.description, f.id).to.match(norwegian);
        for (const p of f.parameters) expect(p.description, `${f.id} ${p.name}`).to.match(norwegian);
      }
    });
  });

  describe('reading the workbook', () => {
    it('reads the tables once for all the calls of one recalculation', async () => {
      const port = await workbook();
      let reads = 0;
      const read = readerOf(port);
      let clock = 1000;
      configureFunctions({
        source: new InputsSource(
          async (names) => {
            reads++;
            return read(names);
          },
          { today: () => AS_OF, now: () => clock },
        ),
      });
      await Promise.all([ramme('ekspertbistand', 2024), utbetalt('ekspertbistand', 2024), total(2024)]);
      expect(reads).to.equal(1);
      clock += 5000;
      await ramme('ekspertbistand', 2024);
      expect(reads).to.equal(2);
    });
  });
});
