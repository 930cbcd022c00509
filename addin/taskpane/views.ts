/**
 * The task pane's views, in tab order. The evaluation view (Evaluering, over engine/evaluation)
 * joins this list as 'evaluation' with its own `<ia-evaluation-view>` when the engine provides it.
 */
import type { TextKey } from './i18n.js';

/** A view's id. */
export type ViewId = 'overview' | 'workbook' | 'import' | 'reconcile' | 'settings';

/** The views with their tab labels. */
export const VIEWS: readonly { readonly id: ViewId; readonly label: TextKey }[] = [
  { id: 'overview', label: 'viewOverview' },
  { id: 'import', label: 'viewImport' },
  { id: 'reconcile', label: 'viewReconcile' },
  { id: 'workbook', label: 'viewWorkbook' },
  { id: 'settings', label: 'viewSettings' },
];
