/**
 * Round trips: read every table of the layout back from a port and compare two readings cell by
 * cell, so a test (or a host) can prove that write → read → write leaves the values unchanged.
 */
import type { CellValue, TableRead, WorkbookPort } from './port.js';

/** Reads the named tables (missing ones are left out), in the given order. */
export async function readTables(port: WorkbookPort, names: readonly string[]): Promise<TableRead[]> {
  const reads = await Promise.all(names.map((name) => port.readTable(name)));
  return reads.filter((r): r is TableRead => r !== null);
}

function show(value: CellValue): string {
  return value === null ? '(tom)' : typeof value === 'string' ? `«${value}»` : String(value);
}

/**
 * The differences between two readings, as sentences (`Forbruk rad 5, Beløp: 12 ≠ 13`); empty when
 * every table, header and value is the same. Numbers compare exactly.
 */
export function diffTableReads(before: readonly TableRead[], after: readonly TableRead[]): string[] {
  const differences: string[] = [];
  const byName = new Map(after.map((t) => [t.table.toLowerCase(), t]));
  for (const a of before) {
    const b = byName.get(a.table.toLowerCase());
    if (!b) {
      differences.push(`${a.table}: mangler i den andre`);
      continue;
    }
    byName.delete(a.table.toLowerCase());
    if (a.sheet !== b.sheet) differences.push(`${a.table}: ark ${a.sheet} ≠ ${b.sheet}`);
    if (a.header.join('\u0000') !== b.header.join('\u0000'))
      differences.push(`${a.table}: overskrift ${a.header.join(', ')} ≠ ${b.header.join(', ')}`);
    if (a.rows.length !== b.rows.length) differences.push(`${a.table}: ${a.rows.length} rader ≠ ${b.rows.length}`);
    const rows = Math.min(a.rows.length, b.rows.length);
    for (let i = 0; i < rows && differences.length < 50; i++) {
      const ra = a.rows[i]!;
      const rb = b.rows[i]!;
      for (let j = 0; j < Math.max(ra.length, rb.length); j++) {
        const va = ra[j] ?? null;
        const vb = rb[j] ?? null;
        if (va !== vb) differences.push(`${a.table} rad ${a.firstRow + i}, ${a.header[j] ?? j + 1}: ${show(va)} ≠ ${show(vb)}`);
      }
    }
  }
  for (const extra of byName.values()) differences.push(`${extra.table}: bare i den andre`);
  return differences;
}
