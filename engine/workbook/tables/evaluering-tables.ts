/**
 * The tables of the `Evaluering` sheet, as data: indicator values (`Indikatorer`) and each
 * instrument's assessment (`Vurderinger`). Part of the table catalogue: one spec per table.
 */
import type { TableSpec } from '../port/port.js';
import { col } from './spec-column.js';

/** The `Indikatorer` table: one row per indicator value; `Mål` sets a goal for industry indicators. */
export const INDIKATORER: TableSpec = {
  sheet: 'Evaluering',
  table: 'Indikatorer',
  origin: { row: 1, column: 1 },
  columns: [
    col('Indikator', 'text', 22),
    col('År', 'year', 7),
    col('Kvartal', 'whole', 8, { validationList: ['1', '2', '3', '4'] }),
    col('Verdi', 'decimal', 9),
    col('Måltype', 'text', 26),
    col('Kilde', 'text', 40),
    col('Utgangspunkt', 'decimal', 13),
    col('Mål', 'decimal', 9),
    col('Navn', 'text', 30),
  ],
};

/** The `Vurderinger` table, to the right of `Indikatorer` with one empty column between. */
export const VURDERINGER: TableSpec = {
  sheet: 'Evaluering',
  table: 'Vurderinger',
  origin: { row: 1, column: 11 },
  columns: [
    col('Virkemiddel', 'text', 20),
    col('Navn', 'text', 34),
    col('År', 'text', 10),
    col('Ramme', 'money', 16),
    col('Utbetalt', 'money', 16),
    col('Åpne tilsagn', 'money', 16),
    col('Utnyttelse', 'percent', 11),
    col('Status', 'text', 10, { validationList: ['i rute', 'risiko', 'avvik'] }),
    col('Aktivitet', 'text', 24),
    col('Antall', 'decimal', 10),
    col('Kostnad per aktivitet', 'money', 18),
    col('Kommentar', 'text', 50),
  ],
  conditionalFormats: [
    { formula: '=$R2="avvik"', fill: 'FDE7E9', font: '9C0006' },
    { formula: '=$R2="risiko"', fill: 'FFF4CE', font: '7A4F01' },
  ],
};
