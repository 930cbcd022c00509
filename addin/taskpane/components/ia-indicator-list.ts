import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  BASELINE_YEAR,
  formatPercent,
  percentText,
  periodText,
  type IndicatorAssessment,
  type Lang,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t, type TextKey } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';

const DIRECTION: Record<NonNullable<IndicatorAssessment['direction']>, { key: TextKey; icon: string }> = {
  worse: { key: 'dirWorse', icon: '⚠' },
  better: { key: 'dirBetter', icon: '✓' },
  unchanged: { key: 'dirUnchanged', icon: '=' },
};

/** A change from the baseline with its sign: `+26,14 %`. */
function signedPercent(ratio: string, lang: Lang): string {
  const text = formatPercent(ratio, lang);
  return ratio.startsWith('-') || /^0(\.0+)?$/.test(ratio) ? text : `+${text}`;
}

/**
 * The indicators of the year against their goal, one card each: value and period, baseline,
 * goal, change from the baseline, direction in words (with a symbol, never colour alone), whether
 * it is on course, and a warning when value and baseline are of different measure types.
 */
@customElement('ia-indicator-list')
export class IaIndicatorList extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border: 1px solid var(--ia-stroke-2);
        border-radius: var(--ia-radius);
        padding: var(--ia-s2) var(--ia-s3);
        margin-bottom: var(--ia-s2);
      }
      h4 {
        margin: 0 0 var(--ia-s1);
        font-size: 14px;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--ia-s3);
        margin: 0;
      }
      dt {
        color: var(--ia-fg-2);
      }
      dd {
        margin: 0;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .worse {
        color: var(--ia-danger);
        font-weight: 600;
      }
      .better {
        color: var(--ia-success);
        font-weight: 600;
      }
      .warn {
        margin: var(--ia-s2) 0 0;
        color: var(--ia-warning);
        font-size: 12px;
        line-height: 16px;
      }
    `,
  ];

  /** The assessed indicators. */
  @property({ attribute: false }) indicators: readonly IndicatorAssessment[] = [];

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    return html`<ul>
      ${this.indicators.map((a) => this._card(a))}
    </ul>`;
  }

  private _card(a: IndicatorAssessment) {
    const lang = this.uiLang;
    const name = lang === 'nb' ? a.definition.name : a.definition.nameEn;
    const goal = a.goal ? percentText(a.goal, lang) : a.definition.goal.kind === 'direction' ? t(lang, 'goalLower') : '–';
    const direction = a.direction ? DIRECTION[a.direction] : null;
    const measure = (m: string) => (m === '' ? t(lang, 'measureUnknown') : m);
    return html`<li data-indicator=${a.definition.id}>
      <h4>${name}</h4>
      <dl>
        <dt>${t(lang, 'value')}</dt>
        <dd data-testid="value">
          ${a.value ? `${percentText(a.value.value, lang)} (${periodText(a.value)})` : t(lang, 'noValue')}
        </dd>
        <dt>${t(lang, 'baselineLabel', { year: BASELINE_YEAR })}</dt>
        <dd>${a.baseline ? percentText(a.baseline.value, lang) : '–'}</dd>
        <dt>${t(lang, 'goalLabel')}</dt>
        <dd data-testid="goal">${goal}</dd>
        <dt>${t(lang, 'changeLabel')}</dt>
        <dd data-testid="change">${a.changeFromBaseline === null ? '–' : signedPercent(a.changeFromBaseline, lang)}</dd>
        <dt>${t(lang, 'directionLabel')}</dt>
        <dd class=${a.direction ?? ''} data-testid="direction">
          ${direction ? html`<span aria-hidden="true">${direction.icon}</span> ${t(lang, direction.key)}` : '–'}
        </dd>
        <dt>${t(lang, 'onCourseLabel', { year: a.endYear })}</dt>
        <dd>${a.onCourse === null ? t(lang, 'cannotJudge') : t(lang, a.onCourse ? 'yes' : 'no')}</dd>
      </dl>
      ${
        a.mixedMeasures && a.value && a.baseline
          ? html`<p class="warn">
              ${t(lang, 'mixedMeasures', { value: measure(a.value.measure), baseline: measure(a.baseline.measure) })}
            </p>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-indicator-list': IaIndicatorList;
  }
}
