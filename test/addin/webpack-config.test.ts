// webpack.config.js without building: a production build needs the add-in's address (ADDIN_URL,
// https) and says so by name when it is missing or unusable; the manifest it copies then points at
// that address only; a development build serves https://localhost:3000/ and needs none.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface CopyPattern {
  readonly from: string;
  readonly transform?: (content: Buffer) => string | Buffer;
}
interface ConfigModule {
  addinUrl(value: unknown): string;
  default(env: Record<string, unknown>, argv: { mode: string }): Promise<{ plugins: object[] }>;
}

const ROOT = process.cwd();
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'));
const load = async (): Promise<ConfigModule> =>
  (await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as ConfigModule;

/** What the build would write as dist/manifest.xml under a config. */
function copiedManifest(config: { plugins: object[] }): string {
  const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin') as { patterns: CopyPattern[] } | undefined;
  const pattern = copy?.patterns.find((p) => p.from === 'manifest.xml');
  expect(pattern?.transform, 'the manifest pattern').to.be.a('function');
  return String(pattern!.transform!(MANIFEST));
}

const urlsOf = (manifest: string) => [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]!);

/** Runs `body` with ADDIN_URL unset in the environment, then puts it back. */
async function withoutEnvironmentUrl<T>(body: () => Promise<T>): Promise<T> {
  const saved = process.env.ADDIN_URL;
  delete process.env.ADDIN_URL;
  try {
    return await body();
  } finally {
    if (saved !== undefined) process.env.ADDIN_URL = saved;
  }
}

describe('the webpack configuration', function () {
  it('refuses a production build without ADDIN_URL, naming the variable in both languages', async () => {
    const config = await load();
    const error = await withoutEnvironmentUrl(() =>
      config.default({}, { mode: 'production' }).then(
        () => null,
        (e: Error) => e,
      ),
    );
    expect(error?.message).to.equal(
      [
        'IA Planner: produksjonsbygget trenger tilleggets adresse i ADDIN_URL; uten den ville dist/manifest.xml peke på https://localhost:3000/.',
        "IA Planner: the production build needs the add-in's address in ADDIN_URL; without it dist/manifest.xml would point at https://localhost:3000/.",
        '  ADDIN_URL=https://planner.example.no/ia/ npm run build   (eller/or: npm run build -- --env ADDIN_URL=https://planner.example.no/ia/)',
      ].join('\n'),
    );
    // The message is the whole report: no stack trace under it.
    expect(error?.stack).to.equal(error?.message);
    for (const blank of ['', '   ', true]) expect(() => config.addinUrl(blank), String(blank)).to.throw(/ADDIN_URL/);
  });

  it('refuses an ADDIN_URL that is not an https address without query or fragment, naming the value', async () => {
    const { addinUrl } = await load();
    for (const bad of [
      'http://planner.example.no/',
      'planner.example.no',
      'https://planner.example.no/?v=1',
      'https://planner.example.no/#a',
      'https://u:p@planner.example.no/',
    ]) {
      expect(() => addinUrl(bad), bad).to.throw(
        `ADDIN_URL må være en https-adresse uten spørring eller fragment, ikke «${bad}».`,
      );
      expect(() => addinUrl(bad), bad).to.throw(`ADDIN_URL must be an https address without query or fragment, not “${bad}”.`);
    }
    expect(addinUrl('https://planner.example.no/ia')).to.equal('https://planner.example.no/ia/');
    expect(addinUrl(' https://planner.example.no/ia/ ')).to.equal('https://planner.example.no/ia/');
  });

  it('points every URL of the production manifest at ADDIN_URL, from --env or the environment', async () => {
    const config = await load();
    const fromEnv = copiedManifest(await config.default({ ADDIN_URL: 'https://planner.example.no/ia' }, { mode: 'production' }));
    const urls = urlsOf(fromEnv);
    expect(urls.length).to.equal(urlsOf(MANIFEST.toString()).length);
    expect(urls.filter((u) => !u.startsWith('https://planner.example.no/ia/'))).to.deep.equal([]);
    expect(urls).to.include('https://planner.example.no/ia/taskpane.html');
    expect(fromEnv).to.not.include('https://localhost:3000/');

    const saved = process.env.ADDIN_URL;
    process.env.ADDIN_URL = 'https://ia.example.org/';
    try {
      const fromVariable = copiedManifest(await config.default({}, { mode: 'production' }));
      expect(urlsOf(fromVariable).filter((u) => !u.startsWith('https://ia.example.org/'))).to.deep.equal([]);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });

  it('builds for development without ADDIN_URL, with the manifest as it is (https://localhost:3000/)', async () => {
    const config = await load();
    const manifest = await withoutEnvironmentUrl(async () => copiedManifest(await config.default({}, { mode: 'development' })));
    expect(manifest).to.equal(MANIFEST.toString());
    expect(urlsOf(manifest).every((u) => u.startsWith('https://localhost:3000/'))).to.equal(true);
  });
});
