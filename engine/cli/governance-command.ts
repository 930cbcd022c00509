/**
 * The governance commands: `reallocate`, `confirm-condition`, `close-year` and `reopen-year`. Each
 * reads the planning workbook given with --plan, validates everything (cells, closed years, the
 * log's chain, the change itself), then writes the workbook in place through a temporary file and
 * a rename, with the change appended to the log: who (--user), when and why (--reason).
 */
import { basename } from 'node:path';
import {
  checkClosedYears,
  confirmConditionInState,
  closeYearInState,
  Money,
  orderTables,
  parseAmount,
  parseYear,
  planningTables,
  reallocateInState,
  reconcile,
  reopenYearInState,
  type ChangeContext,
  type GovernanceResult,
  type Lang,
  type LedgerLine,
  type PlanningState,
  type Year,
} from '../index.js';
import { writeWorkbookFile } from '../workbook/xlsx/save-file.js';
import { UsageError, type CliOptions } from './args.js';
import { problemLines, type CommandResult } from './commands.js';
import { loadLedgers, nowStamp, userName } from './io.js';
import { carriedTables, isWorkbook, loadWorkbook } from './planning-io.js';
import { asOfFor } from './workbook-command.js';

/** The governance commands by name. */
export type GovernanceCommand = 'reallocate' | 'confirm-condition' | 'close-year' | 'reopen-year';

function need(value: string | undefined, flag: string, command: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${command} trenger ${flag}`);
  return value.trim();
}

function yearOf(text: string, flag: string): Year {
  const reading = parseYear(text);
  if (!reading.ok) throw new UsageError(`${flag} må være et år fra 2019 til 2028, ikke «${text}»`);
  return reading.year;
}

function refusedResult(problems: GovernanceResult & { ok: false }, lang: Lang): CommandResult {
  const note = lang === 'nb' ? 'Ingenting er endret i arbeidsboken.\n' : 'Nothing was changed in the workbook.\n';
  return { stdout: '', stderr: problemLines(problems.problems) + note, status: 1 };
}

/** The spending a reallocation is checked against: the --ledger files if given, else the workbook's Forbruk. */
function spending(state: PlanningState, options: CliOptions): { lines: readonly LedgerLine[]; stderr: string } | CommandResult {
  if (options.ledger.length === 0) return { lines: state.lines, stderr: '' };
  const loaded = loadLedgers(state.plan, options.ledger, { skipInvalid: options.skipInvalid, lang: options.lang });
  const warnings = loaded.warnings.map((w) => `${w.message}\n`).join('');
  if (loaded.rejected) return { stdout: '', stderr: problemLines(loaded.problems) + warnings, status: 1 };
  return { lines: loaded.ledger.lines, stderr: problemLines(loaded.problems) + warnings };
}

/** Runs one governance command. */
export async function governanceCommand(command: GovernanceCommand, options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const path = need(options.plan, '--plan FIL.xlsx', command);
  const why = need(options.reason, '--reason TEKST', command);
  if (options.format !== 'table') throw new UsageError(`${command} tar ikke --format`);
  // Usage first (exit 2), before the workbook is read.
  const year = command === 'confirm-condition' ? null : yearOf(need(options.year, '--year ÅR', command), '--year');
  let amount: Money | null = null;
  if (command === 'reallocate') {
    need(options.from, '--from VIRKEMIDDEL', command);
    need(options.to, '--to VIRKEMIDDEL', command);
    const reading = parseAmount(need(options.amount, '--amount BELØP', command));
    if (!reading.ok) throw new UsageError(`--amount må være et beløp som 250000 eller 250 000,50, ikke «${options.amount}»`);
    amount = Money.fromOre(reading.ore);
  }
  const from = command === 'confirm-condition' ? yearOf(need(options.from, '--from ÅR', command), '--from') : null;
  const instrument = command === 'confirm-condition' ? need(options.instrument, '--instrument VIRKEMIDDEL', command) : null;

  const loaded = await loadWorkbook(path, lang);
  if (!isWorkbook(loaded)) return { stdout: '', stderr: problemLines([loaded]), status: 1 };
  const { problems, logProblems, unlockedState } = loaded.reading;
  // Reopening is the way out of a change made to a closed year: it may start from the changed state.
  const state = command === 'reopen-year' ? unlockedState : loaded.reading.state;
  if (!state) return { stdout: '', stderr: problemLines(problems), status: 1 };
  if (logProblems.length > 0) return refusedResult({ ok: false, problems: logProblems }, lang);
  const context: ChangeContext = { who: userName(options.user), at: nowStamp(), why };
  const file = basename(path);
  let result: GovernanceResult;
  let stderr = '';
  if (command === 'reallocate') {
    const spent = spending(state, options);
    if ('status' in spent) return spent;
    stderr = spent.stderr;
    const rows = reconcile(state.plan, spent.lines, asOfFor(undefined, spent.lines)).rows;
    const move = { year: year!, from: options.from!.trim(), to: options.to!.trim(), amount: amount! };
    result = reallocateInState(state, move, rows, context, file, lang);
  } else if (command === 'confirm-condition') result = confirmConditionInState(state, instrument!, from!, context, file, lang);
  else if (command === 'close-year') result = closeYearInState(state, year!, context, file, lang);
  else result = reopenYearInState(state, year!, context, file, lang);
  if (!result.ok) {
    const refused = refusedResult(result, lang);
    return { ...refused, stderr: stderr + refused.stderr };
  }
  // Every other closed year must still be as it was closed.
  const stillClosed = checkClosedYears(result.state, loaded.reading.rows, file, lang);
  if (stillClosed.length > 0) return refusedResult({ ok: false, problems: stillClosed }, lang);
  const built = planningTables(result.state, { asOf: asOfFor(undefined, result.state.lines), lang });
  await writeWorkbookFile(path, orderTables([...built, ...carriedTables(loaded.tables, built)]), { overwrite: true });
  return { stdout: `${result.message}\n`, stderr, status: 0 };
}
