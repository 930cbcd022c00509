/**
 * What each view is shown, as plain values: `<ia-app>` builds the data of the view in front (and
 * only that view's, so the evaluation is not computed behind another tab) and hands it to
 * `<ia-view-switch>`.
 */
import {
  closedYearsOfState,
  currentVersion,
  frameChartSvg,
  versionsOfState,
  indicatorChartSvg,
  verifyChain,
  type ChainCheck,
  type Evaluation,
  type FileReport,
  type Frame,
  type Instrument,
  type LogEntry,
  type Plan,
  type PostYearOrigin,
  type IsoDate,
  originsOfState,
  type LedgerLine,
  type Authorisation,
  type PostComparison,
  type ListedVersion,
  type Problem,
  type ReallocationPreview,
  type Reconciliation,
} from '../../engine/index.js';
import type { CarryOverPreview, Comparison, GovernanceController } from './controllers/governance-controller.js';
import type { EvaluationController, IndicatorFileState } from './controllers/evaluation-controller.js';
import type { AppropriationsResult } from './controllers/import-controller.js';
import type { Settings } from './host.js';
import { overviewModel, type OverviewModel } from './overview-model.js';
import type { PlannerSession } from './session.js';
import type { ViewId } from './views.js';

/** The governance view's data. */
export interface GovernanceData {
  readonly view: 'governance';
  readonly instruments: readonly Instrument[];
  /** Every version; one the workbook kept no frames of (`stored: false`) is listed but cannot be compared. */
  readonly versions: readonly ListedVersion[];
  readonly activeId: string;
  /** The frames of the version in use. */
  readonly frames: readonly Frame[];
  /** Frames of the version in use whose condition is not confirmed. */
  readonly conditions: readonly Frame[];
  readonly closedYears: readonly number[];
  readonly entries: readonly LogEntry[];
  readonly chain: ChainCheck;
  readonly preview: ReallocationPreview | null;
  readonly comparison: Comparison | null;
  /** The engine's answer to the carry-over rule in the form. */
  readonly carryOver: CarryOverPreview | null;
  readonly hasName: boolean;
  readonly year: number;
}

/** The evaluation view's data. */
export interface EvaluationData {
  readonly view: 'evaluation';
  readonly year: number;
  readonly evaluation: Evaluation;
  readonly indicators: IndicatorFileState | null;
  readonly reportUrl: string | null;
  /** The engine's SVG charts: each national indicator against its goal, then frame versus spending. */
  readonly charts: readonly string[];
}

/** One view's data. */
export type ViewData =
  | {
      readonly view: 'overview';
      readonly model: OverviewModel;
      readonly welcome: boolean;
      readonly imported: number;
      readonly asOf: string;
    }
  | {
      readonly view: 'import';
      readonly progress: number | null;
      readonly reading: string;
      readonly report: FileReport | null;
      readonly reread: { readonly lines: number; readonly problems: readonly Problem[] } | null;
      readonly appropriations: AppropriationsResult | null;
    }
  | {
      readonly view: 'reconcile';
      readonly plan: Plan;
      readonly reconciliation: Reconciliation | null;
      /** The §9 rows as of the pane's date, or null when no appropriation history was read. */
      readonly posts: readonly PostComparison[] | null;
      /** The appropriations by year of origin as of the pane's date (issue 12), for what lapses this year. */
      readonly origins: readonly PostYearOrigin[];
      readonly hasLedger: boolean;
      readonly asOf: string;
    }
  | {
      readonly view: 'commitments';
      readonly plan: Plan;
      readonly lines: readonly LedgerLine[];
      readonly authorisations: readonly Authorisation[];
      readonly asOf: string;
    }
  | {
      readonly view: 'workbook';
      readonly edited: readonly string[] | null;
      readonly missing: readonly string[] | null;
    }
  | { readonly view: 'settings'; readonly settings: Settings }
  | EvaluationData
  | GovernanceData;

/** Everything the views' data is made from. */
export interface ViewSources {
  readonly session: PlannerSession;
  readonly evaluation: EvaluationController;
  readonly governance: GovernanceController;
  readonly settings: Settings;
  readonly welcome: boolean;
  readonly progress: number | null;
  readonly reading: string;
  readonly report: FileReport | null;
  readonly reread: { readonly lines: number; readonly problems: readonly Problem[] } | null;
  readonly appropriations: AppropriationsResult | null;
  readonly edited: readonly string[] | null;
  readonly missing: readonly string[] | null;
}

/** The data of one view. */
export function viewData(view: ViewId, s: ViewSources): ViewData {
  const session = s.session;
  switch (view) {
    case 'overview':
      return {
        view,
        model: overviewModel(session.plan, session.reconciliation),
        welcome: s.welcome,
        imported: session.lines.length,
        asOf: session.asOf,
      };
    case 'import':
      return {
        view,
        progress: s.progress,
        reading: s.reading,
        report: s.report,
        reread: s.reread,
        appropriations: s.appropriations,
      };
    case 'reconcile':
      return {
        view,
        plan: session.plan,
        reconciliation: session.reconciliation,
        posts: session.posts,
        origins: originsOfState(session.state, session.asOf as IsoDate) ?? [],
        hasLedger: session.lines.length > 0,
        asOf: session.asOf,
      };
    case 'commitments':
      return {
        view,
        plan: session.plan,
        lines: session.lines,
        authorisations: session.state.authorisations ?? [],
        asOf: session.asOf,
      };
    case 'workbook':
      return { view, edited: s.edited, missing: s.missing };
    case 'settings':
      return { view, settings: s.settings };
    case 'evaluation': {
      const evaluation = s.evaluation.evaluation();
      const lang = evaluation.lang;
      const charted = evaluation.indicators.filter((a) => a.definition.national && a.history.length > 0);
      return {
        view,
        year: s.evaluation.year,
        evaluation,
        indicators: s.evaluation.indicators,
        reportUrl: s.evaluation.reportUrl,
        charts: [...charted.map((a) => indicatorChartSvg(a, lang)), frameChartSvg(evaluation.instruments, lang)],
      };
    }
    case 'governance': {
      const state = session.state;
      const frames = state.plan.frames;
      return {
        view,
        instruments: state.plan.instruments,
        versions: versionsOfState(state),
        activeId: currentVersion(state).id,
        frames,
        conditions: frames.filter((f) => f.condition !== '' && !f.conditionConfirmed),
        closedYears: closedYearsOfState(state),
        entries: state.log,
        chain: verifyChain(state.log, s.settings.lang),
        preview: s.governance.preview,
        comparison: s.governance.comparison,
        carryOver: s.governance.carryOver,
        hasName: s.settings.userName !== '',
        year: s.evaluation.year,
      };
    }
  }
}
