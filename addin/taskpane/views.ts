/** The task pane's views, in tab order. */
import type { TextKey } from '../../engine/messages/ui.js';

/** A view's id. */
export type ViewId = 'overview' | 'workbook' | 'import' | 'reconcile' | 'commitments' | 'evaluation' | 'governance' | 'settings';

/** The views with their tab labels. */
export const VIEWS: readonly { readonly id: ViewId; readonly label: TextKey }[] = [
  { id: 'overview', label: 'viewOverview' },
  { id: 'import', label: 'viewImport' },
  { id: 'reconcile', label: 'viewReconcile' },
  { id: 'commitments', label: 'viewCommitments' },
  { id: 'evaluation', label: 'viewEvaluation' },
  { id: 'governance', label: 'viewGovernance' },
  { id: 'workbook', label: 'viewWorkbook' },
  { id: 'settings', label: 'viewSettings' },
];
