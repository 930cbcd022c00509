/**
 * The Styring view's form values in the engine's terms. The rules themselves (versions,
 * reallocation, conditions, carry-over, closing) are the engine's `…InState` functions, run
 * through the session's one gate (`PlannerSession.change`), exactly as the command line runs them.
 */
import { IMPLICIT_VERSION_ID, NO_CARRY_OVER, parseShare, type CarryOverRule } from '../../engine/index.js';

/** The id of the first version: the plan as the workbook (or the embedded plan) holds it; the same id the CLI uses. */
export const FIRST_VERSION_ID = IMPLICIT_VERSION_ID;

/** The rule a form states, or null when the share cannot be read (`parseShare`: "5 %", "0,05"). */
export function carryOverRuleOf(
  rule: 'none' | 'all' | 'share',
  shareText: string,
  carryOverspend: boolean,
): CarryOverRule | null {
  if (rule === 'none') return NO_CARRY_OVER;
  if (rule === 'all') return { kind: 'all', carryOverspend };
  const share = parseShare(shareText);
  return share === null ? null : { kind: 'share', share, carryOverspend };
}
