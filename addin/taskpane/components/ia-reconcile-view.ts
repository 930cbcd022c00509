import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  flagsInWords,
  dateText,
  instrumentWords,
  RULE_COLUMNS,
  formatMoney,
  postKey,
  postYearText,
  rulesOf,
  lapseWarnings,
  yearOfDate,
  type IsoDate,
  type PostYearOrigin,
  type Lang,
  type Plan,
  type PostComparison,
  type Reconciliation,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import { kindWord, listWords, t, type TextKey } from '../../../engine/messages/ui.js';
import { flaggedRows } from '../overview-model.js';
import { base, cardList } from '../styles.js';

/**
 * Avstemming: choose the as-of date, run the reconciliation, and list the rows with flags. Each
 * row can be shown in the workbook (selected in Excel, highlighted in the preview).
 *
 * @fires ia-run-reconcile - run as of the chosen date
 * @fires ia-show-row - show a row of the Avstemming table
 * @fires ia-set-shares - the shares typed for a split whose money is not placed
 * @fires ia-add-rule - a mapping rule typed in the form (the engine reads it as a Konteringsregler row)
 */
@customElement('ia-reconcile-view')
export class IaReconcileView extends LitElement {
  static override styles = [
    base,
    cardList,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--ia-s2);
        margin-bottom: var(--ia-s3);
      }
      form .field {
        margin: 0;
      }
      form.shares {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--ia-s2);
        margin: var(--ia-s2) 0;
      }
      li.appropriation-row {
        border-left-color: var(--ia-brand);
      }
      form.shares p {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) reconciliation: Reconciliation | null = null;
  /** The §9 rows (appropriation, spent on the post, frames), or null when no appropriation history was read. */
  @property({ attribute: false }) posts: readonly PostComparison[] | null = null;
  @property({ attribute: false }) origins: readonly PostYearOrigin[] = [];
  /** Whether any ledger line is in. */
  @property({ type: Boolean }) hasLedger = false;
  /** The default as-of date (today). */
  @property() asOf = '';

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  @state() private _date = '';

  override render() {
    const lang = this.uiLang;
    const result = this.reconciliation;
    const flagged = result ? flaggedRows(result) : [];
    return html`<h2>${t(lang, 'viewReconcile')}</h2>
      <p>${t(lang, 'reconcileIntro')}</p>
      ${this.hasLedger ? nothing : html`<p class="muted">${t(lang, 'needLedger')}</p>`}
      <form @submit=${this._onSubmit}>
        <div class="field">
          <label for="asof">${t(lang, 'asOf')}</label>
          <input
            id="asof"
            type="date"
            required
            min="2019-01-01"
            max="2028-12-31"
            .value=${this._date || this.asOf}
            @input=${this._onDate}
          />
        </div>
        <button class="primary" type="submit">${t(lang, 'run')}</button>
      </form>
      ${
        result
          ? html`<h3 id="flagged">${t(lang, 'flaggedCaption')}</h3>
              <p role="status">
                ${
                  flagged.length === 0
                    ? t(lang, 'noFlags', { asOf: result.asOf })
                    : t(lang, 'flaggedCount', { count: flagged.length, asOf: result.asOf })
                }
              </p>
              <ul aria-labelledby="flagged">
                ${flagged.map((row) => {
                  const index = result.rows.indexOf(row) + 1;
                  const name = this._name(row.instrument, lang);
                  const period = row.from === row.to ? `${row.from}` : `${row.from}–${row.to}`;
                  return html`<li class="flagged-row" data-instrument=${row.instrument} data-year=${row.from}>
                    <div class="name">${name}, ${period}</div>
                    <div class="flag">${flagsInWords(row.flags, lang)}</div>
                    <dl>
                      <dt>${t(lang, 'frame')}</dt>
                      <dd class="num">${row.frame ? formatMoney(row.frame, { lang }) : t(lang, 'notSet')}</dd>
                      <dt>${t(lang, 'spent')}</dt>
                      <dd class="num">${formatMoney(row.spent, { lang })}</dd>
                      ${
                        row.remaining
                          ? html`<dt>${t(lang, 'remaining')}</dt>
                              <dd class="num">${formatMoney(row.remaining, { lang })}</dd>`
                          : nothing
                      }
                    </dl>
                    <button @click=${() => this.dispatchEvent(iaEvent('ia-show-row', { table: 'Avstemming', row: index }))}>
                      ${t(lang, 'showRow')}<span class="visually-hidden">: ${name} ${period}</span>
                    </button>
                  </li>`;
                })}
              </ul>
              ${this._unallocated(result, lang)}`
          : nothing
      }
      ${this._appropriations(lang)} ${this._ruleForm(lang)}`;
  }

  /** An instrument as the plan names it in the chosen language. */
  private _name(id: string, lang: Lang): string {
    return instrumentWords(id, lang, this.plan?.instruments);
  }

  /**
   * A mapping rule typed by the user (CONTRACTS §8): every field as text for the engine to read as a
   * `Konteringsregler` row; the pane parses nothing itself.
   */
  private _ruleForm(lang: Lang) {
    const instruments = this.plan?.instruments ?? [];
    const field = (column: (typeof RULE_COLUMNS)[number], key: TextKey, placeholder: string) =>
      html`<div class="field">
        <label
          >${t(lang, key)}<input
            name=${column}
            autocomplete="off"
            placeholder=${placeholder}
            inputmode=${column === 'Dimensjon' || column === 'Konto' || column === 'Andel' ? 'text' : 'numeric'}
        /></label>
      </div>`;
    return html`<h3 id="add-rule">${t(lang, 'addRuleCaption')}</h3>
      <p>${t(lang, 'addRuleHelp')}</p>
      <form class="rule" aria-labelledby="add-rule" @submit=${this._onAddRule}>
        ${field('Kapittel', 'ruleChapter', '601')} ${field('Post', 'rulePost', '70')} ${field('Konto', 'ruleAccount', '874*')}
        ${field('Dimensjon', 'ruleDimension', 'Prosjekt=IA-2025')} ${field('Virksomhet', 'ruleOrganisation', '974761211')}
        ${field('Fra år', 'ruleFromYear', '2025')} ${field('Til år', 'ruleToYear', '2028')}
        <div class="field">
          <label
            >${t(lang, 'ruleInstrument')}<select name="Virkemiddel" required>
              <option value=""></option>
              ${instruments.map((i) => html`<option value=${i.id}>${lang === 'nb' ? i.name : i.nameEn}</option>`)}
            </select></label
          >
        </div>
        ${field('Andel', 'ruleShareField', '60 %')}
        <div class="field">
          <label>${t(lang, 'ruleWhy')}<input name="why" autocomplete="off" /></label>
        </div>
        <button class="primary" type="submit">${t(lang, 'addRuleButton')}</button>
      </form>`;
  }

  private _onAddRule(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    const rule = Object.fromEntries(RULE_COLUMNS.map((c) => [c, value(c)]));
    this.dispatchEvent(iaEvent('ia-add-rule', { rule, why: value('why') }));
  }

  /**
   * Bevilgning (CONTRACTS §9): per post the rules name and each year, what was appropriated against
   * what was disbursed on the post, in the engine's words; a year without an appropriation says so.
   */
  private _appropriations(lang: Lang) {
    const posts = this.posts;
    const lapses = lapseWarnings(this.origins, yearOfDate(this.asOfShown()), lang);
    const heading = html`<h3 id="appropriations">${t(lang, 'appropriationsPaneCaption')}</h3>
      ${
        lapses.length === 0
          ? nothing
          : html`<div class="lapses" role="note" data-testid="lapses">
              <h4>${t(lang, 'lapseCaption')}</h4>
              <ul>
                ${lapses.map((w) => html`<li class="lapse">${w}</li>`)}
              </ul>
            </div>`
      }`;
    if (posts === null)
      return html`${heading}
        <p class="muted">${t(lang, 'appropriationsPaneNone')}</p>`;
    if (posts.length === 0)
      return html`${heading}
        <p class="muted">${t(lang, 'appropriationsPostNone')}</p>`;
    const nameOf = (id: string) => this._name(id, lang);
    const groups: { post: string; rows: { p: PostComparison; index: number }[] }[] = [];
    posts.forEach((p, index) => {
      const post = postKey(p.chapter, p.post);
      if (groups.at(-1)?.post !== post) groups.push({ post, rows: [] });
      groups.at(-1)!.rows.push({ p, index });
    });
    return html`${heading}
      <p>${t(lang, 'appropriationsPaneHelp', { asOf: dateText(this.asOfShown(), lang) })}</p>
      ${groups.map(({ post, rows }) => {
        const instruments = rows[0]!.p.instruments.map(nameOf).join(', ');
        return html`<h4>${t(lang, 'appropriationsPost', { post, instruments })}</h4>
          <ul class="appropriations" aria-label=${post}>
            ${rows.map(
              ({ p, index }) =>
                html`<li class="appropriation-row" data-post=${post} data-year=${p.year}>
                  <div>${postYearText(p, lang)}</div>
                  ${
                    p.remaining === null
                      ? nothing
                      : html`<div class="num">
                          ${t(lang, 'appropriationsRemaining', { amount: formatMoney(p.remaining, { lang }) })}
                        </div>`
                  }
                  <button @click=${() => this.dispatchEvent(iaEvent('ia-show-row', { table: 'Bevilgning', row: index + 1 }))}>
                    ${t(lang, 'showRow')}<span class="visually-hidden">: ${post} ${p.year}</span>
                  </button>
                </li>`,
            )}
          </ul>`;
      })}`;
  }

  /** The date the figures are counted to: the reconciliation's, else the pane's. */
  private asOfShown(): IsoDate {
    return this.reconciliation?.asOf ?? (this.asOf as IsoDate);
  }

  /** Money the rules could not place (CONTRACTS §8): shown with its post, never put on an instrument. */
  private _unallocated(result: Reconciliation, lang: Lang) {
    if (result.unallocated.length === 0) return nothing;
    const nameOf = (id: string) => this._name(id, lang);
    // The first rule on the post: where the user types the shares (1 = the table's first data row).
    const rules = this.plan ? rulesOf(this.plan) : [];
    const ruleRow = (chapter: number | null, post: number | null) =>
      Math.max(1, rules.findIndex((r) => r.chapter === chapter && r.post === post) + 1);
    return html`<h3 id="unallocated">${t(lang, 'unallocatedPaneCaption')}</h3>
      <p>${t(lang, 'unallocatedPaneHelp')}</p>
      <ul aria-labelledby="unallocated">
        ${result.unallocated.map((u) => {
          const post = u.chapter === null || u.post === null ? '–' : postKey(u.chapter, u.post);
          return html`<li class="unallocated-row" data-post=${post} data-year=${u.year}>
            <div class="name">${post}, ${u.year}</div>
            <div>
              ${t(lang, 'unallocatedLine', {
                post,
                year: u.year,
                amount: formatMoney(u.amount, { lang }),
                kind: kindWord(u.kind, lang),
                count: u.lines,
                instruments: listWords(u.instruments.map(nameOf), lang),
              })}
            </div>
            ${
              u.chapter === null || u.post === null
                ? nothing
                : html`<form
                    class="shares"
                    @submit=${(e: Event) => this._onShares(e, u.chapter!, u.post!, u.year, u.instruments)}
                  >
                    <p class="muted">${t(lang, 'sharesHelp')}</p>
                    ${u.instruments.map((id) => {
                      const label = t(lang, 'shareOf', { instrument: nameOf(id) });
                      return html`<div class="field">
                        <label
                          >${label}<input name=${id} required inputmode="decimal" autocomplete="off" placeholder="60 %"
                        /></label>
                      </div>`;
                    })}
                    <button class="primary" type="submit">
                      ${t(lang, 'saveShares')}<span class="visually-hidden">: ${post} ${u.year}</span>
                    </button>
                  </form>`
            }
            <button
              @click=${() => this.dispatchEvent(iaEvent('ia-show-row', { table: 'Konteringsregler', row: ruleRow(u.chapter, u.post) }))}
            >
              ${t(lang, 'showRules')}<span class="visually-hidden">: ${post} ${u.year}</span>
            </button>
          </li>`;
        })}
      </ul>`;
  }

  /** The shares as typed, for the engine to judge (the pane parses nothing itself). */
  private _onShares(event: Event, chapter: number, post: number, year: number, instruments: readonly string[]): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const shares = instruments.map((instrument) => ({
      instrument,
      text: (form.elements.namedItem(instrument) as HTMLInputElement | null)?.value ?? '',
    }));
    this.dispatchEvent(iaEvent('ia-set-shares', { chapter, post, year, shares }));
  }

  private _onDate(event: Event): void {
    this._date = (event.currentTarget as HTMLInputElement).value;
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const asOf = this._date || this.asOf;
    if (asOf) this.dispatchEvent(iaEvent('ia-run-reconcile', { asOf }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-reconcile-view': IaReconcileView;
  }
}
