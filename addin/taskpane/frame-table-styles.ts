/**
 * The frames grid's styles: sticky instrument names and year headers, cells of a fixed width, a
 * focus ring inside the cell, and the contents of `<ia-frame-cell>` (which renders into the grid's
 * own tree, so these styles reach it).
 */
import { css } from 'lit';
import { base } from './styles.js';

/** `<ia-frame-table>`'s styles. */
export const frameTableStyles = [
  base,
  css`
    .scroll {
      overflow-x: auto;
      scroll-padding-inline-start: 148px;
      border: 1px solid var(--ia-stroke-2);
      border-radius: var(--ia-radius);
    }
    table {
      border-collapse: separate;
      border-spacing: 0;
      font-size: 13px;
      line-height: 18px;
    }
    th,
    td {
      padding: var(--ia-s1) var(--ia-s2);
      border-bottom: 1px solid var(--ia-stroke-2);
      vertical-align: top;
    }
    thead th {
      background: var(--ia-bg-3);
      font-weight: 600;
      text-align: right;
      position: sticky;
      top: 0;
    }
    th[scope='row'],
    thead th:first-child {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--ia-bg);
      text-align: left;
      min-width: 132px;
      max-width: 132px;
      font-size: 12px;
      line-height: 16px;
      font-weight: 600;
      overflow-wrap: break-word;
      hyphens: auto;
      border-right: 1px solid var(--ia-stroke-2);
    }
    thead th:first-child {
      background: var(--ia-bg-3);
      z-index: 2;
    }
    td {
      min-width: 148px;
    }
    td:focus-visible {
      outline-offset: -2px;
      box-shadow: none;
    }
    td:hover {
      background: var(--ia-bg-2);
    }
    td.pool {
      background: #f5f9fd;
    }
    ia-frame-cell {
      display: block;
    }
    .amount {
      font-weight: 600;
    }
    .line {
      display: flex;
      justify-content: space-between;
      gap: var(--ia-s2);
      color: var(--ia-fg-2);
    }
    .flag {
      color: var(--ia-danger);
      font-weight: 600;
      white-space: normal;
    }
    .flag::before {
      content: '⚠ ';
    }
    tfoot th,
    tfoot td {
      background: var(--ia-bg-3);
      font-weight: 600;
      border-bottom: none;
    }
    .source {
      margin-top: var(--ia-s2);
      min-height: 40px;
      font-size: 12px;
      line-height: 16px;
      color: var(--ia-fg-2);
    }
  `,
];
