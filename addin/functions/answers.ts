/**
 * The pure core of the custom functions: arguments as Excel passes them in, an answer or a fault
 * out. No office.js here, so every case is tested in Node.
 */
import {
  findInstrument,
  fundingWords,
  yearsWords,
  parseYear,
  yearTotalsOf,
  type Instrument,
  type Money,
  type ReconciliationRow,
  type Year,
} from '../../engine/index.js';
import { t } from '../../engine/messages/ui.js';
import type { FunctionInputs } from './workbook-inputs.js';

/** The functions' language: bokmål, the workbook's (Excel gives a custom function no UI language of the add-in's). */
const LANG = 'nb';

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
    throw new FunctionFault('value', t(LANG, 'fnInstrumentText'));
  }
  const instrument = findInstrument(value, inputs.plan.instruments);
  if (!instrument) {
    throw new FunctionFault('value', t(LANG, 'fnUnknownInstrument', { value }));
  }
  return instrument;
}

/** The budget year, from a number or text (2024, "2024", 2024.0). */
function yearArg(value: Argument): Year {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new FunctionFault('value', t(LANG, 'fnYearType'));
  }
  const reading = parseYear(value);
  if (!reading.ok) {
    throw new FunctionFault('value', t(LANG, 'fnBadYear', { value: String(value) }));
  }
  return reading.year;
}

/** The reconciliation row of the frame that covers the year (an annual frame, or a pool such as SKIL 2019–2021). */
function rowFor(inputs: FunctionInputs, virkemiddel: Argument, år: Argument): { row: ReconciliationRow; instrument: Instrument } {
  const instrument = instrumentArg(virkemiddel, inputs);
  const year = yearArg(år);
  const row = inputs.reconciliation.rows.find((r) => r.instrument === instrument.id && r.from <= year && year <= r.to);
  if (!row) throw new FunctionFault('na', t(LANG, 'fnNoFrame', { instrument: instrument.name, year }));
  return { row, instrument };
}

function notSet(instrument: Instrument, row: ReconciliationRow): FunctionFault {
  if (row.funding !== 'state') {
    return new FunctionFault(
      'na',
      t(LANG, 'fnNoStateFrame', { instrument: instrument.name, funding: fundingWords(row.funding, LANG) }),
    );
  }
  return new FunctionFault('na', t(LANG, 'fnFrameNotSet', { instrument: instrument.name, years: yearsWords(row.from, row.to) }));
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
      throw new FunctionFault('na', t(LANG, 'fnZeroFrame', { instrument: instrument.name, years: yearsWords(row.from, row.to) }));
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
  if (totals.count === 0) throw new FunctionFault('na', t(LANG, 'fnNoStateFrames', { year }));
  return [[cell(totals.frames), cell(totals.spentOnFrames), cell(totals.openOnFrames), cell(totals.remaining)]];
}
