/**
 * The governance commands: `reallocate`, `confirm-condition`, `close-year` and `reopen-year`. Each
 * reads the planning workbook given with --plan, validates everything (cells, closed years, the
 * log's chain, the change itself), then writes the workbook in place through a temporary file and
 * a rename, with the change appended to the log: who (--user), when and why (--reason).
 */
import {
  confirmConditionInState,
  closeYearInState,
  Money,
  parseAmount,
  reallocateInState,
  reconcile,
  reopenYearInState,
  type LedgerLine,
  type PlanningState,
} from '../index.js';
import { boundOf, UsageError, yearOption, type CliOptions } from './args.js';
import { problemLines, type CommandResult } from './commands.js';
import { loadLedgers } from './io.js';
import { asOfFor } from './workbook-command.js';
import { need, runWorkbookChange } from './write-change.js';

/** The governance commands by name. */
export type GovernanceCommand = 'reallocate' | 'confirm-condition' | 'close-year' | 'reopen-year';

/** The spending a reallocation is checked against: the --ledger files if given, else the workbook's Forbruk. */
async function spending(
  state: PlanningState,
  options: CliOptions,
): Promise<{ lines: readonly LedgerLine[]; stderr: string } | CommandResult> {
  if (options.ledger.length === 0) return { lines: state.lines, stderr: '' };
  const loaded = await loadLedgers(state.plan, options.ledger, { skipInvalid: options.skipInvalid, lang: options.lang });
  const bound = boundOf(options);
  const errors = problemLines(loaded.problems, 'errors', bound);
  const warnings = problemLines(loaded.warnings, 'warnings', bound);
  if (loaded.rejected) return { stdout: '', stderr: errors + warnings, status: 1 };
  return { lines: loaded.ledger.lines, stderr: errors + warnings };
}

/** Runs one governance command. */
export async function governanceCommand(command: GovernanceCommand, options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const path = need(options.plan, '--plan FIL.xlsx', command, '--plan FILE.xlsx');
  need(options.reason, '--reason TEKST', command, '--reason TEXT');
  if (options.format !== 'table') throw new UsageError(`${command} tar ikke --format`, `${command} takes no --format`);
  // Usage first (exit 2), before the workbook is read.
  const year =
    command === 'confirm-condition' ? null : yearOption(need(options.year, '--year ÅR', command, '--year YEAR'), '--year');
  let amount: Money | null = null;
  if (command === 'reallocate') {
    need(options.from, '--from VIRKEMIDDEL', command, '--from INSTRUMENT');
    need(options.to, '--to VIRKEMIDDEL', command, '--to INSTRUMENT');
    const reading = parseAmount(need(options.amount, '--amount BELØP', command, '--amount AMOUNT'));
    if (!reading.ok)
      throw new UsageError(
        `--amount må være et beløp som 250000 eller 250 000,50, ikke «${options.amount}»`,
        `--amount must be an amount such as 250000 or 250 000,50, not “${options.amount}”`,
      );
    amount = Money.fromOre(reading.ore);
  }
  const from =
    command === 'confirm-condition' ? yearOption(need(options.from, '--from ÅR', command, '--from YEAR'), '--from') : null;
  const instrument =
    command === 'confirm-condition'
      ? need(options.instrument, '--instrument VIRKEMIDDEL', command, '--instrument INSTRUMENT')
      : null;
  // The --ledger files of a reallocation, read against the workbook's plan before the change.
  let read: { lines: readonly LedgerLine[]; stderr: string } | null = null;
  // Reopening is the way out of a change made to a closed year: it may start from the changed state.
  return runWorkbookChange(
    path,
    options,
    command,
    (state, context, file, frameRows) => {
      if (command === 'reallocate') {
        const spent = read ?? { lines: state.lines, stderr: '' };
        const rows = reconcile(state.plan, spent.lines, asOfFor(undefined, spent.lines)).rows;
        const move = { year: year!, from: options.from!.trim(), to: options.to!.trim(), amount: amount! };
        return { result: reallocateInState(state, move, rows, context, file, lang, frameRows), stderr: spent.stderr };
      }
      if (command === 'confirm-condition')
        return { result: confirmConditionInState(state, instrument!, from!, context, file, lang, frameRows) };
      if (command === 'close-year') return { result: closeYearInState(state, year!, context, file, lang) };
      return { result: reopenYearInState(state, year!, context, file, lang) };
    },
    command === 'reopen-year',
    async (state) => {
      if (command !== 'reallocate') return null;
      const spent = await spending(state, options);
      if ('status' in spent) return spent;
      read = spent;
      return null;
    },
  );
}
