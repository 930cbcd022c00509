/** The instruments (virkemidler) of the IA agreements, in the order of CONTRACTS §1. */

/** A stable instrument id (lower-case ASCII), made only through `findInstrument` or the catalogue. */
export type InstrumentId = string & { readonly __brand: 'InstrumentId' };

/** Who pays: the state in NOK, the working-life centres' own resources, or the parties. */
export type Funding = 'state' | 'arbeidslivssentrene' | 'partene';

/** All funding kinds, for validation. */
export const FUNDINGS: readonly Funding[] = ['state', 'arbeidslivssentrene', 'partene'];

/** An instrument of the agreement. */
export interface Instrument {
  readonly id: InstrumentId;
  /** Display name in bokmål, as the appendix writes it. */
  readonly name: string;
  /** Display name in English. */
  readonly nameEn: string;
  readonly funding: Funding;
}

function instrument(id: string, name: string, nameEn: string, funding: Funding): Instrument {
  return { id: id as InstrumentId, name, nameEn, funding };
}

/** The catalogue, in contract order (this order is the order of every report). */
export const INSTRUMENTS: readonly Instrument[] = [
  instrument('arbeidsmiljosatsing', 'Ny arbeidsmiljøsatsing', 'New working-environment initiative', 'state'),
  instrument('arbeidslivstjeneste', 'Koordinert arbeidslivstjeneste', 'Coordinated working-life service', 'arbeidslivssentrene'),
  instrument('helseiarbeid', 'HelseIArbeid', 'HelseIArbeid (health at work)', 'arbeidslivssentrene'),
  instrument('ekspertbistand', 'Nytt tilskudd til ekspertbistand', 'New grant for expert assistance', 'state'),
  instrument('kompetansetiltak', 'Kompetansetiltak – forsøk', 'Competence measures – trial', 'state'),
  instrument(
    'bransjeprogrammer',
    'Bransjeprogrammer, inkludert utvikling, forsøk, følgeevalueringer',
    'Industry programmes, including development, trials, follow-up evaluations',
    'state',
  ),
  instrument('kunnskapsutvikling', 'Kunnskapsutvikling, kunnskapsgrunnlag', 'Knowledge development, knowledge base', 'state'),
  instrument('skil', 'Utvikling kursmodul og utprøving (SKIL)', 'Course module development and trial (SKIL)', 'state'),
  instrument('opplaering', 'Opplæring i arbeidsmiljøarbeid', 'Training in working-environment work', 'partene'),
  instrument(
    'fastlegeprosjekt',
    'Prosjekt om fastlegenes rolle i sykefraværsarbeidet',
    'Project on the GPs’ role in sick-leave work',
    'state',
  ),
  instrument(
    'lovarbeid',
    'Lovarbeid om pliktene i sykefraværsoppfølgingen',
    'Legislative work on the duties in sick-leave follow-up',
    'state',
  ),
  instrument(
    'kunnskapsinnhenting',
    'Bred kunnskapsinnhenting om sykefravær og frafall',
    'Broad knowledge gathering on sick leave and drop-out',
    'state',
  ),
];

/** Folds a name for matching: lower case, Norwegian letters to ASCII, dashes and spaces collapsed. */
export function foldName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[\u2013\u2014\u2212-]/g, '-')
    .replace(/\s+/g, ' ');
}

/** Looks an instrument up by id or by its Norwegian (or English) name, in a given catalogue. */
export function findInstrument(text: string, catalogue: readonly Instrument[] = INSTRUMENTS): Instrument | undefined {
  const folded = foldName(text);
  return catalogue.find((i) => i.id === folded || foldName(i.name) === folded || foldName(i.nameEn) === folded);
}

/** The position of an instrument in contract order (unknown ids last). */
export function instrumentRank(id: string, catalogue: readonly Instrument[] = INSTRUMENTS): number {
  const index = catalogue.findIndex((i) => i.id === id);
  return index < 0 ? catalogue.length : index;
}
