import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, Money, type FileReport, type Lang, type Problem } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import type { AppropriationsResult } from '../controllers/import-controller.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';
import './ia-problem-list.js';

/**
 * Importer forbruk: choose a ledger file, watch it being read, see what was imported or every error.
 * A rejected file changes nothing; the user may then keep only its valid lines.
 *
 * @fires ia-import-file - a file was chosen
 * @fires ia-keep-valid - import the valid lines of the rejected file
 * @fires ia-reread-forbruk - read the workbook's Forbruk table into the ledger again
 */
@customElement('ia-import-view')
export class IaImportView extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      input[type='file'] {
        max-width: 100%;
      }
      input[type='file']::file-selector-button {
        font: inherit;
        font-weight: 600;
        min-height: 32px;
        margin-right: var(--ia-s2);
        padding: 5px 12px;
        border-radius: var(--ia-radius);
        border: 1px solid var(--ia-brand);
        background: var(--ia-brand);
        color: #fff;
        cursor: pointer;
      }
      progress {
        width: 100%;
        height: 8px;
        accent-color: var(--ia-brand);
      }
      .result {
        padding: var(--ia-s2) var(--ia-s3);
        border-radius: var(--ia-radius);
        margin: var(--ia-s3) 0;
        border: 1px solid;
      }
      .ok {
        background: var(--ia-success-bg);
        border-color: #9fd89f;
        color: var(--ia-success);
      }
      .bad {
        background: var(--ia-danger-bg);
        border-color: #eeacb2;
        color: var(--ia-danger);
      }
    `,
  ];

  /** The fraction read of the file being read, or null when nothing is being read. */
  @property({ attribute: false }) progress: number | null = null;
  /** The name of the file being read. */
  @property() reading = '';
  /** The report of the last file read. */
  @property({ attribute: false }) report: FileReport | null = null;
  /** What the last appropriation history read gave (CONTRACTS §9). */
  @property({ attribute: false }) appropriations: AppropriationsResult | null = null;
  /** The result of the last re-read of the Forbruk table. */
  @property({ attribute: false }) reread: { readonly lines: number; readonly problems: readonly Problem[] } | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    const report = this.report;
    const busy = this.progress !== null;
    return html`<h2>${t(lang, 'viewImport')}</h2>
      <p>${t(lang, 'importIntro')}</p>
      <p>${t(lang, 'importAppropriationsHelp')}</p>
      <div class="field">
        <label for="file">${t(lang, 'chooseFile')}</label>
        <input
          id="file"
          type="file"
          accept=".csv,.tsv,.txt,.xml,.xlsx,text/csv,text/plain,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ?disabled=${busy}
          @change=${this._onChange}
        />
      </div>
      ${
        busy
          ? html`<div role="status">
              <p>${t(lang, 'reading', { file: this.reading })}</p>
              <progress max="1" .value=${this.progress ?? 0} aria-label=${t(lang, 'reading', { file: this.reading })}></progress>
            </div>`
          : nothing
      }
      ${report && !busy ? this._report(report) : nothing}
      ${this.appropriations && !busy ? this._appropriations(this.appropriations) : nothing}
      <h3>${t(lang, 'rereadForbruk')}</h3>
      <p>${t(lang, 'rereadHelp')}</p>
      <div class="actions">
        <button ?disabled=${busy} @click=${() => this.dispatchEvent(iaEvent('ia-reread-forbruk', {}))}>
          ${t(lang, 'rereadForbruk')}
        </button>
      </div>
      ${
        this.reread
          ? html`<p class="result ${this.reread.problems.length > 0 ? 'bad' : 'ok'}" role="status" data-testid="reread-result">
                ${
                  this.reread.problems.length > 0
                    ? t(lang, 'rereadProblems', { lines: this.reread.lines, count: this.reread.problems.length })
                    : t(lang, 'rereadDone', { lines: this.reread.lines })
                }
              </p>
              <ia-problem-list .problems=${this.reread.problems}></ia-problem-list>`
          : nothing
      }`;
  }

  /** The appropriation history read: what the log recorded, or why it was refused and every problem. */
  private _appropriations(result: AppropriationsResult) {
    const lang = this.uiLang;
    const refused = result.problems.length > 0;
    return html`<div class="result ${refused ? 'bad' : 'ok'}" role="status" data-testid="appropriations-result">
        ${refused ? t(lang, 'appropriationsRejected', { file: result.file, count: result.problems.length }) : result.notice}
      </div>
      ${refused ? html`<ia-problem-list .problems=${result.problems}></ia-problem-list>` : nothing}`;
  }

  private _report(report: FileReport) {
    const lang = this.uiLang;
    const canKeep = report.rejected && report.problems.some((p) => p.line !== null && p.line > 1);
    return html`<div class="result ${report.rejected ? 'bad' : 'ok'}" role="status" data-testid="import-result">
        ${
          report.rejected
            ? t(lang, 'importRejected', { file: report.file, count: report.problems.length })
            : t(lang, 'importResult', { file: report.file, imported: report.imported, duplicates: report.duplicates })
        }
        ${
          // Kept only the valid lines: say how many were left out, never only what was imported.
          !report.rejected && report.problems.length > 0
            ? html`<div data-testid="skipped">
                ${t(lang, 'importSkipped', { count: new Set(report.problems.map((p) => p.line)).size })}
              </div>`
            : nothing
        }
        ${
          !report.rejected && report.outside.lines > 0
            ? html`<div data-testid="outside">
                ${t(lang, 'outsideLine', {
                  file: report.file,
                  count: report.outside.lines,
                  amount: formatMoney(Money.fromMilli(report.outside.amount), { lang }),
                })}
              </div>`
            : nothing
        }
      </div>
      ${
        canKeep
          ? html`<div class="actions">
              <button @click=${() => this.dispatchEvent(iaEvent('ia-keep-valid', {}))}>${t(lang, 'keepValid')}</button>
            </div>`
          : nothing
      }
      <ia-problem-list
        .problems=${report.problems}
        .warnings=${report.warnings}
        .caption=${report.rejected ? null : t(lang, 'skippedCaption')}
      ></ia-problem-list>`;
  }

  private _onChange(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.dispatchEvent(iaEvent('ia-import-file', { file, skipInvalid: false }));
    // Clearing lets the user choose the same file again after fixing it.
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-import-view': IaImportView;
  }
}
