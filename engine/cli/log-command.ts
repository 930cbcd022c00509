/**
 * `ia-planner log --plan FILE.xlsx [--expect N:HASH] [--format table|json]` (CONTRACTS §4): reads
 * the `Logg` chain, verifies it (with the environment's log key, when there is one) and, given an
 * anchor that an earlier run printed, that the log up to it was neither rewritten nor cut short.
 */
import {
  anchorText,
  checkAnchor,
  entryDetails,
  entryHandling,
  formatStamp,
  logHead,
  logWords,
  parseAnchor,
  problem,
  readLogTable,
  verifyChain,
  type Lang,
  type LogEntry,
  type LogHead,
  type Problem,
} from '../index.js';
import { UsageError, type CliOptions } from './args.js';
import { problemJson, problemLines, type CommandResult } from './commands.js';
import { isWorkbook, loadWorkbook } from './planning-io.js';
import { logKeyFromEnvironment, isKeyProblem } from './log-key.js';
import { renderTable } from './text-table.js';

/** What checking a workbook's log gave. */
export interface LogVerdict {
  readonly entries: readonly LogEntry[];
  readonly head: LogHead | null;
  readonly intact: boolean;
  readonly problems: readonly Problem[];
  /** The number of the first entry signed with the key, when any is. */
  readonly firstSigned: number | null;
}

/** Checks a read log's chain and an optional anchor. */
export function logVerdict(
  read: ReturnType<typeof readLogTable>,
  file: string,
  lang: Lang,
  key: ReturnType<typeof logKeyFromEnvironment>,
  anchor: { entry: number; hash: string } | null,
): LogVerdict {
  const problems = [...read.problems];
  const chain = verifyChain(read.entries, lang, isKeyProblem(key) ? null : key);
  if (anchor && problems.length === 0) {
    const fault = checkAnchor(read.entries, anchor, lang);
    if (fault)
      problems.push(
        problem(
          'broken_log',
          { file, sheet: 'Logg', line: null, column: null, value: `${anchor.entry}:${anchor.hash}` },
          lang,
          {},
          fault.message,
        ),
      );
  }
  const first = read.entries.find((e) => e.hash.startsWith('hmac:'));
  return {
    entries: read.entries,
    head: chain.ok ? chain.head : null,
    intact: problems.length === 0,
    problems,
    firstSigned: first ? first.seq : null,
  };
}

export async function logCommand(options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const path = options.plan?.trim();
  if (!path) throw new UsageError('log trenger --plan FIL.xlsx', 'log needs --plan FILE.xlsx');
  if (options.format !== 'table' && options.format !== 'json')
    throw new UsageError(
      `log skriver table eller json, ikke «${options.format}»`,
      `log writes table or json, not “${options.format}”`,
    );
  const anchor = options.expect === undefined ? null : parseAnchor(options.expect);
  if (options.expect !== undefined && !anchor)
    throw new UsageError(
      `--expect må være N:HASH (løpenummer, kolon, 64 heksadesimale tegn) slik en tidligere kommando skrev det, ikke «${options.expect}»`,
      `--expect must be N:HASH (entry number, colon, 64 hex digits) as an earlier command printed it, not “${options.expect}”`,
    );
  const loaded = await loadWorkbook(path, lang);
  if (!isWorkbook(loaded)) return { stdout: '', stderr: problemLines([loaded]), status: 1 };
  const key = logKeyFromEnvironment(lang);
  const read = readLogTable(loaded.tables.get('logg') ?? null, loaded.file, lang, isKeyProblem(key) ? null : key);
  const verdict = logVerdict(read, loaded.file, lang, key, anchor);
  const status = verdict.intact ? 0 : 1;
  if (options.format === 'json') {
    const json = {
      entries: verdict.entries.length,
      head: verdict.head,
      intact: verdict.intact,
      problems: verdict.problems.map(problemJson),
      signedFrom: verdict.firstSigned,
    };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '', status };
  }
  const headers = logWords(lang, 'logColumns').split('|');
  const rows = verdict.entries.map((e) => [
    String(e.seq),
    formatStamp(e.at, lang),
    e.who,
    entryHandling(e, lang),
    entryDetails(e, lang),
  ]);
  const table = rows.length > 0 ? renderTable(headers, rows, ['right', 'left', 'left', 'left', 'left']) : '';
  if (!verdict.intact)
    return { stdout: table, stderr: `${problemLines(verdict.problems)}${logWords(lang, 'logBroken')}\n`, status };
  const lines: string[] = [];
  if (!verdict.head) lines.push(logWords(lang, 'logEmpty'));
  else {
    lines.push(logWords(lang, 'logIntact', { entries: verdict.entries.length, anchor: anchorText(verdict.head) }));
    lines.push(
      verdict.firstSigned !== null && verdict.head.key !== null
        ? logWords(lang, 'logSigned', { first: verdict.firstSigned, key: verdict.head.key })
        : logWords(lang, 'logUnsigned'),
    );
  }
  if (anchor) lines.push(logWords(lang, 'logAnchorHolds', { anchor: `${anchor.entry}:${anchor.hash}`, entry: anchor.entry }));
  return { stdout: `${table}${lines.join('\n')}\n`, stderr: '', status };
}

/** The line a command that appended to `Logg` prints on standard error: the new head as `N:HASH`, to keep. */
export function headLine(log: readonly LogEntry[], path: string, lang: Lang): string {
  const head = logHead(log);
  return head ? `${logWords(lang, 'logHead', { anchor: anchorText(head), file: path })}\n` : '';
}
