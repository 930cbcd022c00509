/**
 * The embedded plan: the 2019 agreement's appendix, its prolongation and the 2025–2028 agreement.
 *
 * The appendix rows are kept as the appendix words them, and the amounts are read from those
 * words by `readAppendixRule`, so the figures cannot drift from the document (the tests check each
 * quoted row against the signed text). See ../shared/CONTRACTS.md §1 and FACTS.md.
 */
import { YEARS, type Year } from '../calendar.js';
import { Money } from '../money.js';
import type { Frame } from './frame.js';
import { INSTRUMENTS, type InstrumentId } from './instruments.js';
import type { Plan, PostMapping } from './plan.js';

const APPENDIX = 'IA-avtalen 2019–2022 (intensjonsavtale av 18.12.2018), vedlegg «Ressursramme 2019–2022»';
const CONTINUED =
  'Videreført fra vedlegget til IA-avtalen 2019–2022: avtalen ble forlenget til 31.12.2024 med dagens virkemidler, ' +
  'og i IA-avtalen 2025–2028 «videreføres» ambisjoner og virkemidler. Beløpet er antatt og må bekreftes';
const AGREEMENT_2025 = 'IA-avtalen 2025–2028 (signert 12.02.2025), nytt tiltak: beløp ikke fastsatt';

/** The SKIL pool's condition, the appendix's footnote 1 word for word. */
export const SKIL_CONDITION = 'Under forutsetning av at den økonomiske rammen er i tråd med statsstøtteregelverket.';

/** The appendix rows: instrument and the words in the column «Ressursramme 2019–2022». */
export const APPENDIX_ROWS: readonly { instrument: string; text: string }[] = [
  { instrument: 'arbeidsmiljosatsing', text: '70 mill. kroner i 2019, deretter 50 mill. kroner årlig' },
  { instrument: 'arbeidslivstjeneste', text: 'Arbeidslivssentrene' },
  { instrument: 'helseiarbeid', text: 'Arbeidslivssentrene' },
  { instrument: 'ekspertbistand', text: '50 mill. kroner årlig' },
  { instrument: 'kompetansetiltak', text: '70 mill. kroner årlig' },
  { instrument: 'bransjeprogrammer', text: '60 mill. kroner i 2019, deretter 80 mill. kroner årlig' },
  { instrument: 'kunnskapsutvikling', text: '21 mill. kroner årlig' },
  { instrument: 'skil', text: 'Totalt 2 mill. kroner i 2019-2021' },
  { instrument: 'opplaering', text: 'Årlig, dekkes av partene' },
];

/** The new measures of the 2025–2028 agreement (amounts not set). */
const NEW_MEASURES = ['fastlegeprosjekt', 'lovarbeid', 'kunnskapsinnhenting'];

/** The first and last year of the signed appendix. */
const APPENDIX_FROM = 2019;
const APPENDIX_TO = 2022;

/** What one appendix row says: annual amounts per year, a pooled amount, or no NOK amount. */
export type AppendixRule =
  { kind: 'annual'; first: Money; then: Money } | { kind: 'pool'; amount: Money; from: Year; to: Year } | { kind: 'none' };

/** Reads the rule of an appendix row from its words; throws on words it does not know (a bug). */
export function readAppendixRule(text: string): AppendixRule {
  const annual = /^(\d+) mill\. kroner årlig$/.exec(text);
  if (annual) return { kind: 'annual', first: Money.mill(annual[1]!), then: Money.mill(annual[1]!) };
  const firstThen = /^(\d+) mill\. kroner i 2019, deretter (\d+) mill\. kroner årlig$/.exec(text);
  if (firstThen) return { kind: 'annual', first: Money.mill(firstThen[1]!), then: Money.mill(firstThen[2]!) };
  const pool = /^Totalt (\d+) mill\. kroner i (\d{4})-(\d{4})$/.exec(text);
  if (pool) {
    return { kind: 'pool', amount: Money.mill(pool[1]!), from: Number(pool[2]) as Year, to: Number(pool[3]) as Year };
  }
  if (text === 'Arbeidslivssentrene' || text === 'Årlig, dekkes av partene') return { kind: 'none' };
  throw new Error(`unknown appendix wording: ${text}`);
}

function instrumentOf(id: string) {
  const found = INSTRUMENTS.find((i) => i.id === id);
  if (!found) throw new Error(`embedded plan names an unknown instrument: ${id}`);
  return found;
}

function buildFrames(): Frame[] {
  const frames: Frame[] = [];
  for (const row of APPENDIX_ROWS) {
    const instrument = instrumentOf(row.instrument);
    const rule = readAppendixRule(row.text);
    const base = {
      instrument: instrument.id,
      unit: 'NOK' as const,
      funding: instrument.funding,
      conditionConfirmed: false,
    };
    if (rule.kind === 'pool') {
      frames.push({
        ...base,
        from: rule.from,
        to: rule.to,
        amount: rule.amount,
        condition: SKIL_CONDITION,
        source: 'appendix',
        sourceText: `${APPENDIX}: «${row.text}», fotnote 1: «${SKIL_CONDITION}»`,
      });
      continue;
    }
    for (const year of YEARS) {
      const amount = rule.kind === 'none' ? null : year === APPENDIX_FROM ? rule.first : rule.then;
      const inAppendix = year <= APPENDIX_TO;
      frames.push({
        ...base,
        from: year,
        to: year,
        amount,
        condition: '',
        source: inAppendix ? 'appendix' : 'continued',
        sourceText: inAppendix ? `${APPENDIX}: «${row.text}»` : `${CONTINUED} (vedlegget: «${row.text}»).`,
      });
    }
  }
  for (const id of NEW_MEASURES) {
    const instrument = instrumentOf(id);
    for (const year of YEARS.filter((y) => y >= 2025)) {
      frames.push({
        instrument: instrument.id,
        from: year,
        to: year,
        amount: null,
        unit: 'NOK',
        funding: instrument.funding,
        condition: '',
        conditionConfirmed: false,
        source: 'agreement_2025',
        sourceText: AGREEMENT_2025,
      });
    }
  }
  return frames;
}

/** The budget posts known to carry instruments (FACTS.md), one row per post and instrument; 601.70 serves several grants and is not mapped. */
export const EMBEDDED_POSTS: readonly PostMapping[] = [
  { chapter: 601, post: 22, instrument: 'kunnskapsutvikling' as InstrumentId, name: 'Kunnskapsutvikling i IA-avtalen m.m.' },
  {
    chapter: 601,
    post: 71,
    instrument: 'bransjeprogrammer' as InstrumentId,
    name: 'Tilskudd til bransjeprogrammer under IA-avtalen m.m.',
  },
  // One post funds both instruments (FACTS.md); how it is split is the mapping rules' (CONTRACTS §8).
  {
    chapter: 2650,
    post: 76,
    instrument: 'ekspertbistand' as InstrumentId,
    name: 'Tilskudd til ekspertbistand og kompetansetiltak for sykmeldte',
  },
  {
    chapter: 2650,
    post: 76,
    instrument: 'kompetansetiltak' as InstrumentId,
    name: 'Tilskudd til ekspertbistand og kompetansetiltak for sykmeldte',
  },
];

/** The plan that ships with the product: 93 frames in contract order. */
export function embeddedPlan(): Plan {
  const frames = buildFrames();
  const order = (f: Frame) => INSTRUMENTS.findIndex((i) => i.id === f.instrument);
  frames.sort((a, b) => order(a) - order(b) || a.from - b.from);
  return { instruments: INSTRUMENTS, frames, posts: EMBEDDED_POSTS };
}
