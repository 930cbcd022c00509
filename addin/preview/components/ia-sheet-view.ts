import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney, formatPercent, Money, type Lang } from '../../../engine/index.js';
import { isFormula, type Cell, type ColumnSpec, type TableData } from '../../../engine/workbook/port/port.js';
import { t } from '../../../engine/messages/ui.js';
import { base } from '../../taskpane/styles.js';

/** A table to point at: its name and a 1-based data row. */
export interface Highlight {
  readonly table: string;
  readonly row: number;
}

function shown(cell: Cell, column: ColumnSpec, lang: Lang): string {
  const value = isFormula(cell) ? cell.cached : cell;
  if (value === null || value === '') return '';
  if (typeof value === 'number' && column.kind === 'money')
    return formatMoney(Money.of(value.toFixed(2)), { lang, currency: false });
  if (typeof value === 'number' && column.kind === 'percent') return formatPercent(String(value), lang);
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  return String(value);
}

/**
 * The workbook's sheets as tables, one sheet at a time behind tabs, as a spreadsheet would show
 * them: a formula cell shows its cached result (marked ƒ, with the formula on hover).
 */
@customElement('ia-sheet-view')
export class IaSheetView extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 2px;
        border-bottom: 1px solid var(--ia-stroke);
      }
      [role='tab'] {
        border-radius: var(--ia-radius) var(--ia-radius) 0 0;
        border: 1px solid var(--ia-stroke-2);
        border-bottom: none;
        background: var(--ia-bg-3);
        font-weight: 400;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--ia-bg);
        color: var(--ia-excel);
        font-weight: 600;
        border-bottom: 3px solid var(--ia-excel);
      }
      .scroll {
        overflow: auto;
        flex: 1;
        min-height: 0;
        border: 1px solid var(--ia-stroke-2);
        border-top: none;
      }
      table {
        border-collapse: collapse;
        font-size: 12px;
        line-height: 16px;
      }
      th,
      td {
        border: 1px solid #e1e1e1;
        padding: 2px 6px;
        white-space: nowrap;
        max-width: 360px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      thead th {
        background: var(--ia-excel);
        color: #fff;
        position: sticky;
        top: 0;
        font-weight: 600;
        text-align: left;
      }
      td.formula::before {
        content: 'ƒ ';
        color: var(--ia-fg-3);
      }
      tr.highlight td {
        background: #fff4ce;
        outline: 2px solid #c19c00;
      }
      tfoot td {
        font-weight: 600;
        background: var(--ia-bg-3);
      }
      .rownum {
        color: var(--ia-fg-3);
        background: var(--ia-bg-3);
        text-align: right;
      }
    `,
  ];

  /** The tables of the workbook, in sheet order. */
  @property({ attribute: false }) tables: readonly TableData[] = [];
  @property({ attribute: false }) highlight: Highlight | null = null;
  @property() uiLang: Lang = 'nb';
  @state() private _sheet = '';

  override willUpdate(changed: Map<string, unknown>): void {
    const sheets = this._sheets();
    if (changed.has('highlight') && this.highlight) {
      const target = this.tables.find((t) => t.spec.table === this.highlight?.table);
      if (target) this._sheet = target.spec.sheet;
    }
    if (!sheets.includes(this._sheet)) this._sheet = sheets[0] ?? '';
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('highlight')) this.renderRoot.querySelector('tr.highlight')?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const sheets = this._sheets();
    if (sheets.length === 0) return nothing;
    return html`<div role="tablist" aria-label=${t(this.uiLang, 'previewSheets')}>
        ${sheets.map(
          (s) =>
            html`<button
              role="tab"
              aria-selected=${s === this._sheet ? 'true' : 'false'}
              tabindex=${s === this._sheet ? 0 : -1}
              @click=${() => (this._sheet = s)}
              @keydown=${this._onKey}
            >
              ${s}
            </button>`,
        )}
      </div>
      <div class="scroll" role="tabpanel" aria-label=${this._sheet} tabindex="0">
        ${this.tables.filter((t) => t.spec.sheet === this._sheet).map((t) => this._table(t))}
      </div>`;
  }

  private _sheets(): string[] {
    return [...new Set(this.tables.map((t) => t.spec.sheet))];
  }

  private _table(data: TableData) {
    const { spec, rows } = data;
    const mark = this.highlight?.table === spec.table ? this.highlight.row : -1;
    return html`<table data-table=${spec.table} aria-label=${spec.table}>
      <thead>
        <tr>
          <th scope="col" class="rownum">#</th>
          ${spec.columns.map((c) => html`<th scope="col">${c.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row, r) =>
            html`<tr class=${r + 1 === mark ? 'highlight' : ''} data-row=${r + 1}>
              <td class="rownum">${spec.origin.row + r + 1}</td>
              ${spec.columns.map((column, c) => {
                const cell = row[c] ?? null;
                const formula = isFormula(cell);
                const numeric =
                  column.kind === 'money' || column.kind === 'percent' || column.kind === 'year' || column.kind === 'whole';
                return html`<td
                  class="${formula ? 'formula' : ''} ${numeric ? 'num' : ''}"
                  title=${formula ? `=${cell.formula}` : nothing}
                >
                  ${shown(cell, column, this.uiLang)}
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
      ${
        spec.totals
          ? html`<tfoot>
              <tr>
                <td class="rownum"></td>
                ${spec.columns.map((c) => {
                  const total = spec.totals?.[c.name];
                  return html`<td class=${typeof total === 'object' ? 'num formula' : ''}>
                    ${total === undefined ? '' : typeof total === 'string' ? total : shown(total, c, this.uiLang)}
                  </td>`;
                })}
              </tr>
            </tfoot>`
          : nothing
      }
    </table>`;
  }

  private _onKey(event: KeyboardEvent): void {
    const sheets = this._sheets();
    const i = sheets.indexOf(this._sheet);
    const next =
      event.key === 'ArrowRight'
        ? (i + 1) % sheets.length
        : event.key === 'ArrowLeft'
          ? (i - 1 + sheets.length) % sheets.length
          : -1;
    if (next < 0) return;
    event.preventDefault();
    this._sheet = sheets[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ia-sheet-view': IaSheetView;
  }
}
