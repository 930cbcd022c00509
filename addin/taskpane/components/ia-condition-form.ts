import { consume } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { frameKey, type Frame, type Instrument, type Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * Confirming a frame's condition (the SKIL pool's state-aid condition) as a recorded decision:
 * the frame, and the reason, which is required; who decides is the user named in Innstillinger.
 *
 * @fires ia-confirm-condition - confirm the chosen frame's condition
 */
@customElement('ia-condition-form')
export class IaConditionForm extends LitElement {
  static override styles = governanceStyles;

  /** Frames of the version in use with a condition not yet confirmed. */
  @property({ attribute: false }) conditions: readonly Frame[] = [];
  @property({ attribute: false }) instruments: readonly Instrument[] = [];
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    const name = (f: Frame) => {
      const i = this.instruments.find((x) => x.id === f.instrument);
      const period = f.from === f.to ? `${f.from}` : `${f.from}–${f.to}`;
      return `${i ? (lang === 'nb' ? i.name : i.nameEn) : f.instrument}, ${period}`;
    };
    if (this.conditions.length === 0) {
      return html`<h3>${t(lang, 'conditionCaption')}</h3>
        <p class="muted" data-testid="no-conditions">${t(lang, 'noConditions')}</p>`;
    }
    return html`<h3>${t(lang, 'conditionCaption')}</h3>
      <p class="small">${t(lang, 'conditionHelp')}</p>
      <form @submit=${this._onSubmit}>
        <div class="field">
          <label for="c-frame">${t(lang, 'conditionFrame')}</label>
          <select id="c-frame" name="key" aria-describedby="c-text">
            ${this.conditions.map((f) => html`<option value=${frameKey(f)}>${name(f)}</option>`)}
          </select>
          <p class="small" id="c-text">${this.conditions[0]!.condition}</p>
        </div>
        <div class="field">
          <label for="c-why">${t(lang, 'reason')}</label>
          <input id="c-why" name="why" type="text" required autocomplete="off" />
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(lang, 'confirmCondition')}</button>
      </form>`;
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const why = String(data.get('why') ?? '').trim();
    if (why === '') return;
    this.dispatchEvent(iaEvent('ia-confirm-condition', { key: String(data.get('key') ?? ''), why }));
    form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-condition-form': IaConditionForm;
  }
}
