import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  commitmentRegister,
  dateText,
  dueLabel,
  FIRST_YEAR,
  formatMoney,
  instrumentWords,
  LAST_YEAR,
  postKey,
  yearOfDate,
  type Authorisation,
  type CommitmentFigures,
  type CommitmentRegister,
  type DueAmount,
  type IsoDate,
  type Lang,
  type LedgerLine,
  type Money,
  type Plan,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../../../engine/messages/ui.js';
import { base, cardList } from '../styles.js';

/**
 * Tilsagn (issue 12): the engine's commitments register for a chosen year: per instrument what was
 * open at the start, committed, disbursed, cancelled and open at the end with the open amount by
 * the year it falls due; each authorisation typed in `Tilsagnsfullmakter` with its use; and the
 * open commitments, oldest first, those open too long flagged for follow-up. The view only renders
 * what `commitmentRegister` gives.
 */
@customElement('ia-commitments-view')
export class IaCommitmentsView extends LitElement {
  static override styles = [
    base,
    cardList,
    css`
      :host {
        display: block;
      }
      li:not(.warn) {
        border-left-color: var(--ia-stroke);
      }
      dd {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) lines: readonly LedgerLine[] = [];
  @property({ attribute: false }) authorisations: readonly Authorisation[] = [];
  @property() asOf = '';
  @state() private _year: number | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  private _memo: { key: readonly unknown[]; register: CommitmentRegister } | null = null;

  /** The year shown: the one chosen, else the as-of date's (within 2019–2028). */
  private get year(): number {
    if (this._year !== null) return this._year;
    const y = this.asOf ? yearOfDate(this.asOf as IsoDate) : LAST_YEAR;
    return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, y));
  }

  private register(): CommitmentRegister {
    const key = [this.lines, this.year, this.asOf, this.authorisations];
    if (this._memo && this._memo.key.every((k, i) => k === key[i])) return this._memo.register;
    const register = commitmentRegister(this.lines, this.year, {
      ...(this.asOf ? { asOf: this.asOf as IsoDate } : {}),
      authorisations: this.authorisations,
    });
    this._memo = { key, register };
    return register;
  }

  override render() {
    const lang = this.uiLang;
    const r = this.register();
    const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
    return html`<h2>${t(lang, 'viewCommitments')}</h2>
      <p>${t(lang, 'commitmentsIntro')}</p>
      <div class="field">
        <label for="c-year">${t(lang, 'year')}</label>
        <select id="c-year" @change=${this._onYear}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === r.year}>${y}</option>`)}
        </select>
      </div>
      <p role="status">${t(lang, 'commitmentsTitle', { year: r.year, asOf: dateText(r.asOf, lang) })}</p>
      ${r.byInstrument.length === 0 ? html`<p class="muted">${t(lang, 'commitmentsNone')}</p>` : this._body(r, lang)}`;
  }

  private _body(r: CommitmentRegister, lang: Lang) {
    const kr = (m: Money) => formatMoney(m, { lang });
    const name = (id: string | null) => (id === null ? t(lang, 'notPlaced') : instrumentWords(id, lang, this.plan?.instruments));
    const post = (c: number | null, p: number | null) => (c === null || p === null ? t(lang, 'noPost') : postKey(c, p));
    return html`<h3 id="by-instrument">${t(lang, 'commitmentsByInstrument')}</h3>
      <ul aria-labelledby="by-instrument">
        ${r.byInstrument.map(
          (g) =>
            html`<li class="group ${g.overSettled ? 'warn' : ''}" data-instrument=${g.instrument ?? ''}>
              <div class="name">${name(g.instrument)}</div>
              ${g.overSettled ? html`<div class="flag">${t(lang, 'overSettledShort')}</div>` : nothing}
              ${this._figures(g, r.year, lang)}
            </li>`,
        )}
      </ul>
      ${
        r.authorisations.length === 0
          ? nothing
          : html`<h3 id="authorisations">${t(lang, 'authorisationsCaption', { year: r.year })}</h3>
              <ul aria-labelledby="authorisations">
                ${r.authorisations.map(
                  (a) =>
                    html`<li class="authorisation ${a.exceeded ? 'warn' : ''}" data-post=${postKey(a.chapter, a.post)}>
                      <div class="name">${postKey(a.chapter, a.post)}</div>
                      ${a.exceeded ? html`<div class="flag">${t(lang, 'authorisationExceeded')}</div>` : nothing}
                      <dl>
                        <dt>${t(lang, 'colAuthorisation')}</dt>
                        <dd>${kr(a.authorisation)}</dd>
                        <dt>${t(lang, 'colUsed')}</dt>
                        <dd>${kr(a.used)}</dd>
                        <dt>${t(lang, 'colUnknownDue')}</dt>
                        <dd>${kr(a.unknownDue)}</dd>
                        <dt>${t(lang, 'colLeft')}</dt>
                        <dd>${kr(a.left)}</dd>
                      </dl>
                    </li>`,
                )}
              </ul>`
      }
      <h3 id="open">${t(lang, 'openCommitmentsCaption', { months: r.followUpMonths })}</h3>
      ${
        r.open.length === 0
          ? html`<p class="muted">${t(lang, 'openCommitmentsNone')}</p>`
          : html`<ul aria-labelledby="open">
              ${r.open.map(
                (o) =>
                  html`<li class="open-commitment ${o.followUp ? 'warn' : ''}" data-voucher=${o.voucher}>
                    <div class="name">${o.voucher}, ${dateText(o.date, lang)}</div>
                    ${o.followUp ? html`<div class="flag">${t(lang, 'followUp')}</div>` : nothing}
                    <dl>
                      <dt>${t(lang, 'colInstrument')}</dt>
                      <dd>${name(o.instrument)}</dd>
                      <dt>${t(lang, 'colPost')}</dt>
                      <dd>${post(o.chapter, o.post)}</dd>
                      ${
                        o.recipient
                          ? html`<dt>${t(lang, 'colRecipient')}</dt>
                              <dd>${o.recipient}</dd>`
                          : nothing
                      }
                      ${
                        o.caseNumber
                          ? html`<dt>${t(lang, 'colCase')}</dt>
                              <dd>${o.caseNumber}</dd>`
                          : nothing
                      }
                      <dt>${t(lang, 'colAmount')}</dt>
                      <dd>${kr(o.amount)}</dd>
                      <dt>${t(lang, 'colSettled')}</dt>
                      <dd>${kr(o.settled)}</dd>
                      <dt>${t(lang, 'colOpen')}</dt>
                      <dd>${kr(o.open)}</dd>
                      <dt>${t(lang, 'colAge')}</dt>
                      <dd>${t(lang, 'ageMonths', { months: o.ageMonths })}</dd>
                      ${this._due(o.dueByYear, r.year, lang)}
                    </dl>
                  </li>`,
              )}
            </ul>`
      }`;
  }

  private _figures(f: CommitmentFigures, year: number, lang: Lang) {
    const kr = (m: Money) => formatMoney(m, { lang });
    return html`<dl>
      <dt>${t(lang, 'colOpenAtStart')}</dt>
      <dd>${kr(f.openAtStart)}</dd>
      <dt>${t(lang, 'colNewInYear')}</dt>
      <dd>${kr(f.newInYear)}</dd>
      <dt>${t(lang, 'colDisbursed')}</dt>
      <dd>${kr(f.disbursed)}</dd>
      <dt>${t(lang, 'colCancelled')}</dt>
      <dd>${kr(f.cancelled)}</dd>
      <dt>${t(lang, 'colOpenAtEnd')}</dt>
      <dd>${kr(f.openAtEnd)}</dd>
      ${this._due(f.dueByYear, year, lang)}
    </dl>`;
  }

  /** The open amount by due year: overdue (due in the year or before), each later year, unknown. */
  private _due(due: readonly DueAmount[], year: number, lang: Lang) {
    return due.map(
      (d) =>
        html`<dt>${dueLabel(d.year, year, lang)}</dt>
          <dd>${formatMoney(d.amount, { lang })}</dd>`,
    );
  }

  private _onYear(event: Event): void {
    this._year = Number((event.currentTarget as HTMLSelectElement).value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-commitments-view': IaCommitmentsView;
  }
}
