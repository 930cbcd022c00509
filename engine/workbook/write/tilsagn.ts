/**
 * The `Tilsagn` sheet (issue 12): the authorisations the user typed (`Tilsagnsfullmakter`) with
 * their use, the commitments register per instrument and year, and the commitments open at the
 * as-of date (`ApneTilsagn`), all from the engine's
 * `commitmentRegister` as of a date. The figures are values, not formulas: which instalment a
 * settlement paid is the engine's rule (earliest due first), which a sheet formula would only copy.
 */
import { FIRST_YEAR, LAST_YEAR, yearOfDate, type IsoDate } from '../../calendar.js';
import type { LedgerLine } from '../../ledger/line.js';
import { t } from '../../messages/ui.js';
import type { Lang } from '../../messages/problems.js';
import { Money } from '../../money.js';
import { commitmentRegisters, dueText, type Authorisation, type CommitmentRegister } from '../../reconcile/commitments.js';
import type { Cell, TableData } from '../port/port.js';
import { APNE_TILSAGN, TILSAGN, TILSAGNSFULLMAKTER } from '../tables/layout.js';

const cell = (m: Money) => m.toLedgerCellNumber();

/** The registers of every year 2019–2028 up to the as-of date's year. */
function registers(lines: readonly LedgerLine[], authorisations: readonly Authorisation[], asOf: IsoDate): CommitmentRegister[] {
  const last = Math.min(LAST_YEAR, yearOfDate(asOf));
  const years = Array.from({ length: Math.max(0, last - FIRST_YEAR + 1) }, (_, i) => FIRST_YEAR + i);
  return commitmentRegisters(lines, years, { asOf, authorisations });
}

/** The `Tilsagnsfullmakter` and `Tilsagn` tables for a ledger and the authorisations, as of a date. */
export function tilsagnTables(
  lines: readonly LedgerLine[],
  authorisations: readonly Authorisation[],
  asOf: IsoDate,
  lang: Lang,
): TableData[] {
  const byYear = registers(lines, authorisations, asOf);
  const use = new Map(byYear.flatMap((r) => r.authorisations.map((a) => [`${a.chapter}.${a.post}:${a.year}`, a] as const)));
  const fullmakter = authorisations.map((a): Cell[] => {
    const u = use.get(`${a.chapter}.${a.post}:${a.year}`);
    return [
      a.chapter,
      a.post,
      a.year,
      cell(Money.fromMilli(a.amount)),
      u ? cell(u.used) : null,
      u ? cell(u.unknownDue) : null,
      u ? cell(u.left) : null,
      u?.exceeded ? t(lang, 'authorisationExceeded') : null,
    ];
  });
  const tilsagn: Cell[][] = [];
  for (const r of byYear) {
    for (const g of r.byInstrument) {
      const due = (pick: (year: number | null) => boolean) =>
        g.dueByYear.filter((d) => pick(d.year)).reduce((sum, d) => sum.plus(d.amount), Money.zero);
      tilsagn.push([
        g.instrument ?? t(lang, 'notPlaced'),
        r.year,
        cell(g.openAtStart),
        cell(g.newInYear),
        cell(g.disbursed),
        cell(g.cancelled),
        cell(g.openAtEnd),
        cell(due((y) => y !== null && y <= r.year)),
        cell(due((y) => y === r.year + 1)),
        cell(due((y) => y !== null && y > r.year + 1)),
        cell(due((y) => y === null)),
        g.overSettled ? t(lang, 'overSettledShort') : null,
        r.asOf,
      ]);
    }
  }
  // The open list of the as-of date's year (the last register), oldest first.
  const current = byYear.at(-1);
  const open = (current?.open ?? []).map((o): Cell[] => [
    o.voucher,
    o.date,
    o.instrument ?? t(lang, 'notPlaced'),
    o.chapter,
    o.post,
    o.recipient,
    o.caseNumber,
    cell(o.amount),
    cell(o.settled),
    cell(o.open),
    o.ageMonths,
    dueText(o.dueByYear, lang),
    o.followUp ? t(lang, 'followUp') : null,
  ]);
  return [
    { spec: TILSAGNSFULLMAKTER, rows: fullmakter },
    { spec: TILSAGN, rows: tilsagn },
    { spec: APNE_TILSAGN, rows: open },
  ];
}
