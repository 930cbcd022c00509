/**
 * Bench: writes a planning workbook whose Forbruk holds 100 000 ledger lines, read from CSV text as
 * the command line would, and prints the seconds and the peak memory (target: < 10 s, < 1 GB).
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedPlan, Ledger, reconcile, type IsoDate } from '../engine/index.js';
import { buildWorkbookTables } from '../engine/workbook/write/build.js';
import { writeWorkbookFile } from '../engine/workbook/xlsx/save-file.js';

const LINES = 100_000;
const INSTRUMENTS = ['ekspertbistand', 'kompetansetiltak', 'bransjeprogrammer', 'kunnskapsutvikling', 'arbeidsmiljosatsing'];
const KINDS = ['utbetaling', 'utbetaling', 'utbetaling', 'tilsagn', 'annullering'];

function ledgerText(): string {
  const parts = ['dato;bilag;virkemiddel;type;beløp;referanse;år;tekst'];
  for (let i = 0; i < LINES; i++) {
    const year = 2019 + (i % 10);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const kind = KINDS[i % KINDS.length]!;
    const reference = kind === 'utbetaling' && i % 3 === 0 ? `T-${i - 3}` : '';
    parts.push(
      `${day}.${month}.${year};${kind === 'tilsagn' ? 'T' : 'U'}-${i};${INSTRUMENTS[i % INSTRUMENTS.length]};${kind};${(i % 900) + 1} ${String(i % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')};${reference};${year};Linje ${i} =SUM(A${i})`,
    );
  }
  return parts.join('\n') + '\n';
}

const started = performance.now();
const plan = embeddedPlan();
const ledger = new Ledger(plan);
const report = ledger.addText('bench.csv', ledgerText());
if (report.rejected) throw new Error(`bench ledger rejected: ${report.problems[0]?.message}`);
const reconciliation = reconcile(plan, ledger.lines, '2028-12-31' as IsoDate);
const tables = buildWorkbookTables({ plan, ledgerLines: ledger.lines, reconciliation, lang: 'nb' });
const dir = join(import.meta.dirname, 'out');
mkdirSync(dir, { recursive: true });
const path = join(dir, 'workbook-100k.xlsx');
rmSync(path, { force: true });
await writeWorkbookFile(path, tables, { overwrite: true });
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const rows = tables.find((t) => t.spec.table === 'Forbruk')!.rows.length;
process.stdout.write(
  `workbook: ${rows} Forbruk-linjer, ${(statSync(path).size / 1e6).toFixed(1)} MB, ${seconds.toFixed(2)} s, topp ${peakMb.toFixed(0)} MB RSS` +
    ` (mål: < 10 s, < 1024 MB) ${seconds < 10 && peakMb < 1024 ? 'OK' : 'FOR TREGT/STORT'}\n`,
);
rmSync(path, { force: true });
if (seconds >= 10 || peakMb >= 1024) process.exitCode = 1;
