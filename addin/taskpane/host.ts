/**
 * What the task pane needs from its host (Excel or the browser preview), in domain words. The app
 * root receives one `TaskpaneHost`; no component below it knows which host it runs in.
 */
import type { Lang } from '../../engine/index.js';
import type { TableData, TableRead, WorkbookPort } from '../../engine/workbook/port/port.js';

/**
 * The workbook port as the task pane uses it: a write may be told that the user agreed to replace
 * tables they edited (the Excel port refuses such a write otherwise; the memory port ignores it).
 */
export interface HostPort extends WorkbookPort {
  writeTables(tables: readonly TableData[], options?: { readonly replaceEdited?: boolean }): Promise<void>;
  /** Reads several tables in one go (one Excel.run in Excel); optional. */
  readTables?(names: readonly string[]): Promise<ReadonlyMap<string, TableRead | null>>;
}

/** The user's settings. */
export interface Settings {
  readonly lang: Lang;
  readonly userName: string;
}

/** Where settings are kept between sessions (localStorage in the preview, the add-in's storage in Excel). */
export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
}

/** A row of a table in the workbook, to point the user at (1-based among the data rows). */
export interface RowRef {
  readonly table: string;
  readonly row: number;
}

/** The host's services. */
export interface TaskpaneHost {
  readonly kind: 'excel' | 'preview';
  readonly port: HostPort;
  readonly settings: SettingsStore;
  /** Shows a row to the user: selects its cells in Excel, highlights it in the preview. */
  showRow(ref: RowRef): Promise<void>;
  /** Today's date in Oslo as an ISO string (`osloDate`); a parameter so tests and the engine never read the clock. */
  today(): string;
  /** The moment for the change log, as stored: Oslo time with its offset (`osloStamp`, `2025-01-01T00:30:00+01:00`). */
  now(): string;
}

/** Settings kept in `localStorage` under one key; falls back to bokmål when nothing is stored. */
export function localSettingsStore(storage: Storage | null, key = 'ia-planner.settings'): SettingsStore {
  return {
    load(): Settings {
      const fallback: Settings = { lang: 'nb', userName: '' };
      try {
        const raw = storage?.getItem(key);
        if (!raw) return fallback;
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null) return fallback;
        const record = parsed as Record<string, unknown>;
        return {
          lang: record['lang'] === 'en' ? 'en' : 'nb',
          userName: typeof record['userName'] === 'string' ? record['userName'] : '',
        };
      } catch {
        // Storage may be disabled (private mode, a locked-down Office); the defaults will do.
        return fallback;
      }
    },
    save(settings: Settings): void {
      storage?.setItem(key, JSON.stringify(settings));
    },
  };
}
