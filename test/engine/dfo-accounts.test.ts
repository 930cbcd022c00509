import { expect } from 'chai';
import { DFO_ACCOUNTS_HEADER, Ledger, reconcile, type FileReport, type LedgerLine } from '../../engine/index.js';
import { plan, where } from './ledger-helpers.js';

// Scenario (issue 11, CONTRACTS §7): a finance officer downloads the state accounts
// (statsregnskapet_aar_2024.csv from statsregnskapet.dfo.no) and brings the file as it comes:
// ISO-8859-1, every field quoted, three decimals. The IA posts are placed by the rules, the
// thousands of other rows are counted outside the plan, 2650.76 is unallocated (its split is not
// published), and nothing is rounded on the way.

const HEADER = DFO_ACCOUNTS_HEADER;

interface Row {
  year?: string;
  period: string;
  postId: string;
  post?: string;
  account?: string;
  organisation?: string;
  amount: string;
}

function row(r: Row): string[] {
  const values: Record<string, string> = {
    År: r.year ?? '2024',
    Periode: r.period,
    Konto_no: '1',
    Konto: 'Bevilgningsregnskapet',
    Fagdepartement_id: '1700',
    Fagdepartement: 'Arbeids- og inkluderingsdepartementet',
    Kapittel_id: r.postId.slice(0, 4),
    Kapittel: 'Kapittel',
    Post_id: r.postId,
    Post: r.post ?? 'Tilskudd',
    Post_type: 'Utgift',
    Artskonto_id: r.account ?? '874',
    Artskonto: 'Tilskudd til andre',
    Virksomhet_id: r.organisation ?? '889640782',
    Virksomhet: 'Arbeids- og velferdsetaten',
    Regnskapsfører_id: '1001',
    Beløp: r.amount,
  };
  return HEADER.map((name) => values[name] ?? '');
}

/** The file as DFØ writes it: `;`, every field quoted, ISO-8859-1 (one byte per character). */
function dfoBytes(rows: readonly string[][]): Uint8Array {
  const text = [HEADER, ...rows].map((fields) => fields.map((f) => `"${f}"`).join(';')).join('\r\n') + '\r\n';
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

function read(
  rows: readonly string[][],
  options: { skipInvalid?: boolean; asOf?: string } = {},
): { report: FileReport; lines: readonly LedgerLine[] } {
  const ledger = new Ledger(plan);
  const report = ledger.addFile('statsregnskapet_aar_2024.csv', () => [dfoBytes(rows)], options as never);
  return { report, lines: ledger.lines };
}

describe('DFØ state accounts (CONTRACTS §7)', () => {
  it('places the IA posts by the rules, dated the last day of the period, with all three decimals', () => {
    const { report, lines } = read([
      row({
        period: '202402',
        postId: '060171',
        post: 'Tilskudd til bransjeprogrammer',
        organisation: '974761211',
        amount: '1250000,125',
      }),
      row({ period: '202411', postId: '060122', amount: '-75,5' }),
      row({ period: '202403', postId: '265076', amount: '875500,500' }),
    ]);
    expect(report.problems.map(where)).to.deep.equal([]);
    expect(report.encoding).to.equal('windows-1252');
    expect(
      lines.map((l) => [l.line, l.date, l.year, l.kind, l.instrument, l.amount, l.chapter, l.post, l.account, l.organisation]),
    ).to.deep.equal([
      [2, '2024-02-29', 2024, 'utbetaling', 'bransjeprogrammer', 1_250_000_125n, 601, 71, '874', '974761211'],
      [3, '2024-11-30', 2024, 'utbetaling', 'kunnskapsutvikling', -75_500n, 601, 22, '874', '889640782'],
      [4, '2024-03-31', 2024, 'utbetaling', null, 875_500_500n, 2650, 76, '874', '889640782'],
    ]);
    expect(lines[2]!.unallocated).to.deep.equal({
      instruments: ['ekspertbistand', 'kompetansetiltak'],
      flags: ['split_not_set'],
    });
    expect(lines[0]!.voucher).to.equal('202402-060171-874-974761211');
    expect(lines[0]!.text).to.equal('Tilskudd til bransjeprogrammer – Tilskudd til andre – Arbeids- og velferdsetaten');
  });

  it('counts rows on posts no rule names as outside the plan, with their exact sum, never as errors', () => {
    const { report, lines } = read([
      row({ period: '202401', postId: '060101', amount: '1000,001' }),
      row({ period: '202401', postId: '060170', amount: ',000' }),
      row({ period: '202402', postId: '060171', amount: '10,000' }),
      row({ period: '202412', postId: '290570', amount: '-2,002' }),
    ]);
    expect(report.problems).to.deep.equal([]);
    expect(report.rejected).to.equal(false);
    expect(lines.length).to.equal(1);
    expect(report.outside).to.deep.equal({ lines: 3, amount: 997_999n });
  });

  it('counts outside only what is dated by the as-of date', () => {
    const { report } = read(
      [
        row({ period: '202401', postId: '060101', amount: '1,000' }),
        row({ period: '202412', postId: '060101', amount: '2,000' }),
      ],
      { asOf: '2024-06-30' },
    );
    expect(report.outside).to.deep.equal({ lines: 1, amount: 1000n });
  });

  it('reads the same file twice as duplicates by content, not as new lines', () => {
    const ledger = new Ledger(plan);
    const bytes = dfoBytes([
      row({ period: '202402', postId: '060171', amount: '5,000' }),
      row({ period: '202402', postId: '060171', amount: '5,000' }),
    ]);
    const first = ledger.addFile('a.csv', () => [bytes]);
    const second = ledger.addFile('b.csv', () => [bytes]);
    expect([first.imported, first.duplicates, second.imported, second.duplicates]).to.deep.equal([2, 0, 0, 2]);
  });

  it('names file, line, column and value of every bad field, and imports nothing without --skip-invalid', () => {
    const rows = [
      row({ period: '202413', postId: '060171', amount: '1,000' }),
      row({ year: '2024', period: '202312', postId: '060171', amount: '1,000' }),
      row({ period: '202402', postId: '60171', amount: '1,000' }),
      row({ period: '202402', postId: '060171', amount: '1,0001' }),
      row({ period: '202402', postId: '060171', amount: 'ti kroner' }),
      row({ period: '202402', postId: '060171', amount: '7,000' }),
    ];
    const { report, lines } = read(rows);
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'bad_period', file: 'statsregnskapet_aar_2024.csv', line: 2, column: 'Periode', value: '202413' },
      { code: 'bad_period', file: 'statsregnskapet_aar_2024.csv', line: 3, column: 'Periode', value: '202312' },
      { code: 'bad_chapter_post', file: 'statsregnskapet_aar_2024.csv', line: 4, column: 'Post_id', value: '60171' },
      { code: 'too_many_decimals', file: 'statsregnskapet_aar_2024.csv', line: 5, column: 'Beløp', value: '1,0001' },
      { code: 'bad_amount', file: 'statsregnskapet_aar_2024.csv', line: 6, column: 'Beløp', value: 'ti kroner' },
    ]);
    expect(report.problems[0]!.message).to.equal(
      'statsregnskapet_aar_2024.csv, linje 2, kolonne Periode: Ugyldig periode. Verdien «202413». Forventet: en periode ÅÅÅÅMM med måned 01–12 i året 2024.',
    );
    expect([report.rejected, lines.length]).to.deep.equal([true, 0]);
    const skipped = read(rows, { skipInvalid: true });
    expect([skipped.report.rejected, skipped.lines.map((l) => l.amount)]).to.deep.equal([false, [7000n]]);
  });

  it('refuses a Kapittel_id that is not the first four digits of Post_id, naming it', () => {
    const rows = ['00601', '06a1', '0602', '601'].map((chapter) => {
      const r = row({ period: '202402', postId: '060171', amount: '1,000' });
      r[HEADER.indexOf('Kapittel_id')] = chapter;
      return r;
    });
    const { report } = read(rows, { skipInvalid: true });
    expect(report.problems.map(where)).to.deep.equal(
      ['00601', '06a1', '0602'].map((value, i) => ({
        code: 'bad_chapter_post',
        file: 'statsregnskapet_aar_2024.csv',
        line: i + 2,
        column: 'Kapittel_id',
        value,
      })),
    );
    expect(report.imported).to.equal(1);
  });

  it('checks the texts of rows it keeps, and only sums the rows outside the plan', () => {
    const tab = row({ period: '202402', postId: '060171', amount: '1,000' });
    tab[HEADER.indexOf('Post')] = 'Tilskudd\tbransje';
    const outside = row({ period: '202402', postId: '060101', amount: '2,000' });
    outside[HEADER.indexOf('Post')] = 'Drift\tdepartementet';
    const { report } = read([tab, outside], { skipInvalid: true });
    expect(report.problems.map(where)).to.deep.equal([
      {
        code: 'control_character',
        file: 'statsregnskapet_aar_2024.csv',
        line: 2,
        column: 'Post',
        value: 'Tilskudd<U+0009>bransje',
      },
    ]);
    expect(report.outside).to.deep.equal({ lines: 1, amount: 2000n });
  });

  it('keeps rows of a year outside 2019–2028 outside the plan, counted', () => {
    const { report, lines } = read([row({ year: '2018', period: '201812', postId: '060171', amount: '3,000' })]);
    expect([report.problems.length, lines.length, report.outside]).to.deep.equal([0, 0, { lines: 1, amount: 3000n }]);
  });

  it('reconciles 2650.76 as unallocated money, shown, never put on ekspertbistand', () => {
    const { lines } = read([row({ period: '202003', year: '2020', postId: '265076', amount: '3400000,000' })]);
    const r = reconcile(plan, lines, '2020-12-31' as never);
    expect(r.rows.find((x) => x.instrument === 'ekspertbistand' && x.from <= 2020 && x.to >= 2020)!.spent.toFixed2()).to.equal(
      '0.00',
    );
    expect(
      r.unallocated.map((u) => [u.chapter, u.post, u.year, u.kind, u.amount.toFixed2(), u.lines, u.instruments, u.flags]),
    ).to.deep.equal([[2650, 76, 2020, 'utbetaling', '3400000.00', 1, ['ekspertbistand', 'kompetansetiltak'], ['split_not_set']]]);
  });
});
