/**
 * The words about the change log's proof, bokmål first with English complete: the head a person
 * keeps (`N:HASH`), what a check of the chain showed, and what each mode proves. A part of the one
 * message catalogue in `engine/messages/` beside problems, governance and the UI's words.
 */
import type { Lang } from './problems.js';

const NB = {
  logHead:
    'Logghode: {anchor}. Ta vare på linjen: «ia-planner log --plan {file} --expect {anchor}» viser senere at loggen fram til den ikke er skrevet om eller kuttet.',
  logIntact: 'Loggen er hel: {entries} oppføringer, hode {anchor}.',
  logEmpty: 'Loggen er tom.',
  logSigned:
    'Oppføringene fra nr. {first} er signert med loggnøkkelen {key} og kontrollert med den: ingen uten nøkkelen kan ha skrevet eller endret dem.',
  logUnsigned:
    'Ingen oppføring er signert med en loggnøkkel: kjeden viser en endret eller fjernet oppføring midt i loggen, men den som kan redigere arbeidsboken, kan regne den om. Sammenlign hodet med et anker du har tatt vare på (--expect).',
  logAnchorHolds: 'Ankeret {anchor} holder: loggen fram til oppføring {entry} er den samme som da ankeret ble skrevet.',
  logBroken: 'Loggen er ikke hel; se over. Ingen endring kan føres før den er rettet.',
  logColumns: 'Nr.|Tidspunkt|Hvem|Handling|Detaljer',
  paneLogHead:
    'Logghode {anchor}. Noter det i referatet: «ia-planner log --expect {anchor}» viser senere at loggen fram hit ikke er skrevet om eller kuttet.',
  reportLogHead: 'Endringslogg: {entries} oppføringer, hode {anchor}',
  reportLogNone: 'Endringslogg: ingen (evalueringen er laget uten planleggingsarbeidsbok)',
  reportLogBroken: 'Endringslogg: brutt – se ia-planner log',
} as const;

type LogWord = keyof typeof NB;

const EN: Record<LogWord, string> = {
  logHead:
    'Log head: {anchor}. Keep this line: “ia-planner log --plan {file} --expect {anchor}” later shows that the log up to it was not rewritten or cut short.',
  logIntact: 'The log is whole: {entries} entries, head {anchor}.',
  logEmpty: 'The log is empty.',
  logSigned:
    'The entries from no. {first} are signed with the log key {key} and checked with it: nobody without the key can have written or changed them.',
  logUnsigned:
    'No entry is signed with a log key: the chain shows an entry changed or removed inside the log, but whoever can edit the workbook can recompute it. Compare the head with an anchor you kept (--expect).',
  logAnchorHolds: 'The anchor {anchor} holds: the log up to entry {entry} is the same as when the anchor was written.',
  logBroken: 'The log is not whole; see above. No change can be recorded until it is put right.',
  logColumns: 'No.|Time|Who|Action|Details',
  paneLogHead:
    'Log head {anchor}. Note it in the minutes: “ia-planner log --expect {anchor}” later shows that the log up to here was not rewritten or cut short.',
  reportLogHead: 'Change log: {entries} entries, head {anchor}',
  reportLogNone: 'Change log: none (the evaluation was made without a planning workbook)',
  reportLogBroken: 'Change log: broken – see ia-planner log',
};

/** A log text in the language asked for, with `{name}` filled in. */
export function logWords(lang: Lang, key: LogWord, params: Record<string, string | number> = {}): string {
  const template = lang === 'nb' ? NB[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
