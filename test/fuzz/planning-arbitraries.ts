// Generators for the planning workbook's fuzzing: random cell values, random planning states built
// by the engine's own actions (so they keep the rules), and a plain view of a state for comparing.
import fc from 'fast-check';
import {
  closeYearInState,
  confirmConditionInState,
  embeddedState,
  FRAME_SOURCES,
  FUNDINGS,
  INSTRUMENTS,
  Money,
  newVersionInState,
  reopenYearInState,
  setCarryOverInState,
  setVersionStatusInState,
  type CellValue,
  type GovernanceResult,
  type IsoDate,
  type LedgerLine,
  type PlanningState,
  type Year,
  postSpentKey,
  type Appropriation,
} from '../../engine/index.js';
import { MAX_AMOUNT_ORE } from '../../engine/excel-limits.js';
import { hostileValue, plainText, validLine } from './ledger-arbitraries.js';

/** Words the planning tables hold, so random cells often hit a reader's branches. */
const DOMAIN_WORDS = [
  ...INSTRUMENTS.map((i) => i.id),
  'Ny arbeidsmiljøsatsing',
  ...FUNDINGS,
  ...FRAME_SOURCES,
  'NOK',
  'nok',
  'ja',
  'nei',
  'JA',
  'x',
  'true',
  'ingen',
  'alt',
  'andel',
  '5 %',
  '0,05',
  'utbetaling',
  'tilsagn',
  'annullering',
  'vedlegg',
  'budsjettrunde',
  'utkast',
  'godkjent',
  'plan',
  '2019',
  '2024',
  '2028',
  '2024.0',
  '15.01.2024',
  '2024-01-15',
  '50 000 000,00',
  '601',
  '22',
  'note',
  'reallocation',
  '0'.repeat(64),
];

/** A random cell value: text (control characters too), any number (NaN, infinities, -0, huge), booleans, empty. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom(...DOMAIN_WORDS), weight: 4 },
  { arbitrary: hostileValue, weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      1e300,
      -1e300,
      1e21,
      2 ** 53 + 2,
      5e-324,
      0.1 + 0.2,
      2024,
      2024.5,
      45306,
      601,
      22,
      50_000_000,
      1e15,
      12.345,
    ),
    weight: 2,
  },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer({ min: -3000, max: 60000 }), weight: 1 },
);

const pad = (n: number) => String(n).padStart(2, '0');

/** A ledger line as a state holds it (from a valid file line), some placed by budget post instead of instrument. */
export const stateLine: fc.Arbitrary<Omit<LedgerLine, 'line'>> = fc.tuple(validLine, fc.boolean()).map(([l, byPost]) => {
  const e = l.expected;
  return {
    file: 'fuzz.csv',
    date: e.date as IsoDate,
    voucher: e.voucher,
    instrument: (byPost ? 'kunnskapsutvikling' : e.instrument) as LedgerLine['instrument'],
    kind: e.kind,
    amount: e.amount,
    reference: e.reference,
    year: e.year as Year,
    chapter: byPost ? 601 : null,
    post: byPost ? 22 : null,
    text: e.text,
  };
});

/** A change to the frames of the plan: amounts (or not set), conditions and their confirmation, frames dropped. */
const frameEdit = fc.record({
  pick: fc.nat(),
  amount: fc.option(fc.oneof(fc.bigInt({ min: 0n, max: MAX_AMOUNT_ORE }), fc.bigInt({ min: 0n, max: 10n ** 10n }))),
  condition: fc.option(plainText(20).map((s) => s.trim())),
  confirmed: fc.boolean(),
  drop: fc.boolean(),
});

/** One governance action; the engine refuses those the rules forbid, and the state stays as it was. */
const action = fc.oneof(
  fc.record({ kind: fc.constant('close' as const), year: fc.integer({ min: 2019, max: 2028 }) }),
  fc.record({ kind: fc.constant('reopen' as const), year: fc.integer({ min: 2019, max: 2028 }) }),
  fc.record({
    kind: fc.constant('version' as const),
    name: plainText(16),
    versionKind: fc.constantFrom('appendix', 'prolongation', 'budget_round', 'other' as const),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    pick: fc.nat(),
    to: fc.constantFrom('draft', 'submitted', 'approved' as const),
  }),
  fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('carry' as const),
    pick: fc.nat(),
    rule: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('all' as const), carryOverspend: fc.boolean() }),
      fc.record({
        kind: fc.constant('share' as const),
        share: fc.integer({ min: 0, max: 100 }).map((n) => String(n / 100)),
        carryOverspend: fc.boolean(),
      }),
    ),
  }),
);

// Hosts trim the names they pass (the command line's `userName`), and the Styring tables read texts trimmed.
const context = (who: string, why: string, i: number) => ({
  who: who.trim() === '' ? 'fuzz' : who.trim(),
  at: `2025-01-${pad((i % 28) + 1)}T09:00:00+01:00`,
  why: why.trim() === '' ? 'fuzz' : why,
});

/** Thousandths of a krone as a cell holds them exactly (15 significant digits at most). */
const milli = fc.bigInt({ min: -(10n ** 14n) + 1n, max: 10n ** 14n - 1n });

/** An appropriation on a post the embedded rules name (the only posts `Bevilgning` lists), as read back: one row. */
const appropriation: fc.Arbitrary<Appropriation> = fc
  .record({
    post: fc.constantFrom([601, 71], [601, 22], [2650, 76]),
    year: fc.integer({ min: 2019, max: 2028 }),
    enacted: milli,
    changes: milli,
    carriedIn: milli,
    transfer: fc.option(fc.constantFrom('two_years' as const, 'five_percent' as const, 'none' as const)),
  })
  .map(({ post, year, enacted, changes, carriedIn, transfer }) => ({
    chapter: post[0]!,
    post: post[1]!,
    year,
    enacted,
    changes,
    carriedIn,
    rows: 1,
    ...(transfer === null ? {} : { transfer }),
  }));

/** A commitment authorisation, unique per post and year (the table refuses one twice), at most 15 significant digits. */
const authorisations = fc.uniqueArray(
  fc.record({
    post: fc.constantFrom([601, 71], [601, 22], [2650, 76], [640, 50]),
    year: fc.integer({ min: 2019, max: 2028 }),
    amount: fc.bigInt({ min: 0n, max: 10n ** 14n - 1n }),
  }),
  { maxLength: 5, selector: (a) => `${a.post.join('.')}:${a.year}` },
);

/** A planning state within the rules: random lines and frames, then random governance actions that the engine allowed. */
export const planningState: fc.Arbitrary<PlanningState> = fc
  .record({
    lines: fc.array(stateLine, { maxLength: 12 }),
    edits: fc.array(frameEdit, { maxLength: 8 }),
    actions: fc.array(action, { maxLength: 8 }),
    who: plainText(10),
    why: plainText(20),
    appropriations: fc.option(fc.array(appropriation, { maxLength: 6 }), { freq: 2 }),
    fullmakter: authorisations,
  })
  .map(({ lines, edits, actions, who, why, appropriations, fullmakter }) => {
    const base = embeddedState();
    const frames = [...base.plan.frames];
    for (const edit of edits) {
      const i = edit.pick % frames.length;
      const frame = frames[i]!;
      if (edit.drop && frames.length > 1) {
        frames.splice(i, 1);
        continue;
      }
      frames[i] = {
        ...frame,
        amount: edit.amount === null ? null : Money.fromOre(edit.amount),
        condition: edit.condition ?? frame.condition,
        conditionConfirmed: edit.confirmed,
        source: 'entered',
      };
    }
    let state: PlanningState = {
      ...base,
      plan: { ...base.plan, frames },
      lines: lines.map((l, i) => ({ ...l, line: i + 2 })),
    };
    const file = 'plan.xlsx';
    actions.forEach((a, i) => {
      const c = context(who, why, i);
      let result: GovernanceResult;
      const current = state.plan.frames;
      const frame = current[('pick' in a ? a.pick : 0) % current.length]!;
      switch (a.kind) {
        case 'close':
          result = closeYearInState(state, a.year, c, file);
          break;
        case 'reopen':
          result = reopenYearInState(state, a.year, c, file);
          break;
        case 'version':
          result = newVersionInState(
            state,
            { name: a.name.trim() === '' ? 'Versjon' : a.name.trim(), kind: a.versionKind },
            c,
            file,
          );
          break;
        case 'status': {
          const versions = state.governance.versions;
          if (versions.length === 0) return;
          const id = versions[a.pick % versions.length]!.id;
          // Approval goes through submission: submit first, so approved versions are common enough to test.
          const submitted = a.to === 'approved' ? setVersionStatusInState(state, id, 'submitted', c, file) : null;
          if (submitted?.ok) state = submitted.state;
          result = setVersionStatusInState(state, id, a.to, c, file);
          break;
        }
        case 'confirm':
          result = confirmConditionInState(state, frame.instrument, frame.from, c, file);
          break;
        case 'carry':
          result = setCarryOverInState(state, { instrument: frame.instrument, from: frame.from, to: frame.to }, a.rule, c, file);
          break;
      }
      if (result.ok) state = result.state;
    });
    if (appropriations !== null) {
      const byKey = new Map(appropriations.map((a) => [postSpentKey(a.chapter, a.post, a.year), a] as const));
      state = { ...state, appropriations: byKey };
    }
    if (fullmakter.length > 0)
      state = {
        ...state,
        authorisations: fullmakter.map((a) => ({ chapter: a.post[0]!, post: a.post[1]!, year: a.year, amount: a.amount })),
      };
    return state;
  });

/** A value as tests compare it: money as its two-decimal text, maps as entry lists sorted by key, bigints as text. */
export function plainOf(value: unknown): unknown {
  if (value instanceof Money) return `kr ${value.toFixed2()}`;
  if (typeof value === 'bigint') return `${value}n`;
  // A map is compared by its entries sorted by key: the order of insertion is not part of a state.
  if (value instanceof Map) {
    return [...value.entries()].map(([k, v]) => [plainOf(k), plainOf(v)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  }
  if (Array.isArray(value)) return value.map(plainOf);
  if (value !== null && typeof value === 'object') {
    if (typeof (value as { toFixed?: unknown }).toFixed === 'function' && 'd' in value) return `dec ${String(value)}`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainOf(v)]));
  }
  return value;
}

/** A state as tests compare it; `where` false leaves out what names the file a line came from (file, line). */
export function stateView(state: PlanningState, where = true) {
  return plainOf({
    frames: state.plan.frames,
    posts: state.plan.posts,
    // Closed years are a set: the workbook lists them by year, whatever order they were closed in.
    governance: { ...state.governance, closedYears: [...state.governance.closedYears].sort((a, b) => a.year - b.year) },
    lines: state.lines.map((l) => (where ? l : { ...l, file: undefined, line: undefined })),
    log: state.log,
    appropriations: state.appropriations ?? null,
    authorisations: state.authorisations ?? null,
  });
}

/** Where two plain values first differ (`lines[3].text: "a" ≠ "b"`), or null when they are equal: short failure messages. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || '(root)'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`,
    );
    if (found !== null) return found;
  }
  return null;
}

/** Fails with where two plain values first differ, unless they are equal. */
export function expectSame(actual: unknown, expected: unknown): void {
  const difference = firstDifference(actual, expected);
  if (difference !== null) throw new Error(`differs at ${difference}`);
}
