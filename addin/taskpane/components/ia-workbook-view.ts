import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import { base, warnBox } from '../styles.js';

/**
 * Planleggingsarbeidsbok: create or refresh the planning workbook. When tables the user edited
 * would be replaced, says which and asks first.
 *
 * @fires ia-build-workbook - create or refresh (force: replace edited tables too)
 * @fires ia-cancel-build - keep the edited tables
 */
@customElement('ia-workbook-view')
export class IaWorkbookView extends LitElement {
  static override styles = [
    base,
    warnBox,
    css`
      :host {
        display: block;
      }
      .warn {
        padding: var(--ia-s3);
      }
      ul.tables {
        margin: 0 0 var(--ia-s3);
        padding-left: var(--ia-s5);
      }
    `,
  ];

  /** Tables the user edited that a refresh would replace; null when there is nothing to ask. */
  @property({ attribute: false }) edited: readonly string[] | null = null;
  /** Tables of the layout the workbook lacks; null before the workbook has been looked at. */
  @property({ attribute: false }) missing: readonly string[] | null = null;
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`<h2>${t(lang, 'viewWorkbook')}</h2>
      <p>${t(lang, 'workbookIntro')}</p>
      ${
        this.missing === null
          ? nothing
          : html`<p class="muted" data-testid="workbook-status">
              ${this.missing.length === 0 ? t(lang, 'workbookAllThere') : t(lang, 'workbookMissing', { tables: this.missing.join(', ') })}
            </p>`
      }
      ${
        this.edited
          ? html`<div class="warn" role="alertdialog" aria-labelledby="edited-text" aria-modal="false">
              <p id="edited-text">${t(lang, 'workbookEdited', { tables: this.edited.join(', ') })}</p>
              <div class="actions">
                <button
                  class="primary"
                  id="replace"
                  @click=${() => this.dispatchEvent(iaEvent('ia-build-workbook', { force: true }))}
                >
                  ${t(lang, 'workbookReplace')}
                </button>
                <button @click=${() => this.dispatchEvent(iaEvent('ia-cancel-build', {}))}>${t(lang, 'cancel')}</button>
              </div>
            </div>`
          : html`<div class="actions">
              <button
                class="primary"
                ?disabled=${this.busy}
                @click=${() => this.dispatchEvent(iaEvent('ia-build-workbook', { force: false }))}
              >
                ${this.busy ? t(lang, 'working') : t(lang, 'workbookCreate')}
              </button>
            </div>`
      }`;
  }

  override updated(changed: Map<string, unknown>): void {
    // Move focus to the question when it appears, so keyboard and screen-reader users meet it at once.
    if (changed.has('edited') && this.edited) this.renderRoot.querySelector<HTMLElement>('#replace')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-workbook-view': IaWorkbookView;
  }
}
