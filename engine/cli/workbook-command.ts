/** `ia-planner workbook`: writes the planning workbook (CONTRACTS §4–5) as an .xlsx file. */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { reconcile, type IsoDate, type LedgerLine } from '../index.js';
import { buildWorkbookTables, type LogRow } from '../workbook/build.js';
import { WorkbookExistsError, writeWorkbookFile } from '../workbook/xlsx/save-file.js';
import { UsageError, type CliOptions } from './args.js';
import type { CommandResult } from './commands.js';
import { problemLines } from './commands.js';
import { loadLedgers, loadPlan, resolveAsOf } from './io.js';

function exists(path: string, lang: CliOptions['lang']): CommandResult {
  const message =
    lang === 'nb'
      ? `${path} finnes allerede. Ingenting er skrevet. Bruk --force for å skrive over filen, eller velg et annet navn.\n`
      : `${path} already exists. Nothing was written. Use --force to overwrite it, or choose another name.\n`;
  return { stdout: '', stderr: message, status: 1 };
}

/** The report date: --as-of, else the later of today and the latest line, so Forbruk holds every line. */
function asOfFor(text: string | undefined, lines: readonly LedgerLine[]): IsoDate {
  if (text !== undefined) return resolveAsOf(text);
  let latest = resolveAsOf(undefined);
  for (const line of lines) if (line.date > latest) latest = line.date;
  return latest;
}

function timestamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** `ia-planner workbook --out FILE.xlsx [--ledger FILE …] [--plan FILE.xlsx] [--force]`. */
export async function workbookCommand(options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const out = options.out;
  if (out === undefined) throw new UsageError('workbook trenger --out FIL.xlsx');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out må være en .xlsx-fil, ikke «${out}»`);
  if (options.format !== 'table') throw new UsageError('workbook skriver en arbeidsbok og tar ikke --format');
  if (existsSync(out) && !options.force) return exists(out, lang);
  const { plan, problems } = await loadPlan(options.plan, lang);
  if (!plan) return { stdout: '', stderr: problemLines(problems), status: 1 };
  const loaded = loadLedgers(plan, options.ledger, { skipInvalid: options.skipInvalid, lang });
  const warnings = loaded.warnings.map((w) => `${w.message}\n`).join('');
  if (loaded.rejected) {
    const note =
      lang === 'nb'
        ? `Forbruket ble avvist: ${loaded.problems.length} feil. Ingen arbeidsbok er skrevet.\n`
        : `The ledger was rejected: ${loaded.problems.length} errors. No workbook was written.\n`;
    return { stdout: '', stderr: problemLines(loaded.problems) + warnings + note, status: 1 };
  }
  const lines = loaded.ledger.lines;
  const asOf = asOfFor(options.asOf, lines);
  const reconciliation = reconcile(plan, lines, asOf);
  const files = options.ledger.map((p) => basename(p));
  const log: LogRow[] = [
    {
      time: timestamp(new Date()),
      who: 'ia-planner',
      action: lang === 'nb' ? 'Arbeidsbok skrevet' : 'Workbook written',
      details:
        (lang === 'nb'
          ? `Plan: ${options.plan ? basename(options.plan) : 'innebygd'}. `
          : `Plan: ${options.plan ? basename(options.plan) : 'embedded'}. `) +
        (lang === 'nb' ? `Forbruk: ${files.join(', ') || 'ingen filer'}; ` : `Ledger: ${files.join(', ') || 'no files'}; `) +
        (lang === 'nb'
          ? `${lines.length} linjer, ${loaded.ledger.duplicates} duplikater utelatt. Avstemt per ${asOf}.`
          : `${lines.length} lines, ${loaded.ledger.duplicates} duplicates left out. Reconciled as of ${asOf}.`),
    },
  ];
  const tables = buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, log, lang });
  try {
    await writeWorkbookFile(out, tables, { overwrite: options.force });
  } catch (error) {
    if (error instanceof WorkbookExistsError) return exists(out, lang);
    throw error;
  }
  const done =
    lang === 'nb'
      ? `Skrev ${out}: ${plan.frames.length} rammer, ${lines.length} linjer i Forbruk, avstemt per ${asOf}.\n`
      : `Wrote ${out}: ${plan.frames.length} frames, ${lines.length} lines in Forbruk, reconciled as of ${asOf}.\n`;
  return { stdout: done, stderr: problemLines(loaded.problems) + warnings, status: 0 };
}
