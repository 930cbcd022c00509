/** The planning workbook: layout, building, the in-memory port, reading a plan back and round trips. */
export * from './port.js';
export * from './layout.js';
export * from './cells.js';
export * from './build.js';
export * from './memory-port.js';
export * from './read-plan-table.js';
export * from './round-trip.js';
