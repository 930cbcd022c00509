import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';
import { VIEWS, type ViewId } from '../views.js';

/**
 * The view tabs (a WAI-ARIA tablist: one tab stop, arrow keys, Home and End). Wraps onto two lines
 * in a narrow pane rather than hiding tabs.
 *
 * @fires ia-navigate - the user chose a view
 */
@customElement('ia-nav')
export class IaNav extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        border-bottom: 1px solid var(--ia-stroke-2);
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--ia-s1);
        padding: 0 var(--ia-s3);
      }
      [role='tab'] {
        border: none;
        border-radius: var(--ia-radius) var(--ia-radius) 0 0;
        background: transparent;
        padding: var(--ia-s2) var(--ia-s2);
        font-weight: 400;
        color: var(--ia-fg-2);
        border-bottom: 3px solid transparent;
        min-height: 36px;
      }
      [role='tab'][aria-selected='true'] {
        font-weight: 600;
        color: var(--ia-fg);
        border-bottom-color: var(--ia-brand);
      }
      [role='tab']:focus-visible {
        outline-offset: -2px;
        box-shadow: none;
      }
    `,
  ];

  /** The current view. */
  @property() view: ViewId = 'overview';

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    return html`<div role="tablist" aria-label=${t(this.uiLang, 'navLabel')} @keydown=${this._onKey}>
      ${VIEWS.map(
        (v) =>
          html`<button
            role="tab"
            id="tab-${v.id}"
            aria-selected=${v.id === this.view ? 'true' : 'false'}
            tabindex=${v.id === this.view ? 0 : -1}
            data-view=${v.id}
            @click=${() => this._choose(v.id)}
          >
            ${t(this.uiLang, v.label)}
          </button>`,
      )}
    </div>`;
  }

  private _choose(view: ViewId): void {
    this.view = view;
    this.dispatchEvent(iaEvent('ia-navigate', { view }));
  }

  private _onKey(event: KeyboardEvent): void {
    const index = VIEWS.findIndex((v) => v.id === this.view);
    const last = VIEWS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % VIEWS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const view = VIEWS[next]!.id;
    this._choose(view);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-view="${view}"]`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-nav': IaNav;
  }
}
