/**
 * The Evaluering view's work on the root: the year, an optional indicator file, the evaluation
 * (recomputed only when its inputs change), writing the Evaluering sheet and the council report as
 * a self-contained HTML file offered for download.
 */
import type { ReactiveController } from 'lit';
import {
  type Authorisation,
  evaluate,
  FIRST_YEAR,
  LAST_YEAR,
  readIndicatorBytes,
  renderEvaluationHtml,
  type Evaluation,
  type IndicatorReading,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Plan,
} from '../../../engine/index.js';
import { t } from '../../../engine/messages/ui.js';
import { listen, type AppLink } from './app-link.js';

/** The indicator file in use (or rejected) and its name. */
export interface IndicatorFileState {
  readonly file: string;
  readonly reading: IndicatorReading;
}

/** Evaluation state and actions. */
export class EvaluationController implements ReactiveController {
  /** The year evaluated; set from the host's today when the root connects. */
  year = 0;
  indicators: IndicatorFileState | null = null;
  reportUrl: string | null = null;
  private memo: { key: readonly unknown[]; value: Evaluation } | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly app: AppLink) {
    app.addController(this);
  }

  hostConnected(): void {
    const app = this.app;
    if (this.year === 0) this.year = Math.min(LAST_YEAR, Math.max(FIRST_YEAR, Number(app.today().slice(0, 4))));
    this.off.push(
      listen(app, 'ia-evaluate', (e) => this.setYear(e.detail.year)),
      listen(app, 'ia-indicator-file', (e) => void this.readFile(e.detail.file)),
      listen(app, 'ia-clear-indicators', () => this.update(() => (this.indicators = null))),
      listen(app, 'ia-write-evaluation', () => void this.write()),
      listen(app, 'ia-download-report', () => this.download()),
    );
  }

  hostDisconnected(): void {
    for (const off of this.off.splice(0)) off();
  }

  /** The evaluation of the chosen year over the session's plan and ledger (and an accepted indicator file). */
  evaluation(): Evaluation {
    const { plan, lines, asOf } = this.app.session;
    const authorisations = this.app.session.state.authorisations ?? [];
    const reading = this.indicators && this.indicators.reading.problems.length === 0 ? this.indicators.reading : null;
    const key = [this.year, plan, lines, asOf, reading, this.app.uiLang, authorisations];
    if (this.memo && this.memo.key.every((k, i) => k === key[i])) return this.memo.value;
    const value = evaluateYear(this.year, plan, lines, asOf, reading, this.app.uiLang, authorisations);
    this.memo = { key, value };
    return value;
  }

  private setYear(year: number): void {
    if (year < FIRST_YEAR || year > LAST_YEAR) return;
    this.update(() => (this.year = year));
  }

  private async readFile(file: File): Promise<void> {
    await this.app.run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const reading = readIndicatorBytes(file.name, bytes, this.app.uiLang);
      this.update(() => (this.indicators = { file: file.name, reading }));
    });
  }

  private async write(): Promise<void> {
    const app = this.app;
    await app.run(async () => {
      const { written, problems } = await app.session.writeEvaluation(this.evaluation(), app.uiLang, app.userName);
      for (const p of problems) app.notify.error(p.message);
      // The session read the workbook again: a refusal may come with a new state to show.
      if (problems.length > 0) return app.changed();
      app.notify.success(t(app.uiLang, 'evaluationWritten', { tables: written.join(', ') }));
      app.changed();
    });
  }

  /** Makes the report and offers it as a download; the link stays in the view for hosts that block the click. */
  private download(): void {
    const evaluation = this.evaluation();
    const html = renderEvaluationHtml(evaluation, { lang: this.app.uiLang });
    if (this.reportUrl) URL.revokeObjectURL(this.reportUrl);
    this.reportUrl = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = this.reportUrl;
    link.download = reportFileName(evaluation.year);
    link.click();
    this.app.notify.success(t(this.app.uiLang, 'reportReady', { year: evaluation.year }));
    this.app.requestUpdate();
  }

  private update(change: () => void): void {
    change();
    this.app.requestUpdate();
  }
}

/** The report's file name. */
function reportFileName(year: number): string {
  return `ia-evaluering-${year}.html`;
}

function evaluateYear(
  year: number,
  plan: Plan,
  lines: readonly LedgerLine[],
  asOf: IsoDate,
  reading: IndicatorReading | null,
  lang: Lang,
  authorisations: readonly Authorisation[],
): Evaluation {
  return evaluate({
    year,
    plan,
    lines,
    asOf,
    authorisations,
    values: reading?.values ?? [],
    goals: reading?.goals ?? new Map(),
    activities: reading?.activities ?? [],
    resources: reading?.resources ?? [],
    lang,
  });
}
