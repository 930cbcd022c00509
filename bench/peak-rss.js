// Preloaded (node --import) into a measured command when /usr/bin/time is missing: on exit it
// writes the process's own peak resident set size (kB, process.resourceUsage().maxRSS) and its user
// and system CPU seconds to the file IA_BENCH_RSS_FILE names, as `/usr/bin/time -f '%M %U %S'` does.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.IA_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
