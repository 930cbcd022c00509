/**
 * The one way a command changes a planning workbook: read it and check everything (cells, closed
 * years, approved versions, the log's chain), make the change on the state, check that every
 * closed year still holds, then write the workbook in place (a temporary file and a rename) with
 * the change as one new entry of the hash-chained log. Nothing is written when anything refuses.
 */
import { basename } from 'node:path';
import {
  noticeText,
  orderTables,
  planningTables,
  runChange,
  type ChangeContext,
  type GovernanceResult,
  type Lang,
  type PlanningState,
  type Problem,
} from '../index.js';
import { UsageError, type CliOptions } from './args.js';
import { problemLines, type CommandResult } from './commands.js';
import { nowStamp, userName } from './io.js';
import { headLine } from './log-command.js';
import { carriedTables, isWorkbook, loadWorkbook, type LoadedWorkbook } from './planning-io.js';
import { asOfFor } from './workbook-command.js';
import { withWorkbookLock, type HeldWorkbook } from './workbook-lock.js';

/** A required option's trimmed value; a usage error (exit 2) when it is missing, `flag` in bokmål and `flagEn` in English. */
export function need(value: string | undefined, flag: string, command: string, flagEn: string): string {
  if (value === undefined || value.trim() === '')
    throw new UsageError(`${command} trenger ${flag}`, `${command} needs ${flagEn}`);
  return value.trim();
}

/** Problems as a refusal: standard error, exit 1, nothing written. */
export function refusedResult(problems: readonly Problem[], lang: Lang, stderr = ''): CommandResult {
  const note = noticeText({ code: 'nothing_changed' }, lang);
  return { stdout: '', stderr: `${stderr}${problemLines(problems)}${note}\n`, status: 1 };
}

/**
 * What a change gives: the governance result and any warnings for standard error, or a result of
 * its own. `frameRows` is where each frame stands in `Rammer`, so a refusal can name its row.
 */
export type ChangeMaker = (
  state: PlanningState,
  context: ChangeContext,
  file: string,
  frameRows: ReadonlyMap<string, number>,
) => { readonly result: GovernanceResult; readonly stderr?: string } | CommandResult;

/**
 * What a change needs read before it is made (a reallocation's --ledger files, read against the
 * workbook's plan): a result that refuses the command, or null to go on.
 */
export type ChangePreparer = (state: PlanningState) => Promise<CommandResult | null>;

/** Reads a planning workbook for a read-only command: the state, or the result that refuses it (exit 1). */
export async function readState(
  path: string,
  lang: Lang,
): Promise<{ loaded: LoadedWorkbook; state: PlanningState } | CommandResult> {
  const loaded = await loadWorkbook(path, lang);
  if (!isWorkbook(loaded)) return { stdout: '', stderr: problemLines([loaded]), status: 1 };
  const state = loaded.reading.state;
  if (!state) return { stdout: '', stderr: problemLines(loaded.reading.problems), status: 1 };
  return { loaded, state };
}

/**
 * Runs one change on the workbook at `path` (`--reason` required, `--user` or the OS user).
 * `unlocked`: the change may start from a state whose closed year was changed (reopening it).
 */
export async function runWorkbookChange(
  path: string,
  options: CliOptions,
  command: string,
  make: ChangeMaker,
  unlocked = false,
  prepare?: ChangePreparer,
): Promise<CommandResult> {
  const why = need(options.reason, '--reason TEKST', command, '--reason TEXT');
  // Held from reading to replacing: a second writer waits, and a change made meanwhile is refused.
  return withWorkbookLock(path, (held) => changeWorkbook(held, path, options, why, make, unlocked, prepare), { mustExist: true });
}

/** The read–change–write of runWorkbookChange, with the workbook's lock held. */
async function changeWorkbook(
  held: HeldWorkbook,
  path: string,
  options: CliOptions,
  why: string,
  make: ChangeMaker,
  unlocked: boolean,
  prepare: ChangePreparer | undefined,
): Promise<CommandResult> {
  const lang = options.lang;
  const loaded = await loadWorkbook(path, lang);
  if (!isWorkbook(loaded)) return { stdout: '', stderr: problemLines([loaded]), status: 1 };
  const readState = unlocked ? loaded.reading.unlockedState : loaded.reading.state;
  if (prepare && readState) {
    const refused = await prepare(readState);
    if (refused) return refused;
  }
  const context: ChangeContext = { who: userName(options.user), at: nowStamp(), why };
  const file = basename(path);
  // The session's one gate: a workbook with problems, a broken log, the change's own refusal, or
  // a closed year left changed, refuse it as they do in the task pane.
  let own: CommandResult | null = null;
  let stderr = '';
  const result = runChange(
    loaded.reading,
    (state, frameRows) => {
      const made = make(state, context, file, frameRows);
      if ('status' in made) {
        own = made;
        return { ok: false, problems: [] };
      }
      stderr = made.stderr ?? '';
      return made.result;
    },
    { file, lang, unlocked, context },
  );
  if (own) return own;
  if (!result.ok) return refusedResult(result.problems, lang, stderr);
  const made = { result };
  const built = planningTables(made.result.state, { asOf: asOfFor(undefined, made.result.state.lines), lang });
  await held.write(orderTables([...built, ...carriedTables(loaded.tables, built)]));
  return { stdout: `${made.result.message}\n`, stderr: `${stderr}${headLine(made.result.state.log, path, lang)}`, status: 0 };
}
