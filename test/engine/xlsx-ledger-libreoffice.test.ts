import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isXlsxLedger, type XlsxLedger } from '../../engine/ledger/xlsx-ledger.js';
import { readXlsxLedger } from '../../engine/workbook/xlsx/read-xlsx-ledger.js';
import { EXAMPLE_CSV, EXAMPLE_XLSX } from '../../scripts/make-example-xlsx.js';
import { brief, newLedger } from './ledger-helpers.js';

// Scenario (issue 11, CONTRACTS §7 ".xlsx ledger"): the workbook a finance officer brings was not
// written by us but saved by a spreadsheet application. LibreOffice Calc opens the example CSV
// (Norwegian locale: it makes date cells of the dates and number cells of the amounts) and saves
// it as .xlsx; it also opens and saves the example workbook. Both read to the lines of the CSV.

/** `;` separated, `"` quoted, UTF-8 (76), from line 1, Norwegian bokmål (1044), special numbers (dates) detected. */
const CSV_IN = 'CSV:59,34,76,1,,1044,false,true';

function csvField(text: string): string {
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function linesBySection2(ledger: XlsxLedger) {
  const csv = [ledger.header, ...ledger.rows.map((r) => r.fields)].map((fields) => fields.map(csvField).join(';')).join('\n');
  const read = newLedger();
  const report = read.addText('x.csv', csv);
  expect(report.problems).to.deep.equal([]);
  return read.lines.map(brief);
}

function exampleCsvLines() {
  const ledger = newLedger();
  ledger.addFile('forbruk-eksempel.csv', () => [readFileSync(EXAMPLE_CSV)]);
  return ledger.lines.map(brief);
}

describe('.xlsx ledgers saved by LibreOffice Calc (CONTRACTS §7)', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-xlsx-ledger-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Converts a file to .xlsx with LibreOffice; fails (not skips) when soffice is missing: the set-up installs it. */
  function convert(input: string, infilter?: string): Uint8Array {
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore'];
    if (infilter !== undefined) args.push(`--infilter=${infilter}`);
    const out = join(dir, 'out');
    execFileSync('soffice', [...args, '--convert-to', 'xlsx', '--outdir', out, input], { stdio: 'pipe', timeout: 110000 });
    return readFileSync(
      join(
        out,
        input
          .split('/')
          .pop()!
          .replace(/\.\w+$/, '.xlsx'),
      ),
    );
  }

  it('the example CSV opened and saved as .xlsx: its first sheet reads to the same lines, to the øre', async () => {
    const csv = join(dir, 'forbruk-eksempel.csv');
    copyFileSync(EXAMPLE_CSV, csv);
    const reading = await readXlsxLedger('forbruk-eksempel.xlsx', convert(csv, CSV_IN), 'nb');
    if (!isXlsxLedger(reading)) throw new Error(reading.problems.map((p) => p.message).join('; '));
    expect([reading.sheet, reading.table, reading.headerLine, reading.rows.length, reading.problems]).to.deep.equal([
      'forbruk-eksempel',
      null,
      1,
      19,
      [],
    ]);
    // LibreOffice made date and number cells: they read as days and shortest decimals.
    expect(reading.rows[2]!.fields).to.deep.equal([
      '2024-03-15',
      'U-2024-031',
      'ekspertbistand',
      '2650',
      '76',
      'utbetaling',
      '875500.5',
      '',
      '2024',
      'Ekspertbistand enkeltsaker, mars',
    ]);
    expect(linesBySection2(reading)).to.deep.equal(exampleCsvLines());
  });

  it('the example workbook opened and saved again: the table Forbruk is kept and reads the same', async () => {
    const copy = join(dir, 'eksempel-kopi.xlsx');
    copyFileSync(EXAMPLE_XLSX, copy);
    const reading = await readXlsxLedger('eksempel-kopi.xlsx', convert(copy), 'nb');
    if (!isXlsxLedger(reading)) throw new Error(reading.problems.map((p) => p.message).join('; '));
    expect([reading.sheet, reading.table, reading.problems]).to.deep.equal(['Forbruk', 'Forbruk', []]);
    expect(linesBySection2(reading)).to.deep.equal(exampleCsvLines());
  });
});
