/**
 * The one door to `@microsoft/office-js-helpers`: its `Utilities.log` prints an office.js error
 * with its debug info (collapsed groups in the browser console). Nothing else in the add-in imports
 * the library, so replacing it touches this file only.
 */
import * as helpers from '@microsoft/office-js-helpers';

/** Where error details go; tests replace it to keep their output quiet and to assert on it. */
export type ErrorLogger = (where: string, error: unknown) => void;

type HelpersModule = typeof helpers;

// The library is a UMD bundle: webpack exposes its exports directly, Node's ESM loader under
// `default`. The cast only names that second shape; both carry the same `Utilities` class.
const library: HelpersModule = (helpers as HelpersModule & { default?: HelpersModule }).default ?? helpers;

function logWithHelpers(where: string, error: unknown): void {
  // Utilities.log reads `window`; outside a browser (tests, the CLI) print plainly instead.
  if (typeof window === 'undefined') {
    console.error(`IA Planner (${where}):`, error);
    return;
  }
  try {
    library.Utilities.log(error instanceof Error ? error : String(error), where);
  } catch {
    console.error(`IA Planner (${where}):`, error);
  }
}

let logger: ErrorLogger = logWithHelpers;

/** Logs an error's details (debug info, stack) for developers; users see our own message. */
export function logError(where: string, error: unknown): void {
  logger(where, error);
}

/** Replaces the logger (tests); returns the previous one. */
export function setErrorLogger(next: ErrorLogger): ErrorLogger {
  const previous = logger;
  logger = next;
  return previous;
}

/** Whether the code runs inside Office (true) or in a plain browser or Node (false). */
function isInsideOffice(): boolean {
  return typeof Excel !== 'undefined' && typeof Office !== 'undefined' && Boolean(Office.context?.requirements);
}

/** Whether the host supports a requirement set, e.g. `isSetSupported('ExcelApi', '1.20')`. */
export function isSetSupported(name: string, version: string): boolean {
  try {
    return isInsideOffice() && Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}
