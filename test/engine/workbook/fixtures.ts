// A small ledger for workbook tests: a commitment partly paid, a refund, a pooled SKIL payment,
// spending on an instrument without a NOK frame, a line after the report date, and texts that look like formulas.
import {
  embeddedPlan,
  Ledger,
  reconcile,
  type IsoDate,
  type LedgerLine,
  type Plan,
  type Reconciliation,
} from '../../../engine/index.js';

export const SAMPLE_LEDGER = `dato;bilag;virkemiddel;kapittel;post;type;beløp;referanse;år;tekst
15.01.2024;T-1;ekspertbistand;;;tilsagn;2 500 000,00;;2024;Tilsagn ekspertbistand
01.02.2024;U-1;ekspertbistand;;;utbetaling;1 150 000,00;T-1;2024;=SUM(A1)
15.03.2024;U-2;ekspertbistand;2650;76;utbetaling;875 500,50;;2024;+47 22 00 00 00
20.03.2024;U-3;ekspertbistand;;;utbetaling;-500,25;;2024;Tilbakebetaling
02.02.2020;U-4;skil;;;utbetaling;100 000,10;;2020;@partene
03.02.2024;U-5;opplaering;;;utbetaling;10,00;;2024;-rabatt
10.06.2024;U-6;kompetansetiltak;;;utbetaling;71 000 000,00;;2024;Over rammen
05.01.2025;U-7;ekspertbistand;;;utbetaling;1 000,00;;2025;Etter rapportdatoen
`;

/** The embedded plan, the sample ledger's lines and their reconciliation as of 31.12.2024. */
export function sample(asOf = '2024-12-31'): { plan: Plan; lines: readonly LedgerLine[]; reconciliation: Reconciliation } {
  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  const report = ledger.addText('forbruk.csv', SAMPLE_LEDGER);
  if (report.rejected) throw new Error(report.problems.map((p) => p.message).join('\n'));
  return { plan, lines: ledger.lines, reconciliation: reconcile(plan, ledger.lines, asOf as IsoDate) };
}
