/**
 * Files to remove when the process is interrupted: a temporary workbook being written, a lock
 * being held. While any is registered, SIGINT, SIGTERM and SIGHUP remove them all and end the
 * process with 128 + the signal's number (130, 143, 129), as a shell reports a process the signal
 * ended; with none registered the signals keep Node's default (end at once, nothing to clean up).
 */
import { unlinkSync } from 'node:fs';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type CleanedSignal = keyof typeof SIGNALS;

const paths = new Set<string>();
const handlers = new Map<CleanedSignal, () => void>();

function removeAll(): void {
  for (const path of paths) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone (renamed into place, or never created): nothing to remove.
    }
  }
  paths.clear();
}

function install(): void {
  for (const signal of Object.keys(SIGNALS) as CleanedSignal[]) {
    const handler = () => {
      removeAll();
      process.exit(SIGNALS[signal]);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function uninstall(): void {
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  handlers.clear();
}

/**
 * Removes `path` if the process is interrupted before the returned function is called; call it
 * once the file is gone or no longer the process's to remove (renamed into place, released).
 */
export function removeOnSignal(path: string): () => void {
  if (paths.size === 0) install();
  paths.add(path);
  return () => {
    paths.delete(path);
    if (paths.size === 0) uninstall();
  };
}
