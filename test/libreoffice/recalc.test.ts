// LibreOffice Calc opens the workbook the command line wrote, recalculates every formula, and gets
// the engine's figures to the øre; ledger texts that look like formulas stay text.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  closeYearInState,
  Dec,
  embeddedPlan,
  EMPTY_GOVERNANCE,
  Ledger,
  planningTables,
  reconcile,
  withCarryOver,
  type CarryOverRule,
  type IsoDate,
  type Money,
} from '../../engine/index.js';
import { parseOptions } from '../../engine/cli/args.js';
import { workbookCommand } from '../../engine/cli/workbook-command.js';
import { buildWorkbookTables } from '../../engine/workbook/write/build.js';
import { isFormula, type TableData } from '../../engine/workbook/port/port.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { SAMPLE_LEDGER } from '../engine/workbook/fixtures.js';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;
// Comma separated, UTF-8, text cells quoted (so text and numbers can be told apart), every sheet (-1).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1';

/** A CSV field with whether it was quoted (a text cell). */
interface Field {
  text: string;
  quoted: boolean;
}

function parseCsv(content: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = 0;
  while (i < content.length) {
    let field: Field;
    if (content[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (content[i] === '"' && content[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (content[i] === '"') {
          i++;
          break;
        } else text += content[i++];
      }
      field = { text, quoted: true };
    } else {
      let text = '';
      while (i < content.length && content[i] !== ',' && content[i] !== '\n' && content[i] !== '\r') text += content[i++];
      field = { text, quoted: false };
    }
    row.push(field);
    if (content[i] === ',') i++;
    else {
      if (content[i] === '\r') i++;
      if (content[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** A number LibreOffice printed, to the øre (half-up), as two-decimal text. */
function ore(text: string): string {
  return new Dec(text).toDecimalPlaces(2).toFixed(2);
}

describe('the workbook in LibreOffice Calc', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'ia-lo-'));
  const profile = join(dir, 'profile');
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  });

  /** Converts every sheet to CSV with LibreOffice (recalculating on load); returns the rows by sheet. */
  function recalculated(xlsx: string): Map<string, Field[][]> {
    const name = basename(xlsx, '.xlsx');
    const out = join(dir, `csv-${name}`);
    mkdirSync(out);
    // Fails (not skips) when soffice is missing: the project's set-up installs it.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        out,
        xlsx,
      ],
      {
        stdio: 'pipe',
        timeout: 110000,
      },
    );
    const sheets = new Map<string, Field[][]>();
    for (const sheet of ['Rammer', 'Poster', 'Forbruk', 'Avstemming', 'Bevilgning', 'Styring', 'Evaluering', 'Logg']) {
      const csv = join(out, `${name}-${sheet}.csv`);
      if (existsSync(csv)) sheets.set(sheet, parseCsv(readFileSync(csv, 'utf8')));
    }
    return sheets;
  }

  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  ledger.addText('forbruk.csv', SAMPLE_LEDGER);
  const reconciliation = reconcile(plan, ledger.lines, '2024-12-31' as IsoDate);
  let sheets: Map<string, Field[][]>;

  before(async () => {
    const csv = join(dir, 'forbruk.csv');
    writeFileSync(csv, SAMPLE_LEDGER);
    const xlsx = join(dir, 'plan.xlsx');
    const result = await workbookCommand(parseOptions(['--out', xlsx, '--ledger', csv, '--as-of', '2024-12-31']));
    expect(result.status, result.stderr).to.equal(0);
    sheets = recalculated(xlsx);
  });

  it('computes every Utbetalt, Gjenstår and total as the engine does, to the øre', () => {
    // Forbruk holds the line dated after --as-of (U-7, 2025-01-05); Utbetalt leaves it out by Per dato.
    expect(sheets.get('Forbruk')!.some((row) => row[1]?.text === 'U-7')).to.equal(true);
    expect(reconciliation.rows.find((r) => r.instrument === 'ekspertbistand' && r.from === 2025)!.spent.toFixed2()).to.equal(
      '0.00',
    );
    const rows = sheets.get('Avstemming')!;
    const header = rows[0]!.map((f) => f.text);
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1, 1 + reconciliation.rows.length);
    reconciliation.rows.forEach((r, i) => {
      const row = body[i]!;
      const where = `${r.instrument} ${r.from}`;
      expect(row[col('Virkemiddel')]!.text, where).to.equal(r.instrument);
      expect(row[col('Utbetalt')]!.quoted, where).to.equal(false);
      expect(ore(row[col('Utbetalt')]!.text), where).to.equal(r.spent.toFixed2());
      expect(row[col('Gjenstår')]!.text === '' ? null : ore(row[col('Gjenstår')]!.text), where).to.equal(
        r.remaining?.toFixed2() ?? null,
      );
    });
    const totals = rows[1 + reconciliation.rows.length]!;
    const sumOf = (pick: (r: (typeof reconciliation.rows)[number]) => Money | null) =>
      reconciliation.rows.reduce((s, r) => s.plus(pick(r)?.toDecimal() ?? 0), new Dec(0)).toFixed(2);
    expect(totals[0]!.text).to.equal('Sum');
    expect(ore(totals[col('Ramme')]!.text)).to.equal(sumOf((r) => r.frame));
    expect(ore(totals[col('Utbetalt')]!.text)).to.equal(sumOf((r) => r.spent));
    expect(ore(totals[col('Åpne tilsagn')]!.text)).to.equal(sumOf((r) => r.openCommitments));
    expect(ore(totals[col('Gjenstår')]!.text)).to.equal(sumOf((r) => r.remaining));
    const ekspert = body.find((r) => r[0]!.text === 'ekspertbistand' && r[2]!.text === '2024')!;
    expect(ore(ekspert[col('Utbetalt')]!.text)).to.equal('2025000.25');
  });

  it('computes Bevilgning (appropriated, spent on the post, left) as the engine does, from the state’s own files', async () => {
    // Issue 11, CONTRACTS §9: the state accounts 2019–2025 and the appropriation history as shipped.
    const examples = join(import.meta.dirname, '..', '..', 'examples', 'dfo');
    const files = [2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) => [
      '--ledger',
      join(examples, `statsregnskapet_aar_${y}.csv`),
    ]);
    const xlsx = join(dir, 'stat.xlsx');
    const args = [
      '--out',
      xlsx,
      ...files,
      '--appropriations',
      join(examples, 'bevilgninger_full_historikk.csv'),
      '--as-of',
      '2025-12-31',
    ];
    const result = await workbookCommand(parseOptions(args));
    expect(result.status, result.stderr).to.equal(0);
    const rows = recalculated(xlsx).get('Bevilgning')!;
    const header = rows[0]!.map((f) => f.text);
    const cell = (row: Field[], name: string) => {
      const f = row[header.indexOf(name)]!;
      return f.text === '' ? null : ore(f.text);
    };
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]!.text}.${r[1]!.text}:${r[2]!.text}`, r]));
    const expectRow = (key: string, appropriated: string | null, spent: string, left: string | null) => {
      const row = byKey.get(key)!;
      expect([cell(row, 'Bevilget'), cell(row, 'Brukt'), cell(row, 'Gjenstår')], key).to.deep.equal([appropriated, spent, left]);
    };
    expectRow('2650.76:2020', '102000000.00', '3400000.00', '98600000.00');
    expectRow('601.71:2019', '53000000.00', '53000000.00', '0.00');
    expectRow('601.71:2025', '71800000.00', '68700000.00', '3100000.00');
    // No appropriation row: empty, never 0, in the sheet too.
    expectRow('601.22:2021', null, '19000000.00', null);
    expect(rows.length - 1).to.equal(21);
  });

  it('keeps ledger texts that look like formulas as text', () => {
    const rows = sheets.get('Forbruk')!;
    const tekst = rows[0]!.findIndex((f) => f.text === 'Tekst');
    const texts = rows.slice(1).map((r) => r[tekst]!);
    for (const t of ['=SUM(A1)', '+47 22 00 00 00', '@partene', '-rabatt'])
      expect(texts).to.deep.include({ text: t, quoted: true });
    const bilag = rows.slice(1, -1).map((r) => r[1]!); // the last row is the totals row
    expect(bilag.every((f) => f.quoted)).to.equal(true);
  });

  it('recalculates on load: a deliberately wrong cached value is corrected', async () => {
    const tables = buildWorkbookTables({ plan, ledgerLines: ledger.lines, reconciliation, lang: 'nb' });
    const tampered: TableData[] = tables.map((t) =>
      t.spec.table !== 'Avstemming'
        ? t
        : { ...t, rows: t.rows.map((row) => row.map((cell) => (isFormula(cell) ? { ...cell, cached: 999999.99 } : cell))) },
    );
    const xlsx = join(dir, 'feil-lagret.xlsx');
    await writeWorkbookFile(xlsx, tampered, { overwrite: false });
    const rows = recalculated(xlsx).get('Avstemming')!;
    const utbetalt = rows[0]!.findIndex((f) => f.text === 'Utbetalt');
    const ekspert = rows.find((r) => r[0]!.text === 'ekspertbistand' && r[2]!.text === '2024')!;
    expect(ore(ekspert[utbetalt]!.text)).to.equal('2025000.25');
    expect(rows.slice(1, 1 + reconciliation.rows.length).some((r) => r[utbetalt]!.text === '999999.99')).to.equal(false);
  });

  it('keeps every formula right with the governance columns and the Styring sheet added (carry-over, closed year)', async () => {
    // 2023: ekspertbistand 40 of 50 million spent, 5 % carried (2 500 000); kompetansetiltak 71 of 70, overspend carried (−1 000 000).
    const carryLedger = new Ledger(plan);
    carryLedger.addText('forbruk.csv', SAMPLE_LEDGER);
    carryLedger.addText(
      'overforing.csv',
      'dato;bilag;virkemiddel;type;beløp;år\n01.03.2023;U-1;ekspertbistand;utbetaling;40 000 000,00;2023\n' +
        '01.03.2023;U-2;kompetansetiltak;utbetaling;71 000 000,00;2023\n',
    );
    const rules = new Map<string, CarryOverRule>([
      ['ekspertbistand:2023-2023', { kind: 'share', share: '0.05', carryOverspend: false }],
      ['kompetansetiltak:2023-2023', { kind: 'all', carryOverspend: true }],
    ]);
    const base = { plan, governance: { ...EMPTY_GOVERNANCE, carryOver: rules }, lines: carryLedger.lines, log: [] };
    const closed = closeYearInState(base, 2023, { who: 'kari', at: '2024-02-01T09:00:00Z', why: 'Vedtatt' }, 'styring.xlsx');
    if (!closed.ok) throw new Error(closed.problems[0]!.message);
    const asOf = '2024-12-31' as IsoDate;
    const xlsx = join(dir, 'styring.xlsx');
    await writeWorkbookFile(xlsx, planningTables(closed.state, { asOf, lang: 'nb' }), { overwrite: false });
    const sheets2 = recalculated(xlsx);
    const rows = sheets2.get('Avstemming')!;
    const header = rows[0]!.map((f) => f.text);
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(-2)).to.deep.equal(['Overført inn', 'Per dato']);
    const engine = withCarryOver(reconcile(plan, carryLedger.lines, asOf).rows, rules);
    engine.forEach((c, i) => {
      const row = rows[1 + i]!;
      const where = `${c.row.instrument} ${c.row.from}`;
      expect(ore(row[col('Utbetalt')]!.text), where).to.equal(c.row.spent.toFixed2());
      expect(row[col('Gjenstår')]!.text === '' ? null : ore(row[col('Gjenstår')]!.text), where).to.equal(
        c.row.remaining?.toFixed2() ?? null,
      );
      expect(ore(row[col('Overført inn')]!.text), where).to.equal(c.carriedIn.toFixed2());
    });
    const ekspert = rows.find((r) => r[0]!.text === 'ekspertbistand' && r[2]!.text === '2024')!;
    expect([
      ore(ekspert[col('Utbetalt')]!.text),
      ore(ekspert[col('Overført inn')]!.text),
      ore(ekspert[col('Ramme')]!.text),
    ]).to.deep.equal(['2025000.25', '2500000.00', '50000000.00']);
    const kompetanse = rows.find((r) => r[0]!.text === 'kompetansetiltak' && r[2]!.text === '2024')!;
    expect(ore(kompetanse[col('Overført inn')]!.text)).to.equal('-1000000.00');
    const rammer = sheets2.get('Rammer')!;
    const rammerHeader = rammer[0]!.map((f) => f.text);
    const ekspertRule = rammer.find((r) => r[0]!.text === 'ekspertbistand' && r[2]!.text === '2023')!;
    expect(ekspertRule[rammerHeader.indexOf('Overføring')]).to.deep.equal({ text: 'andel', quoted: true });
    const styring = sheets2.get('Styring')!;
    expect(styring[0]!.map((f) => f.text)).to.include.members(['Versjon', 'År', 'Linjekontroll']);
    expect(styring[1]!.some((f) => f.text === '2023')).to.equal(true);
  });
});
