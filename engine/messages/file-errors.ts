/**
 * What went wrong with a file, in words: the operating system's error codes (`ENOENT`, `ENOSPC` …)
 * as sentences a person can act on, and the problems that name the path (CONTRACTS §4: a file
 * error because of input is exit 1 with a message, never an internal error).
 */
import { problem, type Lang, type Problem } from './problems.js';

type Texts = Record<Lang, string>;

/** Whether the file was being read, or written (a folder the new file goes into included). */
export type FileOperation = 'read' | 'write';

/** The reason for each error code a user can cause or fix; `not_a_file` is a path that is not a regular file. */
const REASONS: Record<string, Texts> = {
  ENOENT: { nb: 'filen finnes ikke', en: 'the file does not exist' },
  ENOTDIR: { nb: 'en del av stien er ikke en mappe', en: 'a part of the path is not a folder' },
  EISDIR: { nb: 'stien er en mappe, ikke en fil', en: 'the path is a folder, not a file' },
  not_a_file: { nb: 'stien er ikke en vanlig fil', en: 'the path is not a regular file' },
  EACCES: { nb: 'ingen tilgang (rettighetene tillater det ikke)', en: 'permission denied' },
  EPERM: { nb: 'operasjonen er ikke tillatt', en: 'the operation is not permitted' },
  ENOSPC: { nb: 'disken er full', en: 'the disk is full' },
  EDQUOT: { nb: 'diskkvoten er brukt opp', en: 'the disk quota is used up' },
  EFBIG: { nb: 'filen blir for stor for filsystemet', en: 'the file is too large for the file system' },
  EROFS: { nb: 'filsystemet er skrivebeskyttet', en: 'the file system is read-only' },
  EIO: { nb: 'en lese- eller skrivefeil på disken', en: 'an input/output error on the disk' },
  ELOOP: { nb: 'for mange symbolske lenker (en løkke)', en: 'too many symbolic links (a loop)' },
  ENAMETOOLONG: { nb: 'navnet er for langt', en: 'the name is too long' },
  EMFILE: { nb: 'for mange åpne filer', en: 'too many open files' },
  ENFILE: { nb: 'for mange åpne filer i systemet', en: 'too many open files in the system' },
  EBUSY: { nb: 'filen er i bruk', en: 'the file is busy' },
  ETXTBSY: { nb: 'filen er i bruk', en: 'the file is busy' },
  EXDEV: { nb: 'filen ligger på et annet filsystem enn mappen', en: 'the file is on another file system than its folder' },
};

/** A missing path means another thing when a file is written: the folder it goes into is missing. */
const WRITE_REASONS: Record<string, Texts> = {
  ENOENT: { nb: 'mappen finnes ikke', en: 'the folder does not exist' },
};

const WORDS = {
  reason: { nb: 'Årsak: {reason}.', en: 'Reason: {reason}.' },
  other: { nb: 'feilkode {code}', en: 'error code {code}' },
  nothingWritten: { nb: 'Ingenting ble skrevet.', en: 'Nothing was written.' },
  changedNext: {
    nb: 'Kjør kommandoen på nytt: den leser da arbeidsboken slik den er nå.',
    en: 'Run the command again: it then reads the workbook as it is now.',
  },
  lockedBy: {
    nb: 'Låsefilen {lock} holdes av prosess {pid} på {host} siden {at}.',
    en: 'The lock file {lock} is held by process {pid} on {host} since {at}.',
  },
  lockedUnknown: {
    nb: 'Låsefilen {lock} finnes, men sier ikke hvem som holder den.',
    en: 'The lock file {lock} exists but does not say who holds it.',
  },
  lockedNext: {
    nb: 'Vent til den andre kommandoen er ferdig, og prøv igjen. Kjører ingen slik kommando lenger, slett låsefilen.',
    en: 'Wait for the other command to finish and try again. If no such command runs any more, delete the lock file.',
  },
  ownerNext: {
    nb: 'IA Planner erstatter arbeidsboken med en ny fil og kan ikke gi den tilbake til eieren (bruker-id {uid}). Kjør kommandoen som eieren, eller kopier arbeidsboken og endre kopien.',
    en: 'IA Planner replaces the workbook with a new file and cannot give it back to its owner (user id {uid}). Run the command as the owner, or copy the workbook and change the copy.',
  },
} satisfies Record<string, Texts>;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? `{${key}}`);
}

/** The reason for an error code in words (`ENOSPC` → "disken er full"); an unknown code is named as it is. */
export function fileErrorReason(code: string, operation: FileOperation, lang: Lang): string {
  const texts = (operation === 'write' ? WRITE_REASONS[code] : undefined) ?? REASONS[code];
  return texts ? texts[lang] : fill(WORDS.other[lang], { code });
}

/**
 * The problem for a path that could not be read or written: `unreadable_file` or `unwritable_file`,
 * naming the path as given and the reason in words (a write also says that nothing was written).
 */
export function fileProblem(path: string, operation: FileOperation, code: string, lang: Lang): Problem {
  const reason = fill(WORDS.reason[lang], { reason: fileErrorReason(code, operation, lang) });
  const detail = operation === 'write' ? `${reason} ${WORDS.nothingWritten[lang]}` : reason;
  const place = { file: path, line: null, column: null, value: null };
  return problem(operation === 'read' ? 'unreadable_file' : 'unwritable_file', place, lang, {}, detail);
}

/** The error code of a failed file operation (`ENOENT` …), or null for an error that is not one. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** Who holds a lock, as its lock file says (null fields where it does not say). */
export interface LockHolder {
  readonly pid: number | null;
  readonly host: string | null;
  readonly at: string | null;
}

function workbookPlace(path: string) {
  return { file: path, line: null, column: null, value: null };
}

/** The refusal when the workbook on disk is no longer the one the command read (another writer replaced it). */
export function workbookChangedProblem(path: string, lang: Lang): Problem {
  return problem('workbook_changed', workbookPlace(path), lang, {}, WORDS.changedNext[lang]);
}

/** The refusal when another command still holds the workbook's lock after the wait, naming the lock file and its holder. */
export function workbookLockedProblem(path: string, lock: string, holder: LockHolder | null, lang: Lang): Problem {
  const who =
    holder && holder.pid !== null
      ? fill(WORDS.lockedBy[lang], { lock, pid: String(holder.pid), host: holder.host ?? '?', at: holder.at ?? '?' })
      : fill(WORDS.lockedUnknown[lang], { lock });
  return problem('workbook_locked', workbookPlace(path), lang, {}, `${who} ${WORDS.lockedNext[lang]}`);
}

/** The refusal when the workbook belongs to another user, whom a replacing file could not be given back to. */
export function workbookOwnerProblem(path: string, uid: number, lang: Lang): Problem {
  return problem('workbook_owner', workbookPlace(path), lang, {}, fill(WORDS.ownerNext[lang], { uid: String(uid) }));
}
