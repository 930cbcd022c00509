/**
 * Excel custom functions (namespace IA). Thin: read the workbook's tables (shared runtime), ask the
 * engine, shape the answer. The JSDoc below is the functions' metadata (functions.json); each id is
 * explicit, so renaming a TypeScript function never renames an Excel formula.
 */
import { ExcelWorkbookPort } from '../excel/excel-workbook-port.js';
import * as answers from './answers.js';
import { faultOfProblems, toFunctionError, type FunctionsRuntime } from './function-errors.js';
import { InputsSource } from './inputs-source.js';
import type { FunctionInputs } from './workbook-inputs.js';

let source: InputsSource | null = null;
let runtime: FunctionsRuntime | null = null;

/** Replaces where the functions read from and the runtime they report errors through (tests). */
export function configureFunctions(next: { source?: InputsSource; runtime?: FunctionsRuntime }): void {
  if (next.source) source = next.source;
  if (next.runtime) runtime = next.runtime;
}

function currentSource(): InputsSource {
  if (!source) {
    const port = new ExcelWorkbookPort();
    source = new InputsSource((names) => port.readTables(names));
  }
  return source;
}

function currentRuntime(): FunctionsRuntime {
  return runtime ?? CustomFunctions;
}

/** Runs a function's core on the workbook's inputs; every fault becomes an Excel error. */
async function answer<T>(compute: (inputs: FunctionInputs) => T): Promise<T> {
  try {
    const reading = await currentSource().inputs();
    if (!reading.ok) throw faultOfProblems(reading.problems);
    return compute(reading.inputs);
  } catch (error) {
    throw toFunctionError(error, currentRuntime());
  }
}

/**
 * Rammen (ressursrammen) for et virkemiddel i et budsjettår, fra tabellen Rammer.
 * @customfunction RAMME
 * @param virkemiddel Virkemiddelets id (f.eks. "ekspertbistand") eller navn.
 * @param år Budsjettåret, et helt tall fra 2019 til 2028.
 * @returns Rammen i kroner; #N/A når rammen ikke er fastsatt.
 * @volatile
 */
export async function ramme(virkemiddel: unknown, år: unknown): Promise<number> {
  return answer((inputs) => answers.ramme(inputs, virkemiddel, år));
}

/**
 * Utbetalt mot rammen for et virkemiddel i et budsjettår, fra tabellen Forbruk (til og med i dag).
 * @customfunction UTBETALT
 * @param virkemiddel Virkemiddelets id (f.eks. "ekspertbistand") eller navn.
 * @param år Budsjettåret, et helt tall fra 2019 til 2028.
 * @returns Summen av utbetalinger i kroner.
 * @volatile
 */
export async function utbetalt(virkemiddel: unknown, år: unknown): Promise<number> {
  return answer((inputs) => answers.utbetalt(inputs, virkemiddel, år));
}

/**
 * Hva som gjenstår av rammen: ramme minus utbetalt minus åpne tilsagn.
 * @customfunction GJENSTAR
 * @param virkemiddel Virkemiddelets id (f.eks. "ekspertbistand") eller navn.
 * @param år Budsjettåret, et helt tall fra 2019 til 2028.
 * @returns Gjenstående beløp i kroner; negativt når rammen er overskredet.
 * @volatile
 */
export async function gjenstar(virkemiddel: unknown, år: unknown): Promise<number> {
  return answer((inputs) => answers.gjenstar(inputs, virkemiddel, år));
}

/**
 * Utnyttelsen av rammen: utbetalt delt på rammen, med fire desimaler (vis cellen som prosent).
 * @customfunction UTNYTTELSE
 * @param virkemiddel Virkemiddelets id (f.eks. "ekspertbistand") eller navn.
 * @param år Budsjettåret, et helt tall fra 2019 til 2028.
 * @returns Andelen av rammen som er utbetalt, f.eks. 0,9642.
 * @volatile
 */
export async function utnyttelse(virkemiddel: unknown, år: unknown): Promise<number> {
  return answer((inputs) => answers.utnyttelse(inputs, virkemiddel, år));
}

/**
 * Sum for alle årlige statlige rammer i et budsjettår: én rad med ramme, utbetalt, åpne tilsagn og gjenstår.
 * @customfunction TOTAL
 * @param år Budsjettåret, et helt tall fra 2019 til 2028.
 * @returns Fire celler: ramme, utbetalt, åpne tilsagn og gjenstår, i kroner.
 * @volatile
 */
export async function total(år: unknown): Promise<number[][]> {
  return answer((inputs) => answers.total(inputs, år));
}
