/**
 * Fluent 2 look for every component: Office colours, Segoe UI 14 px, a 4 px spacing grid and
 * visible focus rings. Components include `base` in their styles and use the custom properties.
 */
import { css } from 'lit';

/** Shared tokens and element styles. */
export const base = css`
  :host {
    --ia-font: 'Segoe UI', 'Segoe UI Web (West European)', system-ui, -apple-system, 'Helvetica Neue', sans-serif;
    --ia-fg: #242424;
    --ia-fg-2: #424242;
    --ia-fg-3: #616161;
    --ia-bg: #ffffff;
    --ia-bg-2: #fafafa;
    --ia-bg-3: #f0f0f0;
    --ia-stroke: #d1d1d1;
    --ia-stroke-2: #e0e0e0;
    --ia-brand: #0f6cbd;
    --ia-brand-hover: #115ea3;
    --ia-brand-pressed: #0c3b5e;
    --ia-excel: #107c41;
    --ia-danger: #b10e1c;
    --ia-danger-bg: #fdf3f4;
    --ia-warning: #8a3707;
    --ia-warning-bg: #fff9f5;
    --ia-success: #0e700e;
    --ia-success-bg: #f1faf1;
    --ia-radius: 4px;
    --ia-s1: 4px;
    --ia-s2: 8px;
    --ia-s3: 12px;
    --ia-s4: 16px;
    --ia-s5: 20px;
    font-family: var(--ia-font);
    font-size: 14px;
    line-height: 20px;
    color: var(--ia-fg);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    font-size: 20px;
    line-height: 28px;
    font-weight: 600;
    margin: 0 0 var(--ia-s2);
  }
  h3 {
    font-size: 16px;
    line-height: 22px;
    font-weight: 600;
    margin: var(--ia-s4) 0 var(--ia-s2);
  }
  p {
    margin: 0 0 var(--ia-s3);
  }
  .num {
    font-variant-numeric: tabular-nums;
    text-align: right;
    white-space: nowrap;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 32px;
    padding: 5px 12px;
    border-radius: var(--ia-radius);
    border: 1px solid var(--ia-stroke);
    background: var(--ia-bg);
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    background: var(--ia-bg-3);
  }
  button.primary {
    background: var(--ia-brand);
    border-color: var(--ia-brand);
    color: #fff;
  }
  button.primary:hover {
    background: var(--ia-brand-hover);
  }
  button.primary:active {
    background: var(--ia-brand-pressed);
  }
  button:disabled {
    background: var(--ia-bg-3);
    border-color: var(--ia-stroke-2);
    color: #8a8a8a;
    cursor: default;
  }
  input[type='text'],
  input[type='date'],
  select {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--ia-stroke);
    border-bottom-color: #616161;
    border-radius: var(--ia-radius);
    background: var(--ia-bg);
  }
  input[type='file']::file-selector-button {
    font: inherit;
    font-weight: 600;
    min-height: 32px;
    margin-right: var(--ia-s2);
    padding: 5px 12px;
    border-radius: var(--ia-radius);
    border: 1px solid var(--ia-stroke);
    background: var(--ia-bg);
    cursor: pointer;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: var(--ia-s1);
  }
  :focus-visible {
    outline: 2px solid var(--ia-fg);
    outline-offset: 1px;
    box-shadow: 0 0 0 4px #fff;
  }
  .field {
    margin-bottom: var(--ia-s4);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ia-s2);
    margin: var(--ia-s3) 0;
  }
  .muted {
    color: var(--ia-fg-3);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** A warning box (`<div class="warn">`); a component adds its own padding and margin. */
export const warnBox = css`
  .warn {
    border: 1px solid #f4bfab;
    background: var(--ia-warning-bg);
    color: var(--ia-warning);
    border-radius: var(--ia-radius);
  }
  .warn p {
    margin: 0 0 var(--ia-s2);
  }
`;

/**
 * Lists of cards (flagged rows, unplaced money, commitments): a bordered box per item with a
 * coloured left edge (danger unless the item says otherwise), its name in bold, a flag in words,
 * and its figures as a two-column list.
 */
export const cardList = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border: 1px solid var(--ia-stroke-2);
    border-left: 4px solid var(--ia-danger);
    border-radius: var(--ia-radius);
    padding: var(--ia-s2) var(--ia-s3);
    margin-bottom: var(--ia-s2);
  }
  .name {
    font-weight: 600;
  }
  .flag {
    color: var(--ia-danger);
    font-weight: 600;
  }
  .flag::before {
    content: '⚠ ';
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--ia-s3);
    margin: var(--ia-s1) 0;
  }
  dt {
    color: var(--ia-fg-2);
  }
  dd {
    margin: 0;
  }
`;
