/**
 * The command line's file errors as problems: a path that cannot be read (missing, a folder, no
 * access), a write the file system refuses (a full disk, a missing or read-only folder), a
 * workbook another writer changed or holds, or one that belongs to another user. Each is exit 1
 * with a message that names the path and says what went wrong (CONTRACTS §4), never exit 3.
 */
import { closeSync, openSync, statSync } from 'node:fs';
import {
  errorCode,
  fileProblem,
  workbookChangedProblem,
  workbookLockedProblem,
  workbookOwnerProblem,
  type LockHolder,
} from '../messages/file-errors.js';
import type { Lang, Problem } from '../messages/problems.js';
import { FileOwnerError, FileWriteError } from '../workbook/xlsx/save-file.js';

/** Thrown when a file cannot be read (`code`: ENOENT, EISDIR, EACCES, EIO …); `path` as the user named it. */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    options?: { cause: unknown },
  ) {
    super(`${path}: ${code}`, options);
  }
}

/** Thrown when the workbook on disk is no longer the file the command read: nothing was written. */
export class WorkbookChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} was changed by someone else`);
  }
}

/** Thrown when another command still holds the workbook's lock file `lock` after the wait. */
export class WorkbookLockedError extends Error {
  constructor(
    readonly path: string,
    readonly lock: string,
    readonly holder: LockHolder | null,
  ) {
    super(`${lock} is held`);
  }
}

/**
 * Why `path` cannot be read as a file, as an error code (`ENOENT`, `EISDIR`, `not_a_file`,
 * `EACCES` …), or null when it can be opened for reading. It opens the file, since only that
 * tells whether the rights allow it.
 */
export function readFailure(path: string): string | null {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'EISDIR';
    if (!stats.isFile()) return 'not_a_file';
    closeSync(openSync(path, 'r'));
    return null;
  } catch (error) {
    return errorCode(error) ?? 'EIO';
  }
}

/** System calls whose failure means a file could not be read (any other means it could not be written). */
const READING_CALLS = new Set(['open', 'read', 'stat', 'lstat', 'fstat', 'access', 'scandir', 'readlink', 'realpath']);

/**
 * The problem an error of the file system stands for, or null for any other error (a fault of the
 * program). A bare error of Node's `fs` with a path is one too: a read, unless its call writes.
 */
export function fileErrorProblem(error: unknown, lang: Lang): Problem | null {
  if (error instanceof FileReadError) return fileProblem(error.path, 'read', error.code, lang);
  if (error instanceof FileWriteError) return fileProblem(error.path, 'write', error.code, lang);
  if (error instanceof FileOwnerError) return workbookOwnerProblem(error.path, error.uid, lang);
  if (error instanceof WorkbookChangedError) return workbookChangedProblem(error.path, lang);
  if (error instanceof WorkbookLockedError) return workbookLockedProblem(error.path, error.lock, error.holder, lang);
  const code = errorCode(error);
  const { path, syscall } = error as { path?: unknown; syscall?: unknown };
  if (code === null || typeof path !== 'string') return null;
  return fileProblem(path, typeof syscall === 'string' && READING_CALLS.has(syscall) ? 'read' : 'write', code, lang);
}
