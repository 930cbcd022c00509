/** Helpers for the evaluation tests: a ledger from lines of text, and indicator files from rows. */
import { embeddedPlan, Ledger, type IsoDate, type LedgerLine } from '../../../engine/index.js';

/** The embedded plan, built once. */
export const plan = embeddedPlan();

/** Ledger lines from `dato;bilag;virkemiddel;type;beløp;referanse;år` rows. */
export function ledgerLines(...rows: string[]): LedgerLine[] {
  const ledger = new Ledger(plan);
  const report = ledger.addText('test.csv', ['dato;bilag;virkemiddel;type;beløp;referanse;år', ...rows].join('\n'));
  if (report.problems.length > 0) throw new Error(report.problems.map((p) => p.message).join('\n'));
  return [...ledger.lines];
}

/** An ISO date for tests. */
export function day(text: string): IsoDate {
  return text as IsoDate;
}

/** An indicator CSV from rows (header included). */
export function indicatorCsv(...rows: string[]): string {
  return ['indikator;år;kvartal;verdi;måltype;kilde;mål', ...rows].join('\n');
}
