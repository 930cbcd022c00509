// The production build, run once: functions.json lists every custom function with its parameters,
// the task pane page stays small and never carries exceljs, every page has the content security
// policy, nothing uses eval-based source maps, no bundle carries code the add-in does not use
// (office-js-helpers' OAuth), and the manifest points at the address the build was given.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnce, DIST, STATS, TEST_ADDIN_URL } from '../e2e/browser.js';

interface Stats {
  readonly entrypoints: Record<string, { readonly chunks: (string | number)[] }>;
  readonly chunks: {
    readonly id: string | number;
    readonly files: string[];
    readonly modules?: { readonly name: string }[];
    readonly origins?: { readonly moduleName?: string }[];
  }[];
}

describe('the production build', function () {
  this.timeout(300_000);
  let stats: Stats;

  before(async () => {
    await buildOnce();
    stats = JSON.parse(readFileSync(STATS, 'utf8')) as Stats;
  });

  const dist = (file: string) => path.join(DIST, file);

  it('writes functions.json with every function, its id and its parameters', () => {
    const metadata = JSON.parse(readFileSync(dist('functions.json'), 'utf8')) as {
      functions: {
        id: string;
        name: string;
        parameters: { name: string; description: string }[];
        options?: { volatile?: boolean };
        result: { type: string; dimensionality?: string };
      }[];
    };
    const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).to.deep.equal(['GJENSTAR', 'RAMME', 'TOTAL', 'UTBETALT', 'UTNYTTELSE']);
    for (const id of ['RAMME', 'UTBETALT', 'GJENSTAR', 'UTNYTTELSE']) {
      expect(
        byId[id]!.parameters.map((p) => p.name),
        id,
      ).to.deep.equal(['virkemiddel', 'år']);
      expect(byId[id]!.options?.volatile, id).to.equal(true);
    }
    expect(byId.TOTAL!.parameters.map((p) => p.name)).to.deep.equal(['år']);
    expect(byId.TOTAL!.result.dimensionality).to.equal('matrix');
    expect(byId.RAMME!.parameters[0]!.description).to.match(/Virkemiddelets id/);
  });

  it('associates each function id in functions.js', () => {
    const script = readFileSync(dist('functions.js'), 'utf8');
    for (const id of ['RAMME', 'UTBETALT', 'GJENSTAR', 'UTNYTTELSE', 'TOTAL'])
      expect(script).to.include(`CustomFunctions.associate("${id}"`);
  });

  it('keeps exceljs out of everything the task pane, functions and commands load, even lazily', () => {
    const byId = new Map(stats.chunks.map((c) => [String(c.id), c]));
    for (const entry of ['taskpane', 'functions', 'commands']) {
      // The entry's chunks, then every lazy chunk whose import() sits in a module already reached.
      const reached = new Set(stats.entrypoints[entry]!.chunks.map(String));
      const moduleNames = () => new Set([...reached].flatMap((id) => byId.get(id)?.modules ?? []).map((m) => m.name));
      for (let grew = true; grew;) {
        grew = false;
        const names = moduleNames();
        for (const chunk of stats.chunks) {
          const id = String(chunk.id);
          if (!reached.has(id) && (chunk.origins ?? []).some((o) => o.moduleName !== undefined && names.has(o.moduleName))) {
            reached.add(id);
            grew = true;
          }
        }
      }
      const modules = [...moduleNames()];
      expect(modules.length, entry).to.be.greaterThan(0);
      expect(
        modules.filter((m) => m.includes('exceljs')),
        entry,
      ).to.deep.equal([]);
    }
  });

  it('keeps the scripts of the task pane page under 150 KB gzipped in all', () => {
    const html = readFileSync(dist('taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)]
      .map((m) => m[1]!)
      .filter((src) => !src.startsWith('https://'));
    expect(scripts).to.include.members(['taskpane.js', 'functions.js', 'commands.js']);
    const gzipped = scripts.reduce((n, file) => n + gzipSync(readFileSync(dist(file))).length, 0);
    expect(gzipped).to.be.below(150 * 1024);
  });

  it('gives every page a CSP allowing scripts only from itself and the office.js CDN, and office.js from the CDN', () => {
    for (const page of ['taskpane.html', 'functions.html', 'commands.html', 'preview.html']) {
      const html = readFileSync(dist(page), 'utf8');
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
      expect(csp, page).to.be.a('string');
      const scriptSources = /script-src ([^;]+)/.exec(csp!)?.[1]?.trim().split(/\s+/) ?? [];
      expect(scriptSources, page).to.include("'self'");
      for (const source of scriptSources) expect(source, page).to.be.oneOf(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(csp).to.not.include('unsafe-eval');
      for (const [, src] of html.matchAll(/<script[^>]*src="?([^" >]+)/g)) {
        expect(src!.startsWith('https://') ? src : 'local', page).to.be.oneOf([
          'local',
          'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
        ]);
      }
    }
  });

  it('builds without eval-based source maps and copies the manifest and icons', () => {
    const files = readdirSync(DIST);
    expect(files).to.include.members(['manifest.xml', 'assets']);
    for (const file of files.filter((f) => f.endsWith('.js')))
      expect(readFileSync(dist(file), 'utf8'), file).to.not.include('eval("');
  });

  it('ships no OAuth code: no sign-in endpoint, no Authenticator, no office-js-helpers module in any bundle', () => {
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html)$/.test(f));
    expect(files).to.include.members(['taskpane.js', 'functions.js', 'commands.js', 'preview.js']);
    const found = files.flatMap((file) => {
      const text = readFileSync(dist(file), 'utf8');
      return OAUTH_MARKS.filter((mark) => text.includes(mark)).map((mark) => `${file}: ${mark}`);
    });
    expect(found).to.deep.equal([]);
    const modules = stats.chunks.flatMap((c) => c.modules ?? []).map((m) => m.name);
    expect(modules.length).to.be.greaterThan(0);
    expect(modules.filter((m) => m.includes('office-js-helpers'))).to.deep.equal([]);
  });

  it('points every URL of dist/manifest.xml at the address the build was given', () => {
    const manifest = readFileSync(dist('manifest.xml'), 'utf8');
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).to.be.greaterThan(5);
    expect(urls.filter((url) => !url.startsWith(TEST_ADDIN_URL))).to.deep.equal([]);
  });
});

/** What office-js-helpers' sign-in code carries: its providers' endpoints and its Authenticator class. */
const OAUTH_MARKS = [
  'accounts.google.com',
  'googleapis.com',
  'facebook.com',
  'dropbox.com',
  'login.microsoftonline.com',
  'Authenticator',
  'EndpointStorage',
  'TokenStorage',
];
