import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import type { OverviewModel } from '../overview-model.js';
import { base } from '../styles.js';
import './ia-frame-table.js';

/**
 * Oversikt: on first run a short welcome that says what the product is for and what to do next,
 * then the frames grid with spent and remaining once a ledger is in.
 *
 * @fires ia-navigate - the welcome's next step
 * @fires ia-dismiss-welcome - the user closed the welcome
 */
@customElement('ia-overview-view')
export class IaOverviewView extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .welcome {
        background: #ebf3fc;
        border: 1px solid #b4d6fa;
        border-radius: var(--ia-radius);
        padding: var(--ia-s3);
        margin-bottom: var(--ia-s4);
      }
      .welcome h2 {
        font-size: 16px;
        line-height: 22px;
      }
      .welcome p {
        margin-bottom: var(--ia-s2);
      }
      .summary {
        color: var(--ia-fg-2);
      }
    `,
  ];

  @property({ attribute: false }) model: OverviewModel | null = null;
  @property({ type: Boolean }) welcome = false;
  /** Imported ledger lines (0 = none). */
  @property({ type: Number }) imported = 0;
  /** The as-of date of the reconciliation shown. */
  @property() asOf = '';

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`${
        this.welcome
          ? html`<section class="welcome" aria-labelledby="welcome-title">
              <h2 id="welcome-title">${t(lang, 'welcomeTitle')}</h2>
              <p>${t(lang, 'welcomeBody')}</p>
              <div class="actions">
                <button class="primary" @click=${() => this.dispatchEvent(iaEvent('ia-navigate', { view: 'import' }))}>
                  ${t(lang, 'welcomeNext')}
                </button>
                <button @click=${() => this.dispatchEvent(iaEvent('ia-navigate', { view: 'workbook' }))}>
                  ${t(lang, 'welcomeWorkbook')}
                </button>
                <button @click=${() => this.dispatchEvent(iaEvent('ia-dismiss-welcome', {}))}>${t(lang, 'dismiss')}</button>
              </div>
            </section>`
          : nothing
      }
      <h2>${t(lang, 'framesCaption')}</h2>
      <p class="summary" role="status" data-testid="ledger-summary">
        ${this.imported > 0 ? t(lang, 'ledgerSummary', { imported: this.imported, asOf: this.asOf }) : t(lang, 'noLedger')}
      </p>
      <ia-frame-table .model=${this.model}></ia-frame-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-overview-view': IaOverviewView;
  }
}
