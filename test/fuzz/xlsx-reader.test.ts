// Fuzzing the .xlsx reader (readXlsxTables through loadWorkbook, as every command reads a workbook):
// random bytes and a valid planning workbook with random changes to its parts never make it throw;
// it gives a problem naming the file, or a workbook whose reading holds a state or problems. Few
// runs: each one writes and reads a file.
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeYearInState,
  embeddedState,
  Ledger,
  planningTables,
  type IsoDate,
  type PlanningState,
  type Problem,
} from '../../engine/index.js';
import { isWorkbook, loadWorkbook } from '../../engine/cli/planning-io.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { fuzz, fuzzTimeout } from './fuzz-settings.js';
import { problemFaults } from './ledger-arbitraries.js';
import { unzipParts, zipParts } from './zip-parts.js';

const AS_OF = '2024-12-31' as IsoDate;
const LEDGER = `dato;bilag;virkemiddel;type;beløp;referanse;tekst
15.01.2024;T-1;ekspertbistand;tilsagn;2 500 000,00;;Tilsagn
01.02.2024;U-1;ekspertbistand;utbetaling;1 150 000,00;T-1;=SUM(A1)
02.02.2020;U-4;skil;utbetaling;100 000,10;;@partene
`;

/** A planning state with lines, a closed year and a log: every table of the workbook has rows. */
function sampleState(): PlanningState {
  const state = embeddedState();
  const ledger = new Ledger(state.plan);
  ledger.addText('forbruk.csv', LEDGER);
  const closed = closeYearInState(
    { ...state, lines: ledger.lines },
    2020,
    { who: 'fuzz', at: '2025-01-02T10:00:00+01:00', why: 'test' },
    'plan.xlsx',
  );
  if (!closed.ok) throw new Error('2020 could not be closed');
  return closed.state;
}

/** What must hold of any load: a problem naming the file, or a workbook whose reading gives a state or problems. */
function loadFaults(loaded: Awaited<ReturnType<typeof loadWorkbook>>, file: string): string[] {
  if (!isWorkbook(loaded)) {
    const p = loaded as Problem;
    return [...problemFaults(p, file, 1), ...(p.line === null ? [] : [`a file problem at line ${p.line}`])];
  }
  const { reading } = loaded;
  const rows = Math.max(2, ...[...loaded.tables.values()].map((t) => t.firstRow + t.rows.length));
  const faults = [...reading.problems, ...reading.logProblems].flatMap((p) => problemFaults(p, file, rows));
  if (reading.state !== null && reading.problems.length > 0) faults.push('a state beside problems');
  if (reading.state === null && reading.problems.length === 0) faults.push('no state and no problem');
  return faults;
}

/** A change to one part of the file, as a broken or hostile program might make it. */
const partChange = fc.oneof(
  fc.record({
    kind: fc.constant('value' as const),
    pick: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('', 'NaN', '1e400', '-', '1E+21', '-0', 'true', '&amp;', '99999999999999999999', '2024', 'ja'),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    pick: fc.nat(),
    type: fc.constantFrom('n', 's', 'b', 'e', 'inlineStr', 'd', 'str', 'x'),
  }),
  fc.record({ kind: fc.constant('formula' as const), pick: fc.nat(), keepValue: fc.boolean() }),
  fc.record({
    kind: fc.constant('address' as const),
    pick: fc.nat(),
    address: fc.constantFrom('A1', 'B2', 'Z99', 'XFD1', 'A0', '1A', '', 'AAAA1'),
  }),
  fc.record({
    kind: fc.constant('ref' as const),
    ref: fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1, max: 30 }),
          fc.integer({ min: 1, max: 300 }),
          fc.integer({ min: 1, max: 30 }),
          fc.integer({ min: 1, max: 300 }),
        )
        .map(
          ([c1, r1, c2, r2]) =>
            `${String.fromCharCode(64 + Math.min(26, c1))}${r1}:${String.fromCharCode(64 + Math.min(26, c2))}${r2}`,
        ),
      fc.constantFrom('A1', 'garbage', '', 'A1:B', '$A$1:$C$3'),
    ),
  }),
  fc.record({
    kind: fc.constant('name' as const),
    name: fc.constantFrom('Rammer', 'Poster', 'Forbruk', 'Logg', 'Versjoner', 'rammer', '', 'Ny tabell'),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.constant({ kind: 'drop' as const }),
);
type PartChange = typeof partChange extends fc.Arbitrary<infer C> ? C : never;

/** Replaces the `pick`-th match of `pattern` in `text` with what `replace` makes of it. */
function replaceNth(text: string, pattern: RegExp, pick: number, replace: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = matches[pick % matches.length]!;
  return text.slice(0, m.index) + replace(m[0]) + text.slice(m.index + m[0].length);
}

function changePart(parts: Map<string, Buffer>, name: string, change: PartChange): void {
  const data = parts.get(name)!;
  const text = data.toString('utf8');
  const set = (next: string): void => {
    parts.set(name, Buffer.from(next, 'utf8'));
  };
  switch (change.kind) {
    case 'value':
      return set(replaceNth(text, /<v>[^<]*<\/v>/g, change.pick, () => `<v>${change.text.replace(/[<&]/g, '')}</v>`));
    case 'type':
      return set(
        replaceNth(
          text,
          /<c r="[A-Z]+\d+"( s="\d+")?( t="[a-zA-Z]+")?/g,
          change.pick,
          (m) => `${m.replace(/ t="[a-zA-Z]+"/, '')} t="${change.type}"`,
        ),
      );
    case 'formula':
      return set(replaceNth(text, /<v>[^<]*<\/v>/g, change.pick, (m) => `<f>1+1</f>${change.keepValue ? m : ''}`));
    case 'address':
      return set(replaceNth(text, /<c r="[A-Z]+\d+"/g, change.pick, () => `<c r="${change.address}"`));
    case 'ref':
      return set(text.replace(/ ref="[^"]*"/, ` ref="${change.ref}"`));
    case 'name':
      return set(text.replace(/ name="[^"]*" displayName="[^"]*"/, ` name="${change.name}" displayName="${change.name}"`));
    case 'cut': {
      const at = change.at % (data.length + 1);
      parts.set(name, Buffer.concat([data.subarray(0, at), data.subarray(at + change.length)]));
      return;
    }
    case 'bytes': {
      const at = change.at % (data.length + 1);
      parts.set(name, Buffer.concat([data.subarray(0, at), Buffer.from(change.bytes), data.subarray(at)]));
      return;
    }
    case 'drop':
      parts.delete(name);
      return;
  }
}

describe('fuzz: .xlsx reader (loadWorkbook)', function () {
  this.timeout(fuzzTimeout(60000));
  const dir = mkdtempSync(join(tmpdir(), 'ia-fuzz-xlsx-'));
  let valid: Buffer;
  let count = 0;
  const fileOf = (bytes: Uint8Array) => {
    const path = join(dir, `f${count++}.xlsx`);
    writeFileSync(path, bytes);
    return path;
  };

  before(async () => {
    const path = join(dir, 'valid.xlsx');
    await writeWorkbookFile(path, planningTables(sampleState(), { asOf: AS_OF, lang: 'nb' }), { overwrite: true });
    valid = readFileSync(path);
    const loaded = await loadWorkbook(path, 'nb');
    // The workbook the mutations start from is read whole: a state, no problems.
    expect(isWorkbook(loaded) && loaded.reading.problems).to.deep.equal([]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws on random bytes, nor on a zip of random parts: a problem naming the file', async () => {
    const zipOfRandomParts = fc
      .array(
        fc.tuple(
          fc.constantFrom(
            '[Content_Types].xml',
            'xl/workbook.xml',
            'xl/worksheets/sheet1.xml',
            'xl/tables/table1.xml',
            '_rels/.rels',
            'x',
          ),
          fc.uint8Array({ maxLength: 64 }),
        ),
        { maxLength: 5 },
      )
      .map((parts) => zipParts(new Map(parts.map(([n, d]) => [n, Buffer.from(d)]))));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), b])),
      zipOfRandomParts,
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const path = fileOf(b);
        const loaded = await loadWorkbook(path, 'en');
        expect(loadFaults(loaded, path.slice(dir.length + 1))).to.deep.equal([]);
      }),
      fuzz(100),
    );
  });

  it('never throws on a valid workbook with random changes to its parts: a problem, or a reading', async () => {
    const names = [...unzipParts(valid).keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), partChange), { minLength: 1, maxLength: 4 }),
        async (changes) => {
          const parts = unzipParts(valid);
          for (const [name, change] of changes) if (parts.has(name)) changePart(parts, name, change);
          const path = fileOf(zipParts(parts));
          const loaded = await loadWorkbook(path, 'nb');
          expect(loadFaults(loaded, path.slice(dir.length + 1))).to.deep.equal([]);
        },
      ),
      fuzz(50),
    );
  });

  it('never throws when a valid workbook is cut short or has bytes flipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
        fc.boolean(),
        async (cut, flips, truncate) => {
          const bytes = Buffer.from(valid);
          for (const [at, mask] of flips) bytes[at % bytes.length] ^= mask;
          const path = fileOf(truncate ? bytes.subarray(0, cut % bytes.length) : bytes);
          const loaded = await loadWorkbook(path, 'nb');
          expect(loadFaults(loaded, path.slice(dir.length + 1))).to.deep.equal([]);
        },
      ),
      fuzz(30),
    );
  });
});
