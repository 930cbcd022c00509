/**
 * The end-to-end tests' set-up: build dist/ once per test run, serve it with a tiny static server on
 * 127.0.0.1 (a random port), and drive Debian's chromium through playwright-core. No browser is
 * ever downloaded; `scripts/install-system-deps.sh` installs /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';

let building: Promise<void> | null = null;

/** Where the one production build of a test run writes webpack's stats (for the build's own checks). */
export const STATS = path.join(RESULTS, 'webpack-stats.json');

/** The address the tests' production build is made for (a production build requires ADDIN_URL); the tests serve dist/ themselves. */
export const TEST_ADDIN_URL = 'https://localhost:3000/';

/**
 * Runs the production build (`webpack --mode production`, into dist/, stats into STATS) once per
 * test process: the build checks, the task pane page and every browser suite share it.
 */
export function buildOnce(): Promise<void> {
  building ??= mkdir(RESULTS, { recursive: true }).then(
    () =>
      new Promise<void>((resolve, reject) => {
        const cli = path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
        const args = [cli, '--mode', 'production', '--env', `ADDIN_URL=${TEST_ADDIN_URL}`, '--json', STATS];
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve() : reject(new Error(`webpack failed (${code}):\n${output.slice(-4000)}`)),
        );
      }),
  );
  return building;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

/** A static file server over dist/ on 127.0.0.1. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = path.join(DIST, path.normalize(pathname).replace(/^([/\\])+/, ''));
      if (!file.startsWith(DIST) || !(await stat(file).catch(() => null))?.isFile()) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(await readFile(file));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts headless chromium. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-system-deps.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

/** A page of the preview (the plan alone, or with `example` the first screen a user sees) with console errors, page errors and any request off 127.0.0.1 collected. */
export async function openPreview(
  browser: Browser,
  base: string,
  width = 1280,
  options: { readonly bypassCSP?: boolean; readonly example?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: 'nb-NO',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('blob:') && !request.url().startsWith('data:'))
      errors.push(`network: ${request.url()}`);
  });
  // The preview opens on the shipped state accounts; the tests start from the plan alone unless they ask.
  await page.goto(`${base}/preview.html${options.example ? '' : '?tom'}`);
  await page.locator('ia-frame-table table').waitFor();
  return { page, errors };
}

/** A fixture path. */
export function fixture(name: string): string {
  return path.join(ROOT, 'test', 'fixtures', 'e2e', name);
}

/**
 * Waits for the outcome of a ledger import in Importer forbruk: its report, or an error in the
 * pane's messages. Returns the report's text; an error, or no outcome within `timeout`, fails with
 * what the pane showed (a timeout alone would not say why the import did not end).
 */
export async function importOutcome(page: Page, timeout = 60_000): Promise<string> {
  const report = page.locator('ia-import-view [data-testid=import-result]');
  const error = page.locator('ia-notifier .msg.error');
  try {
    await report.or(error).first().waitFor({ timeout });
  } catch {
    const busy = await page.locator('ia-app main').getAttribute('aria-busy');
    throw new Error(`the import ended neither in a report nor an error within ${timeout} ms (aria-busy=${busy})`);
  }
  if (await error.count()) throw new Error(`the import failed: ${(await error.allTextContents()).join(' | ')}`);
  return (await report.textContent()) ?? '';
}

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core over the page and lists its serious and critical violations (the page must have
 * been opened with `bypassCSP` so the script can be added).
 */
export async function checkAxe(page: Page, view: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`);
}

/**
 * Registers a suite's set-up and tear-down: the one shared build, a static server over dist/ and a
 * browser; returns accessors for the tests (valid once the suite's `before` has run).
 */
export function previewSuite(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  before(async function () {
    await buildOnce();
    server = await serveDist();
    browser = await launch();
    await mkdir(RESULTS, { recursive: true });
  });
  after(async function () {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('the browser is not started: previewSuite() runs in before()');
      return browser;
    },
    url: () => {
      if (!server) throw new Error('the server is not started: previewSuite() runs in before()');
      return server.url;
    },
  };
}

/** Opens Avstemming and reconciles as of a date, as a user does. */
export async function reconcileAt(page: Page, asOf: string): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Avstemming' }).click();
  await page.getByLabel('Per dato').fill(asOf);
  await page.getByRole('button', { name: 'Avstem', exact: true }).click();
}

/** The preview's `Avstemming` sheet: a function giving one instrument's row for a year, by column name. */
export async function avstemmingSheet(
  page: Page,
): Promise<(instrument: string, year: number) => Promise<Record<string, string>>> {
  await page.locator('ia-sheet-view').getByRole('tab', { name: 'Avstemming', exact: true }).click();
  const sheet = page.locator('ia-sheet-view table[data-table=Avstemming]');
  const headers = (await sheet.locator('thead th').allTextContents()).map((h) => h.trim());
  return async (instrument, year) => {
    const cells = (
      await sheet
        .locator('tbody tr')
        .filter({ has: page.locator('td', { hasText: new RegExp(`^\\s*${instrument}\\s*$`) }) })
        .filter({ has: page.locator(`td:nth-child(${headers.indexOf('Fra') + 1})`, { hasText: String(year) }) })
        .locator('td')
        .allTextContents()
    ).map((c) => c.trim());
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  };
}
