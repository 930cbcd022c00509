/**
 * Indicators (indikatorer) and goals: the national sick-leave percentage and drop-out, and one
 * indicator per industry programme. Values are exact decimals (`Dec`), one per year (annual value)
 * or quarter, each with its measure type (unadjusted, seasonally adjusted, …) and source. The
 * baseline is the annual value for 2018, the agreement's reference year (CONTRACTS §6).
 */
import { Dec } from '../money.js';

/** Which way is better for an indicator. */
export type Sense = 'lower_is_better' | 'higher_is_better';

/** A goal: a share of the baseline (−10 % = factor 0.9), a fixed value, only a direction, or none. */
export type GoalRule =
  | { readonly kind: 'factor'; readonly factor: string }
  | { readonly kind: 'value'; readonly value: Dec }
  | { readonly kind: 'direction' }
  | { readonly kind: 'none' };

/** An indicator: its id, names, sense and goal. */
export interface IndicatorDefinition {
  /** `sykefravaer`, `frafall` or `bransje:<name>`. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** National indicators trigger `adjustmentRequired` when they move the wrong way. */
  readonly national: boolean;
  readonly sense: Sense;
  readonly goal: GoalRule;
}

/** One observed value of an indicator. */
export interface IndicatorValue {
  readonly indicator: string;
  readonly year: number;
  /** 1–4, or null for an annual value. */
  readonly quarter: 1 | 2 | 3 | 4 | null;
  /** The value as a percentage (7.19 for 7,19 %). */
  readonly value: Dec;
  /** The measure type as written (`ujustert`, `sesongjustert`, `sesong- og influensajustert`), or ''. */
  readonly measure: string;
  readonly source: string;
  /** Where the value came from: built in, or a file or table with its line. */
  readonly origin: { readonly kind: 'built_in' } | { readonly kind: 'file'; readonly file: string; readonly line: number };
}

/** The reference year of the baselines. */
export const BASELINE_YEAR = 2018;

/** The sick-leave indicator's id. */
export const SYKEFRAVAER = 'sykefravaer';
/** The drop-out indicator's id. */
export const FRAFALL = 'frafall';

/** The built-in national indicators (CONTRACTS §6). */
export const NATIONAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: SYKEFRAVAER,
    name: 'Sykefraværsprosent',
    nameEn: 'Sick-leave percentage',
    national: true,
    sense: 'lower_is_better',
    goal: { kind: 'factor', factor: '0.9' },
  },
  {
    id: FRAFALL,
    name: 'Frafall fra arbeidslivet',
    nameEn: 'Drop-out from working life',
    national: true,
    sense: 'lower_is_better',
    goal: { kind: 'direction' },
  },
];

/** The industry programmes (FACTS.md): the seven of 2019–2020 and the four new in 2025, by indicator name. */
export const INDUSTRY_PROGRAMMES: readonly { readonly key: string; readonly name: string; readonly from: number }[] = [
  { key: 'sykehus', name: 'Sykehus', from: 2019 },
  { key: 'sykehjem', name: 'Sykehjem', from: 2019 },
  { key: 'barnehage', name: 'Barnehager', from: 2019 },
  { key: 'naeringsmiddelindustri', name: 'Næringsmiddelindustrien', from: 2019 },
  { key: 'rutebuss', name: 'Rutebuss og persontransport', from: 2019 },
  { key: 'bygg', name: 'Bygg og anlegg', from: 2019 },
  { key: 'leverandorindustri', name: 'Leverandørindustrien til olje og gass', from: 2019 },
  { key: 'hjemmetjenester', name: 'Hjemmetjenester', from: 2025 },
  { key: 'varehandel', name: 'Varehandel', from: 2025 },
  { key: 'barnevern', name: 'Barnevern', from: 2025 },
  { key: 'skole-sfo', name: 'Skole og SFO', from: 2025 },
];

/** The definition of an indicator id: a built-in, or an industry indicator (`bransje:<name>`, lower is better). */
export function indicatorDefinition(id: string, goal: GoalRule = { kind: 'none' }): IndicatorDefinition | null {
  const national = NATIONAL_INDICATORS.find((d) => d.id === id);
  if (national) return national;
  const match = /^bransje:(.+)$/.exec(id);
  if (!match) return null;
  const key = match[1]!;
  const known = INDUSTRY_PROGRAMMES.find((p) => p.key === key);
  const name = known ? known.name : key;
  return {
    id,
    name: `Sykefravær, bransjeprogram ${name.toLowerCase()}`,
    nameEn: `Sick leave, industry programme ${key}`,
    national: false,
    sense: 'lower_is_better',
    goal,
  };
}

/** The public source of the built-in values, as a user reads it in Indikatorer and in the report. */
const STATISTICS = 'Sykefraværsstatistikk fra NAV og SSB';
const SEED = 'Presentasjon NAV Arbeidslivssenter Øst-Viken 2025 («økt med 26 % fra 2018 til 3. kvartal 2024»)';

function builtIn(
  year: number,
  quarter: 1 | 2 | 3 | 4 | null,
  value: string,
  measure: string,
  source = STATISTICS,
): IndicatorValue {
  return { indicator: SYKEFRAVAER, year, quarter, value: new Dec(value), measure, source, origin: { kind: 'built_in' } };
}

/**
 * The built-in sick-leave values (FACTS.md). Where the source does not state the measure type it
 * is '' (not stated), never guessed.
 *
 * For 2024 only the seed's Q3 figure (7.19 %) is built in: CONTRACTS §6 fixes the evaluation of
 * 2024 at that value ("period": "2024-Q3", +26.14 % on 2018), which is the figure the 2025
 * agreement was negotiated on. FACTS.md also lists an annual 6.8 % and a seasonally adjusted 6.6 %
 * for Q4 2024; built in, they would replace the contract's figure under the annual-first rule. A
 * user who wants them adds them with an indicator file (`sykefravaer;2024;;6,8;…`), and the rule
 * then applies to their data.
 */
export const BUILT_IN_VALUES: readonly IndicatorValue[] = [
  builtIn(2018, null, '5.7', 'sesong- og influensajustert', 'IA-avtalen 2019–2022: årsgjennomsnitt 2018'),
  builtIn(2019, null, '5.8', 'ujustert'),
  builtIn(2020, null, '6.2', 'ujustert'),
  builtIn(2022, null, '6.8', ''),
  builtIn(2023, null, '6.7', ''),
  builtIn(2024, 3, '7.19', '', SEED),
  builtIn(2025, 1, '6.7', ''),
  builtIn(2025, 2, '6.6', ''),
];

/** The period of a value: `2024` or `2024-Q3`. */
export function periodText(value: { year: number; quarter: number | null }): string {
  return value.quarter === null ? String(value.year) : `${value.year}-Q${value.quarter}`;
}

/** The key of a value's indicator and period, for replacing built-in values. */
export function valueKey(value: { indicator: string; year: number; quarter: number | null }): string {
  return `${value.indicator}|${periodText(value)}`;
}

/** Merges value lists; a later list's value for the same indicator and period replaces an earlier one. */
export function mergeValues(...lists: readonly (readonly IndicatorValue[])[]): IndicatorValue[] {
  const byKey = new Map<string, IndicatorValue>();
  for (const list of lists) for (const value of list) byKey.set(valueKey(value), value);
  return [...byKey.values()].sort((a, b) =>
    a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0),
  );
}

/** The value for a year: the annual value if there is one, else the latest quarter of the year. */
export function valueForYear(values: readonly IndicatorValue[], indicator: string, year: number): IndicatorValue | null {
  const ofYear = values.filter((v) => v.indicator === indicator && v.year === year);
  const annual = ofYear.find((v) => v.quarter === null);
  if (annual) return annual;
  return ofYear.reduce<IndicatorValue | null>(
    (best, v) => (best === null || (v.quarter ?? 0) > (best.quarter ?? 0) ? v : best),
    null,
  );
}

/** The baseline: the indicator's annual value for 2018, or null. */
export function baselineOf(values: readonly IndicatorValue[], indicator: string): IndicatorValue | null {
  return values.find((v) => v.indicator === indicator && v.year === BASELINE_YEAR && v.quarter === null) ?? null;
}

/** The numeric goal, from the rule and the baseline; null when there is none. */
export function goalValue(rule: GoalRule, baseline: Dec | null): Dec | null {
  if (rule.kind === 'value') return rule.value;
  if (rule.kind === 'factor') return baseline === null ? null : baseline.times(rule.factor);
  return null;
}

/** (value − baseline) / baseline, rounded half-up to 4 decimals; null when the baseline is 0. */
export function changeFromBaseline(value: Dec, baseline: Dec): string | null {
  if (baseline.isZero()) return null;
  return value.minus(baseline).dividedBy(baseline).toDecimalPlaces(4).toFixed(4);
}

/** The direction relative to the baseline, by the indicator's own sense. */
export type Direction = 'worse' | 'better' | 'unchanged';

/** Whether a value moved the better or the worse way from the baseline. */
export function directionOf(value: Dec, baseline: Dec, sense: Sense): Direction {
  const cmp = value.comparedTo(baseline);
  if (cmp === 0) return 'unchanged';
  const higher = cmp > 0;
  return higher === (sense === 'higher_is_better') ? 'better' : 'worse';
}

/** Whether a value meets a goal, by the indicator's sense. */
export function meetsGoal(value: Dec, goal: Dec, sense: Sense): boolean {
  return sense === 'lower_is_better' ? value.lessThanOrEqualTo(goal) : value.greaterThanOrEqualTo(goal);
}

/** The last year of the agreement period a year belongs to (the 2019 agreement ran, prolonged, to 2024). */
export function agreementEndYear(year: number): number {
  return year <= 2024 ? 2024 : 2028;
}

/** Two decimals, half-up, as the JSON writes indicator values (`"5.70"`). */
export function fixed2(value: Dec): string {
  return value.toDecimalPlaces(2).toFixed(2);
}
