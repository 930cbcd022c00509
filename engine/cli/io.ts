/** File input for the command line: plans, ledgers (streamed in chunks) and the as-of date. */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import {
  embeddedPlan,
  logHead,
  Ledger,
  osloDate,
  osloStamp,
  parseDate,
  type CarryOverRule,
  type FileReport,
  type IsoDate,
  type Lang,
  type LineStore,
  type Plan,
  type Problem,
  type ReportLog,
  type Warning,
  type ReadOptions,
} from '../index.js';
import { addLedgerFile } from '../ledger/ledger.js';
import { readRulesCsv, type RulesReading } from '../workbook/read/read-rules.js';
import { readAuthorisationsCsv, type AuthorisationsReading } from '../workbook/read/read-authorisations.js';
import { readAppropriations, type AppropriationsReading } from '../reconcile/appropriations.js';
import { errorCode, fileProblem } from '../messages/file-errors.js';
import { UsageError } from './args.js';
import { FileReadError, readFailure } from './file-access.js';

const CHUNK = 1 << 20;

/** Yields a file's bytes in 1 MiB chunks; a failure of the file system is a FileReadError naming `path`. */
export function* fileChunks(path: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new FileReadError(path, errorCode(error) ?? 'EIO', { cause: error });
  }
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        throw new FileReadError(path, errorCode(error) ?? 'EIO', { cause: error });
      }
      if (n === 0) break;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** What reading the ledgers gave. */
export interface LoadedLedger {
  ledger: Ledger;
  reports: FileReport[];
  problems: Problem[];
  warnings: Warning[];
  /** Whether input must be rejected (any problem without --skip-invalid, or an unreadable file). */
  rejected: boolean;
}

/** Reads every ledger file into one ledger; shows progress on a terminal for large files. */
export async function loadLedgers(
  plan: Plan,
  paths: readonly string[],
  options: { skipInvalid: boolean; lang: Lang; asOf?: IsoDate },
  store?: LineStore,
  /** A ledger that already holds lines (a workbook's Forbruk), so files merge into it without double counting. */
  into?: Ledger,
): Promise<LoadedLedger> {
  const ledger = into ?? new Ledger(plan, store);
  const reports: FileReport[] = [];
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  let rejected = false;
  for (const path of paths) {
    // A missing file, a folder, a file without read access: named with what is wrong, before reading.
    const failure = readFailure(path);
    if (failure !== null) {
      problems.push(fileProblem(path, 'read', failure, options.lang));
      rejected = true;
      continue;
    }
    const name = basename(path);
    const progress = progressReporter(name, statSync(path).size);
    let report: FileReport;
    const readOptions: ReadOptions = {
      skipInvalid: options.skipInvalid,
      lang: options.lang,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(progress ? { onProgress: progress } : {}),
    };
    try {
      report = await addLedgerFile(
        ledger,
        name,
        {
          open: () => fileChunks(path),
          // Through the bounded open: a file larger on disk than a workbook may unpack to is refused unread.
          xlsx: async () => (await import('../workbook/xlsx/read-xlsx-ledger.js')).readXlsxLedgerFile(path, name, options.lang),
        },
        readOptions,
      );
    } catch (error) {
      // A read that fails halfway (a disk error): the file is rejected, and with it the input.
      if (!(error instanceof FileReadError)) throw error;
      problems.push(fileProblem(path, 'read', error.code, options.lang));
      rejected = true;
      continue;
    } finally {
      if (progress) process.stderr.write('\r\x1b[K');
    }
    reports.push(report);
    // One by one: a spread of a file's 200 000 problems into push() overflows the call stack.
    for (const p of report.problems) problems.push(p);
    for (const w of report.warnings) warnings.push(w);
    if (report.rejected) rejected = true;
  }
  return { ledger, reports, problems, warnings, rejected };
}

/** A progress line on standard error for files over 5 MB, only when it is a terminal. */
function progressReporter(name: string, size: number): ((bytes: number) => void) | null {
  if (!process.stderr.isTTY || size < 5_000_000) return null;
  let last = 0;
  return (bytes) => {
    const percent = Math.floor((bytes / size) * 100);
    if (percent === last) return;
    last = percent;
    process.stderr.write(`\rLeser ${name}: ${percent} %`);
  };
}

/**
 * The plan and its carry-over rules: from a planning workbook with --plan (its whole state is read
 * and checked: every cell, closed years), else the embedded plan. A broken log is a warning here.
 */
export async function loadPlan(
  path: string | undefined,
  lang: Lang,
  /** `--rules FILE.csv`: replaces the plan's mapping rules (CONTRACTS §8). */
  rulesPath?: string,
): Promise<{
  plan: Plan | null;
  problems: Problem[];
  carryOver: ReadonlyMap<string, CarryOverRule>;
  warnings: Problem[];
  /** What the report says of the workbook's change log (none without --plan). */
  log: ReportLog;
}> {
  const none = new Map<string, CarryOverRule>();
  const rules = rulesPath === undefined ? null : readRulesFile(rulesPath, lang);
  if (rules !== null && !rules.ok) return { plan: null, problems: [...rules.problems], carryOver: none, warnings: [], log: null };
  const withRules = (plan: Plan): Plan => (rules === null ? plan : { ...plan, rules: rules.rules });
  if (path === undefined) return { plan: withRules(embeddedPlan()), problems: [], carryOver: none, warnings: [], log: null };
  const { isWorkbook, loadWorkbook } = await import('./planning-io.js');
  const loaded = await loadWorkbook(path, lang);
  if (!isWorkbook(loaded)) return { plan: null, problems: [loaded], carryOver: none, warnings: [], log: null };
  const { state, problems, logProblems } = loaded.reading;
  const log: ReportLog = logProblems.length > 0 || !state ? 'broken' : { entries: state.log.length, head: logHead(state.log) };
  const plan = state ? withRules(state.plan) : null;
  return { plan, problems, carryOver: state?.governance.carryOver ?? none, warnings: logProblems, log };
}

/** Reads `--appropriations FILE` (CONTRACTS §9); a missing or unreadable file is a problem naming it. */
export function readAppropriationsFile(path: string, lang: Lang): AppropriationsReading {
  const failure = readFailure(path);
  if (failure !== null) return { appropriations: new Map(), problems: [fileProblem(path, 'read', failure, lang)], rowsRead: 0 };
  return readAppropriations(basename(path), () => fileChunks(path), lang);
}

/** Reads `--authorisations FILE.csv` (the `Tilsagnsfullmakter` columns), or the problems naming the file. */
export function readAuthorisationsFile(path: string, lang: Lang): AuthorisationsReading {
  const failure = readFailure(path);
  if (failure !== null) return { authorisations: [], problems: [fileProblem(path, 'read', failure, lang)] };
  return readAuthorisationsCsv(basename(path), readFileSync(path), lang);
}

/** Reads `--rules FILE.csv`: the rules, or the problems naming the file (a missing file is one of them). */
export function readRulesFile(path: string, lang: Lang): RulesReading {
  const failure = readFailure(path);
  if (failure !== null) return { ok: false, problems: [fileProblem(path, 'read', failure, lang)] };
  return readRulesCsv(basename(path), readFileSync(path), lang);
}

/** The as-of date: --as-of, else today in Oslo (as in the add-in), whatever the machine's time zone. */
export function resolveAsOf(text: string | undefined, now: Date = new Date()): IsoDate {
  if (text === undefined) return osloDate(now);
  const date = parseDate(text);
  if (!date)
    throw new UsageError(
      `--as-of må være en dato som ÅÅÅÅ-MM-DD, ikke «${text}»`,
      `--as-of must be a date as YYYY-MM-DD, not “${text}”`,
    );
  return date;
}

/** Who makes a change: --user, else the operating system's user name. */
export function userName(given: string | undefined): string {
  if (given !== undefined && given.trim() !== '') return given.trim();
  try {
    return userInfo().username;
  } catch {
    // Some containers have no user entry for the process's uid.
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'ukjent';
  }
}

/** The time of a change as the log writes it: ISO 8601 in Oslo time with its offset, to the second (as in the add-in). */
export function nowStamp(now: Date = new Date()): string {
  return osloStamp(now);
}
