/** The events views fire up to `<ia-app>`, with typed `detail`. */
import type { Lang, VersionKind, VersionStatus } from '../../engine/index.js';
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

/** A proposed reallocation as typed in the form (the amount as the user wrote it). */
export interface ReallocationDetail {
  readonly year: number;
  readonly from: string;
  readonly to: string;
  readonly amount: string;
}

/** A carry-over rule for an annual frame as typed in the form (the share as the user wrote it). */
export interface CarryOverDetail {
  readonly instrument: string;
  readonly year: number;
  readonly rule: 'none' | 'all' | 'share';
  readonly share: string;
  readonly overspend: boolean;
}

/** A decision about a year (close or reopen) with its reason. */
export interface YearDecisionDetail {
  readonly year: number;
  readonly why: string;
}

/** The shares of a split as typed in Avstemming (each instrument's share as the user wrote it). */
export interface SharesDetail {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  readonly shares: readonly { readonly instrument: string; readonly text: string }[];
}

/** A mapping rule as typed in Avstemming: a text per `Konteringsregler` column (the engine reads them). */
export interface RuleDetail {
  readonly rule: Readonly<Record<string, string>>;
  /** Why, for the log. */
  readonly why: string;
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
  'ia-set-shares': CustomEvent<SharesDetail>;
  'ia-add-rule': CustomEvent<RuleDetail>;
  'ia-save-settings': CustomEvent<Settings>;
  'ia-dismiss-welcome': CustomEvent<Record<string, never>>;
  'ia-reread-forbruk': CustomEvent<Record<string, never>>;
  'ia-evaluate': CustomEvent<{ readonly year: number }>;
  'ia-indicator-file': CustomEvent<{ readonly file: File }>;
  'ia-clear-indicators': CustomEvent<Record<string, never>>;
  'ia-write-evaluation': CustomEvent<Record<string, never>>;
  'ia-download-report': CustomEvent<Record<string, never>>;
  'ia-derive-version': CustomEvent<{ readonly baseId: string; readonly name: string; readonly kind: VersionKind }>;
  'ia-version-status': CustomEvent<{ readonly id: string; readonly to: VersionStatus }>;
  'ia-compare-versions': CustomEvent<{ readonly a: string; readonly b: string }>;
  'ia-preview-reallocation': CustomEvent<ReallocationDetail>;
  'ia-reallocate': CustomEvent<ReallocationDetail & { readonly why: string }>;
  'ia-confirm-condition': CustomEvent<{ readonly key: string; readonly why: string }>;
  'ia-preview-carry-over': CustomEvent<CarryOverDetail>;
  'ia-carry-over': CustomEvent<CarryOverDetail & { readonly why: string }>;
  'ia-close-year': CustomEvent<YearDecisionDetail>;
  'ia-reopen-year': CustomEvent<YearDecisionDetail>;
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
