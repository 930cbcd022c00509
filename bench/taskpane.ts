// npm run bench:taskpane: how soon the built task pane is usable, and how much it loads.
// Loads dist/taskpane.html in headless Chromium with office.js stood in for (an Excel with an empty
// workbook), five times, and prints the time from navigation to the title and to the overview grid
// with every instrument's frames, and the gzipped size of the scripts the page loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnce, DIST, launch, serveDist } from '../test/e2e/browser.js';
import { OFFICE_JS, OFFICE_STAND_IN } from '../test/e2e/office-stand-in.js';

await buildOnce();
const server = await serveDist();
const browser = await launch();
const scripts = new Set<string>();
const runs: { title: number; grid: number }[] = [];
try {
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 350, height: 600 } });
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STAND_IN }));
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(server.url) && url.endsWith('.js')) scripts.add(url.slice(server.url.length + 1));
    });
    const start = Date.now();
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator('ia-app h1').waitFor();
    const title = Date.now() - start;
    await page.locator('ia-frame-table tbody tr').nth(11).waitFor();
    const grid = Date.now() - start;
    runs.push({ title, grid });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const gzipped = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0);
console.log('Oppgaveruten (dist/taskpane.html, office.js erstattet, tom arbeidsbok), median av 5:');
console.log(`  tittel synlig:           ${median(runs.map((r) => r.title))} ms`);
console.log(`  rammeoversikten klar:    ${median(runs.map((r) => r.grid))} ms (mål: under 500 ms)`);
console.log(`  skript lastet (gzip):    ${(gzipped / 1024).toFixed(1)} KB i ${scripts.size} filer (mål: under 150 KB)`);
