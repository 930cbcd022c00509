/**
 * The evaluation's findings as plain sentences for the council (bokmål, or English): what the
 * indicators show, whether the agreement's trigger for talks on adjustments is met and why, which
 * instruments deviate, where measure types differ, and the working-life centres' capacity.
 */
import { formatMoney, formatPercent, type Dec } from '../money.js';
import type { Lang } from '../messages/problems.js';
import type { IndicatorAssessment } from './assess-indicator.js';
import type { InstrumentAssessment, InstrumentStatus, StatusThresholds } from './evaluation.js';
import { BASELINE_YEAR, fixed2, type IndicatorValue } from './indicators.js';
import type { ResourceAssessment } from './resources.js';
import type { AuthorisationUse } from '../reconcile/commitments.js';
import { listWords } from '../messages/ui.js';

/** A percentage value as people read it: `7,19 %` (nb) or `7.19%` (en). */
export function percentText(value: Dec, lang: Lang): string {
  const text = fixed2(value);
  return lang === 'nb' ? `${text.replace('-', '\u2212').replace('.', ',')}\u00a0%` : `${text}%`;
}

/** A value's period in words: `3. kvartal 2024` / `Q3 2024`, or the year. */
export function periodWords(value: Pick<IndicatorValue, 'year' | 'quarter'>, lang: Lang): string {
  if (value.quarter === null) return String(value.year);
  return lang === 'nb' ? `${value.quarter}. kvartal ${value.year}` : `Q${value.quarter} ${value.year}`;
}

/** A value's period as a short label (a chart's point): `2024 K3` / `2024 Q3`, or the year. */
export function periodLabel(value: Pick<IndicatorValue, 'year' | 'quarter'>, lang: Lang): string {
  if (value.quarter === null) return String(value.year);
  return `${value.year} ${lang === 'nb' ? 'K' : 'Q'}${value.quarter}`;
}

/** A decimal as people read it, with up to the given decimals. */
export function numberText(value: Dec | string, lang: Lang): string {
  const text = String(value);
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? '\u00a0' : ',');
  return fraction ? `${grouped}${lang === 'nb' ? ',' : '.'}${fraction}` : grouped;
}

const MEASURES_EN: Readonly<Record<string, string>> = {
  ujustert: 'unadjusted',
  sesongjustert: 'seasonally adjusted',
  'sesong- og influensajustert': 'seasonally and influenza-adjusted',
};

/** A value's measure type in words; English for the known Norwegian types, any other as written. */
export function measureWords(measure: string, lang: Lang): string {
  if (measure === '') return lang === 'nb' ? 'målemåte ikke oppgitt' : 'measure type not stated';
  return lang === 'nb' ? measure : (MEASURES_EN[measure.trim().toLowerCase()] ?? measure);
}

const STATUS_EN: Readonly<Record<InstrumentStatus, string>> = { 'i rute': 'on track', risiko: 'at risk', avvik: 'deviation' };

/** An instrument's status in words: the bokmål term itself (`i rute`, `risiko`, `avvik`), or English. */
export function instrumentStatusText(status: InstrumentStatus, lang: Lang): string {
  return lang === 'nb' ? status : STATUS_EN[status];
}

function indicatorSentences(a: IndicatorAssessment, year: number, lang: Lang): string[] {
  const nb = lang === 'nb';
  const name = nb ? a.definition.name : a.definition.nameEn;
  const out: string[] = [];
  if (a.value === null) {
    out.push(
      nb
        ? `${name} har ingen verdi for ${year}; utviklingen kan ikke vurderes.`
        : `${name} has no value for ${year}; its development cannot be assessed.`,
    );
    return out;
  }
  const v = percentText(a.value.value, lang);
  const when = periodWords(a.value, lang);
  if (a.baseline === null || a.changeFromBaseline === null) {
    out.push(
      nb
        ? `${name} var ${v} i ${when}. Indikatoren har ingen verdi for ${BASELINE_YEAR} og dermed ikke noe utgangspunkt eller retning.`
        : `${name} was ${v} in ${when}. The indicator has no value for ${BASELINE_YEAR}, so no baseline and no direction.`,
    );
    return out;
  }
  const change = formatPercent(a.changeFromBaseline.replace('-', ''), lang);
  const base = percentText(a.baseline.value, lang);
  const dirNb = { worse: 'feil retning', better: 'riktig retning', unchanged: 'uendret' }[a.direction!];
  const dirEn = { worse: 'the wrong direction', better: 'the right direction', unchanged: 'unchanged' }[a.direction!];
  const upDown = a.value.value.greaterThan(a.baseline.value) ? (nb ? 'høyere' : 'higher') : nb ? 'lavere' : 'lower';
  const moved =
    a.direction === 'unchanged'
      ? nb
        ? `det samme som utgangspunktet ${base} i ${BASELINE_YEAR}`
        : `the same as the baseline of ${base} in ${BASELINE_YEAR}`
      : nb
        ? `${change} ${upDown} enn utgangspunktet ${base} i ${BASELINE_YEAR}`
        : `${change} ${upDown} than the baseline of ${base} in ${BASELINE_YEAR}`;
  const goal =
    a.goal === null ? '' : nb ? ` Målet er ${percentText(a.goal, lang)}.` : ` The goal is ${percentText(a.goal, lang)}.`;
  out.push(
    nb
      ? `${name} var ${v} i ${when}, ${moved}.${goal} ${a.direction === 'unchanged' ? 'Verdien er uendret.' : `Utviklingen går i ${dirNb}.`}`
      : `${name} was ${v} in ${when}, ${moved}.${goal} ${a.direction === 'unchanged' ? 'The value is unchanged.' : `The development is in ${dirEn}.`}`,
  );
  if (a.onCourse !== null) {
    const projected =
      a.projectedAtEnd === null
        ? ''
        : nb
          ? ` (framskrevet ${percentText(a.projectedAtEnd, lang)})`
          : ` (projected ${percentText(a.projectedAtEnd, lang)})`;
    out.push(
      a.onCourse
        ? nb
          ? `Med utviklingen siden ${BASELINE_YEAR} er ${name.toLowerCase()} på kurs mot målet innen utgangen av avtaleperioden i ${a.endYear}${projected}.`
          : `With the development since ${BASELINE_YEAR}, ${name.toLowerCase()} is on course for the goal by the end of the agreement period in ${a.endYear}${projected}.`
        : nb
          ? `Med utviklingen siden ${BASELINE_YEAR} nås ikke målet innen utgangen av avtaleperioden i ${a.endYear}${projected}.`
          : `With the development since ${BASELINE_YEAR}, the goal will not be reached by the end of the agreement period in ${a.endYear}${projected}.`,
    );
  }
  if (a.mixedMeasures) {
    out.push(
      nb
        ? `Verdien for ${when} (${measureWords(a.value.measure, lang)}) sammenlignes med utgangspunktet for ${BASELINE_YEAR} (${measureWords(a.baseline.measure, lang)}); målemåtene er ulike eller ikke oppgitt, så endringen er bare veiledende.`
        : `The value for ${when} (${measureWords(a.value.measure, lang)}) is compared with the ${BASELINE_YEAR} baseline (${measureWords(a.baseline.measure, lang)}); the measure types differ or are not stated, so the change is indicative only.`,
    );
  }
  return out;
}

function instrumentSentence(i: InstrumentAssessment, lang: Lang): string | null {
  const nb = lang === 'nb';
  if (i.frame === null) {
    if (i.flags.includes('frame_not_set')) {
      return nb
        ? `${i.name}: Det er utbetalt ${formatMoney(i.spent, { lang })}, men rammen er ikke fastsatt.`
        : `${i.name}: ${formatMoney(i.spent, { lang })} has been paid out, but the frame is not set.`;
    }
    return null;
  }
  if (i.status === 'i rute' && !i.flags.includes('condition_unconfirmed')) return null;
  const used = formatPercent(i.utilisation, lang, 1);
  const passed = formatPercent(i.elapsed, lang, 0);
  const status = instrumentStatusText(i.status!, lang);
  const over = i.spent.plus(i.openCommitments).gt(i.frame);
  let sentence = over
    ? nb
      ? `${i.name}: Utbetalt og åpne tilsagn (${formatMoney(i.spent.plus(i.openCommitments), { lang })}) er over rammen på ${formatMoney(i.frame, { lang })}; status ${status}.`
      : `${i.name}: paid out and open commitments (${formatMoney(i.spent.plus(i.openCommitments), { lang })}) exceed the frame of ${formatMoney(i.frame, { lang })}; status ${status}.`
    : nb
      ? `${i.name}: ${used} av rammen er brukt når ${passed} av perioden er gått; status ${status}.`
      : `${i.name}: ${used} of the frame is used with ${passed} of the period passed; status ${status}.`;
  if (i.flags.includes('condition_unconfirmed')) {
    sentence += nb ? ' Betingelsen for rammen er ikke bekreftet.' : ' The condition of the frame is not confirmed.';
  }
  return sentence;
}

function resourceSentence(r: ResourceAssessment, lang: Lang): string | null {
  if (r.enterprisesPerAdviser === null || r.advisers === null || r.enterprises === null) return null;
  const about = r.approximate ? (lang === 'nb' ? 'om lag ' : 'about ') : '';
  const years =
    r.personYears === null
      ? ''
      : lang === 'nb'
        ? ` og ${about}${numberText(r.personYears.toString(), lang)} årsverk`
        : ` and ${about}${numberText(r.personYears.toString(), lang)} person-years`;
  return lang === 'nb'
    ? `${r.centre} har ${about}${numberText(r.advisers.toString(), lang)} rådgivere${years} for ${numberText(r.enterprises.toString(), lang)} virksomheter, ${numberText(r.enterprisesPerAdviser, lang)} virksomheter per rådgiver (tall fra ${r.year}).`
    : `${r.centre} has ${about}${numberText(r.advisers.toString(), lang)} advisers${years} for ${numberText(r.enterprises.toString(), lang)} enterprises, ${numberText(r.enterprisesPerAdviser, lang)} enterprises per adviser (figures from ${r.year}).`;
}

/** The findings and the reasons for `adjustmentRequired`. */
export function evaluationFindings(
  e: {
    year: number;
    indicators: readonly IndicatorAssessment[];
    instruments: readonly InstrumentAssessment[];
    resources: readonly ResourceAssessment[];
    thresholds: StatusThresholds;
    authorisations?: readonly AuthorisationUse[];
    /** What lapses at the end of the year, in words (`lapseWarnings`). */
    lapses?: readonly string[];
  },
  lang: Lang,
): { findings: string[]; adjustmentReasons: string[] } {
  const nb = lang === 'nb';
  const adjustmentReasons = e.indicators
    .filter((a) => a.definition.national && a.direction === 'worse')
    .map((a) =>
      nb
        ? `${a.definition.name} har utviklet seg i feil retning: ${percentText(a.value!.value, lang)} i ${periodWords(a.value!, lang)} mot ${percentText(a.baseline!.value, lang)} i ${BASELINE_YEAR}.`
        : `${a.definition.nameEn} has developed in the wrong direction: ${percentText(a.value!.value, lang)} in ${periodWords(a.value!, lang)} against ${percentText(a.baseline!.value, lang)} in ${BASELINE_YEAR}.`,
    );
  const findings: string[] = [];
  if (adjustmentReasons.length > 0) {
    findings.push(
      nb
        ? 'Resultatene utvikler seg i feil retning. Etter avtalen skal myndighetene da ta initiativ til drøftinger om justeringer.'
        : 'The results are developing in the wrong direction. Under the agreement, the authorities then initiate talks on adjustments.',
    );
  } else {
    findings.push(
      nb
        ? 'Ingen nasjonal indikator har utviklet seg i feil retning; avtalens vilkår for drøftinger om justeringer er ikke oppfylt.'
        : 'No national indicator has developed in the wrong direction; the agreement’s trigger for talks on adjustments is not met.',
    );
  }
  for (const a of e.indicators) findings.push(...indicatorSentences(a, e.year, lang));
  const counts = { 'i rute': 0, risiko: 0, avvik: 0 };
  for (const i of e.instruments) if (i.status) counts[i.status]++;
  findings.push(
    nb
      ? `Av virkemidlene med ramme i ${e.year} er ${counts['i rute']} i rute, ${counts.risiko} har risiko og ${counts.avvik} har avvik.`
      : `Of the instruments with a frame in ${e.year}, ${counts['i rute']} are on track, ${counts.risiko} at risk and ${counts.avvik} deviate.`,
  );
  for (const i of e.instruments) {
    const sentence = instrumentSentence(i, lang);
    if (sentence) findings.push(sentence);
  }
  for (const r of e.resources) {
    const sentence = resourceSentence(r, lang);
    if (sentence) findings.push(sentence);
  }
  // Issue 12: what the year's commitments bind in later years, and an authorisation exceeded.
  for (const i of e.instruments) {
    const later = i.openByDueYear.filter((d) => d.year === null || d.year > e.year);
    if (later.length === 0) continue;
    const parts = later.map((d) =>
      d.year === null
        ? nb
          ? `${formatMoney(d.amount, { lang })} uten kjent forfall`
          : `${formatMoney(d.amount, { lang })} without a known due date`
        : nb
          ? `${formatMoney(d.amount, { lang })} i ${d.year}`
          : `${formatMoney(d.amount, { lang })} in ${d.year}`,
    );
    findings.push(
      nb
        ? `${i.name}: åpne tilsagn ved utgangen av ${e.year} forfaller med ${listWords(parts, lang)}.`
        : `${i.name}: commitments open at the end of ${e.year} fall due with ${listWords(parts, lang)}.`,
    );
  }
  for (const a of e.authorisations ?? []) {
    if (!a.exceeded) continue;
    const post = `${a.chapter}.${String(a.post).padStart(2, '0')}`;
    findings.push(
      nb
        ? `Tilsagnsfullmakten for post ${post} i ${a.year} (${formatMoney(a.authorisation, { lang })}) er overskredet: åpne tilsagn som forfaller senere er ${formatMoney(a.used, { lang })}, herav ${formatMoney(a.unknownDue, { lang })} uten kjent forfall.`
        : `The commitment authorisation for post ${post} in ${a.year} (${formatMoney(a.authorisation, { lang })}) is exceeded: open commitments falling due later are ${formatMoney(a.used, { lang })}, of which ${formatMoney(a.unknownDue, { lang })} without a known due date.`,
    );
  }
  findings.push(...(e.lapses ?? []));
  return { findings, adjustmentReasons };
}
