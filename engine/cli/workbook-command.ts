/**
 * `ia-planner workbook`: writes the planning workbook (CONTRACTS §4–5) as an .xlsx file. With
 * --plan the workbook read is the store: its frames, governance state, Forbruk lines and Logg
 * entries are kept, new ledger lines merge into Forbruk (refused for a closed year), the Evaluering
 * sheet is written for one year, and what was done is appended to the log.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import {
  appendEntry,
  appropriationsOfPlan,
  originsOfState,
  lapseWarnings,
  noticeText,
  acceptLedgerRead,
  spendingAsOf,
  evaluate,
  evaluationTables,
  indicatorRecordsFromTable,
  Ledger,
  parseYear,
  planningTables,
  readIndicatorRecords,
  yearOfDate,
  LAST_YEAR,
  FIRST_YEAR,
  type IndicatorReading,
  type IsoDate,
  type LedgerLine,
  type LogKey,
  type PlanningState,
  type Problem,
  type TableRead,
  NOTHING_OUTSIDE,
  contextProblems,
  formatMoney,
  Money,
  type Year,
} from '../index.js';
import { WorkbookExistsError } from '../workbook/xlsx/save-file.js';
import { UsageError, yearOption, type CliOptions } from './args.js';
import type { CommandResult } from './commands.js';
import { countText, dateText, problemLines } from './commands.js';
import { readIndicators } from './evaluate-command.js';
import {
  loadLedgers,
  nowStamp,
  readAppropriationsFile,
  readAuthorisationsFile,
  readRulesFile,
  resolveAsOf,
  userName,
} from './io.js';
import { t } from '../messages/ui.js';
import { embeddedState, isWorkbook, loadWorkbook } from './planning-io.js';
import { headLine } from './log-command.js';
import { isKeyProblem, logKeyFromEnvironment } from './log-key.js';
import { withWorkbookLock, type HeldWorkbook } from './workbook-lock.js';

function exists(path: string, lang: CliOptions['lang']): CommandResult {
  const message =
    lang === 'nb'
      ? `${path} finnes allerede. Ingenting er skrevet. Bruk --force for å skrive over filen, eller velg et annet navn.\n`
      : `${path} already exists. Nothing was written. Use --force to overwrite it, or choose another name.\n`;
  return { stdout: '', stderr: message, status: 1 };
}

function rejected(problems: readonly Problem[], lang: CliOptions['lang'], extra = ''): CommandResult {
  const note =
    lang === 'nb'
      ? `Inndata ble avvist: ${countText(problems.length, lang)} feil. Ingen arbeidsbok er skrevet.\n`
      : `The input was rejected: ${countText(problems.length, lang)} errors. No workbook was written.\n`;
  return { stdout: '', stderr: problemLines(problems) + extra + note, status: 1 };
}

/** The report date: --as-of, else the later of today and the latest line (Forbruk holds every line either way). */
export function asOfFor(text: string | undefined, lines: readonly LedgerLine[]): IsoDate {
  if (text !== undefined) return resolveAsOf(text);
  return spendingAsOf(resolveAsOf(undefined), lines);
}

/** The evaluation year: --year, else the year of --as-of, else the last budget year with ledger lines, else the report date's. */
export function evaluationYear(options: CliOptions, asOf: IsoDate, lines: readonly LedgerLine[]): Year {
  if (options.year !== undefined) return yearOption(options.year, '--year');
  let year =
    options.asOf === undefined && lines.length > 0
      ? lines.reduce((max, l) => Math.max(max, l.year), FIRST_YEAR)
      : yearOfDate(asOf);
  year = Math.min(Math.max(year, FIRST_YEAR), LAST_YEAR);
  const reading = parseYear(year);
  return reading.ok ? reading.year : (FIRST_YEAR as Year);
}

/** The indicator values of the workbook's own `Indikatorer` table, then of --indicators (which may replace them). */
function indicatorInput(
  table: TableRead | null,
  file: string,
  path: string | undefined,
  lang: CliOptions['lang'],
): IndicatorReading {
  const readings: IndicatorReading[] = [];
  if (table) {
    const { header, records } = indicatorRecordsFromTable(table);
    readings.push(readIndicatorRecords(file, header, records, lang, table.sheet));
  }
  const fromFile = readIndicators(path, lang);
  if (fromFile) readings.push(fromFile);
  return {
    values: readings.flatMap((r) => r.values),
    goals: new Map(readings.flatMap((r) => [...r.goals])),
    activities: readings.flatMap((r) => r.activities),
    resources: readings.flatMap((r) => r.resources),
    problems: readings.flatMap((r) => r.problems),
  };
}

/** `ia-planner workbook --out FILE.xlsx [--ledger FILE …] [--plan FILE.xlsx] [--force] [--year Y] [--indicators F] [--user NAME]`. */
export async function workbookCommand(options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const out = options.out;
  if (out === undefined) throw new UsageError('workbook trenger --out FIL.xlsx', 'workbook needs --out FILE.xlsx');
  if (!out.toLowerCase().endsWith('.xlsx'))
    throw new UsageError(`--out må være en .xlsx-fil, ikke «${out}»`, `--out must be an .xlsx file, not “${out}”`);
  if (options.format !== 'table')
    throw new UsageError(
      'workbook skriver en arbeidsbok og tar ikke --format',
      'workbook writes a workbook and takes no --format',
    );
  if (options.year !== undefined) yearOption(options.year, '--year');
  if (existsSync(out) && !options.force) return exists(out, lang);
  // A new workbook's log is signed with the environment's key, as a read one's new entries are.
  const key = logKeyFromEnvironment(lang);
  if (isKeyProblem(key)) return rejected([key], lang);
  // Held from reading --plan (which may be --out itself) to replacing --out: a second writer
  // waits, and a file written at --out meanwhile is refused rather than replaced unseen.
  return withWorkbookLock(out, (held) => writeWorkbook(options, out, key, held), { mustExist: false });
}

/** The rest of `workbook`, with the lock on --out held. */
async function writeWorkbook(options: CliOptions, out: string, key: LogKey | null, held: HeldWorkbook): Promise<CommandResult> {
  const lang = options.lang;
  let state: PlanningState = { ...embeddedState(), logKey: key };
  let indicatorTable: TableRead | null = null;
  const planFile = options.plan === undefined ? null : basename(options.plan);
  if (options.plan !== undefined) {
    const loaded = await loadWorkbook(options.plan, lang);
    if (!isWorkbook(loaded)) return rejected([loaded], lang);
    const { reading } = loaded;
    if (!reading.state) return rejected(reading.problems, lang);
    // The log only ever grows; a broken one is kept as evidence and nothing is added to it.
    if (reading.logProblems.length > 0) return rejected(reading.logProblems, lang);
    state = reading.state;
    indicatorTable = loaded.tables.get('indikatorer') ?? null;
  }
  if (options.rules !== undefined) {
    // --rules replaces the workbook's Konteringsregler (CONTRACTS §8), and is written in its place.
    const rules = readRulesFile(options.rules, lang);
    if (!rules.ok) return rejected(rules.problems, lang);
    state = { ...state, plan: { ...state.plan, rules: rules.rules } };
  }
  if (options.authorisations !== undefined) {
    // --authorisations replaces the workbook's Tilsagnsfullmakter (issue 12), and is written in its place.
    const read = readAuthorisationsFile(options.authorisations, lang);
    if (read.problems.length > 0) return rejected([...read.problems], lang);
    const { authorisations: _old, ...rest } = state;
    state = read.authorisations.length > 0 ? { ...rest, authorisations: read.authorisations } : rest;
  }
  const ledger = new Ledger(state.plan);
  if (planFile !== null) ledger.addLines(planFile, state.lines, lang);
  const loaded = await loadLedgers(state.plan, options.ledger, { skipInvalid: options.skipInvalid, lang }, undefined, ledger);
  const warnings = problemLines(loaded.warnings);
  if (loaded.rejected) return rejected(loaded.problems, lang, warnings);
  // The files' new lines go through the session's one closed-year rule, as in the task pane:
  // rejected whole, or with --skip-invalid left out and reported.
  const newLines = ledger.lines.slice(state.lines.length);
  const read = {
    report: {
      file: options.ledger.map((p) => basename(p)).join(', '),
      encoding: null,
      imported: newLines.length,
      duplicates: loaded.ledger.duplicates,
      rejected: false,
      problems: [],
      warnings: [],
      outside: NOTHING_OUTSIDE,
    },
    added: newLines,
  };
  const accepted = acceptLedgerRead(state, read, { skipInvalid: options.skipInvalid, lang });
  if (!accepted.state) return rejected(accepted.report.problems, lang, warnings);
  const lines = accepted.state.lines;
  const asOf = asOfFor(options.asOf, lines);
  const year = evaluationYear(options, asOf, lines);
  const indicators = indicatorInput(indicatorTable, planFile ?? '', options.indicators, lang);
  if (indicators.problems.length > 0) return rejected(indicators.problems, lang, warnings);
  // §9: the history read replaces what a --plan workbook's Bevilgning held; without one, that is kept.
  let appropriations = state.appropriations;
  let appropriationsRead = '';
  if (options.appropriations !== undefined) {
    const read = readAppropriationsFile(options.appropriations, lang);
    if (read.problems.length > 0) return rejected([...read.problems], lang, warnings);
    const { kept, outside } = appropriationsOfPlan(state.plan, read.appropriations, state.appropriations);
    appropriations = kept;
    const action = {
      code: 'appropriations_imported',
      file: options.appropriations,
      decisions: read.rowsRead,
      posts: kept.size,
      outside,
    } as const;
    appropriationsRead = `${noticeText(action, lang, state.plan.instruments)}\n`;
  }
  const withFigures = { ...state, lines, ...(appropriations ? { appropriations } : {}) };
  const evaluation = evaluate({
    year,
    plan: state.plan,
    lines,
    asOf,
    values: indicators.values,
    goals: indicators.goals,
    activities: indicators.activities,
    resources: indicators.resources,
    lang,
    authorisations: state.authorisations ?? [],
    origins: originsOfState(withFigures, asOf) ?? [],
  });
  const files = options.ledger.map((p) => basename(p));
  const added = lines.length - state.lines.length;
  // The log's Detaljer ends the sentence itself (target: before → after.), so the summary has no full stop.
  const summary =
    lang === 'nb'
      ? `Plan: ${planFile ?? 'den innebygde planen'}. Forbruk: ${files.join(', ') || 'ingen filer'}; ${lines.length} linjer (${added} nye), ` +
        `${loaded.ledger.duplicates} duplikater utelatt. Avstemt per ${asOf}; vurdering for ${year}`
      : `Plan: ${planFile ?? 'the embedded plan'}. Ledger: ${files.join(', ') || 'no files'}; ${lines.length} lines (${added} new), ` +
        `${loaded.ledger.duplicates} duplicates left out. Reconciled as of ${asOf}; evaluation for ${year}`;
  const told = contextProblems({ who: userName(options.user), at: '', why: options.reason ?? '' }, basename(out), lang);
  if (told.length > 0) return rejected(told, lang, warnings);
  const log = appendEntry(
    state.log,
    {
      at: nowStamp(),
      who: userName(options.user),
      action: 'workbook_written',
      target: basename(out),
      before: '',
      after: summary,
      why: options.reason ?? '',
    },
    state.logKey ?? null,
  );
  const extraTables = evaluationTables(evaluation, lang);
  const written = { ...state, lines, log, ...(appropriations ? { appropriations } : {}) };
  const tables = planningTables(written, { asOf, lang, extraTables });
  try {
    await held.write(tables, { overwrite: options.force });
  } catch (error) {
    if (error instanceof WorkbookExistsError) return exists(out, lang);
    throw error;
  }
  const done =
    lang === 'nb'
      ? `Skrev ${out}: ${state.plan.frames.length} rammer, ${lines.length} linjer i Forbruk, avstemt per ${dateText(asOf, lang)}, vurdering for ${year}.\n`
      : `Wrote ${out}: ${state.plan.frames.length} frames, ${lines.length} lines in Forbruk, reconciled as of ${asOf}, evaluation for ${year}.\n`;
  const outside = loaded.reports
    .filter((r) => r.outside.lines > 0)
    .map(
      (r) =>
        `${t(lang, 'outsideLine', { file: r.file, count: r.outside.lines, amount: formatMoney(Money.fromMilli(r.outside.amount), { lang }) })}\n`,
    )
    .join('');
  const head = headLine(log, out, lang);
  return {
    stdout:
      done +
      outside +
      appropriationsRead +
      lapseWarnings(originsOfState(written, asOf) ?? [], Number(asOf.slice(0, 4)), lang)
        .map((w) => `${w}\n`)
        .join(''),
    stderr: problemLines([...loaded.problems, ...accepted.report.problems]) + warnings + head,
    status: 0,
  };
}
