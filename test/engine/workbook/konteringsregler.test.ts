import { expect } from 'chai';
import { embeddedPlan, Ledger, type Cell, type TableRead } from '../../../engine/index.js';
import { readPlanTables } from '../../../engine/workbook/read/read-plan-table.js';
import { buildWorkbookTables, konteringsreglerTable } from '../../../engine/workbook/write/build.js';
import { reconcile } from '../../../engine/reconcile/reconcile.js';

// Scenario (issue 11, CONTRACTS §8): a budget officer opens the planning workbook, finds the
// 2650.76 rules with ? in Andel, and types the split the agencies agreed (60 % and 40 %). Every
// host reads the same table: the next reconciliation places the post's money by it, exactly.

const plan = embeddedPlan();

function tableRead(table: string, sheet: string, header: readonly string[], rows: readonly (readonly Cell[])[]): TableRead {
  const values = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.cached : c)));
  return { sheet, table, header, rows: values, firstRow: 2 };
}

function planTables(ruleRows: readonly (readonly Cell[])[]) {
  const tables = buildWorkbookTables({
    plan,
    ledgerLines: [],
    reconciliation: reconcile(plan, [], '2024-12-31' as never),
    lang: 'nb',
  });
  const of = (name: string) => tables.find((t) => t.spec.table === name)!;
  const read = (name: string, rows = of(name).rows) =>
    tableRead(
      name,
      of(name).spec.sheet,
      of(name).spec.columns.map((c) => c.name),
      rows,
    );
  return readPlanTables(read('Rammer'), read('Poster'), 'plan.xlsx', 'nb', read('Konteringsregler', ruleRows));
}

describe('the Konteringsregler table (CONTRACTS §8)', () => {
  it('is written with the embedded rules and read back to the same rules', () => {
    const rows = konteringsreglerTable(plan).rows;
    const reading = planTables(rows);
    expect(reading.problems).to.deep.equal([]);
    expect(konteringsreglerTable(reading.plan!).rows).to.deep.equal(rows);
  });

  it('places 2650.76 by the shares a user typed, to the øre', () => {
    const reading = planTables([
      [601, 22, null, null, null, null, null, 'kunnskapsutvikling', null],
      [2650, 76, null, null, null, 2024, null, 'ekspertbistand', '60 %'],
      [2650, 76, null, null, null, 2024, null, 'kompetansetiltak', 0.4],
    ]);
    expect(reading.problems).to.deep.equal([]);
    const ledger = new Ledger(reading.plan!);
    const report = ledger.addText(
      'nav.csv',
      'dato;bilag;kapittel;post;beløp\n15.03.2024;U-1;2650;76;1 000,01\n15.03.2023;U-2;2650;76;5,00\n',
      {
        skipInvalid: true,
      },
    );
    // The rules name 2650.76 from 2024 only: a 2023 line on it is an unmapped post in a §2 file.
    expect(report.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
      ['unmapped_post', 3, 'post', '2650.76'],
    ]);
    expect(ledger.lines.map((l) => [l.voucher, l.instrument, l.amount])).to.deep.equal([
      ['U-1', 'ekspertbistand', 600_010n],
      ['U-1', 'kompetansetiltak', 400_000n],
    ]);
  });

  it('refuses a table whose shares do not add up, naming sheet Poster and the rows', () => {
    const reading = planTables([
      [2650, 76, null, null, null, null, null, 'ekspertbistand', '60 %'],
      [2650, 76, null, null, null, null, null, 'kompetansetiltak', '30 %'],
    ]);
    expect(reading.plan).to.equal(null);
    expect(reading.problems.map((p) => [p.code, p.sheet, p.line, p.column, p.value])).to.deep.equal([
      ['rule_shares', 'Poster', 2, 'Andel', '0,9'],
    ]);
    expect(reading.problems[0]!.message).to.contain('plan.xlsx, ark Poster, rad 2, kolonne Andel: Andelene går ikke opp i 1.');
  });
});
