import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseOptions } from '../../../engine/cli/args.js';
import { evaluateCommand } from '../../../engine/cli/evaluate-command.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ia-evaluate-'));
const good = path.join(dir, 'indikatorer.csv');
const bad = path.join(dir, 'feil.csv');
writeFileSync(good, 'indikator;år;kvartal;verdi;måltype;kilde\nsykefravaer;2025;3;7,19;ujustert;SSB\n');
writeFileSync(bad, 'indikator;år;kvartal;verdi\nsykefravaer;2025;5;7,19\nukjent;2025;;1\nsykefravaer;2025;;sju\n');
const run = (...argv: string[]) => evaluateCommand(parseOptions(argv));

describe('ia-planner evaluate', () => {
  it('prints the CONTRACTS §6 JSON for --year 2025 with an indicator file', async () => {
    const result = await run('--year', '2025', '--indicators', good, '--as-of', '2025-12-31', '--format', 'json');
    expect(result.status).to.equal(0);
    const json = JSON.parse(result.stdout) as {
      year: number;
      indicators: Record<string, unknown>[];
      adjustmentRequired: boolean;
      findings: string[];
      instruments: Record<string, unknown>[];
    };
    expect(json.year).to.equal(2025);
    expect(json.indicators[0]).to.include({
      id: 'sykefravaer',
      value: '7.19',
      period: '2025-Q3',
      baseline: '5.70',
      baselineYear: 2018,
      goal: '5.13',
      changeFromBaseline: '0.2614',
      direction: 'worse',
    });
    expect(json.adjustmentRequired).to.equal(true);
    expect(json.instruments[0]).to.include.keys('instrument', 'frame', 'spent', 'utilisation', 'status');
  });

  it('rejects a bad indicator file with exit status 1 and every bad line named by line and column', async () => {
    const result = await run('--year', '2025', '--indicators', bad, '--format', 'json');
    expect(result.status).to.equal(1);
    const json = JSON.parse(result.stdout) as {
      errors: { code: string; file: string; line: number; column: string; value: string }[];
    };
    expect(json.errors.map((e) => [e.code, e.file, e.line, e.column, e.value])).to.deep.equal([
      ['bad_quarter', 'feil.csv', 2, 'kvartal', '5'],
      ['bad_indicator', 'feil.csv', 3, 'indikator', 'ukjent'],
      ['bad_value', 'feil.csv', 4, 'verdi', 'sju'],
    ]);
  });

  it('writes the HTML report', async () => {
    const result = await run('--year', '2024', '--as-of', '2024-12-31', '--format', 'html');
    expect(result.status).to.equal(0);
    expect(result.stdout)
      .to.match(/^<!DOCTYPE html>/)
      .and.contain('<svg');
  });

  it('is wrong usage without --year or with csv', async () => {
    for (const argv of [
      ['--format', 'json'],
      ['--year', '2025', '--format', 'csv'],
      ['--year', '2030'],
    ]) {
      let thrown: unknown = null;
      try {
        await run(...argv);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error).constructor.name, argv.join(' ')).to.equal('UsageError');
    }
  });
});
