import { expect } from 'chai';
import { instrumentStatusText, measureWords } from '../../../engine/index.js';

// The words of the findings, the table and the report for the codes behind them: a measure type as
// the indicator file writes it (bokmål), and an instrument's status (`i rute`, `risiko`, `avvik`).
describe('findings words', () => {
  const measures: [string, 'nb' | 'en', string][] = [
    ['sesong- og influensajustert', 'nb', 'sesong- og influensajustert'],
    ['sesong- og influensajustert', 'en', 'seasonally and influenza-adjusted'],
    ['Sesongjustert', 'en', 'seasonally adjusted'],
    ['ujustert', 'en', 'unadjusted'],
    ['', 'nb', 'målemåte ikke oppgitt'],
    ['', 'en', 'measure type not stated'],
    ['trendjustert', 'en', 'trendjustert'],
  ];
  for (const [measure, lang, words] of measures) {
    it(`writes the measure type «${measure}» as «${words}» (${lang})`, () => {
      expect(measureWords(measure, lang)).to.equal(words);
    });
  }

  const statuses: ['i rute' | 'risiko' | 'avvik', string, string][] = [
    ['i rute', 'i rute', 'on track'],
    ['risiko', 'risiko', 'at risk'],
    ['avvik', 'avvik', 'deviation'],
  ];
  for (const [status, nb, en] of statuses) {
    it(`names the status ${status} «${nb}» in bokmål and «${en}» in English`, () => {
      expect(instrumentStatusText(status, 'nb')).to.equal(nb);
      expect(instrumentStatusText(status, 'en')).to.equal(en);
    });
  }
});
