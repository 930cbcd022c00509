import { provide } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { changeContext, postKey, type InstrumentId, type IsoDate, type Lang } from '../../../engine/index.js';
import { appStyles } from '../app-styles.js';
import { langContext } from '../contexts.js';
import type { AppLink } from '../controllers/app-link.js';
import { EvaluationController } from '../controllers/evaluation-controller.js';
import { GovernanceController } from '../controllers/governance-controller.js';
import { ImportController } from '../controllers/import-controller.js';
import type { IaEvents } from '../events.js';
import type { Settings, TaskpaneHost } from '../host.js';
import { t } from '../../../engine/messages/ui.js';
import { runAction, type Notify } from '../run-action.js';
import { PlannerSession } from '../session.js';
import { viewData } from '../view-data.js';
import { VIEWS, type ViewId } from '../views.js';
import './ia-nav.js';
import './ia-notifier.js';
import type { IaNotifier } from './ia-notifier.js';
import './ia-view-switch.js';

/**
 * The task pane's root: the only element that talks to the engine (through its session and its
 * controllers for the evaluation and governance) and to the host's workbook port. Views get data
 * as properties and answer with events; every async action goes through `runAction`, so failures
 * land on the one `<ia-notifier>`.
 */
@customElement('ia-app')
export class IaApp extends LitElement implements AppLink {
  static override styles = appStyles;

  /** The host's services; set once before the element is connected. */
  @property({ attribute: false }) host!: TaskpaneHost;

  @provide({ context: langContext }) @state() uiLang: Lang = 'nb';
  @state() private _view: ViewId = 'overview';
  @state() private _settings: Settings = { lang: 'nb', userName: '' };
  @state() private _welcome = true;
  @state() private _busy = false;
  @state() private _edited: readonly string[] | null = null;
  @state() private _missing: readonly string[] | null = null;
  @state() private _revision = 0;
  @query('ia-notifier') private _notifier!: IaNotifier;
  session!: PlannerSession;
  private readonly _import = new ImportController(this);
  private readonly _evaluation = new EvaluationController(this);
  private readonly _governance = new GovernanceController(this);

  get notify(): Notify {
    return this._notifier;
  }
  get userName(): string {
    return this._settings.userName;
  }
  today = (): string => this.host.today();
  nowIso = (): string => this.host.now();
  changed = (): void => void this._revision++;
  run<T>(action: () => Promise<T>): Promise<T | undefined> {
    return runAction(this._notifier, this.uiLang, (busy) => (this._busy = busy), action);
  }

  override connectedCallback(): void {
    this.session ??= new PlannerSession(this.host);
    this._settings = this.host.settings.load();
    this.uiLang = this._settings.lang;
    super.connectedCallback();
    void this.updateComplete.then(() => this.reloadFromWorkbook(t(this.uiLang, 'theWorkbook')));
  }

  /** Re-reads the plan and ledger from the workbook (the preview calls this after opening a file). */
  async reloadFromWorkbook(file: string): Promise<void> {
    await this.run(async () => {
      const { loaded, problems } = await this.session.load(file, this.uiLang);
      for (const p of problems) this._notifier.error(p.message);
      if (loaded) this._missing = await this.session.missingTables(this.uiLang);
      this._revision++;
    });
  }

  /** Runs a host's own action (the preview's open and save) through the same error surface. */
  runHostAction(action: () => Promise<void>): Promise<void | undefined> {
    return this.run(action);
  }

  override render() {
    const lang = this.uiLang;
    const label = VIEWS.find((v) => v.id === this._view)!.label;
    const { progress, reading, report, reread, appropriations } = this._import;
    const data = viewData(this._view, {
      ...{ session: this.session, evaluation: this._evaluation, governance: this._governance, settings: this._settings },
      ...{
        welcome: this._welcome,
        edited: this._edited,
        missing: this._missing,
        progress,
        reading,
        report,
        reread,
        appropriations,
      },
    });
    return html`<header>
        <h1>${t(lang, 'appName')}</h1>
        <p>${t(lang, 'tagline')}</p>
      </header>
      <ia-nav .view=${this._view} @ia-navigate=${this._onNavigate}></ia-nav>
      ${this._blocked()}
      <ia-notifier aria-label=${t(lang, 'messages')}></ia-notifier>
      <main role="tabpanel" aria-label=${t(lang, label)} aria-busy=${this._busy ? 'true' : 'false'}>
        <ia-view-switch
          .data=${data}
          .busy=${this._busy}
          @ia-navigate=${this._onNavigate}
          @ia-dismiss-welcome=${() => (this._welcome = false)}
          @ia-run-reconcile=${this._onReconcile}
          @ia-set-shares=${this._onShares}
          @ia-add-rule=${this._onAddRule}
          @ia-show-row=${(e: IaEvents['ia-show-row']) => void this.run(() => this.host.showRow(e.detail))}
          @ia-build-workbook=${this._onBuild}
          @ia-cancel-build=${() => (this._edited = null)}
          @ia-save-settings=${this._onSaveSettings}
        ></ia-view-switch>
      </main>`;
  }

  /** While the workbook cannot be used, says so above every view, with what is wrong. */
  private _blocked() {
    const problems = this.session.problems;
    if (problems.length === 0) return nothing;
    return html`<div class="warn blocked" role="status" data-testid="workbook-blocked">
      <p><strong>${t(this.uiLang, 'workbookBlocked')}</strong></p>
      <ul>
        ${problems.slice(0, 5).map((p) => html`<li data-code=${p.code}>${p.message}</li>`)}
      </ul>
    </div>`;
  }

  private _onNavigate(event: IaEvents['ia-navigate']): void {
    this._view = event.detail.view;
    if (this._view !== 'overview') this._welcome = false;
    if (this._view === 'workbook') void this.run(async () => (this._missing = await this.session.missingTables(this.uiLang)));
  }

  private _onReconcile(event: IaEvents['ia-run-reconcile']): void {
    void this.run(async () => {
      const result = await this.session.reconcileAt(event.detail.asOf as IsoDate, this.uiLang, this.userName);
      this._notifier.success(t(this.uiLang, 'reconciled', { asOf: result.asOf }));
      this._revision++;
    });
  }

  private _onShares(event: IaEvents['ia-set-shares']): void {
    void this.run(async () => {
      const { chapter, post, year, shares } = event.detail;
      const typed = shares.map((s) => ({ instrument: s.instrument as InstrumentId, text: s.text }));
      const context = changeContext(this.userName, this.host.now(), '');
      const problems = await this.session.setShares({ chapter, post, year }, typed, context, this.uiLang);
      for (const p of problems) this._notifier.error(p.message);
      if (problems.length === 0) this._notifier.success(t(this.uiLang, 'sharesSaved', { post: postKey(chapter, post) }));
      this._revision++;
    });
  }

  private _onAddRule(event: IaEvents['ia-add-rule']): void {
    void this.run(async () => {
      const context = changeContext(this.userName, this.host.now(), event.detail.why);
      const { problems, words } = await this.session.addRule(event.detail.rule, context, this.uiLang);
      for (const p of problems) this._notifier.error(p.message);
      if (problems.length === 0) this._notifier.success(t(this.uiLang, 'ruleAdded', { rule: words }));
      this._revision++;
    });
  }

  private _onBuild(event: IaEvents['ia-build-workbook']): void {
    void this.run(async () => {
      if (!event.detail.force) {
        const edited = await this.session.editedTables(this.uiLang);
        if (edited.length > 0) return void (this._edited = edited);
      }
      this._edited = null;
      const { written, problems } = await this.session.writeWorkbook(this.uiLang, this.userName, event.detail.force);
      for (const p of problems) this._notifier.error(p.message);
      if (problems.length > 0) return;
      this._missing = await this.session.missingTables(this.uiLang);
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

declare global {
  interface HTMLElementTagNameMap {
    'ia-app': IaApp;
  }
}
