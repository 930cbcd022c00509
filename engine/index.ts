/** The engine's public API: everything a host (CLI, add-in, preview) may use. */
export * from './calendar.js';
export * from './money.js';
export * from './problems.js';
export * from './plan/instruments.js';
export * from './plan/frame.js';
export * from './plan/plan.js';
export * from './plan/embedded-plan.js';
export * from './ledger/columns.js';
export * from './ledger/csv.js';
export * from './ledger/decode.js';
export * from './ledger/ledger.js';
export * from './reconcile/reconcile.js';
export * from './reconcile/flags.js';
