/**
 * The pure core of the custom functions: arguments as Excel passes them in, an answer or a fault
 * out. No office.js here, so every case is tested in Node.
 */
import {
  findInstrument,
  parseYear,
  yearTotalsOf,
  type Instrument,
  type Money,
  type ReconciliationRow,
  type Year,
} from '../../engine/index.js';
import type { FunctionInputs } from './workbook-inputs.js';

/** Why a function has no answer: a bad argument (#VALUE!) or no such figure (#N/A). */
export class FunctionFault extends Error {
  override readonly name = 'FunctionFault';

  constructor(
    readonly kind: 'value' | 'na',
    message: string,
  ) {
    super(message);
  }
}

/** An argument as Excel hands it to a function declared with `any`. */
export type Argument = unknown;

/** The instrument named by id or name. */
function instrumentArg(value: Argument, inputs: FunctionInputs): Instrument {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FunctionFault('value', 'Oppgi virkemiddelet som tekst: id (f.eks. "ekspertbistand") eller navn.');
  }
  const instrument = findInstrument(value, inputs.plan.instruments);
  if (!instrument) {
    throw new FunctionFault(
      'value',
      `Ukjent virkemiddel «${value}». Bruk en id som "ekspertbistand" eller navnet slik det står i Rammer.`,
    );
  }
  return instrument;
}

/** The budget year, from a number or text (2024, "2024", 2024.0). */
function yearArg(value: Argument): Year {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new FunctionFault('value', 'Oppgi budsjettåret som et helt tall fra 2019 til 2028, f.eks. 2024.');
  }
  const reading = parseYear(value);
  if (!reading.ok) {
    throw new FunctionFault('value', `Året «${String(value)}» er ikke et budsjettår. Bruk et helt tall fra 2019 til 2028.`);
  }
  return reading.year;
}

/** The reconciliation row of the frame that covers the year (an annual frame, or a pool such as SKIL 2019–2021). */
function rowFor(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): { row: ReconciliationRow; instrument: Instrument } {
  const instrument = instrumentArg(virkemiddel, inputs);
  const year = yearArg(år);
  const row = inputs.reconciliation.rows.find((r) => r.instrument === instrument.id && r.from <= year && year <= r.to);
  if (!row) throw new FunctionFault('na', `${instrument.name} har ingen ramme for ${year} i tabellen Rammer.`);
  return { row, instrument };
}

function notSet(instrument: Instrument, row: ReconciliationRow): FunctionFault {
  if (row.funding !== 'state') {
    return new FunctionFault('na', `${instrument.name} har ingen statlig ramme i kroner (finansieres av ${row.funding}).`);
  }
  return new FunctionFault(
    'na',
    `Rammen for ${instrument.name} ${period(row)} er ikke fastsatt. Fyll inn Beløp i tabellen Rammer.`,
  );
}

function period(row: ReconciliationRow): string {
  return row.from === row.to ? String(row.from) : `${row.from}–${row.to}`;
}

/** A money answer as an Excel cell value (the one place money becomes a number). */
function cell(amount: Money): number {
  return amount.toNumber();
}

/** IA.RAMME: the frame covering the year. */
export function ramme(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): number {
  const { row, instrument } = rowFor(inputs, virkemiddel, år);
  if (row.frame === null) throw notSet(instrument, row);
  return cell(row.frame);
}

/** IA.UTBETALT: disbursed against the frame covering the year (a pool: over its whole period). */
export function utbetalt(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): number {
  return cell(rowFor(inputs, virkemiddel, år).row.spent);
}

/** IA.GJENSTAR: frame − disbursed − open commitments. */
export function gjenstar(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): number {
  const { row, instrument } = rowFor(inputs, virkemiddel, år);
  if (row.remaining === null) throw notSet(instrument, row);
  return cell(row.remaining);
}

/** IA.UTNYTTELSE: disbursed / frame, 4 decimals (a share: 0.9642 shows as 96,42 % in a percent cell). */
export function utnyttelse(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): number {
  const { row, instrument } = rowFor(inputs, virkemiddel, år);
  if (row.utilisation === null) {
    if (row.frame !== null)
      throw new FunctionFault('na', `Rammen for ${instrument.name} ${period(row)} er 0, så utnyttelsen er ikke definert.`);
    throw notSet(instrument, row);
  }
  return Number(row.utilisation);
}

/** The columns of IA.TOTAL's answer, in order. */
export const TOTAL_COLUMNS = ['Ramme', 'Utbetalt', 'Åpne tilsagn', 'Gjenstår'] as const;

/**
 * IA.TOTAL: the year's state frames summed as the engine counts every year total (`yearTotalsOf`:
 * a pool such as SKIL 2019–2021 in its first year, as `ia-planner frames` and the task pane's
 * overview count it), as one row of four cells: frame, disbursed, open commitments, remaining.
 * Frames not set are left out of the frame and remaining sums.
 */
export function total(inputs: FunctionInputs, år: Argument): number[][] {
  const year = yearArg(år);
  const totals = yearTotalsOf(inputs.reconciliation.rows, year);
  if (totals.count === 0) throw new FunctionFault('na', `Planen har ingen statlige rammer for ${year}.`);
  return [[cell(totals.frames), cell(totals.spent), cell(totals.openCommitments), cell(totals.remaining)]];
}
