import { expect } from 'chai';
import {
  EMBEDDED_RULES,
  parseRuleShare,
  RulePlacer,
  ruleShareText,
  rulesOf,
  shareFaults,
  type InstrumentId,
  type MappingRule,
  type PlacementKeys,
  type RuleShare,
} from '../../engine/index.js';
import { readRulesCsv } from '../../engine/workbook/read/read-rules.js';
import { plan } from './ledger-helpers.js';

// Scenario (issue 11, CONTRACTS §8): a finance officer places the lines of the state accounts and
// of an agency's general ledger on instruments by rules on chapter, post, account, dimension,
// organisation and years. The rules with the most conditions win; a split is exact to the øre;
// a share not known is never guessed.

const KEYS: PlacementKeys = { chapter: null, post: null, account: null, dimensions: [], organisation: null };

function keys(partial: Partial<PlacementKeys>): PlacementKeys {
  return { ...KEYS, ...partial };
}

function share(text: string): RuleShare {
  const s = parseRuleShare(text);
  if (s === null) throw new Error(`not a share: ${text}`);
  return s;
}

function rule(row: number, instrument: string, conditions: Partial<MappingRule> = {}, shareText = ''): MappingRule {
  return {
    row,
    chapter: null,
    post: null,
    account: null,
    dimension: null,
    organisation: null,
    fromYear: null,
    toYear: null,
    ...conditions,
    instrument: instrument as InstrumentId,
    share: share(shareText),
  };
}

function csv(text: string) {
  return readRulesCsv('regler.csv', new TextEncoder().encode(text), 'nb');
}

describe('mapping rules (CONTRACTS §8)', () => {
  describe('shares', () => {
    it('reads 0,6, 0.6, 60 %, 60%, 1, 100 % and 33,3333 % exactly; ? is unknown; empty is all', () => {
      expect(['0,6', '0.6', '60 %', '60%', '1', '100 %', '33,3333 %', '?', ''].map((t) => ruleShareText(share(t)))).to.deep.equal(
        ['0,6', '0,6', '0,6', '0,6', '1', '1', '0,333333', '?', ''],
      );
    });

    it('refuses 0, more than 1, a sign, words and exponents', () => {
      for (const text of ['0', '0 %', '1,5', '101 %', '-0,2', '+0,2', 'halvparten', '1e-1', '0,5,5', ',5']) {
        expect(parseRuleShare(text), text).to.equal(null);
      }
    });
  });

  describe('placing a line', () => {
    it('places a line on the rule with the most conditions, and leaves a line no rule names outside', () => {
      const placer = new RulePlacer([
        rule(2, 'ekspertbistand', { chapter: 2650 }),
        rule(3, 'kompetansetiltak', { chapter: 2650, post: 76, account: '874' }),
        rule(4, 'bransjeprogrammer', { chapter: 2650, post: 76 }),
      ]);
      const at = (k: Partial<PlacementKeys>) => placer.place(keys(k), 2024, 1_000_000n);
      expect(at({ chapter: 2650, post: 76, account: '874' })).to.deep.equal({
        kind: 'placed',
        parts: [{ instrument: 'kompetansetiltak', amount: 1_000_000n }],
      });
      expect(at({ chapter: 2650, post: 76, account: '875' })).to.deep.equal({
        kind: 'placed',
        parts: [{ instrument: 'bransjeprogrammer', amount: 1_000_000n }],
      });
      expect(at({ chapter: 2650, post: 21 })).to.deep.equal({
        kind: 'placed',
        parts: [{ instrument: 'ekspertbistand', amount: 1_000_000n }],
      });
      expect(at({ chapter: 601, post: 76 })).to.deep.equal({ kind: 'outside' });
      expect(at({ account: '874' })).to.deep.equal({ kind: 'outside' });
    });

    it('matches an account exactly or by a prefix ending in *, a dimension TYPE=ID, an organisation number and years', () => {
      const placer = new RulePlacer([
        rule(2, 'skil', { account: '87*' }),
        rule(3, 'lovarbeid', { account: '6551' }),
        rule(4, 'bransjeprogrammer', { dimension: { type: 'PROSJEKT', id: 'IA-BP' } }),
        rule(5, 'kunnskapsutvikling', { organisation: '974761211', fromYear: 2025, toYear: 2026 }),
      ]);
      const instrument = (k: Partial<PlacementKeys>, year = 2024) => {
        const placed = placer.place(keys(k), year, 10n);
        return placed.kind === 'placed' ? placed.parts[0]!.instrument : placed.kind;
      };
      expect(instrument({ account: '874' })).to.equal('skil');
      expect(instrument({ account: '87' })).to.equal('skil');
      expect(instrument({ account: '887' })).to.equal('outside');
      expect(instrument({ account: '6551' })).to.equal('lovarbeid');
      expect(instrument({ account: '65510' })).to.equal('outside');
      expect(
        instrument({
          dimensions: [
            { type: 'AVD', id: '1' },
            { type: 'PROSJEKT', id: 'IA-BP' },
          ],
        }),
      ).to.equal('bransjeprogrammer');
      expect(instrument({ dimensions: [{ type: 'PROSJEKT', id: 'IA-BPX' }] })).to.equal('outside');
      expect(instrument({ organisation: '974761211' }, 2024)).to.equal('outside');
      expect(instrument({ organisation: '974761211' }, 2025)).to.equal('kunnskapsutvikling');
      expect(instrument({ organisation: '974761211' }, 2026)).to.equal('kunnskapsutvikling');
      expect(instrument({ organisation: '974761211' }, 2027)).to.equal('outside');
    });

    it('counts Fra år and Til år as one condition: a rule for some years wins over the same rule for all years', () => {
      const placer = new RulePlacer([
        rule(2, 'ekspertbistand', { chapter: 2650, post: 76 }),
        rule(3, 'kompetansetiltak', { chapter: 2650, post: 76, fromYear: 2025, toYear: 2028 }),
        rule(4, 'lovarbeid', { chapter: 2650, post: 76, account: '874', fromYear: 2019 }),
        rule(5, 'skil', { chapter: 2650, post: 76, account: '874', toYear: 2024 }),
      ]);
      const instrument = (year: number, account: string | null = null) => {
        const placed = placer.place(keys({ chapter: 2650, post: 76, account }), year, 10n);
        return placed.kind === 'placed' ? placed.parts[0]!.instrument : placed.kind;
      };
      expect([2024, 2025].map((y) => instrument(y))).to.deep.equal(['ekspertbistand', 'kompetansetiltak']);
      // Fra år 2019 alone and Til år 2024 alone are different conditions of the same weight.
      expect([instrument(2024, '874'), instrument(2025, '874')]).to.deep.equal(['ambiguous', 'lovarbeid']);
    });

    it('splits by share in the table order, each part but the last rounded half-up to the øre, the last the rest', () => {
      const split = new RulePlacer([
        rule(2, 'ekspertbistand', { chapter: 2650, post: 76 }, '33,3333 %'),
        rule(3, 'kompetansetiltak', { chapter: 2650, post: 76 }, '33,3333 %'),
        rule(4, 'lovarbeid', { chapter: 2650, post: 76 }, '33,3334 %'),
      ]);
      // 100 000,005 kr (three decimals, as DFØ writes them): 33 333,30 + 33 333,30 + 33 333,405.
      expect(split.place(keys({ chapter: 2650, post: 76 }), 2024, 100_000_005n)).to.deep.equal({
        kind: 'placed',
        parts: [
          { instrument: 'ekspertbistand', amount: 33_333_300n },
          { instrument: 'kompetansetiltak', amount: 33_333_300n },
          { instrument: 'lovarbeid', amount: 33_333_405n },
        ],
      });
      const half = new RulePlacer([rule(2, 'skil', { chapter: 601 }, '0,5'), rule(3, 'lovarbeid', { chapter: 601 }, '0,5')]);
      const parts = (milli: bigint) => {
        const placed = half.place(keys({ chapter: 601 }), 2024, milli);
        return placed.kind === 'placed' ? placed.parts.map((p) => p.amount) : placed.kind;
      };
      // 0,01 kr: half of it is 0,005, rounded half-up (away from zero) to 0,01; the rest 0,00.
      expect(parts(10n)).to.deep.equal([10n, 0n]);
      expect(parts(-10n)).to.deep.equal([-10n, 0n]);
      expect(parts(30n)).to.deep.equal([20n, 10n]);
      expect(parts(-1_250_000_500n)).to.deep.equal([-625_000_250n, -625_000_250n]);
    });

    it('keeps a line whose winning rules have ? unallocated, naming the instruments, never split by guess', () => {
      const placed = new RulePlacer(EMBEDDED_RULES).place(keys({ chapter: 2650, post: 76 }), 2020, 200_000n);
      expect(placed).to.deep.equal({
        kind: 'unallocated',
        instruments: ['ekspertbistand', 'kompetansetiltak'],
        flags: ['split_not_set'],
      });
    });

    it('calls winning rules with different conditions ambiguous, naming their rows', () => {
      const placer = new RulePlacer([
        rule(2, 'skil', { chapter: 601, account: '874' }),
        rule(5, 'lovarbeid', { chapter: 601, post: 70 }),
      ]);
      expect(placer.place(keys({ chapter: 601, post: 70, account: '874' }), 2024, 10n)).to.deep.equal({
        kind: 'ambiguous',
        rows: [2, 5],
      });
    });
  });

  describe('the embedded rules', () => {
    it('are 601.22 → kunnskapsutvikling, 601.71 → bransjeprogrammer, 2650.76 → ekspertbistand ? and kompetansetiltak ?; 601.70 has none', () => {
      expect(EMBEDDED_RULES.map((r) => [r.chapter, r.post, r.instrument, ruleShareText(r.share)])).to.deep.equal([
        [601, 22, 'kunnskapsutvikling', ''],
        [601, 71, 'bransjeprogrammer', ''],
        [2650, 76, 'ekspertbistand', '?'],
        [2650, 76, 'kompetansetiltak', '?'],
      ]);
      expect(new RulePlacer(rulesOf(plan)).place(keys({ chapter: 601, post: 70 }), 2019, 10n)).to.deep.equal({ kind: 'outside' });
      expect(shareFaults(EMBEDDED_RULES)).to.deep.equal([]);
    });

    it('keep a post an older workbook mapped in Poster and the embedded rules do not name', () => {
      const older = {
        ...plan,
        posts: [...plan.posts, { chapter: 640, post: 1, instrument: 'arbeidsmiljosatsing' as InstrumentId, name: '' }],
      };
      expect(new RulePlacer(rulesOf(older)).place(keys({ chapter: 640, post: 1 }), 2024, 10n)).to.deep.equal({
        kind: 'placed',
        parts: [{ instrument: 'arbeidsmiljosatsing', amount: 10n }],
      });
      expect(rulesOf({ ...older, rules: [] })).to.deep.equal([]);
    });
  });

  describe('a rule table (Konteringsregler, --rules FILE.csv)', () => {
    it('reads every column (headers without regard to case and Norwegian letters; an instrument by id or name)', () => {
      const reading = csv(
        'KAPITTEL;Post;Konto;Dimensjon;Virksomhet;Fra ar;Til år;Virkemiddel;Andel\n' +
          '2650;76;;;;2020;2024;ekspertbistand;60 %\n' +
          '2650;76;;;;2020;2024;Kompetansetiltak – forsøk;0,4\n' +
          ';;87*;PROSJEKT=IA;974 761 211;;;bransjeprogrammer;\n',
      );
      if (!reading.ok) throw new Error(reading.problems.map((p) => p.message).join('\n'));
      expect(
        reading.rules.map((r) => [
          r.row,
          r.chapter,
          r.post,
          r.account,
          r.dimension,
          r.organisation,
          r.fromYear,
          r.toYear,
          r.instrument,
          ruleShareText(r.share),
        ]),
      ).to.deep.equal([
        [2, 2650, 76, null, null, null, 2020, 2024, 'ekspertbistand', '0,6'],
        [3, 2650, 76, null, null, null, 2020, 2024, 'kompetansetiltak', '0,4'],
        [4, null, null, '87*', { type: 'PROSJEKT', id: 'IA' }, '974761211', null, null, 'bransjeprogrammer', ''],
      ]);
    });

    it('refuses a split whose shares do not add up to exactly 1, naming its rows and the sum', () => {
      const reading = csv(
        'kapittel;post;virkemiddel;andel\n2650;76;ekspertbistand;0,6\n601;22;kunnskapsutvikling;\n2650;76;kompetansetiltak;0,3\n601;71;skil;0,5\n601;71;lovarbeid;?\n601;70;skil;\n601;70;lovarbeid;\n601;1;skil;0,6\n601;1;lovarbeid;0,6\n',
      );
      expect(reading.ok).to.equal(false);
      if (reading.ok) return;
      expect(reading.problems.map((p) => [p.code, p.line, p.column, p.value, p.sheet])).to.deep.equal([
        ['rule_shares', 2, 'Andel', '0,9', undefined],
        ['rule_shares', 5, 'Andel', '0,5 + ?', undefined],
        ['rule_shares', 7, 'Andel', '2', undefined],
        ['rule_shares', 9, 'Andel', '1,2', undefined],
      ]);
      expect(reading.problems[0]!.message).to.equal(
        'regler.csv, linje 2, kolonne Andel: Andelene går ikke opp i 1. Verdien «0,9». Forventet: andeler som til sammen er nøyaktig 1 (100 %) for reglene med samme vilkår på radene 2, 4, eller ? på alle når fordelingen ikke er kjent.',
      );
    });

    it('names file, line, column and value of every bad cell', () => {
      const reading = csv(
        'kapittel;post;konto;dimensjon;virksomhet;fra år;til år;virkemiddel;andel\n' +
          'sekstiett;22;;;;;;kunnskapsutvikling;\n' +
          '601;22;8 74;PROSJEKT;12345;2027;2025;ukjent;150 %\n',
      );
      expect(reading.ok).to.equal(false);
      if (reading.ok) return;
      expect(reading.problems.map((p) => [p.code, p.line, p.column, p.value])).to.deep.equal([
        ['bad_chapter_post', 2, 'Kapittel', 'sekstiett'],
        ['bad_account', 3, 'Konto', '8 74'],
        ['bad_dimension', 3, 'Dimensjon', 'PROSJEKT'],
        ['bad_organisation', 3, 'Virksomhet', '12345'],
        ['rule_years', 3, 'Til år', '2025'],
        ['unknown_instrument', 3, 'Virkemiddel', 'ukjent'],
        ['bad_rule_share', 3, 'Andel', '150 %'],
      ]);
    });

    it('needs Virkemiddel and at least one condition column', () => {
      const none = csv('kapittel;post\n601;22\n');
      const only = csv('virkemiddel;tekst\nskil;x\n');
      expect([none.ok, only.ok]).to.deep.equal([false, false]);
      if (none.ok || only.ok) return;
      expect(none.problems.map((p) => [p.code, p.line])).to.deep.equal([['missing_columns', 1]]);
      expect(only.problems.map((p) => [p.code, p.line])).to.deep.equal([['missing_columns', 1]]);
    });
  });
});
