/**
 * The report's charts as SVG text drawn by our own code (no charting library, nothing fetched):
 * an indicator against its goal line, and frame versus spending per instrument. Colours carry no
 * meaning on their own: every bar and line is labelled, so the charts read in black and white.
 */
import { Dec, formatMoney, type Money } from '../money.js';
import type { Lang } from '../messages/problems.js';
import type { IndicatorAssessment } from './assess-indicator.js';
import type { InstrumentAssessment } from './evaluation.js';
import { percentText, periodLabel } from './findings.js';
import { BASELINE_YEAR } from './indicators.js';

/** Escapes text for HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Coordinates are computed in decimal and written with one decimal, so the SVG text is the same
// on every platform (no binary floating point reaches the output).
function px(value: Dec): string {
  return value.toDecimalPlaces(1).toFixed(1);
}

const STATUS_FILL: Record<string, string> = { 'i rute': '#2e7d32', risiko: '#b26a00', avvik: '#c62828' };

/** An indicator's values per year from 2018 against its goal line and baseline, as an SVG element. */
export function indicatorChartSvg(a: IndicatorAssessment, lang: Lang): string {
  const width = new Dec(640);
  const height = new Dec(260);
  const left = new Dec(60);
  const right = new Dec(150);
  const top = new Dec(24);
  const bottom = new Dec(36);
  const lastYear = Math.max(a.endYear, a.history.length ? a.history[a.history.length - 1]!.year : BASELINE_YEAR);
  const numbers = [...a.history.map((p) => p.value.value), ...(a.goal ? [a.goal] : [])];
  let min = numbers
    .reduce((m, v) => Dec.min(m, v), numbers[0] ?? new Dec(0))
    .minus(0.5)
    .floor();
  let max = numbers
    .reduce((m, v) => Dec.max(m, v), numbers[0] ?? new Dec(1))
    .plus(0.5)
    .ceil();
  if (min.isNegative()) min = new Dec(0);
  if (max.lessThanOrEqualTo(min)) max = min.plus(1);
  const plotW = width.minus(left).minus(right);
  const plotH = height.minus(top).minus(bottom);
  const span = Math.max(1, lastYear - BASELINE_YEAR);
  // A small inset keeps the first point's label clear of the axis labels.
  const inset = new Dec(18);
  const x = (year: number) =>
    left.plus(inset).plus(
      plotW
        .minus(inset.times(2))
        .times(year - BASELINE_YEAR)
        .dividedBy(span),
    );
  const y = (v: Dec) => top.plus(plotH.times(max.minus(v)).dividedBy(max.minus(min)));
  const name = lang === 'nb' ? a.definition.name : a.definition.nameEn;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart indicator-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t-${a.definition.id.replace(/[^a-z0-9]/g, '-')}">`,
  );
  parts.push(
    `<title id="t-${a.definition.id.replace(/[^a-z0-9]/g, '-')}">${escapeXml(name)}${lang === 'nb' ? ' mot målet' : ' against the goal'}</title>`,
  );
  for (let step = min; step.lessThanOrEqualTo(max); step = step.plus(1)) {
    parts.push(
      `<line x1="${px(left)}" x2="${px(width.minus(right))}" y1="${px(y(step))}" y2="${px(y(step))}" stroke="#e0e0e0"/>`,
    );
    parts.push(
      `<text x="${px(left.minus(6))}" y="${px(y(step).plus(4))}" text-anchor="end" font-size="11">${escapeXml(percentText(step, lang))}</text>`,
    );
  }
  for (let year = BASELINE_YEAR; year <= lastYear; year++) {
    parts.push(`<text x="${px(x(year))}" y="${px(height.minus(14))}" text-anchor="middle" font-size="11">${year}</text>`);
  }
  if (a.goal) {
    const gy = px(y(a.goal));
    parts.push(
      `<line class="goal-line" x1="${px(left)}" x2="${px(width.minus(right))}" y1="${gy}" y2="${gy}" stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    parts.push(
      `<text x="${px(width.minus(right).plus(6))}" y="${px(y(a.goal).plus(4))}" font-size="11" fill="#1565c0">${lang === 'nb' ? 'Mål' : 'Goal'} ${escapeXml(percentText(a.goal, lang))}</text>`,
    );
  }
  if (a.baseline) {
    const by = px(y(a.baseline.value));
    parts.push(
      `<line class="baseline-line" x1="${px(left)}" x2="${px(width.minus(right))}" y1="${by}" y2="${by}" stroke="#757575" stroke-dasharray="2 3"/>`,
    );
    parts.push(
      `<text x="${px(width.minus(right).plus(6))}" y="${px(y(a.baseline.value).minus(4))}" font-size="11" fill="#616161">${lang === 'nb' ? 'Utgangspunkt' : 'Baseline'} ${escapeXml(percentText(a.baseline.value, lang))}</text>`,
    );
  }
  const points = a.history.map((p) => `${px(x(p.year))},${px(y(p.value.value))}`);
  if (points.length > 1)
    parts.push(`<polyline class="value-line" points="${points.join(' ')}" fill="none" stroke="#212121" stroke-width="2"/>`);
  for (const p of a.history) {
    const label = `${periodLabel(p.value, lang)}: ${percentText(p.value.value, lang)}`;
    parts.push(
      `<circle cx="${px(x(p.year))}" cy="${px(y(p.value.value))}" r="3.5" fill="#212121"><title>${escapeXml(label)}</title></circle>`,
    );
    parts.push(
      `<text x="${px(x(p.year))}" y="${px(y(p.value.value).minus(8))}" text-anchor="middle" font-size="10">${escapeXml(percentText(p.value.value, lang))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Frame versus spending (and open commitments) per instrument with a frame, as an SVG element. */
export function frameChartSvg(instruments: readonly InstrumentAssessment[], lang: Lang): string {
  const rows = instruments.filter((i) => i.frame !== null);
  const width = new Dec(640);
  const labelW = new Dec(190);
  const rowH = 34;
  const height = new Dec(30 + rows.length * rowH + 30);
  const plotW = width.minus(labelW).minus(110);
  const largest = rows.reduce<Money | null>((m, i) => {
    const biggest = i.frame!.max(i.spent.plus(i.openCommitments));
    return m === null || biggest.gt(m) ? biggest : m;
  }, null);
  const scale = largest === null || largest.isZero() ? new Dec(1) : largest.toDecimal();
  const w = (m: Money) => plotW.times(Dec.max(m.toDecimal(), 0)).dividedBy(scale);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart frame-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t-frames">`,
  );
  parts.push(
    `<title id="t-frames">${lang === 'nb' ? 'Ramme og forbruk per virkemiddel' : 'Frame and spending per instrument'}</title>`,
  );
  parts.push(
    `<rect x="${px(labelW)}" y="8" width="12" height="10" fill="#fff" stroke="#424242"/><text x="${px(labelW.plus(16))}" y="17" font-size="11">${lang === 'nb' ? 'Ramme' : 'Frame'}</text>`,
  );
  parts.push(
    `<rect x="${px(labelW.plus(80))}" y="8" width="12" height="10" fill="#607d8b"/><text x="${px(labelW.plus(96))}" y="17" font-size="11">${lang === 'nb' ? 'Utbetalt' : 'Spent'}</text>`,
  );
  parts.push(
    `<rect x="${px(labelW.plus(170))}" y="8" width="12" height="10" fill="#cfd8dc"/><text x="${px(labelW.plus(186))}" y="17" font-size="11">${lang === 'nb' ? 'Åpne tilsagn' : 'Open commitments'}</text>`,
  );
  rows.forEach((i, index) => {
    const top = new Dec(30 + index * rowH);
    const name = i.name.length > 30 ? `${i.name.slice(0, 29)}…` : i.name;
    parts.push(`<g class="bar" data-instrument="${escapeXml(i.instrument)}">`);
    parts.push(
      `<text x="${px(labelW.minus(8))}" y="${px(top.plus(19))}" text-anchor="end" font-size="11">${escapeXml(name)}</text>`,
    );
    parts.push(
      `<rect x="${px(labelW)}" y="${px(top.plus(6))}" width="${px(w(i.spent))}" height="18" fill="${STATUS_FILL[i.status ?? ''] ?? '#607d8b'}" opacity="0.85"><title>${escapeXml(formatMoney(i.spent, { lang }))}</title></rect>`,
    );
    parts.push(
      `<rect x="${px(labelW.plus(w(i.spent)))}" y="${px(top.plus(6))}" width="${px(w(i.openCommitments))}" height="18" fill="#cfd8dc"/>`,
    );
    parts.push(
      `<rect class="frame-outline" x="${px(labelW)}" y="${px(top.plus(3))}" width="${px(w(i.frame!))}" height="24" fill="none" stroke="#424242" stroke-width="1.5"/>`,
    );
    const status =
      i.status === null
        ? ''
        : ` · ${lang === 'nb' ? i.status : { 'i rute': 'on track', risiko: 'at risk', avvik: 'deviation' }[i.status]}`;
    const used = i.utilisation === null ? '–' : `${new Dec(i.utilisation).times(100).toDecimalPlaces(0).toFixed(0)} %`;
    parts.push(
      `<text x="${px(labelW.plus(plotW).plus(8))}" y="${px(top.plus(19))}" font-size="11">${escapeXml(used + status)}</text>`,
    );
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
