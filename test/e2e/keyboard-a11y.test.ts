/** The task pane by keyboard alone, at the task pane's narrowest width, and an automated accessibility check of every view. */
import { expect } from 'chai';
import path from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { checkAxe, fixture, importOutcome, openPreview, RESULTS, previewSuite } from './browser.js';

/** The selected view tab of the task pane (the sheet tabs of the preview are tabs too). */
const NAV_TAB = '[role=tab][aria-selected=true][id^=tab-]';

/** Presses Tab until the focused element (through shadow roots) matches, at most `limit` times. */
async function tabTo(page: Page, matches: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((selector) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.matches(selector) ?? false;
    }, matches);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

/**
 * Opens the file chooser from the keyboard: focus the file input with Tab, press Space. Under load
 * Chromium sometimes drops the first press (the pane was still settling), so it tries again from
 * the focus, up to three times, before failing.
 */
async function chooseFileByKeyboard(page: Page): Promise<FileChooser> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    await tabTo(page, 'input[type=file]');
    const choosing = page.waitForEvent('filechooser', { timeout: 8000 });
    await page.keyboard.press('Space');
    try {
      return await choosing;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent?.trim() ?? '';
  });
}

describe('the task pane by keyboard and for assistive technology', function () {
  this.timeout(240_000);
  const suite = previewSuite();

  it('moves between views with the arrow keys and through the frames grid cell by cell', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320);
    await tabTo(page, NAV_TAB);
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).to.equal('Importer forbruk');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText(page)).to.equal('Oversikt');
    await tabTo(page, 'td[role=gridcell]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('ia-frame-table .source').textContent()).to.include('Kilde');
    await page.screenshot({ path: path.join(RESULTS, 'oversikt-320.png'), fullPage: true });
    expect(errors).to.deep.equal([]);
  });

  it('imports a ledger, reconciles and changes the language with the keyboard only', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320);
    await tabTo(page, NAV_TAB);
    await page.keyboard.press('ArrowRight');
    // The view renders asynchronously: tab only once it is there, or Tab may run past it.
    await page.locator('ia-import-view input[type=file]').waitFor({ state: 'attached' });
    // The pane reads the workbook when it opens; choose the file once that reading is done.
    await page.locator('ia-app main[aria-busy=false]').waitFor();
    await (await chooseFileByKeyboard(page)).setFiles(fixture('forbruk-overforbruk.csv'));
    expect(await importOutcome(page)).to.include('importert');
    expect(await page.locator('ia-import-view .result.ok').count()).to.equal(1);
    await page.screenshot({ path: path.join(RESULTS, 'importer-320.png'), fullPage: true });

    await tabTo(page, NAV_TAB);
    await page.keyboard.press('ArrowRight');
    await page.locator('ia-reconcile-view input[type=date]').waitFor();
    await tabTo(page, 'input[type=date]');
    await page.keyboard.type('12312024');
    await page.keyboard.press('Enter');
    await page.locator('ia-reconcile-view li.flagged-row').first().waitFor();
    await tabTo(page, 'li.flagged-row button');
    await page.keyboard.press('Enter');
    await page.locator('ia-sheet-view tr.highlight').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'avstemming-320.png'), fullPage: true });

    await tabTo(page, NAV_TAB);
    await page.keyboard.press('End');
    await page.locator('select#lang').waitFor();
    await tabTo(page, 'select#lang');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('ia-nav [role=tab]', { hasText: 'Overview' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'innstillinger-320.png'), fullPage: true });
    expect(errors).to.deep.equal([]);
  });

  it('asks before replacing a table the user edited, and the question takes the focus', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320);
    await page.locator('ia-nav').getByRole('tab', { name: 'Planleggingsarbeidsbok' }).click();
    await page.getByRole('button', { name: 'Lag eller oppdater arbeidsboken' }).click();
    await page.locator('ia-notifier .success').waitFor();
    // A change made in the workbook behind the task pane's back: a frame typed into Rammer.
    await page.evaluate(async () => {
      const preview = document.querySelector('ia-preview') as unknown as {
        _port: {
          workbook: { tableData(n: string): { spec: unknown; rows: unknown[][] } };
          writeTables(t: unknown[]): Promise<void>;
        };
      };
      const port = preview._port;
      const rammer = port.workbook.tableData('Rammer');
      const rows = rammer.rows.map((r, i) => (i === 0 ? [...r.slice(0, 4), 75000000, ...r.slice(5)] : r));
      await port.writeTables([{ spec: rammer.spec, rows }]);
    });
    await page.getByRole('button', { name: 'Lag eller oppdater arbeidsboken' }).click();
    await page.locator('ia-workbook-view [role=alertdialog]').waitFor();
    expect(await page.locator('ia-workbook-view [role=alertdialog]').textContent()).to.include('Rammer');
    expect(await focusedText(page)).to.equal('Ja, erstatt tabellene');
    await page.screenshot({ path: path.join(RESULTS, 'arbeidsbok-320.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('ia-workbook-view [role=alertdialog]').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('has no serious or critical accessibility violations in any view (axe-core)', async function () {
    const context = await suite.browser().newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${suite.url()}/preview.html`);
    await page.locator('ia-frame-table table').waitFor();
    const found: string[] = [];
    const check = async (view: string) => void found.push(...(await checkAxe(page, view)));
    await check('Oversikt');
    await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
    await page.locator('ia-import-view input[type=file]').setInputFiles(fixture('forbruk-feil.csv'));
    await page.locator('ia-problem-list li.problem').first().waitFor();
    await check('Importer forbruk');
    await page.locator('ia-nav').getByRole('tab', { name: 'Avstemming' }).click();
    await check('Avstemming');
    await page.locator('ia-nav').getByRole('tab', { name: 'Tilsagn' }).click();
    await check('Tilsagn');
    await page.locator('ia-nav').getByRole('tab', { name: 'Planleggingsarbeidsbok' }).click();
    await check('Planleggingsarbeidsbok');
    await page.locator('ia-nav').getByRole('tab', { name: 'Innstillinger' }).click();
    await check('Innstillinger');
    await context.close();
    expect(found).to.deep.equal([]);
  });
});
