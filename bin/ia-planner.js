#!/usr/bin/env node
// The `ia-planner` command. The TypeScript is compiled to build/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The language is read from the raw arguments, since these words are needed before (or without) the
// parser in build/: `--lang en` or `--lang=en` asks for English.
const argv = process.argv.slice(2);
const at = argv.indexOf('--lang');
const english = (at >= 0 && argv[at + 1] === 'en') || argv.includes('--lang=en');

const entry = new URL('../build/engine/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    english
      ? 'ia-planner is not built. Run “npm ci” (or “npm run build:cli”) in the project folder.\n'
      : 'ia-planner er ikke bygd. Kjør «npm ci» (eller «npm run build:cli») i prosjektmappen.\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
const finish = (status) => {
  process.exitCode = status;
};
// Let pending writes to stdout drain before the process ends (large JSON into a pipe).
main(argv).then(finish, (error) => {
  // A fault of the program, not of the user's data: say so in the user's language, with the error's
  // own one-line message for a bug report, and no stack trace (set IA_PLANNER_DEBUG=1 to see it).
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lead = english
    ? 'Internal error in ia-planner (a fault in the program, not in your data). Please report it with this line:'
    : 'Intern feil i ia-planner (en programfeil, ikke en feil i dataene dine). Meld fra om den med denne linjen:';
  process.stderr.write(`${lead}\n${detail}\n`);
  if (process.env.IA_PLANNER_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
  process.exitCode = 3;
});
