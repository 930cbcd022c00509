/**
 * Reads the governance state back from a workbook: the carry-over columns of `Rammer`, and the
 * `Versjoner` and `Arsavslutning` tables of `Styring` (`Versjonsrammer` is read by
 * version-frames.ts). Every bad cell is a problem naming the sheet, the row, the column and the value. Missing columns or tables mean the defaults (a
 * workbook written before they existed): no carry-over, no versions, no closed years.
 */
import { parseYear } from '../../calendar.js';
import { parseShare, type CarryOverRule } from '../../plan/carry-over.js';
import { frameKey } from '../../plan/frame.js';
import { findInstrument, INSTRUMENTS } from '../../plan/instruments.js';
import type { VersionKind, VersionStatus } from '../../plan/versions.js';
import { problemDetail, type Lang, type Problem } from '../../messages/problems.js';
import type { ClosedYearRecord, Governance, VersionEntry } from '../governance.js';
import { VERSION_KIND_WORDS } from '../tables/styring-tables.js';
import type { CellValue, TableRead } from '../port/port.js';
import type { VersionRow } from '../version-frames.js';
import { isEmptyRow, RowReader } from './read-plan-table.js';

/** What reading the governance state gave, with the sheet row of each frame and closed year for later messages. */
export interface GovernanceReading {
  readonly governance: Governance;
  readonly problems: Problem[];
  /** The `Rammer` row of each frame, by frame key. */
  readonly frameRows: ReadonlyMap<string, number>;
  /** The `Arsavslutning` row of each closed year. */
  readonly closedRows: ReadonlyMap<number, number>;
  /** The `Versjoner` row of each version and its `Rammekontroll`. */
  readonly versionRows: ReadonlyMap<string, VersionRow>;
}

const CARRY: Record<string, CarryOverRule['kind']> = {
  '': 'none',
  ingen: 'none',
  none: 'none',
  alt: 'all',
  all: 'all',
  andel: 'share',
  share: 'share',
};
const YES = new Set(['ja', 'yes', 'true', 'sann', 'j', 'y', 'x']);
const NO = new Set(['nei', 'no', 'false', 'usann', 'n', '']);
const KINDS = new Map<string, VersionKind>([
  ...(Object.entries(VERSION_KIND_WORDS) as [VersionKind, string][]).map(([k, w]) => [w, k] as const),
  ...(Object.keys(VERSION_KIND_WORDS) as VersionKind[]).map((k) => [k, k] as const),
  ['budsjettrunde', 'budget_round'],
]);
const STATUSES = new Map<string, VersionStatus>([
  ['utkast', 'draft'],
  ['draft', 'draft'],
  ['sendt inn', 'submitted'],
  ['submitted', 'submitted'],
  ['godkjent', 'approved'],
  ['approved', 'approved'],
]);

function cellText(value: CellValue): string {
  return value === null ? '' : String(value).trim();
}

function readCarryOver(read: TableRead, file: string, lang: Lang, problems: Problem[]) {
  const r = new RowReader(read, file, lang, problems);
  const rules = new Map<string, CarryOverRule>();
  const frameRows = new Map<string, number>();
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    // The frame's own cells are checked by readPlanTables; here they only key the rule.
    const instrument = findInstrument(r.text(row, 'Virkemiddel'), INSTRUMENTS);
    const from = parseYear(cellText(r.cell(row, 'Fra')));
    const to = parseYear(cellText(r.cell(row, 'Til')));
    if (!instrument || !from.ok || !to.ok) return;
    const key = frameKey({ instrument: instrument.id, from: from.year, to: to.year });
    frameRows.set(key, line);
    const kindText = r.text(row, 'Overføring').toLowerCase();
    const kind = CARRY[kindText];
    if (kind === undefined) r.report('bad_carry_over', line, 'Overføring', r.cell(row, 'Overføring'));
    const overCell = r.cell(row, 'Overforbruk overføres');
    const overText = typeof overCell === 'boolean' ? String(overCell) : cellText(overCell).toLowerCase();
    if (!YES.has(overText) && !NO.has(overText)) r.report('bad_yes_no', line, 'Overforbruk overføres', overCell);
    const carryOverspend = YES.has(overText);
    if (kind === 'all') rules.set(key, { kind, carryOverspend });
    if (kind === 'share') {
      const shareCell = r.cell(row, 'Andel');
      const share = shareCell === null ? null : parseShare(String(shareCell));
      if (share === null) r.report('bad_share', line, 'Andel', shareCell);
      else rules.set(key, { kind, share, carryOverspend });
    }
  });
  return { rules, frameRows };
}

function readVersions(
  read: TableRead,
  file: string,
  lang: Lang,
  problems: Problem[],
  rows: Map<string, VersionRow>,
): VersionEntry[] {
  const r = new RowReader(read, file, lang, problems);
  if (!r.requireColumns(['Versjon', 'Status'])) return [];
  const versions: VersionEntry[] = [];
  const seen = new Map<string, number>();
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const before = problems.length;
    const id = r.text(row, 'Versjon');
    if (id === '') r.report('missing_value', line, 'Versjon', null);
    else if (seen.has(id)) {
      const also = problemDetail('alsoOnRow', lang, { row: String(seen.get(id)) });
      r.report('duplicate_version', line, 'Versjon', id, also);
    }
    const kindText = r.text(row, 'Type').toLowerCase();
    const kind = kindText === '' ? 'other' : KINDS.get(kindText);
    if (!kind) r.report('bad_version_kind', line, 'Type', r.cell(row, 'Type'));
    const statusText = r.text(row, 'Status').toLowerCase();
    const status = STATUSES.get(statusText);
    if (statusText === '') r.report('missing_value', line, 'Status', null);
    else if (!status) r.report('bad_version_status', line, 'Status', r.cell(row, 'Status'));
    const basedOn = r.text(row, 'Basert på');
    if (basedOn !== '' && !seen.has(basedOn)) r.report('unknown_version', line, 'Basert på', basedOn);
    if (id !== '' && !seen.has(id)) seen.set(id, line);
    if (problems.length > before || !kind || !status) return;
    rows.set(id, { line, check: r.text(row, 'Rammekontroll').toLowerCase() });
    versions.push({ id, name: r.text(row, 'Navn'), kind, basedOn: basedOn === '' ? null : basedOn, status });
  });
  return versions;
}

function readClosedYears(read: TableRead, file: string, lang: Lang, problems: Problem[]) {
  const r = new RowReader(read, file, lang, problems);
  const closedRows = new Map<number, number>();
  if (!r.requireColumns(['År', 'Linjer', 'Linjekontroll'])) return { closed: [], closedRows };
  const closed: ClosedYearRecord[] = [];
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const before = problems.length;
    const year = r.year(row, 'År', line);
    if (year !== null && closedRows.has(year)) {
      const also = problemDetail('alsoOnRow', lang, { row: String(closedRows.get(year)) });
      r.report('duplicate_year', line, 'År', year, also);
    }
    const count = r.text(row, 'Linjer');
    if (!/^\d+$/.test(count)) {
      r.report('bad_value', line, 'Linjer', r.cell(row, 'Linjer'), undefined, problemDetail('wholeNumber', lang));
    }
    const check = r.text(row, 'Linjekontroll').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(check)) {
      const expected = problemDetail('lineCheck', lang);
      r.report('bad_value', line, 'Linjekontroll', r.cell(row, 'Linjekontroll'), undefined, expected);
    }
    if (problems.length > before || year === null) return;
    closedRows.set(year, line);
    closed.push({
      year,
      closedAt: r.text(row, 'Avsluttet'),
      closedBy: r.text(row, 'Av'),
      lines: Number(count),
      lineCheck: check,
      frames: r.text(row, 'Rammer'),
    });
  });
  return { closed, closedRows };
}

/** The governance state from the tables as read (null where the workbook lacks a table). */
export function readGovernanceTables(
  rammer: TableRead | null,
  versjoner: TableRead | null,
  arsavslutning: TableRead | null,
  file: string,
  lang: Lang = 'nb',
): GovernanceReading {
  const problems: Problem[] = [];
  const { rules, frameRows } = rammer ? readCarryOver(rammer, file, lang, problems) : { rules: new Map(), frameRows: new Map() };
  const versionRows = new Map<string, VersionRow>();
  const versions = versjoner ? readVersions(versjoner, file, lang, problems, versionRows) : [];
  const { closed, closedRows } = arsavslutning
    ? readClosedYears(arsavslutning, file, lang, problems)
    : { closed: [], closedRows: new Map<number, number>() };
  return {
    governance: { carryOver: rules, versions, versionFrames: new Map(), closedYears: closed },
    problems,
    frameRows,
    closedRows,
    versionRows,
  };
}
