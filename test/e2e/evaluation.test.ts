/** The Evaluering view end to end: 2024 against the goal, an indicator file, the Evaluering sheet and the council report. */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkAxe, fixture, openPreview, RESULTS, previewSuite } from './browser.js';

async function openEvaluation(page: Page, year: number): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Evaluering' }).click();
  await page.locator('ia-evaluation-view select#year').selectOption(String(year));
  await page.locator('ia-evaluation-view h2', { hasText: `Evaluering ${year}` }).waitFor();
}

function sickLeave(page: Page) {
  return page.locator('ia-indicator-list li[data-indicator=sykefravaer]');
}

describe('the Evaluering view', function () {
  this.timeout(240_000);
  const suite = previewSuite();

  it('shows 2024 against the goal: 7,19 % in 2024-Q3, +26,14 % on 2018, goal 5,13 %, adjustment required', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await openEvaluation(page, 2024);
    const card = sickLeave(page);
    expect((await card.locator('[data-testid=value]').textContent())?.trim()).to.equal('7,19\u00a0% (2024-Q3)');
    expect((await card.locator('[data-testid=change]').textContent())?.trim()).to.equal('+26,14\u00a0%');
    expect((await card.locator('[data-testid=goal]').textContent())?.trim()).to.equal('5,13\u00a0%');
    expect(await card.locator('[data-testid=direction]').textContent()).to.include('feil retning');
    expect(await card.textContent()).to.include('5,70\u00a0%');
    const adjustment = page.locator('ia-evaluation-view [data-testid=adjustment]');
    expect(await adjustment.textContent())
      .to.include('Justering kreves')
      .and.include('Sykefraværsprosent har utviklet seg i feil retning');
    const statuses = await page.locator('ia-instrument-status-list li .status').allTextContents();
    expect(statuses.map((s) => s.replace(/\s+/g, ' ').trim())).to.include('✕ avvik');
    expect(await page.locator('ia-evaluation-view ul.findings li').count()).to.be.greaterThan(0);
    expect(await page.locator('ia-evaluation-view figure svg.indicator-chart').count()).to.equal(1);
    expect(await page.locator('ia-evaluation-view figure svg.frame-chart').count()).to.equal(1);
    await page.screenshot({ path: path.join(RESULTS, 'evaluering.png'), fullPage: true });
    expect(errors).to.deep.equal([]);
  });

  it('takes a value from an indicator file in place of the built-in one, and rejects a bad file with its line and column', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await openEvaluation(page, 2024);
    await page.locator('ia-evaluation-view input#indicators').setInputFiles(fixture('indikatorer-feil.csv'));
    await page.locator('ia-evaluation-view [data-testid=indicator-result]').waitFor();
    expect(await page.locator('ia-evaluation-view [data-testid=indicator-result]').textContent()).to.include(
      'ble avvist: 1 feil',
    );
    const problem = page.locator('ia-evaluation-view ia-problem-list li.problem');
    expect([await problem.getAttribute('data-line'), await problem.getAttribute('data-column')]).to.deep.equal(['3', 'verdi']);
    expect(await problem.textContent()).to.include('sju');
    expect((await sickLeave(page).locator('[data-testid=value]').textContent())?.trim()).to.equal('7,19\u00a0% (2024-Q3)');

    await page.locator('ia-evaluation-view input#indicators').setInputFiles(fixture('indikatorer.csv'));
    await page.locator('ia-evaluation-view [data-testid=indicator-result]', { hasText: '1 verdier er tatt med' }).waitFor();
    expect((await sickLeave(page).locator('[data-testid=value]').textContent())?.trim()).to.equal('7,00\u00a0% (2024-Q3)');
    expect((await sickLeave(page).locator('[data-testid=change]').textContent())?.trim()).to.equal('+22,81\u00a0%');
    expect(await sickLeave(page).textContent()).to.include('ulik eller ukjent måltype');

    await page.getByRole('button', { name: 'Bruk bare de innebygde verdiene' }).click();
    expect((await sickLeave(page).locator('[data-testid=value]').textContent())?.trim()).to.equal('7,19\u00a0% (2024-Q3)');
    expect(errors).to.deep.equal([]);
  });

  it('writes the Evaluering sheet and downloads the council report with both charts', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await openEvaluation(page, 2024);
    await page.getByRole('button', { name: 'Skriv Evaluering-arket' }).click();
    await page.locator('ia-notifier .success', { hasText: 'Evaluering-arket er skrevet' }).waitFor();
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Evaluering' }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Indikatorer] tbody tr').count()).to.be.greaterThan(0);
    expect(await page.locator('ia-sheet-view table[data-table=Vurderinger] tbody tr').count()).to.be.greaterThan(0);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Last ned rapporten til rådet (HTML)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal('ia-evaluering-2024.html');
    const file = path.join(RESULTS, 'ia-evaluering-2024.html');
    await download.saveAs(file);
    const report = await readFile(file, 'utf8');
    expect(report).to.match(/^<!DOCTYPE html>/);
    expect(report).to.include('class="chart indicator-chart"').and.include('class="chart frame-chart"');
    expect(report).to.include('7,19\u00a0%');
    expect(report).not.to.match(/(src|href)="https?:/);
    expect(await page.locator('ia-evaluation-view [data-testid=report-link]').textContent()).to.include('Rapporten for 2024');
    expect(errors).to.deep.equal([]);
  });

  it('fits 320 px, works by keyboard and has no serious or critical accessibility violations', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320, { bypassCSP: true });
    await openEvaluation(page, 2024);
    await page.locator('ia-evaluation-view select#year').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('ia-evaluation-view h2', { hasText: 'Evaluering 2025' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.locator('ia-evaluation-view h2', { hasText: 'Evaluering 2024' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).to.be.at.most(0);
    await page.screenshot({ path: path.join(RESULTS, 'evaluering-320.png'), fullPage: true });
    expect(await checkAxe(page, 'Evaluering')).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
