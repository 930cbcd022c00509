import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney, YEARS, type Frame, type Instrument, type Lang } from '../../../engine/index.js';
import type { CarryOverPreview } from '../controllers/governance-controller.js';
import { langContext } from '../contexts.js';
import { iaEvent, type CarryOverDetail } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * Overføring: the carry-over rule of one annual frame — nothing, all that is left, or up to a share
 * of the frame, with or without overspending — and the reason. While the user chooses, the engine's
 * answer is shown: what the next year's frame receives as `Overført inn` given the spending so far,
 * or why the change is refused (a closed year, or one carried into).
 *
 * @fires ia-preview-carry-over - the form changed; check the rule
 * @fires ia-carry-over - set the rule with its reason
 */
@customElement('ia-carry-over-form')
export class IaCarryOverForm extends LitElement {
  static override styles = governanceStyles;

  @property({ attribute: false }) instruments: readonly Instrument[] = [];
  /** The frames of the version in use. */
  @property({ attribute: false }) frames: readonly Frame[] = [];
  /** The engine's answer to the rule as it stands in the form. */
  @property({ attribute: false }) preview: CarryOverPreview | null = null;
  /** The closed years (a change re-checks the rule in the form). */
  @property({ attribute: false }) closedYears: readonly number[] = [];
  /** The year to start with. */
  @property({ type: Number }) year = 2024;
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  @state() private _rule: CarryOverDetail | null = null;

  override updated(changed: PropertyValues<this>): void {
    // A year closed or reopened, or other frames, give another answer: ask again (only on a real change).
    const before = changed.get('closedYears') as readonly number[] | undefined;
    const closedChanged = before !== undefined && before.join() !== this.closedYears.join();
    if ((closedChanged || changed.has('frames')) && this._rule) {
      this.dispatchEvent(iaEvent('ia-preview-carry-over', this._rule));
    }
  }

  override render() {
    const lang = this.uiLang;
    const rule = this._current();
    const framed = this._framed(rule.year);
    const option = (value: string, label: string, chosen: string) =>
      html`<option value=${value} ?selected=${value === chosen}>${label}</option>`;
    return html`<h3>${t(lang, 'carryOverCaption')}</h3>
      <p class="small">${t(lang, 'carryOverHelp')}</p>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput}>
        <div class="row">
          <div class="field">
            <label for="o-year">${t(lang, 'year')}</label>
            <select id="o-year" name="year">
              ${YEARS.map((y) => option(String(y), String(y), String(rule.year)))}
            </select>
          </div>
          <div class="field">
            <label for="o-instrument">${t(lang, 'instrument')}</label>
            <select id="o-instrument" name="instrument">
              ${framed.map((i) => option(i.id, lang === 'nb' ? i.name : i.nameEn, rule.instrument))}
            </select>
          </div>
        </div>
        ${
          framed.length === 0
            ? html`<p class="small" data-testid="no-annual-frame">${t(lang, 'noAnnualFrame', { year: rule.year })}</p>`
            : nothing
        }
        <div class="field">
          <label for="o-rule">${t(lang, 'carryOverRule')}</label>
          <select id="o-rule" name="rule">
            ${option('none', t(lang, 'ruleNone'), rule.rule)} ${option('all', t(lang, 'ruleAll'), rule.rule)}
            ${option('share', t(lang, 'ruleShare'), rule.rule)}
          </select>
        </div>
        <div class="row">
          <div class="field">
            <label for="o-share">${t(lang, 'shareLabel')}</label>
            <input
              id="o-share"
              name="share"
              type="text"
              inputmode="decimal"
              autocomplete="off"
              .value=${rule.share}
              ?disabled=${rule.rule !== 'share'}
              ?required=${rule.rule === 'share'}
            />
          </div>
          <div class="field">
            <label for="o-overspend">${t(lang, 'overspendLabel')}</label>
            <select id="o-overspend" name="overspend" ?disabled=${rule.rule === 'none'}>
              ${option('nei', t(lang, 'no'), rule.overspend ? 'ja' : 'nei')}
              ${option('ja', t(lang, 'yes'), rule.overspend ? 'ja' : 'nei')}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="o-why">${t(lang, 'reason')}</label>
          <input id="o-why" name="why" type="text" required autocomplete="off" />
        </div>
        <div role="status" aria-live="polite" data-testid="carry-over-preview">${this._preview()}</div>
        <button class="primary" type="submit" ?disabled=${this.busy || framed.length === 0}>${t(lang, 'setCarryOver')}</button>
      </form>`;
  }

  private _preview() {
    const p = this.preview;
    if (!p || !this._rule) return nothing;
    const lang = this.uiLang;
    if (!p.ok) {
      return html`<div class="box refused">
        <p data-testid="refusal"><span aria-hidden="true">⚠</span> ${p.message}</p>
      </div>`;
    }
    if (p.carriedIn === null) {
      return html`<div class="box"><p data-testid="no-next-frame">${t(lang, 'noNextFrame', { year: p.intoYear })}</p></div>`;
    }
    return html`<div class="box allowed">
      <dl>
        <dt>${t(lang, 'carriedInto', { year: p.intoYear })}</dt>
        <dd data-testid="carried-in">${formatMoney(p.carriedIn, { lang })}</dd>
      </dl>
    </div>`;
  }

  /** Instruments with an annual frame (an amount for that year alone) in the version in use. */
  private _framed(year: number): Instrument[] {
    return this.instruments.filter((i) =>
      this.frames.some((f) => f.instrument === i.id && f.from === year && f.to === year && f.amount !== null),
    );
  }

  /** The rule as the form shows it (defaults: the given year, its first framed instrument, 5 %). */
  private _current(): CarryOverDetail {
    if (this._rule) return this._rule;
    const first = this._framed(this.year)[0]?.id ?? '';
    return { instrument: first, year: this.year, rule: 'share', share: '5 %', overspend: false };
  }

  private _read(form: HTMLFormElement): CarryOverDetail & { why: string } {
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '');
    const year = Number(text('year'));
    const framed = this._framed(year);
    const chosen = text('instrument');
    const rule = text('rule');
    return {
      year,
      // A year change keeps the instrument where that year frames it, else takes its first.
      instrument: framed.some((i) => i.id === chosen) ? chosen : (framed[0]?.id ?? ''),
      rule: rule === 'none' || rule === 'all' ? rule : 'share',
      share: data.has('share') ? text('share') : (this._rule?.share ?? '5 %'),
      overspend: text('overspend') === 'ja',
      why: text('why').trim(),
    };
  }

  private _onInput(event: Event): void {
    const { why: _why, ...rule } = this._read(event.currentTarget as HTMLFormElement);
    this._rule = rule;
    if (rule.instrument !== '') this.dispatchEvent(iaEvent('ia-preview-carry-over', rule));
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const detail = this._read(event.currentTarget as HTMLFormElement);
    if (detail.why === '' || detail.instrument === '') return;
    const { why: _why, ...rule } = detail;
    this._rule = rule;
    this.dispatchEvent(iaEvent('ia-carry-over', detail));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-carry-over-form': IaCarryOverForm;
  }
}
