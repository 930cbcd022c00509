/** Reads a plan from the `Rammer` and `Poster` tables of a planning workbook (.xlsx). */
import type { Lang, Plan, Problem } from '../../index.js';

/** The plan in a workbook file, or the problems that keep it from being read. */
export async function readPlanFile(path: string, lang: Lang): Promise<{ plan: Plan | null; problems: Problem[] }> {
  // Implemented with the workbook layout (issue: the planning workbook).
  void lang;
  throw new Error(`readPlanFile is not built yet: ${path}`);
}
