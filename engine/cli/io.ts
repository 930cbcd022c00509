/** File input for the command line: plans, ledgers (streamed in chunks) and the as-of date. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  embeddedPlan,
  isoDate,
  Ledger,
  parseDate,
  problem,
  type FileReport,
  type IsoDate,
  type Lang,
  type LineStore,
  type Plan,
  type Problem,
  type Warning,
} from '../index.js';
import { UsageError } from './args.js';

const CHUNK = 1 << 20;

/** Yields a file's bytes in 1 MiB chunks. */
export function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
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
export function loadLedgers(
  plan: Plan,
  paths: readonly string[],
  options: { skipInvalid: boolean; lang: Lang },
  store?: LineStore,
): LoadedLedger {
  const ledger = new Ledger(plan, store);
  const reports: FileReport[] = [];
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  let rejected = false;
  for (const path of paths) {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      problems.push(problem('unreadable_file', { file: path, line: null, column: null, value: null }, options.lang));
      rejected = true;
      continue;
    }
    const name = basename(path);
    const progress = progressReporter(name, size);
    const report = ledger.addFile(name, () => fileChunks(path), {
      skipInvalid: options.skipInvalid,
      lang: options.lang,
      ...(progress ? { onProgress: progress } : {}),
    });
    if (progress) process.stderr.write('\r\x1b[K');
    reports.push(report);
    problems.push(...report.problems);
    warnings.push(...report.warnings);
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

/** The plan: from a workbook's Rammer table with --plan, else the embedded plan. */
export async function loadPlan(path: string | undefined, lang: Lang): Promise<{ plan: Plan | null; problems: Problem[] }> {
  if (path === undefined) return { plan: embeddedPlan(), problems: [] };
  const { readPlanFile } = await import('../workbook/xlsx/read-plan.js');
  return readPlanFile(path, lang);
}

/** The as-of date: --as-of, else today in local time. */
export function resolveAsOf(text: string | undefined, today: Date = new Date()): IsoDate {
  if (text === undefined) return isoDate(today.getFullYear(), today.getMonth() + 1, today.getDate())!;
  const date = parseDate(text);
  if (!date) throw new UsageError(`--as-of må være en dato som ÅÅÅÅ-MM-DD, ikke «${text}»`);
  return date;
}
