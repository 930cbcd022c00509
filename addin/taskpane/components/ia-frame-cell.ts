import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { flagsInWords, formatMoney, type Frame, type Lang, type ReconciliationRow } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t, type TextKey } from '../../../engine/messages/ui.js';
import './ia-utilisation-bar.js';

const SOURCE_WORDS: Record<Frame['source'], TextKey> = {
  appendix: 'sourceAppendix',
  continued: 'sourceContinued',
  agreement_2025: 'sourceAgreement2025',
  entered: 'sourceEntered',
};

/** A frame's source in words, for the grid's hover and focus text. */
export function frameSourceText(frame: Frame, lang: Lang): string {
  return `${t(lang, 'source')}: ${t(lang, SOURCE_WORDS[frame.source])}. ${frame.sourceText}`;
}

/**
 * The contents of one frame's cell in the frames grid: the amount (or how the instrument is funded
 * when it has no NOK frame), the pooled period, spent and remaining once a ledger is in, the
 * utilisation bar and the flags in words. It renders into its own light DOM, inside the grid's
 * `<td>`, so the cell's text is the grid cell's accessible text and the grid's styles apply; the
 * `<td>` itself (focus, keyboard) stays with `<ia-frame-table>`.
 */
@customElement('ia-frame-cell')
export class IaFrameCell extends LitElement {
  /** The frame shown. */
  @property({ attribute: false }) frame: Frame | null = null;
  /** Its reconciliation row, once a ledger is in. */
  @property({ attribute: false }) row: ReconciliationRow | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const { frame, row } = this;
    if (!frame) return nothing;
    const lang = this.uiLang;
    const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, { lang });
    const pooled = frame.from !== frame.to ? t(lang, 'pooled', { from: frame.from, to: frame.to }) : '';
    let amount: string;
    if (frame.amount) amount = money(frame.amount);
    else if (frame.funding === 'arbeidslivssentrene') amount = t(lang, 'fundingArbeidslivssentrene');
    else if (frame.funding === 'partene') amount = t(lang, 'fundingPartene');
    else amount = t(lang, 'notSet');
    const showSpending = row && (row.frame !== null || !row.spent.isZero());
    return html`<div class="amount num">${amount}</div>
      ${pooled ? html`<div class="muted">${pooled}</div>` : nothing}
      ${
        showSpending
          ? html`<div class="line"><span>${t(lang, 'spent')}</span><span class="num">${money(row.spent)}</span></div>
              ${
                row.remaining
                  ? html`<div class="line">
                      <span>${t(lang, 'remaining')}</span><span class="num">${money(row.remaining)}</span>
                    </div>`
                  : nothing
              }
              <ia-utilisation-bar .ratio=${row.utilisation}></ia-utilisation-bar>`
          : nothing
      }
      ${row && row.flags.length > 0 ? html`<div class="flag">${flagsInWords(row.flags, lang)}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-frame-cell': IaFrameCell;
  }
}
