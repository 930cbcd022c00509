/**
 * The `Bevilgning` sheet (CONTRACTS §9): the rows of `comparePosts` with live formulas in the
 * layout's style: `Bevilget` = Saldert + Endringer + Overført inn, `Brukt` a SUMIFS over `Forbruk`
 * (disbursements on the chapter, post and budget year, dated on or before `Per dato`), `Gjenstår`
 * = Bevilget − Brukt; each with the engine's result cached, so a reader that does not calculate
 * sees the same figures. A post without an appropriation row that year has empty appropriation
 * cells, never 0.
 */
import type { IsoDate } from '../../calendar.js';
import { Money } from '../../money.js';
import type { PostYearOrigin } from '../../reconcile/origin.js';
import type { Plan } from '../../plan/plan.js';
import { transferRuleText, type PostComparison } from '../../reconcile/appropriations.js';
import type { Cell, TableData } from '../port/port.js';
import { BEVILGNING, columnRef, thisRowRef } from '../tables/layout.js';

const row = (c: string) => thisRowRef('Bevilgning', c);

/** `Bevilget`: the sum of the three decisions, empty when none is there. */
export function bevilgetFormula(): string {
  const [a, b, c] = [row('Saldert'), row('Endringer'), row('Overført inn')];
  return `IF(AND(${a}="",${b}="",${c}=""),"",${a}+${b}+${c})`;
}

/** `Brukt`: the disbursements on the post in the budget year, dated on or before `Per dato`. */
export function bruktFormula(): string {
  const f = (c: string) => columnRef('Forbruk', c);
  return (
    `SUMIFS(${f('Beløp')},${f('Kapittel')},${row('Kapittel')},${f('Post')},${row('Post')},${f('År')},${row('År')},` +
    `${f('Type')},"utbetaling",${f('Dato')},"<="&${row('Per dato')})`
  );
}

/** `Gjenstår`: what is left of the appropriation, empty without one. */
export function gjenstarBevilgningFormula(): string {
  return `IF(${row('Bevilget')}="","",${row('Bevilget')}-${row('Brukt')})`;
}

function money(m: Money | null): number | null {
  return m === null ? null : m.toLedgerCellNumber();
}

/** The `Bevilgning` table of the §9 rows, as of a date. */
export function bevilgningTable(
  plan: Plan,
  posts: readonly PostComparison[],
  asOf: IsoDate,
  /** By year of origin (issue 12): what lapses at the end of each post's year (`Faller bort`). */
  origins: readonly PostYearOrigin[] = [],
): TableData {
  const lapsing = new Map(
    origins.map(
      (o) => [`${o.chapter}.${o.post}:${o.year}`, o.lapsing.reduce((sum, l) => sum.plus(l.amount), Money.zero)] as const,
    ),
  );
  const name = (id: string) => plan.instruments.find((i) => i.id === id)?.name ?? id;
  const rows = posts.map((p): Cell[] => [
    p.chapter,
    p.post,
    p.year,
    money(p.enacted),
    money(p.changes),
    money(p.carriedIn),
    { formula: bevilgetFormula(), cached: money(p.appropriation) ?? '' },
    { formula: bruktFormula(), cached: p.spent.toLedgerCellNumber() },
    money(p.frames),
    { formula: gjenstarBevilgningFormula(), cached: money(p.remaining) ?? '' },
    p.instruments.map(name).join(', '),
    asOf,
    p.transfer === null ? null : transferRuleText(p.transfer, 'nb'),
    money(lapsing.get(`${p.chapter}.${p.post}:${p.year}`) ?? null),
  ]);
  return { spec: BEVILGNING, rows };
}
