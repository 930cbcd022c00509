/**
 * `ia-planner version new|submit|approve|compare`: plan versions in the planning workbook. A new
 * version is made from any version (default: the one in use) and becomes the version `Rammer`
 * holds; the one before keeps its frames in `Versjonsrammer`. `submit` and `approve` move a
 * version draft → submitted → approved (an approved version is read-only). `compare` is read-only
 * and lists two versions frame by frame with the amounts in each and the difference.
 */
import {
  compareVersionsInState,
  csvField,
  formatMoney,
  newVersionInState,
  noticeText,
  setVersionStatusInState,
  type FrameDifference,
  type Lang,
  type Money,
  type Plan,
  type PlanVersion,
  type VersionKind,
  versionWords,
} from '../index.js';
import { t } from '../messages/ui.js';
import { boundOf, UsageError, type CliOptions } from './args.js';
import { htmlOnlyForEvaluate, problemLines, type CommandResult } from './commands.js';
import { renderTable } from './text-table.js';
import { need, readState, runWorkbookChange } from './write-change.js';

/** The subcommands of `version`. */
export const VERSION_SUBCOMMANDS = ['new', 'submit', 'approve', 'compare'] as const;

/** One subcommand of `version`. */
export type VersionSubcommand = (typeof VERSION_SUBCOMMANDS)[number];

const KINDS: Readonly<Record<string, VersionKind>> = {
  vedlegg: 'appendix',
  appendix: 'appendix',
  forlengelse: 'prolongation',
  prolongation: 'prolongation',
  budsjettrunde: 'budget_round',
  budget_round: 'budget_round',
  annet: 'other',
  other: 'other',
};

function kindOf(text: string | undefined): VersionKind {
  if (text === undefined) return 'budget_round';
  const kind = KINDS[text.trim().toLowerCase()];
  if (!kind)
    throw new UsageError(
      `--type må være budsjettrunde, vedlegg, forlengelse eller annet, ikke «${text}»`,
      `--type must be budsjettrunde, vedlegg, forlengelse or annet (budget round, appendix, prolongation, other), not “${text}”`,
    );
  return kind;
}

function noFormat(command: string, options: CliOptions): void {
  if (options.format !== 'table') throw new UsageError(`${command} tar ikke --format`, `${command} takes no --format`);
}

/** Runs `version SUBCOMMAND`. */
export async function versionCommand(sub: VersionSubcommand, options: CliOptions): Promise<CommandResult> {
  const command = `version ${sub}`;
  const lang = options.lang;
  const path = need(options.plan, '--plan FIL.xlsx', command, '--plan FILE.xlsx');
  if (sub === 'compare') return compareCommand(path, options);
  noFormat(command, options);
  need(options.reason, '--reason TEKST', command, '--reason TEXT');
  if (sub === 'new') {
    const name = need(options.name, '--name NAVN', command, '--name NAME');
    const kind = kindOf(options.type);
    const id = options.id?.trim();
    if (id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new UsageError(
        `--id må være små bokstaver a–z, sifre og bindestrek, ikke «${options.id}»`,
        `--id must be lower-case letters a–z, digits and hyphens, not “${options.id}”`,
      );
    const from = options.from?.trim();
    const meta = { name, kind, ...(id ? { id } : {}), ...(from ? { from } : {}) };
    return runWorkbookChange(path, options, command, (state, context, file) => ({
      result: newVersionInState(state, meta, context, file, lang),
    }));
  }
  const id = need(options.version, '--version VERSJON', command, '--version VERSION');
  const to = sub === 'submit' ? 'submitted' : 'approved';
  return runWorkbookChange(path, options, command, (state, context, file) => ({
    result: setVersionStatusInState(state, id, to, context, file, lang),
  }));
}

function instrumentName(plan: Plan, id: string, lang: Lang): string {
  const instrument = plan.instruments.find((i) => i.id === id);
  return instrument ? (lang === 'nb' ? instrument.name : instrument.nameEn) : id;
}

function plain(amount: Money | null): string | null {
  return amount === null ? null : amount.toFixed2();
}

/** The JSON form of a comparison: both versions and every frame with the amount in each. */
export function comparisonJson(a: PlanVersion, b: PlanVersion, differences: readonly FrameDifference[]): Record<string, unknown> {
  const meta = (v: PlanVersion) => ({ id: v.id, name: v.name, status: v.status });
  return {
    a: meta(a),
    b: meta(b),
    changed: differences.filter((d) => d.change !== 'unchanged').length,
    frames: differences.map((d) => ({
      instrument: d.instrument,
      from: d.from,
      to: d.to,
      a: plain(d.before),
      b: plain(d.after),
      difference: plain(d.difference),
      change: d.change,
    })),
  };
}

async function compareCommand(path: string, options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const idA = need(options.a, '--a VERSJON', 'version compare', '--a VERSION');
  const idB = need(options.b, '--b VERSJON', 'version compare', '--b VERSION');
  if (options.format === 'html') throw htmlOnlyForEvaluate();
  const read = await readState(path, lang);
  if ('status' in read) return read;
  const { state, loaded } = read;
  const bound = boundOf(options);
  // A broken log does not stop a comparison: it is reported as a warning.
  const warnings = problemLines(loaded.reading.logProblems, 'warnings', bound);
  const compared = compareVersionsInState(state, idA, idB, loaded.file, lang);
  if (!compared.ok) return { stdout: '', stderr: warnings + problemLines(compared.problems, 'errors', bound), status: 1 };
  const { a, b, differences } = compared;
  if (options.format === 'json') {
    return { stdout: JSON.stringify(comparisonJson(a, b, differences), null, 2) + '\n', stderr: warnings, status: 0 };
  }
  if (options.format === 'csv') {
    const head = ['instrument', 'from', 'to', 'a', 'b', 'difference', 'change'];
    const body = differences.map((d) =>
      [
        d.instrument,
        String(d.from),
        String(d.to),
        plain(d.before) ?? '',
        plain(d.after) ?? '',
        plain(d.difference) ?? '',
        d.change,
      ]
        .map((v) => csvField(v))
        .join(','),
    );
    return { stdout: [head.join(','), ...body].join('\n') + '\n', stderr: warnings, status: 0 };
  }
  const money = (m: Money | null) => (m === null ? t(lang, 'notSet') : formatMoney(m, { lang }));
  const words: Record<FrameDifference['change'], string> = {
    added: t(lang, 'added'),
    removed: t(lang, 'removed'),
    changed: t(lang, 'changed'),
    unchanged: '',
  };
  const rows = differences.map((d) => [
    instrumentName(state.plan, d.instrument, lang),
    d.from === d.to ? String(d.from) : `${d.from}–${d.to}`,
    money(d.before),
    money(d.after),
    d.difference === null ? '–' : formatMoney(d.difference, { lang }),
    words[d.change],
  ]);
  // The amount columns are headed by the versions as people know them, with the id they type.
  const headers = [
    t(lang, 'instrument'),
    t(lang, 'year'),
    versionWords(a, lang),
    versionWords(b, lang),
    t(lang, 'differenceColumn'),
    t(lang, 'changeColumn'),
  ];
  const changed = differences.filter((d) => d.change !== 'unchanged').length;
  const summary = {
    code: 'versions_compared',
    a: { id: a.id, name: a.name },
    b: { id: b.id, name: b.name },
    changed,
    frames: differences.length,
  } as const;
  const title = `${noticeText(summary, lang, state.plan.instruments)}\n\n`;
  const table = renderTable(headers, rows, ['left', 'left', 'right', 'right', 'right', 'left']);
  return { stdout: title + table, stderr: warnings, status: 0 };
}
