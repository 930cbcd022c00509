/**
 * The planning workbook, by part: the port and its in-memory implementation (`port/`; the .xlsx
 * one is `xlsx/`, imported apart), the table catalogue with one spec per table (`tables/`), the
 * readers (`read/`) and writers (`write/`), and the governance state as stored. The planning
 * session over it is `engine/session/`.
 */
export * from './port/port.js';
export * from './port/cells.js';
export * from './port/memory-port.js';
export * from './port/round-trip.js';
export * from './tables/layout.js';
export * from './tables/styring-tables.js';
export * from './tables/evaluering-tables.js';
export * from './tables/known-specs.js';
export * from './read/read-plan-table.js';
export * from './read/read-governance.js';
export * from './read/read-forbruk.js';
export * from './read/log-table.js';
export * from './write/build.js';
export * from './governance.js';
export * from './version-frames.js';
