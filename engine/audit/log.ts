/**
 * The change log (Logg): an append-only list of changes to frames, versions, reallocations,
 * confirmations and closed years. Each entry carries the SHA-256 hash of the entry before it, so
 * an edited, removed or reordered entry breaks the chain and `verifyChain` names the first entry
 * that no longer fits. The time is always a parameter; the engine never reads the clock.
 */
import type { Lang } from '../messages/problems.js';
import { sha256 } from './sha256.js';

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
  /** A host's action on the ledger and the workbook: `target` names the file or date, `after` says what it gave. */
  | 'ledger_imported'
  | 'ledger_reread'
  | 'reconciled'
  | 'evaluation_written'
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

/** The hash an entry must carry: SHA-256 of its fields in a fixed order, as JSON. */
export function entryHash(entry: Omit<LogEntry, 'hash'>): string {
  return sha256(
    JSON.stringify([
      entry.seq,
      entry.at,
      entry.who,
      entry.action,
      entry.target,
      entry.before,
      entry.after,
      entry.why,
      entry.prevHash,
    ]),
  );
}

/** A new log with the change appended (the given log is not modified). */
export function appendEntry(log: readonly LogEntry[], change: ChangeRecord): LogEntry[] {
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
  return [...log, { ...body, hash: entryHash(body) }];
}

/** Appends several changes in order. */
export function appendEntries(log: readonly LogEntry[], changes: readonly ChangeRecord[]): LogEntry[] {
  return changes.reduce<LogEntry[]>((acc, change) => appendEntry(acc, change), [...log]);
}

/** Why the chain breaks at an entry. */
export type ChainFault = 'hash_mismatch' | 'prev_mismatch' | 'seq_gap';

/** The result of checking a log: intact, or the first entry that breaks the chain. */
export type ChainCheck =
  | { readonly ok: true; readonly entries: number }
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
};

/** Checks every link of the chain and reports the first broken entry. */
export function verifyChain(log: readonly LogEntry[], lang: Lang = 'nb'): ChainCheck {
  let prev = GENESIS_HASH;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]!;
    let fault: ChainFault | null = null;
    if (entry.seq !== i + 1) fault = 'seq_gap';
    else if (entry.prevHash !== prev) fault = 'prev_mismatch';
    else if (entryHash(entry) !== entry.hash) fault = 'hash_mismatch';
    if (fault) {
      const message =
        lang === 'nb'
          ? `Loggen er brutt ved oppføring ${i + 1} (løpenummer ${entry.seq}): ${FAULT_WORDS[fault].nb}.`
          : `The log is broken at entry ${i + 1} (sequence number ${entry.seq}): ${FAULT_WORDS[fault].en}.`;
      return { ok: false, index: i, seq: entry.seq, fault, message };
    }
    prev = entry.hash;
  }
  return { ok: true, entries: log.length };
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
  ledger_imported: { nb: 'Forbruk importert', en: 'Ledger imported' },
  ledger_reread: { nb: 'Forbruk lest på nytt', en: 'Ledger read again' },
  reconciled: { nb: 'Avstemt', en: 'Reconciled' },
  evaluation_written: { nb: 'Evaluering skrevet', en: 'Evaluation written' },
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
const HOST_ACTIONS: ReadonlySet<LogAction> = new Set(['ledger_imported', 'ledger_reread', 'reconciled', 'evaluation_written']);

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
