/** Every table spec the engine writes, so a table read back can be written again with its own formats. */
import { INDIKATORER, VURDERINGER } from './evaluering-tables.js';
import { avstemmingSpec, FORBRUK, LOGG, POSTER, RAMMER } from './layout.js';
import { ARSAVSLUTNING, VERSJONER, VERSJONSRAMMER } from './styring-tables.js';
import type { TableRead, TableSpec } from '../port/port.js';

/** The specs of every table the engine writes (Avstemming without its totals). */
export function knownSpecs(): readonly TableSpec[] {
  return [RAMMER, POSTER, FORBRUK, avstemmingSpec(), VERSJONER, VERSJONSRAMMER, ARSAVSLUTNING, INDIKATORER, VURDERINGER, LOGG];
}

/** The engine's spec for a table read back when name, sheet and header match one it writes, else text columns where it was found. */
export function specForRead(read: TableRead): TableSpec {
  const header = read.header.join('\u0000');
  const known = knownSpecs().find(
    (s) =>
      s.table.toLowerCase() === read.table.toLowerCase() &&
      s.sheet === read.sheet &&
      s.columns.map((c) => c.name).join('\u0000') === header,
  );
  if (known) return known;
  return {
    sheet: read.sheet,
    table: read.table,
    origin: { row: read.firstRow - 1, column: read.firstColumn ?? 1 },
    columns: read.header.map((name) => ({ name, kind: 'text', width: Math.max(10, name.length + 2) })),
  };
}
