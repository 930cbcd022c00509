/** The `ia-planner` command: parse, dispatch, print, exit (CONTRACTS §4). */
import { commandUsage, languageOf, parseOptions, usageText, UsageError, type CliOptions } from './args.js';
import { framesCommand, reconcileCommand, type CommandResult } from './commands.js';
import { fileErrorProblem } from './file-access.js';
import type { GovernanceCommand } from './governance-command.js';
import type { VersionSubcommand } from './version-command.js';

type Command = (options: CliOptions) => Promise<CommandResult>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  frames: async () => framesCommand,
  reconcile: async () => reconcileCommand,
  evaluate: async () => (await import('./evaluate-command.js')).evaluateCommand,
  workbook: async () => (await import('./workbook-command.js')).workbookCommand,
  reallocate: async () => governance('reallocate'),
  'confirm-condition': async () => governance('confirm-condition'),
  'close-year': async () => governance('close-year'),
  'reopen-year': async () => governance('reopen-year'),
  log: async () => (await import('./log-command.js')).logCommand,
  'carry-over': async () => (await import('./carry-over-command.js')).carryOverCommand,
  commitments: async () => (await import('./commitments-command.js')).commitmentsCommand,
  'version new': async () => version('new'),
  'version submit': async () => version('submit'),
  'version approve': async () => version('approve'),
  'version compare': async () => version('compare'),
};

async function version(sub: VersionSubcommand): Promise<Command> {
  const { versionCommand } = await import('./version-command.js');
  return (options) => versionCommand(sub, options);
}

async function governance(name: GovernanceCommand): Promise<Command> {
  const { governanceCommand } = await import('./governance-command.js');
  return (options) => governanceCommand(name, options);
}

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...args] = argv;
  // `version` takes a subcommand: `version new`, `version submit`, …
  const hasSub = first === 'version' && args[0] !== undefined && !args[0].startsWith('-');
  const name = hasSub ? `version ${args[0]}` : first;
  const rest = hasSub ? args.slice(1) : args;
  const usage = usageText(languageOf(argv));
  if (name === undefined) {
    // Wrong usage: the usage text is an error here, so it goes to standard error (CONTRACTS §4).
    process.stderr.write(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    const unknown = languageOf(argv) === 'en' ? `Unknown command “${name}”.` : `Ukjent kommando «${name}».`;
    process.stderr.write(`${unknown}\n\n${usage}`);
    return 2;
  }
  try {
    const options = parseOptions(rest);
    if (options.help) {
      process.stdout.write(commandUsage(name, languageOf(argv)));
      return 0;
    }
    const result = await (await load())(options);
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    return result.status;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.inLanguage(languageOf(argv))}\n\n${commandUsage(name, languageOf(argv))}`);
      return 2;
    }
    // A file the system would not read or write (missing, a folder, a full disk, a workbook another
    // writer changed or holds) is the input's fault: exit 1 with the path and the reason, never 3.
    const trouble = fileErrorProblem(error, languageOf(argv));
    if (trouble) {
      process.stderr.write(`${trouble.message}\n`);
      return 1;
    }
    throw error;
  }
}
