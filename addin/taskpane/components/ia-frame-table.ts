import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney, type Lang, type Money } from '../../../engine/index.js';
import { langContext } from '../contexts.js';
import { t } from '../../../engine/messages/ui.js';
import type { GridCell, OverviewModel } from '../overview-model.js';
import { frameTableStyles } from '../frame-table-styles.js';
import { frameSourceText } from './ia-frame-cell.js';

/**
 * The frames grid: instruments down, years 2019–2028 across, totals per year at the foot. One tab
 * stop; arrow keys, Home and End move between cells (a roving tabindex). The focused or hovered
 * cell's source is shown under the grid and announced.
 */
@customElement('ia-frame-table')
export class IaFrameTable extends LitElement {
  static override styles = frameTableStyles;

  @property({ attribute: false }) model: OverviewModel | null = null;

  @consume({ context: langContext, subscribe: true })
  @property({ attribute: false })
  uiLang: Lang = 'nb';

  @state() private _active: [number, number] = [0, 0];
  @state() private _source = '';

  override render() {
    const model = this.model;
    if (!model) return nothing;
    const lang = this.uiLang;
    return html`<div class="scroll">
        <table role="grid" aria-label=${t(lang, 'framesCaption')} aria-describedby="help" @keydown=${this._onKey}>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'instrument')}</th>
              ${model.years.map((y) => html`<th scope="col" class="num">${y}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${model.rows.map(
              (row, r) =>
                html`<tr>
                  <th scope="row">${lang === 'nb' ? row.instrument.name : row.instrument.nameEn}</th>
                  ${row.cells.map((cell, c) => this._cell(cell, r, c))}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t(lang, 'totalState')}</th>
              ${model.totals.map((total) => html`<td class="num">${this._money(total.frames)}</td>`)}
            </tr>
            ${
              model.totals[0]?.spent
                ? html`<tr>
                    <th scope="row">${t(lang, 'totalSpent')}</th>
                    ${model.totals.map((total) => html`<td class="num">${total.spent ? this._money(total.spent) : ''}</td>`)}
                  </tr>`
                : nothing
            }
          </tfoot>
        </table>
      </div>
      <p id="help" class="visually-hidden">${t(lang, 'gridHelp')}</p>
      <div class="source" aria-live="polite">${this._source}</div>`;
  }

  private _money(amount: Money): string {
    return formatMoney(amount, { lang: this.uiLang });
  }

  private _cell(cell: GridCell, r: number, c: number) {
    const [ar, ac] = this._active;
    const tabindex = ar === r && ac === c ? 0 : -1;
    if (cell.kind === 'gap') {
      return html`<td role="gridcell" tabindex=${tabindex} class="num muted" data-r=${r} data-c=${c}>–</td>`;
    }
    const sourceText = frameSourceText(cell.frame, this.uiLang);
    return html`<td
      role="gridcell"
      tabindex=${tabindex}
      colspan=${cell.span}
      class=${cell.span > 1 ? 'pool' : ''}
      title=${sourceText}
      data-r=${r}
      data-c=${c}
      data-source=${sourceText}
      @focus=${this._onShowSource}
      @mouseenter=${this._onShowSource}
    >
      <ia-frame-cell .frame=${cell.frame} .row=${cell.row}></ia-frame-cell>
    </td>`;
  }

  private _onShowSource(event: Event): void {
    const cell = event.currentTarget as HTMLElement;
    this._source = cell.dataset['source'] ?? '';
  }

  private _onKey(event: KeyboardEvent): void {
    const rows = [...this.renderRoot.querySelectorAll('tbody tr')].map((tr) => [
      ...tr.querySelectorAll<HTMLTableCellElement>('td'),
    ]);
    const [r, c] = this._active;
    const current = rows[r]?.[c];
    if (!current) return;
    // Moving up or down keeps the year: find the cell of the next row that covers the same column.
    const columnOf = (row: HTMLTableCellElement[], index: number) => row.slice(0, index).reduce((n, td) => n + td.colSpan, 0);
    const cellAtColumn = (row: HTMLTableCellElement[], column: number) => {
      let start = 0;
      return Math.max(
        0,
        row.findIndex((td) => (start += td.colSpan) > column),
      );
    };
    let next: [number, number] | null = null;
    if (event.key === 'ArrowRight') next = [r, Math.min(c + 1, rows[r]!.length - 1)];
    else if (event.key === 'ArrowLeft') next = [r, Math.max(c - 1, 0)];
    else if (event.key === 'Home') next = [r, 0];
    else if (event.key === 'End') next = [r, rows[r]!.length - 1];
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const target = event.key === 'ArrowDown' ? Math.min(r + 1, rows.length - 1) : Math.max(r - 1, 0);
      next = [target, cellAtColumn(rows[target]!, columnOf(rows[r]!, c))];
    }
    if (!next) return;
    event.preventDefault();
    this._active = next;
    rows[next[0]]?.[next[1]]?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-frame-table': IaFrameTable;
  }
}
