/**
 * Every plan version's frames in the workbook: the `Versjonsrammer` table on `Styring` holds one
 * row per frame of each version (the version in use too, written from `Rammer`), so a comparison
 * with an earlier version still works after the workbook is reopened. An approved version's frames
 * are read-only: `Versjoner` keeps a SHA-256 of them (`Rammekontroll`), and a workbook whose
 * approved frames were edited by hand is refused with the version, sheet, row and column named.
 */
import { sha256 } from '../audit/sha256.js';
import { frameKey, sortFrames, validateFrames, type Frame, type FrameAt } from '../plan/frame.js';
import {
  frameRefOfKey,
  governanceProblem,
  problem,
  type GovernanceNotice,
  type InstrumentNames,
  type Lang,
  type Problem,
} from '../messages/problems.js';
import type { Governance, VersionEntry } from './governance.js';
import type { Cell, TableData, TableRead } from './port/port.js';
import { VERSJONSRAMMER } from './tables/styring-tables.js';
import { isEmptyRow, readFrameRow, RowReader, shippedFrames } from './read/read-plan-table.js';

/** A frame as a snapshot writes it: key, amount (or `null`), condition confirmed. */
export function frameToken(frame: Frame): string {
  return `${frameKey(frame)}=${frame.amount === null ? 'null' : frame.amount.toFixed2()}/${frame.conditionConfirmed ? 'ja' : 'nei'}`;
}

/** The SHA-256 over a version's frames (key, amount, confirmation; order does not matter). */
export function framesCheckOf(frames: readonly Frame[]): string {
  return sha256(frames.map(frameToken).sort().join('; '));
}

function frameCells(versionId: string, f: Frame): Cell[] {
  const confirmed = f.condition === '' && !f.conditionConfirmed ? null : f.conditionConfirmed ? 'ja' : 'nei';
  return [
    versionId,
    f.instrument,
    f.from,
    f.to,
    // A money cell is a number only here, at the edge.
    f.amount === null ? null : f.amount.toNumber(),
    f.funding,
    f.condition === '' ? null : f.condition,
    confirmed,
    f.source,
  ];
}

/** The `Versjonsrammer` table: each version's frames in `Versjoner` order; the version in use has `current`. */
export function versionFramesTable(governance: Governance, current: readonly Frame[]): TableData {
  const last = governance.versions.length - 1;
  const rows = governance.versions.flatMap((v, i) => {
    const frames = i === last ? current : governance.versionFrames.get(v.id);
    return (frames ?? []).map((f) => frameCells(v.id, f));
  });
  return { spec: VERSJONSRAMMER, rows };
}

/** Where a version stands in `Versjoner`: its row and the `Rammekontroll` read there ('' when empty). */
export interface VersionRow {
  readonly line: number;
  readonly check: string;
}

/** What the stored versions are checked against: the versions read, their rows, the plan's frames and their `Rammer` rows. */
export interface StoredVersionsInput {
  readonly versions: readonly VersionEntry[];
  readonly versionRows: ReadonlyMap<string, VersionRow>;
  readonly current: readonly Frame[];
  readonly frameRows: ReadonlyMap<string, number>;
  /** The plan's instruments, to name a frame in a message (default: the shipped ones). */
  readonly instruments?: InstrumentNames;
}

/** The stored frames of the versions not in use, and the problems of `Versjonsrammer` and of approved versions. */
export interface StoredVersionsReading {
  readonly versionFrames: Map<string, readonly Frame[]>;
  readonly problems: Problem[];
}

function readRows(read: TableRead, known: ReadonlySet<string>, file: string, lang: Lang, problems: Problem[]) {
  const r = new RowReader(read, file, lang, problems);
  const byVersion = new Map<string, (FrameAt & { frame: Frame })[]>();
  if (!r.requireColumns(['Versjon', 'Virkemiddel', 'Fra', 'Til', 'Beløp'])) return byVersion;
  const where = { file, sheet: read.sheet, lang, shipped: shippedFrames() };
  read.rows.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    const line = read.firstRow + i;
    const id = r.text(row, 'Versjon');
    if (id === '') r.report('missing_value', line, 'Versjon', null);
    else if (!known.has(id)) r.report('unknown_version', line, 'Versjon', id);
    const frame = readFrameRow(r, row, line, where);
    if (!frame || !known.has(id)) return;
    const list = byVersion.get(id) ?? [];
    list.push({ frame, file, sheet: read.sheet, line });
    byVersion.set(id, list);
  });
  for (const frames of byVersion.values()) for (const p of validateFrames(frames, lang)) problems.push(p);
  return byVersion;
}

/** The keys whose frame differs between two sets of frames (changed, added or removed), sorted. */
export function changedKeys(a: readonly Frame[], b: readonly Frame[]): string[] {
  const ta = new Map(a.map((f) => [frameKey(f), frameToken(f)] as const));
  const tb = new Map(b.map((f) => [frameKey(f), frameToken(f)] as const));
  return [...new Set([...ta.keys(), ...tb.keys()])].filter((k) => ta.get(k) !== tb.get(k)).sort();
}

/**
 * Reads `Versjonsrammer` (null: an older workbook without it, where only the version in use has
 * frames) and checks each approved version's frames against its `Rammekontroll`.
 */
export function readStoredVersions(
  read: TableRead | null,
  input: StoredVersionsInput,
  file: string,
  lang: Lang = 'nb',
): StoredVersionsReading {
  const problems: Problem[] = [];
  const known = new Set(input.versions.map((v) => v.id));
  const stored = read ? readRows(read, known, file, lang, problems) : new Map<string, (FrameAt & { frame: Frame })[]>();
  const versionFrames = new Map<string, readonly Frame[]>();
  if (problems.length > 0) return { versionFrames, problems };
  input.versions.forEach((v, i) => {
    const isCurrent = i === input.versions.length - 1;
    const frames = stored.get(v.id)?.map((f) => f.frame);
    if (frames && !isCurrent) versionFrames.set(v.id, sortFrames(frames));
    const row = input.versionRows.get(v.id);
    if (v.status !== 'approved' || !row) return;
    const place = { file, sheet: 'Styring', line: row.line, column: 'Rammekontroll', value: v.id };
    if (row.check === '') {
      // Frames stored without their check cannot be trusted as approved; none stored is an older workbook.
      if (frames) problems.push(problem('missing_value', place, lang));
      return;
    }
    const version = { id: v.id, name: v.name };
    const refused = (at: typeof place, reason: GovernanceNotice) =>
      governanceProblem('approved_version_changed', at, reason, lang, input.instruments);
    const storedOk = frames !== undefined && framesCheckOf(frames) === row.check;
    if (!storedOk && (frames !== undefined || !isCurrent))
      problems.push(refused(place, { code: 'approved_frames_changed', version }));
    if (!isCurrent || framesCheckOf(input.current) === row.check) return;
    if (storedOk) {
      // The stored frames are as approved, so they show which Rammer rows were edited.
      for (const key of changedKeys(frames, input.current)) {
        const line = input.frameRows.get(key);
        const at = line === undefined ? { ...place, value: key } : { file, sheet: 'Rammer', line, column: 'Beløp', value: key };
        problems.push(refused(at, { code: 'approved_frame_edited', version, frame: frameRefOfKey(key) }));
      }
    } else if (frames === undefined) {
      problems.push(refused(place, { code: 'approved_frame_edited', version }));
    }
  });
  return { versionFrames, problems };
}
