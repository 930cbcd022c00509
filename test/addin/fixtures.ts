/** Shared fixtures for the add-in tests: the embedded plan with a small ledger of 2024, as tables. */
import { readFileSync } from 'node:fs';
import { embeddedPlan, Ledger, reconcile, type IsoDate } from '../../engine/index.js';
import { buildWorkbookTables, FORBRUK, type TableData } from '../../engine/workbook/index.js';

export const AS_OF = '2024-12-31' as IsoDate;

/** The example ledger of the repository: 2024 commitments and disbursements for a few instruments. */
export function exampleLedger(): Ledger {
  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  const report = ledger.addText('forbruk-eksempel.csv', readFileSync('examples/forbruk-eksempel.csv', 'utf8'));
  if (report.rejected) throw new Error(`example ledger rejected: ${report.problems.map((p) => p.message).join('; ')}`);
  return ledger;
}

/** Every table of the planning workbook for the embedded plan and the example ledger. */
export function workbookTables(): TableData[] {
  const plan = embeddedPlan();
  const ledger = exampleLedger();
  return buildWorkbookTables({
    plan,
    ledgerLines: ledger.lines,
    reconciliation: reconcile(plan, ledger.lines, AS_OF),
    lang: 'nb',
  });
}

/** A Forbruk table with `count` disbursements of 1 000,00 kr on ekspertbistand in 2024. */
export function bigForbruk(count: number): TableData {
  const rows = Array.from({ length: count }, (_, i) => [
    '2024-03-01',
    `U-${String(i).padStart(6, '0')}`,
    'ekspertbistand',
    'utbetaling',
    1000,
    null,
    2024,
    null,
    null,
    `Utbetaling nummer ${i} med en forklarende tekst som gjør raden lengre`,
    // Konto, Virksomhet, Dimensjon, Kildenøkkel: empty for a line of a §2 file; Forfall, Mottaker, Saksnummer: a disbursement has none.
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  return { spec: FORBRUK, rows };
}

/** A table by name from a list. */
export function tableNamed(tables: readonly TableData[], name: string): TableData {
  const table = tables.find((t) => t.spec.table === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}
