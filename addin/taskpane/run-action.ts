/**
 * The one way the task pane runs async work: mark busy, await the work inside `try`, report any
 * failure on the one error surface, and always clear the busy mark.
 */
import type { Lang } from '../../engine/index.js';
import { t } from '../../engine/messages/ui.js';

/** Where messages go (the `<ia-notifier>`). */
export interface Notify {
  error(text: string): void;
  success(text: string): void;
}

const OFFICE_CODES: Record<string, Record<Lang, string>> = {
  InvalidOperationInCellEditMode: {
    nb: 'Excel er i redigeringsmodus. Trykk Enter eller Esc i cellen, og prøv igjen.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc in the cell and try again.',
  },
  AccessDenied: { nb: 'Arbeidsboken er beskyttet mot endringer.', en: 'The workbook is protected against changes.' },
  Conflict: {
    nb: 'Noen andre endret arbeidsboken samtidig. Prøv igjen.',
    en: 'Someone else changed the workbook at the same time. Try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    nb: 'Dataene er for store for Excel på nettet i én operasjon.',
    en: 'The data is too large for Excel on the web in one operation.',
  },
  ItemAlreadyExists: {
    nb: 'En tabell eller et ark med samme navn finnes allerede.',
    en: 'A table or sheet with that name already exists.',
  },
};

/** Words for a failure: an Office error by its code (never its localised message), else a generic line. */
function describeError(error: unknown, lang: Lang): string {
  // The Excel adapter's faults carry a message from our own catalogue (never Office's text): show it.
  if (error instanceof Error && error.name === 'WorkbookError') return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known = OFFICE_CODES[code];
    if (known) return known[lang];
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
