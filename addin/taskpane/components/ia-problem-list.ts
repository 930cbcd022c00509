import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Problem, Warning } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';

/** Every problem of a file, each with its line, column, value and what was expected; then the warnings. */
@customElement('ia-problem-list')
export class IaProblemList extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .scroll {
        max-height: 420px;
        overflow-y: auto;
        border: 1px solid var(--ia-stroke-2);
        border-radius: var(--ia-radius);
      }
      h3 {
        margin: 0;
        padding: var(--ia-s2) var(--ia-s3);
        color: var(--ia-danger);
        font-size: 14px;
        background: var(--ia-bg-3);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li.problem {
        padding: var(--ia-s2) var(--ia-s3);
        border-top: 1px solid var(--ia-stroke-2);
      }
      .where {
        font-weight: 600;
      }
      .value {
        font-family: Consolas, 'Courier New', monospace;
        background: var(--ia-bg-3);
        padding: 0 4px;
        border-radius: 2px;
        overflow-wrap: anywhere;
      }
      .expected {
        color: var(--ia-fg-2);
      }
      ul {
        margin: var(--ia-s2) 0 0;
        padding-left: var(--ia-s5);
        color: var(--ia-warning);
      }
    `,
  ];

  @property({ attribute: false }) problems: readonly Problem[] = [];
  @property({ attribute: false }) warnings: readonly Warning[] = [];
  /** The list's title when its problems are not errors of the file (lines left out with --skip-invalid). */
  @property() caption: string | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`${
      this.problems.length > 0
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="problems-title">
            <h3 id="problems-title">${this.caption ?? t(lang, 'problemsCaption')} (${this.problems.length})</h3>
            <ol>
              ${this.problems.map(
                (p) =>
                  html`<li class="problem" data-code=${p.code} data-line=${p.line ?? ''} data-column=${p.column ?? ''}>
                    <div class="where">
                      ${t(lang, 'line')}
                      ${p.line ?? '–'}${p.column ? html`, ${t(lang, 'column').toLowerCase()} ${p.column}` : nothing}
                    </div>
                    ${p.value !== null ? html`<div>${t(lang, 'value')}: <span class="value">${p.value}</span></div>` : nothing}
                    <div class="expected">${t(lang, 'expected')}: ${p.expected}</div>
                  </li>`,
              )}
            </ol>
          </div>`
        : nothing
    }
    ${
      this.warnings.length > 0
        ? html`<h3>${t(lang, 'warnings')}</h3>
            <ul>
              ${this.warnings.map((w) => html`<li>${w.message}</li>`)}
            </ul>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-problem-list': IaProblemList;
  }
}
