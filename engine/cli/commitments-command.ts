/**
 * `ia-planner commitments --year Y` (issue 12): the commitments register of the engine
 * (`commitmentRegister`) for the ledger files, with the authorisations of `--authorisations
 * FILE.csv` beside it; `--older-than MONTHS` (default 12) flags what is open for longer.
 */
import {
  commitmentRegister,
  dueLabel,
  dueText,
  formatMoney,
  instrumentWords,
  postKey,
  Ledger,
  type Authorisation,
  type Problem,
  type CommitmentFigures,
  type CommitmentRegister,
  type DueAmount,
  type IsoDate,
  type Lang,
  type Money,
} from '../index.js';
import { t, type TextKey } from '../messages/ui.js';
import { boundOf, UsageError, yearOption, type CliOptions } from './args.js';
import { csvField } from '../ledger/csv.js';
import { dateText, problemLines, problemsJson, type CommandResult } from './commands.js';
import { loadLedgers, readAuthorisationsFile, readRulesFile, resolveAsOf } from './io.js';
import { embeddedState, isWorkbook, loadWorkbook } from './planning-io.js';
import { renderTable } from './text-table.js';

const money = (m: Money) => m.toFixed2();

function dueJson(due: readonly DueAmount[]) {
  return due.map((d) => ({ year: d.year, amount: money(d.amount) }));
}

function figuresJson(f: CommitmentFigures) {
  return {
    openAtStart: money(f.openAtStart),
    newInYear: money(f.newInYear),
    disbursed: money(f.disbursed),
    cancelled: money(f.cancelled),
    openAtEnd: money(f.openAtEnd),
    dueByYear: dueJson(f.dueByYear),
    overSettled: f.overSettled,
  };
}

/** The register as CONTRACTS §4-style JSON: English field names, amounts as exact decimal strings. */
export function registerToJson(r: CommitmentRegister) {
  return {
    year: r.year,
    asOf: r.asOf,
    followUpMonths: r.followUpMonths,
    byInstrument: r.byInstrument.map((g) => ({ instrument: g.instrument, ...figuresJson(g) })),
    byPost: r.byPost.map((g) => ({ chapter: g.chapter, post: g.post, ...figuresJson(g) })),
    authorisations: r.authorisations.map((a) => ({
      chapter: a.chapter,
      post: a.post,
      year: a.year,
      authorisation: money(a.authorisation),
      used: money(a.used),
      unknownDue: money(a.unknownDue),
      left: money(a.left),
      exceeded: a.exceeded,
    })),
    open: r.open.map((o) => ({
      voucher: o.voucher,
      date: o.date,
      year: o.year,
      instrument: o.instrument,
      chapter: o.chapter,
      post: o.post,
      recipient: o.recipient,
      caseNumber: o.caseNumber,
      amount: money(o.amount),
      settled: money(o.settled),
      open: money(o.open),
      ageMonths: o.ageMonths,
      followUp: o.followUp,
      dueByYear: dueJson(o.dueByYear),
    })),
  };
}

/** The due years a table shows as columns: every year with open money in any group, in order. */
function dueYears(groups: readonly CommitmentFigures[]): (number | null)[] {
  const years = new Set<number | null>();
  for (const g of groups) for (const d of g.dueByYear) years.add(d.year);
  return [...years].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
}

function figuresTable(rows: readonly { name: string; f: CommitmentFigures }[], year: number, lang: Lang): string {
  const years = dueYears(rows.map((r) => r.f));
  const headers = [
    '',
    ...(['colOpenAtStart', 'colNewInYear', 'colDisbursed', 'colCancelled', 'colOpenAtEnd'] as const).map((k) => t(lang, k)),
    ...years.map((y) => dueLabel(y, year, lang)),
  ];
  const kr = (m: Money) => formatMoney(m, { lang });
  const body = rows.map(({ name, f }) => [
    f.overSettled ? `${name} (${t(lang, 'overSettledShort')})` : name,
    kr(f.openAtStart),
    kr(f.newInYear),
    kr(f.disbursed),
    kr(f.cancelled),
    kr(f.openAtEnd),
    ...years.map((y) => {
      const d = f.dueByYear.find((x) => x.year === y);
      return d ? kr(d.amount) : '';
    }),
  ]);
  return renderTable(
    headers,
    body,
    headers.map((_, i) => (i === 0 ? 'left' : 'right')),
  );
}

/** The register for people at a terminal, every word from the catalogue. */
export function registerTable(r: CommitmentRegister, instruments: Parameters<typeof instrumentWords>[2], lang: Lang): string {
  const name = (id: string | null) => (id === null ? t(lang, 'notPlaced') : instrumentWords(id, lang, instruments));
  const post = (c: number | null, p: number | null) => (c === null || p === null ? t(lang, 'noPost') : postKey(c, p));
  const kr = (m: Money) => formatMoney(m, { lang });
  let out = `${t(lang, 'commitmentsTitle', { year: r.year, asOf: dateText(r.asOf, lang) })}\n\n`;
  if (r.byInstrument.length === 0) return out + `${t(lang, 'commitmentsNone')}\n`;
  out += `${t(lang, 'commitmentsByInstrument')}\n`;
  out += figuresTable(
    r.byInstrument.map((g) => ({ name: name(g.instrument), f: g })),
    r.year,
    lang,
  );
  out += `\n${t(lang, 'commitmentsByPost')}\n`;
  out += figuresTable(
    r.byPost.map((g) => ({ name: post(g.chapter, g.post), f: g })),
    r.year,
    lang,
  );
  if (r.authorisations.length > 0) {
    out += `\n${t(lang, 'authorisationsCaption', { year: r.year })}\n`;
    const headers = (['colPost', 'colAuthorisation', 'colUsed', 'colUnknownDue', 'colLeft', 'colNote'] as TextKey[]).map((k) =>
      t(lang, k),
    );
    out += renderTable(
      headers,
      r.authorisations.map((a) => [
        postKey(a.chapter, a.post),
        kr(a.authorisation),
        kr(a.used),
        kr(a.unknownDue),
        kr(a.left),
        a.exceeded ? t(lang, 'authorisationExceeded') : '',
      ]),
      ['left', 'right', 'right', 'right', 'right', 'left'],
    );
  }
  out += `\n${t(lang, 'openCommitmentsCaption', { months: r.followUpMonths })}\n`;
  if (r.open.length === 0) return out + `${t(lang, 'openCommitmentsNone')}\n`;
  const headers = (
    [
      'colVoucher',
      'colDate',
      'colInstrument',
      'colPost',
      'colRecipient',
      'colCase',
      'colAmount',
      'colSettled',
      'colOpen',
      'colAge',
      'colDue',
      'colNote',
    ] as TextKey[]
  ).map((k) => t(lang, k));
  out += renderTable(
    headers,
    r.open.map((o) => [
      o.voucher,
      dateText(o.date, lang),
      name(o.instrument),
      post(o.chapter, o.post),
      o.recipient ?? '',
      o.caseNumber ?? '',
      kr(o.amount),
      kr(o.settled),
      kr(o.open),
      t(lang, 'ageMonths', { months: o.ageMonths }),
      dueText(o.dueByYear, lang),
      o.followUp ? t(lang, 'followUp') : '',
    ]),
    ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left'],
  );
  return out;
}

/** The register as CSV: one row per instrument and per post (`level`), due amounts as `year:amount` pairs. */
function registerCsv(r: CommitmentRegister): string {
  const head = [
    'level',
    'instrument',
    'chapter',
    'post',
    'openAtStart',
    'newInYear',
    'disbursed',
    'cancelled',
    'openAtEnd',
    'dueByYear',
    'overSettled',
  ];
  const due = (f: CommitmentFigures) => f.dueByYear.map((d) => `${d.year ?? 'unknown'}:${money(d.amount)}`).join(' ');
  const row = (level: string, instrument: string, chapter: string, post: string, f: CommitmentFigures) =>
    [
      level,
      instrument,
      chapter,
      post,
      money(f.openAtStart),
      money(f.newInYear),
      money(f.disbursed),
      money(f.cancelled),
      money(f.openAtEnd),
      due(f),
      String(f.overSettled),
    ]
      .map((v) => csvField(v))
      .join(',');
  return (
    [
      head.join(','),
      ...r.byInstrument.map((g) => row('instrument', g.instrument ?? '', '', '', g)),
      ...r.byPost.map((g) =>
        row('post', '', g.chapter === null ? '' : String(g.chapter), g.post === null ? '' : String(g.post), g),
      ),
    ].join('\n') + '\n'
  );
}

export async function commitmentsCommand(options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  if (options.year === undefined) throw new UsageError('commitments trenger --year ÅÅÅÅ', 'commitments needs --year YYYY');
  if (options.ledger.length === 0 && options.plan === undefined)
    throw new UsageError(
      'commitments trenger --plan FIL.xlsx eller minst én --ledger FIL',
      'commitments needs --plan FILE.xlsx or at least one --ledger FILE',
    );
  if (options.format === 'html')
    throw new UsageError('--format html gjelder bare evaluate', '--format html is for evaluate only');
  const year = yearOption(options.year, '--year');
  const followUpMonths = options.olderThan ?? 12;
  const bound = boundOf(options);
  const refuse = (problems: readonly Problem[]): CommandResult => ({
    stdout: '',
    stderr: problemLines([...problems], 'errors', bound),
    status: 1,
  });
  // The workbook's plan, Forbruk and Tilsagnsfullmakter (--plan), or the embedded plan; --ledger files are added to its lines.
  let state = embeddedState();
  let planFile: string | null = null;
  if (options.plan !== undefined) {
    const loaded = await loadWorkbook(options.plan, lang);
    if (!isWorkbook(loaded)) return refuse([loaded]);
    if (!loaded.reading.state) return refuse(loaded.reading.problems);
    state = loaded.reading.state;
    planFile = loaded.file;
  }
  if (options.rules !== undefined) {
    const rules = readRulesFile(options.rules, lang);
    if (!rules.ok) return refuse(rules.problems);
    state = { ...state, plan: { ...state.plan, rules: rules.rules } };
  }
  let authorisations: readonly Authorisation[] = state.authorisations ?? [];
  if (options.authorisations !== undefined) {
    const read = readAuthorisationsFile(options.authorisations, lang);
    if (read.problems.length > 0) return refuse(read.problems);
    authorisations = read.authorisations;
  }
  const asOf = resolveAsOf(options.asOf) as IsoDate;
  const ledger = new Ledger(state.plan);
  if (planFile !== null && state.lines.length > 0) ledger.addLines(planFile, state.lines, lang);
  const loaded = await loadLedgers(
    state.plan,
    options.ledger,
    { skipInvalid: options.skipInvalid, lang, asOf },
    undefined,
    ledger,
  );
  const stderr = problemLines(loaded.problems, 'errors', bound) + problemLines(loaded.warnings, 'warnings', bound);
  if (loaded.rejected) return { stdout: '', stderr, status: 1 };
  const register = commitmentRegister(loaded.ledger.lines, year, { asOf, authorisations, followUpMonths });
  if (options.format === 'json') {
    const json = { ...registerToJson(register), ...problemsJson(loaded.problems, loaded.warnings, bound) };
    return { stdout: JSON.stringify(json, null, 2) + '\n', stderr, status: 0 };
  }
  if (options.format === 'csv') return { stdout: registerCsv(register), stderr, status: 0 };
  return { stdout: registerTable(register, state.plan.instruments, lang), stderr, status: 0 };
}
