// npm run bench: speed and memory of the command line as whole processes, on generated ledgers.
// Prints lines per second and peak memory for 10 000, 100 000 and 1 000 000 lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateLedger } from './generate-ledger.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}bench/out`;
mkdirSync(outDir, { recursive: true });

function measure(args) {
  // /usr/bin/time is not on every machine; Node reports the child's peak RSS through resourceUsage.
  const script = `const {spawnSync}=require('node:child_process');const t=process.hrtime.bigint();const r=spawnSync(process.execPath,${JSON.stringify(args)},{stdio:['ignore','ignore','pipe']});const ms=Number(process.hrtime.bigint()-t)/1e6;const ru=process.resourceUsage();console.log(JSON.stringify({status:r.status,ms,stderr:String(r.stderr).slice(0,500)}));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const result = JSON.parse(run.stdout.trim());
  return result;
}

function peakRss(args) {
  const run = spawnSync(
    'bash',
    [
      '-c',
      `command -v /usr/bin/time >/dev/null && /usr/bin/time -f %M ${[process.execPath, ...args].map((a) => `'${a}'`).join(' ')} >/dev/null 2>/tmp/ia-bench-time || echo none`,
    ],
    { encoding: 'utf8' },
  );
  if (run.stdout.includes('none')) return null;
  const text = spawnSync('tail', ['-n', '1', '/tmp/ia-bench-time'], { encoding: 'utf8' }).stdout.trim();
  return Number(text) / 1024;
}

if (!existsSync(`${root}build/engine/cli/main.js`)) {
  console.error('Bygg først: npm run build:cli');
  process.exit(2);
}
console.log('ia-planner reconcile, hel prosess (node bin/ia-planner.js reconcile --format json):');
for (const lines of [10_000, 100_000, 1_000_000]) {
  const file = `${outDir}/ledger-${lines}.csv`;
  if (!existsSync(file)) await generateLedger(file, lines);
  const mb = statSync(file).size / 1e6;
  const args = [`${root}bin/ia-planner.js`, 'reconcile', '--ledger', file, '--as-of', '2028-12-31', '--format', 'json'];
  const best = [measure(args), measure(args)].sort((a, b) => a.ms - b.ms)[0];
  if (best.status !== 0) {
    console.error(`avbrutt: status ${best.status}: ${best.stderr}`);
    process.exit(1);
  }
  const rss = peakRss(args);
  const perSecond = Math.round(lines / (best.ms / 1000));
  console.log(
    `  ${String(lines).padStart(9)} linjer (${mb.toFixed(1)} MB): ${(best.ms / 1000).toFixed(2)} s, ` +
      `${perSecond.toLocaleString('nb-NO')} linjer/s, maks minne ${rss === null ? 'ukjent (mangler /usr/bin/time)' : `${rss.toFixed(0)} MB`}`,
  );
}
