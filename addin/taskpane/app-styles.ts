/** The styles of `<ia-app>`: the header, the message area and the main panel, 20 px margins (12 px when narrow). */
import { css } from 'lit';
import { base, warnBox } from './styles.js';

/** `<ia-app>`'s styles. */
export const appStyles = [
  base,
  warnBox,
  css`
    :host {
      display: block;
      min-width: 300px;
      background: var(--ia-bg);
    }
    header {
      padding: var(--ia-s3) var(--ia-s5) var(--ia-s2);
    }
    .blocked {
      margin: var(--ia-s2) var(--ia-s5);
      padding: var(--ia-s2) var(--ia-s3);
      overflow-wrap: anywhere;
    }
    .blocked ul {
      margin: 0;
      padding-left: var(--ia-s4);
    }
    header h1 {
      font-size: 20px;
      line-height: 28px;
      font-weight: 600;
      margin: 0;
    }
    header p {
      margin: 0;
      color: var(--ia-fg-3);
      font-size: 12px;
    }
    main {
      padding: var(--ia-s4) var(--ia-s5) var(--ia-s5);
    }
    ia-notifier {
      padding: 0 var(--ia-s5);
      margin-top: var(--ia-s2);
    }
    @media (max-width: 360px) {
      header,
      main,
      ia-notifier {
        padding-left: var(--ia-s3);
        padding-right: var(--ia-s3);
      }
    }
  `,
];
