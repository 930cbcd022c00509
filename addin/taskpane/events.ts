/** The events views fire up to `<ia-app>`, with typed `detail`. */
import type { Lang } from '../../engine/index.js';
import type { RowRef, Settings } from './host.js';
import type { ViewId } from './views.js';

/** A ledger file chosen by the user. */
export interface ImportFileDetail {
  readonly file: File;
  readonly skipInvalid: boolean;
}

/** Create or refresh the workbook; `force` replaces tables the user edited. */
export interface BuildWorkbookDetail {
  readonly force: boolean;
}

/** Run the reconciliation as of a date (`YYYY-MM-DD`). */
export interface ReconcileDetail {
  readonly asOf: string;
}

/** Every event a view fires, by name. */
export interface IaEvents {
  'ia-navigate': CustomEvent<{ readonly view: ViewId }>;
  'ia-import-file': CustomEvent<ImportFileDetail>;
  'ia-keep-valid': CustomEvent<Record<string, never>>;
  'ia-build-workbook': CustomEvent<BuildWorkbookDetail>;
  'ia-cancel-build': CustomEvent<Record<string, never>>;
  'ia-run-reconcile': CustomEvent<ReconcileDetail>;
  'ia-show-row': CustomEvent<RowRef>;
  'ia-save-settings': CustomEvent<Settings>;
  'ia-dismiss-welcome': CustomEvent<Record<string, never>>;
}

/** Makes a bubbling, composed event for `<ia-app>` to hear. */
export function iaEvent<K extends keyof IaEvents>(name: K, detail: IaEvents[K]['detail']): IaEvents[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as IaEvents[K];
}

/** The language as a stable type for views. */
export type { Lang };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends IaEvents {}
}
