/**
 * The change log (Logg): an append-only list of changes to frames, versions, reallocations,
 * confirmations and closed years. Each entry carries the SHA-256 hash of the entry before it, so
 * an edited, removed or reordered entry breaks the chain and `verifyChain` names the first entry
 * that no longer fits. The time is always a parameter; the engine never reads the clock.
 */
import type { Lang } from '../messages/problems.js';
import { hmacSha256 } from './hmac.js';
import { sha256, utf8Bytes } from './sha256.js';

/** What kind of change an entry records. */
export type LogAction =
  | 'version_created'
  | 'version_status'
  | 'frame_changed'
  | 'reallocation'
  | 'condition_confirmed'
  | 'carry_over_rule'
  | 'year_closed'
  | 'year_reopened'
  | 'workbook_written'
  /** The shares of a split in Konteringsregler typed in a host (`target` the post, before → after the shares). */
  | 'rules_changed'
  /** A host's action on the ledger and the workbook: `target` names the file or date, `after` says what it gave. */
  | 'ledger_imported'
  | 'ledger_reread'
  | 'reconciled'
  | 'evaluation_written'
  /** DFØ's appropriation history read into `Bevilgning` (CONTRACTS §9): `target` the file. */
  | 'appropriations_imported'
  /** A free-text entry (a host's own row: `target` is its action words, `after` its details). */
  | 'note';

/** A change as the code that made it describes it, before it is put in the log. */
export interface ChangeRecord {
  /**
   * When, as `osloStamp` writes it (`2025-05-12T12:15:00+02:00`). An older entry keeps the text it
   * was written with (`2025-05-12T10:15:00Z`, `2025-05-12 12:15`): the hash covers it as stored,
   * so it is never rewritten; `readStamp` and `formatStamp` read every form.
   */
  readonly at: string;
  /** Who made the change (name or user id). */
  readonly who: string;
  readonly action: LogAction;
  /** What was changed, e.g. a frame key `ekspertbistand:2025-2025` or a version id. */
  readonly target: string;
  readonly before: string;
  readonly after: string;
  /** The reason given. */
  readonly why: string;
}

/** One entry of the log: a change with its place in the chain. */
export interface LogEntry extends ChangeRecord {
  /** 1 for the first entry, then consecutive. */
  readonly seq: number;
  /** The hash of the entry before (64 zeros for the first). */
  readonly prevHash: string;
  /** The hash of this entry's fields and `prevHash`. */
  readonly hash: string;
}

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A key that turns the chain into an HMAC-SHA256 chain: an entry signed with it cannot be written
 * or recomputed by anyone without it. The key itself is never stored; `id` names it in the log.
 */
export interface LogKey {
  /** 8 hex digits derived from the key (not the key): which key signed an entry. */
  readonly id: string;
  readonly secret: Uint8Array;
}

/** The shortest key accepted, in bytes: shorter secrets are guessable. */
export const MIN_LOG_KEY_BYTES = 16;

/** A log key from its secret bytes (at least `MIN_LOG_KEY_BYTES`; the caller checks). */
export function logKeyOf(secret: Uint8Array | string): LogKey {
  const bytes = typeof secret === 'string' ? utf8Bytes(secret) : secret;
  return { id: hmacSha256(bytes, 'IA Planner log key id').slice(0, 8), secret: bytes };
}

/**
 * The parts of a stored `Hash`: 64 hex digits for a plain SHA-256 entry, or `hmac:<key id>:<64 hex>`
 * for an entry signed with a key; null for anything else.
 */
export function hashParts(text: string): { readonly key: string | null; readonly hex: string } | null {
  if (/^[0-9a-f]{64}$/.test(text)) return { key: null, hex: text };
  const keyed = /^hmac:([0-9a-f]{8}):([0-9a-f]{64})$/.exec(text);
  return keyed ? { key: keyed[1]!, hex: keyed[2]! } : null;
}

/**
 * The hash an entry must carry: SHA-256 of its fields in a fixed order, as JSON; with a key, the
 * HMAC-SHA256 of the same text under it, written `hmac:<key id>:<hex>`.
 */
export function entryHash(entry: Omit<LogEntry, 'hash'>, key: LogKey | null = null): string {
  const text = JSON.stringify([
    entry.seq,
    entry.at,
    entry.who,
    entry.action,
    entry.target,
    entry.before,
    entry.after,
    entry.why,
    entry.prevHash,
  ]);
  return key ? `hmac:${key.id}:${hmacSha256(key.secret, text)}` : sha256(text);
}

/** The head of a log: its last entry's number and hash (the hex digits), the anchor `N:HASH` a person keeps. */
export interface LogHead {
  readonly entry: number;
  readonly hash: string;
  /** The id of the key the last entry is signed with, or null for a plain SHA-256 entry. */
  readonly key: string | null;
}

/** The head of a log, or null for an empty log. */
export function logHead(log: readonly LogEntry[]): LogHead | null {
  const last = log[log.length - 1];
  if (!last) return null;
  const parts = hashParts(last.hash);
  return { entry: last.seq, hash: parts?.hex ?? last.hash, key: parts?.key ?? null };
}

/** A head as the anchor text `N:HASH`. */
export function anchorText(head: LogHead): string {
  return `${head.entry}:${head.hash}`;
}

/** An anchor `N:HASH` read from text (HASH: 64 hex digits, any case), or null. */
export function parseAnchor(text: string): { readonly entry: number; readonly hash: string } | null {
  const match = /^\s*(\d{1,9}):([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!match || Number(match[1]) < 1) return null;
  return { entry: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/** A new log with the change appended (the given log is not modified); signed when a key is given. */
export function appendEntry(log: readonly LogEntry[], change: ChangeRecord, key: LogKey | null = null): LogEntry[] {
  const last = log[log.length - 1];
  const body = {
    seq: last ? last.seq + 1 : 1,
    at: change.at,
    who: change.who,
    action: change.action,
    target: change.target,
    before: change.before,
    after: change.after,
    why: change.why,
    prevHash: last ? last.hash : GENESIS_HASH,
  };
  return [...log, { ...body, hash: entryHash(body, key) }];
}

/** Appends several changes in order. */
export function appendEntries(log: readonly LogEntry[], changes: readonly ChangeRecord[], key: LogKey | null = null): LogEntry[] {
  const out = [...log];
  for (const change of changes) {
    const last = out[out.length - 1];
    const { at, who, action, target, before, after, why } = change;
    const body = {
      seq: last ? last.seq + 1 : 1,
      at,
      who,
      action,
      target,
      before,
      after,
      why,
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    out.push({ ...body, hash: entryHash(body, key) });
  }
  return out;
}

/** Why the chain breaks at an entry. */
export type ChainFault =
  | 'hash_mismatch'
  | 'prev_mismatch'
  | 'seq_gap'
  /** Signed with a key that was not given: it cannot be checked, and nothing may be appended. */
  | 'key_needed'
  /** Signed with another key than the one given. */
  | 'other_key'
  /** A plain entry after signed ones: written by someone without the key. */
  | 'unsigned_after_signed';

/** The result of checking a log: intact (with its head), or the first entry that breaks the chain. */
export type ChainCheck =
  | { readonly ok: true; readonly entries: number; readonly head: LogHead | null; readonly signed: boolean }
  | { readonly ok: false; readonly index: number; readonly seq: number; readonly fault: ChainFault; readonly message: string };

const FAULT_WORDS: Record<ChainFault, Record<Lang, string>> = {
  hash_mismatch: {
    nb: 'innholdet er endret etter at oppføringen ble skrevet',
    en: 'its content was changed after the entry was written',
  },
  prev_mismatch: {
    nb: 'den peker ikke på oppføringen før (en oppføring er fjernet, satt inn eller flyttet)',
    en: 'it does not point to the entry before it (an entry was removed, inserted or moved)',
  },
  seq_gap: {
    nb: 'løpenummeret følger ikke det forrige',
    en: 'its sequence number does not follow the previous one',
  },
  key_needed: {
    nb: 'den er signert med en loggnøkkel som ikke er gitt, så den kan ikke kontrolleres og loggen kan ikke føres videre her; kontroller og endre arbeidsboken med ia-planner og nøkkelen (IA_PLANNER_LOG_KEY eller IA_PLANNER_LOG_KEY_FILE)',
    en: 'it is signed with a log key that was not given, so it cannot be checked and the log cannot be continued here; check and change the workbook with ia-planner and the key (IA_PLANNER_LOG_KEY or IA_PLANNER_LOG_KEY_FILE)',
  },
  other_key: {
    nb: 'den er signert med en annen loggnøkkel enn den som er gitt',
    en: 'it is signed with another log key than the one given',
  },
  unsigned_after_signed: {
    nb: 'den er ikke signert, men kommer etter signerte oppføringer: den er skrevet av noen uten loggnøkkelen',
    en: 'it is not signed but follows signed entries: it was written by someone without the log key',
  },
};

/** Why one entry does not fit where it stands, or null when it does. */
function entryFault(
  entry: LogEntry,
  expectedSeq: number,
  prev: string,
  key: LogKey | null,
  signedBefore: boolean,
): ChainFault | null {
  if (entry.seq !== expectedSeq) return 'seq_gap';
  if (entry.prevHash !== prev) return 'prev_mismatch';
  const parts = hashParts(entry.hash);
  if (!parts) return 'hash_mismatch';
  if (parts.key === null) {
    if (key && signedBefore) return 'unsigned_after_signed';
    return entryHash(entry) === entry.hash ? null : 'hash_mismatch';
  }
  if (!key) return 'key_needed';
  if (parts.key !== key.id) return 'other_key';
  return entryHash(entry, key) === entry.hash ? null : 'hash_mismatch';
}

/**
 * Checks every link of the chain and reports the first broken entry. With a key, entries signed
 * with it are checked by their HMAC, plain entries before the first signed one by SHA-256 (the
 * first signed entry's HMAC covers the hash of the one before it, so that part cannot be changed
 * either), and a plain entry after a signed one is a break.
 */
export function verifyChain(log: readonly LogEntry[], lang: Lang = 'nb', key: LogKey | null = null): ChainCheck {
  let prev = GENESIS_HASH;
  let signed = false;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]!;
    const fault = entryFault(entry, i + 1, prev, key, signed);
    if (fault) {
      const message =
        lang === 'nb'
          ? `Loggen er brutt ved oppføring ${i + 1} (løpenummer ${entry.seq}): ${FAULT_WORDS[fault].nb}.`
          : `The log is broken at entry ${i + 1} (sequence number ${entry.seq}): ${FAULT_WORDS[fault].en}.`;
      return { ok: false, index: i, seq: entry.seq, fault, message };
    }
    if (hashParts(entry.hash)?.key) signed = true;
    prev = entry.hash;
  }
  return { ok: true, entries: log.length, head: logHead(log), signed };
}

/** Why an anchor `N:HASH` no longer holds for a log: the log is cut short before entry N, or entry N is another. */
export type AnchorFault = 'cut_short' | 'anchor_mismatch';

/** Checks that entry `anchor.entry` of the log still has the hash the anchor says; null when it does. */
export function checkAnchor(
  log: readonly LogEntry[],
  anchor: { readonly entry: number; readonly hash: string },
  lang: Lang = 'nb',
): { readonly fault: AnchorFault; readonly message: string } | null {
  const entry = log[anchor.entry - 1];
  const short = anchor.hash.slice(0, 12);
  if (!entry || entry.seq !== anchor.entry) {
    const message =
      lang === 'nb'
        ? `Loggen har ${log.length} oppføringer, men oppføring ${anchor.entry} (hash ${short}…) er kjent fra før: loggen er kuttet.`
        : `The log has ${log.length} entries, but entry ${anchor.entry} (hash ${short}…) was known before: the log was cut short.`;
    return { fault: 'cut_short', message };
  }
  if ((hashParts(entry.hash)?.hex ?? entry.hash) === anchor.hash) return null;
  const message =
    lang === 'nb'
      ? `Oppføring ${anchor.entry} har ikke lenger hashen ${short}… som var kjent fra før: loggen før den er skrevet om.`
      : `Entry ${anchor.entry} no longer has the hash ${short}… that was known before: the log before it was rewritten.`;
  return { fault: 'anchor_mismatch', message };
}

const ACTION_WORDS: Record<LogAction, Record<Lang, string>> = {
  version_created: { nb: 'Ny versjon', en: 'New version' },
  version_status: { nb: 'Versjonsstatus endret', en: 'Version status changed' },
  frame_changed: { nb: 'Ramme endret', en: 'Frame changed' },
  reallocation: { nb: 'Omdisponering', en: 'Reallocation' },
  condition_confirmed: { nb: 'Betingelse bekreftet', en: 'Condition confirmed' },
  carry_over_rule: { nb: 'Overføringsregel satt', en: 'Carry-over rule set' },
  year_closed: { nb: 'År avsluttet', en: 'Year closed' },
  year_reopened: { nb: 'År gjenåpnet', en: 'Year reopened' },
  workbook_written: { nb: 'Arbeidsbok skrevet', en: 'Workbook written' },
  rules_changed: { nb: 'Konteringsregel endret', en: 'Mapping rule changed' },
  ledger_imported: { nb: 'Forbruk importert', en: 'Ledger imported' },
  ledger_reread: { nb: 'Forbruk lest på nytt', en: 'Ledger read again' },
  reconciled: { nb: 'Avstemt', en: 'Reconciled' },
  evaluation_written: { nb: 'Evaluering skrevet', en: 'Evaluation written' },
  appropriations_imported: { nb: 'Bevilgninger importert', en: 'Appropriations imported' },
  note: { nb: 'Merknad', en: 'Note' },
};

/** An action in words, for the `Handling` column and the task pane. */
export function actionWords(action: LogAction, lang: Lang = 'nb'): string {
  return ACTION_WORDS[action][lang];
}

/** The `Handling` text of an entry: the action in words, or a note's own words. */
export function entryHandling(entry: ChangeRecord, lang: Lang = 'nb'): string {
  return entry.action === 'note' && entry.target !== '' ? entry.target : actionWords(entry.action, lang);
}

/** The actions a host records as it works (not changes of the plan): what they gave is their whole text. */
const HOST_ACTIONS: ReadonlySet<LogAction> = new Set([
  'ledger_imported',
  'ledger_reread',
  'reconciled',
  'evaluation_written',
  'appropriations_imported',
]);

/** The `Detaljer` text of an entry: target, before → after, and the reason (a note or a host's action: its own text). */
export function entryDetails(entry: ChangeRecord, lang: Lang = 'nb'): string {
  if (entry.action === 'note' || HOST_ACTIONS.has(entry.action)) return entry.after;
  const because = entry.why === '' ? '' : lang === 'nb' ? ` Begrunnelse: ${entry.why}` : ` Reason: ${entry.why}`;
  return `${entry.target}: ${entry.before || '–'} → ${entry.after || '–'}.${because}`;
}

/** Whether a text is a known log action. */
export function isLogAction(text: string): text is LogAction {
  return Object.prototype.hasOwnProperty.call(ACTION_WORDS, text);
}
