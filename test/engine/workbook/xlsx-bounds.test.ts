// Scenario (issue 10, CONTRACTS §4 "Reading any workbook is bounded"): a finance office is sent a
// hostile or broken workbook. Whichever reader opens it, the planning workbook's (`loadWorkbook`,
// `readPlanFile`) or the .xlsx ledger's (`readXlsxLedger`), the file is refused with a problem that
// names it, or read within its bounds; never an out-of-memory or a process killed. Every hostile file
// is forged here from its parts, small on disk, and read in this very process.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions } from '../../../engine/cli/args.js';
import { framesCommand, reconcileCommand } from '../../../engine/cli/commands.js';
import { isWorkbook, loadWorkbook } from '../../../engine/cli/planning-io.js';
import { embeddedState, Ledger, planningTables, type IsoDate, type Problem } from '../../../engine/index.js';
import { isXlsxLedger, type XlsxLedger } from '../../../engine/ledger/xlsx-ledger.js';
import { frameKey } from '../../../engine/plan/frame.js';
import { layoutSpecs } from '../../../engine/workbook/tables/layout.js';
import { readPlanFile } from '../../../engine/workbook/xlsx/read-plan.js';
import { readXlsxLedger, readXlsxLedgerFile } from '../../../engine/workbook/xlsx/read-xlsx-ledger.js';
import { writeWorkbookFile } from '../../../engine/workbook/xlsx/save-file.js';
import { EXAMPLE_XLSX } from '../../../scripts/make-example-xlsx.js';
import {
  deflatedPieces,
  deflatedRepeat,
  oneSheetParts,
  readZip,
  replaceParts,
  sheetXml,
  writeZip,
  type RepeatedPiece,
  type ZipPart,
} from './forge-xlsx.js';

/** The fields of a problem a test pins down (never its wording). */
function placeOf(p: Problem) {
  return { code: p.code, file: p.file, sheet: p.sheet, line: p.line, column: p.column, value: p.value };
}

/** A one-sheet workbook (sheet `Ark1`) whose sheet part streams `pieces` (deflated without being held). */
function sheetOfPieces(pieces: readonly RepeatedPiece[], extra: readonly ZipPart[] = [], declaredSize?: number): Buffer {
  const [head, tail] = sheetXml('@@').split('@@') as [string, string];
  const { packed, size } = deflatedPieces([{ data: head }, ...pieces, { data: tail }]);
  return writeZip([
    ...oneSheetParts('Ark1'),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), packed, declaredSize: declaredSize ?? size },
    ...extra,
  ]);
}

/** The ledger a reading gives, or a failure naming its problems. */
function ledgerOf(reading: Awaited<ReturnType<typeof readXlsxLedger>>): XlsxLedger {
  if (!isXlsxLedger(reading)) throw new Error(`no ledger: ${reading.problems.map((p) => p.message).join('; ')}`);
  return reading;
}

/** The one problem a refused ledger reading gives. */
function ledgerRefusal(reading: Awaited<ReturnType<typeof readXlsxLedger>>): Problem {
  expect(isXlsxLedger(reading), 'refused').to.equal(false);
  expect(reading.problems).to.have.length(1);
  return reading.problems[0]!;
}

/** The problem a refused planning workbook gives. */
function workbookRefusal(loaded: Awaited<ReturnType<typeof loadWorkbook>>): Problem {
  if (isWorkbook(loaded)) throw new Error(`read: ${loaded.reading.problems.map((p) => p.message).join('; ')}`);
  return loaded;
}

describe('reading any workbook is bounded (CONTRACTS §4, issue 10)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-bounds-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  /** The planning workbook of the shipped plan, as `workbook` writes it (35 KB). */
  async function planningWorkbook(name: string): Promise<string> {
    const path = join(dir, name);
    const tables = planningTables(embeddedState(), { asOf: '2024-12-31' as IsoDate, lang: 'nb' });
    await writeWorkbookFile(path, tables, { overwrite: true });
    return path;
  }

  describe('a workbook that unpacks to more than 500 MB is refused before exceljs sees it', () => {
    it('a zip bomb whose directory states 4.7 GB (the 6.6 MB file of the issue): refused at once by both readers, exit 1 on the command line', async () => {
      const bomb = writeZip([
        ...oneSheetParts('Ark1'),
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.alloc(0),
          packed: deflatedRepeat(4_700_000_000),
          declaredSize: 4_700_000_000,
        },
      ]);
      expect(bomb.length / 1e6).to.be.within(4, 7);
      const expected = { code: 'workbook_too_large', file: 'bombe.xlsx', sheet: undefined, line: null, column: null };
      const ledger = ledgerRefusal(await readXlsxLedger('bombe.xlsx', bomb, 'nb'));
      expect(placeOf(ledger)).to.deep.equal({ ...expected, value: '4 701 MB utpakket' });
      expect(ledger.expected).to.equal('en arbeidsbok som pakkes ut til høyst 500 MB');
      const path = file('bombe.xlsx', bomb);
      const planning = workbookRefusal(await loadWorkbook(path, 'en'));
      expect(placeOf(planning)).to.deep.equal({ ...expected, value: '4,701 MB unpacked' });
      expect(planning.message).to.contain('bombe.xlsx').and.contain('at most 500 MB');
      const frames = await framesCommand(parseOptions(['--plan', path]));
      expect(frames.status).to.equal(1);
      expect(frames.stderr).to.contain('bombe.xlsx').and.contain('høyst 500 MB');
      const reconcile = await reconcileCommand(parseOptions(['--ledger', path, '--as-of', '2024-12-31']));
      expect(reconcile.status).to.equal(1);
      expect(reconcile.stderr).to.contain('bombe.xlsx').and.contain('høyst 500 MB');
    });

    it('the parts are summed: three of 200 MB, none too large alone, are refused together', async () => {
      const part = (name: string): ZipPart => ({
        name,
        data: Buffer.alloc(0),
        packed: deflatedRepeat(200_000_000),
        declaredSize: 200_000_000,
      });
      const parts = [...oneSheetParts('Ark1'), part('xl/a.bin'), part('xl/b.bin'), part('xl/worksheets/sheet1.xml')];
      const unpacked = parts.reduce((sum, p) => sum + (p.declaredSize ?? p.data.length), 0);
      const zip = writeZip(parts);
      const refused = ledgerRefusal(await readXlsxLedger('deler.xlsx', zip, 'nb'));
      expect(placeOf(refused)).to.include({
        code: 'workbook_too_large',
        file: 'deler.xlsx',
        value: `${Math.ceil(unpacked / 1e6)} MB utpakket`,
      });
    });

    it('a directory that lies: a part stating 1 000 bytes that inflates to 4.7 GB is refused at the first byte past them', async () => {
      const liar = writeZip([
        ...oneSheetParts('Ark1'),
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), packed: deflatedRepeat(4_700_000_000), declaredSize: 1_000 },
      ]);
      const expected = {
        code: 'workbook_too_large',
        file: 'lyver.xlsx',
        sheet: undefined,
        line: null,
        column: null,
        value: 'xl/worksheets/sheet1.xml',
      };
      const ledger = ledgerRefusal(await readXlsxLedger('lyver.xlsx', liar, 'nb'));
      expect(placeOf(ledger)).to.deep.equal(expected);
      expect(ledger.message).to.contain('Zip-katalogen oppgir 1 000 byte');
      const planning = workbookRefusal(await loadWorkbook(file('lyver.xlsx', liar), 'nb'));
      expect(placeOf(planning)).to.deep.equal(expected);
    });

    it('a file larger than 500 MB on disk is refused before it is read, by both readers and the command line', async () => {
      const path = join(dir, 'stor.xlsx');
      writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a zip's first bytes, as the command line recognises one
      truncateSync(path, 500_000_001); // sparse: nothing more is written
      const refused = workbookRefusal(await loadWorkbook(path, 'nb'));
      expect(placeOf(refused)).to.include({ code: 'workbook_too_large', file: 'stor.xlsx', value: '501 MB' });
      const ledger = ledgerRefusal(await readXlsxLedgerFile(path, 'stor.xlsx', 'nb'));
      expect(placeOf(ledger)).to.include({ code: 'workbook_too_large', file: 'stor.xlsx', value: '501 MB' });
      const reconcile = await reconcileCommand(parseOptions(['--ledger', path, '--as-of', '2024-12-31', '--format', 'json']));
      expect(reconcile.status).to.equal(1);
      const problems = (JSON.parse(reconcile.stdout) as { errors: Problem[] }).errors;
      expect(problems.map(placeOf)).to.deep.include({
        code: 'workbook_too_large',
        file: 'stor.xlsx',
        sheet: undefined,
        line: null,
        column: null,
        value: '501 MB',
      });
    });

    it('a zip this reader cannot vouch for reads as no workbook: bytes before it (which JSZip would skip), an encrypted part', async () => {
      const plain = writeZip([...oneSheetParts('Ark1'), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml('')) }]);
      const expected = { code: 'unreadable_workbook', file: 'rar.xlsx', sheet: undefined, line: null, column: null, value: null };
      expect(
        placeOf(ledgerRefusal(await readXlsxLedger('rar.xlsx', Buffer.concat([Buffer.alloc(100, 0x41), plain]), 'nb'))),
      ).to.deep.equal(expected);
      const encrypted = Buffer.from(plain);
      const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      encrypted.writeUInt16LE(1, central + 8);
      expect(placeOf(ledgerRefusal(await readXlsxLedger('rar.xlsx', encrypted, 'nb')))).to.deep.equal(expected);
      // The plain one is a workbook (without a ledger in it).
      expect(placeOf(ledgerRefusal(await readXlsxLedger('rar.xlsx', plain, 'nb'))).code).to.equal('no_ledger_sheet');
    });
  });

  describe("a table reaching far past its sheet's used range is refused; a few empty rows past it are read within it", () => {
    /** The planning workbook with Poster's table reference replaced by `ref`. */
    async function posterReaching(name: string, ref: string): Promise<string> {
      const zip = readFileSync(await planningWorkbook(name));
      const [part, xml] = [...readZip(zip)].find(([, data]) => data.toString().includes('name="Poster"'))!;
      expect(xml.toString()).to.contain('ref="A1:D5"');
      return file(name, replaceParts(zip, { [part]: xml.toString().replace(/ref="A1:D5"/, `ref="${ref}"`) }));
    }

    it("the issue's 35 KB workbook whose Poster reference is A1:XFD1048576 is refused by both commands that read a plan, naming sheet, table, reference and used range (exit 1)", async () => {
      const wide = await posterReaching('poster-vid.xlsx', 'A1:XFD1048576');
      expect(readFileSync(wide).length / 1000).to.be.below(40);
      const refused = workbookRefusal(await loadWorkbook(wide, 'nb'));
      expect(placeOf(refused)).to.deep.equal({
        code: 'workbook_too_large',
        file: 'poster-vid.xlsx',
        sheet: 'Poster',
        line: 1,
        column: null,
        value: 'Poster A1:XFD1048576: brukt område A1:N5',
      });
      expect(refused.expected).to.equal(
        'en tabell innenfor arkets brukte område (høyst 100 000 tomme celler utenfor det); gjør tabellen mindre i Excel (Tabellverktøy, Endre tabellstørrelse)',
      );
      const en = workbookRefusal(await loadWorkbook(wide, 'en'));
      expect(en.value).to.equal('Poster A1:XFD1048576: used range A1:N5');
      const plan = await readPlanFile(wide, 'nb');
      expect(plan.plan).to.equal(null);
      expect(plan.problems.map((p) => p.code)).to.deep.equal(['workbook_too_large']);
    });

    it('a table a user left 1 000 rows longer than its data (4 000 empty cells) reads the same plan as the tight one', async () => {
      const before = await loadWorkbook(await planningWorkbook('poster.xlsx'), 'nb');
      const after = await loadWorkbook(await posterReaching('poster-lang.xlsx', 'A1:D1005'), 'nb');
      if (!isWorkbook(before) || !isWorkbook(after)) throw new Error('not read');
      expect(after.reading.problems).to.deep.equal([]);
      expect(after.reading.state!.plan).to.deep.equal(before.reading.state!.plan);
      expect(after.tables.get('poster')!.rows).to.have.length(4);
    });

    it('the bound is the empty cells past the used range: 100 000 are read within it, 100 004 refused', async () => {
      // Poster A1:D5 in a sheet used to N5 (the rules table beside it): rows 6.. of columns A..D lie past it.
      const at = (rows: number) => `A1:D${5 + rows}`;
      const within = await loadWorkbook(await posterReaching('poster-grense.xlsx', at(25_000)), 'nb');
      if (!isWorkbook(within)) throw new Error(within.message);
      expect(within.tables.get('poster')!.rows).to.have.length(4);
      const past = workbookRefusal(await loadWorkbook(await posterReaching('poster-over.xlsx', at(25_001)), 'nb'));
      expect(past.value).to.equal(`Poster ${at(25_001)}: brukt område A1:N5`);
    });

    it('the ledger: a table Forbruk widened to A1:XFD1048576 is refused naming sheet and table; a few empty rows past it read the same lines', async () => {
      const zip = readFileSync(EXAMPLE_XLSX);
      const [name, xml] = [...readZip(zip)].find(([, data]) => data.toString().includes('name="Forbruk"'))!;
      const ref = /ref="(A1:[A-Z]+)(\d+)"/.exec(xml.toString())!;
      const reaching = (to: string) => replaceParts(zip, { [name]: xml.toString().replace(ref[0]!, `ref="${to}"`) });
      const refused = ledgerRefusal(await readXlsxLedger('forbruk.xlsx', reaching('A1:XFD1048576'), 'nb'));
      expect(placeOf(refused)).to.deep.include({ code: 'workbook_too_large', file: 'forbruk.xlsx', sheet: 'Forbruk', line: 1 });
      expect(refused.value).to.match(/^Forbruk A1:XFD1048576: brukt område A1:[A-Z]+\d+$/);
      const before = ledgerOf(await readXlsxLedger('forbruk.xlsx', zip, 'nb'));
      const longer = ledgerOf(await readXlsxLedger('forbruk.xlsx', reaching(`${ref[1]}${Number(ref[2]) + 50}`), 'nb'));
      expect(longer.rows).to.deep.equal(before.rows);
      expect(longer.header).to.deep.equal(before.header);
    });

    it('a table over the whole sheet with a value in its far corner: the planning reader refuses it by the memory bound, naming sheet and table; the ledger reads the rows that exist', async () => {
      async function cornered(table: string, columns: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet(table);
        sheet.addTable({ name: table, ref: 'A1', headerRow: true, columns: columns.map((c) => ({ name: c })), rows });
        sheet.getCell('XFD1048576').value = 1;
        const zip = Buffer.from(await workbook.xlsx.writeBuffer());
        const [name, xml] = [...readZip(zip)].find(([, data]) => data.toString().includes(`name="${table}"`))!;
        return replaceParts(zip, { [name]: xml.toString().replace(/ref="A1:[A-Z]+\d+"/, 'ref="A1:XFD1048576"') });
      }
      const poster = await cornered(
        'Poster',
        ['Kapittel', 'Post', 'Virkemiddel', 'Navn'],
        [[2650, 76, 'ekspertbistand', 'Ekspertbistand']],
      );
      const refused = workbookRefusal(await loadWorkbook(file('hjorne.xlsx', poster), 'nb'));
      expect(placeOf(refused)).to.deep.include({
        code: 'workbook_too_large',
        file: 'hjorne.xlsx',
        sheet: 'Poster',
        line: 1,
        column: null,
      });
      expect(refused.value).to.match(/^Poster A1:XFD1048576: anslått minst [\d ]+ MB minne$/);
      const columns = ['Dato', 'Bilag', 'Virkemiddel', 'Type', 'Beløp'];
      const forbruk = await cornered('Forbruk', columns, [['15.01.2024', 'T-1', 'ekspertbistand', 'tilsagn', 100]]);
      const ledger = ledgerOf(await readXlsxLedger('hjorne.xlsx', forbruk, 'nb'));
      expect(ledger.rows.map((r) => r.line)).to.deep.equal([2, 1048576]);
      expect(ledger.rows[0]!.fields.slice(0, 5)).to.deep.equal(['15.01.2024', 'T-1', 'ekspertbistand', 'tilsagn', '100']);
    });
  });

  describe('a formula without a cached value in the plan is an error naming sheet, row and column', () => {
    /** The planning workbook with the cell of `Rammer`'s Beløp on sheet row 3 replaced by `cell` (its address given). */
    async function withRammerCell(name: string, cell: (address: string) => string): Promise<string> {
      const zip = readFileSync(await planningWorkbook(name));
      const rammer = layoutSpecs('nb').find((s) => s.table === 'Rammer')!;
      const column = String.fromCharCode(64 + rammer.origin.column + rammer.columns.findIndex((c) => c.name === 'Beløp'));
      const address = `${column}3`;
      const [part, xml] = [...readZip(zip)].find(
        ([n, data]) => n.startsWith('xl/worksheets/sheet') && data.toString().includes(`<c r="${address}"`),
      )!;
      const pattern = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`);
      expect(xml.toString()).to.match(pattern);
      return file(name, replaceParts(zip, { [part]: xml.toString().replace(pattern, cell(address)) }));
    }

    it('a Rammer amount that is a formula without a value: uncalculated_formula at Rammer, row 3, Beløp; nothing is read (exit 1)', async () => {
      const path = await withRammerCell('formel.xlsx', (address) => `<c r="${address}"><f>1000+2000</f></c>`);
      const expected = {
        code: 'uncalculated_formula',
        file: 'formel.xlsx',
        sheet: 'Rammer',
        line: 3,
        column: 'Beløp',
        value: '=1000+2000',
      };
      const loaded = await loadWorkbook(path, 'nb');
      if (!isWorkbook(loaded)) throw new Error(loaded.message);
      expect(loaded.reading.state).to.equal(null);
      expect(loaded.reading.problems.map(placeOf)).to.deep.equal([expected]);
      const plan = await readPlanFile(path, 'nb');
      expect(plan.plan).to.equal(null);
      expect(plan.problems.map(placeOf)).to.deep.equal([expected]);
      const frames = await framesCommand(parseOptions(['--plan', path]));
      expect(frames.status).to.equal(1);
      expect(frames.stderr).to.contain('formel.xlsx, ark Rammer, rad 3, kolonne Beløp');
    });

    it('the same formula with its cached value reads as that value', async () => {
      const path = await withRammerCell('beregnet.xlsx', (address) => `<c r="${address}"><f>1000+2000</f><v>3000</v></c>`);
      const loaded = await loadWorkbook(path, 'nb');
      if (!isWorkbook(loaded)) throw new Error(loaded.message);
      expect(loaded.reading.problems).to.deep.equal([]);
      const key = [...loaded.reading.rows.frameRows].find(([, row]) => row === 3)![0];
      const frame = loaded.reading.state!.plan.frames.find((f) => frameKey(f) === key)!;
      expect(frame.amount?.toFixed2()).to.equal('3000.00');
    });
  });

  describe('no file of 10 MB or less takes more than 30 s or 1.5 GB: what exceljs would expand is priced first', () => {
    const WHOLE_SHEET = 'A1:XFD1048576';
    const cases: { name: string; bytes: () => Buffer; value: RegExp }[] = [
      {
        name: 'a sheet of 40 million empty cells (440 MB unpacked)',
        bytes: () => sheetOfPieces([{ data: '<row r="1">' }, { data: '<c r="A1"/>', times: 40_000_000 }, { data: '</row>' }]),
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'two million empty rows',
        bytes: () => sheetOfPieces([{ data: '<row r="1"/>', times: 2_000_000 }]),
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'a million conditional formats',
        bytes: () => {
          const cf =
            '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1</formula></cfRule></conditionalFormatting>';
          return sheetOfPieces([{ data: '</sheetData>' }, { data: cf, times: 1_000_000 }, { data: '<sheetData>' }]);
        },
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: '6 000 merged ranges (exceljs compares every pair)',
        bytes: () =>
          sheetOfPieces([
            { data: '</sheetData><mergeCells>' },
            { data: '<mergeCell ref="A1:A2"/>', times: 6_000 },
            { data: '</mergeCells><sheetData>' },
          ]),
        value: /^xl\/worksheets\/sheet1\.xml: minst [\d ]+ sammenslåtte områder$/,
      },
      {
        name: 'one merged range over the whole sheet',
        bytes: () =>
          sheetOfPieces([{ data: `</sheetData><mergeCells><mergeCell ref="${WHOLE_SHEET}"/></mergeCells><sheetData>` }]),
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'a data validation over the whole sheet',
        bytes: () =>
          sheetOfPieces([
            {
              data: `</sheetData><dataValidations><dataValidation type="list" sqref="B2 ${WHOLE_SHEET}"><formula1>"a,b"</formula1></dataValidation></dataValidations><sheetData>`,
            },
          ]),
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'a column definition reaching column 2 000 000 000',
        bytes: () => sheetOfPieces([{ data: '</sheetData><cols><col min="1" max="2000000000" width="9"/></cols><sheetData>' }]),
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'a sheet id of 2 000 000 000 (exceljs keeps sheets in an array by id and walks it)',
        bytes: () => {
          const parts = oneSheetParts('Ark1').map((part) =>
            part.name === 'xl/workbook.xml'
              ? { ...part, data: Buffer.from(part.data.toString().replace('sheetId="1"', 'sheetId="2000000000"')) }
              : part,
          );
          return writeZip([...parts, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml('')) }]);
        },
        value: /^anslått minst [\d ]+ MB minne$/,
      },
      {
        name: 'a defined name over the whole sheet',
        bytes: () => {
          const parts = oneSheetParts('Ark1').map((part) =>
            part.name === 'xl/workbook.xml'
              ? {
                  ...part,
                  data: Buffer.from(
                    part.data
                      .toString()
                      .replace(
                        '</sheets>',
                        `</sheets><definedNames><definedName name="alt">Ark1!$A$1:$XFD$1048576</definedName></definedNames>`,
                      ),
                  ),
                }
              : part,
          );
          return writeZip([...parts, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml('')) }]);
        },
        value: /^anslått minst [\d ]+ MB minne$/,
      },
    ];
    for (const c of cases) {
      it(`${c.name}: refused promptly by both readers, naming the file`, async () => {
        const bytes = c.bytes();
        expect(bytes.length / 1e6, 'MB on disk').to.be.below(10);
        const expected = { code: 'workbook_too_large', file: 'fiendtlig.xlsx', sheet: undefined, line: null, column: null };
        const ledger = ledgerRefusal(await readXlsxLedger('fiendtlig.xlsx', bytes, 'nb'));
        expect(placeOf(ledger)).to.deep.include(expected);
        expect(ledger.value).to.match(c.value);
        const planning = workbookRefusal(await loadWorkbook(file('fiendtlig.xlsx', bytes), 'nb'));
        expect(placeOf(planning)).to.deep.include(expected);
        expect(planning.value).to.match(c.value);
      });
    }

    it('an ordinary workbook is not refused: the planning workbook with 20 000 ledger lines reads whole, within the bounds', async () => {
      const state = embeddedState();
      const ledger = new Ledger(state.plan);
      const lines = Array.from(
        { length: 20_000 },
        (_, i) => `15.01.2024;U-${i};ekspertbistand;utbetaling;${i + 1},00;;2024;Linje ${i}`,
      );
      const report = ledger.addText('forbruk.csv', ['dato;bilag;virkemiddel;type;beløp;referanse;år;tekst', ...lines].join('\n'));
      expect(report.rejected).to.equal(false);
      const path = join(dir, 'stor-plan.xlsx');
      await writeWorkbookFile(
        path,
        planningTables({ ...state, lines: ledger.lines }, { asOf: '2024-12-31' as IsoDate, lang: 'nb' }),
        {
          overwrite: true,
        },
      );
      const loaded = await loadWorkbook(path, 'nb');
      if (!isWorkbook(loaded)) throw new Error(loaded.message);
      expect(loaded.reading.problems).to.deep.equal([]);
      expect(loaded.reading.state!.lines).to.have.length(20_000);
      const asLedger = ledgerOf(await readXlsxLedger('stor-plan.xlsx', readFileSync(path), 'nb'));
      expect(asLedger.rows).to.have.length(20_000);
    });
  });
});
