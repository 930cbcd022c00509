/** The `frames` and `reconcile` commands (CONTRACTS §4). */
import {
  csvField,
  flagsInWords,
  dateText,
  formatMoney,
  formatPercent,
  Money,
  reconcileTotals,
  rowsToJsonWithCarryOver,
  SpendingTotals,
  frameTotalsByYear,
  type Frame,
  type IsoDate,
  type Lang,
  type Plan,
  type Problem,
  type Reconciliation,
  type ReconciliationRow,
  type Warning,
  fundingWords,
  sourceWords,
  yearTotals,
  refusesWholeFile,
  postKey,
} from '../index.js';
import { kindWord, listWords, t, type TextKey } from '../messages/ui.js';
import {
  appropriationsOfPlan,
  comparePosts,
  postComparisonToJson,
  postYearText,
  type PostComparison,
} from '../reconcile/appropriations.js';
import { appropriationsByOrigin, lapseWarnings } from '../reconcile/origin.js';
import { LAST_YEAR, yearOfDate } from '../calendar.js';
import { unallocatedToJson, type UnallocatedSpending } from '../reconcile/reconcile.js';
import { boundOf, outputBound, UsageError, yearOption, type CliOptions, type OutputBound } from './args.js';
import { loadLedgers, loadPlan, readAppropriationsFile, resolveAsOf } from './io.js';
import { renderTable } from './text-table.js';

/** What a command hands back: text for standard output and standard error, and the exit status. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  status: 0 | 1 | 2;
}

/** A count for people: `199 000` in bokmål (grouped by spaces), `199,000` in English. */
export function countText(count: number, lang: Lang): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nb' ? ' ' : ',');
}

/** Whether problems are errors or warnings: the closing line says which. */
export type ProblemKind = 'errors' | 'warnings';

const WARNING_CODES: ReadonlySet<string> = new Set([
  'identical_lines',
  'no_frame',
  'unknown_reference',
  'mixed_measures',
] satisfies Warning['code'][]);

/** The kind of a list when the caller does not say: warnings when every one has a warning's code. */
function kindOf(problems: readonly { readonly code?: string }[]): ProblemKind {
  return problems.every((p) => p.code !== undefined && WARNING_CODES.has(p.code)) ? 'warnings' : 'errors';
}

/** The first `bound.max` of a list (all of it when `max` is 0). */
export function bounded<T>(items: readonly T[], bound: OutputBound = outputBound()): readonly T[] {
  return bound.max === 0 || items.length <= bound.max ? items : items.slice(0, bound.max);
}

/**
 * Problems (or warnings) as lines for standard error, at most `bound.max` of them (CONTRACTS §4
 * "Bounded output"), then a closing line with how many more there are. `kind` is what they are
 * (default: warnings when every one has a warning's code, else errors); `bound` is the running
 * command's --max-errors unless given.
 */
export function problemLines(
  problems: readonly { readonly message: string; readonly code?: string }[],
  kind?: ProblemKind,
  bound: OutputBound = outputBound(),
): string {
  const listed = bounded(problems, bound);
  let out = listed.map((p) => `${p.message}\n`).join('');
  const more = problems.length - listed.length;
  if (more > 0) {
    const plural = more === 1 ? '' : 's';
    const key = (kind ?? kindOf(problems)) === 'warnings' ? (`moreWarning${plural}` as const) : (`moreError${plural}` as const);
    out += `${t(bound.lang, key, { count: countText(more, bound.lang) })}\n`;
  }
  return out;
}

/**
 * The problem fields of a command's JSON (CONTRACTS §4): `errors` and `warnings` each cut to the
 * bound, `errorCount` and `warningCount` the number of all of them.
 */
export function problemsJson(
  errors: readonly Problem[],
  warnings: readonly Warning[],
  bound: OutputBound = outputBound(),
): { errors: Record<string, unknown>[]; errorCount: number; warnings: readonly Warning[]; warningCount: number } {
  return {
    errors: bounded(errors, bound).map(problemJson),
    errorCount: errors.length,
    warnings: bounded(warnings, bound),
    warningCount: warnings.length,
  };
}

/** A notice's values as JSON: amounts as strings with two decimals (CONTRACTS §4), everything else as it is. */
export function noticeJson(value: unknown): unknown {
  if (value instanceof Money) return value.toFixed2();
  if (Array.isArray(value)) return value.map(noticeJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, noticeJson(v)]));
  return value;
}

/** The JSON form of a problem (CONTRACTS §4, plus `code` and `sheet`, and `reason` for a governance refusal). */
export function problemJson(p: Problem): Record<string, unknown> {
  return {
    code: p.code,
    file: p.file,
    ...(p.sheet ? { sheet: p.sheet } : {}),
    line: p.line,
    column: p.column,
    value: p.value,
    expected: p.expected,
    message: p.message,
    ...(p.reason ? { reason: noticeJson(p.reason) } : {}),
  };
}

/** An instrument's name for people; the id only for an instrument the plan does not know. */
export function nameOf(plan: Plan, id: string, lang: Lang): string {
  const instrument = plan.instruments.find((i) => i.id === id);
  return instrument ? (lang === 'nb' ? instrument.name : instrument.nameEn) : id;
}

/** The usage error for `--format html` outside `evaluate`. */
export function htmlOnlyForEvaluate(): UsageError {
  return new UsageError('--format html finnes bare for evaluate', '--format html is only for evaluate');
}

export { dateText };

/** A frame's years for a table: `2024`, or `2019–2021` for a pooled frame. */
export function yearSpan(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** A frame amount for a table; a frame whose amount is not set says so (never 0). */
export function frameMoney(amount: Money | null, lang: Lang): string {
  return amount === null ? (lang === 'nb' ? 'ikke fastsatt' : 'not set') : formatMoney(amount, { lang });
}

/** The JSON form of a frame (CONTRACTS §4). */
export function frameJson(plan: Plan, frame: Frame): Record<string, unknown> {
  return {
    instrument: frame.instrument,
    name: nameOf(plan, frame.instrument, 'nb'),
    from: frame.from,
    to: frame.to,
    amount: frame.amount?.toFixed2() ?? null,
    unit: frame.unit,
    funding: frame.funding,
    condition: frame.condition,
    conditionConfirmed: frame.conditionConfirmed,
    source: frame.source,
    sourceText: frame.sourceText,
  };
}

/** `ia-planner frames`. */
export async function framesCommand(options: CliOptions): Promise<CommandResult> {
  const { plan, problems, warnings: logWarnings } = await loadPlan(options.plan, options.lang, options.rules);
  const bound = boundOf(options);
  if (!plan) return { stdout: '', stderr: problemLines(problems, 'errors', bound), status: 1 };
  const lang = options.lang;
  // A broken log is reported and the frames are still shown.
  const warnings = problemLines(logWarnings, 'warnings', bound);
  if (options.format === 'json') {
    return {
      // The log's warnings (a broken log) in the JSON too, under the same bound (CONTRACTS §4).
      stdout:
        JSON.stringify(
          {
            frames: plan.frames.map((f) => frameJson(plan, f)),
            warnings: bounded(logWarnings, bound).map(problemJson),
            warningCount: logWarnings.length,
          },
          null,
          2,
        ) + '\n',
      stderr: warnings,
      status: 0,
    };
  }
  if (options.format === 'csv') {
    const head = ['instrument', 'name', 'from', 'to', 'amount', 'unit', 'funding', 'condition', 'conditionConfirmed', 'source'];
    const body = plan.frames.map((f) => {
      const j = frameJson(plan, f);
      return head.map((k) => csvField(j[k] === null ? '' : String(j[k]))).join(',');
    });
    return { stdout: [head.join(','), ...body].join('\n') + '\n', stderr: warnings, status: 0 };
  }
  if (options.format === 'html') throw htmlOnlyForEvaluate();
  const rows = plan.frames.map((f) => [
    nameOf(plan, f.instrument, lang),
    yearSpan(f.from, f.to),
    frameMoney(f.amount, lang),
    fundingWords(f.funding, lang),
    sourceWords(f.source, lang),
    f.condition === ''
      ? ''
      : f.conditionConfirmed
        ? lang === 'nb'
          ? 'betingelse bekreftet'
          : 'condition confirmed'
        : lang === 'nb'
          ? 'betingelse ikke bekreftet'
          : 'condition not confirmed',
  ]);
  const headers =
    lang === 'nb'
      ? ['Virkemiddel', 'År', 'Ramme', 'Finansiering', 'Kilde', 'Merknad']
      : ['Instrument', 'Year', 'Frame', 'Funding', 'Source', 'Note'];
  let out = renderTable(headers, rows, ['left', 'left', 'right', 'left', 'left', 'left']);
  const totals = [...frameTotalsByYear(plan.frames)].map(([year, total]) => [String(year), formatMoney(total, { lang })]);
  out +=
    '\n' + renderTable(lang === 'nb' ? ['År', 'Sum statlige rammer'] : ['Year', 'Total state frames'], totals, ['left', 'right']);
  return { stdout: out, stderr: warnings, status: 0 };
}

/** `ia-planner reconcile`. */
export async function reconcileCommand(options: CliOptions): Promise<CommandResult> {
  if (options.ledger.length === 0)
    throw new UsageError('reconcile trenger minst én --ledger FIL', 'reconcile needs at least one --ledger FILE');
  if (options.format === 'html') throw htmlOnlyForEvaluate();
  const lang = options.lang;
  const asOf = resolveAsOf(options.asOf);
  const year = options.year === undefined ? null : yearOption(options.year, '--year');
  const bound = boundOf(options);
  const { plan, problems: planProblems, carryOver, warnings: logWarnings } = await loadPlan(options.plan, lang, options.rules);
  if (!plan) return { stdout: '', stderr: problemLines(planProblems, 'errors', bound), status: 1 };
  // Summed while reading: a ledger of a million lines is never held in memory.
  const totals = new SpendingTotals(asOf);
  const loaded = await loadLedgers(plan, options.ledger, { skipInvalid: options.skipInvalid, lang, asOf }, totals);
  const result = loaded.rejected ? null : reconcileTotals(plan, totals);
  // §9: appropriations beside the frames and the accounts, when the history is given.
  let posts: PostComparison[] | null = null;
  let lapses: string[] = [];
  let unruled: string[] = [];
  if (options.appropriations !== undefined) {
    const read = readAppropriationsFile(options.appropriations, lang);
    if (read.problems.length > 0) {
      return { stdout: '', stderr: problemLines(read.problems, 'errors', bound), status: 1 };
    }
    // The state's carry-over rules where they are known (post 01: 5 %); by year of origin as of the report date (issue 12).
    const { kept } = appropriationsOfPlan(plan, read.appropriations);
    posts = comparePosts(plan, kept, totals.postSpent).filter((p) => year === null || p.year === year);
    const origins = appropriationsByOrigin(kept, totals.postSpent, Math.min(LAST_YEAR, yearOfDate(asOf)));
    lapses = lapseWarnings(origins, yearOfDate(asOf), lang);
    unruled = [
      ...new Set(posts.filter((p) => p.transfer === null && p.appropriation !== null).map((p) => postKey(p.chapter, p.post))),
    ];
  }
  const outside = loaded.reports.map((r) => ({
    file: r.file,
    lines: r.outside.lines,
    amount: Money.fromMilli(r.outside.amount),
  }));
  const unallocated = (result?.unallocated ?? []).filter((u) => year === null || u.year === year);
  const inYear = (r: { from: number; to: number }) => year === null || (year >= r.from && year <= r.to);
  const rows = (result?.rows ?? []).filter(inYear);
  // Carried amounts come from the year before, so they are computed over every row, then filtered.
  const rowsJson = rowsToJsonWithCarryOver(result?.rows ?? [], carryOver).filter((j) =>
    inYear(j as { from: number; to: number }),
  );
  // Errors, then warnings (the log's, then the ledger's), each kind under the bound.
  const stderr =
    problemLines(loaded.problems, 'errors', bound) + problemLines([...logWarnings, ...loaded.warnings], 'warnings', bound);
  const status = loaded.rejected ? 1 : 0;
  if (options.format === 'json') {
    const json = {
      asOf,
      rows: rowsJson,
      unframed: (result?.unframed ?? []).map((u) => ({
        instrument: u.instrument,
        year: u.year,
        spent: u.spent.toFixed2(),
        committed: u.committed.toFixed2(),
        lines: u.lines,
      })),
      unallocated: unallocated.map(unallocatedToJson),
      ...(posts === null ? {} : { posts: posts.map(postComparisonToJson), lapses }),
      ...problemsJson(loaded.problems, loaded.warnings, bound),
      duplicates: loaded.rejected ? 0 : loaded.ledger.duplicates,
      imported: loaded.rejected ? 0 : loaded.ledger.imported,
      outside: loaded.rejected ? [] : outside.map((o) => ({ file: o.file, lines: o.lines, amount: o.amount.toFixed2() })),
    };
    return { stdout: JSON.stringify(json, null, 2) + '\n', stderr, status };
  }
  if (loaded.rejected) {
    // Advice to skip invalid lines only where lines were invalid, not a file refused whole.
    const wholeFile = loaded.problems.some(refusesWholeFile);
    const note =
      lang === 'nb'
        ? `Forbruket ble avvist: ${countText(loaded.problems.length, lang)} feil. Ingenting er importert. ${wholeFile ? 'Rett feilene: de gjelder hele filen, så --skip-invalid hjelper ikke.' : 'Rett feilene, eller bruk --skip-invalid for å ta med bare de gyldige linjene.'}\n`
        : `The ledger was rejected: ${countText(loaded.problems.length, lang)} errors. Nothing was imported. ${wholeFile ? 'Fix them: they concern the whole file, so --skip-invalid does not help.' : 'Fix them, or use --skip-invalid to keep only the valid lines.'}\n`;
    return { stdout: '', stderr: stderr + note, status: 1 };
  }
  if (options.format === 'csv') {
    const head = [
      'instrument',
      'from',
      'to',
      'funding',
      'frame',
      'spent',
      'committed',
      'openCommitments',
      'remaining',
      'utilisation',
      'source',
      'flags',
    ];
    const body = rows.map((r, i) => {
      const j = rowsJson[i]!;
      return head.map((k) => csvField(k === 'flags' ? r.flags.join(' ') : j[k] === null ? '' : String(j[k]))).join(',');
    });
    return { stdout: [head.join(','), ...body].join('\n') + '\n', stderr, status };
  }
  return {
    stdout:
      reconcileTable(plan, rows, result!.unframed, asOf, loaded.ledger.imported, loaded.ledger.duplicates, lang) +
      placementText(plan, unallocated, outside, lang) +
      (posts === null ? '' : postsTable(posts, lang) + lapseText(lapses, unruled, lang)),
    stderr,
    status,
  };
}

/** What lapses at the end of the report date's year, and the posts whose carry-over rule is not known (issue 12). */
function lapseText(lapses: readonly string[], unruled: readonly string[], lang: Lang): string {
  let out = '';
  if (lapses.length > 0) out += `\n${t(lang, 'lapseCaption')}\n${lapses.map((l) => `• ${l}\n`).join('')}`;
  if (unruled.length > 0) out += `\n${t(lang, 'transferRuleNotSet', { posts: listWords(unruled, lang) })}\n`;
  return out;
}

/** What the rules did not place, and what lay outside the plan, in words (CONTRACTS §7, §8). */
function placementText(
  plan: Plan,
  unallocated: readonly UnallocatedSpending[],
  outside: readonly { file: string; lines: number; amount: Money }[],
  lang: Lang,
): string {
  let out = '';
  if (unallocated.length > 0) {
    out += `\n${t(lang, 'unallocatedCaption')}\n`;
    for (const u of unallocated) {
      out += `• ${t(lang, 'unallocatedLine', {
        post: u.chapter === null || u.post === null ? '–' : postKey(u.chapter, u.post),
        year: u.year,
        amount: formatMoney(u.amount, { lang }),
        kind: kindWord(u.kind, lang),
        count: u.lines,
        instruments: listWords(
          u.instruments.map((i) => nameOf(plan, i, lang)),
          lang,
        ),
      })}\n`;
    }
  }
  const counted = outside.filter((o) => o.lines > 0);
  if (counted.length > 0) {
    out += '\n';
    for (const o of counted) {
      out += `${t(lang, 'outsideLine', { file: o.file, count: o.lines, amount: formatMoney(o.amount, { lang }) })}\n`;
    }
  }
  return out;
}

/** The §9 comparison per post and year: a table, then the differences in words. */
function postsTable(posts: readonly PostComparison[], lang: Lang): string {
  if (posts.length === 0) return `\n${t(lang, 'postsNone')}\n`;
  const headers = [
    'colPost',
    'colYear',
    'colEnacted',
    'colChanges',
    'colCarriedIn',
    'colAppropriation',
    'colSpentPost',
    'colFrames',
    'colRemainingPost',
  ].map((k) => t(lang, k as TextKey));
  const money = (m: Money | null) => (m === null ? '–' : formatMoney(m, { lang }));
  const body = posts.map((p) => [
    postKey(p.chapter, p.post),
    String(p.year),
    money(p.enacted),
    money(p.changes),
    money(p.carriedIn),
    money(p.appropriation),
    money(p.spent),
    money(p.frames),
    money(p.remaining),
  ]);
  let out = `\n${t(lang, 'postsCaption')}\n`;
  out += renderTable(headers, body, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']);
  let post = '';
  for (const p of posts) {
    const key = postKey(p.chapter, p.post);
    if (key !== post) {
      post = key;
      out += `\n${key}:\n`;
    }
    out += `• ${postYearText(p, lang)}\n`;
  }
  return out;
}

function reconcileTable(
  plan: Plan,
  rows: readonly ReconciliationRow[],
  unframed: Reconciliation['unframed'],
  asOf: IsoDate,
  imported: number,
  duplicates: number,
  lang: Lang,
): string {
  const nb = lang === 'nb';
  const headers = nb
    ? ['Virkemiddel', 'År', 'Ramme', 'Utbetalt', 'Åpne tilsagn', 'Gjenstår', 'Utnyttelse', 'Merknader']
    : ['Instrument', 'Year', 'Frame', 'Spent', 'Open commitments', 'Remaining', 'Utilisation', 'Flags'];
  const body = rows.map((r) => [
    nameOf(plan, r.instrument, lang),
    yearSpan(r.from, r.to),
    frameMoney(r.frame, lang),
    formatMoney(r.spent, { lang }),
    formatMoney(r.openCommitments, { lang }),
    r.remaining === null ? '–' : formatMoney(r.remaining, { lang }),
    formatPercent(r.utilisation, lang),
    flagsInWords(r.flags, lang),
  ]);
  let out = nb
    ? `Avstemming per ${dateText(asOf, lang)}: ${imported} linjer importert, ${duplicates} duplikater utelatt.\n\n`
    : `Reconciliation as of ${asOf}: ${imported} lines imported, ${duplicates} duplicates left out.\n\n`;
  out += renderTable(headers, body, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left']);
  // The year totals by the engine's one rule (yearTotals: state frames, a pool in its first year).
  const totals = yearTotals(rows).map((y) => [
    String(y.year),
    formatMoney(y.frames, { lang }),
    formatMoney(y.spent, { lang }),
    formatMoney(y.openCommitments, { lang }),
    formatMoney(y.remaining, { lang }),
  ]);
  out +=
    '\n' +
    renderTable(
      nb
        ? ['År', 'Sum rammer', 'Sum utbetalt', 'Sum åpne tilsagn', 'Sum gjenstår']
        : ['Year', 'Total frames', 'Total spent', 'Total open', 'Total remaining'],
      totals,
      ['left', 'right', 'right', 'right', 'right'],
    );
  if (unframed.length > 0) {
    out += '\n' + (nb ? 'Forbruk uten ramme i planen:\n' : 'Spending without a frame in the plan:\n');
    out += renderTable(
      nb ? ['Virkemiddel', 'År', 'Utbetalt', 'Tilsagn', 'Linjer'] : ['Instrument', 'Year', 'Spent', 'Committed', 'Lines'],
      unframed.map((u) => [
        nameOf(plan, u.instrument, lang),
        String(u.year),
        formatMoney(u.spent, { lang }),
        formatMoney(u.committed, { lang }),
        String(u.lines),
      ]),
      ['left', 'left', 'right', 'right', 'right'],
    );
  }
  return out;
}
