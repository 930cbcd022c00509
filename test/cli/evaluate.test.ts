import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `ia-planner evaluate` as users run it, on the shipped sample ledger (spending of 2024).
const root = fileURLToPath(new URL('../..', import.meta.url));
const example = `${root}examples/forbruk-eksempel.csv`;

function evaluateJson(...args: string[]) {
  const r = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, 'evaluate', '--year', '2024', ...args], {
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr, json: r.status === 0 ? (JSON.parse(r.stdout) as Evaluation) : null };
}

interface Evaluation {
  indicators: {
    id: string;
    value: string | null;
    period: string | null;
    goal: string | null;
    changeFromBaseline: string | null;
    direction: string | null;
  }[];
  instruments: { instrument: string; status: string | null }[];
  adjustmentRequired: boolean;
}

const statuses = (e: Evaluation) => Object.fromEntries(e.instruments.map((i) => [i.instrument, i.status]));

describe('ia-planner evaluate (command line)', function () {
  this.timeout(30000);

  it('evaluates 2024 as the contract shows: 7.19 in Q3, +26.14 % on 2018, the goal 5.13, adjustment required', () => {
    const { status, json } = evaluateJson('--format', 'json');
    expect(status).to.equal(0);
    const sick = json!.indicators.find((i) => i.id === 'sykefravaer')!;
    expect(sick).to.deep.include({
      value: '7.19',
      period: '2024-Q3',
      goal: '5.13',
      changeFromBaseline: '0.2614',
      direction: 'worse',
    });
    expect(json!.adjustmentRequired).to.equal(true);
  });

  it('judges each instrument by the default thresholds (risiko below 0.90 of pace, avvik below 0.75 or over the frame)', () => {
    const { json } = evaluateJson('--ledger', example, '--as-of', '2024-12-31', '--format', 'json');
    expect(statuses(json!)).to.deep.include({
      arbeidsmiljosatsing: 'avvik',
      ekspertbistand: 'i rute',
      kompetansetiltak: 'avvik',
      bransjeprogrammer: 'avvik',
      kunnskapsutvikling: 'i rute',
      helseiarbeid: null,
    });
  });

  it('takes the group’s own thresholds from --risk-below and --deviation-below', () => {
    const { json } = evaluateJson(
      '--ledger',
      example,
      '--as-of',
      '2024-12-31',
      '--format',
      'json',
      '--risk-below',
      '0,95',
      '--deviation-below',
      '0.5',
    );
    expect(statuses(json!)).to.deep.include({
      ekspertbistand: 'risiko',
      kompetansetiltak: 'avvik',
      bransjeprogrammer: 'risiko',
      kunnskapsutvikling: 'risiko',
    });
  });

  it('refuses a threshold that is not a share from 0 to 1 (exit 2)', () => {
    const r = evaluateJson('--risk-below', '90');
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include('--risk-below må være en andel fra 0 til 1');
  });
});
