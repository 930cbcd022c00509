import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { t } from '../../../engine/messages/ui.js';
import { base, warnBox } from '../styles.js';
import type { GovernanceData } from '../view-data.js';
import './ia-carry-over-form.js';
import './ia-change-log.js';
import './ia-condition-form.js';
import './ia-reallocation-form.js';
import './ia-version-compare.js';
import './ia-version-list.js';
import './ia-year-closing.js';

/**
 * Styring: the coordinating group's governance in one view — plan versions and their comparison,
 * reallocation with the funds check, confirming a condition, each frame's carry-over rule, closing
 * and reopening years, and
 * the change log with its chain check. Every change needs the user's name from Innstillinger.
 *
 * @fires ia-navigate - go to Innstillinger to enter a name
 */
@customElement('ia-governance-view')
export class IaGovernanceView extends LitElement {
  static override styles = [
    base,
    warnBox,
    css`
      :host {
        display: block;
      }
      .warn {
        padding: var(--ia-s2) var(--ia-s3);
        margin-bottom: var(--ia-s4);
      }
      hr {
        border: none;
        border-top: 1px solid var(--ia-stroke-2);
        margin: 0 0 var(--ia-s4);
      }
    `,
  ];

  /** The governance state. */
  @property({ attribute: false }) data: GovernanceData | null = null;
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const lang = this.uiLang;
    const busy = this.busy;
    return html`<h2>${t(lang, 'viewGovernance')}</h2>
      <p>${t(lang, 'governanceIntro')}</p>
      ${
        d.hasName
          ? nothing
          : html`<div class="warn" data-testid="need-name">
              <p>${t(lang, 'needName')}</p>
              <button @click=${() => this.dispatchEvent(iaEvent('ia-navigate', { view: 'settings' }))}>
                ${t(lang, 'viewSettings')}
              </button>
            </div>`
      }
      <ia-version-list .versions=${d.versions} .activeId=${d.activeId} .busy=${busy}></ia-version-list>
      <ia-version-compare .versions=${d.versions} .instruments=${d.instruments} .comparison=${d.comparison}></ia-version-compare>
      <hr />
      <ia-reallocation-form
        .instruments=${d.instruments}
        .frames=${d.frames}
        .preview=${d.preview}
        .year=${d.year}
        .busy=${busy}
      ></ia-reallocation-form>
      <hr />
      <ia-condition-form .conditions=${d.conditions} .instruments=${d.instruments} .busy=${busy}></ia-condition-form>
      <hr />
      <ia-carry-over-form
        .instruments=${d.instruments}
        .frames=${d.frames}
        .preview=${d.carryOver}
        .closedYears=${d.closedYears}
        .year=${d.year}
        .busy=${busy}
      ></ia-carry-over-form>
      <hr />
      <ia-year-closing .closedYears=${d.closedYears} .year=${d.year} .busy=${busy}></ia-year-closing>
      <hr />
      <ia-change-log .entries=${d.entries} .chain=${d.chain}></ia-change-log>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-governance-view': IaGovernanceView;
  }
}
