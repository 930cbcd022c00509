import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { YEARS, type Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * Closing a budget year once its evaluation is agreed, or reopening it, each with a reason. A
 * closed year refuses new ledger lines and frame changes.
 *
 * @fires ia-close-year - close the chosen year
 * @fires ia-reopen-year - reopen the chosen year
 */
@customElement('ia-year-closing')
export class IaYearClosing extends LitElement {
  static override styles = governanceStyles;

  /** The closed years, ascending. */
  @property({ attribute: false }) closedYears: readonly number[] = [];
  /** The year to start with. */
  @property({ type: Number }) year = 2024;
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    const closed = this.closedYears;
    return html`<h3>${t(lang, 'closingCaption')}</h3>
      <p class="small">${t(lang, 'closingHelp')}</p>
      <p role="status" data-testid="closed-years">
        ${closed.length === 0 ? t(lang, 'noClosedYears') : t(lang, 'closedYears', { years: closed.join(', ') })}
      </p>
      <form @submit=${this._onSubmit}>
        <div class="row">
          <div class="field">
            <label for="y-year">${t(lang, 'year')}</label>
            <select id="y-year" name="year">
              ${YEARS.map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="y-why">${t(lang, 'reason')}</label>
            <input id="y-why" name="why" type="text" required autocomplete="off" />
          </div>
        </div>
        <div class="actions">
          <button type="submit" value="close" ?disabled=${this.busy}>${t(lang, 'closeYear')}</button>
          <button type="submit" value="reopen" ?disabled=${this.busy}>${t(lang, 'reopenYear')}</button>
        </div>
      </form>`;
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const why = String(data.get('why') ?? '').trim();
    const year = Number(data.get('year'));
    if (why === '') return;
    const reopen = (event.submitter as HTMLButtonElement | null)?.value === 'reopen';
    this.dispatchEvent(iaEvent(reopen ? 'ia-reopen-year' : 'ia-close-year', { year, why }));
    (form.elements.namedItem('why') as HTMLInputElement).value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-year-closing': IaYearClosing;
  }
}
