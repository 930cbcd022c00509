/**
 * The council report (rapport til rådet) as one self-contained HTML document: printable on A4,
 * charts drawn as inline SVG by our own code, system fonts only, and a Content-Security-Policy
 * that forbids every network request and script.
 */
import { formatDate } from '../calendar.js';
import { formatMoney, formatPercent, type Money } from '../money.js';
import { anchorText, type LogHead } from '../audit/log.js';
import { logWords } from '../messages/log.js';
import type { Lang } from '../messages/problems.js';
import { t } from '../messages/ui.js';
import { dueLabel } from '../reconcile/commitments.js';
import { escapeXml, frameChartSvg, indicatorChartSvg } from './charts.js';
import type { Evaluation } from './evaluation.js';
import { measureWords, numberText, percentText, periodWords, instrumentStatusText } from './findings.js';

/** The CSP of the report: nothing may be loaded or run; only the inline styles and inline images. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #212121; margin: 0 auto; max-width: 182mm; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #9e9e9e; padding-bottom: 1mm; break-after: avoid; }
p.meta { color: #616161; margin: 0 0 4mm; }
p.log-head { overflow-wrap: anywhere; font-size: 8.5pt; }
.trigger { border: 2px solid #c62828; padding: 3mm 4mm; margin: 4mm 0; break-inside: avoid; }
.trigger.ok { border-color: #2e7d32; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; break-inside: auto; }
table.instruments { font-size: 8pt; }
table.instruments td:first-child { min-width: 30mm; }
th, td { border-bottom: 1px solid #e0e0e0; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f5f5f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
tr { break-inside: avoid; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-size: 9pt; color: #616161; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.status-avvik { color: #c62828; font-weight: 600; }
.status-risiko { color: #b26a00; font-weight: 600; }
.status-i-rute { color: #2e7d32; }
ul.findings li { margin-bottom: 1.5mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #757575; }
`;

const WORDS = {
  nb: {
    title: (y: number) => `Årlig vurdering ${y} – IA-avtalen`,
    meta: (d: string) => `Per ${d}. Utarbeidet av koordineringsgruppen til Arbeidslivs- og pensjonspolitisk råd.`,
    trigger: 'Drøftinger om justeringer',
    triggerYes:
      'Resultatene utvikler seg i feil retning. Etter avtalen tar myndighetene initiativ til drøftinger om justeringer.',
    triggerNo: 'Ingen nasjonal indikator har utviklet seg i feil retning.',
    indicators: 'Indikatorer og mål',
    instruments: 'Virkemidler: ramme og forbruk',
    resources: 'Ressurser som ikke er penger',
    findings: 'Funn',
    indHead: ['Indikator', 'Periode', 'Verdi', 'Måltype', 'Utgangspunkt 2018', 'Mål', 'Endring', 'Retning', 'På kurs'],
    insHead: [
      'Virkemiddel',
      'År',
      'Ramme (kr)',
      'Utbetalt (kr)',
      'Åpne tilsagn (kr)',
      'Utnyttelse',
      'Status',
      'Aktivitet',
      'Kr per aktivitet',
    ],
    resHead: ['Arbeidslivssenter', 'År', 'Årsverk', 'Rådgivere', 'Virksomheter', 'Virksomheter per rådgiver'],
    direction: { worse: 'feil retning', better: 'riktig retning', unchanged: 'uendret' },
    yes: 'ja',
    no: 'nei',
    notSet: 'ikke fastsatt',
    notStated: 'ikke oppgitt',
    chartCaption: (name: string) => `${name} per år (årsverdi, ellers siste kvartal) mot målet (stiplet linje).`,
    frameCaption: 'Utbetalt (farget etter status) og åpne tilsagn innenfor rammen (ramme som omriss).',
    thresholds: (r: string, d: string) =>
      `Status: i rute når forbruket er minst ${r} av det som er forventet etter tiden som er gått; risiko under ${r}; avvik under ${d} eller når utbetalt og åpne tilsagn er over rammen.`,
  },
  en: {
    title: (y: number) => `Annual evaluation ${y} – IA agreement`,
    meta: (d: string) => `As of ${d}. Prepared by the coordinating group for the Council for Working Life and Pension Policy.`,
    trigger: 'Talks on adjustments',
    triggerYes:
      'The results are developing in the wrong direction. Under the agreement, the authorities initiate talks on adjustments.',
    triggerNo: 'No national indicator has developed in the wrong direction.',
    indicators: 'Indicators and goals',
    instruments: 'Instruments: frame and spending',
    resources: 'Resources other than money',
    findings: 'Findings',
    indHead: ['Indicator', 'Period', 'Value', 'Measure', 'Baseline 2018', 'Goal', 'Change', 'Direction', 'On course'],
    insHead: [
      'Instrument',
      'Year',
      'Frame (NOK)',
      'Spent (NOK)',
      'Open commitments (NOK)',
      'Utilisation',
      'Status',
      'Activity',
      'NOK per activity',
    ],
    resHead: ['Working-life centre', 'Year', 'Person-years', 'Advisers', 'Enterprises', 'Enterprises per adviser'],
    direction: { worse: 'wrong direction', better: 'right direction', unchanged: 'unchanged' },
    yes: 'yes',
    no: 'no',
    notSet: 'not set',
    notStated: 'not stated',
    chartCaption: (name: string) => `${name} per year (annual value, else latest quarter) against the goal (dashed line).`,
    frameCaption: 'Spent (coloured by status) and open commitments within the frame (frame as outline).',
    thresholds: (r: string, d: string) =>
      `Status: on track when spending is at least ${r} of what is expected for the time passed; at risk below ${r}; deviation below ${d} or when spent and open commitments exceed the frame.`,
  },
} as const;

function cell(text: string, numeric = false, cls = ''): string {
  const classes = [numeric ? 'num' : '', cls].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${escapeXml(text)}</td>`;
}

function head(labels: readonly string[], numeric: readonly number[]): string {
  return `<thead><tr>${labels.map((l, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${escapeXml(l)}</th>`).join('')}</tr></thead>`;
}

/**
 * Issue 12: what the instruments' open commitments bind in later years, by due year, and each
 * commitment authorisation beside its use; nothing when there are no open commitments.
 */
function commitmentsSection(e: Evaluation, lang: Lang): string[] {
  const withDue = e.instruments.filter((i) => i.openByDueYear.length > 0);
  if (withDue.length === 0 && e.authorisations.length === 0) return [];
  const out: string[] = [];
  const kr = (m: Money) => formatMoney(m, { lang });
  const years = [...new Set(withDue.flatMap((i) => i.openByDueYear.map((d) => d.year)))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a - b,
  );
  if (withDue.length > 0) {
    const label = (y: number | null) => dueLabel(y, e.year, lang);
    out.push(`<h2>${escapeXml(t(lang, 'openCommitmentsByDue', { year: e.year }))}</h2>`);
    out.push(
      `<table class="commitments">${head(
        [t(lang, 'colInstrument'), ...years.map(label)],
        years.map((_, i) => i + 1),
      )}<tbody>`,
    );
    for (const i of withDue) {
      const amount = (y: number | null) => i.openByDueYear.find((d) => d.year === y)?.amount;
      out.push(`<tr>${cell(i.name)}${years.map((y) => cell(amount(y) ? kr(amount(y)!) : '', true)).join('')}</tr>`);
    }
    out.push('</tbody></table>');
  }
  if (e.authorisations.length > 0) {
    out.push(`<h2>${escapeXml(t(lang, 'authorisationsCaption', { year: e.year }))}</h2>`);
    const labels = (['colPost', 'colAuthorisation', 'colUsed', 'colUnknownDue', 'colLeft', 'colNote'] as const).map((k) =>
      t(lang, k),
    );
    out.push(`<table class="authorisations">${head(labels, [1, 2, 3, 4])}<tbody>`);
    for (const a of e.authorisations) {
      const post = `${a.chapter}.${String(a.post).padStart(2, '0')}`;
      out.push(
        `<tr>${cell(post)}${cell(kr(a.authorisation), true)}${cell(kr(a.used), true)}${cell(kr(a.unknownDue), true)}${cell(kr(a.left), true)}${cell(a.exceeded ? t(lang, 'authorisationExceeded') : '')}</tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  return out;
}

/** Renders the evaluation as the council's HTML report. */
/** What the report says of the planning workbook's change log: its head, broken, or no workbook. */
export type ReportLog = { readonly entries: number; readonly head: LogHead | null } | 'broken' | null;

/** The report's line on the change log: the head a reader can check the workbook against later. */
function logLine(log: ReportLog, lang: Lang): string {
  if (log === null) return logWords(lang, 'reportLogNone');
  if (log === 'broken') return logWords(lang, 'reportLogBroken');
  return log.head === null
    ? logWords(lang, 'logEmpty')
    : logWords(lang, 'reportLogHead', { entries: log.entries, anchor: anchorText(log.head) });
}

/**
 * The report as HTML. `log`: the change log of the workbook it was made from (its head `N:HASH`,
 * shown under the title so the council's copy records it); none when it was made without one.
 */
export function renderEvaluationHtml(e: Evaluation, options: { lang?: Lang; log?: ReportLog } = {}): string {
  const lang = options.lang ?? e.lang;
  const w = WORDS[lang];
  const money = (m: Money | null) => (m === null ? w.notSet : formatMoney(m, { lang, currency: false }));
  const out: string[] = [];
  out.push(`<!DOCTYPE html><html lang="${lang === 'nb' ? 'nb' : 'en'}"><head><meta charset="utf-8">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  out.push(
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(w.title(e.year))}</title><style>${STYLE}</style></head><body>`,
  );
  out.push(`<h1>${escapeXml(w.title(e.year))}</h1><p class="meta">${escapeXml(w.meta(formatDate(e.asOf)))}</p>`);
  out.push(`<p class="meta log-head">${escapeXml(logLine(options.log ?? null, lang))}</p>`);
  out.push(
    `<section class="trigger${e.adjustmentRequired ? '' : ' ok'}"><strong>${escapeXml(w.trigger)}:</strong> ${escapeXml(e.adjustmentRequired ? w.triggerYes : w.triggerNo)}`,
  );
  if (e.adjustmentReasons.length > 0) out.push(`<ul>${e.adjustmentReasons.map((r) => `<li>${escapeXml(r)}</li>`).join('')}</ul>`);
  out.push('</section>');

  out.push(`<h2>${escapeXml(w.indicators)}</h2>`);
  for (const a of e.indicators.filter((i) => i.definition.national && i.history.length > 0)) {
    const name = lang === 'nb' ? a.definition.name : a.definition.nameEn;
    out.push(`<figure>${indicatorChartSvg(a, lang)}<figcaption>${escapeXml(w.chartCaption(name))}</figcaption></figure>`);
  }
  out.push(`<table class="indicators">${head(w.indHead, [2, 4, 5, 6])}<tbody>`);
  for (const a of e.indicators) {
    out.push('<tr>');
    out.push(cell(lang === 'nb' ? a.definition.name : a.definition.nameEn));
    out.push(cell(a.value ? periodWords(a.value, lang) : '–'));
    out.push(cell(a.value ? percentText(a.value.value, lang) : '–', true));
    out.push(cell(a.value ? (a.value.measure === '' ? w.notStated : measureWords(a.value.measure, lang)) : '–'));
    out.push(cell(a.baseline ? percentText(a.baseline.value, lang) : '–', true));
    out.push(
      cell(
        a.goal ? percentText(a.goal, lang) : a.definition.goal.kind === 'direction' ? (lang === 'nb' ? 'lavere' : 'lower') : '–',
        true,
      ),
    );
    out.push(cell(a.changeFromBaseline === null ? '–' : formatPercent(a.changeFromBaseline, lang), true));
    out.push(cell(a.direction ? w.direction[a.direction] : '–'));
    out.push(cell(a.onCourse === null ? '–' : a.onCourse ? w.yes : w.no));
    out.push('</tr>');
  }
  out.push('</tbody></table>');

  out.push(`<h2>${escapeXml(w.instruments)}</h2>`);
  out.push(`<figure>${frameChartSvg(e.instruments, lang)}<figcaption>${escapeXml(w.frameCaption)}</figcaption></figure>`);
  out.push(`<table class="instruments">${head(w.insHead, [2, 3, 4, 5, 8])}<tbody>`);
  for (const i of e.instruments) {
    const activity = i.activities.map((a) => `${numberText(a.count.toString(), lang)} ${a.label}`).join('; ');
    const cost = i.activities.map((a) => money(a.costPerActivity)).join('; ');
    const status = i.status === null ? '–' : instrumentStatusText(i.status, lang);
    out.push('<tr>');
    out.push(cell(i.name));
    out.push(cell(i.from === i.to ? String(i.from) : `${i.from}–${i.to}`));
    out.push(cell(money(i.frame), true));
    out.push(cell(money(i.spent), true));
    out.push(cell(money(i.openCommitments), true));
    out.push(cell(formatPercent(i.utilisation, lang, 1), true));
    out.push(cell(status, false, i.status ? `status-${i.status.replace(' ', '-')}` : ''));
    out.push(cell(activity || '–'));
    out.push(cell(cost || '–', true));
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  out.push(...commitmentsSection(e, lang));
  out.push(
    `<p class="meta">${escapeXml(w.thresholds(formatPercent(e.thresholds.riskBelow, lang, 0), formatPercent(e.thresholds.deviationBelow, lang, 0)))}</p>`,
  );

  if (e.resources.length > 0) {
    out.push(`<h2>${escapeXml(w.resources)}</h2><table class="resources">${head(w.resHead, [2, 3, 4, 5])}<tbody>`);
    for (const r of e.resources) {
      const about = r.approximate ? (lang === 'nb' ? 'ca. ' : 'c. ') : '';
      const n = (d: { toString(): string } | null) => (d === null ? '–' : about + numberText(d.toString(), lang));
      out.push(
        `<tr>${cell(r.centre)}${cell(String(r.year))}${cell(n(r.personYears), true)}${cell(n(r.advisers), true)}${cell(r.enterprises === null ? '–' : numberText(r.enterprises.toString(), lang), true)}${cell(r.enterprisesPerAdviser === null ? '–' : numberText(r.enterprisesPerAdviser, lang), true)}</tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  out.push(
    `<h2>${escapeXml(w.findings)}</h2><ul class="findings">${e.findings.map((f) => `<li>${escapeXml(f)}</li>`).join('')}</ul>`,
  );
  out.push(`<footer>IA Planner · ${escapeXml(w.title(e.year))} · ${escapeXml(formatDate(e.asOf))}</footer>`);
  out.push('</body></html>\n');
  return out.join('\n');
}
