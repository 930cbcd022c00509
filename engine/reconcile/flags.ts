/** Flags in words, for people (bokmål and English). */
import type { Lang } from '../messages/problems.js';
import type { Flag } from './reconcile.js';

const WORDS: Record<Flag, Record<Lang, string>> = {
  over_frame: { nb: 'over rammen', en: 'over the frame' },
  no_state_frame: { nb: 'ingen statlig ramme', en: 'no state frame' },
  condition_unconfirmed: { nb: 'betingelse ikke bekreftet', en: 'condition not confirmed' },
  frame_not_set: { nb: 'ramme ikke fastsatt', en: 'frame not set' },
  over_settled: { nb: 'tilsagn oppgjort med mer enn beløpet', en: 'commitment settled for more than its amount' },
};

/** A flag in words. */
export function flagWords(flag: Flag, lang: Lang = 'nb'): string {
  return WORDS[flag][lang];
}

/** A row's flags in words, joined for one cell. */
export function flagsInWords(flags: readonly Flag[], lang: Lang = 'nb'): string {
  return flags.map((f) => flagWords(f, lang)).join('; ');
}
