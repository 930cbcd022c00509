import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, PlanVersion, VersionKind, VersionStatus } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t, type TextKey } from '../../../engine/messages/ui.js';

const STATUS: Record<VersionStatus, TextKey> = { draft: 'statusDraft', submitted: 'statusSubmitted', approved: 'statusApproved' };
const KINDS: readonly [VersionKind, TextKey][] = [
  ['budget_round', 'kindBudgetRound'],
  ['appendix', 'kindAppendix'],
  ['prolongation', 'kindProlongation'],
  ['other', 'kindOther'],
];

/**
 * The plan versions with their status (draft → submitted → approved), the one in use marked, the
 * status buttons each version allows, and a form for a new version made from any version.
 *
 * @fires ia-version-status - move a version to another status
 * @fires ia-derive-version - make a new draft from a version
 */
@customElement('ia-version-list')
export class IaVersionList extends LitElement {
  static override styles = governanceStyles;

  @property({ attribute: false }) versions: readonly PlanVersion[] = [];
  /** The id of the version in use. */
  @property() activeId = '';
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`<h3 id="versions">${t(lang, 'versionsCaption')}</h3>
      <ul class="plain" aria-labelledby="versions">
        ${this.versions.map((v) => this._version(v))}
      </ul>
      <form @submit=${this._onCreate} aria-labelledby="new-version">
        <h4 id="new-version">${t(lang, 'newVersion')}</h4>
        <div class="row">
          <div class="field">
            <label for="base">${t(lang, 'newVersionFrom')}</label>
            <select id="base" name="base">
              ${this.versions.map((v) => html`<option value=${v.id} ?selected=${v.id === this.activeId}>${v.name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="kind">${t(lang, 'versionKind')}</label>
            <select id="kind" name="kind">
              ${KINDS.map(([kind, key]) => html`<option value=${kind}>${t(lang, key)}</option>`)}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="name">${t(lang, 'versionName')}</label>
          <input id="name" name="name" type="text" required autocomplete="off" />
        </div>
        <button type="submit" ?disabled=${this.busy}>${t(lang, 'createVersion')}</button>
      </form>`;
  }

  private _version(v: PlanVersion) {
    const lang = this.uiLang;
    const status = (to: VersionStatus, key: TextKey) =>
      html`<button ?disabled=${this.busy} @click=${() => this.dispatchEvent(iaEvent('ia-version-status', { id: v.id, to }))}>
        ${t(lang, key)}<span class="visually-hidden">: ${v.name}</span>
      </button>`;
    return html`<li data-version=${v.id} data-status=${v.status}>
      <strong>${v.name}</strong>
      ${v.id === this.activeId ? html`<span class="badge">${t(lang, 'inUse')}</span>` : nothing}
      <div class="small">
        ${v.id} · ${t(lang, STATUS[v.status])}${v.basedOn ? ` · ${t(lang, 'basedOn', { id: v.basedOn })}` : ''}
      </div>
      ${
        v.status === 'approved'
          ? nothing
          : html`<div class="actions">
              ${
                v.status === 'draft'
                  ? status('submitted', 'submitVersion')
                  : html`${status('approved', 'approveVersion')} ${status('draft', 'backToDraft')}`
              }
            </div>`
      }
    </li>`;
  }

  private _onCreate(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (name === '') return;
    const kind = KINDS.find(([k]) => k === data.get('kind'))?.[0] ?? 'other';
    this.dispatchEvent(iaEvent('ia-derive-version', { baseId: String(data.get('base') ?? ''), name, kind }));
    form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-version-list': IaVersionList;
  }
}
