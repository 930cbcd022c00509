import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  formatMoney,
  formatPercent,
  type InstrumentAssessment,
  type InstrumentStatus,
  type Lang,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t, type TextKey } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';

const STATUS: Record<InstrumentStatus, { key: TextKey; icon: string; css: string }> = {
  'i rute': { key: 'statusOnTrack', icon: '✓', css: 'ok' },
  risiko: { key: 'statusRisk', icon: '!', css: 'risk' },
  avvik: { key: 'statusDeviation', icon: '✕', css: 'dev' },
};

/**
 * The instruments of the evaluated year: frame, spent and utilisation, and the status (i rute /
 * risiko / avvik) as a symbol and a word, never colour alone.
 */
@customElement('ia-instrument-status-list')
export class IaInstrumentStatusList extends LitElement {
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
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--ia-s2);
        padding: var(--ia-s2) 0;
        border-bottom: 1px solid var(--ia-stroke-2);
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .figures {
        grid-column: 1 / -1;
        color: var(--ia-fg-2);
        font-size: 12px;
        line-height: 16px;
        font-variant-numeric: tabular-nums;
      }
      .status {
        white-space: nowrap;
        font-weight: 600;
        padding: 0 var(--ia-s1);
        border-radius: var(--ia-radius);
        border: 1px solid;
        align-self: start;
      }
      .ok {
        color: var(--ia-success);
        background: var(--ia-success-bg);
      }
      .risk {
        color: var(--ia-warning);
        background: var(--ia-warning-bg);
      }
      .dev {
        color: var(--ia-danger);
        background: var(--ia-danger-bg);
      }
    `,
  ];

  /** The instruments assessed for the year. */
  @property({ attribute: false }) instruments: readonly InstrumentAssessment[] = [];

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`<ul>
      ${this.instruments.map((i) => {
        const status = i.status ? STATUS[i.status] : null;
        const period = i.from === i.to ? `${i.from}` : `${i.from}–${i.to}`;
        return html`<li data-instrument=${i.instrument} data-status=${i.status ?? ''}>
          <span class="name">${i.name}, ${period}</span>
          ${
            status
              ? html`<span class="status ${status.css}"
                  ><span aria-hidden="true">${status.icon}</span> ${t(lang, status.key)}</span
                >`
              : nothing
          }
          <span class="figures">
            ${t(lang, 'frame')}: ${i.frame ? formatMoney(i.frame, { lang }) : t(lang, 'notSet')} · ${t(lang, 'spent')}:
            ${formatMoney(i.spent, { lang })} · ${t(lang, 'utilisation')}:
            ${formatPercent(i.utilisation, lang)}${status ? '' : ` · ${t(lang, 'statusNone')}`}
          </span>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-instrument-status-list': IaInstrumentStatusList;
  }
}
