/**
 * Activity figures and resources that are not money: the counts the coordinating group records per
 * instrument (expert-assistance cases, enterprises in an industry programme, HelseIArbeid
 * participants) and the working-life centres' person-years, advisers and enterprises covered.
 */
import { Dec, Money } from '../money.js';

/** A count the group records for an instrument and year, e.g. 412 expert-assistance cases. */
export interface ActivityFigure {
  readonly instrument: string;
  readonly year: number;
  /** What is counted, in the group's words (`saker`, `virksomheter`, `deltakere`). */
  readonly label: string;
  readonly count: Dec;
  readonly source: string;
}

/** A working-life centre's resources in a year. */
export interface CentreResources {
  readonly centre: string;
  readonly year: number;
  /** Person-years (årsverk), or null when not known. */
  readonly personYears: Dec | null;
  /** IA advisers, or null. */
  readonly advisers: Dec | null;
  /** Enterprises with employees the centre covers, or null. */
  readonly enterprises: Dec | null;
  /** Whether the figures are approximate («om lag»). */
  readonly approximate: boolean;
  readonly source: string;
}

/** NAV Arbeidslivssenter Øst-Viken (seed presentation 2025): about 50 person-years, about 40 advisers, 25 328 enterprises. */
export const BUILT_IN_RESOURCES: readonly CentreResources[] = [
  {
    centre: 'NAV Arbeidslivssenter Øst-Viken',
    year: 2025,
    personYears: new Dec(50),
    advisers: new Dec(40),
    enterprises: new Dec(25328),
    approximate: true,
    source: 'Presentasjon NAV Arbeidslivssenter Øst-Viken 2025',
  },
];

/** A centre's resources with the ratios the council looks at. */
export interface ResourceAssessment extends CentreResources {
  /** Enterprises per adviser, one decimal half-up (25 328 / 40 = "633.2"), or null. */
  readonly enterprisesPerAdviser: string | null;
  /** Enterprises per person-year, one decimal half-up, or null. */
  readonly enterprisesPerPersonYear: string | null;
}

function perUnit(total: Dec | null, units: Dec | null): string | null {
  if (total === null || units === null || units.isZero()) return null;
  return total.dividedBy(units).toDecimalPlaces(1).toFixed(1);
}

/** Each centre's resources for a year: its latest figures up to that year, else its earliest, with the ratios. */
export function assessResources(resources: readonly CentreResources[], year: number): ResourceAssessment[] {
  const centres = [...new Set(resources.map((r) => r.centre))];
  return centres.map((centre) => {
    const own = resources.filter((r) => r.centre === centre).sort((a, b) => a.year - b.year);
    const upTo = own.filter((r) => r.year <= year);
    const chosen = upTo.length > 0 ? upTo[upTo.length - 1]! : own[0]!;
    return {
      ...chosen,
      enterprisesPerAdviser: perUnit(chosen.enterprises, chosen.advisers),
      enterprisesPerPersonYear: perUnit(chosen.enterprises, chosen.personYears),
    };
  });
}

/** A counted activity with its cost: spent / count, to øre half-up, or null when the count is 0. */
export interface ActivityCost {
  readonly label: string;
  readonly count: Dec;
  readonly costPerActivity: Money | null;
}

/** Cost per activity for an instrument's figures of a year. */
export function activityCosts(
  figures: readonly ActivityFigure[],
  instrument: string,
  year: number,
  spent: Money,
): ActivityCost[] {
  const totals = new Map<string, Dec>();
  for (const f of figures) {
    if (f.instrument !== instrument || f.year !== year) continue;
    totals.set(f.label, (totals.get(f.label) ?? new Dec(0)).plus(f.count));
  }
  return [...totals].map(([label, count]) => ({
    label,
    count,
    costPerActivity: count.isZero() ? null : Money.of(spent.toDecimal().dividedBy(count).toDecimalPlaces(2).toFixed(2)),
  }));
}
