import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  formatMoney,
  YEARS,
  type Frame,
  type Instrument,
  type Lang,
  type Money,
  type ReallocationPreview,
  type ReallocationSide,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent, type ReallocationDetail } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * Omdisponering: year, from, to, amount and reason. While the user types, the remaining amount of
 * both frames before and after, and the year's total, are shown (the funds-availability check);
 * a move the engine refuses shows its reason before anything is submitted.
 *
 * @fires ia-preview-reallocation - the form changed; check the proposed move
 * @fires ia-reallocate - carry out the move with its reason
 */
@customElement('ia-reallocation-form')
export class IaReallocationForm extends LitElement {
  static override styles = governanceStyles;

  @property({ attribute: false }) instruments: readonly Instrument[] = [];
  /** The frames of the version in use. */
  @property({ attribute: false }) frames: readonly Frame[] = [];
  /** The engine's check of the move as it stands in the form. */
  @property({ attribute: false }) preview: ReallocationPreview | null = null;
  /** The year to start with. */
  @property({ type: Number }) year = 2025;
  @property({ type: Boolean }) busy = false;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  @state() private _move: ReallocationDetail | null = null;

  override render() {
    const lang = this.uiLang;
    const move = this._current();
    const framed = this.instruments.filter((i) =>
      this.frames.some((f) => f.instrument === i.id && f.from === move.year && f.to === move.year && f.amount !== null),
    );
    const name = (id: string) => {
      const i = this.instruments.find((x) => x.id === id);
      return i ? (lang === 'nb' ? i.name : i.nameEn) : id;
    };
    const options = (chosen: string) =>
      framed.map((i) => html`<option value=${i.id} ?selected=${i.id === chosen}>${name(i.id)}</option>`);
    return html`<h3>${t(lang, 'reallocationCaption')}</h3>
      <p class="small">${t(lang, 'reallocationHelp')}</p>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput}>
        <div class="row">
          <div class="field">
            <label for="r-year">${t(lang, 'year')}</label>
            <select id="r-year" name="year">
              ${YEARS.map((y) => html`<option value=${y} ?selected=${y === move.year}>${y}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="r-amount">${t(lang, 'amountKr')}</label>
            <input
              id="r-amount"
              name="amount"
              type="text"
              inputmode="decimal"
              required
              autocomplete="off"
              .value=${move.amount}
            />
          </div>
        </div>
        <div class="field">
          <label for="r-from">${t(lang, 'fromInstrument')}</label>
          <select id="r-from" name="from">
            ${options(move.from)}
          </select>
        </div>
        <div class="field">
          <label for="r-to">${t(lang, 'toInstrument')}</label>
          <select id="r-to" name="to">
            ${options(move.to)}
          </select>
        </div>
        <div class="field">
          <label for="r-why">${t(lang, 'reason')}</label>
          <input id="r-why" name="why" type="text" required autocomplete="off" />
        </div>
        <div role="status" aria-live="polite" data-testid="reallocation-preview">${this._preview(name)}</div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(lang, 'reallocate')}</button>
      </form>`;
  }

  private _preview(name: (id: string) => string) {
    const p = this.preview;
    const move = this._move;
    if (!p || !move) return nothing;
    const lang = this.uiLang;
    const money = (m: Money | null) => (m === null ? t(lang, 'notSet') : formatMoney(m, { lang }));
    const side = (s: ReallocationSide | null, id: string) =>
      s
        ? html`<dt>${name(id)}: ${t(lang, 'remainingBefore')}</dt>
            <dd data-testid="remaining-before">${money(s.remainingBefore)}</dd>
            <dt>${name(id)}: ${t(lang, 'remainingAfter')}</dt>
            <dd>${money(s.remainingAfter)}</dd>`
        : nothing;
    return html`<div class="box ${p.refusal ? 'refused' : 'allowed'}">
      <dl>
        ${side(p.source, move.from)} ${side(p.target, move.to)}
        <dt>${t(lang, 'yearTotal', { year: move.year })}</dt>
        <dd data-testid="year-total">${money(p.yearTotalAfter)}</dd>
      </dl>
      ${p.refusal ? html`<p data-testid="refusal"><span aria-hidden="true">⚠</span> ${p.message}</p>` : nothing}
    </div>`;
  }

  /** The move as the form shows it (defaults: the given year, the first two framed instruments). */
  private _current(): ReallocationDetail {
    if (this._move) return this._move;
    const framed = this.instruments.filter((i) =>
      this.frames.some((f) => f.instrument === i.id && f.from === this.year && f.to === this.year && f.amount !== null),
    );
    return { year: this.year, from: framed[0]?.id ?? '', to: framed[1]?.id ?? '', amount: '' };
  }

  private _read(form: HTMLFormElement): ReallocationDetail & { why: string } {
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '');
    return {
      year: Number(text('year')),
      from: text('from'),
      to: text('to'),
      amount: text('amount').trim(),
      why: text('why').trim(),
    };
  }

  private _onInput(event: Event): void {
    const read = this._read(event.currentTarget as HTMLFormElement);
    const move: ReallocationDetail = { year: read.year, from: read.from, to: read.to, amount: read.amount };
    this._move = move;
    if (move.amount !== '') this.dispatchEvent(iaEvent('ia-preview-reallocation', move));
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const detail = this._read(event.currentTarget as HTMLFormElement);
    if (detail.amount === '' || detail.why === '') return;
    this._move = { year: detail.year, from: detail.from, to: detail.to, amount: detail.amount };
    this.dispatchEvent(iaEvent('ia-reallocate', detail));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-reallocation-form': IaReallocationForm;
  }
}
