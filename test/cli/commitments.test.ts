import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';

// Scenario (issue 12): a ministry officer lists the grant commitments of 2024 from the agency's
// ledger with due dates, beside the authorisation Stortinget gave for 2650.76 (examples/tilsagn).
const root = fileURLToPath(new URL('../..', import.meta.url));
const ledger = `${root}examples/tilsagn/tilsagn-eksempel.csv`;
const caps = `${root}examples/tilsagn/tilsagnsfullmakter.csv`;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [`${root}bin/ia-planner.js`, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ia-planner commitments (issue 12)', function () {
  this.timeout(60_000);

  it('gives the register of 2024 as JSON: movement per instrument and post, open by due year, the authorisation exceeded, the oldest open first', () => {
    const { status, stdout, stderr } = run(
      'commitments',
      '--year',
      '2024',
      '--ledger',
      ledger,
      '--authorisations',
      caps,
      '--as-of',
      '2025-01-15',
      '--format',
      'json',
    );
    expect(stderr).to.equal('');
    expect(status).to.equal(0);
    const json = JSON.parse(stdout);
    expect([json.year, json.asOf, json.followUpMonths]).to.deep.equal([2024, '2024-12-31', 12]);
    expect(json.byInstrument).to.deep.equal([
      {
        instrument: 'ekspertbistand',
        openAtStart: '0.00',
        newInYear: '1350000.00',
        disbursed: '100000.00',
        cancelled: '0.00',
        openAtEnd: '1250000.00',
        dueByYear: [
          { year: 2024, amount: '300000.00' },
          { year: 2025, amount: '650000.00' },
          { year: 2026, amount: '300000.00' },
        ],
        overSettled: false,
      },
      {
        instrument: 'kompetansetiltak',
        openAtStart: '1000000.00',
        newInYear: '0.00',
        disbursed: '500000.00',
        cancelled: '250000.50',
        openAtEnd: '249999.50',
        dueByYear: [{ year: null, amount: '249999.50' }],
        overSettled: false,
      },
    ]);
    expect(
      json.byPost.map((p: { chapter: number; post: number; openAtEnd: string }) => [p.chapter, p.post, p.openAtEnd]),
    ).to.deep.equal([[2650, 76, '1499999.50']]);
    // Used: what is open at the end and due after 2024 (950 000,00), and what has no due date (249 999,50).
    expect(json.authorisations).to.deep.equal([
      {
        chapter: 2650,
        post: 76,
        year: 2024,
        authorisation: '1000000.00',
        used: '1199999.50',
        unknownDue: '249999.50',
        left: '-199999.50',
        exceeded: true,
      },
    ]);
    expect(
      json.open.map(
        (o: { voucher: string; recipient: string; caseNumber: string; open: string; ageMonths: number; followUp: boolean }) => [
          o.voucher,
          o.recipient,
          o.caseNumber,
          o.open,
          o.ageMonths,
          o.followUp,
        ],
      ),
    ).to.deep.equal([
      ['T-2023-017', 'Eksempel Helse KF', '23/0871', '249999.50', 19, true],
      ['T-2024-005', 'Eksempel Industri AS', '24/0042', '750000.00', 11, false],
      ['T-2024-001', 'Eksempel Bygg AS', '24/1234', '500000.00', 9, false],
    ]);
    expect(json.errorCount).to.equal(0);
  });

  it('says it in words in the table, in Norwegian amounts, with what is overdue and what has no due date', () => {
    const { status, stdout } = run(
      'commitments',
      '--year',
      '2024',
      '--ledger',
      ledger,
      '--authorisations',
      caps,
      '--as-of',
      '2025-01-15',
    );
    expect(status).to.equal(0);
    expect(stdout).to.include('Tilsagn 2024, per 31.12.2024');
    expect(stdout).to.include('Forfalt 2024').and.include('Forfall 2025').and.include('Forfall ukjent');
    expect(stdout).to.include('fullmakten er overskredet');
    expect(stdout).to.include('1\u00a0199\u00a0999,50\u00a0kr');
    expect(stdout).to.include('følg opp');
  });

  it('refuses an authorisation file it cannot read whole, naming line, column and value, and a bad --older-than as wrong usage', () => {
    const bad = run('commitments', '--year', '2024', '--ledger', ledger, '--authorisations', ledger);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.include('tilsagn-eksempel.csv').and.include('Fullmakt');
    const usage = run('commitments', '--year', '2024', '--ledger', ledger, '--older-than', 'tolv');
    expect(usage.status).to.equal(2);
    expect(usage.stderr).to.include('--older-than');
    const missing = run('commitments', '--ledger', ledger);
    expect(missing.status).to.equal(2);
  });
  it('gives the council, per instrument, what the year’s commitments bind in later years and the authorisation’s use (evaluate)', () => {
    const { status, stdout } = run(
      'evaluate',
      '--year',
      '2024',
      '--ledger',
      ledger,
      '--authorisations',
      caps,
      '--as-of',
      '2024-12-31',
      '--format',
      'json',
    );
    expect(status).to.equal(0);
    const json = JSON.parse(stdout);
    const ekspert = json.instruments.find((i: { instrument: string }) => i.instrument === 'ekspertbistand');
    expect(ekspert.openCommitmentsByDueYear).to.deep.equal([
      { year: 2024, amount: '300000.00' },
      { year: 2025, amount: '650000.00' },
      { year: 2026, amount: '300000.00' },
    ]);
    expect(json.authorisations.map((a: { used: string; exceeded: boolean }) => [a.used, a.exceeded])).to.deep.equal([
      ['1199999.50', true],
    ]);
    expect(json.findings).to.include(
      'Nytt tilskudd til ekspertbistand: åpne tilsagn ved utgangen av 2024 forfaller med 650\u00a0000,00\u00a0kr i 2025 og 300\u00a0000,00\u00a0kr i 2026.',
    );
    expect(
      json.findings.some((f: string) =>
        f.startsWith('Tilsagnsfullmakten for post 2650.76 i 2024 (1\u00a0000\u00a0000,00\u00a0kr) er overskredet'),
      ),
    ).to.equal(true);
  });
  it('writes the authorisations into the workbook’s Tilsagnsfullmakter with their use, and keeps them when the workbook is written again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilsagn-'));
    const out = join(dir, 'plan.xlsx');
    const first = run(
      'workbook',
      '--out',
      out,
      '--ledger',
      ledger,
      '--authorisations',
      caps,
      '--as-of',
      '2024-12-31',
      '--user',
      'Kari',
    );
    expect(first.stderr).to.not.include('feil');
    expect(first.status).to.equal(0);
    const rowsOf = async (file: string) => (await readXlsxTables(file)).get('tilsagnsfullmakter')!.rows;
    expect(await rowsOf(out)).to.deep.equal([
      [2650, 76, 2024, 1000000, 1199999.5, 249999.5, -199999.5, 'fullmakten er overskredet'],
    ]);
    const again = join(dir, 'igjen.xlsx');
    expect(run('workbook', '--out', again, '--plan', out, '--as-of', '2024-12-31', '--user', 'Kari').status).to.equal(0);
    expect(await rowsOf(again)).to.deep.equal(await rowsOf(out));
    // The register from the workbook alone (its Forbruk and Tilsagnsfullmakter) is the register from the files.
    const fromFiles = JSON.parse(
      run(
        'commitments',
        '--year',
        '2024',
        '--ledger',
        ledger,
        '--authorisations',
        caps,
        '--as-of',
        '2024-12-31',
        '--format',
        'json',
      ).stdout,
    );
    const fromPlan = run('commitments', '--year', '2024', '--plan', again, '--as-of', '2024-12-31', '--format', 'json');
    expect(fromPlan.status).to.equal(0);
    expect(JSON.parse(fromPlan.stdout)).to.deep.equal(fromFiles);
  });
  it('puts the open commitments by due year and the authorisation into the council’s HTML report', () => {
    const { status, stdout } = run(
      'evaluate',
      '--year',
      '2024',
      '--ledger',
      ledger,
      '--authorisations',
      caps,
      '--as-of',
      '2024-12-31',
      '--format',
      'html',
    );
    expect(status).to.equal(0);
    expect(stdout).to.include('<h2>Åpne tilsagn ved utgangen av 2024, etter forfall</h2>');
    expect(stdout).to.include('Forfalt 2024').and.include('Forfall 2026').and.include('Forfall ukjent');
    expect(stdout).to.include('<h2>Tilsagnsfullmakter 2024</h2>').and.include('fullmakten er overskredet');
    expect(stdout).to.include('650\u00a0000,00\u00a0kr');
  });
});
