/**
 * Writing a workbook file safely: to a temporary file in the same folder, then renamed into place,
 * so a failure never leaves a half-written workbook, and an existing file is kept unless overwriting
 * was asked for.
 */
import { linkSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TableData } from '../port/port.js';
import { writeXlsx } from './write-xlsx.js';

/** Thrown when the target exists and overwriting was not asked for. */
export class WorkbookExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to clean up.
  }
}

/** Writes tables to `path` through a temporary file and a rename; refuses an existing file unless `overwrite`. */
export async function writeWorkbookFile(
  path: string,
  tables: readonly TableData[],
  options: { overwrite: boolean },
): Promise<void> {
  await writeFileSafely(path, (temp) => writeXlsx(temp, tables), options);
}

/**
 * Writes any file safely: `write` fills a temporary file in the same folder, which is then renamed
 * into place (or hard-linked, so an existing file is never replaced unless `overwrite`, even in a
 * race); on any failure the temporary file is removed and the target is untouched.
 */
export async function writeFileSafely(
  path: string,
  write: (temp: string) => Promise<void> | void,
  options: { overwrite: boolean },
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temp);
    if (options.overwrite) {
      renameSync(temp, path);
      return;
    }
    // A hard link fails if the target exists, so no other writer's file is replaced in a race.
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WorkbookExistsError(path);
      throw error;
    }
    removeQuietly(temp);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}
