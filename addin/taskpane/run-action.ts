/**
 * The one way the task pane runs async work: mark busy, await the work inside `try`, report any
 * failure on the one error surface, and always clear the busy mark.
 */
import type { Lang } from '../../engine/index.js';
import { t, type TextKey } from '../../engine/messages/ui.js';

/** Where messages go (the `<ia-notifier>`). */
export interface Notify {
  error(text: string): void;
  success(text: string): void;
}

/** Office's error codes the pane words itself (never Office's localised text), by their catalogue key. */
const OFFICE_CODES: Readonly<Record<string, TextKey>> = {
  InvalidOperationInCellEditMode: 'officeCellEditMode',
  AccessDenied: 'officeAccessDenied',
  Conflict: 'officeConflict',
  RequestPayloadSizeLimitExceeded: 'officePayloadTooLarge',
  ItemAlreadyExists: 'officeItemExists',
};

/** Words for a failure: an Office error by its code (never its localised message), else a generic line. */
function describeError(error: unknown, lang: Lang): string {
  // The Excel adapter's faults carry a message from our own catalogue (never Office's text): show it.
  if (error instanceof Error && error.name === 'WorkbookError') return error.message;
  // A workbook the engine refused to open (the preview's Open): its problem names the file and why.
  if (error instanceof Error && error.name === 'WorkbookRefusedError') return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known = OFFICE_CODES[code];
    if (known) return t(lang, known);
    return `${t(lang, 'errorPrefix')} (${code}).`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${t(lang, 'errorPrefix')}: ${detail}`;
}

/** Runs one user action. Returns the action's value, or undefined when it failed (already reported). */
export async function runAction<T>(
  notify: Notify,
  lang: Lang,
  setBusy: (busy: boolean) => void,
  action: () => Promise<T>,
): Promise<T | undefined> {
  setBusy(true);
  try {
    return await action();
  } catch (error) {
    notify.error(describeError(error, lang));
    return undefined;
  } finally {
    setBusy(false);
  }
}
