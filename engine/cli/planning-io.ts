/** Reading a planning workbook's whole state for the command line, and the tables a rewrite carries over. */
import { basename } from 'node:path';
import {
  TABLES_WITH_READ_FORMULAS,
  readPlanningTables,
  specForRead,
  type Lang,
  type PlanningReading,
  type Problem,
  type TableData,
  type TableRead,
} from '../index.js';
import { fileProblem } from '../messages/file-errors.js';
import { unreadableWorkbook } from '../workbook/xlsx/read-plan.js';
import { readWorkbookTables, uncalculatedProblems, type WorkbookTables } from '../workbook/xlsx/read-xlsx.js';
import { isNotAWorkbook } from '../workbook/xlsx/xlsx-bounds.js';
import { readFailure } from './file-access.js';
import { isKeyProblem, logKeyFromEnvironment } from './log-key.js';

/** A workbook as read: its tables by lower-case name and the planning state they hold. */
export interface LoadedWorkbook {
  readonly file: string;
  readonly tables: ReadonlyMap<string, TableRead>;
  readonly reading: PlanningReading;
}

/** The state of a plan without a workbook (the engine's `embeddedState`). */
export { embeddedState } from '../index.js';

/**
 * Reads a planning workbook, or gives the problem when the file cannot be read at all or is refused
 * by the bounds of reading (CONTRACTS §4: too large unpacked, a zip that lies, more than the memory
 * bound); the log is checked (and new entries signed) with the environment's log key, when there
 * is one. A formula without a calculated value in a table the planning state is read from is a
 * problem naming sheet, row and column, and no state is read.
 */
export async function loadWorkbook(path: string, lang: Lang): Promise<LoadedWorkbook | Problem> {
  const key = logKeyFromEnvironment(lang);
  if (isKeyProblem(key)) return key;
  // A missing file, a folder or no read access is named as such, not as "not a workbook".
  const failure = readFailure(path);
  if (failure !== null) return fileProblem(path, 'read', failure, lang);
  const file = basename(path);
  let read: WorkbookTables | Problem;
  try {
    read = await readWorkbookTables(path, lang, file);
  } catch {
    return unreadableWorkbook(path, lang);
  }
  if ('code' in read) return isNotAWorkbook(read) ? unreadableWorkbook(path, lang) : read;
  const { tables } = read;
  const formulas = uncalculatedProblems(read, TABLES_WITH_READ_FORMULAS, file, lang);
  if (formulas.length > 0) {
    const rows = { frameRows: new Map(), closedRows: new Map() };
    return { file, tables, reading: { state: null, problems: formulas, logProblems: [], unlockedState: null, rows } };
  }
  return { file, tables, reading: readPlanningTables((name) => tables.get(name.toLowerCase()) ?? null, file, lang, key) };
}

/** Whether a load gave a workbook (not a problem). */
export function isWorkbook(loaded: LoadedWorkbook | Problem): loaded is LoadedWorkbook {
  return 'reading' in loaded;
}

/** The tables of a workbook that a rewrite does not build itself (the evaluation's, a user's), kept as they were. */
export function carriedTables(tables: ReadonlyMap<string, TableRead>, built: readonly TableData[]): TableData[] {
  const names = new Set(built.map((t) => t.spec.table.toLowerCase()));
  return [...tables.entries()]
    .filter(([name]) => !names.has(name))
    .map(([, read]) => ({ spec: specForRead(read), rows: read.rows }));
}
