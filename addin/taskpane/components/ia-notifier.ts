import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../../../engine/messages/ui.js';
import type { Notify } from '../run-action.js';
import { base } from '../styles.js';

interface Message {
  readonly id: number;
  readonly kind: 'error' | 'success';
  readonly text: string;
}

/**
 * The task pane's one message surface. Errors are announced at once (role=alert) and stay until
 * closed; confirmations are announced politely and replace each other.
 */
@customElement('ia-notifier')
export class IaNotifier extends LitElement implements Notify {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .msg {
        display: flex;
        align-items: flex-start;
        gap: var(--ia-s2);
        padding: var(--ia-s2) var(--ia-s3);
        margin-bottom: var(--ia-s2);
        border-radius: var(--ia-radius);
        border: 1px solid;
      }
      .error {
        background: var(--ia-danger-bg);
        border-color: #eeacb2;
        color: var(--ia-danger);
      }
      .success {
        background: var(--ia-success-bg);
        border-color: #9fd89f;
        color: var(--ia-success);
      }
      .text {
        flex: 1;
      }
      .icon {
        font-weight: 700;
      }
      button {
        min-height: 24px;
        padding: 0 6px;
        border: none;
        background: transparent;
        color: inherit;
      }
    `,
  ];

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  @state() private _errors: Message[] = [];
  @state() private _status: Message | null = null;
  private _next = 1;

  /** Shows an error until the user closes it. */
  error(text: string): void {
    this._errors = [...this._errors, { id: this._next++, kind: 'error', text }];
  }

  /** Shows a confirmation (replacing the previous one). */
  success(text: string): void {
    this._status = { id: this._next++, kind: 'success', text };
  }

  /** Removes every message. */
  clear(): void {
    this._errors = [];
    this._status = null;
  }

  override render() {
    const lang = this.uiLang;
    return html`<div role="alert" aria-atomic="false">
        ${this._errors.map(
          (m) =>
            html`<div class="msg error">
              <span class="icon" aria-hidden="true">✕</span><span class="text">${m.text}</span>
              <button aria-label=${t(lang, 'closeMessage')} @click=${() => this._onClose(m.id)}>✕</button>
            </div>`,
        )}
      </div>
      <div role="status" aria-live="polite">
        ${
          this._status
            ? html`<div class="msg success">
                <span class="icon" aria-hidden="true">✓</span><span class="text">${this._status.text}</span>
                <button aria-label=${t(lang, 'closeMessage')} @click=${() => (this._status = null)}>✕</button>
              </div>`
            : nothing
        }
      </div>`;
  }

  private _onClose(id: number): void {
    this._errors = this._errors.filter((m) => m.id !== id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-notifier': IaNotifier;
  }
}
