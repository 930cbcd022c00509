import { expect } from 'chai';
import {
  Dec,
  evaluate,
  evaluationJson,
  evaluationTables,
  instrumentStatus,
  Money,
  readIndicatorCsv,
  renderEvaluationHtml,
  REPORT_CSP,
} from '../../../engine/index.js';
import { day, indicatorCsv, ledgerLines, plan } from './evaluation-helpers.js';

// Scenario: the coordinating group evaluates 2025 at year end. Sick leave rose to 7,19 % in Q3;
// expert assistance used 46 of its 50 million on 412 cases; competence measures used only 35 of 70.
const lines = ledgerLines(
  '15.03.2025;U1;ekspertbistand;utbetaling;20 000 000,00;;2025',
  '15.09.2025;U2;ekspertbistand;utbetaling;26 000 000,00;;2025',
  '10.10.2025;T1;ekspertbistand;tilsagn;3 000 000,00;;2025',
  '01.06.2025;U3;kompetansetiltak;utbetaling;35 000 000,00;;2025',
  '01.06.2025;U4;arbeidsmiljosatsing;utbetaling;42 500 000,00;;2025',
  '01.06.2025;U5;bransjeprogrammer;utbetaling;81 000 000,00;;2025',
);
const file = readIndicatorCsv(
  'indikatorer.csv',
  indicatorCsv(
    'sykefravaer;2025;3;7,19;ujustert;SSB;',
    'aktivitet:ekspertbistand;2025;;412;saker;NAV;',
    'bransje:sykehjem;2018;;9,10;ujustert;NAV;8,20',
    'bransje:sykehjem;2025;;8,50;ujustert;NAV;',
  ),
);
const evaluation = evaluate({
  year: 2025,
  plan,
  lines,
  asOf: day('2025-12-31'),
  values: file.values,
  goals: file.goals,
  activities: file.activities,
});
const json = evaluationJson(evaluation);

describe('the annual evaluation', () => {
  it('reads the indicator file without problems', () => {
    expect(file.problems).to.deep.equal([]);
  });

  it('gives sykefravaer as CONTRACTS §6 writes it: 7.19 in 2025-Q3, baseline 5.70 (2018), goal 5.13, change 0.2614, worse', () => {
    const indicators = json.indicators as Record<string, unknown>[];
    expect(indicators[0]).to.include({
      id: 'sykefravaer',
      value: '7.19',
      period: '2025-Q3',
      baseline: '5.70',
      baselineYear: 2018,
      goal: '5.13',
      changeFromBaseline: '0.2614',
      direction: 'worse',
      onCourse: false,
      mixedMeasures: true,
    });
  });

  it('requires adjustment because a national indicator moved the wrong way, and says why', () => {
    expect(json.adjustmentRequired).to.equal(true);
    expect(evaluation.adjustmentReasons).to.have.length(1);
    expect(evaluation.adjustmentReasons[0]).to.contain('7,19').and.contain('5,70');
    expect(evaluation.findings[0]).to.contain('drøftinger om justeringer');
  });

  it('does not require adjustment when sick leave is below its baseline and drop-out has no value', () => {
    const good = readIndicatorCsv('g.csv', indicatorCsv('sykefravaer;2026;;5,60;sesong- og influensajustert;SSB;'));
    const e = evaluate({ year: 2026, plan, lines: [], asOf: day('2026-12-31'), values: good.values });
    expect(e.adjustmentRequired).to.equal(false);
    expect(e.indicators[0]!.direction).to.equal('better');
  });

  it('assesses an industry indicator with its own baseline and goal from the file', () => {
    const sykehjem = (json.indicators as Record<string, unknown>[]).find((i) => i.id === 'bransje:sykehjem')!;
    expect(sykehjem).to.include({
      value: '8.50',
      baseline: '9.10',
      goal: '8.20',
      changeFromBaseline: '-0.0659',
      direction: 'better',
      national: false,
    });
  });

  it('gives each instrument frame, spent, utilisation and a status from the thresholds', () => {
    const byId = new Map((json.instruments as Record<string, unknown>[]).map((i) => [i.instrument, i]));
    expect(byId.get('ekspertbistand')).to.include({
      frame: '50000000.00',
      spent: '46000000.00',
      openCommitments: '3000000.00',
      utilisation: '0.9200',
      status: 'i rute',
    });
    expect(byId.get('arbeidsmiljosatsing')).to.include({ utilisation: '0.8500', status: 'risiko' });
    expect(byId.get('kompetansetiltak')).to.include({ utilisation: '0.5000', status: 'avvik' });
    expect(byId.get('bransjeprogrammer')).to.include({ utilisation: '1.0125', status: 'avvik' });
    expect(byId.get('fastlegeprosjekt')).to.include({ frame: null, status: null });
  });

  it('gives cost per activity: 46 000 000 / 412 expert-assistance cases = 111 650.49', () => {
    const ekspert = evaluation.instruments.find((i) => i.instrument === 'ekspertbistand')!;
    expect(ekspert.activities.map((a) => [a.label, a.count.toString(), a.costPerActivity!.toFixed2()])).to.deep.equal([
      ['saker', '412', '111650.49'],
    ]);
  });

  it('gives Øst-Viken 25 328 enterprises for 40 advisers = 633.2 per adviser, and 506.6 per person-year', () => {
    expect(json.resources).to.deep.include({
      centre: 'NAV Arbeidslivssenter Øst-Viken',
      year: 2025,
      personYears: '50',
      advisers: '40',
      enterprises: '25328',
      approximate: true,
      enterprisesPerAdviser: '633.2',
      enterprisesPerPersonYear: '506.6',
      source: 'Presentasjon NAV Arbeidslivssenter Øst-Viken 2025',
    });
  });

  it('writes the findings as Norwegian sentences, including the mixed measure types', () => {
    expect(evaluation.findings.every((f) => /^[A-ZÆØÅ]/.test(f) && f.endsWith('.'))).to.equal(true);
    expect(evaluation.findings.join(' ')).to.contain('målemåtene er ulike').and.contain('633,2 virksomheter per rådgiver');
  });

  it('writes the findings in English with lang en', () => {
    const e = evaluate({ year: 2025, plan, lines, asOf: day('2025-12-31'), values: file.values, lang: 'en' });
    expect(e.findings[0]).to.contain('talks on adjustments');
  });

  it('is deterministic: the same input gives the same JSON and HTML, byte for byte', () => {
    const again = evaluate({
      year: 2025,
      plan,
      lines,
      asOf: day('2025-12-31'),
      values: file.values,
      goals: file.goals,
      activities: file.activities,
    });
    expect(JSON.stringify(evaluationJson(again))).to.equal(JSON.stringify(json));
    expect(renderEvaluationHtml(again)).to.equal(renderEvaluationHtml(evaluation));
  });
});

describe('instrumentStatus', () => {
  const frame = Money.of('1000000');
  const status = (spent: string, pace: string | null, open = '0') =>
    instrumentStatus({ frame, spent: Money.of(spent), openCommitments: Money.of(open), pace, flags: [], forecastWarnings: [] });
  // [spent, pace, open, status] with the default thresholds 0.90 and 0.75.
  const cases: [string, string | null, string, string | null][] = [
    ['900000', '0.9000', '0', 'i rute'],
    ['899999', '0.8999', '0', 'risiko'],
    ['750000', '0.7500', '0', 'risiko'],
    ['749999', '0.7499', '0', 'avvik'],
    ['950000', '0.9500', '50001', 'avvik'],
    ['400000', '0.9600', '0', 'i rute'],
  ];
  for (const [spent, pace, open, expected] of cases) {
    it(`spent ${spent}, open ${open}, pace ${pace} → ${expected}`, () => {
      expect(status(spent, pace, open)).to.equal(expected);
    });
  }

  it('takes thresholds the group sets', () => {
    const strict = instrumentStatus(
      { frame, spent: Money.of('900000'), openCommitments: Money.zero, pace: '0.9000', flags: [], forecastWarnings: [] },
      { riskBelow: '0.95', deviationBelow: '0.80' },
    );
    expect(strict).to.equal('risiko');
  });

  it('judges a year in progress by the pace: half the frame used at the end of June is on track', () => {
    const e = evaluate({
      year: 2025,
      plan,
      lines: ledgerLines('15.03.2025;U1;ekspertbistand;utbetaling;25 000 000,00;;2025'),
      asOf: day('2025-06-30'),
    });
    const ekspert = e.instruments.find((i) => i.instrument === 'ekspertbistand')!;
    expect([ekspert.elapsed, ekspert.utilisation, ekspert.pace, ekspert.status]).to.deep.equal([
      '0.5000',
      '0.5000',
      '1.0000',
      'i rute',
    ]);
  });
});

describe('the council report (HTML)', () => {
  const html = renderEvaluationHtml(evaluation);

  it('is self-contained: a CSP that allows no network, no script, no external link', () => {
    expect(html).to.contain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).to.contain("default-src 'none'");
    expect(html).not.to.match(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\(/);
  });

  it('prints on A4 and draws the indicator with its goal line and the frame-versus-spending chart', () => {
    expect(html).to.contain('@page { size: A4');
    expect(html).to.contain('class="chart indicator-chart"').and.contain('class="goal-line"');
    expect(html).to.contain('class="chart frame-chart"');
    expect(html.match(/<g class="bar"/g)).to.have.length(evaluation.instruments.filter((i) => i.frame !== null).length);
  });

  it('labels a quarter’s point 2025 K3 in bokmål and 2025 Q3 in English', () => {
    expect(html).to.contain('<title>2025 K3: ');
    const english = renderEvaluationHtml(evaluation, { lang: 'en' });
    expect(english)
      .to.contain('<title>2025 Q3: ')
      .and.not.match(/\b\d{4} K[1-4]\b/);
  });

  it('shows the built-in values’ source as the public statistics, never a project file, in the JSON report and Indikatorer', () => {
    const builtIn = evaluate({ year: 2025, plan, lines: [], asOf: day('2025-12-31') });
    for (const lang of ['nb', 'en'] as const) {
      expect(renderEvaluationHtml(builtIn, { lang })).not.to.contain('FACTS');
      const report = evaluationJson(builtIn) as { indicators: { id: string; source: string | null }[] };
      expect(report.indicators.find((i) => i.id === 'sykefravaer')!.source).to.equal('Sykefraværsstatistikk fra NAV og SSB');
      const [indikatorer] = evaluationTables(builtIn, lang);
      const sources = indikatorer!.rows.map((r) => r[5]);
      expect(sources).to.include('Sykefraværsstatistikk fra NAV og SSB');
      expect(sources.filter((s) => String(s).includes('FACTS'))).to.deep.equal([]);
    }
  });

  it('escapes text from files', () => {
    const sneaky = readIndicatorCsv('x.csv', indicatorCsv('sykefravaer;2025;4;7,0;<script>alert(1)</script>;SSB;'));
    const e = evaluate({ year: 2025, plan, lines: [], asOf: day('2025-12-31'), values: sneaky.values });
    expect(renderEvaluationHtml(e)).to.contain('&lt;script&gt;').and.not.contain('<script>');
  });
});

describe('evaluationTables', () => {
  const [indikatorer, vurderinger] = evaluationTables(evaluation, 'nb');

  it('writes Indikatorer on the Evaluering sheet with the contract columns first', () => {
    expect(indikatorer!.spec.sheet).to.equal('Evaluering');
    expect(indikatorer!.spec.columns.map((c) => c.name).slice(0, 8)).to.deep.equal([
      'Indikator',
      'År',
      'Kvartal',
      'Verdi',
      'Måltype',
      'Kilde',
      'Utgangspunkt',
      'Mål',
    ]);
    const q3 = indikatorer!.rows.find((r) => r[0] === 'sykefravaer' && r[1] === 2025 && r[2] === 3)!;
    expect(q3.slice(0, 8)).to.deep.equal(['sykefravaer', 2025, 3, 7.19, 'ujustert', 'SSB', 5.7, 5.13]);
  });

  it('writes Vurderinger per instrument with status, activity and cost per activity', () => {
    expect(vurderinger!.spec.table).to.equal('Vurderinger');
    const row = vurderinger!.rows.find((r) => r[0] === 'ekspertbistand')!;
    expect(row.slice(0, 11)).to.deep.equal([
      'ekspertbistand',
      'Nytt tilskudd til ekspertbistand',
      '2025',
      50000000,
      46000000,
      3000000,
      0.92,
      'i rute',
      'saker',
      412,
      111650.49,
    ]);
  });

  it('places the two tables side by side without overlap', () => {
    const end = indikatorer!.spec.origin.column + indikatorer!.spec.columns.length;
    expect(vurderinger!.spec.origin.column).to.be.greaterThan(end - 1);
    expect(new Dec(1).toString()).to.equal('1');
  });
});
