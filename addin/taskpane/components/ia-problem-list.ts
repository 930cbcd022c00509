import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Problem, Warning } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../i18n.js';
import { base } from '../styles.js';

/** Every problem of a file, each with its line, column, value and what was expected; then the warnings. */
@customElement('ia-problem-list')
export class IaProblemList extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      .scroll { overflow-x: auto; max-height: 360px; overflow-y: auto; border: 1px solid var(--ia-stroke-2); border-radius: var(--ia-radius); }
      table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 18px; }
      caption { text-align: left; font-weight: 600; padding: var(--ia-s2); color: var(--ia-danger); }
      th, td { text-align: left; padding: var(--ia-s1) var(--ia-s2); border-bottom: 1px solid var(--ia-stroke-2); vertical-align: top; }
      th { background: var(--ia-bg-3); font-weight: 600; position: sticky; top: 0; }
      td.value { font-family: Consolas, 'Courier New', monospace; word-break: break-all; }
      td.msg { min-width: 180px; }
      ul { margin: var(--ia-s2) 0 0; padding-left: var(--ia-s5); color: var(--ia-warning); }
    `,
  ];

  @property({ attribute: false }) problems: readonly Problem[] = [];
  @property({ attribute: false }) warnings: readonly Warning[] = [];

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`${this.problems.length > 0
      ? html`<div class="scroll" tabindex="0" role="region" aria-label=${t(lang, 'problemsCaption')}>
          <table>
            <caption>${t(lang, 'problemsCaption')} (${this.problems.length})</caption>
            <thead>
              <tr>
                <th scope="col">${t(lang, 'line')}</th>
                <th scope="col">${t(lang, 'column')}</th>
                <th scope="col">${t(lang, 'value')}</th>
                <th scope="col">${t(lang, 'expected')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.problems.map(
                (p) => html`<tr class="problem" data-code=${p.code} data-line=${p.line ?? ''} data-column=${p.column ?? ''}>
                  <td class="num">${p.line ?? '–'}</td>
                  <td>${p.column ?? '–'}</td>
                  <td class="value">${p.value ?? '–'}</td>
                  <td class="msg">${p.expected}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : nothing}
    ${this.warnings.length > 0
      ? html`<h3>${t(lang, 'warnings')}</h3>
          <ul>
            ${this.warnings.map((w) => html`<li>${w.message}</li>`)}
          </ul>`
      : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-problem-list': IaProblemList;
  }
}
