/**
 * The one catalogue of governance messages: every refusal and result of a governance change
 * (reallocation, versions, closing a year, carry-over) is a notice, a code with its values, and
 * only this module turns a notice into words, in bokmål or English. Instruments are named by their
 * names in the plan, frames by instrument name and years, amounts through `formatMoney`.
 */
import { formatDate, type IsoDate } from '../calendar.js';
import { Dec, formatMoney, type Money } from '../money.js';
import type { CarryOverRule } from '../plan/carry-over.js';
import type { FrameSource } from '../plan/frame.js';
import { INSTRUMENTS, type Funding } from '../plan/instruments.js';
import type { Lang } from './problems.js';

/** A frame as a notice names it: instrument id and years (`from` = `to` for an annual frame). */
export interface FrameRef {
  readonly instrument: string;
  readonly from: number;
  readonly to: number;
}

/** A version's status, as in `plan/versions.ts`. */
type Status = 'draft' | 'submitted' | 'approved';

/** A version as a notice names it: the id the user types and the name people read. */
export interface VersionRef {
  readonly id: string;
  readonly name: string;
}

/** Why a governance change was refused, with the values the sentence needs. */
export type GovernanceRefusal =
  | { readonly code: 'already_closed'; readonly year: number }
  | { readonly code: 'not_closed'; readonly year: number }
  | { readonly code: 'reopen_needs_reason'; readonly year: number }
  | { readonly code: 'line_in_closed_year'; readonly year: number; readonly closedAt: string }
  | { readonly code: 'frame_in_closed_year'; readonly frame: FrameRef; readonly year: number }
  | { readonly code: 'carries_into_closed_year'; readonly frame: FrameRef; readonly year: number }
  | {
      readonly code: 'ledger_changed_since_closing';
      readonly year: number;
      readonly closedAt: string;
      readonly lines: number;
      readonly linesNow: number;
    }
  | { readonly code: 'frame_changed_since_closing'; readonly frame: FrameRef; readonly year: number; readonly closedAt: string }
  | { readonly code: 'version_approved'; readonly version: VersionRef }
  | { readonly code: 'version_submitted'; readonly version: VersionRef }
  | { readonly code: 'bad_transition'; readonly version: VersionRef; readonly status: Status; readonly to: Status }
  /** `known`: the versions the workbook has (the implicit `plan` when `Versjoner` is empty), as the user can type them. */
  | { readonly code: 'unknown_version'; readonly id: string; readonly known: readonly VersionRef[] }
  | { readonly code: 'version_not_stored'; readonly id: string }
  /** An approved version's frames in `Versjonsrammer` no longer match its `Rammekontroll`. */
  | { readonly code: 'approved_frames_changed'; readonly version: VersionRef }
  /** A frame of the approved version in use was edited in `Rammer`; without `frame`, one or more (which is not known). */
  | { readonly code: 'approved_frame_edited'; readonly version: VersionRef; readonly frame?: FrameRef }
  /** The workbook's planning tables changed since the host read them (someone else edited it): nothing was written. */
  | { readonly code: 'workbook_changed_since_read' }
  | { readonly code: 'version_exists'; readonly id: string }
  | { readonly code: 'unknown_frame'; readonly frame: FrameRef }
  | { readonly code: 'no_frame_starting'; readonly instrument: string; readonly from: number; readonly to?: number }
  | { readonly code: 'negative_frame'; readonly amount: Money }
  | { readonly code: 'no_condition'; readonly frame: FrameRef }
  | { readonly code: 'reallocation_in_closed_year'; readonly year: number }
  | { readonly code: 'same_instrument'; readonly instrument: string }
  | { readonly code: 'not_positive'; readonly amount: Money }
  | { readonly code: 'no_annual_frame'; readonly instrument: string; readonly year: number }
  | { readonly code: 'frame_not_set'; readonly instrument: string; readonly year: number }
  | {
      readonly code: 'below_spent';
      readonly instrument: string;
      readonly year: number;
      /** The amount the move would take from the frame. */
      readonly amount: Money;
      /** What the frame would become. */
      readonly frameAfter: Money;
      readonly spent: Money;
      readonly openCommitments: Money;
      /** frame − spent − open commitments before the move: the most that can be moved. */
      readonly remaining: Money;
    };

/** What a governance change did, with the values the sentence needs. */
export type GovernanceOutcome =
  | {
      readonly code: 'reallocated';
      readonly year: number;
      readonly from: string;
      readonly to: string;
      readonly amount: Money;
      readonly remainingFrom: Money;
      readonly remainingTo: Money;
    }
  | { readonly code: 'condition_confirmed'; readonly frame: FrameRef }
  | { readonly code: 'year_closed'; readonly year: number; readonly lines: number }
  | { readonly code: 'year_reopened'; readonly year: number }
  | { readonly code: 'version_created'; readonly version: VersionRef; readonly from: VersionRef }
  | { readonly code: 'version_status_set'; readonly version: VersionRef; readonly status: Status }
  | { readonly code: 'carry_over_set'; readonly frame: FrameRef; readonly rule: CarryOverRule }
  | { readonly code: 'carried_into'; readonly year: number; readonly amount: Money }
  | {
      readonly code: 'versions_compared';
      readonly a: VersionRef;
      readonly b: VersionRef;
      readonly changed: number;
      readonly frames: number;
    }
  | { readonly code: 'nothing_changed' }
  /** What a host's action gave, for the log (`ledger_imported` …) and its notice. */
  | {
      readonly code: 'ledger_imported';
      readonly file: string;
      readonly imported: number;
      readonly duplicates: number;
      readonly skipped: number;
    }
  | { readonly code: 'ledger_reread'; readonly lines: number }
  | { readonly code: 'reconciled'; readonly asOf: IsoDate }
  | { readonly code: 'evaluation_written'; readonly year: number; readonly instruments: number }
  | { readonly code: 'pane_workbook_written'; readonly frames: number; readonly lines: number }
  | {
      readonly code: 'appropriations_imported';
      readonly file: string;
      readonly decisions: number;
      readonly posts: number;
      /** Posts and years on posts the plan's rules do not name, left out. */
      readonly outside: number;
    };

/** A governance refusal or outcome: a code with its values, put into words only by `noticeText`. */
export type GovernanceNotice = GovernanceRefusal | GovernanceOutcome;

/** The instruments a notice's ids are looked up in (a plan's `instruments`). */
export type InstrumentNames = readonly { readonly id: string; readonly name: string; readonly nameEn: string }[];

/** An instrument by its name in the chosen language; an id the plan does not know is quoted as given. */
export function instrumentWords(id: string, lang: Lang, instruments: InstrumentNames = INSTRUMENTS): string {
  const found = instruments.find((i) => i.id === id);
  if (!found) return lang === 'nb' ? `«${id}»` : `“${id}”`;
  return lang === 'nb' ? found.name : found.nameEn;
}

/** Years as people write them: `2024`, or `2019–2021` for a pooled frame. */
export function yearsWords(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** A frame in words: instrument name and years (`Utvikling kursmodul og utprøving (SKIL) 2019–2021`). */
export function frameWords(frame: FrameRef, lang: Lang, instruments: InstrumentNames = INSTRUMENTS): string {
  return `${instrumentWords(frame.instrument, lang, instruments)} ${yearsWords(frame.from, frame.to)}`;
}

/** A frame named by its key (`skil:2019-2021`), for callers that hold only the key. */
export function frameRefOfKey(key: string): FrameRef {
  const match = /^(.*):(\d+)-(\d+)$/.exec(key);
  return match ? { instrument: match[1]!, from: Number(match[2]), to: Number(match[3]) } : { instrument: key, from: 0, to: 0 };
}

/** A version as people read it: `«Revidert 2025» (rnb-2025)`, or the id alone when it has no name of its own. */
export function versionWords(version: VersionRef, lang: Lang): string {
  if (version.name === '' || version.name === version.id) return version.id;
  return lang === 'nb' ? `«${version.name}» (${version.id})` : `“${version.name}” (${version.id})`;
}

const STATUS: Record<Lang, Record<Status, string>> = {
  nb: { draft: 'utkast', submitted: 'sendt inn', approved: 'godkjent' },
  en: { draft: 'draft', submitted: 'submitted', approved: 'approved' },
};

/** A version status in words. */
export function versionStatusText(status: Status, lang: Lang): string {
  return STATUS[lang][status];
}

/** A carry-over rule in words (the log writes it in bokmål). */
export function carryOverRuleText(rule: CarryOverRule, lang: Lang): string {
  const nb = lang === 'nb';
  if (rule.kind === 'none') return nb ? 'ingen overføring' : 'no carry-over';
  const over = rule.carryOverspend
    ? nb
      ? ', overforbruk trekkes fra neste år'
      : ', an overspend is deducted from next year'
    : '';
  if (rule.kind === 'all') return nb ? `alt ubrukt overføres${over}` : `all that is unspent is carried over${over}`;
  const percent = new Dec(rule.share).times(100).toString();
  return nb
    ? `inntil ${percent.replace('.', ',')} % av rammen overføres${over}`
    : `up to ${percent} % of the frame is carried over${over}`;
}

/** How one notice reads: a function of its values and the helpers that name things. */
type Render<N> = (notice: N, w: Words) => string;

/** The helpers a sentence names things with, bound to a language and a plan's instruments. */
interface Words {
  readonly instrument: (id: string) => string;
  readonly frame: (frame: FrameRef) => string;
  readonly money: (amount: Money) => string;
  readonly version: (version: VersionRef) => string;
  /** A version as the user types it, its name after: `plan («Arbeidsplan»)`. */
  readonly typed: (version: VersionRef) => string;
  readonly status: (status: Status) => string;
  readonly list: (items: readonly string[]) => string;
}

type Catalogue = { readonly [C in GovernanceNotice['code']]: Record<Lang, Render<Extract<GovernanceNotice, { code: C }>>> };

const CATALOGUE: Catalogue = {
  already_closed: {
    nb: (n) => `${n.year} er allerede avsluttet.`,
    en: (n) => `${n.year} is already closed.`,
  },
  not_closed: {
    nb: (n) => `${n.year} er ikke avsluttet.`,
    en: (n) => `${n.year} is not closed.`,
  },
  reopen_needs_reason: {
    nb: (n) => `Oppgi en begrunnelse for å gjenåpne ${n.year}.`,
    en: (n) => `Give a reason to reopen ${n.year}.`,
  },
  line_in_closed_year: {
    nb: (n) =>
      `Budsjettåret ${n.year} ble avsluttet ${n.closedAt}; linjen ble ikke tatt med. Gjenåpne året (det føres i loggen) for å føre den.`,
    en: (n) =>
      `Budget year ${n.year} was closed on ${n.closedAt}; the line was not counted. Reopen the year (recorded in the log) to enter it.`,
  },
  frame_in_closed_year: {
    nb: (n, w) =>
      `Rammen for ${w.frame(n.frame)} gjelder ${n.year}, som er avsluttet. Gjenåpne året (det føres i loggen) for å endre den.`,
    en: (n, w) =>
      `The frame of ${w.frame(n.frame)} covers ${n.year}, which is closed. Reopen the year (recorded in the log) to change it.`,
  },
  carries_into_closed_year: {
    nb: (n, w) =>
      `Rammen for ${w.frame(n.frame)} overfører til ${n.year}, som er avsluttet. Gjenåpne året (det føres i loggen) for å endre regelen.`,
    en: (n, w) =>
      `The frame of ${w.frame(n.frame)} carries into ${n.year}, which is closed. Reopen the year (recorded in the log) to change the rule.`,
  },
  ledger_changed_since_closing: {
    nb: (n) =>
      `${n.year} ble avsluttet ${n.closedAt} med ${n.lines} linjer; Forbruk har nå ${n.linesNow} linjer for året eller endrede linjer. Fjern endringen, eller gjenåpne året (det føres i loggen).`,
    en: (n) =>
      `${n.year} was closed on ${n.closedAt} with ${n.lines} lines; Forbruk now has ${n.linesNow} lines for the year or changed lines. Undo the change, or reopen the year (recorded in the log).`,
  },
  frame_changed_since_closing: {
    nb: (n, w) =>
      `Rammen for ${w.frame(n.frame)} gjelder ${n.year}, som ble avsluttet ${n.closedAt}; den er endret, lagt til eller fjernet siden. Gjenåpne året (det føres i loggen) for å endre den.`,
    en: (n, w) =>
      `The frame of ${w.frame(n.frame)} covers ${n.year}, closed on ${n.closedAt}; it was changed, added or removed since. Reopen the year (recorded in the log) to change it.`,
  },
  version_approved: {
    nb: (n, w) =>
      `Versjonen ${w.version(n.version)} er godkjent og kan ikke endres. Lag en ny versjon fra den for å gjøre endringer.`,
    en: (n, w) =>
      `The version ${w.version(n.version)} is approved and cannot be changed. Start a new version from it to make changes.`,
  },
  version_submitted: {
    nb: (n, w) =>
      `Versjonen ${w.version(n.version)} er sendt inn. Sett den tilbake til utkast, eller lag en ny versjon, for å endre den.`,
    en: (n, w) => `The version ${w.version(n.version)} is submitted. Set it back to draft, or start a new version, to change it.`,
  },
  bad_transition: {
    nb: (n, w) => `Versjonen ${w.version(n.version)} har status ${w.status(n.status)} og kan ikke settes til ${w.status(n.to)}.`,
    en: (n, w) => `The version ${w.version(n.version)} is ${w.status(n.status)} and cannot be set to ${w.status(n.to)}.`,
  },
  unknown_version: {
    nb: (n, w) =>
      `Arbeidsboken har ingen versjon ${n.id}. Versjoner: ${n.known.length > 0 ? w.list(n.known.map(w.typed)) : 'ingen (lag en med version new)'}.`,
    en: (n, w) =>
      `The workbook has no version ${n.id}. Versions: ${n.known.length > 0 ? w.list(n.known.map(w.typed)) : 'none (make one with version new)'}.`,
  },
  version_not_stored: {
    nb: (n) => `Rammene til versjonen ${n.id} er ikke lagret i arbeidsboken (den ble skrevet før Versjonsrammer fantes).`,
    en: (n) => `The frames of the version ${n.id} are not stored in the workbook (it was written before Versjonsrammer existed).`,
  },
  approved_frames_changed: {
    nb: (n, w) =>
      `Versjonen ${w.version(n.version)} er godkjent, men rammene i Versjonsrammer er endret, lagt til eller fjernet siden. Angre endringen; lag en ny versjon fra den for å endre rammer.`,
    en: (n, w) =>
      `The version ${w.version(n.version)} is approved, but its frames in Versjonsrammer were changed, added or removed since. Undo the change; make a new version from it to change frames.`,
  },
  approved_frame_edited: {
    nb: (n, w) =>
      `${n.frame ? `Rammen for ${w.frame(n.frame)}` : 'En eller flere rammer'} tilhører den godkjente versjonen ${w.version(n.version)} og er endret for hånd i Rammer. Angre endringen; lag en ny versjon fra den for å endre rammer.`,
    en: (n, w) =>
      `${n.frame ? `The frame of ${w.frame(n.frame)}` : 'One or more frames'} of the approved version ${w.version(n.version)} ${n.frame ? 'was' : 'were'} edited by hand in Rammer. Undo the change; make a new version from it to change frames.`,
  },
  workbook_changed_since_read: {
    nb: () =>
      'Arbeidsboken ble endret av noen andre siden den ble lest; ingenting ble skrevet. Se over endringene og prøv igjen.',
    en: () =>
      'The workbook was changed by someone else since it was read; nothing was written. Look over the changes and try again.',
  },
  version_exists: {
    nb: (n) => `Versjonen ${n.id} finnes allerede.`,
    en: (n) => `The version ${n.id} already exists.`,
  },
  unknown_frame: {
    nb: (n, w) => `Versjonen har ingen ramme for ${w.frame(n.frame)}.`,
    en: (n, w) => `The version has no frame of ${w.frame(n.frame)}.`,
  },
  no_frame_starting: {
    nb: (n, w) =>
      `Planen har ingen ramme for ${w.instrument(n.instrument)} ${n.to === undefined ? `som begynner i ${n.from}` : `for ${yearsWords(n.from, n.to)}`}.`,
    en: (n, w) =>
      `The plan has no frame of ${w.instrument(n.instrument)} ${n.to === undefined ? `starting in ${n.from}` : `for ${yearsWords(n.from, n.to)}`}.`,
  },
  negative_frame: {
    nb: (n, w) => `En ramme kan ikke være negativ (${w.money(n.amount)}).`,
    en: (n, w) => `A frame cannot be negative (${w.money(n.amount)}).`,
  },
  no_condition: {
    nb: (n, w) => `Rammen for ${w.frame(n.frame)} har ingen betingelse å bekrefte.`,
    en: (n, w) => `The frame of ${w.frame(n.frame)} has no condition to confirm.`,
  },
  reallocation_in_closed_year: {
    nb: (n) => `${n.year} er avsluttet; gjenåpne året for å omdisponere.`,
    en: (n) => `${n.year} is closed; reopen the year to reallocate.`,
  },
  same_instrument: {
    nb: (n, w) => `Fra og til er samme virkemiddel (${w.instrument(n.instrument)}).`,
    en: (n, w) => `From and to are the same instrument (${w.instrument(n.instrument)}).`,
  },
  not_positive: {
    nb: (n, w) => `Beløpet må være større enn 0 (${w.money(n.amount)}).`,
    en: (n, w) => `The amount must be greater than 0 (${w.money(n.amount)}).`,
  },
  no_annual_frame: {
    nb: (n, w) => `${w.instrument(n.instrument)} har ingen årlig ramme for ${n.year} i versjonen.`,
    en: (n, w) => `${w.instrument(n.instrument)} has no annual frame for ${n.year} in the version.`,
  },
  frame_not_set: {
    nb: (n, w) => `Rammen for ${w.instrument(n.instrument)} ${n.year} er ikke fastsatt; sett et beløp før du omdisponerer.`,
    en: (n, w) => `The frame of ${w.instrument(n.instrument)} ${n.year} is not set; set an amount before reallocating.`,
  },
  below_spent: {
    nb: (n, w) =>
      `Rammen for ${w.instrument(n.instrument)} ${n.year} ville blitt ${w.money(n.frameAfter)}, under det som er utbetalt ` +
      `(${w.money(n.spent)}) og bundet i åpne tilsagn (${w.money(n.openCommitments)}). ` +
      `Gjenstår: ${w.money(n.remaining)}. Høyst ${w.money(n.remaining)} kan flyttes.`,
    en: (n, w) =>
      `The frame of ${w.instrument(n.instrument)} ${n.year} would become ${w.money(n.frameAfter)}, below what is spent ` +
      `(${w.money(n.spent)}) and bound in open commitments (${w.money(n.openCommitments)}). ` +
      `Remaining: ${w.money(n.remaining)}. At most ${w.money(n.remaining)} can be moved.`,
  },
  reallocated: {
    nb: (n, w) =>
      `${w.money(n.amount)} flyttes fra ${w.instrument(n.from)} til ${w.instrument(n.to)} i ${n.year}. ` +
      `Gjenstår etterpå: ${w.instrument(n.from)} ${w.money(n.remainingFrom)}, ${w.instrument(n.to)} ${w.money(n.remainingTo)}.`,
    en: (n, w) =>
      `${w.money(n.amount)} moves from ${w.instrument(n.from)} to ${w.instrument(n.to)} in ${n.year}. ` +
      `Remaining afterwards: ${w.instrument(n.from)} ${w.money(n.remainingFrom)}, ${w.instrument(n.to)} ${w.money(n.remainingTo)}.`,
  },
  condition_confirmed: {
    nb: (n, w) => `Betingelsen for ${w.frame(n.frame)} er bekreftet.`,
    en: (n, w) => `The condition of ${w.frame(n.frame)} is confirmed.`,
  },
  year_closed: {
    nb: (n) => `${n.year} er avsluttet med ${n.lines} forbrukslinjer; senere linjer og rammeendringer for året avvises.`,
    en: (n) => `${n.year} is closed with ${n.lines} ledger lines; later lines and frame changes for the year are refused.`,
  },
  year_reopened: {
    nb: (n) => `${n.year} er gjenåpnet.`,
    en: (n) => `${n.year} is reopened.`,
  },
  version_created: {
    nb: (n, w) => `Versjonen ${w.version(n.version)} er laget fra ${w.version(n.from)} og er nå versjonen i Rammer.`,
    en: (n, w) => `The version ${w.version(n.version)} was made from ${w.version(n.from)} and is now the version in Rammer.`,
  },
  version_status_set: {
    nb: (n, w) => `Versjonen ${w.version(n.version)} har nå status ${w.status(n.status)}.`,
    en: (n, w) => `The version ${w.version(n.version)} is now ${w.status(n.status)}.`,
  },
  carry_over_set: {
    nb: (n, w) => `Overføringsregelen for ${w.frame(n.frame)} er nå: ${carryOverRuleText(n.rule, 'nb')}.`,
    en: (n, w) => `The carry-over rule of ${w.frame(n.frame)} is now: ${carryOverRuleText(n.rule, 'en')}.`,
  },
  carried_into: {
    nb: (n, w) => `Overført inn ${n.year} (Avstemming): ${w.money(n.amount)}.`,
    en: (n, w) => `Carried into ${n.year} (Avstemming): ${w.money(n.amount)}.`,
  },
  versions_compared: {
    nb: (n, w) => `Versjon ${w.version(n.a)} mot ${w.version(n.b)}: ${n.changed} av ${n.frames} rammer er forskjellige.`,
    en: (n, w) => `Version ${w.version(n.a)} against ${w.version(n.b)}: ${n.changed} of ${n.frames} frames differ.`,
  },
  nothing_changed: {
    nb: () => 'Ingenting er endret i arbeidsboken.',
    en: () => 'Nothing was changed in the workbook.',
  },
  ledger_imported: {
    nb: (n) => `${n.file}: ${n.imported} linjer importert, ${n.duplicates} duplikater utelatt, ${n.skipped} feil hoppet over.`,
    en: (n) => `${n.file}: ${n.imported} lines imported, ${n.duplicates} duplicates left out, ${n.skipped} errors skipped.`,
  },
  ledger_reread: {
    nb: (n) => `Forbruk lest på nytt: ${n.lines} linjer.`,
    en: (n) => `Forbruk read again: ${n.lines} lines.`,
  },
  reconciled: {
    nb: (n) => `Avstemt per ${formatDate(n.asOf)}.`,
    en: (n) => `Reconciled as of ${n.asOf}.`,
  },
  evaluation_written: {
    nb: (n) => `Evalueringen for ${n.year} er skrevet: ${n.instruments} virkemidler.`,
    en: (n) => `The evaluation for ${n.year} is written: ${n.instruments} instruments.`,
  },
  pane_workbook_written: {
    nb: (n) => `Planleggingsarbeidsboken er skrevet: ${n.frames} rammer, ${n.lines} forbrukslinjer.`,
    en: (n) => `The planning workbook is written: ${n.frames} frames, ${n.lines} ledger lines.`,
  },
  appropriations_imported: {
    nb: (n) =>
      `${n.file}: ${n.decisions} bevilgningsvedtak lest, ${n.posts} poster og år i Bevilgning` +
      (n.outside > 0 ? `; ${n.outside} poster og år utenfor planens poster er utelatt.` : '.'),
    en: (n) =>
      `${n.file}: ${n.decisions} appropriation decisions read, ${n.posts} posts and years in Bevilgning` +
      (n.outside > 0 ? `; ${n.outside} posts and years outside the plan's posts were left out.` : '.'),
  },
};

/** A governance notice as a full sentence, naming instruments as `instruments` (a plan's) names them. */
export function noticeText(notice: GovernanceNotice, lang: Lang, instruments: InstrumentNames = INSTRUMENTS): string {
  const words: Words = {
    instrument: (id) => instrumentWords(id, lang, instruments),
    frame: (frame) => frameWords(frame, lang, instruments),
    money: (amount) => formatMoney(amount, { lang }),
    version: (v) => versionWords(v, lang),
    typed: (v) => (v.name === '' || v.name === v.id ? v.id : lang === 'nb' ? `${v.id} («${v.name}»)` : `${v.id} (“${v.name}”)`),
    status: (status) => versionStatusText(status, lang),
    list: (items) => items.join(', '),
  };
  // The catalogue is keyed by code, so the entry for this notice's code renders this notice's values.
  const render = CATALOGUE[notice.code][lang] as Render<GovernanceNotice>;
  return render(notice, words);
}

const FUNDING_WORDS: Record<Funding, Record<Lang, string>> = {
  state: { nb: 'staten', en: 'the state' },
  arbeidslivssentrene: { nb: 'arbeidslivssentrene', en: 'the working-life centres' },
  partene: { nb: 'partene', en: 'the parties' },
};

/** Who funds a frame, in words (the JSON keeps the code). */
export function fundingWords(funding: Funding, lang: Lang): string {
  return FUNDING_WORDS[funding][lang];
}

const SOURCE_WORDS: Record<FrameSource, Record<Lang, string>> = {
  appendix: { nb: 'vedlegget 2019', en: 'the 2019 appendix' },
  continued: { nb: 'videreført (antatt)', en: 'continued (assumed)' },
  agreement_2025: { nb: 'avtalen 2025–2028', en: 'the 2025–2028 agreement' },
  entered: { nb: 'lagt inn', en: 'entered' },
};

/** Where a frame's amount comes from, in words (the JSON keeps the code). */
export function sourceWords(source: FrameSource, lang: Lang): string {
  return SOURCE_WORDS[source][lang];
}
