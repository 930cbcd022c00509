/**
 * npm run bench, issue 10's measured clause: hostile input refused promptly, as whole processes.
 *   1. A zip bomb that unpacks to 1 GB, once with an honest directory (refused by the sum it states)
 *      and once with a directory that says 1 000 bytes (refused at the first byte past them), read
 *      by `frames --plan` and `reconcile --ledger`: target under 2 s and 200 MB each.
 *   2. 10 000 `Rammer` rows validated (every frame check, the overlap check n log n): under 1 s.
 * A missed target is printed, not failed; a run that does not refuse (exit 1) fails the bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embeddedPlan } from '../engine/index.js';
import { validateFrames, type Frame, type FrameAt } from '../engine/plan/frame.js';
import { oneSheetParts, sheetXml, writeBombFile } from '../test/engine/workbook/forge-xlsx.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}bench/out`; // git-ignored
mkdirSync(outDir, { recursive: true });
const cli = `${root}bin/ia-planner.js`;
if (!existsSync(`${root}build/engine/cli/main.js`)) {
  console.error('Bygg først: npm run build:cli');
  process.exit(2);
}
const verdict = (ok: boolean) => (ok ? 'innenfor' : 'OVER');
let failed = false;

/** One run as a whole process: wall seconds, peak RSS in MB (GNU time, or the preloaded probe), status. */
function run(args: string[]): { seconds: number; mb: number; status: number | null; stderr: string } {
  const probe = `${outDir}/hostile-rss.txt`;
  rmSync(probe, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', `${root}bench/peak-rss.js`, cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, IA_BENCH_RSS_FILE: probe },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = existsSync(probe) ? Number(readFileSync(probe, 'utf8').split(' ')[0]) : NaN;
  return { seconds, mb: kb / 1024, status: child.status, stderr: child.stderr };
}

console.log('Fiendtlige filer avvist (hel prosess, mål < 2 s og < 200 MB):');
const GB = 1_000_000_000;
const row = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(1_000), 'utf8');
const [head] = sheetXml('@@').split('@@') as [string];
for (const bomb of [
  { file: 'bombe-1gb.xlsx', what: 'zip-bombe, 1 GB utpakket, ærlig katalog' },
  { file: 'bombe-1gb-lyver.xlsx', what: 'zip-bombe, 1 GB utpakket, katalogen sier 1 000 byte', declaredSize: 1_000 },
]) {
  const path = `${outDir}/${bomb.file}`;
  if (!existsSync(path)) {
    await writeBombFile(path, {
      prefix: oneSheetParts('Ark1'),
      name: 'xl/worksheets/sheet1.xml',
      size: GB,
      chunk: (i) => (i === 0 ? Buffer.from(head, 'utf8') : row),
      ...(bomb.declaredSize === undefined ? {} : { declaredSize: bomb.declaredSize }),
    });
  }
  console.log(`  ${bomb.what} (${(statSync(path).size / 1e6).toFixed(1)} MB på disk):`);
  for (const args of [
    ['frames', '--plan', path],
    ['reconcile', '--ledger', path, '--as-of', '2024-12-31'],
  ]) {
    const got = run(args);
    if (got.status !== 1 || !got.stderr.includes(bomb.file)) {
      failed = true;
      console.log(`    !!! ${args[0]}: forventet avvisning (status 1) som nevner filen, fikk status ${got.status}`);
      continue;
    }
    console.log(
      `    ${args[0].padEnd(9)} ${got.seconds.toFixed(2)} s (${verdict(got.seconds < 2)}), maks minne ${got.mb.toFixed(0)} MB (${verdict(got.mb < 200)})`,
    );
  }
}

// 10 000 Rammer rows: the frame checks over them, in this process (the command adds only reading).
{
  const base: Frame = embeddedPlan().frames[0]!;
  const instruments = [...new Set(embeddedPlan().frames.map((f) => f.instrument))];
  const frames: FrameAt[] = Array.from({ length: 10_000 }, (_, i) => ({
    frame: {
      ...base,
      instrument: instruments[i % instruments.length]!,
      from: (2019 + (i % 10)) as Frame['from'],
      to: (2019 + (i % 10)) as Frame['to'],
    },
    file: 'plan.xlsx',
    sheet: 'Rammer',
    line: i + 2,
  }));
  const start = process.hrtime.bigint();
  const problems = validateFrames(frames);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `10 000 rader i Rammer kontrollert: ${seconds.toFixed(3)} s (mål < 1 s: ${verdict(seconds < 1)}), ${problems.length.toLocaleString('nb-NO')} overlapp funnet`,
  );
}
if (failed) process.exit(1);
