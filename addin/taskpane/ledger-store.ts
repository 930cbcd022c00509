/**
 * Where ledger files are read: in a Web Worker when the page may start one, so a large file never
 * blocks the task pane, and on the page itself otherwise (a preview opened from `file://` may not
 * start workers). Both keep one engine `Ledger`, so duplicates are recognised across files.
 */
import {
  addLedgerFile,
  Ledger,
  type FileReport,
  type Instrument,
  type Lang,
  type LedgerLine,
  type MappingRule,
  type PostMapping,
} from '../../engine/index.js';

/** One file to read. */
export interface ImportRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly skipInvalid: boolean;
  readonly lang: Lang;
}

/** What reading one file gave: the engine's report and the lines it added to the ledger. */
export interface ImportResult {
  readonly report: FileReport;
  readonly added: readonly LedgerLine[];
}

/**
 * What ledger reading needs of the plan (plain data): its instruments, post mapping and mapping
 * rules, so a file is placed by the workbook's own `Konteringsregler` exactly as reading the
 * workbook places it (without them a split set in the workbook would be read as unallocated).
 */
export interface Catalogue {
  readonly instruments: readonly Instrument[];
  readonly posts: readonly PostMapping[];
  readonly rules?: readonly MappingRule[];
}

/** Reads ledger files into one ledger. */
export interface LedgerStore {
  read(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportResult>;
  /** Starts the ledger over a (new) catalogue, holding `lines` (the workbook's Forbruk) so files merge into them. */
  reset(catalogue: Catalogue, lines?: readonly LedgerLine[]): void;
}

/** Messages to the worker. */
export type WorkerRequest =
  | { readonly type: 'reset'; readonly catalogue: Catalogue; readonly lines: readonly LedgerLine[] }
  | { readonly type: 'read'; readonly id: number; readonly request: ImportRequest };

/** Messages from the worker. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly result: ImportResult }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const CHUNK = 1 << 20;

/**
 * Reads a file into a ledger in 1 MiB chunks, reporting the fraction read: any ledger file of
 * CONTRACTS §7 by the engine's `addLedgerFile` (an `.xlsx` through exceljs, loaded only then).
 */
export async function readInto(
  ledger: Ledger,
  request: ImportRequest,
  onProgress: (fraction: number) => void,
): Promise<ImportResult> {
  const before = ledger.lines.length;
  const { bytes, name, lang } = request;
  const chunks = function* (): Generator<Uint8Array> {
    for (let start = 0; start < bytes.length; start += CHUNK) yield bytes.subarray(start, start + CHUNK);
  };
  const xlsx = async () => {
    const { readXlsxLedger } = await import(
      /* webpackChunkName: "xlsx-ledger" */ '../../engine/workbook/xlsx/read-xlsx-ledger.js'
    );
    return readXlsxLedger(name, bytes, lang);
  };
  const report = await addLedgerFile(
    ledger,
    name,
    { open: chunks, xlsx },
    {
      skipInvalid: request.skipInvalid,
      lang,
      onProgress: (read) => onProgress(bytes.length === 0 ? 1 : Math.min(1, read / bytes.length)),
    },
  );
  return { report, added: ledger.lines.slice(before) };
}

/** A ledger over a catalogue that already holds `lines` (they count for duplicates, as in the command line). */
export function ledgerOf(catalogue: Catalogue, lines: readonly LedgerLine[]): Ledger {
  const plan = { instruments: catalogue.instruments, posts: catalogue.posts, frames: [] };
  const ledger = new Ledger(catalogue.rules === undefined ? plan : { ...plan, rules: catalogue.rules });
  if (lines.length > 0) ledger.addLines(lines[0]!.file, lines);
  return ledger;
}

/** Reads on the page; yields to the browser before and after so the progress state is painted. */
class InlineStore implements LedgerStore {
  private ledger: Ledger;
  constructor(catalogue: Catalogue) {
    this.ledger = ledgerOf(catalogue, []);
  }
  reset(catalogue: Catalogue, lines: readonly LedgerLine[] = []): void {
    this.ledger = ledgerOf(catalogue, lines);
  }
  async read(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportResult> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const result = await readInto(this.ledger, request, onProgress);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return result;
  }
}

/** Reads in a worker. */
class WorkerStore implements LedgerStore {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: ImportResult) => void; reject: (e: Error) => void; progress: (f: number) => void }
  >();

  constructor(
    private readonly worker: Worker,
    catalogue: Catalogue,
  ) {
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => this.onReply(event.data));
    this.reset(catalogue);
  }
  reset(catalogue: Catalogue, lines: readonly LedgerLine[] = []): void {
    // Plain data only: a plan's frames hold Money, which a worker message cannot carry.
    const plain = {
      instruments: catalogue.instruments,
      posts: catalogue.posts,
      ...(catalogue.rules === undefined ? {} : { rules: catalogue.rules }),
    };
    this.worker.postMessage({ type: 'reset', catalogue: plain, lines } satisfies WorkerRequest);
  }
  read(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress: onProgress });
      this.worker.postMessage({ type: 'read', id, request } satisfies WorkerRequest);
    });
  }
  private onReply(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.progress(reply.fraction);
    this.pending.delete(reply.id);
    if (reply.type === 'done') waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.message));
  }
}

/** A worker-backed store where workers can start, else one on the page. */
export function createLedgerStore(catalogue: Catalogue): LedgerStore {
  try {
    if (typeof Worker === 'undefined' || location.protocol === 'file:') return new InlineStore(catalogue);
    const worker = new Worker(new URL('./ledger-worker.ts', import.meta.url));
    return new WorkerStore(worker, catalogue);
  } catch {
    // A page whose policy forbids workers reads on the page; slower for huge files, same result.
    return new InlineStore(catalogue);
  }
}
