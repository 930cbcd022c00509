/** The Evaluering view's styles: the trigger box first and prominent, charts that scroll sideways when narrow. */
import { css } from 'lit';
import { base } from './styles.js';

/** `<ia-evaluation-view>`'s styles. */
export const evaluationStyles = [
  base,
  css`
    :host {
      display: block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--ia-s4);
    }
    input[type='file'] {
      max-width: 100%;
    }
    .help {
      font-size: 12px;
      line-height: 16px;
      color: var(--ia-fg-3);
      margin: var(--ia-s1) 0 0;
    }
    .trigger {
      border: 1px solid #eeacb2;
      border-left: 4px solid var(--ia-danger);
      background: var(--ia-danger-bg);
      border-radius: var(--ia-radius);
      padding: var(--ia-s2) var(--ia-s3);
      margin-bottom: var(--ia-s3);
    }
    .trigger.ok {
      border-color: #9fd89f;
      border-left-color: var(--ia-success);
      background: var(--ia-success-bg);
    }
    .trigger strong {
      display: block;
      font-size: 16px;
      line-height: 22px;
    }
    .trigger ul,
    ul.findings {
      margin: var(--ia-s1) 0 0;
      padding-left: var(--ia-s5);
    }
    .trigger p {
      margin: var(--ia-s1) 0 0;
      font-size: 12px;
      line-height: 16px;
    }
    figure {
      margin: 0 0 var(--ia-s3);
      overflow-x: auto;
    }
    figure svg {
      width: 100%;
      min-width: 560px;
      height: auto;
      display: block;
    }
    .note {
      padding: var(--ia-s2) var(--ia-s3);
      border-radius: var(--ia-radius);
      background: var(--ia-bg-3);
    }
  `,
];
