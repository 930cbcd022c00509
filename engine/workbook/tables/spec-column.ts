/** The one helper the table specs build their columns with (internal: not part of the engine's public entry). */
import type { ColumnKind, ColumnSpec } from '../port/port.js';

/** A column spec; `extra` adds a validation list or a header note. */
export function col(name: string, kind: ColumnKind, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { name, kind, width, ...extra };
}
