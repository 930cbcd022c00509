/** Frames (ressursrammer): the amount an instrument may use in a year or a pooled period. */
import { periodsOverlap, isYear, type Year } from '../calendar.js';
import { Money } from '../money.js';
import { frameWords } from '../messages/governance.js';
import { problem, problemDetail, type Lang, type Problem } from '../messages/problems.js';
import { instrumentRank, type Funding, type Instrument, type InstrumentId } from './instruments.js';

/**
 * Where a frame's figure comes from: the signed 2019 appendix, continued from it after 2022
 * (assumed, to be confirmed), the 2025 agreement (new measures, amount not set), or a user.
 */
export type FrameSource = 'appendix' | 'continued' | 'agreement_2025' | 'entered';

/** All sources, for validation. */
export const FRAME_SOURCES: readonly FrameSource[] = ['appendix', 'continued', 'agreement_2025', 'entered'];

/** A resource frame. An amount that is not set is `null`, never zero. */
export interface Frame {
  readonly instrument: InstrumentId;
  readonly from: Year;
  readonly to: Year;
  readonly amount: Money | null;
  readonly unit: 'NOK';
  readonly funding: Funding;
  /** A condition the money is subject to, or ''. */
  readonly condition: string;
  /** Whether a user has recorded the condition as confirmed. */
  readonly conditionConfirmed: boolean;
  readonly source: FrameSource;
  /** The words of the source document the figure comes from (document and line), for people. */
  readonly sourceText: string;
}

/** The one key of a frame: instrument and period. */
export function frameKey(frame: { instrument: string; from: number; to: number }): string {
  return `${frame.instrument}:${frame.from}-${frame.to}`;
}

/** Frames in report order: by instrument as in the catalogue, then by `from`. */
export function sortFrames(frames: readonly Frame[], catalogue?: readonly Instrument[]): Frame[] {
  return [...frames].sort(
    (a, b) => instrumentRank(a.instrument, catalogue) - instrumentRank(b.instrument, catalogue) || a.from - b.from,
  );
}

/** A frame together with where it was read, for validation messages. */
export interface FrameAt {
  readonly frame: {
    instrument: string;
    from: number;
    to: number;
    amount: Money | null;
  };
  readonly file: string;
  readonly sheet?: string;
  readonly line: number | null;
}

/**
 * Checks a plan's frames: `from` > `to`, a year outside 2019–2028, a negative amount, and two frames
 * of one instrument sharing a year are each a problem naming the frame.
 */
export function validateFrames(frames: readonly FrameAt[], lang: Lang = 'nb'): Problem[] {
  const problems: Problem[] = [];
  for (const { frame, file, sheet, line } of frames) {
    const at = { file, ...(sheet ? { sheet } : {}), line };
    // The frame in words (instrument name and years), never its key.
    const name = problemDetail('ofFrame', lang, { frame: frameWords(frame, lang) });
    for (const [column, year] of [
      ['Fra', frame.from],
      ['Til', frame.to],
    ] as const) {
      if (!isYear(year)) {
        problems.push(problem('year_out_of_range', { ...at, column, value: String(year) }, lang, {}, name));
      }
    }
    if (frame.from > frame.to) {
      problems.push(problem('frame_from_after_to', { ...at, column: 'Fra', value: `${frame.from}–${frame.to}` }, lang, {}, name));
    }
    if (frame.amount?.isNegative()) {
      problems.push(problem('negative_amount', { ...at, column: 'Beløp', value: frame.amount.toFixed2() }, lang, {}, name));
    }
  }
  // Overlaps per instrument in one pass over the frames sorted by start (n log n, never every
  // pair: 2 000 copies of one frame give 1 999 problems, not two million). Each frame that starts
  // before the furthest-reaching earlier one ends overlaps it; the problem stands at whichever of
  // the two comes first in the table and names the other.
  const byInstrument = new Map<string, number[]>();
  frames.forEach((f, i) => {
    const list = byInstrument.get(f.frame.instrument);
    if (list) list.push(i);
    else byInstrument.set(f.frame.instrument, [i]);
  });
  const overlaps: [number, number][] = [];
  for (const list of byInstrument.values()) {
    list.sort((x, y) => frames[x]!.frame.from - frames[y]!.frame.from || x - y);
    let reach = -1;
    for (const i of list) {
      if (reach >= 0 && periodsOverlap(frames[reach]!.frame, frames[i]!.frame))
        overlaps.push([Math.min(reach, i), Math.max(reach, i)]);
      if (reach < 0 || frames[i]!.frame.to > frames[reach]!.frame.to) reach = i;
    }
  }
  overlaps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of overlaps) {
    const a = frames[i]!;
    const b = frames[j]!;
    const detail = b.line === null ? 'overlaps' : b.sheet ? 'overlapsRow' : 'overlapsLine';
    problems.push(
      problem(
        'frame_overlap',
        { file: a.file, ...(a.sheet ? { sheet: a.sheet } : {}), line: a.line, column: 'Fra', value: String(a.frame.from) },
        lang,
        {},
        `${problemDetail('ofFrame', lang, { frame: frameWords(a.frame, lang) })} ${problemDetail(detail, lang, { frame: frameWords(b.frame, lang), row: String(b.line) })}`,
      ),
    );
  }
  return problems;
}
