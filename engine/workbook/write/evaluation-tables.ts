/**
 * The evaluation's tables for the workbook: sheet `Evaluering` with `Indikatorer` (every indicator
 * value, with its baseline and goal) and `Vurderinger` (per instrument: frame, spending, status,
 * activity, cost per activity), and the change log's rows for `Logg` with the hash chain in
 * columns added at the end (CONTRACTS §5 allows that), so a read-back log can be verified.
 */
import type { Evaluation } from '../../evaluation/evaluation.js';
import { fixed2, indicatorDefinition, type IndicatorValue } from '../../evaluation/indicators.js';
import { Dec } from '../../money.js';
import type { Lang } from '../../messages/problems.js';
import { INDIKATORER, VURDERINGER } from '../tables/evaluering-tables.js';
import type { Cell, CellValue, TableData, TableRead } from '../port/port.js';

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
