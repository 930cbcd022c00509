// The built task pane page (dist/taskpane.html) in headless Chromium, as Excel would open it but with
// no Excel: the office.js request to Microsoft's CDN is answered with a stand-in that makes
// `Office.onReady` resolve for Excel over an empty workbook (no tables yet). The pane must show its
// title, load the functions and commands on the same page, and log no console error.
import { expect } from 'chai';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { buildOnce, DIST, launch, ROOT, serveDist } from '../e2e/browser.js';
import { OFFICE_JS, OFFICE_STAND_IN } from '../e2e/office-stand-in.js';

/** The newest modification time of the sources the build reads. */
function newestSource(): number {
  let newest = statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'addin'));
  walk(path.join(ROOT, 'engine'));
  return newest;
}

/** Builds dist/ only when it is missing or older than a source. */
async function ensureBuilt(): Promise<void> {
  const page = path.join(DIST, 'taskpane.html');
  const built = existsSync(page) ? statSync(page).mtimeMs : 0;
  if (built === 0 || built < newestSource()) await buildOnce();
}

describe('the task pane page in a browser, with office.js stood in for', function () {
  this.timeout(300_000);
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  before(async () => {
    await ensureBuilt();
    server = await serveDist();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the pane’s title with no console error and asks nothing of the network but office.js', async () => {
    const context = await browser.newContext({ viewport: { width: 350, height: 600 }, locale: 'nb-NO' });
    const page = await context.newPage();
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    let officeRequests = 0;
    await page.route(OFFICE_JS, (route) => {
      officeRequests++;
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STAND_IN });
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && url !== OFFICE_JS && !url.startsWith('data:') && !url.startsWith('blob:'))
        offsite.push(url);
    });

    await page.goto(`${server.url}/taskpane.html`);
    const title = page.locator('ia-app h1');
    await title.waitFor();
    expect((await title.textContent())?.trim()).to.equal('IA Planner');
    // Let the first read of the (empty) workbook finish before judging the console.
    await page.waitForFunction(() => (globalThis as unknown as { __officeCalls: string[] }).__officeCalls.includes('sync'));
    await page.waitForTimeout(300);
    const calls = await page.evaluate(() => (globalThis as unknown as { __officeCalls: string[] }).__officeCalls);
    await context.close();

    expect(errors).to.deep.equal([]);
    expect(offsite).to.deep.equal([]);
    expect(officeRequests).to.equal(1);
    // The shared runtime: the functions and the ribbon commands registered on the pane's page.
    for (const id of ['RAMME', 'UTBETALT', 'GJENSTAR', 'UTNYTTELSE', 'TOTAL'])
      expect(calls).to.include(`CustomFunctions.associate:${id}`);
    expect(calls).to.include('actions.associate:reconcileNow');
    expect(calls).to.include('tables.getItemOrNullObject:Rammer');
  });
});
