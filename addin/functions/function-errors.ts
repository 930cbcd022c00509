/**
 * The one mapping from what can go wrong to Excel's errors: a bad argument is #VALUE!, a figure
 * that does not exist (no frame, amount not set, tables with problems, workbook unreadable) is
 * #N/A, each with a Norwegian message that says what to do.
 */
import type { Problem } from '../../engine/index.js';
import { t } from '../../engine/messages/ui.js';
import { WorkbookError } from '../excel/faults.js';
import { logError } from '../excel/office-helpers.js';
import { FunctionFault } from './answers.js';

/** The parts of the CustomFunctions runtime used here (the global in Excel; a fake in tests). */
export interface FunctionsRuntime {
  readonly Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  readonly ErrorCode: { readonly invalidValue: CustomFunctions.ErrorCode; readonly notAvailable: CustomFunctions.ErrorCode };
}

/** The fault for a workbook whose tables have problems: the first, and how many more. */
export function faultOfProblems(problems: readonly Problem[]): FunctionFault {
  const first = problems[0];
  if (!first) return new FunctionFault('na', t('nb', 'fnUnreadable'));
  const more = problems.length > 1 ? t('nb', 'fnMoreProblems', { count: problems.length - 1 }) : '';
  return new FunctionFault('na', `${first.message}${more}`);
}

/** Maps anything thrown by a function to the CustomFunctions.Error Excel shows. */
export function toFunctionError(error: unknown, runtime: FunctionsRuntime): CustomFunctions.Error {
  if (error instanceof FunctionFault) {
    const code = error.kind === 'value' ? runtime.ErrorCode.invalidValue : runtime.ErrorCode.notAvailable;
    return new runtime.Error(code, error.message);
  }
  if (error instanceof WorkbookError) return new runtime.Error(runtime.ErrorCode.notAvailable, error.message);
  logError('custom function', error);
  return new runtime.Error(runtime.ErrorCode.invalidValue, t('nb', 'fnUnexpected'));
}
