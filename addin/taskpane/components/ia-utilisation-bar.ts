import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatPercent, type Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';

/**
 * A utilisation bar: spent as a share of the frame, as a meter with the percentage in words (so the
 * status never rests on colour alone). Over 100 % the bar turns red and is marked with "!".
 */
@customElement('ia-utilisation-bar')
export class IaUtilisationBar extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: var(--ia-s1);
        font-size: 12px;
        line-height: 16px;
      }
      .track {
        flex: 1;
        min-width: 40px;
        height: 6px;
        border-radius: 3px;
        background: var(--ia-stroke-2);
        overflow: hidden;
      }
      .fill {
        height: 100%;
        background: var(--ia-brand);
      }
      .over .fill {
        background: var(--ia-danger);
      }
      .num.over {
        color: var(--ia-danger);
        font-weight: 600;
      }
    `,
  ];

  /** spent / frame as a plain decimal string (`"0.9642"`), or null without a frame. */
  @property({ attribute: false }) ratio: string | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    if (this.ratio === null) return html``;
    const percent = Number(this.ratio) * 100;
    const over = percent > 100;
    const text = formatPercent(this.ratio, this.uiLang, 1);
    return html`<div
        class="track ${over ? 'over' : ''}"
        role="meter"
        aria-label=${t(this.uiLang, 'utilisation')}
        aria-valuemin="0"
        aria-valuemax=${Math.max(100, Math.ceil(percent))}
        aria-valuenow=${Math.round(percent * 10) / 10}
        aria-valuetext=${text}
      >
        <div class="fill" style="width:${Math.max(0, Math.min(100, percent))}%"></div>
      </div>
      <span class="num ${over ? 'over' : ''}">${over ? '! ' : ''}${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-utilisation-bar': IaUtilisationBar;
  }
}
