// The .xlsx port writes real Excel tables with formats, validation and formulas that keep their results.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPlan, Ledger, reconcile, type IsoDate } from '../../../engine/index.js';
import { buildWorkbookTables } from '../../../engine/workbook/write/build.js';
import { XlsxWorkbookPort } from '../../../engine/workbook/xlsx/xlsx-port.js';
import { WorkbookExistsError, writeWorkbookFile } from '../../../engine/workbook/xlsx/save-file.js';
import { describeWorkbookPortContract } from './port-contract.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ia-xlsx-'));
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeWorkbookPortContract('.xlsx file', async () => XlsxWorkbookPort.open(join(tempDir(), 'kontrakt.xlsx')));

const LEDGER = `dato;bilag;virkemiddel;type;beløp;referanse;år;tekst
15.01.2024;T-1;ekspertbistand;tilsagn;2 500 000,00;;2024;Tilsagn
01.02.2024;U-1;ekspertbistand;utbetaling;1 150 000,00;T-1;2024;=SUM(A1)
02.02.2024;U-2;skil;utbetaling;100 000,50;;2020;+47 22 00 00 00
03.02.2024;U-3;opplaering;utbetaling;10,00;;2024;@partene
`;

async function writeSample(path: string): Promise<void> {
  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  ledger.addText('forbruk.csv', LEDGER);
  const reconciliation = reconcile(plan, ledger.lines, '2024-12-31' as IsoDate);
  await writeWorkbookFile(path, buildWorkbookTables({ plan, ledgerLines: ledger.lines, reconciliation, lang: 'nb' }), {
    overwrite: false,
  });
}

describe('the .xlsx workbook file', function () {
  this.timeout(30000);
  let path: string;
  let book: ExcelJS.Workbook;
  before(async () => {
    path = join(tempDir(), 'plan.xlsx');
    await writeSample(path);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
  });

  it('has the sheets and Excel tables of CONTRACTS §5, in order', () => {
    expect(book.worksheets.map((w) => w.name)).to.deep.equal(['Rammer', 'Poster', 'Forbruk', 'Avstemming', 'Logg']);
    for (const sheet of book.worksheets)
      expect(sheet.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).to.deep.equal(
        sheet.name === 'Poster' ? ['Poster', 'Konteringsregler'] : [sheet.name],
      );
  });

  it('stores each Avstemming formula in file syntax with the engine result cached', () => {
    const sheet = book.getWorksheet('Avstemming')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const row = sheet.getRow(1 + 1 + 3 * 10 + 5); // ekspertbistand 2024: after 3 × 10 yearly rows, the 6th year
    expect(row.getCell(1).value).to.equal('ekspertbistand');
    expect(row.getCell(3).value).to.equal(2024);
    const utbetalt = row.getCell(header.indexOf('Utbetalt') + 1).value as ExcelJS.CellFormulaValue;
    expect(utbetalt.formula).to.contain('Avstemming[[#This Row],[Virkemiddel]]').and.not.contain('[@');
    expect(utbetalt.result).to.equal(1150000);
    const gjenstar = row.getCell(header.indexOf('Gjenstår') + 1).value as ExcelJS.CellFormulaValue;
    expect(gjenstar.result).to.equal(50000000 - 1150000 - 1350000);
  });

  it('writes ledger texts as text, never as formulas', () => {
    const sheet = book.getWorksheet('Forbruk')!;
    const texts = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(10));
    expect(texts.map((c) => c.value)).to.deep.equal(['Tilsagn', '=SUM(A1)', '+47 22 00 00 00', '@partene']);
    for (const cell of texts) expect(cell.type).to.equal(ExcelJS.ValueType.String);
  });

  it('formats money in kroner with thousands separators, utilisation in percent, dates as dates', () => {
    expect(book.getWorksheet('Forbruk')!.getCell('E2').numFmt).to.contain('#,##0.00').and.contain('kr');
    expect(book.getWorksheet('Avstemming')!.getCell('I2').numFmt).to.contain('%');
    expect(book.getWorksheet('Forbruk')!.getCell('A2').value).to.be.instanceOf(Date);
  });

  it('freezes the header row and sets column widths', () => {
    const sheet = book.getWorksheet('Forbruk')!;
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(10).width).to.equal(45);
  });

  it('offers lists for Virkemiddel and Type in Forbruk and marks rows over their frame', () => {
    const sheet = book.getWorksheet('Forbruk')! as unknown as {
      dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
    };
    const rules = Object.values(sheet.dataValidations.model);
    expect(rules.some((r) => r.type === 'list' && r.formulae[0]!.includes('ekspertbistand'))).to.equal(true);
    expect(rules.some((r) => r.type === 'list' && r.formulae[0]!.includes('utbetaling,tilsagn,annullering'))).to.equal(true);
    const avstemming = book.getWorksheet('Avstemming')! as unknown as {
      conditionalFormattings: { rules: { formulae: string[] }[] }[];
    };
    expect(avstemming.conditionalFormattings[0]!.rules[0]!.formulae[0]).to.equal('AND($E2<>"",$F2+$G2>$E2)');
  });

  it('refuses to replace an existing file unless asked, and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'finnes.xlsx');
    writeFileSync(target, 'brukerens fil');
    let error: unknown;
    await writeSample(target).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(WorkbookExistsError);
    expect(readFileSync(target, 'utf8')).to.equal('brukerens fil');
    expect(readdirSync(dir)).to.deep.equal(['finnes.xlsx']);
  });

  it('leaves nothing behind when writing fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'ny.xlsx');
    let failed = false;
    await writeWorkbookFile(
      target,
      [
        {
          spec: { sheet: 'A', table: 'A', origin: { row: 1, column: 1 }, columns: [{ name: 'x', kind: 'text', width: 5 }] },
          rows: [['a', 'b']],
        },
      ],
      { overwrite: false },
    ).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(existsSync(target)).to.equal(false);
    expect(readdirSync(dir)).to.deep.equal([]);
  });
});
