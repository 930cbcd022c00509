/**
 * Per-year totals of a plan's frames, as the budget counts them: a pooled frame (the SKIL pool
 * 2019–2021) counts in its first year, as the 2019 budget did, so 2019 is 273 000 000 kr and
 * every later year of the embedded plan 271 000 000 kr. Frames whose amount is not set add nothing.
 */
import { YEARS } from '../calendar.js';
import { Money } from '../money.js';
import type { Frame } from './frame.js';

/** Totals of state frames per year 2019–2028; a pooled frame counts in its first year. */
export function frameTotalsByYear(frames: readonly Frame[]): Map<number, Money> {
  const totals = new Map<number, Money>(YEARS.map((y) => [y, Money.zero]));
  for (const frame of frames) {
    if (frame.amount === null) continue;
    totals.set(frame.from, (totals.get(frame.from) ?? Money.zero).plus(frame.amount));
  }
  return totals;
}
