/**
 * The preview's workbook: the engine's in-memory port, announcing every write so the sheet view
 * redraws, and able to take the whole workbook from an .xlsx file.
 */
import { MemoryWorkbookPort } from '../../engine/workbook/port/memory-port.js';
import type { TableData, TableRead, WorkbookPort } from '../../engine/workbook/port/port.js';

/** A memory workbook that fires `change` after each write. */
export class ObservablePort extends EventTarget implements WorkbookPort {
  private memory = new MemoryWorkbookPort();

  /** The workbook's contents, for drawing the sheets. */
  get workbook(): MemoryWorkbookPort {
    return this.memory;
  }

  readTable(table: string): Promise<TableRead | null> {
    return this.memory.readTable(table);
  }

  async writeTables(tables: readonly TableData[]): Promise<void> {
    await this.memory.writeTables(tables);
    this.dispatchEvent(new Event('change'));
  }

  /** Replaces the whole workbook (after opening a file). */
  async replaceAll(tables: readonly TableData[]): Promise<void> {
    const fresh = new MemoryWorkbookPort();
    await fresh.writeTables(tables);
    this.memory = fresh;
    this.dispatchEvent(new Event('change'));
  }
}
