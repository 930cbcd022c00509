/**
 * Reading indicator values from a CSV file or the workbook's `Indikatorer` table (CONTRACTS §6):
 * columns `indikator`, `år`, `kvartal`, `verdi`, `måltype`, `kilde`, plus an optional `mål` (a goal
 * for the indicator). Two further kinds of row use the same columns: `aktivitet:<instrument>` (an
 * activity count; `måltype` says what is counted) and `ressurs:<centre>:<arsverk|radgivere|virksomheter>`
 * (a working-life centre's resources). Every bad line is a problem naming file, line, column, value.
 */
import { LAST_YEAR } from '../calendar.js';
import { duplicateColumnProblems, mapHeader } from '../ledger/columns.js';
import { readCsv } from '../ledger/csv.js';
import { decodeText, looksBinary, mixedUtf8Problems } from '../ledger/decode.js';
import { hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import { Dec } from '../money.js';
import { INSTRUMENTS } from '../plan/instruments.js';
import { problem, type Lang, type Problem } from '../messages/problems.js';
import { indicatorDefinition, type IndicatorValue } from './indicators.js';
import type { ActivityFigure, CentreResources } from './resources.js';

/** The indicator file's columns and their folded aliases. */
export const INDICATOR_COLUMNS = {
  indikator: ['indikator', 'indicator'],
  ar: ['ar', 'year'],
  kvartal: ['kvartal', 'quarter'],
  verdi: ['verdi', 'value'],
  maltype: ['maltype', 'measure'],
  kilde: ['kilde', 'source'],
  mal: ['mal', 'goal'],
} as const satisfies Record<string, readonly string[]>;

type Column = keyof typeof INDICATOR_COLUMNS;

/** What an indicator file gave: values, goals, activity counts, resources and problems. */
export interface IndicatorReading {
  readonly values: IndicatorValue[];
  /** Goals set in the file, by indicator id. */
  readonly goals: Map<string, Dec>;
  readonly activities: ActivityFigure[];
  readonly resources: CentreResources[];
  readonly problems: Problem[];
}

const DECIMAL = /^([-\u2212]?)(\d+)(?:[.,](\d+))?\s*%?$/;
const RESOURCE_FIELDS = { arsverk: 'personYears', radgivere: 'advisers', virksomheter: 'enterprises' } as const;

/** Reads a decimal as people write it (`7,19`, `7.19`, `7,19 %`); null when it is not one. */
export function parseIndicatorDecimal(text: string): Dec | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  return new Dec(`${match[1] ? '-' : ''}${match[2]}${match[3] ? `.${match[3]}` : ''}`);
}

/** Reads header and records (already split into fields) into indicator values, reporting every bad line. */
export function readIndicatorRecords(
  file: string,
  header: readonly string[],
  records: readonly { fields: readonly string[]; line: number }[],
  lang: Lang = 'nb',
  sheet?: string,
): IndicatorReading {
  const reading: IndicatorReading = { values: [], goals: new Map(), activities: [], resources: [], problems: [] };
  const at = (line: number | null, column: string | null, value: string | null) => ({
    file,
    ...(sheet ? { sheet } : {}),
    line,
    column,
    value,
  });
  const map = mapHeader(header, INDICATOR_COLUMNS);
  const missing = (['indikator', 'ar', 'verdi'] as const).filter((c) => map.index[c] === undefined);
  // A column named twice is refused (CONTRACTS §2): which of the two holds the value cannot be known.
  for (const p of duplicateColumnProblems(file, map, lang, sheet)) reading.problems.push(p);
  if (missing.length > 0) {
    reading.problems.push(
      problem('missing_columns', at(1, null, header.join(', ')), lang, { columns: missing.map((c) => map.label[c]).join(', ') }),
    );
  }
  if (reading.problems.length > 0) return reading;
  const resources = new Map<
    string,
    { centre: string; year: number; personYears: Dec | null; advisers: Dec | null; enterprises: Dec | null; source: string }
  >();
  for (const { fields, line } of records) {
    const get = (c: Column) => {
      const i = map.index[c];
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const bad = (code: Parameters<typeof problem>[0], c: Column, detail?: string) =>
      reading.problems.push(problem(code, at(line, map.label[c], get(c)), lang, {}, detail));
    if (fields.length > map.width) {
      reading.problems.push(
        problem('extra_fields', at(line, null, fields.slice(map.width).join(' ')), lang, { count: String(map.width) }),
      );
      continue;
    }
    const before = reading.problems.length;
    // A control character is invisible in the message and in a sheet: named as <U+XXXX>, the row left out.
    for (const c of Object.keys(map.index) as Column[]) {
      const raw = fields[map.index[c]!] ?? '';
      if (hasControlCharacter(raw)) {
        reading.problems.push(problem('control_character', at(line, map.label[c], showControlCharacters(raw.trim())), lang));
      }
    }
    if (reading.problems.length > before) continue;
    const id = get('indikator').toLowerCase();
    const yearText = get('ar');
    const quarterText = get('kvartal');
    const valueText = get('verdi');
    if (id === '') bad('missing_value', 'indikator');
    if (yearText === '') bad('missing_value', 'ar');
    else if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > LAST_YEAR) {
      bad(
        'bad_year',
        'ar',
        lang === 'nb' ? `Indikatorår må ligge i 2000–${LAST_YEAR}.` : `Indicator years must lie in 2000–${LAST_YEAR}.`,
      );
    }
    const quarterMatch = /^(?:[QqKk])?([1-4])$/.exec(quarterText);
    if (quarterText !== '' && !quarterMatch) bad('bad_quarter', 'kvartal');
    const value = valueText === '' ? null : parseIndicatorDecimal(valueText);
    if (valueText === '') bad('missing_value', 'verdi');
    else if (value === null) bad('bad_value', 'verdi');
    const goalText = get('mal');
    const goal = goalText === '' ? null : parseIndicatorDecimal(goalText);
    if (goalText !== '' && goal === null) bad('bad_value', 'mal');
    const activity = /^aktivitet:(.+)$/.exec(id);
    const resource = /^ressurs:(.+):(arsverk|radgivere|virksomheter)$/.exec(id.replace(/å/g, 'a'));
    if (id !== '' && activity && !INSTRUMENTS.some((i) => i.id === activity[1])) {
      bad(
        'bad_indicator',
        'indikator',
        lang === 'nb'
          ? 'aktivitet:<virkemiddel> må nevne et virkemiddel, f.eks. aktivitet:ekspertbistand.'
          : 'aktivitet:<instrument> must name an instrument, e.g. aktivitet:ekspertbistand.',
      );
    } else if (id !== '' && !activity && !resource && !indicatorDefinition(id)) {
      bad('bad_indicator', 'indikator');
    }
    if (reading.problems.length > before) continue;
    const year = Number(yearText);
    const quarter = quarterMatch ? (Number(quarterMatch[1]) as 1 | 2 | 3 | 4) : null;
    const source = get('kilde') || file;
    if (activity) {
      reading.activities.push({
        instrument: activity[1]!,
        year,
        label: get('maltype') || (lang === 'nb' ? 'aktiviteter' : 'activities'),
        count: value!,
        source,
      });
    } else if (resource) {
      // The centre keeps its original spelling from the file (ids are folded only for matching).
      const centre = get('indikator')
        .slice('ressurs:'.length)
        .replace(/:[^:]*$/, '');
      const key = `${centre}|${year}`;
      const entry = resources.get(key) ?? { centre, year, personYears: null, advisers: null, enterprises: null, source };
      entry[RESOURCE_FIELDS[resource[2] as keyof typeof RESOURCE_FIELDS]] = value!;
      resources.set(key, entry);
    } else {
      reading.values.push({
        indicator: id,
        year,
        quarter,
        value: value!,
        measure: get('maltype'),
        source,
        origin: { kind: 'file', file, line },
      });
      if (goal !== null) reading.goals.set(id, goal);
    }
  }
  for (const r of resources.values()) reading.resources.push({ ...r, approximate: false });
  return reading;
}

/** Reads an indicator CSV file's text (separator as the header uses it). */
export function readIndicatorCsv(file: string, text: string, lang: Lang = 'nb'): IndicatorReading {
  const { rows, unterminatedQuoteLine } = readCsv(text);
  const empty: IndicatorReading = { values: [], goals: new Map(), activities: [], resources: [], problems: [] };
  if (rows.length < 2) {
    empty.problems.push(problem('empty_file', { file, line: null, column: null, value: null }, lang));
    return empty;
  }
  if (unterminatedQuoteLine !== null) {
    empty.problems.push(problem('unterminated_quote', { file, line: unterminatedQuoteLine, column: null, value: null }, lang));
    return empty;
  }
  const [header, ...records] = rows;
  return readIndicatorRecords(file, header!.fields, records, lang);
}

/**
 * Reads an indicator file's bytes: UTF-8 (with or without BOM) or Windows-1252; binary files are
 * refused, and so is a file that is UTF-8 but for some bytes (each line with bad bytes named).
 */
export function readIndicatorBytes(file: string, bytes: Uint8Array, lang: Lang = 'nb'): IndicatorReading {
  const refused = (problems: Problem[]): IndicatorReading => ({
    values: [],
    goals: new Map(),
    activities: [],
    resources: [],
    problems,
  });
  if (looksBinary(bytes)) return refused([problem('binary_file', { file, line: null, column: null, value: null }, lang)]);
  const decoded = decodeText(bytes);
  if (decoded.mixed !== null) return refused(mixedUtf8Problems(file, decoded.mixed, lang));
  return readIndicatorCsv(file, decoded.text, lang);
}
