import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { base } from '../styles.js';
import type { ViewData } from '../view-data.js';
// Tilsagn, Evaluering and Styring are loaded when first shown (the pane's first scripts stay under
// their 150 KB budget, test/addin/build.test.ts); each element upgrades when its module arrives.
import './ia-import-view.js';
import './ia-overview-view.js';
import './ia-reconcile-view.js';
import './ia-settings-view.js';
import './ia-workbook-view.js';

/**
 * Shows the view in front with its data. It holds no state and handles no event: the views'
 * events bubble through it to `<ia-app>`.
 *
 * @fires ia-navigate - (from the overview's welcome) bubbles up from the view
 */
@customElement('ia-view-switch')
export class IaViewSwitch extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The view in front and its data. */
  @property({ attribute: false }) data: ViewData | null = null;
  /** Whether an action is running (buttons that start one are disabled). */
  @property({ type: Boolean }) busy = false;

  override render() {
    const d = this.data;
    if (!d) return nothing;
    switch (d.view) {
      case 'overview':
        return html`<ia-overview-view
          .model=${d.model}
          .welcome=${d.welcome}
          .imported=${d.imported}
          .asOf=${d.asOf}
        ></ia-overview-view>`;
      case 'import':
        return html`<ia-import-view
          .progress=${d.progress}
          .reading=${d.reading}
          .report=${d.report}
          .reread=${d.reread}
          .appropriations=${d.appropriations}
        ></ia-import-view>`;
      case 'reconcile':
        return html`<ia-reconcile-view
          .plan=${d.plan}
          .reconciliation=${d.reconciliation}
          .posts=${d.posts}
          .origins=${d.origins}
          .hasLedger=${d.hasLedger}
          .asOf=${d.asOf}
        ></ia-reconcile-view>`;
      case 'commitments':
        void import(/* webpackChunkName: "commitments-view" */ './ia-commitments-view.js');
        return html`<ia-commitments-view
          .plan=${d.plan}
          .lines=${d.lines}
          .authorisations=${d.authorisations}
          .asOf=${d.asOf}
        ></ia-commitments-view>`;
      case 'workbook':
        return html`<ia-workbook-view .edited=${d.edited} .missing=${d.missing} .busy=${this.busy}></ia-workbook-view>`;
      case 'settings':
        return html`<ia-settings-view .settings=${d.settings}></ia-settings-view>`;
      case 'evaluation':
        void import(/* webpackChunkName: "evaluation-view" */ './ia-evaluation-view.js');
        return html`<ia-evaluation-view .data=${d} .busy=${this.busy}></ia-evaluation-view>`;
      case 'governance':
        void import(/* webpackChunkName: "governance-view" */ './ia-governance-view.js');
        return html`<ia-governance-view .data=${d} .busy=${this.busy}></ia-governance-view>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-view-switch': IaViewSwitch;
  }
}
