// The change log written from audit entries and read back with its chain checked, in memory and in
// an .xlsx file; and the Forbruk table read back into ledger lines by the ledger file's own rules.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendEntries,
  buildWorkbookTables,
  contentKey,
  ledgerLinesFromTable,
  MemoryWorkbookPort,
  readLogTable,
  serialOfIsoDate,
  verifyChain,
  type ChangeRecord,
  type TableRead,
} from '../../../engine/index.js';
import { readXlsxTables } from '../../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../../engine/workbook/xlsx/save-file.js';
import { sample } from './fixtures.js';

// Three decisions of one spring: a reallocation, a confirmed condition and a closed year.
const CHANGES: ChangeRecord[] = [
  {
    at: '2025-05-12T10:15:00Z',
    who: 'kari',
    action: 'reallocation',
    target: 'rnb/2025: ekspertbistand → kunnskapsutvikling',
    before: 'ekspertbistand 50000000.00',
    after: 'ekspertbistand 45000000.00',
    why: 'RNB 2025',
  },
  {
    at: '2025-05-13T08:00:00Z',
    who: 'ola',
    action: 'condition_confirmed',
    target: 'rnb/skil:2019-2021',
    before: 'ikke bekreftet',
    after: 'bekreftet',
    why: 'Vurdert mot statsstøtteregelverket',
  },
  {
    at: '2025-06-01T12:00:00Z',
    who: 'kari',
    action: 'year_closed',
    target: '2024',
    before: 'åpent',
    after: 'avsluttet (6 linjer)',
    why: 'Vurderingen er vedtatt',
  },
];
const entries = appendEntries([], CHANGES);
const { plan, lines, reconciliation } = sample();

async function written(): Promise<MemoryWorkbookPort> {
  const port = new MemoryWorkbookPort();
  await port.writeTables(buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, logEntries: entries, lang: 'nb' }));
  return port;
}

async function editLog(port: MemoryWorkbookPort, row: number, column: string, value: string): Promise<TableRead> {
  const data = port.tableData('Logg')!;
  const index = data.spec.columns.findIndex((c) => c.name === column);
  await port.writeTables([
    { spec: data.spec, rows: data.rows.map((r, i) => (i === row ? r.map((c, j) => (j === index ? value : c)) : r)) },
  ]);
  return (await port.readTable('Logg'))!;
}

describe('the Logg table from audit entries', () => {
  it('writes the contract columns, then the chain, and reads back the same entries with an intact chain', async () => {
    const port = await written();
    const read = (await port.readTable('Logg'))!;
    expect(read.header.slice(0, 4)).to.deep.equal(['Tidspunkt', 'Hvem', 'Handling', 'Detaljer']);
    expect(read.rows[0]!.slice(0, 3)).to.deep.equal(['2025-05-12T10:15:00Z', 'kari', 'Omdisponering']);
    const reading = readLogTable(read, 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    expect(reading.entries).to.deep.equal(entries);
    expect(verifyChain(reading.entries).ok).to.equal(true);
  });

  it('writes free-text rows (log?: LogRow[]) through the same chain, after the entries', async () => {
    const tables = buildWorkbookTables({
      plan,
      ledgerLines: lines,
      reconciliation,
      logEntries: entries,
      log: [{ time: '2025-06-02 09:00', who: 'tillegg', action: 'Skrev arbeidsboken', details: '93 rammer' }],
      lang: 'nb',
    });
    const port = new MemoryWorkbookPort();
    await port.writeTables(tables);
    const reading = readLogTable((await port.readTable('Logg'))!, 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    expect(reading.entries.slice(0, 3)).to.deep.equal(entries);
    expect(reading.entries[3]!).to.deep.include({
      seq: 4,
      action: 'note',
      target: 'Skrev arbeidsboken',
      after: '93 rammer',
      prevHash: entries[2]!.hash,
    });
    expect(port.tableData('Logg')!.rows[3]!.slice(0, 4)).to.deep.equal([
      '2025-06-02 09:00',
      'tillegg',
      'Skrev arbeidsboken',
      '93 rammer',
    ]);
  });

  it('reports a broken chain at the sheet row of an edited reason (memory port)', async () => {
    const read = await editLog(await written(), 1, 'Begrunnelse', 'Endret i ettertid');
    const reading = readLogTable(read, 'plan.xlsx');
    // The reason is hashed and shown in Detaljer: both the text and the chain break, at the same row.
    expect(reading.problems.map((p) => [p.code, p.sheet, p.line, p.column])).to.deep.equal([
      ['broken_log', 'Logg', 3, 'Detaljer'],
      ['broken_log', 'Logg', 3, 'Hash'],
    ]);
    expect(reading.problems[1]!.message).to.contain('Logg, rad 3').and.contain('oppføring 2');
  });

  it('reports an edited Detaljer text, which is not hashed, at its row and column', async () => {
    const read = await editLog(await written(), 0, 'Detaljer', 'Ingenting skjedde');
    expect(readLogTable(read, 'plan.xlsx').problems.map((p) => [p.code, p.line, p.column])).to.deep.equal([
      ['broken_log', 2, 'Detaljer'],
    ]);
  });

  it('refuses a log with entries whose chain columns were deleted, naming them (no unchained form to fall back to)', () => {
    const read: TableRead = {
      sheet: 'Logg',
      table: 'Logg',
      header: ['Tidspunkt', 'Hvem', 'Handling', 'Detaljer'],
      rows: [['2025-01-02 10:00', 'ia-planner', 'Arbeidsbok skrevet', 'Plan: innebygd.']],
      firstRow: 2,
    };
    const reading = readLogTable(read, 'gammel.xlsx');
    expect(reading.entries).to.deep.equal([]);
    expect(reading.problems.map((p) => [p.code, p.sheet, p.line, p.column])).to.deep.equal([
      ['broken_log', 'Logg', 1, 'Løpenummer'],
    ]);
    expect(reading.problems[0]!.message).to.equal(
      'gammel.xlsx, ark Logg, rad 1, kolonne Løpenummer: Loggen er brutt. Forventet: loggen slik IA Planner skrev den ' +
        '(oppføringene kan ikke endres). Loggen har oppføringer, men mangler kjedekolonnene Løpenummer, Kode, Objekt, Før, ' +
        'Etter, Begrunnelse, Forrige hash, Hash: uten dem kan ingen oppføring kontrolleres, og ingen endring kan føres.',
    );
  });

  it('reads an empty log without chain columns as an empty log', () => {
    const read: TableRead = {
      sheet: 'Logg',
      table: 'Logg',
      header: ['Tidspunkt', 'Hvem', 'Handling', 'Detaljer'],
      rows: [[null, null, null, null]],
      firstRow: 2,
    };
    expect(readLogTable(read, 'ny.xlsx')).to.deep.equal({ entries: [], problems: [] });
  });

  describe('in an .xlsx file', function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'ia-logg-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the chain back intact, and reports the row of a name edited in Excel', async () => {
      const path = join(dir, 'plan.xlsx');
      await writeWorkbookFile(
        path,
        buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, logEntries: entries, lang: 'nb' }),
        { overwrite: false },
      );
      const intact = readLogTable((await readXlsxTables(path)).get('logg')!, 'plan.xlsx');
      expect([intact.problems, intact.entries]).to.deep.equal([[], entries]);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.getWorksheet('Logg')!;
      sheet.getCell('B4').value = 'mallory'; // Hvem of the third entry (sheet row 4)
      await workbook.xlsx.writeFile(path);
      const broken = readLogTable((await readXlsxTables(path)).get('logg')!, 'plan.xlsx');
      expect(broken.problems.map((p) => [p.code, p.sheet, p.line])).to.deep.equal([['broken_log', 'Logg', 4]]);
    });
  });
});

describe('ledger lines from the Forbruk table', () => {
  it('gives the same lines as the ledger file (every one, whatever the report date), numbered by sheet row', async () => {
    const port = await written();
    const reading = ledgerLinesFromTable((await port.readTable('Forbruk'))!, plan, 'plan.xlsx');
    expect(reading.problems).to.deep.equal([]);
    const kept = lines;
    expect(reading.lines.map((l) => [contentKey(l), l.year, l.text, l.chapter, l.post])).to.deep.equal(
      kept.map((l) => [contentKey(l), l.year, l.text, l.chapter, l.post]),
    );
    expect(reading.lines.map((l) => l.line)).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads a date cell given as an Excel serial (as office.js reads it)', () => {
    const read: TableRead = {
      sheet: 'Forbruk',
      table: 'Forbruk',
      header: ['Dato', 'Bilag', 'Virkemiddel', 'Type', 'Beløp', 'Referanse', 'År', 'Kapittel', 'Post', 'Tekst'],
      rows: [[serialOfIsoDate('2024-02-01'), 'U-1', 'ekspertbistand', 'utbetaling', 1150000.5, null, null, null, null, null]],
      firstRow: 2,
    };
    const [line] = ledgerLinesFromTable(read, plan, 'bok.xlsx').lines;
    expect([line!.date, line!.year, line!.amount]).to.deep.equal(['2024-02-01', 2024, 1150000500n]);
  });

  it('names the sheet, row, column and value of every bad cell, by the ledger rules', () => {
    const read: TableRead = {
      sheet: 'Forbruk',
      table: 'Forbruk',
      header: ['Dato', 'Bilag', 'Virkemiddel', 'Type', 'Beløp', 'Referanse', 'År', 'Kapittel', 'Post', 'Tekst'],
      rows: [
        ['i går', 'U-1', 'ekspertbistand', 'utbetaling', 12, null, null, null, null, null],
        ['2024-02-01', 'U-2', 'ukjent', 'gave', 12.3456, null, 2031, null, null, null],
        [null, null, null, null, null, null, null, null, null, null],
      ],
      firstRow: 2,
    };
    const reading = ledgerLinesFromTable(read, plan, 'bok.xlsx');
    expect(reading.lines).to.deep.equal([]);
    expect(reading.problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value])).to.deep.equal([
      ['bad_date', 'Forbruk', 2, 'Dato', 'i går'],
      ['unknown_instrument', 'Forbruk', 3, 'Virkemiddel', 'ukjent'],
      ['bad_kind', 'Forbruk', 3, 'Type', 'gave'],
      ['too_many_decimals', 'Forbruk', 3, 'Beløp', '12,3456'],
      ['year_out_of_range', 'Forbruk', 3, 'År', '2031'],
    ]);
    expect(reading.problems[0]!.message).to.contain('ark Forbruk, rad 2, kolonne Dato');
  });
});
