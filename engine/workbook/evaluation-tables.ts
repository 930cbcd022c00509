/**
 * The evaluation's tables for the workbook: sheet `Evaluering` with `Indikatorer` (every indicator
 * value, with its baseline and goal) and `Vurderinger` (per instrument: frame, spending, status,
 * activity, cost per activity), and the change log's rows for `Logg` with the hash chain in
 * columns added at the end (CONTRACTS §5 allows that), so a read-back log can be verified.
 */
import type { Evaluation } from '../evaluation/evaluation.js';
import { fixed2, indicatorDefinition, type IndicatorValue } from '../evaluation/indicators.js';
import { Dec } from '../money.js';
import type { Lang } from '../problems.js';
import type { Cell, CellValue, TableData, TableRead, TableSpec } from './port.js';
import { col } from './spec-column.js';

/** The `Indikatorer` table: one row per indicator value; `Mål` sets a goal for industry indicators. */
export const INDIKATORER: TableSpec = {
  sheet: 'Evaluering',
  table: 'Indikatorer',
  origin: { row: 1, column: 1 },
  columns: [
    col('Indikator', 'text', 22),
    col('År', 'year', 7),
    col('Kvartal', 'whole', 8, { validationList: ['1', '2', '3', '4'] }),
    col('Verdi', 'decimal', 9),
    col('Måltype', 'text', 26),
    col('Kilde', 'text', 40),
    col('Utgangspunkt', 'decimal', 13),
    col('Mål', 'decimal', 9),
    col('Navn', 'text', 30),
  ],
};

/** The `Vurderinger` table, to the right of `Indikatorer` with one empty column between. */
export const VURDERINGER: TableSpec = {
  sheet: 'Evaluering',
  table: 'Vurderinger',
  origin: { row: 1, column: 11 },
  columns: [
    col('Virkemiddel', 'text', 20),
    col('Navn', 'text', 34),
    col('År', 'text', 10),
    col('Ramme', 'money', 16),
    col('Utbetalt', 'money', 16),
    col('Åpne tilsagn', 'money', 16),
    col('Utnyttelse', 'percent', 11),
    col('Status', 'text', 10, { validationList: ['i rute', 'risiko', 'avvik'] }),
    col('Aktivitet', 'text', 24),
    col('Antall', 'decimal', 10),
    col('Kostnad per aktivitet', 'money', 18),
    col('Kommentar', 'text', 50),
  ],
  conditionalFormats: [
    { formula: '=$R2="avvik"', fill: 'FDE7E9', font: '9C0006' },
    { formula: '=$R2="risiko"', fill: 'FFF4CE', font: '7A4F01' },
  ],
};

function num(value: Dec | null): number | null {
  return value === null ? null : Number(fixed2(value));
}

function indicatorRow(v: IndicatorValue, e: Evaluation): Cell[] {
  const assessed = e.indicators.find((a) => a.definition.id === v.indicator);
  const baseline = assessed?.baseline?.value ?? null;
  return [
    v.indicator,
    v.year,
    v.quarter,
    num(v.value),
    v.measure === '' ? null : v.measure,
    v.source,
    num(baseline),
    num(assessed?.goal ?? null),
    assessed
      ? e.lang === 'nb'
        ? assessed.definition.name
        : assessed.definition.nameEn
      : (indicatorDefinition(v.indicator)?.name ?? null),
  ];
}

/** The rows of `Vurderinger`: one per instrument and counted activity (an instrument without counts gets one row). */
function assessmentRows(e: Evaluation): Cell[][] {
  const rows: Cell[][] = [];
  for (const i of e.instruments) {
    const base: Cell[] = [
      i.instrument,
      i.name,
      i.from === i.to ? String(i.from) : `${i.from}–${i.to}`,
      i.frame === null ? null : i.frame.toNumber(),
      i.spent.toNumber(),
      i.openCommitments.toNumber(),
      i.utilisation === null ? null : Number(i.utilisation),
      i.status,
    ];
    const comment = e.findings.find((f) => f.startsWith(`${i.name}:`)) ?? null;
    const activities = i.activities.length > 0 ? i.activities : [null];
    for (const a of activities) {
      rows.push([
        ...base,
        a ? a.label : null,
        a ? Number(a.count.toString()) : null,
        a?.costPerActivity ? a.costPerActivity.toNumber() : null,
        comment,
      ]);
    }
  }
  return rows;
}

/** The `Evaluering` sheet's tables, ready for `WorkbookInput.extraTables`. */
export function evaluationTables(evaluation: Evaluation, lang: Lang = evaluation.lang): TableData[] {
  // The evaluation's own language decides its texts; `lang` picks the indicator names.
  const named = lang === evaluation.lang ? evaluation : { ...evaluation, lang };
  return [
    { spec: INDIKATORER, rows: evaluation.values.map((v) => indicatorRow(v, named)) },
    { spec: VURDERINGER, rows: assessmentRows(evaluation) },
  ];
}

/** Reads the `Indikatorer` table's header and rows as text records, for `readIndicatorRecords`. */
export function indicatorRecordsFromTable(read: TableRead): { header: string[]; records: { fields: string[]; line: number }[] } {
  const asText = (v: CellValue) => (v === null ? '' : typeof v === 'number' ? new Dec(v).toString() : String(v));
  return {
    header: read.header.map(String),
    records: read.rows.map((row, i) => ({ fields: row.map(asText), line: read.firstRow + i })),
  };
}
