/** Reads a plan from the `Rammer` and `Poster` tables of a planning workbook (.xlsx). */
import { basename } from 'node:path';
import { problem, type Lang, type Problem } from '../../problems.js';
import type { Plan } from '../../plan/plan.js';
import { readPlanTables } from '../read-plan-table.js';
import { readXlsxTables } from './read-xlsx.js';

/** The plan in a workbook file, or the problems that keep it from being read. */
export async function readPlanFile(path: string, lang: Lang): Promise<{ plan: Plan | null; problems: Problem[] }> {
  const file = basename(path);
  let tables;
  try {
    tables = await readXlsxTables(path);
  } catch {
    const expected =
      lang === 'nb' ? 'en arbeidsbok (.xlsx) som finnes og kan leses' : 'a workbook (.xlsx) that exists and can be read';
    const message =
      lang === 'nb'
        ? `${path}: Filen finnes ikke eller er ikke en arbeidsbok (.xlsx).`
        : `${path}: The file does not exist or is not a workbook (.xlsx).`;
    return {
      plan: null,
      problems: [{ ...problem('empty_file', { file, line: null, column: null, value: null }, lang), expected, message }],
    };
  }
  return readPlanTables(tables.get('rammer') ?? null, tables.get('poster') ?? null, file, lang);
}
