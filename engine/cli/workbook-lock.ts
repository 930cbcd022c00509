/**
 * One writer at a time: a command that changes a workbook holds `<workbook>.lock` beside it from
 * reading to replacing it, and replaces it only if it is still the file it read (the same size,
 * modification time and SHA-256 of its bytes). A second command waits a few seconds for the lock,
 * then refuses; nothing is ever written over a change it did not see.
 *
 * The lock file holds `{pid, host, at, nonce}` and appears whole (written aside, then hard-linked
 * into place, which fails if a lock exists). A lock whose process no longer runs on this host is
 * stale and taken over: renamed aside, checked to be the very lock judged stale (its nonce), then
 * removed. A lock from another host is never judged stale (its process cannot be seen from here).
 *
 * LIMITATION: only IA Planner takes the lock; another program (Excel saving the file) does not.
 * Such a write between reading and replacing is still refused by the file check, but one in the
 * instant between the check and the rename is not seen. A lock of a process that died is taken
 * over only when its pid is not reused by then; otherwise the message says to delete the file.
 */
import { randomUUID, createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { errorCode, type LockHolder } from '../messages/file-errors.js';
import type { TableData } from '../workbook/port/port.js';
import { FileWriteError, resolveTarget, writeWorkbookFile } from '../workbook/xlsx/save-file.js';
import { removeOnSignal } from '../workbook/xlsx/signal-cleanup.js';
import { FileReadError, readFailure, WorkbookChangedError, WorkbookLockedError } from './file-access.js';

/** What a file was when it was read: its size, modification time and the SHA-256 of its bytes. */
export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

/** How long a command waits for another's lock, and how often it looks. */
export interface LockWait {
  readonly waitMs?: number;
  readonly pollMs?: number;
}

const WAIT_MS = 5000;
const POLL_MS = 100;

/** The identity of the file at `path`, or null when there is none. */
export function fileIdentity(path: string): FileIdentity | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new FileReadError(path, errorCode(error) ?? 'EIO', { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    const hash = createHash('sha256');
    const buffer = new Uint8Array(1 << 20);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
    return { size: stats.size, mtimeMs: stats.mtimeMs, sha256: hash.digest('hex') };
  } catch (error) {
    throw new FileReadError(path, errorCode(error) ?? 'EIO', { cause: error });
  } finally {
    closeSync(fd);
  }
}

/** Whether two identities are the same file state (both absent, or equal in size, time and bytes). */
export function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/** Refuses (WorkbookChangedError) when the file at `target` is no longer `read`; `path` as the user named it. */
export function checkUnchanged(path: string, target: string, read: FileIdentity | null): void {
  if (!sameIdentity(read, fileIdentity(target))) throw new WorkbookChangedError(path);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function readQuietly(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Who holds a lock, from its text; null when the text is not a lock IA Planner wrote. */
function holderOf(text: string): LockHolder | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host, at } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return { pid, host: typeof host === 'string' ? host : null, at: typeof at === 'string' ? at : null };
  } catch {
    return null;
  }
}

/** Whether a process runs: signal 0 tests without sending; EPERM means it runs as another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Whether a lock's holder is gone: a process of this host, not this one, that no longer runs. */
function isStale(holder: LockHolder | null): boolean {
  if (holder === null || holder.pid === null) return false;
  return holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
}

/**
 * Creates the lock file with `text`, whole, unless one exists (false). Written aside and
 * hard-linked into place; where the file system has no hard links, created exclusively and written.
 */
function tryCreate(lock: string, text: string, path: string): boolean {
  const aside = `${lock}.${process.pid}.${randomUUID()}.tmp`;
  const release = removeOnSignal(aside);
  try {
    writeFileSync(aside, text, { flag: 'wx' });
    try {
      linkSync(aside, lock);
      return true;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
    }
    const fd = openSync(lock, 'wx');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new FileWriteError(path, errorCode(error) ?? 'EIO', { cause: error });
  } finally {
    removeQuietly(aside);
    release();
  }
}

/**
 * Removes a stale lock, only if the lock in place is still the one judged stale (`text`); true
 * when it is gone, so the lock may be tried again at once.
 */
function takeOver(lock: string, text: string): boolean {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch (error) {
    return errorCode(error) === 'ENOENT'; // Gone already: another command took it over.
  }
  if (readQuietly(aside) === text) {
    removeQuietly(aside);
    return true;
  }
  // Another command's fresh lock was moved: put it back (unless yet another lock appeared).
  try {
    linkSync(aside, lock);
  } catch {
    // A new lock is in place; the file check still refuses a write over a change not seen.
  }
  removeQuietly(aside);
  return false;
}

/** A held lock: `release` removes it (only while it is still this command's). */
export interface HeldLock {
  readonly lock: string;
  release(): void;
}

/**
 * Takes the lock beside `target` (the workbook's resolved path), waiting up to `waitMs` for a live
 * holder and taking over a stale one; WorkbookLockedError naming the lock file when the wait ends.
 */
export async function acquireLock(path: string, target: string, wait: LockWait = {}): Promise<HeldLock> {
  const lock = `${target}.lock`;
  const text = `${JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), nonce: randomUUID() })}\n`;
  const deadline = Date.now() + (wait.waitMs ?? WAIT_MS);
  for (;;) {
    if (tryCreate(lock, text, path)) {
      const release = removeOnSignal(lock);
      return {
        lock,
        release: () => {
          if (readQuietly(lock) === text) removeQuietly(lock);
          release();
        },
      };
    }
    // Unreadable (released between the two looks, or not ours to read): a holder not known.
    const held = readQuietly(lock);
    const holder = held === null ? null : holderOf(held);
    if (held !== null && isStale(holder) && takeOver(lock, held)) continue;
    if (Date.now() >= deadline) throw new WorkbookLockedError(path, lock, holder);
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs ?? POLL_MS));
  }
}

/** A workbook held for one read–change–write. */
export interface HeldWorkbook {
  /** The file the workbook path ends at (through symbolic links). */
  readonly target: string;
  /** Writes `tables` as the workbook; refuses (WorkbookChangedError, nothing written) when it is no longer the file that was there at locking. */
  write(tables: readonly TableData[], options?: { readonly overwrite: boolean }): Promise<void>;
}

/**
 * Runs `run` holding the workbook's lock, with a write that replaces the workbook only if it is
 * still the file it was when the lock was taken. `mustExist`: a missing or unreadable workbook is
 * refused (FileReadError) before any lock is made.
 */
export async function withWorkbookLock<T>(
  path: string,
  run: (held: HeldWorkbook) => Promise<T>,
  options: { readonly mustExist: boolean } & LockWait,
): Promise<T> {
  if (options.mustExist) {
    const failure = readFailure(path);
    if (failure !== null) throw new FileReadError(path, failure);
  }
  const target = resolveTarget(path);
  const lock = await acquireLock(path, target, options);
  try {
    const read = fileIdentity(target);
    return await run({
      target,
      write: (tables, write = { overwrite: true }) =>
        writeWorkbookFile(path, tables, {
          overwrite: write.overwrite,
          beforeReplace: (resolved) => checkUnchanged(path, resolved, read),
        }),
    });
  } finally {
    lock.release();
  }
}
