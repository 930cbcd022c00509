/** The planning workbook: layout, building, the in-memory port, reading a plan and its state back, governance, version frames and round trips. */
export * from './port.js';
export * from './layout.js';
export * from './cells.js';
export * from './build.js';
export * from './memory-port.js';
export * from './read-plan-table.js';
export * from './round-trip.js';
export * from './governance.js';
export * from './read-governance.js';
export * from './read-forbruk.js';
export * from './log-table.js';
export * from './planning-state.js';
export * from './governance-actions.js';
export * from './known-specs.js';
export * from './version-frames.js';
export * from './version-actions.js';
