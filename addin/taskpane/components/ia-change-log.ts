import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  anchorText,
  entryDetails,
  entryHandling,
  formatStamp,
  logWords,
  type ChainCheck,
  type Lang,
  type LogEntry,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * The change log of governance decisions, newest first, with the result of checking its hash
 * chain: unbroken, or the first entry that no longer fits (in words and with a symbol).
 */
@customElement('ia-change-log')
export class IaChangeLog extends LitElement {
  static override styles = [
    governanceStyles,
    css`
      .chain {
        font-weight: 600;
      }
      .chain.ok {
        color: var(--ia-success);
      }
      .chain.broken {
        color: var(--ia-danger);
      }
      .scroll {
        max-height: 360px;
        overflow-y: auto;
      }
      .meta {
        color: var(--ia-fg-3);
      }
      .details,
      .head {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) entries: readonly LogEntry[] = [];
  /** The result of verifying the chain. */
  @property({ attribute: false }) chain: ChainCheck = { ok: true, entries: 0, head: null, signed: false };

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    const chain = this.chain;
    const status = chain.ok
      ? chain.entries === 0
        ? t(lang, 'logEmpty')
        : t(lang, 'logIntact', { count: chain.entries })
      : chain.message;
    return html`<h3 id="log">${t(lang, 'logCaption')}</h3>
      <p class="chain ${chain.ok ? 'ok' : 'broken'}" role="status" data-testid="chain">
        <span aria-hidden="true">${chain.ok ? '✓' : '⚠'}</span> ${status}
      </p>
      ${
        chain.ok && chain.head
          ? html`<p class="small head" data-testid="log-head">
              ${logWords(lang, 'paneLogHead', { anchor: anchorText(chain.head) })}
            </p>`
          : ''
      }
      <div class="scroll" tabindex="0" role="region" aria-labelledby="log">
        <ol class="plain" reversed>
          ${[...this.entries].reverse().map(
            (e) =>
              html`<li data-seq=${e.seq} data-action=${e.action}>
                <strong>${entryHandling(e, lang)}</strong>
                <div class="small meta">#${e.seq} · ${formatStamp(e.at, lang)} · ${e.who}</div>
                <div class="small details">${entryDetails(e, lang)}</div>
              </li>`,
          )}
        </ol>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-change-log': IaChangeLog;
  }
}
