import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { embeddedState, osloDate, osloStamp, planningTables, type IsoDate, type Lang } from '../../../engine/index.js';
import type { TableData } from '../../../engine/workbook/port/port.js';
import { localSettingsStore, type RowRef, type TaskpaneHost } from '../../taskpane/host.js';
import type { IaApp } from '../../taskpane/components/ia-app.js';
import '../../taskpane/components/ia-app.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../../taskpane/styles.js';
import { exampleState } from '../example.js';
import { ObservablePort } from '../observable-port.js';
import './ia-sheet-view.js';
import type { Highlight } from './ia-sheet-view.js';

/**
 * The browser preview: the task pane (the same `<ia-app>` as in Excel) beside the workbook's sheets,
 * over an in-memory workbook that starts with the embedded plan. Opens and saves .xlsx files.
 */
@customElement('ia-preview')
export class IaPreview extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(320px, 380px) 1fr;
        height: 100vh;
        background: var(--ia-bg-3);
      }
      .pane {
        overflow: auto;
        background: var(--ia-bg);
        border-right: 1px solid var(--ia-stroke);
      }
      .book {
        display: flex;
        flex-direction: column;
        min-width: 0;
        min-height: 0;
        overflow: hidden;
        padding: var(--ia-s3);
        gap: var(--ia-s2);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ia-s2);
      }
      .toolbar h1 {
        font-size: 16px;
        margin: 0 auto 0 0;
        color: var(--ia-excel);
      }
      .open {
        position: relative;
      }
      .open input {
        position: absolute;
        inset: 0;
        opacity: 0;
        width: 100%;
        cursor: pointer;
      }
      .open:focus-within {
        outline: 2px solid var(--ia-fg);
        border-radius: var(--ia-radius);
      }
      .open span {
        display: inline-block;
        min-height: 32px;
        padding: 5px 12px;
        border: 1px solid var(--ia-stroke);
        border-radius: var(--ia-radius);
        background: var(--ia-bg);
        font-weight: 600;
      }
      .example {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ia-s2);
        padding: var(--ia-s2) var(--ia-s3);
        border: 1px solid var(--ia-stroke);
        border-left: 4px solid var(--ia-excel);
        border-radius: var(--ia-radius);
        background: var(--ia-bg);
      }
      .example p {
        flex: 1 1 24em;
        margin: 0;
      }
      ia-sheet-view {
        flex: 1;
        min-height: 0;
        background: var(--ia-bg);
      }
      @media (max-width: 760px) {
        :host {
          grid-template-columns: 1fr;
          height: auto;
        }
        .pane {
          border-right: none;
        }
        .book {
          height: 80vh;
        }
      }
    `,
  ];

  @state() private _tables: readonly TableData[] = [];
  @state() private _highlight: Highlight | null = null;
  @state() private _lang: Lang = 'nb';
  /** Whether the workbook is still the example the preview opened on (said above the sheets). */
  @state() private _example = false;
  @query('ia-app') private _app!: IaApp;
  private readonly _port = new ObservablePort();
  private readonly _host: TaskpaneHost = {
    kind: 'preview',
    port: this._port,
    settings: localSettingsStore(globalThis.localStorage ?? null),
    showRow: async (ref: RowRef) => {
      this._highlight = { ...ref };
    },
    today: () => osloDate(new Date()),
    now: () => osloStamp(new Date()),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this._lang = this._host.settings.load().lang;
    this._port.addEventListener('change', () => (this._tables = this._tablesNow()));
    this._tables = this._tablesNow();
  }

  /**
   * Starts the in-memory workbook (before the task pane reads it): the embedded plan with the
   * shipped state accounts and appropriations, so the first screen shows the frames against what
   * the state spent; `?tom` (or `?empty`) in the address starts with the plan alone.
   */
  async start(): Promise<void> {
    const asOf = this._host.today() as IsoDate;
    const search = new URLSearchParams(globalThis.location?.search ?? '');
    const empty = search.has('tom') || search.has('empty');
    const example = empty ? null : exampleState(this._lang, this._host.now());
    this._example = example !== null && example.refused === null;
    await this._port.writeTables(planningTables(example?.state ?? embeddedState(), { asOf, lang: this._lang }));
  }

  /** Forgets the example: the embedded plan alone, read again by the task pane. */
  private async _onStartEmpty(): Promise<void> {
    await this._app.runHostAction(async () => {
      const asOf = this._host.today() as IsoDate;
      await this._port.replaceAll(planningTables(embeddedState(), { asOf, lang: this._lang }));
      this._example = false;
      await this._app.reloadFromWorkbook(t(this._lang, 'theWorkbook'));
      this._app.notify.success(t(this._lang, 'previewEmptied'));
    });
  }

  override render() {
    const lang = this._lang;
    return html`<section class="pane" aria-label=${t(lang, 'previewPane')}>
        <ia-app .host=${this._host}></ia-app>
      </section>
      <section class="book" aria-label=${t(lang, 'theWorkbook')}>
        <div class="toolbar">
          <h1>${t(lang, 'previewTitle')}</h1>
          <label class="open"
            ><span>${t(lang, 'previewOpen')}</span
            ><input type="file" accept=".xlsx" aria-label=${t(lang, 'previewOpenLabel')} @change=${this._onOpen}
          /></label>
          <button class="primary" @click=${this._onSave}>${t(lang, 'previewSave')}</button>
        </div>
        ${
          this._example
            ? html`<div class="example" role="note" data-testid="example-note">
                <p>${t(lang, 'previewExample')}</p>
                <button @click=${this._onStartEmpty}>${t(lang, 'previewStartEmpty')}</button>
              </div>`
            : nothing
        }
        <ia-sheet-view .tables=${this._tables} .highlight=${this._highlight} .uiLang=${this._lang}></ia-sheet-view>
      </section>`;
  }

  private _tablesNow(): TableData[] {
    const book = this._port.workbook;
    return book.tableNames().flatMap((name) => book.tableData(name) ?? []);
  }

  private async _onOpen(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // The task pane's own helper reports failures; the preview only moves bytes in and out.
    await this._app.runHostAction(async () => {
      const { openXlsx } = await import(/* webpackChunkName: "preview-xlsx" */ '../xlsx-browser.js');
      await this._port.replaceAll(await openXlsx(await file.arrayBuffer(), file.name, this._lang));
      this._example = false;
      await this._app.reloadFromWorkbook(file.name);
    });
  }

  private async _onSave(): Promise<void> {
    await this._app.runHostAction(async () => {
      const { saveXlsx } = await import(/* webpackChunkName: "preview-xlsx" */ '../xlsx-browser.js');
      const bytes = await saveXlsx(this._tablesNow());
      const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'ia-planlegging.xlsx';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-preview': IaPreview;
  }
}
