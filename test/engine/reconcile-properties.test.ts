import { expect } from 'chai';
import fc from 'fast-check';
import {
  Ledger,
  Money,
  reconcile,
  reconcileTotals,
  SpendingTotals,
  rowToJson,
  type EntryKind,
  type IsoDate,
  type LedgerLine,
  type Reconciliation,
} from '../../engine/index.js';
import { newLedger, plan } from './ledger-helpers.js';

const INSTRUMENTS = ['ekspertbistand', 'skil', 'helseiarbeid', 'lovarbeid', 'kunnskapsutvikling'];
const VOUCHERS = ['V-1', 'V-2', 'V-3', 'V-4', 'V-5'];
const KINDS: EntryKind[] = ['utbetaling', 'tilsagn', 'annullering'];

/** A ledger line as a ledger would hold it; small pools of vouchers make references hit. */
const arbitraryLine = fc.record({
  instrument: fc.constantFrom(...INSTRUMENTS),
  year: fc.integer({ min: 2019, max: 2028 }),
  month: fc.integer({ min: 1, max: 12 }),
  kind: fc.constantFrom(...KINDS),
  amount: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 11n }),
  voucher: fc.constantFrom(...VOUCHERS),
  reference: fc.constantFrom('', ...VOUCHERS),
});

type Generated = typeof arbitraryLine extends fc.Arbitrary<infer T> ? T : never;

function toLine(g: Generated, i: number): LedgerLine {
  return {
    file: 'generated.csv',
    line: i + 2,
    // Safe: month is 1–12 and the day is 15, so the date exists.
    date: `${g.year}-${String(g.month).padStart(2, '0')}-15` as IsoDate,
    voucher: g.voucher,
    instrument: g.instrument as LedgerLine['instrument'],
    kind: g.kind,
    amount: g.amount * 10n,
    reference: g.kind === 'tilsagn' ? '' : g.reference,
    // Safe: the year is generated within 2019–2028.
    year: g.year as LedgerLine['year'],
    chapter: null,
    post: null,
    text: '',
  };
}

/** A reconciliation in its JSON form, for deep comparison. */
function json(result: Reconciliation) {
  return {
    asOf: result.asOf,
    rows: result.rows.map(rowToJson),
    unframed: result.unframed.map((u) => ({ ...u, spent: u.spent.toFixed2(), committed: u.committed.toFixed2() })),
  };
}

const asOf = fc.constantFrom('2021-06-30', '2024-12-31', '2028-12-31') as fc.Arbitrary<IsoDate>;

describe('reconcile: invariants', () => {
  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 40 }), asOf, fc.nat(), (generated, date, seed) => {
        const lines = generated.map(toLine);
        const shuffled = [...lines];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(json(reconcile(plan, shuffled, date))).to.deep.equal(json(reconcile(plan, lines, date)));
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every disbursement up to the report date: rows plus unframed equal the sum', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 40 }), asOf, (generated, date) => {
        const lines = generated.map(toLine);
        const result = reconcile(plan, lines, date);
        const expected = lines.filter((l) => l.kind === 'utbetaling' && l.date <= date).reduce((t, l) => t + l.amount, 0n);
        const total = [...result.rows.map((r) => r.spent), ...result.unframed.map((u) => u.spent)].reduce(
          (a, b) => a.plus(b),
          Money.zero,
        );
        expect(total.toFixed2()).to.equal(Money.fromMilli(expected).toFixed2());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps remaining = frame − spent − open commitments, and open commitments never negative', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 40 }), (generated) => {
        for (const r of reconcile(plan, generated.map(toLine), '2028-12-31' as IsoDate).rows) {
          expect(r.openCommitments.isNegative()).to.equal(false);
          if (r.frame === null) expect(r.remaining).to.equal(null);
          else expect(r.remaining!.eq(r.frame.minus(r.spent).minus(r.openCommitments))).to.equal(true);
          expect([...r.flags].sort()).to.deep.equal(r.flags);
        }
      }),
    );
  });

  it('changes nothing when the same ledger file is read twice', () => {
    const csvLine = (g: Generated, i: number) => {
      const amount = Money.fromOre(g.amount).toFixed2().replace('.', ',');
      const reference = g.kind === 'tilsagn' ? '' : g.reference;
      return `15.${String(g.month).padStart(2, '0')}.${g.year};${g.voucher}-${i % 3};${g.instrument};${g.kind};${amount};${reference};${g.year}`;
    };
    fc.assert(
      fc.property(fc.array(arbitraryLine, { minLength: 1, maxLength: 30 }), (generated) => {
        const text = ['Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;År', ...generated.map(csvLine)].join('\r\n');
        const once = newLedger();
        once.addText('forbruk.csv', text);
        const twice = newLedger();
        twice.addText('forbruk.csv', text);
        const again = twice.addText('forbruk.csv', text);
        expect(again.imported).to.equal(0);
        expect(again.duplicates).to.equal(generated.length);
        expect(twice.lines).to.deep.equal(once.lines);
        const date = '2028-12-31' as IsoDate;
        expect(json(reconcile(plan, twice.lines, date))).to.deep.equal(json(reconcile(plan, once.lines, date)));
      }),
      { numRuns: 200 },
    );
  });

  it('sums on the fly (SpendingTotals) exactly as it reconciles kept lines, across files, duplicates and rejected files', () => {
    const csvLine = (g: Generated) =>
      `${g.year}-${String(g.month).padStart(2, '0')}-15;${g.voucher};${g.instrument};${g.kind};${Money.fromOre(g.amount).toFixed2()};${g.kind === 'tilsagn' ? '' : g.reference};${g.year}`;
    const file = fc.record({
      lines: fc.array(arbitraryLine, { maxLength: 15 }),
      broken: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), asOf, (files, date) => {
        const kept = newLedger();
        const totals = new SpendingTotals(date);
        const summing = new Ledger(plan, totals);
        files.forEach((f, i) => {
          const body = f.lines.map(csvLine);
          if (f.broken) body.push('2021-01-01;X;skil;utbetaling;1.250;;2021');
          const text = ['Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;År', ...body, ...body.slice(0, 3)].join('\n');
          const a = kept.addText(`f${i}.csv`, text);
          const b = summing.addText(`f${i}.csv`, text);
          expect(b).to.deep.equal(a);
        });
        expect(summing.imported).to.equal(kept.lines.length);
        expect(json(reconcileTotals(plan, totals))).to.deep.equal(json(reconcile(plan, kept.lines, date)));
      }),
      { numRuns: 200 },
    );
  });
});
