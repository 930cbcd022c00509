/**
 * Appropriations (bevilgninger) beside the frames and the accounts (CONTRACTS §9): DFØ's
 * `bevilgninger_full_historikk.csv` read into enacted budget, changes and carried-in money per
 * chapter, post and year, and set beside what the ledger spent on the post and what the plan's
 * frames give the instruments the rules place on it. One module for every host: the CLI's JSON
 * and table, the workbook's `Bevilgning` sheet and the task pane read these rows.
 */
import { FIRST_YEAR, LAST_YEAR } from '../calendar.js';
import { amountFitsCell, hasControlCharacter, showControlCharacters } from '../excel-limits.js';
import { CsvReader } from '../ledger/csv.js';
import { foldHeader } from '../ledger/columns.js';
import { ChunkDecoder, mixedUtf8Problems, NotUtf8, scanUtf8, type Encoding } from '../ledger/decode.js';
import { formatMoney, Money, parseAmountMilli, type Milli } from '../money.js';
import { t } from '../messages/ui.js';
import { problem, type Lang, type Problem, type ProblemCode } from '../messages/problems.js';
import type { InstrumentId } from '../plan/instruments.js';
import type { Plan } from '../plan/plan.js';
import { rulePosts, rulesOf } from '../plan/rules.js';
import { postSpentKey } from './reconcile.js';

/** What one post was appropriated in one year, in thousandths of a krone. */
export interface Appropriation {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  /** "Saldert budsjett": the budget Stortinget enacted. */
  readonly enacted: Milli;
  /** Every other decision: revised budget, new balancing, "Overføres til …", propositions. */
  readonly changes: Milli;
  /** "Overført fra …": carried in from the year before. */
  readonly carriedIn: Milli;
  /** The rows it was summed from. */
  readonly rows: number;
  /**
   * How long the year's money may be used (issue 12, bevilgningsreglementet): `two_years` for a
   * post marked "kan overføres" (until the end of the second year after), `five_percent` for an
   * operating post 01 (up to 5 % carried into the next year), `none` (lapses at the end of the
   * year); absent when not set (a lapse is then never assumed). Typed in `Bevilgning`'s `Overføring`.
   */
  readonly transfer?: TransferRule;
}

/** The carry-over rules of the state's appropriations (FACTS.md, Governance). */
export type TransferRule = 'two_years' | 'five_percent' | 'none';

const TRANSFER_WORDS: Record<TransferRule, Record<Lang, string>> = {
  two_years: { nb: 'kan overføres', en: 'can be carried' },
  five_percent: { nb: '5 %', en: '5 %' },
  none: { nb: 'ingen', en: 'none' },
};

/** A rule as `Bevilgning` shows it. */
export function transferRuleText(rule: TransferRule, lang: Lang): string {
  return TRANSFER_WORDS[rule][lang];
}

/** A rule as typed (either language, any case, `5%` or `5 %`), or null when it is none of them. */
export function parseTransferRule(text: string): TransferRule | null {
  const folded = foldText(text).replace(/\s+/g, ' ').trim();
  for (const rule of Object.keys(TRANSFER_WORDS) as TransferRule[]) {
    if (Object.values(TRANSFER_WORDS[rule]).some((w) => foldText(w).replace(/\s+/g, ' ') === folded)) return rule;
  }
  return folded === '5%' ? 'five_percent' : null;
}

/** The rule a post has when none is typed: an operating post 01 carries up to 5 % (the state's rule); any other is not known. */
export function defaultTransferRule(post: number): TransferRule | undefined {
  return post === 1 ? 'five_percent' : undefined;
}

/** The appropriations of a file, by `chapter.post:year`, or the problems that refuse it. */
export interface AppropriationsReading {
  readonly appropriations: ReadonlyMap<string, Appropriation>;
  readonly problems: readonly Problem[];
  /** The data rows read (every row is kept, whatever its post). */
  readonly rowsRead: number;
}

/** Folds a decision text for matching: lower case, æ/ø/å as ASCII, spaces collapsed. */
function foldText(text: string): string {
  return foldHeader(text);
}

/** What kind of decision a `Bevilgning` text is (CONTRACTS §9). */
export function decisionKind(text: string): 'enacted' | 'carriedIn' | 'change' {
  const folded = foldText(text);
  if (folded.startsWith('saldert')) return 'enacted';
  if (folded.startsWith('overfort fra')) return 'carriedIn';
  return 'change';
}

const COLUMNS = { year: 'ar', postId: 'post_id', amount: 'bevilgning_belop', text: 'bevilgning' } as const;
type Column = keyof typeof COLUMNS;

/**
 * Whether a file's first line is the header of DFØ's appropriation history (it names `Post_id`
 * and `Bevilgning_beløp`), so a host can tell it from a ledger by its content, whatever its name,
 * encoding (UTF-8, ISO-8859-1, with or without a byte order mark) or the case of its header.
 */
export function isAppropriationsFile(bytes: Uint8Array): boolean {
  let end = bytes.indexOf(0x0a);
  if (end < 0) end = bytes.length;
  let head = '';
  for (let i = 0; i < Math.min(end, 4096); i++) head += String.fromCharCode(bytes[i]! < 0x80 ? bytes[i]! : 0x3f);
  const folded = head.toLowerCase();
  return folded.includes('post_id') && /bevilgning_bel(o|\?+)p/.test(folded);
}

/**
 * The appropriations on the posts the plan's rules name in some year 2019–2028, and how many
 * posts and years were left out: DFØ's history holds every post of the state, the planner only
 * the plan's (like the accounts' rows outside the plan, counted, never errors).
 */
export function appropriationsOfPlan(
  plan: Plan,
  appropriations: ReadonlyMap<string, Appropriation>,
  /** What the workbook held before: a carry-over rule typed there stays with its post and year. */
  previous?: ReadonlyMap<string, Appropriation>,
): { readonly kept: ReadonlyMap<string, Appropriation>; readonly outside: number } {
  const rules = rulesOf(plan);
  const named = new Set<string>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
    for (const p of rulePosts(rules, year)) named.add(`${p.chapter}.${p.post}`);
  const kept = new Map<string, Appropriation>();
  for (const [key, a] of appropriations) {
    if (!named.has(`${a.chapter}.${a.post}`)) continue;
    const transfer = a.transfer ?? previous?.get(key)?.transfer ?? defaultTransferRule(a.post);
    kept.set(key, transfer === undefined ? a : { ...a, transfer });
  }
  return { kept, outside: appropriations.size - kept.size };
}

/**
 * Reads DFØ's appropriation history (same file format as the accounts: `;`, quoted, ISO-8859-1),
 * streamed: `source` is the whole file or a function that yields its chunks (called again when the
 * file turns out not to be UTF-8), so memory holds the sums per post and year, never the file.
 */
export function readAppropriations(
  file: string,
  source: Uint8Array | (() => Iterable<Uint8Array>),
  lang: Lang = 'nb',
): AppropriationsReading {
  const open = source instanceof Uint8Array ? () => [source] : source;
  try {
    return readAppropriationsAs(file, open, 'utf-8', lang);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  const mixed = scanUtf8(open());
  if (mixed !== null) return { appropriations: new Map(), problems: mixedUtf8Problems(file, mixed, lang), rowsRead: 0 };
  return readAppropriationsAs(file, open, 'windows-1252', lang);
}

function readAppropriationsAs(
  file: string,
  open: () => Iterable<Uint8Array>,
  encoding: Encoding,
  lang: Lang,
): AppropriationsReading {
  const problems: Problem[] = [];
  const sums = new Map<
    string,
    { chapter: number; post: number; year: number; enacted: Milli; changes: Milli; carriedIn: Milli; rows: number }
  >();
  let at: Record<Column, number> | null = null;
  let labels: Record<Column, string> | null = null;
  let rowsRead = 0;
  const report = (
    code: ProblemCode,
    line: number | null,
    column: string | null,
    value: string | null,
    params: Record<string, string> = {},
  ) => problems.push(problem(code, { file, line, column, value }, lang, params));
  const reader = new CsvReader((fields, line) => {
    if (at === null) {
      const folded = fields.map(foldHeader);
      const index = {} as Record<Column, number>;
      const label = {} as Record<Column, string>;
      const missing: string[] = [];
      for (const column of Object.keys(COLUMNS) as Column[]) {
        index[column] = folded.indexOf(COLUMNS[column]);
        label[column] = index[column] < 0 ? COLUMNS[column] : fields[index[column]]!.trim();
        if (index[column] < 0)
          missing.push({ year: 'År', postId: 'Post_id', amount: 'Bevilgning_beløp', text: 'Bevilgning' }[column]);
      }
      if (missing.length > 0) {
        report('missing_columns', 1, null, fields.join(';'), { columns: missing.join(', ') });
        at = { year: -1, postId: -1, amount: -1, text: -1 };
        labels = label;
        return;
      }
      at = index;
      labels = label;
      return;
    }
    if (at.year < 0) return;
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    rowsRead++;
    const field = (c: Column) => (fields[at![c]] ?? '').trim();
    const name = (c: Column) => labels![c];
    const yearText = field('year');
    const postText = field('postId');
    const amountText = field('amount');
    const text = field('text');
    let ok = true;
    if (!/^\d{4}$/.test(yearText)) {
      report(yearText === '' ? 'missing_value' : 'bad_year', line, name('year'), yearText === '' ? null : yearText);
      ok = false;
    }
    if (!/^\d{6}$/.test(postText)) {
      report(postText === '' ? 'missing_value' : 'bad_chapter_post', line, name('postId'), postText === '' ? null : postText);
      ok = false;
    }
    if (hasControlCharacter(text, false)) {
      report('control_character', line, name('text'), showControlCharacters(text));
      ok = false;
    }
    let amount: Milli = 0n;
    if (amountText === '') {
      report('missing_value', line, name('amount'), null);
      ok = false;
    } else {
      const reading = parseAmountMilli(amountText, true);
      if (!reading.ok) {
        report(reading.fault, line, name('amount'), amountText);
        ok = false;
      } else if (!amountFitsCell(reading.milli)) {
        report('amount_too_large', line, name('amount'), amountText);
        ok = false;
      } else amount = reading.milli;
    }
    if (!ok) return;
    const chapter = Number(postText.slice(0, 4));
    const post = Number(postText.slice(4));
    const year = Number(yearText);
    const key = postSpentKey(chapter, post, year);
    const sum = sums.get(key) ?? { chapter, post, year, enacted: 0n, changes: 0n, carriedIn: 0n, rows: 0 };
    const kind = decisionKind(text);
    if (kind === 'enacted') sum.enacted += amount;
    else if (kind === 'carriedIn') sum.carriedIn += amount;
    else sum.changes += amount;
    sum.rows++;
    sums.set(key, sum);
  });
  const decoder = new ChunkDecoder(encoding);
  for (const chunk of open()) reader.push(decoder.decode(chunk));
  reader.push(decoder.decode(new Uint8Array(0), true));
  reader.end();
  if (reader.unterminatedQuoteLine !== null) report('unterminated_quote', reader.unterminatedQuoteLine, null, null);
  if (at === null) report('empty_file', null, null, null);
  return { appropriations: problems.length > 0 ? new Map() : sums, problems, rowsRead };
}

/** One post and year beside its frames and its accounts (CONTRACTS §9). */
export interface PostComparison {
  readonly chapter: number;
  readonly post: number;
  readonly year: number;
  /** Null, like every appropriation figure of the row, when the file has no row on the post that year (never taken as 0). */
  readonly enacted: Money | null;
  readonly changes: Money | null;
  readonly carriedIn: Money | null;
  /** enacted + changes + carriedIn. */
  readonly appropriation: Money | null;
  /** The ledger's disbursements on the post and year, before any split. */
  readonly spent: Money;
  /** The frames of the post's instruments when each is placed on this post alone, else null. */
  readonly frames: Money | null;
  readonly instruments: readonly InstrumentId[];
  /** appropriation − spent (null without an appropriation). */
  readonly remaining: Money | null;
  /** The year's carry-over rule (`Appropriation.transfer`), or null when none is set or there is no appropriation. */
  readonly transfer: TransferRule | null;
}

/**
 * The rows of §9: each chapter and post the rules name, each year 2019–2028 with appropriation
 * rows or ledger lines on it, in the rules' order, then by year. With `everyAppropriation`, the
 * posts the rules no longer name follow (by chapter and post), so a workbook's `Bevilgning` keeps
 * every row it was given after a rule is removed.
 */
export function comparePosts(
  plan: Plan,
  appropriations: ReadonlyMap<string, Appropriation>,
  postSpent: ReadonlyMap<string, Milli>,
  options: { readonly everyAppropriation?: boolean } = {},
): PostComparison[] {
  const rules = rulesOf(plan);
  const out: PostComparison[] = [];
  const seen = new Set<string>();
  const posts: { chapter: number; post: number }[] = [];
  const add = (p: { chapter: number; post: number }) => {
    const key = `${p.chapter}.${p.post}`;
    if (!seen.has(key)) {
      seen.add(key);
      posts.push({ chapter: p.chapter, post: p.post });
    }
  };
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) for (const p of rulePosts(rules, year)) add(p);
  if (options.everyAppropriation) {
    const others = [...appropriations.values()].filter((a) => !seen.has(`${a.chapter}.${a.post}`));
    others.sort((a, b) => a.chapter - b.chapter || a.post - b.post);
    for (const a of others) add(a);
  }
  for (const { chapter, post } of posts) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const key = postSpentKey(chapter, post, year);
      const a = appropriations.get(key);
      const spentMilli = postSpent.get(key);
      if (a === undefined && spentMilli === undefined) continue;
      const rulePost = rulePosts(rules, year).find((p) => p.chapter === chapter && p.post === post);
      const instruments = rulePost?.instruments ?? [];
      const enacted = a === undefined ? null : Money.fromMilli(a.enacted);
      const changes = a === undefined ? null : Money.fromMilli(a.changes);
      const carriedIn = a === undefined ? null : Money.fromMilli(a.carriedIn);
      const appropriation = a === undefined ? null : Money.fromMilli(a.enacted + a.changes + a.carriedIn);
      const spent = Money.fromMilli(spentMilli ?? 0n);
      out.push({
        chapter,
        post,
        year,
        enacted,
        changes,
        carriedIn,
        appropriation,
        spent,
        frames: rulePost?.alone ? framesOf(plan, instruments, year) : null,
        instruments,
        remaining: appropriation === null ? null : appropriation.minus(spent),
        transfer: a?.transfer ?? null,
      });
    }
  }
  return out;
}

/** The sum of the instruments' frames for one year: null when one has a frame over several years or without an amount. */
function framesOf(plan: Plan, instruments: readonly InstrumentId[], year: number): Money | null {
  let total = Money.zero;
  for (const instrument of instruments) {
    const covering = plan.frames.filter((f) => f.instrument === instrument && f.from <= year && f.to >= year);
    for (const frame of covering) {
      if (frame.from !== frame.to || frame.amount === null) return null;
      total = total.plus(frame.amount);
    }
  }
  return total;
}

/** The JSON of a §9 row: money with two decimals, rounded half-up at output only. */
export function postComparisonToJson(p: PostComparison): Record<string, unknown> {
  return {
    chapter: p.chapter,
    post: p.post,
    year: p.year,
    enacted: p.enacted?.toFixed2() ?? null,
    changes: p.changes?.toFixed2() ?? null,
    carriedIn: p.carriedIn?.toFixed2() ?? null,
    appropriation: p.appropriation?.toFixed2() ?? null,
    spent: p.spent.toFixed2(),
    frames: p.frames?.toFixed2() ?? null,
    instruments: p.instruments,
    remaining: p.remaining?.toFixed2() ?? null,
  };
}

/**
 * A §9 row's difference in words, for every host ("2020: 102 000 000,00 kr bevilget, 3 400 000,00 kr
 * brukt; rammene i avtalen …"): a post without an appropriation that year says so, never 0 kr.
 */
export function postYearText(p: PostComparison, lang: Lang): string {
  const money = (m: Money) => formatMoney(m, { lang });
  const words =
    p.appropriation === null
      ? t(lang, 'postYearNoAppropriation', { year: p.year, spent: money(p.spent) })
      : t(lang, 'postYearWords', { year: p.year, appropriation: money(p.appropriation), spent: money(p.spent) });
  return p.frames === null ? words : words + t(lang, 'postYearFrames', { frames: money(p.frames) });
}
