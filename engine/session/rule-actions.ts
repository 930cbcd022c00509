/**
 * Typing the shares of a split (CONTRACTS §8) from a host: the task pane's Avstemming lists money a
 * rule could not place because its shares are `?`, and the user types each instrument's share
 * there. The one place that checks and applies them, so the pane refuses exactly what reading the
 * `Konteringsregler` table would refuse (the same parse, the same `shareFaults`, the same codes).
 */
import { appendEntry } from '../audit/log.js';
import type { LedgerLine } from '../ledger/line.js';
import { LinePlacer } from '../ledger/placement.js';
import { problem, type Lang, type Problem } from '../messages/problems.js';
import { instrumentWords } from '../messages/governance.js';
import type { InstrumentId } from '../plan/instruments.js';
import { postKey } from '../plan/plan.js';
import type { ChangeContext } from '../plan/versions.js';
import { conditionKey, parseRuleShare, ruleShareText, rulesOf, shareFaults, type MappingRule } from '../plan/rules.js';
import { KONTERINGSREGLER } from '../workbook/tables/layout.js';
import type { CellValue } from '../workbook/port/port.js';
import { readRulesTable } from '../workbook/read/read-rules.js';
import { konteringsreglerTable } from '../workbook/write/build.js';
import type { PlanningState } from './planning-state.js';

/** One instrument's share as the user typed it (`0,6`, `60 %`, `?`). */
export interface TypedShare {
  readonly instrument: InstrumentId;
  readonly text: string;
}

/** Which split: the rules on a chapter and post that set no other condition but years, covering `year`. */
export interface SplitTarget {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
}

export type ShareChange =
  | { readonly ok: true; readonly state: PlanningState; readonly rules: readonly MappingRule[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** The sheet row of the table's `index`th rule (its header on the origin's row). */
function ruleRow(index: number): number {
  return KONTERINGSREGLER.origin.row + 1 + index;
}

/** Whether a rule is one of the post's plain split (chapter, post and at most years set), covering the year. */
function inSplit(r: MappingRule, target: SplitTarget): boolean {
  return (
    r.chapter === target.chapter &&
    r.post === target.post &&
    r.account === null &&
    r.dimension === null &&
    r.organisation === null &&
    (r.fromYear === null || r.fromYear <= target.year) &&
    (r.toYear === null || r.toYear >= target.year)
  );
}

/** The split's shares in words for the log: `Ekspertbistand ?, Kompetansetiltak ?`. */
function splitWords(rules: readonly MappingRule[], lang: Lang, instruments: Parameters<typeof instrumentWords>[2]): string {
  return rules.map((r) => `${instrumentWords(r.instrument, lang, instruments)} ${ruleShareText(r.share) || '1'}`).join(', ');
}

/**
 * Sets the shares of the split on `target` (every rule of it, by instrument) and returns the state
 * with the plan's rules as the `Konteringsregler` table will hold them (rows numbered as written),
 * with the change in the log. Refused, changing nothing, when a share cannot be read, when an
 * instrument is not one of the split's, or when the split's shares would not add up to exactly 1
 * (or `?` on all). The split keeps its rules' years: the shares hold for every year it covers.
 */
export function setSplitShares(
  state: PlanningState,
  target: SplitTarget,
  shares: readonly TypedShare[],
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): ShareChange {
  const rules = rulesOf(state.plan).map((r, i) => ({ ...r, row: ruleRow(i) }));
  const split = rules.filter((r) => inSplit(r, target));
  const key = split[0] === undefined ? null : conditionKey(split[0]);
  const members = split.filter((r) => conditionKey(r) === key);
  const at = (row: number | null, value: string) => ({ file, sheet: KONTERINGSREGLER.sheet, line: row, column: 'Andel', value });
  const problems: Problem[] = [];
  if (members.length === 0) {
    const value = `${postKey(target.chapter, target.post)} ${target.year}`;
    return { ok: false, problems: [problem('no_split', { ...at(null, value), column: null }, lang)] };
  }
  const byInstrument = new Map(members.map((r) => [r.instrument, r]));
  const typed = new Map<InstrumentId, MappingRule['share']>();
  for (const s of shares) {
    const r = byInstrument.get(s.instrument);
    if (r === undefined) {
      problems.push(problem('unknown_instrument', { ...at(null, s.instrument), column: 'Virkemiddel' }, lang));
      continue;
    }
    const share = parseRuleShare(s.text);
    if (share === null) problems.push(problem('bad_rule_share', at(r.row, s.text), lang));
    else typed.set(s.instrument, share);
  }
  if (problems.length > 0) return { ok: false, problems };
  // A closed year's money stays placed as it was closed: the shares hold from the year after the
  // last closed year the split covers (the split is cut in two there), and a closed year is refused.
  const covers = (r: MappingRule, year: number) => (r.fromYear ?? -Infinity) <= year && year <= (r.toYear ?? Infinity);
  const closed = state.governance.closedYears.map((c) => c.year).filter((year) => covers(members[0]!, year));
  const lastClosed = closed.length === 0 ? null : Math.max(...closed);
  if (lastClosed !== null && target.year <= lastClosed) {
    return {
      ok: false,
      problems: [problem('year_closed', { ...at(members[0]!.row, String(target.year)), column: 'Fra år' }, lang)],
    };
  }
  const typedRule = (r: MappingRule): MappingRule => ({
    ...r,
    ...(lastClosed === null ? {} : { fromYear: lastClosed + 1 }),
    share: typed.get(r.instrument) ?? r.share,
  });
  const kept = (r: MappingRule): MappingRule[] => (lastClosed === null ? [] : [{ ...r, toYear: lastClosed }]);
  const last = members[members.length - 1]!;
  const changed = rules
    .flatMap((r) => {
      if (!members.includes(r)) return [r];
      if (lastClosed === null) return [typedRule(r)];
      return r === last ? [...members.flatMap(kept), ...members.map(typedRule)] : [];
    })
    .map((r, i) => ({ ...r, row: ruleRow(i) }));
  const after = changed.filter((r) => inSplit(r, target) && conditionKey(r) === conditionKey(typedRule(members[0]!)));
  const fault = shareFaults(after)[0];
  if (fault !== undefined) {
    const place = at(fault.rows[0]!, fault.sum);
    return { ok: false, problems: [problem('rule_shares', place, lang, { rows: fault.rows.join(', ') })] };
  }
  const instruments = state.plan.instruments;
  const log = appendEntry(
    state.log,
    {
      at: context.at,
      who: context.who,
      action: 'rules_changed',
      target: postKey(target.chapter, target.post),
      before: splitWords(members, lang, instruments),
      after: splitWords(after, lang, instruments),
      why: context.why,
    },
    state.logKey ?? null,
  );
  return placedAgain(state, changed, log, file, lang);
}

/**
 * The state under new rules, with the lines kept unallocated placed again by them (a placed line
 * keeps its instrument); a line the new rules cannot place unambiguously refuses the change.
 */
function placedAgain(
  state: PlanningState,
  rules: readonly MappingRule[],
  log: PlanningState['log'],
  file: string,
  lang: Lang,
): ShareChange {
  const plan = { ...state.plan, rules };
  const placer = new LinePlacer(plan);
  const lines: LedgerLine[] = [];
  for (const line of state.lines) {
    if (line.instrument !== null) {
      lines.push(line);
      continue;
    }
    const where = { file, sheet: 'Forbruk', column: 'Post', value: postKey(line.chapter ?? 0, line.post ?? 0) };
    const placed = placer.place(line, where, lang);
    if (placed.kind === 'problem') return { ok: false, problems: [placed.problem] };
    if (placed.kind === 'lines') lines.push(...placed.lines);
    else lines.push(line);
  }
  return { ok: true, state: { ...state, plan, lines, log }, rules };
}

/** The columns of `Konteringsregler` a user types a rule in. */
export const RULE_COLUMNS = [
  'Kapittel',
  'Post',
  'Konto',
  'Dimensjon',
  'Virksomhet',
  'Fra år',
  'Til år',
  'Virkemiddel',
  'Andel',
] as const;

/** A rule as a user types it in a host: a text per `Konteringsregler` column (empty or left out: no condition). */
export type TypedRule = Readonly<Partial<Record<(typeof RULE_COLUMNS)[number], string>>>;

/** A rule's conditions in words: `2650.76, konto 874*, 2025–2028`. */
export function ruleConditionWords(r: MappingRule, lang: Lang): string {
  const parts: string[] = [];
  if (r.chapter !== null && r.post !== null) parts.push(postKey(r.chapter, r.post));
  else if (r.chapter !== null) parts.push(`${lang === 'nb' ? 'kapittel' : 'chapter'} ${r.chapter}`);
  else if (r.post !== null) parts.push(`post ${r.post}`);
  if (r.account !== null) parts.push(`${lang === 'nb' ? 'konto' : 'account'} ${r.account}`);
  if (r.dimension !== null) parts.push(`${r.dimension.type}=${r.dimension.id}`);
  if (r.organisation !== null) parts.push(`${lang === 'nb' ? 'virksomhet' : 'organisation'} ${r.organisation}`);
  if (r.fromYear !== null || r.toYear !== null) parts.push(`${r.fromYear ?? '…'}–${r.toYear ?? '…'}`);
  return parts.join(', ');
}

/** A rule in words for the log and a notice: `2650.76, 2025–…: Nytt tilskudd til ekspertbistand 60 %`. */
export function mappingRuleWords(r: MappingRule, lang: Lang, instruments: Parameters<typeof instrumentWords>[2]): string {
  const share = ruleShareText(r.share);
  return `${ruleConditionWords(r, lang)}: ${instrumentWords(r.instrument, lang, instruments)}${share ? ` ${share}` : ''}`;
}

/**
 * Adds a mapping rule typed in a host to the end of `Konteringsregler`, read exactly as the table
 * is read (`readRulesTable` over the table with the new row: the same parse, the same share check,
 * the problems naming the new row), and places the unallocated lines again. A rule that sets no
 * condition is refused (it would take every line). A closed year's money stays as it was closed:
 * the rule starts after the last closed year (and is refused when it would end before it).
 */
export function addMappingRule(
  state: PlanningState,
  typed: TypedRule,
  context: ChangeContext,
  file: string,
  lang: Lang = 'nb',
): ShareChange {
  const table = konteringsreglerTable(state.plan);
  const header = KONTERINGSREGLER.columns.map((c) => c.name);
  const newRow = header.map((name) => {
    const text = (typed[name as keyof TypedRule] ?? '').trim();
    return text === '' ? null : text;
  });
  const rows = [...table.rows.map((r) => r as CellValue[]), newRow];
  const read = { sheet: KONTERINGSREGLER.sheet, table: KONTERINGSREGLER.table, header, rows, firstRow: ruleRow(0) };
  const line = ruleRow(rows.length - 1);
  const at = (column: string | null, value: string | null) => ({ file, sheet: KONTERINGSREGLER.sheet, line, column, value });
  const reading = readRulesTable(read, file, lang);
  if (!reading.ok) return { ok: false, problems: reading.problems };
  const added = reading.rules.at(-1)!;
  if (
    added.chapter === null &&
    added.post === null &&
    added.account === null &&
    added.dimension === null &&
    added.organisation === null
  )
    return { ok: false, problems: [problem('rule_without_condition', at(null, null), lang)] };
  const closed = state.governance.closedYears.map((c) => c.year);
  const lastClosed = closed.length === 0 ? null : Math.max(...closed);
  let rule = added;
  if (lastClosed !== null && (added.fromYear ?? -Infinity) <= lastClosed) {
    if (added.toYear !== null && added.toYear <= lastClosed)
      return { ok: false, problems: [problem('year_closed', at('Til år', String(added.toYear)), lang)] };
    rule = { ...added, fromYear: lastClosed + 1 };
  }
  const rules = [...reading.rules.slice(0, -1), rule];
  const fault = shareFaults(rules)[0];
  if (fault !== undefined) {
    const place = { ...at('Andel', fault.sum), line: fault.rows[0]! };
    return { ok: false, problems: [problem('rule_shares', place, lang, { rows: fault.rows.join(', ') })] };
  }
  const words = mappingRuleWords(rule, lang, state.plan.instruments);
  const log = appendEntry(
    state.log,
    {
      at: context.at,
      who: context.who,
      action: 'rules_changed',
      target: ruleConditionWords(rule, lang),
      before: '',
      after: words,
      why: context.why,
    },
    state.logKey ?? null,
  );
  return placedAgain(state, rules, log, file, lang);
}
