/** A plan: the instruments, their frames and the budget-post mapping, as one immutable value. */
import type { Frame } from './frame.js';
import { foldName, type Instrument, type InstrumentId } from './instruments.js';
import type { MappingRule } from './rules.js';

/** A budget post (kapittel.post) that carries one instrument. */
export interface PostMapping {
  readonly chapter: number;
  readonly post: number;
  readonly instrument: InstrumentId;
  /** The post's name in the state budget. */
  readonly name: string;
}

/** A plan. */
export interface Plan {
  readonly instruments: readonly Instrument[];
  readonly frames: readonly Frame[];
  readonly posts: readonly PostMapping[];
  /**
   * The mapping rules (CONTRACTS §8) from a workbook's `Konteringsregler` or `--rules FILE.csv`;
   * absent: the embedded rules (`rulesOf`).
   */
  readonly rules?: readonly MappingRule[];
}

/** The one key of a budget post. */
export function postKey(chapter: number, post: number): string {
  return `${chapter}.${String(post).padStart(2, '0')}`;
}

/** The instrument a budget post is mapped to, if any. */
export function instrumentOfPost(plan: Plan, chapter: number, post: number): InstrumentId | undefined {
  return plan.posts.find((p) => p.chapter === chapter && p.post === post)?.instrument;
}

/** Fast look-ups over a plan's instruments, for reading many ledger lines. */
export class InstrumentIndex {
  private readonly byText = new Map<string, Instrument>();
  private readonly byPost = new Map<string, InstrumentId>();

  constructor(plan: Plan) {
    for (const instrument of plan.instruments) {
      this.byText.set(instrument.id, instrument);
      this.byText.set(foldName(instrument.name), instrument);
      this.byText.set(foldName(instrument.nameEn), instrument);
    }
    for (const post of plan.posts) this.byPost.set(postKey(post.chapter, post.post), post.instrument);
  }

  /** The instrument named by id or name, or undefined. */
  find(text: string): Instrument | undefined {
    return this.byText.get(text) ?? this.byText.get(foldName(text));
  }

  /** The instrument of a budget post, or undefined. */
  ofPost(chapter: number, post: number): InstrumentId | undefined {
    return this.byPost.get(postKey(chapter, post));
  }
}
