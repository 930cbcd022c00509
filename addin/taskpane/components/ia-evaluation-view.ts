import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { YEARS, type Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import { evaluationStyles } from '../evaluation-styles.js';
import type { EvaluationData } from '../view-data.js';
import './ia-indicator-list.js';
import './ia-instrument-status-list.js';
import './ia-problem-list.js';

/**
 * Evaluering: the annual evaluation of a year for the council. Whether adjustment is required
 * (the agreement's trigger) comes first, with its reasons; then the indicators against their goal,
 * the instruments' status, the findings and the engine's charts; then writing the Evaluering sheet
 * and downloading the report.
 *
 * @fires ia-evaluate - the user chose another year
 * @fires ia-indicator-file - an indicator file was chosen
 * @fires ia-clear-indicators - go back to the built-in indicator values
 * @fires ia-write-evaluation - write the Evaluering sheet to the workbook
 * @fires ia-download-report - make the council report and offer it for download
 */
@customElement('ia-evaluation-view')
export class IaEvaluationView extends LitElement {
  static override styles = evaluationStyles;

  /** The evaluation and its inputs. */
  @property({ attribute: false }) data: EvaluationData | null = null;
  /** Whether an action is running. */
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const lang = this.uiLang;
    const e = d.evaluation;
    const fire = (name: 'ia-write-evaluation' | 'ia-download-report' | 'ia-clear-indicators') => () =>
      this.dispatchEvent(iaEvent(name, {}));
    return html`<h2>${t(lang, 'viewEvaluation')} ${e.year}</h2>
      <p>${t(lang, 'evaluationIntro')}</p>
      <div class="row">
        <div class="field">
          <label for="year">${t(lang, 'evalYear')}</label>
          <select id="year" @change=${this._onYear}>
            ${YEARS.map((y) => html`<option value=${y} ?selected=${y === d.year}>${y}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="indicators">${t(lang, 'indicatorFile')}</label>
          <input
            id="indicators"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby="ind-help"
            @change=${this._onFile}
          />
          <p class="help" id="ind-help">${t(lang, 'indicatorFileHelp')}</p>
        </div>
      </div>
      ${this._indicatorFile()}
      <section class="trigger ${e.adjustmentRequired ? '' : 'ok'}" role="status" data-testid="adjustment">
        <strong
          ><span aria-hidden="true">${e.adjustmentRequired ? '⚠' : '✓'}</span>
          ${t(lang, e.adjustmentRequired ? 'adjustmentYes' : 'adjustmentNo')}</strong
        >
        ${
          e.adjustmentReasons.length > 0
            ? html`<ul>
                ${e.adjustmentReasons.map((r) => html`<li>${r}</li>`)}
              </ul>`
            : nothing
        }
        <p>${t(lang, 'adjustmentTrigger')}</p>
      </section>
      <h3>${t(lang, 'indicatorsCaption')}</h3>
      <ia-indicator-list .indicators=${e.indicators}></ia-indicator-list>
      <h3>${t(lang, 'instrumentsCaption')}</h3>
      <ia-instrument-status-list .instruments=${e.instruments}></ia-instrument-status-list>
      <h3 id="findings">${t(lang, 'findingsCaption')}</h3>
      <ul class="findings" aria-labelledby="findings">
        ${e.findings.map((f) => html`<li>${f}</li>`)}
      </ul>
      <h3>${t(lang, 'chartsCaption')}</h3>
      ${d.charts.map((svg) => html`<figure tabindex="0">${unsafeHTML(svg)}</figure>`)}
      <div class="actions">
        <button class="primary" ?disabled=${this.busy} @click=${fire('ia-write-evaluation')}>
          ${t(lang, 'writeEvaluation')}
        </button>
        <button ?disabled=${this.busy} @click=${fire('ia-download-report')}>${t(lang, 'downloadReport')}</button>
      </div>
      ${
        d.reportUrl
          ? html`<p>
              <a href=${d.reportUrl} download="ia-evaluering-${e.year}.html" data-testid="report-link"
                >${t(lang, 'reportLink', { year: e.year })}</a
              >
            </p>`
          : nothing
      }`;
  }

  private _indicatorFile() {
    const lang = this.uiLang;
    const file = this.data?.indicators;
    if (!file) return nothing;
    const { problems, values } = file.reading;
    return html`<div class="note" role="status" data-testid="indicator-result">
        ${
          problems.length > 0
            ? t(lang, 'indicatorsRejected', { file: file.file, count: problems.length })
            : t(lang, 'indicatorsUsed', { file: file.file, count: values.length })
        }
        <div class="actions">
          <button @click=${() => this.dispatchEvent(iaEvent('ia-clear-indicators', {}))}>${t(lang, 'clearIndicators')}</button>
        </div>
      </div>
      <ia-problem-list .problems=${problems}></ia-problem-list>`;
  }

  private _onYear(event: Event): void {
    const year = Number((event.currentTarget as HTMLSelectElement).value);
    this.dispatchEvent(iaEvent('ia-evaluate', { year }));
  }

  private _onFile(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.dispatchEvent(iaEvent('ia-indicator-file', { file }));
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-evaluation-view': IaEvaluationView;
  }
}
