/** Reads a plan from the `Rammer` and `Poster` tables of a planning workbook (.xlsx). */
import { basename } from 'node:path';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import type { Plan } from '../../plan/plan.js';
import { readPlanTables } from '../read/read-plan-table.js';
import { readWorkbookTables, uncalculatedProblems, type WorkbookTables } from './read-xlsx.js';
import { isNotAWorkbook } from './xlsx-bounds.js';

/**
 * The plan in a workbook file, or the problems that keep it from being read: the file refused by
 * the bounds of reading, or a formula without a calculated value in `Rammer` or `Poster` (naming
 * sheet, row and column) among them.
 */
export async function readPlanFile(path: string, lang: Lang): Promise<{ plan: Plan | null; problems: Problem[] }> {
  const file = basename(path);
  let read: WorkbookTables | Problem;
  try {
    read = await readWorkbookTables(path, lang, file);
  } catch {
    return { plan: null, problems: [unreadableWorkbook(path, lang)] };
  }
  if ('code' in read) return { plan: null, problems: [isNotAWorkbook(read) ? unreadableWorkbook(path, lang) : read] };
  const formulas = uncalculatedProblems(read, ['Rammer', 'Poster'], file, lang);
  if (formulas.length > 0) return { plan: null, problems: formulas };
  return readPlanTables(read.tables.get('rammer') ?? null, read.tables.get('poster') ?? null, file, lang);
}

/** The problem for a workbook file that is missing or not an .xlsx. */
export function unreadableWorkbook(path: string, lang: Lang): Problem {
  const expected =
    lang === 'nb' ? 'en arbeidsbok (.xlsx) som finnes og kan leses' : 'a workbook (.xlsx) that exists and can be read';
  const message =
    lang === 'nb'
      ? `${path}: Filen finnes ikke eller er ikke en arbeidsbok (.xlsx).`
      : `${path}: The file does not exist or is not a workbook (.xlsx).`;
  return {
    ...problem('unreadable_file', { file: basename(path), line: null, column: null, value: null }, lang),
    expected,
    message,
  };
}
