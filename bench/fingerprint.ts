// npm run bench (or tsx bench/fingerprint.ts): how long the office.js adapter's hand-edit check
// takes on a large table. Hashes the body of a Forbruk table of 100 000 ledger lines (ten columns,
// as office.js input) with the content fingerprint the adapter records after each write and checks
// before the next, and prints the best of five runs (target: well under the second a task pane
// may take for an interaction, < 1 000 ms).
import { toExcelInput } from '../addin/excel/cells.js';
import { fingerprintOf } from '../addin/excel/edit-fingerprint.js';
import { FORBRUK } from '../engine/workbook/index.js';
import { bigForbruk } from '../test/addin/fixtures.js';

const ROWS = 100_000;
const TARGET_MS = 1_000;

const rows = bigForbruk(ROWS).rows.map((row) => row.map((cell, i) => toExcelInput(cell, FORBRUK.columns[i]!.kind)));
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  fingerprintOf(rows);
  times.push(performance.now() - start);
}
const best = Math.min(...times);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(`Innholdsfingeravtrykk (${ROWS} rader × ${FORBRUK.columns.length} kolonner), fem kjøringer:`);
console.log(`  beste:   ${best.toFixed(0)} ms (mål: under ${TARGET_MS} ms) ${best < TARGET_MS ? 'OK' : 'FOR TREGT'}`);
console.log(`  median:  ${median.toFixed(0)} ms`);
