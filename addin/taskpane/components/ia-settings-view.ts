import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { iaEvent } from '../events.js';
import type { Settings } from '../host.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../styles.js';

/**
 * Innstillinger: the language and the user's name for the change log.
 *
 * @fires ia-save-settings - the user saved new settings
 */
@customElement('ia-settings-view')
export class IaSettingsView extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      input[type='text'],
      select {
        width: 100%;
        max-width: 320px;
      }
    `,
  ];

  @property({ attribute: false }) settings: Settings = { lang: 'nb', userName: '' };

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  override render() {
    const lang = this.uiLang;
    return html`<h2>${t(lang, 'viewSettings')}</h2>
      <form @submit=${this._onSubmit}>
        <div class="field">
          <label for="lang">${t(lang, 'language')}</label>
          <select id="lang" name="lang">
            <option value="nb" lang="nb" ?selected=${this.settings.lang === 'nb'}>Norsk (bokmål)</option>
            <option value="en" lang="en" ?selected=${this.settings.lang === 'en'}>English</option>
          </select>
        </div>
        <div class="field">
          <label for="user">${t(lang, 'userName')}</label>
          <input id="user" name="user" type="text" autocomplete="name" .value=${this.settings.userName} />
        </div>
        <button class="primary" type="submit">${t(lang, 'save')}</button>
      </form>`;
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const settings: Settings = {
      lang: data.get('lang') === 'en' ? 'en' : 'nb',
      userName: String(data.get('user') ?? '').trim(),
    };
    this.dispatchEvent(iaEvent('ia-save-settings', settings));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-settings-view': IaSettingsView;
  }
}
