/**
 * The add-in's small helpers around office.js: error details for developers (`logError`) and
 * requirement-set checks (`isSetSupported`).
 *
 * The error log used to come from `@microsoft/office-js-helpers` (`Utilities.log`). That package is
 * one prebuilt UMD bundle (dist/office.helpers.js, no ES modules, no file per helper), so webpack
 * cannot leave out what we do not call: every page shipped its OAuth code (the Authenticator and
 * the Google, Facebook, Dropbox and Microsoft sign-in endpoints, 14 KB gzipped). The few lines we
 * used are below, and the dependency is gone.
 */

/** Where error details go; tests replace it to keep their output quiet and to assert on it. */
export type ErrorLogger = (where: string, error: unknown) => void;

/** An office.js error (`OfficeExtension.Error`): its `debugInfo` says which call failed and where. */
function debugInfoOf(error: Error): unknown {
  return 'debugInfo' in error ? (error as { debugInfo: unknown }).debugInfo : undefined;
}

/**
 * Prints an error for developers, as `Utilities.log` did: a group headed by the error's name and
 * message with the office.js debug info, the stack and the error itself collapsed inside it; any
 * other value on one line.
 */
export function logToConsole(where: string, error: unknown): void {
  if (!(error instanceof Error) || typeof console.group !== 'function') {
    console.error(`IA Planner (${where}):`, error);
    return;
  }
  console.group(`IA Planner (${where}): ${error.name}: ${error.message}`);
  try {
    const debugInfo = debugInfoOf(error);
    if (debugInfo !== undefined) {
      console.groupCollapsed('Debug Info');
      console.error(debugInfo);
      console.groupEnd();
    }
    console.groupCollapsed('Stack Trace');
    console.error(error.stack);
    console.groupEnd();
    console.groupCollapsed('Error');
    console.error(error);
    console.groupEnd();
  } finally {
    console.groupEnd();
  }
}

let logger: ErrorLogger = logToConsole;

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
