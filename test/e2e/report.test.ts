/** The council report in a real browser: rendered without console errors or network requests, charts drawn, printed to an A4 PDF. */
import { expect } from 'chai';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { evaluate, readIndicatorCsv, renderEvaluationHtml } from '../../engine/index.js';
import { day, indicatorCsv, ledgerLines, plan } from '../engine/evaluation/evaluation-helpers.js';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

// Scenario: the 2025 evaluation with Q3 sick leave at 7,19 % and some spending, as the council reads it.
function councilReport(): string {
  const file = readIndicatorCsv(
    'indikatorer.csv',
    indicatorCsv('sykefravaer;2025;3;7,19;ujustert;SSB;', 'aktivitet:ekspertbistand;2025;;412;saker;NAV;'),
  );
  const lines = ledgerLines(
    '15.03.2025;U1;ekspertbistand;utbetaling;46 000 000,00;;2025',
    '01.06.2025;U2;kompetansetiltak;utbetaling;35 000 000,00;;2025',
    '01.06.2025;U3;bransjeprogrammer;utbetaling;81 000 000,00;;2025',
  );
  const evaluation = evaluate({
    year: 2025,
    plan,
    lines,
    asOf: day('2025-12-31'),
    values: file.values,
    activities: file.activities,
  });
  return renderEvaluationHtml(evaluation);
}

describe('the council report in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  after(async () => {
    await browser?.close();
  });

  it('renders with no console errors and no requests, shows both charts, and prints a non-empty A4 PDF', async () => {
    const html = councilReport();
    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, 'evaluering-2025.html'), html);
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
    });
    await page.setContent(html, { waitUntil: 'load' });

    expect(await page.title()).to.equal('Årlig vurdering 2025 – IA-avtalen');
    expect(await page.locator('svg.indicator-chart').count()).to.be.greaterThan(0);
    expect(await page.locator('svg.indicator-chart .goal-line').count()).to.equal(1);
    expect(await page.locator('svg.frame-chart g.bar').count()).to.equal(5);
    const box = await page.locator('svg.frame-chart').boundingBox();
    expect(box!.width).to.be.greaterThan(300);
    expect(box!.height).to.be.greaterThan(100);
    expect(await page.locator('table.instruments tbody tr').count()).to.be.greaterThan(5);
    expect(await page.locator('ul.findings li').first().textContent()).to.contain('drøftinger om justeringer');

    const pdfPath = path.join(RESULTS, 'evaluering-2025.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const written = await readFile(pdfPath);
    expect(pdf.length).to.be.greaterThan(10_000);
    expect(written.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    // A4 is 595 × 842 points; every page of the PDF has that media box.
    const boxes = written.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*\]/g) ?? [];
    expect(boxes.length).to.be.greaterThan(0);
    for (const mediaBox of boxes) expect(mediaBox).to.match(/0 0 59[45](\.\d+)? 84[12](\.\d+)?/);

    expect(errors, errors.join('\n')).to.deep.equal([]);
    expect(requests, requests.join('\n')).to.deep.equal([]);
    await page.close();
  });
});
