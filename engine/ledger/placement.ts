/**
 * Placing a ledger line on instruments by the plan's mapping rules (CONTRACTS §8): the one place
 * where a line that names no instrument becomes the lines of its instruments (split by share,
 * exact to the øre), a line kept unallocated (its shares are not set), or a problem. Every reader
 * that meets such a line (a §2 file, the state accounts, SAF-T, a workbook's `Forbruk`) asks this
 * module; none places a line itself.
 */
import { isYear } from '../calendar.js';
import { problem, type Lang, type Problem } from '../messages/problems.js';
import { RulePlacer, rulesOf } from '../plan/rules.js';
import type { Plan } from '../plan/plan.js';
import type { LedgerLine } from './line.js';
import type { Dimension, PlacementKeys } from './source-line.js';

/** What placing one line gave. */
export type LinePlacement =
  | { readonly kind: 'lines'; readonly lines: readonly LedgerLine[] }
  /** No rule names the line (or its year lies outside the plan's): outside the plan. */
  | { readonly kind: 'outside' }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** The dimensions of a line as written in `Forbruk` (`TYPE=ID;TYPE=ID`). */
export function dimensionsText(dimensions: readonly Dimension[]): string {
  return dimensions.map((d) => `${d.type}=${d.id}`).join(';');
}

/** The dimensions of `dimensionsText`. */
export function parseDimensions(text: string | undefined): Dimension[] {
  if (text === undefined || text === '') return [];
  const dimensions: Dimension[] = [];
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) dimensions.push({ type: pair.trim(), id: '' });
    else dimensions.push({ type: pair.slice(0, at).trim(), id: pair.slice(at + 1).trim() });
  }
  return dimensions;
}

/** The keys the rules look at, of a line. */
export function keysOf(line: LedgerLine): PlacementKeys {
  return {
    chapter: line.chapter,
    post: line.post,
    account: line.account === undefined || line.account === '' ? null : line.account,
    dimensions: parseDimensions(line.dimensions),
    organisation: line.organisation === undefined || line.organisation === '' ? null : line.organisation,
  };
}

/**
 * The keys the rules see of a source line's keys (a SAF-T or DFØ line, CONTRACTS §7): what `keysOf`
 * gives for the ledger line the source line becomes, without writing its dimensions out as text and
 * reading them back for each line. An empty account or organisation is none; dimensions are given
 * back as they are unless a type or ID holds what the text form cannot carry (`;`, `=` in a type,
 * white space at an end), which then reads as the text form reads, so the rules place the line
 * exactly as they would place its ledger line.
 */
export function sourceKeys(keys: PlacementKeys): PlacementKeys {
  const { account, organisation, dimensions } = keys;
  const asText = dimensions.some(
    (d) => d.type.includes(';') || d.type.includes('=') || d.id.includes(';') || d.type.trim() !== d.type || d.id.trim() !== d.id,
  );
  if (account !== '' && organisation !== '' && !asText) return keys;
  return {
    chapter: keys.chapter,
    post: keys.post,
    account: account === '' ? null : account,
    dimensions: asText ? parseDimensions(dimensionsText(dimensions)) : dimensions,
    organisation: organisation === '' ? null : organisation,
  };
}

/** Places lines by one plan's rules. */
export class LinePlacer {
  private readonly rules: RulePlacer;

  constructor(plan: Plan) {
    this.rules = new RulePlacer(rulesOf(plan));
  }

  /** Whether a line with these keys in this budget year is in the plan at all (a rule names it). */
  inPlan(keys: PlacementKeys, year: number): boolean {
    return isYear(year) && this.rules.names(keys, year);
  }

  /**
   * Places a line that names no instrument (`line.instrument === null`). `where` is how a problem
   * names the place (file, sheet, line, and the column that holds the post).
   */
  place(
    line: LedgerLine,
    where: { file: string; sheet?: string; column: string; value: string },
    lang: Lang,
    /** The line's keys when the caller has them already (they must be what `keysOf(line)` gives). */
    keys?: PlacementKeys,
  ): LinePlacement {
    if (!isYear(line.year)) return { kind: 'outside' };
    const placement = this.rules.place(keys ?? keysOf(line), line.year, line.amount);
    const place = {
      file: where.file,
      ...(where.sheet === undefined ? {} : { sheet: where.sheet }),
      line: line.line,
      column: where.column,
      value: where.value,
    };
    switch (placement.kind) {
      case 'placed':
        return {
          kind: 'lines',
          lines: placement.parts.map((part) => ({ ...line, instrument: part.instrument, amount: part.amount })),
        };
      case 'unallocated':
        return {
          kind: 'lines',
          lines: [{ ...line, instrument: null, unallocated: { instruments: placement.instruments, flags: placement.flags } }],
        };
      case 'ambiguous':
        return { kind: 'problem', problem: problem('ambiguous_rules', place, lang, { rows: placement.rows.join(', ') }) };
      case 'outside':
        return { kind: 'outside' };
    }
  }
}
