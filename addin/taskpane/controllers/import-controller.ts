/**
 * Importer forbruk's work on the root: reading a ledger file (with progress), keeping only the
 * valid lines of a rejected file, and reading the workbook's Forbruk table again.
 */
import type { ReactiveController } from 'lit';
import { isAppropriationsFile, type FileReport, type Problem } from '../../../engine/index.js';
import { t } from '../../../engine/messages/ui.js';
import { listen, type AppLink } from './app-link.js';

/** What reading an appropriation history gave. */
export interface AppropriationsResult {
  readonly file: string;
  readonly problems: readonly Problem[];
  readonly notice: string;
}

/** Import state and actions. */
export class ImportController implements ReactiveController {
  /** The fraction read of the file being read, or null. */
  progress: number | null = null;
  /** The name of the file being read. */
  reading = '';
  /** The report of the last file read. */
  report: FileReport | null = null;
  /** The result of the last re-read of the Forbruk table. */
  reread: { lines: number; problems: readonly Problem[] } | null = null;
  /** What the last appropriation history read gave (CONTRACTS §9): the log's words, or the problems that refused it. */
  appropriations: AppropriationsResult | null = null;
  private lastFile: File | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly app: AppLink) {
    app.addController(this);
  }

  hostConnected(): void {
    this.off.push(
      listen(this.app, 'ia-import-file', (e) => void this.import(e.detail.file, e.detail.skipInvalid)),
      listen(this.app, 'ia-keep-valid', () => void (this.lastFile && this.import(this.lastFile, true))),
      listen(this.app, 'ia-reread-forbruk', () => void this.rereadForbruk()),
    );
  }

  hostDisconnected(): void {
    for (const off of this.off.splice(0)) off();
  }

  private async import(file: File, skipInvalid: boolean): Promise<void> {
    const app = this.app;
    this.lastFile = file;
    this.reading = file.name;
    this.progress = 0;
    this.report = null;
    this.reread = null;
    this.appropriations = null;
    app.requestUpdate();
    await app.run(async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // DFØ's appropriation history is told from a ledger by its header, whatever the file is called.
        if (isAppropriationsFile(bytes)) {
          const result = await app.session.importAppropriations(file.name, bytes, app.uiLang, app.userName);
          this.appropriations = { file: file.name, ...result };
          if (result.problems.length === 0) app.notify.success(result.notice);
          return;
        }
        const progress = (f: number) => {
          this.progress = f;
          app.requestUpdate();
        };
        const report = await app.session.importFile(file.name, bytes, skipInvalid, app.uiLang, app.userName, progress);
        this.report = report;
        const { imported, duplicates } = report;
        if (!report.rejected) app.notify.success(t(app.uiLang, 'importResult', { file: file.name, imported, duplicates }));
      } finally {
        this.progress = null;
        app.changed();
      }
    });
  }

  private async rereadForbruk(): Promise<void> {
    const app = this.app;
    this.report = null;
    await app.run(async () => {
      const result = await app.session.rereadForbruk(app.uiLang, app.userName);
      if (!result) return app.notify.error(t(app.uiLang, 'noForbruk'));
      this.reread = result;
      const key = result.problems.length > 0 ? 'rereadProblems' : 'rereadDone';
      app.notify.success(t(app.uiLang, key, { lines: result.lines, count: result.problems.length }));
      app.changed();
    });
  }
}
