/** Styles shared by the Styring view's parts: sections, forms that wrap at 320 px, result boxes. */
import { css } from 'lit';
import { base } from './styles.js';

/** The governance parts' styles. */
export const governanceStyles = [
  base,
  css`
    :host {
      display: block;
      margin-bottom: var(--ia-s5);
    }
    h3 {
      margin-top: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--ia-s3);
    }
    .row .field {
      flex: 1 1 120px;
      min-width: 0;
    }
    select,
    input[type='text'] {
      width: 100%;
      max-width: 100%;
    }
    .plain {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .plain > li {
      border: 1px solid var(--ia-stroke-2);
      border-radius: var(--ia-radius);
      padding: var(--ia-s2) var(--ia-s3);
      margin-bottom: var(--ia-s2);
    }
    .badge {
      display: inline-block;
      font-size: 12px;
      line-height: 16px;
      padding: 0 var(--ia-s1);
      border: 1px solid var(--ia-stroke);
      border-radius: var(--ia-radius);
      background: var(--ia-bg-3);
    }
    .box {
      border: 1px solid var(--ia-stroke-2);
      border-radius: var(--ia-radius);
      padding: var(--ia-s2) var(--ia-s3);
      margin: var(--ia-s2) 0;
    }
    .refused {
      border-color: #eeacb2;
      background: var(--ia-danger-bg);
      color: var(--ia-danger);
    }
    .allowed {
      border-color: #9fd89f;
      background: var(--ia-success-bg);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0 var(--ia-s3);
      margin: 0 0 var(--ia-s2);
    }
    dt {
      color: var(--ia-fg-2);
    }
    dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .small {
      font-size: 12px;
      line-height: 16px;
    }
  `,
];
