/** Reads a plan from the `Rammer` and `Poster` tables of a planning workbook (.xlsx). */
import { basename } from 'node:path';
import { problem, type Lang, type Problem } from '../../messages/problems.js';
import type { Plan } from '../../plan/plan.js';
import { readPlanTables } from '../read/read-plan-table.js';
import { readXlsxTables } from './read-xlsx.js';

/** The plan in a workbook file, or the problems that keep it from being read. */
export async function readPlanFile(path: string, lang: Lang): Promise<{ plan: Plan | null; problems: Problem[] }> {
  const file = basename(path);
  let tables;
  try {
    tables = await readXlsxTables(path);
  } catch {
    return { plan: null, problems: [unreadableWorkbook(path, lang)] };
  }
  return readPlanTables(tables.get('rammer') ?? null, tables.get('poster') ?? null, file, lang);
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
