import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { FileReport, IsoDate, Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import type { IaEvents } from '../events.js';
import type { Settings, TaskpaneHost } from '../host.js';
import { t } from '../i18n.js';
import { overviewModel } from '../overview-model.js';
import { runAction } from '../run-action.js';
import { PlannerSession } from '../session.js';
import { base } from '../styles.js';
import type { ViewId } from '../views.js';
import './ia-import-view.js';
import './ia-nav.js';
import './ia-notifier.js';
import type { IaNotifier } from './ia-notifier.js';
import './ia-overview-view.js';
import './ia-reconcile-view.js';
import './ia-settings-view.js';
import './ia-workbook-view.js';

/**
 * The task pane's root: the only element that talks to the engine (through its session) and to
 * the host's workbook port. Views get data as properties and answer with events; every async
 * action goes through `runAction`, so failures land on the one `<ia-notifier>`.
 */
@customElement('ia-app')
export class IaApp extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-width: 300px;
        background: var(--ia-bg);
      }
      header {
        padding: var(--ia-s3) var(--ia-s5) var(--ia-s2);
      }
      header h1 {
        font-size: 20px;
        line-height: 28px;
        font-weight: 600;
        margin: 0;
      }
      header p {
        margin: 0;
        color: var(--ia-fg-3);
        font-size: 12px;
      }
      main {
        padding: var(--ia-s4) var(--ia-s5) var(--ia-s5);
      }
      ia-notifier {
        padding: 0 var(--ia-s5);
        margin-top: var(--ia-s2);
      }
      @media (max-width: 360px) {
        header,
        main,
        ia-notifier {
          padding-left: var(--ia-s3);
          padding-right: var(--ia-s3);
        }
      }
    `,
  ];

  /** The host's services; set once before the element is connected. */
  @property({ attribute: false }) host!: TaskpaneHost;

  @provide({ context: langContext }) @state() uiLang: Lang = 'nb';
  @state() private _view: ViewId = 'overview';
  @state() private _settings: Settings = { lang: 'nb', userName: '' };
  @state() private _welcome = true;
  @state() private _busy = false;
  @state() private _progress: number | null = null;
  @state() private _reading = '';
  @state() private _report: FileReport | null = null;
  @state() private _edited: readonly string[] | null = null;
  @state() private _missing: readonly string[] | null = null;
  @state() private _revision = 0;
  @query('ia-notifier') private _notifier!: IaNotifier;
  private _session!: PlannerSession;
  private _lastFile: File | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._session = new PlannerSession(this.host);
    this._settings = this.host.settings.load();
    this.uiLang = this._settings.lang;
    void this.updateComplete.then(() => this.reloadFromWorkbook('arbeidsboken'));
  }

  /** Re-reads the plan and ledger from the workbook (the preview calls this after opening a file). */
  async reloadFromWorkbook(file: string): Promise<void> {
    await this._run(async () => {
      const { loaded, problems } = await this._session.loadFromWorkbook(file, this.uiLang);
      for (const p of problems) this._notifier.error(p.message);
      if (loaded) this._missing = await this._session.missingTables(this.uiLang);
      this._revision++;
    });
  }

  /** Runs a host's own action (the preview's open and save) through the same error surface. */
  runHostAction(action: () => Promise<void>): Promise<void | undefined> {
    return this._run(action);
  }

  override render() {
    const s = this._session;
    const lang = this.uiLang;
    return html`<header>
        <h1>${t(lang, 'appName')}</h1>
        <p>${t(lang, 'tagline')}</p>
      </header>
      <ia-nav .view=${this._view} @ia-navigate=${this._onNavigate}></ia-nav>
      <ia-notifier aria-label=${t(lang, 'messages')}></ia-notifier>
      <main role="tabpanel" aria-label=${t(lang, VIEW_LABELS[this._view])} aria-busy=${this._busy ? 'true' : 'false'}>
        ${
          this._view === 'overview'
            ? html`<ia-overview-view
                .model=${overviewModel(s.plan, s.reconciliation)}
                .welcome=${this._welcome}
                .imported=${s.lines.length}
                .asOf=${s.asOf}
                @ia-navigate=${this._onNavigate}
                @ia-dismiss-welcome=${() => (this._welcome = false)}
              ></ia-overview-view>`
            : this._view === 'import'
              ? html`<ia-import-view
                  .progress=${this._progress}
                  .reading=${this._reading}
                  .report=${this._report}
                  @ia-import-file=${this._onImport}
                  @ia-keep-valid=${this._onKeepValid}
                ></ia-import-view>`
              : this._view === 'reconcile'
                ? html`<ia-reconcile-view
                    .plan=${s.plan}
                    .reconciliation=${s.reconciliation}
                    .hasLedger=${s.lines.length > 0}
                    .asOf=${s.asOf}
                    @ia-run-reconcile=${this._onReconcile}
                    @ia-show-row=${this._onShowRow}
                  ></ia-reconcile-view>`
                : this._view === 'workbook'
                  ? html`<ia-workbook-view
                      .edited=${this._edited}
                      .missing=${this._missing}
                      .busy=${this._busy}
                      @ia-build-workbook=${this._onBuild}
                      @ia-cancel-build=${() => (this._edited = null)}
                    ></ia-workbook-view>`
                  : html`<ia-settings-view
                      .settings=${this._settings}
                      @ia-save-settings=${this._onSaveSettings}
                    ></ia-settings-view>`
        }
      </main>`;
  }

  private _run<T>(action: () => Promise<T>): Promise<T | undefined> {
    return runAction(this._notifier, this.uiLang, (busy) => (this._busy = busy), action);
  }

  private _onNavigate(event: IaEvents['ia-navigate']): void {
    this._view = event.detail.view;
    if (this._view !== 'overview') this._welcome = false;
    if (this._view === 'workbook') void this._run(async () => (this._missing = await this._session.missingTables(this.uiLang)));
  }

  private async _import(file: File, skipInvalid: boolean): Promise<void> {
    this._lastFile = file;
    this._reading = file.name;
    this._progress = 0;
    this._report = null;
    await this._run(async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const user = this._settings.userName;
        this._report = await this._session.importFile(
          file.name,
          bytes,
          skipInvalid,
          this.uiLang,
          user,
          (f) => (this._progress = f),
        );
        if (!this._report.rejected)
          this._notifier.success(
            t(this.uiLang, 'importResult', {
              file: file.name,
              imported: this._report.imported,
              duplicates: this._report.duplicates,
            }),
          );
      } finally {
        this._progress = null;
        this._revision++;
      }
    });
  }

  private _onImport(event: IaEvents['ia-import-file']): void {
    void this._import(event.detail.file, event.detail.skipInvalid);
  }

  private _onKeepValid(): void {
    if (this._lastFile) void this._import(this._lastFile, true);
  }

  private _onReconcile(event: IaEvents['ia-run-reconcile']): void {
    void this._run(async () => {
      const result = await this._session.reconcileAt(event.detail.asOf as IsoDate, this.uiLang, this._settings.userName);
      this._notifier.success(t(this.uiLang, 'reconciled', { asOf: result.asOf }));
      this._revision++;
    });
  }

  private _onShowRow(event: IaEvents['ia-show-row']): void {
    void this._run(() => this.host.showRow(event.detail));
  }

  private _onBuild(event: IaEvents['ia-build-workbook']): void {
    void this._run(async () => {
      if (!event.detail.force) {
        const edited = await this._session.editedTables(this.uiLang);
        if (edited.length > 0) return void (this._edited = edited);
      }
      this._edited = null;
      const written = await this._session.writeWorkbook(this.uiLang, this._settings.userName, event.detail.force);
      this._missing = await this._session.missingTables(this.uiLang);
      this._notifier.success(t(this.uiLang, 'workbookDone', { tables: written.join(', ') }));
      this._revision++;
    });
  }

  private _onSaveSettings(event: IaEvents['ia-save-settings']): void {
    this._settings = event.detail;
    this.uiLang = event.detail.lang;
    this.host.settings.save(event.detail);
    document.documentElement.lang = event.detail.lang;
    this._notifier.success(t(this.uiLang, 'saved'));
  }
}

const VIEW_LABELS = {
  overview: 'viewOverview',
  import: 'viewImport',
  reconcile: 'viewReconcile',
  workbook: 'viewWorkbook',
  settings: 'viewSettings',
} as const satisfies Record<ViewId, Parameters<typeof t>[1]>;

declare global {
  interface HTMLElementTagNameMap {
    'ia-app': IaApp;
  }
}
