/**
 * The tables of the `Styring` sheet, as data: plan versions (`Versjoner`), every version's frames
 * (`Versjonsrammer`) and closed years (`Arsavslutning`). Part of the table catalogue: one spec per
 * table, read and written by the same spec.
 */
import { INSTRUMENTS } from '../../plan/instruments.js';
import { statusWords, type VersionKind } from '../../plan/versions.js';
import type { TableSpec } from '../port/port.js';
import { col } from './spec-column.js';

/** Version kinds as `Versjoner` writes them. */
export const VERSION_KIND_WORDS: Readonly<Record<VersionKind, string>> = {
  appendix: 'vedlegg',
  prolongation: 'forlengelse',
  budget_round: 'budsjettrunde',
  other: 'annet',
};

/** Version statuses as `Versjoner` writes them. */
export const VERSION_STATUS_WORDS: readonly string[] = (['draft', 'submitted', 'approved'] as const).map(statusWords);

/** The `Versjoner` table on the `Styring` sheet. */
export const VERSJONER: TableSpec = {
  sheet: 'Styring',
  table: 'Versjoner',
  origin: { row: 1, column: 1 },
  columns: [
    col('Versjon', 'text', 16),
    col('Navn', 'text', 36),
    col('Type', 'text', 15, { validationList: Object.values(VERSION_KIND_WORDS) }),
    col('Basert på', 'text', 16),
    col('Status', 'text', 12, { validationList: VERSION_STATUS_WORDS }),
    col('Rammekontroll', 'text', 66),
  ],
};

/** The `Arsavslutning` table (an Excel table name has no spaces; `Å` is avoided for other spreadsheet applications). */
export const ARSAVSLUTNING: TableSpec = {
  sheet: 'Styring',
  table: 'Arsavslutning',
  origin: { row: 1, column: 8 },
  columns: [
    col('År', 'year', 7),
    col('Avsluttet', 'text', 22),
    col('Av', 'text', 16),
    col('Linjer', 'whole', 8),
    col('Linjekontroll', 'text', 66),
    col('Rammer', 'text', 80),
  ],
};

/** The `Versjonsrammer` table: the frames of every version, one row per frame (right of `Arsavslutning`). */
export const VERSJONSRAMMER: TableSpec = {
  sheet: 'Styring',
  table: 'Versjonsrammer',
  origin: { row: 1, column: 15 },
  columns: [
    { name: 'Versjon', kind: 'text', width: 16 },
    { name: 'Virkemiddel', kind: 'text', width: 22, validationList: INSTRUMENTS.map((i) => i.id) },
    { name: 'Fra', kind: 'year', width: 7 },
    { name: 'Til', kind: 'year', width: 7 },
    { name: 'Beløp', kind: 'money', width: 18 },
    { name: 'Finansiering', kind: 'text', width: 20 },
    { name: 'Betingelse', kind: 'text', width: 40 },
    { name: 'Bekreftet', kind: 'yesno', width: 10, validationList: ['ja', 'nei'] },
    { name: 'Kilde', kind: 'text', width: 15 },
  ],
};
