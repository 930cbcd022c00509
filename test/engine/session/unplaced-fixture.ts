/** Shared by the tests of the rule actions: a state whose 2650.76 money no rule can place yet. */
import { expect } from 'chai';
import { embeddedState, Ledger, reconcileState, type IsoDate, type PlanningState } from '../../../engine/index.js';

export const AS_OF = '2025-12-31' as IsoDate;

/** The embedded plan with three disbursements on 2650.76 (2024: 1 000,01; 2025: 100,00 and 0,05) that name no instrument. */
export function unplacedState(): PlanningState {
  const state = embeddedState();
  const ledger = new Ledger(state.plan);
  const csv = [
    'dato;bilag;kapittel;post;type;beløp;år',
    '15.03.2024;U-1;2650;76;utbetaling;1 000,01;2024',
    '15.03.2025;U-2;2650;76;utbetaling;100,00;2025',
    '16.03.2025;U-3;2650;76;utbetaling;0,05;2025',
  ].join('\n');
  const report = ledger.addFile('dfo.csv', () => [Buffer.from(csv, 'utf8')]);
  expect(report.rejected).to.equal(false);
  return { ...state, lines: ledger.lines };
}

/** What an instrument's one-year frame spent as of `AS_OF`, to the øre. */
export const spentOf = (state: PlanningState, instrument: string, year: number): string | undefined =>
  reconcileState(state, AS_OF)
    .rows.filter((r) => r.instrument === instrument && r.from === year)
    .map((r) => r.spent.toFixed2())[0];
