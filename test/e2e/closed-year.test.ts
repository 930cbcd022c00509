/**
 * One rule, every host: 2024 is closed in the preview, a 2024 line is changed by hand in the saved
 * workbook, and the preview opening it refuses it with the very words the command line prints;
 * the year is reopened in the preview (recorded), and the command line then reads the workbook clean.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readPlanningTables } from '../../engine/index.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { openPreview, previewSuite, RESULTS, ROOT } from './browser.js';

const EXAMPLE = path.join(ROOT, 'examples', 'forbruk-eksempel.csv');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ia-planner.js'), ...args], { encoding: 'utf8' });
}

async function save(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lagre som .xlsx' }).click();
  const file = path.join(RESULTS, name);
  await (await downloading).saveAs(file);
  return file;
}

async function yearDecision(page: Page, year: number, why: string, button: 'Avslutt året' | 'Gjenåpne året'): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Styring' }).click();
  const closing = page.locator('ia-year-closing');
  await closing.locator('#y-year').selectOption(String(year));
  await closing.locator('#y-why').fill(why);
  await closing.getByRole('button', { name: button }).click();
}

/** Sets the amount of the first 2024 row of the Forbruk sheet, as a user would in Excel. */
async function change2024Amount(file: string, amount: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('Forbruk')!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
  const [beløp, år] = ['Beløp', 'År'].map((h) => header.indexOf(h) + 1);
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(år!).value === 2024) {
      sheet.getRow(r).getCell(beløp!).value = amount;
      break;
    }
  }
  await book.xlsx.writeFile(file);
}

describe('a closed year changed by hand, in the preview and on the command line', function () {
  this.timeout(240_000);
  const suite = previewSuite();

  it('refuses the changed 2024 line with the command line’s words, and reads clean after a recorded reopening', async function () {
    const first = await openPreview(suite.browser(), suite.url());
    const page = first.page;
    await page.locator('ia-nav').getByRole('tab', { name: 'Innstillinger' }).click();
    await page.getByLabel('Ditt navn (brukes i endringsloggen)').fill('Kari Nordmann');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
    await page.locator('ia-import-view input[type=file]').setInputFiles(EXAMPLE);
    await page.locator('ia-import-view .result.ok').waitFor();
    await yearDecision(page, 2024, 'Evalueringen for 2024 er vedtatt', 'Avslutt året');
    await page.locator('ia-year-closing [data-testid=closed-years]', { hasText: 'Avsluttede år: 2024.' }).waitFor();
    const file = await save(page, 'avsluttet-2024.xlsx');
    expect(cli('frames', '--plan', file).status).to.equal(0);

    await change2024Amount(file, 1);
    const tables = await readXlsxTables(file);
    const engine = readPlanningTables((name) => tables.get(name.toLowerCase()) ?? null, path.basename(file));
    expect(engine.problems.map((p) => p.code)).to.deep.equal(['closed_ledger_changed']);
    const refusal = engine.problems[0]!.message;
    const onCli = cli('close-year', '--plan', file, '--year', '2025', '--reason', 'Neste år');
    expect(onCli.status).to.equal(1);
    expect(onCli.stderr).to.include(refusal);

    const second = await openPreview(suite.browser(), suite.url());
    const later = second.page;
    await later.getByLabel('Åpne en planleggingsarbeidsbok (.xlsx)').setInputFiles(file);
    await later.locator('ia-notifier .error', { hasText: refusal }).waitFor();
    await later.locator('ia-nav').getByRole('tab', { name: 'Innstillinger' }).click();
    await later.getByLabel('Ditt navn (brukes i endringsloggen)').fill('Ola Nordmann');
    await later.getByRole('button', { name: 'Lagre', exact: true }).click();
    // Closing another year is refused with the same words, as on the command line.
    await yearDecision(later, 2025, 'Neste år', 'Avslutt året');
    await later.locator('ia-notifier .error', { hasText: refusal }).nth(1).waitFor();
    await yearDecision(later, 2024, 'Bilaget ble rettet etter avslutningen', 'Gjenåpne året');
    await later.locator('ia-year-closing [data-testid=closed-years]', { hasText: 'Ingen år er avsluttet.' }).waitFor();
    const reopened = await save(later, 'gjenapnet-2024.xlsx');
    const read = cli('frames', '--plan', reopened, '--format', 'json');
    expect(read.status, read.stderr).to.equal(0);
    const after = await readXlsxTables(reopened);
    const clean = readPlanningTables((name) => after.get(name.toLowerCase()) ?? null, 'gjenapnet-2024.xlsx');
    expect(clean.problems).to.deep.equal([]);
    expect(clean.state!.log.map((e) => [e.action, e.who])).to.deep.include.members([
      ['year_closed', 'Kari Nordmann'],
      ['year_reopened', 'Ola Nordmann'],
    ]);
    expect([...first.errors, ...second.errors]).to.deep.equal([]);
  });
});
