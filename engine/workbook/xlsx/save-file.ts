/**
 * Writing a workbook file safely: to a temporary file in the same folder, then renamed into place,
 * so a failure never leaves a half-written workbook, and an existing file is kept unless overwriting
 * was asked for. A path that is a symbolic link is written through to the file it points at (the
 * link stays a link), and a replaced file keeps its mode and owner. An interrupted write (SIGINT,
 * SIGTERM) leaves no temporary file behind.
 *
 * LIMITATION: a file replaced by a rename loses its other hard links, extended attributes and ACLs
 * (mode, owner and group are kept); writing in place would keep them, at the cost of a half-written
 * file after a crash.
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode } from '../../messages/file-errors.js';
import type { TableData } from '../port/port.js';
import { removeOnSignal } from './signal-cleanup.js';
import { writeXlsx } from './write-xlsx.js';

/** Thrown when the target exists and overwriting was not asked for. */
export class WorkbookExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

/** Thrown when the file system refuses a write (`code`: ENOSPC, EACCES, ENOENT for a missing folder …); `path` as the caller named it. */
export class FileWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    options?: { cause: unknown },
  ) {
    super(`${path}: ${code}`, options);
  }
}

/** Thrown when the file to replace belongs to user `uid`, and the new file could not be given to that user (only root can). */
export class FileOwnerError extends Error {
  constructor(
    readonly path: string,
    readonly uid: number,
  ) {
    super(`${path} belongs to uid ${uid}`);
  }
}

/** How a safe write goes: whether an existing file may be replaced, and a last check just before it is. */
export interface SafeWriteOptions {
  readonly overwrite: boolean;
  /** Called when the new file is complete, just before it replaces `target` (the resolved path); a throw refuses the write. */
  readonly beforeReplace?: (target: string) => void;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to clean up.
  }
}

/**
 * The file a path ends at once its symbolic links are followed (as the operating system counts
 * them, at most 40); the path itself when it is no link. The file need not exist (a dangling link
 * gives the file it would create).
 */
export function resolveTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return current;
      throw new FileWriteError(path, errorCode(error) ?? 'EIO', { cause: error });
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new FileWriteError(path, 'ELOOP');
}

/** The target's stats, or null when there is no file yet. */
function existing(target: string, path: string): Stats | null {
  try {
    return statSync(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new FileWriteError(path, errorCode(error) ?? 'EIO', { cause: error });
  }
}

/**
 * Gives the temporary file the replaced file's owner, group and mode. The owner first, since a
 * change of owner clears the set-id bits. When the owner cannot be given (only root can give a
 * file away), the write is refused unless the owner is the process's own user already: then only
 * the group is left as the folder gives it (the user is not a member of the original group).
 */
function keepModeAndOwner(temp: string, original: Stats, path: string): void {
  if (typeof process.getuid === 'function') {
    const mine = statSync(temp);
    if (mine.uid !== original.uid || mine.gid !== original.gid) {
      try {
        chownSync(temp, original.uid, original.gid);
      } catch {
        if (mine.uid !== original.uid) throw new FileOwnerError(path, original.uid);
      }
    }
  }
  chmodSync(temp, original.mode & 0o7777);
}

/** Forces a file's bytes to the disk, so a rename never puts an empty file in place after a power cut. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Forces a folder's entries (the rename) to the disk where the platform allows it. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the file itself is on the disk already.
  }
}

/** A file-system error of the write as a FileWriteError naming `path`; other errors as they are. */
function asWriteError(error: unknown, path: string): unknown {
  if (error instanceof FileWriteError || error instanceof FileOwnerError) return error;
  const code = errorCode(error);
  return code === null ? error : new FileWriteError(path, code, { cause: error });
}

/** Writes tables to `path` through a temporary file and a rename; refuses an existing file unless `overwrite`. */
export async function writeWorkbookFile(path: string, tables: readonly TableData[], options: SafeWriteOptions): Promise<void> {
  await writeFileSafely(path, (temp) => writeXlsx(temp, tables), options);
}

/**
 * Writes any file safely: `write` fills a temporary file in the target's folder, which is then
 * renamed into place (or hard-linked, so an existing file is never replaced unless `overwrite`,
 * even in a race); on any failure or interruption the temporary file is removed and the target is
 * untouched. A file-system failure is a FileWriteError naming `path`.
 */
export async function writeFileSafely(
  path: string,
  write: (temp: string) => Promise<void> | void,
  options: SafeWriteOptions,
): Promise<void> {
  const target = resolveTarget(path);
  const original = existing(target, path);
  if (original && !original.isFile()) throw new FileWriteError(path, original.isDirectory() ? 'EISDIR' : 'not_a_file');
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const release = removeOnSignal(temp);
  try {
    try {
      // Made private first: it holds the workbook before it has the original's mode.
      if (original) closeSync(openSync(temp, 'wx', 0o600));
      await write(temp);
      if (original) keepModeAndOwner(temp, original, path);
      syncFile(temp);
    } catch (error) {
      throw asWriteError(error, path);
    }
    options.beforeReplace?.(target);
    try {
      if (options.overwrite) {
        renameSync(temp, target);
      } else {
        // A hard link fails if the target exists, so no other writer's file is replaced in a race.
        try {
          linkSync(temp, target);
        } catch (error) {
          if (errorCode(error) === 'EEXIST') throw new WorkbookExistsError(path);
          throw error;
        }
        removeQuietly(temp);
      }
    } catch (error) {
      throw asWriteError(error, path);
    }
    syncFolder(folder);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  } finally {
    release();
  }
}
