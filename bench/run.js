// npm run bench: speed and memory of the command line as whole processes, on generated ledgers.
// Prints lines per second and peak memory for 10 000, 100 000 and 1 000 000 lines, and the time
// and peak memory of rejecting 200 000 invalid lines beside the target (issue 10: < 5 s, < 400 MB).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateInvalidLedger, generateLedger } from './generate-ledger.js';

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
  // GNU time writes to its own file (-o), so the command's own stderr is not mixed in, and a
  // command that exits 1 (a rejected ledger) is measured too.
  if (!existsSync('/usr/bin/time')) return null;
  const out = `${outDir}/time.txt`;
  spawnSync('/usr/bin/time', ['-o', out, '-f', '%M', process.execPath, ...args], { stdio: 'ignore' });
  const last = readFileSync(out, 'utf8').trim().split('\n').pop();
  return Number(last) / 1024;
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

// 200 000 invalid lines: the whole file rejected (exit 1) with every line's problem counted.
{
  const lines = 200_000;
  const target = { seconds: 5, mb: 400 };
  const file = `${outDir}/ledger-invalid-${lines}.csv`;
  if (!existsSync(file)) await generateInvalidLedger(file, lines);
  const args = [`${root}bin/ia-planner.js`, 'reconcile', '--ledger', file, '--as-of', '2028-12-31'];
  // The problems go to stderr, far more than a pipe buffer holds, so nothing is captured.
  const time = () => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
    return { status: run.status, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  };
  const best = [time(), time()].sort((a, b) => a.ms - b.ms)[0];
  if (best.status !== 1) {
    console.error(`avvisning: forventet status 1, fikk ${best.status}`);
    process.exit(1);
  }
  const rss = peakRss(args);
  const seconds = best.ms / 1000;
  const verdict = (ok) => (ok ? 'innenfor' : 'OVER');
  console.log(`ia-planner reconcile, ${lines.toLocaleString('nb-NO')} ugyldige linjer avvist (status 1):`);
  console.log(`  tid ${seconds.toFixed(2)} s (mål < ${target.seconds} s: ${verdict(seconds < target.seconds)})`);
  console.log(
    rss === null
      ? `  maks minne ukjent (mangler /usr/bin/time; mål < ${target.mb} MB)`
      : `  maks minne ${rss.toFixed(0)} MB (mål < ${target.mb} MB: ${verdict(rss < target.mb)})`,
  );
}
