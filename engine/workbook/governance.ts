/**
 * Governance state kept in the planning workbook: carry-over rules (columns at the end of
 * `Rammer`), plan versions, their frames and closed years (sheet `Styring`, tables `Versjoner`,
 * `Versjonsrammer` and `Arsavslutning`). A closed year keeps how many ledger lines it was closed
 * with, a SHA-256 over their content keys and a snapshot of its frames; an approved version keeps
 * a SHA-256 over its frames; so a later change to either is recognised.
 */
import { sha256 } from '../audit/sha256.js';
import type { LedgerLine } from '../ledger/line.js';
import type { CarryOverRule } from '../plan/carry-over.js';
import { lineKeysOfYear, type ClosedYear, type ClosedYears } from '../plan/closing.js';
import { frameKey, type Frame } from '../plan/frame.js';
import { statusWords, type VersionKind, type VersionStatus } from '../plan/versions.js';
import type { Cell, TableData } from './port/port.js';
import { ARSAVSLUTNING, VERSION_KIND_WORDS, VERSJONER } from './tables/styring-tables.js';
import { frameToken, framesCheckOf, versionFramesTable } from './version-frames.js';

/** One row of `Versjoner`: a named plan version; the last row is the version `Rammer` holds. */
export interface VersionEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: VersionKind;
  readonly basedOn: string | null;
  readonly status: VersionStatus;
}

/** One row of `Arsavslutning`: a closed year, with what it was closed with. */
export interface ClosedYearRecord {
  readonly year: number;
  /** ISO 8601 timestamp of the closing. */
  readonly closedAt: string;
  readonly closedBy: string;
  /** The number of ledger lines of the year when it was closed. */
  readonly lines: number;
  /** SHA-256 over the content keys (with occurrence) of those lines. */
  readonly lineCheck: string;
  /** The frames covering the year when it was closed, as `frameSnapshot` writes them. */
  readonly frames: string;
}

/** The governance state of a plan. */
export interface Governance {
  /** Carry-over rules by frame key; a frame without one carries nothing. */
  readonly carryOver: ReadonlyMap<string, CarryOverRule>;
  readonly versions: readonly VersionEntry[];
  /**
   * The stored frames of the versions other than the one in use (whose frames are the plan's, in
   * `Rammer`), by version id; a version missing here has no stored frames (an older workbook).
   */
  readonly versionFrames: ReadonlyMap<string, readonly Frame[]>;
  readonly closedYears: readonly ClosedYearRecord[];
}

/** No rules, no versions, no closed years. */
export const EMPTY_GOVERNANCE: Governance = { carryOver: new Map(), versions: [], versionFrames: new Map(), closedYears: [] };

/** The frames covering a year, as one text (sorted by key), for `ClosedYearRecord.frames`. */
export function frameSnapshot(frames: readonly Frame[], year: number): string {
  return frames
    .filter((f) => f.from <= year && year <= f.to)
    .map(frameToken)
    .sort()
    .join('; ');
}

/** The frame keys in a snapshot whose frame differs in `frames`, or that were added or removed. */
export function changedFrameKeys(snapshot: string, frames: readonly Frame[], year: number): string[] {
  const then = new Map(snapshot === '' ? [] : snapshot.split('; ').map((t) => [t.slice(0, t.indexOf('=')), t] as const));
  const now = new Map(frames.filter((f) => f.from <= year && year <= f.to).map((f) => [frameKey(f), frameToken(f)] as const));
  const keys = new Set([...then.keys(), ...now.keys()]);
  return [...keys].filter((k) => then.get(k) !== now.get(k)).sort();
}

/** The SHA-256 over content keys (with occurrence) of a year's lines. */
export function lineCheckOf(keys: readonly string[]): string {
  return sha256(keys.join('\n'));
}

/** The workbook record of a year just closed (`closeYear`), with its lines and frames. */
export function closedYearRecord(closed: ClosedYear, frames: readonly Frame[]): ClosedYearRecord {
  return {
    year: closed.year,
    closedAt: closed.closedAt,
    closedBy: closed.closedBy,
    lines: closed.lineKeys.length,
    lineCheck: lineCheckOf(closed.lineKeys),
    frames: frameSnapshot(frames, closed.year),
  };
}

/** The closed years as the plan functions use them, their line keys taken from the ledger lines given. */
export function closedYearsOf(governance: Governance, lines: Iterable<LedgerLine>): ClosedYears {
  const all = [...lines];
  return new Map(
    governance.closedYears.map((r) => [
      r.year,
      { year: r.year, closedAt: r.closedAt, closedBy: r.closedBy, lineKeys: lineKeysOfYear(all, r.year) } satisfies ClosedYear,
    ]),
  );
}

/**
 * The `Versjoner`, `Versjonsrammer` and `Arsavslutning` tables of a governance state; `current` is
 * the frames of the version in use (the plan's). An approved version with known frames gets the
 * SHA-256 of its frames in `Rammekontroll`, so a later edit of them is recognised.
 */
export function governanceTables(governance: Governance, current: readonly Frame[]): TableData[] {
  const last = governance.versions.length - 1;
  const versions = governance.versions.map((v, i): Cell[] => {
    const frames = i === last ? current : governance.versionFrames.get(v.id);
    return [
      v.id,
      v.name === '' ? null : v.name,
      VERSION_KIND_WORDS[v.kind],
      v.basedOn,
      statusWords(v.status),
      v.status === 'approved' && frames ? framesCheckOf(frames) : null,
    ];
  });
  const closed = [...governance.closedYears]
    .sort((a, b) => a.year - b.year)
    .map((r): Cell[] => [r.year, r.closedAt, r.closedBy, r.lines, r.lineCheck, r.frames === '' ? null : r.frames]);
  return [{ spec: VERSJONER, rows: versions }, versionFramesTable(governance, current), { spec: ARSAVSLUTNING, rows: closed }];
}

/** The carry-over cells of a frame for `Rammer`: `Overføring`, `Andel`, `Overforbruk overføres`. */
export function carryOverCells(rule: CarryOverRule | undefined): Cell[] {
  if (!rule || rule.kind === 'none') return ['ingen', null, 'nei'];
  const overspend = rule.carryOverspend ? 'ja' : 'nei';
  // The share is a plain decimal with few digits (0.05); a number only here, for the percent cell.
  return rule.kind === 'all' ? ['alt', null, overspend] : ['andel', Number(rule.share), overspend];
}
