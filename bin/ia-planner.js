#!/usr/bin/env node
// The `ia-planner` command. The TypeScript is compiled to build/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../build/engine/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('ia-planner er ikke bygd. Kjør «npm ci» (eller «npm run build:cli») i prosjektmappen.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
const finish = (status) => {
  process.exitCode = status;
};
// Let pending writes to stdout drain before the process ends (large JSON into a pipe).
main(process.argv.slice(2)).then(finish, (error) => {
  process.stderr.write(`Intern feil i ia-planner (en programfeil, ikke en feil i dataene dine):\n${error?.stack ?? error}\n`);
  process.exitCode = 3;
});
