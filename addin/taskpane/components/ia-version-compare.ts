import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  formatMoney,
  type FrameDifference,
  type Instrument,
  type Lang,
  type Money,
  type PlanVersion,
} from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import type { Comparison } from '../controllers/governance-controller.js';
import { iaEvent } from '../events.js';
import { governanceStyles } from '../governance-styles.js';
import { t } from '../../../engine/messages/ui.js';

/**
 * Compares two plan versions frame by frame and lists the frames that differ, with the amounts
 * before and after and the difference.
 *
 * @fires ia-compare-versions - compare the two chosen versions
 */
@customElement('ia-version-compare')
export class IaVersionCompare extends LitElement {
  static override styles = governanceStyles;

  @property({ attribute: false }) versions: readonly PlanVersion[] = [];
  @property({ attribute: false }) instruments: readonly Instrument[] = [];
  /** The last comparison asked for. */
  @property({ attribute: false }) comparison: Comparison | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    const versions = this.versions;
    const last = versions[versions.length - 1]?.id;
    const option = (v: PlanVersion, chosen: string | undefined) =>
      html`<option value=${v.id} ?selected=${v.id === chosen}>${v.name}</option>`;
    const c = this.comparison;
    const changed = c ? c.differences.filter((d) => d.change !== 'unchanged') : [];
    return html`<h3>${t(lang, 'compareCaption')}</h3>
      <form @submit=${this._onSubmit}>
        <div class="row">
          <div class="field">
            <label for="a">${t(lang, 'compareA')}</label>
            <select id="a" name="a">
              ${versions.map((v) => option(v, c?.a ?? versions[0]?.id))}
            </select>
          </div>
          <div class="field">
            <label for="b">${t(lang, 'compareB')}</label>
            <select id="b" name="b">
              ${versions.map((v) => option(v, c?.b ?? last))}
            </select>
          </div>
        </div>
        <button type="submit">${t(lang, 'compare')}</button>
      </form>
      <div role="status" data-testid="comparison">
        ${
          c
            ? html`<p>${changed.length === 0 ? t(lang, 'noDifferences') : t(lang, 'differences', { count: changed.length })}</p>
                ${
                  changed.length > 0
                    ? html`<ul class="plain">
                        ${changed.map((d) => this._difference(d))}
                      </ul>`
                    : nothing
                }`
            : nothing
        }
      </div>`;
  }

  private _difference(d: FrameDifference) {
    const lang = this.uiLang;
    const instrument = this.instruments.find((i) => i.id === d.instrument);
    const name = instrument ? (lang === 'nb' ? instrument.name : instrument.nameEn) : d.instrument;
    const money = (m: Money | null) => (m === null ? t(lang, 'notSet') : formatMoney(m, { lang }));
    const period = d.from === d.to ? `${d.from}` : `${d.from}–${d.to}`;
    const what = d.change === 'added' ? ` (${t(lang, 'added')})` : d.change === 'removed' ? ` (${t(lang, 'removed')})` : '';
    const diff = d.difference && !d.difference.isNegative() ? `+${money(d.difference)}` : money(d.difference);
    return html`<li data-key=${d.key}>
      <strong>${name}, ${period}</strong>${what}
      <div class="small">${money(d.before)} → ${money(d.after)}${d.difference ? html` (${diff})` : nothing}</div>
    </li>`;
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.dispatchEvent(iaEvent('ia-compare-versions', { a: String(data.get('a') ?? ''), b: String(data.get('b') ?? '') }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-version-compare': IaVersionCompare;
  }
}
