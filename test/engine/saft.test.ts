import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { looksLikeSaft, parseSaftAmount, parseSaftDate, SaftReader } from '../../engine/ledger/saft.js';
import type { SourceLine } from '../../engine/ledger/source-line.js';
import type { Problem, ProblemCode } from '../../engine/messages/problems.js';

// Scenario (issue 11, CONTRACTS §7 "SAF-T Financial 1.30"): the finance officer of an agency
// exports the general ledger as SAF-T and brings it as it comes. Every
// GeneralLedgerEntries/Journal/Transaction/Line becomes one disbursement line, debit positive, to
// the øre; anything the schema does not allow is named by line, element path and text, never
// guessed at; the XML is streamed, so the bytes may arrive in any chunks.

const EXAMPLE_NAME = 'SAF-T_Financial_974761211_20250131093000.xml';
const EXAMPLE = readFileSync(new URL(`../../examples/saft/${EXAMPLE_NAME}`, import.meta.url));
const NS = 'urn:StandardAuditFile-Taxation-Financial:NO';

interface Read {
  lines: SourceLine[];
  problems: Problem[];
}

/** Reads bytes through a SaftReader, fed in chunks of the given sizes (cycled), else whole. */
function read(bytes: Uint8Array | string, sizes: readonly number[] = [], file = 'test.xml'): Read {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const out: Read = { lines: [], problems: [] };
  const reader = new SaftReader(file, 'nb', {
    line: (l) => out.lines.push(l),
    outside: () => expect.fail('SAF-T asks no plan'),
    problem: (p) => out.problems.push(p),
  });
  if (sizes.length === 0) {
    reader.push(data);
  } else {
    let k = 0;
    for (let at = 0; at < data.length;) {
      const size = sizes[k++ % sizes.length]!;
      reader.push(data.slice(at, at + size));
      at += size;
    }
  }
  reader.end();
  return out;
}

function where(p: Problem): { code: ProblemCode; line: number | null; column: string | null; value: string | null } {
  return { code: p.code, line: p.line, column: p.column, value: p.value };
}

/** A SAF-T document around the given transactions (one journal), the first transaction's first line on line 7. */
function doc(transactions: string, root = `<AuditFile xmlns="${NS}">`, close = '</AuditFile>'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    root,
    '<Header><Company><RegistrationNumber>974761211</RegistrationNumber><Name>Arbeidstilsynet</Name></Company></Header>',
    '<GeneralLedgerEntries><NumberOfEntries>1</NumberOfEntries><TotalDebit>0</TotalDebit><TotalCredit>0</TotalCredit>',
    '<Journal><JournalID>GL</JournalID><Description>Hovedbok</Description><Type>GL</Type>',
    transactions,
    '</Journal></GeneralLedgerEntries>',
    close,
  ].join('\n');
}

/** A transaction: its header elements on line 6, each given line element on a line of its own from line 7. */
function tx(
  lines: readonly string[],
  head = '<TransactionID>T1</TransactionID><PeriodYear>2024</PeriodYear><TransactionDate>2024-03-15</TransactionDate><Description>Bilag T1</Description>',
): string {
  return [`<Transaction>${head}`, ...lines, '</Transaction>'].join('\n');
}

function line(inner: string, record = '1'): string {
  return `<Line><RecordID>${record}</RecordID>${inner}</Line>`;
}

const debit = (amount: string) => `<DebitAmount><Amount>${amount}</Amount></DebitAmount>`;
const credit = (amount: string) => `<CreditAmount><Amount>${amount}</Amount></CreditAmount>`;

/** A document of one line with the given inner elements (after RecordID), on line 7. */
function one(inner: string): Read {
  return read(doc(tx([line(inner)])));
}

describe('SAF-T Financial reader (issue 11, CONTRACTS §7)', () => {
  describe('the example ledger of an agency', () => {
    const { lines, problems } = read(EXAMPLE, [], EXAMPLE_NAME);

    it('reads every GeneralLedgerEntries line, without problems, each at its <Line> in the file', () => {
      expect(problems).to.deep.equal([]);
      // 10 transactions (the header's NumberOfEntries): 11 lines in LEV, 9 in UTB, 2 in INN.
      expect(lines).to.have.length(22);
      const fileLines = EXAMPLE.toString('utf8').split('\n');
      expect(fileLines.filter((l) => l.trim() === '<Line>')).to.have.length(22);
      for (const l of lines) expect(fileLines[l.line - 1]!.trim(), `line ${l.line}`).to.equal('<Line>');
      expect(new Set(lines.map((l) => l.line)).size).to.equal(22);
    });

    it('sums each account to the øre, debit positive', () => {
      const sums = new Map<string, bigint>();
      for (const l of lines) sums.set(l.keys.account!, (sums.get(l.keys.account!) ?? 0n) + l.amount);
      expect(Object.fromEntries([...sums].map(([k, v]) => [k, v.toString()]))).to.deep.equal({
        '8720': '3767345170',
        '2400': '0',
        '1942': '-4399845670',
        '6730': '187500000',
        '8760': '400000000',
        '1932': '45000500',
      });
      expect(lines.reduce((s, l) => s + l.amount, 0n)).to.equal(0n);
    });

    it('sums the industry-programme grants per project dimension', () => {
      const byProject = (id: string) =>
        lines
          .filter((l) => l.keys.account === '8720' && l.keys.dimensions.some((d) => d.type === 'PROSJEKT' && d.id === id))
          .reduce((s, l) => s + l.amount, 0n);
      expect(byProject('BRANSJE-SYKEHUS')).to.equal(2_604_999_500n);
      expect(byProject('BRANSJE-SYKEHJEM')).to.equal(1_162_345_670n);
    });

    it('gives date, year, voucher, content key, texts and keys as the file states them', () => {
      const first = lines[0]!;
      expect(first).to.deep.equal({
        line: 147,
        date: '2024-02-12',
        year: 2024,
        kind: 'utbetaling',
        amount: 1_200_000_000n,
        voucher: '2024000101',
        reference: '',
        text: 'Tilskudd bransjeprogram sykehus, 1. utbetaling',
        source: 'LEV\u00001',
        instrument: null,
        keys: {
          chapter: null,
          post: null,
          account: '8720',
          dimensions: [
            { type: 'PROSJEKT', id: 'BRANSJE-SYKEHUS' },
            { type: 'ANSVAR', id: '310' },
          ],
          organisation: '974761211',
        },
      });
      // A line with an empty Description takes the transaction's.
      const noText = lines.find((l) => l.voucher === '2024000412' && l.amount === 312_345_670n)!;
      expect(noText.text).to.equal('Tilskuddsvedtak bransjeprogrammer, 2. utbetaling');
      // A credit is negative: the grant paid back.
      const refund = lines.find((l) => l.voucher === '2024000520' && l.keys.account === '8720')!;
      expect(refund.amount).to.equal(-45_000_500n);
      expect(refund.source).to.equal('INN\u00002');
    });

    it('reads the same lines byte by byte and in random chunks', () => {
      const whole = read(EXAMPLE);
      expect(read(EXAMPLE, [1])).to.deep.equal(whole);
      let seed = 11;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      for (let run = 0; run < 20; run++) {
        const sizes = Array.from({ length: 50 }, () => 1 + (random() % 300));
        expect(read(EXAMPLE, sizes)).to.deep.equal(whole);
      }
    });

    it('reads a faulty file to the same problems in any chunks', () => {
      const bad = doc(
        tx([line(`<AccountID>8720</AccountID>${debit('1,50')}`), line(`<AccountID>æ\t</AccountID>${credit('2')}`, '2')]),
      );
      const whole = read(bad);
      expect(whole.problems.map(where)).to.deep.equal([
        { code: 'bad_xml_amount', line: 7, column: 'Transaction/Line/DebitAmount/Amount', value: '1,50' },
      ]);
      expect(read(bad, [1])).to.deep.equal(whole);
      expect(read(bad, [3, 7, 2])).to.deep.equal(whole);
    });
  });

  describe('recognising a SAF-T file', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);

    it('knows the example, with or without a byte-order mark, and a prefixed root', () => {
      expect(looksLikeSaft(EXAMPLE.subarray(0, 4096))).to.equal(true);
      expect(looksLikeSaft(new Uint8Array([0xef, 0xbb, 0xbf, ...EXAMPLE.subarray(0, 500)]))).to.equal(true);
      expect(looksLikeSaft(bytes(`<!-- eksport --><n1:AuditFile xmlns:n1='${NS}'>`))).to.equal(true);
      expect(looksLikeSaft(bytes(`<AuditFile\n  xmlns:xsi="x"\n  xmlns = "${NS}">`))).to.equal(true);
    });

    it('refuses other XML, another namespace, a prefix declared but not used, and a CSV', () => {
      expect(looksLikeSaft(bytes(`<?xml version="1.0"?><Forbruk xmlns="${NS}">`))).to.equal(false);
      expect(looksLikeSaft(bytes('<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">'))).to.equal(false);
      // As the schema's own sample file: the namespace declared for n1, the root in no namespace.
      expect(looksLikeSaft(bytes(`<AuditFile xmlns:n1="${NS}">`))).to.equal(false);
      expect(looksLikeSaft(bytes('Dato;Bilag;Beløp\n'))).to.equal(false);
      expect(looksLikeSaft(new Uint8Array(0))).to.equal(false);
    });
  });

  describe('amounts', () => {
    it('are DebitAmount − CreditAmount: a negative debit and a negative credit follow the formula', () => {
      expect(one(`<AccountID>8720</AccountID>${debit('100.50')}`).lines[0]!.amount).to.equal(100_500n);
      expect(one(`<AccountID>8720</AccountID>${credit('100.50')}`).lines[0]!.amount).to.equal(-100_500n);
      expect(one(`<AccountID>8720</AccountID>${debit('-7.25')}`).lines[0]!.amount).to.equal(-7_250n);
      expect(one(`<AccountID>8720</AccountID>${credit('-7.25')}`).lines[0]!.amount).to.equal(7_250n);
    });

    it('read the schema decimal strictly: a point, at most 2 decimals, at most 15 digits', () => {
      const ok = (text: string) => {
        const r = parseSaftAmount(text);
        return r.ok ? r.milli : r.fault;
      };
      expect(ok('1250000.50')).to.equal(1_250_000_500n);
      expect(ok('+12.')).to.equal(12_000n);
      expect(ok('.5')).to.equal(500n);
      expect(ok('0')).to.equal(0n);
      expect(ok('-0.01')).to.equal(-10n);
      expect(ok('1.500')).to.equal(1_500n);
      expect(ok('9999999999999.99')).to.equal(9_999_999_999_999_990n);
      expect(ok('-9999999999999.99')).to.equal(-9_999_999_999_999_990n);
      expect(ok('000000000000009999999999999.99')).to.equal(9_999_999_999_999_990n);
      expect(ok('10000000000000')).to.equal('amount_too_large');
      expect(ok('12345678901234567890.5')).to.equal('amount_too_large');
      expect(ok('1.005')).to.equal('too_many_decimals');
      expect(ok('1,50')).to.equal('bad_xml_amount');
      expect(ok('1 250.00')).to.equal('bad_xml_amount');
      expect(ok('1e3')).to.equal('bad_xml_amount');
      expect(ok('.')).to.equal('bad_xml_amount');
      expect(ok('-')).to.equal('bad_xml_amount');
      expect(ok('1.2.3')).to.equal('bad_xml_amount');
      expect(ok('NaN')).to.equal('bad_xml_amount');
    });

    it('name the line, the element path and the text of a bad amount', () => {
      expect(one(`<AccountID>8720</AccountID>${debit('12,50')}`).problems.map(where)).to.deep.equal([
        { code: 'bad_xml_amount', line: 7, column: 'Transaction/Line/DebitAmount/Amount', value: '12,50' },
      ]);
      expect(one(`<AccountID>8720</AccountID>${credit('0.125')}`).problems.map(where)).to.deep.equal([
        { code: 'too_many_decimals', line: 7, column: 'Transaction/Line/CreditAmount/Amount', value: '0.125' },
      ]);
      expect(one(`<AccountID>8720</AccountID>${debit('10000000000000.00')}`).problems.map(where)).to.deep.equal([
        { code: 'amount_too_large', line: 7, column: 'Transaction/Line/DebitAmount/Amount', value: '10000000000000.00' },
      ]);
      expect(one(`<AccountID>8720</AccountID>${debit('')}`).problems.map(where)).to.deep.equal([
        { code: 'missing_value', line: 7, column: 'Transaction/Line/DebitAmount/Amount', value: null },
      ]);
    });

    it('needs exactly one of DebitAmount and CreditAmount, each with its Amount', () => {
      const both = one(`<AccountID>8720</AccountID>${debit('1')}${credit('1')}`);
      expect(both.lines).to.deep.equal([]);
      expect(both.problems.map(where)).to.deep.equal([
        { code: 'debit_credit', line: 7, column: 'Transaction/Line', value: 'DebitAmount ×1, CreditAmount ×1' },
      ]);
      expect(one('<AccountID>8720</AccountID><Description>x</Description>').problems.map(where)).to.deep.equal([
        { code: 'debit_credit', line: 7, column: 'Transaction/Line', value: null },
      ]);
      const noAmount = one('<AccountID>8720</AccountID><DebitAmount><CurrencyCode>EUR</CurrencyCode></DebitAmount>');
      expect(noAmount.lines).to.deep.equal([]);
      expect(noAmount.problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 7, column: 'Transaction/Line/DebitAmount/Amount', value: null },
      ]);
    });

    it('take no other Amount: not the tax, not an analysis amount, not a currency amount', () => {
      const r = one(
        '<AccountID>8720</AccountID><Analysis><AnalysisType>PROSJEKT</AnalysisType><AnalysisID>P1</AnalysisID><DebitAnalysisAmount><Amount>9</Amount></DebitAnalysisAmount></Analysis>' +
          '<DebitAmount><Amount>10.00</Amount><CurrencyCode>EUR</CurrencyCode><CurrencyAmount>0.88</CurrencyAmount></DebitAmount>' +
          '<TaxInformation><TaxType>MVA</TaxType><TaxAmount><Amount>2.50</Amount></TaxAmount></TaxInformation>',
      );
      expect(r.problems).to.deep.equal([]);
      expect(r.lines.map((l) => l.amount)).to.deep.equal([10_000n]);
      expect(r.lines[0]!.keys.dimensions).to.deep.equal([{ type: 'PROSJEKT', id: 'P1' }]);
    });
  });

  describe('required elements and their values', () => {
    it('names a missing AccountID or RecordID at the line', () => {
      expect(one(debit('1')).problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 7, column: 'Transaction/Line/AccountID', value: null },
      ]);
      const noRecord = read(doc(tx([`<Line><AccountID>8720</AccountID>${debit('1')}</Line>`])));
      expect(noRecord.problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 7, column: 'Transaction/Line/RecordID', value: null },
      ]);
      expect(one(`<AccountID> </AccountID>${debit('1')}`).problems.map(where)).to.deep.equal([
        { code: 'missing_value', line: 7, column: 'Transaction/Line/AccountID', value: null },
      ]);
    });

    it('names a missing TransactionDate, PeriodYear or TransactionID once per transaction, at the transaction', () => {
      const twoLines = (head: string) =>
        read(
          doc(
            tx([line(`<AccountID>8720</AccountID>${debit('1')}`), line(`<AccountID>2400</AccountID>${credit('1')}`, '2')], head),
          ),
        );
      const noDate = twoLines('<TransactionID>T1</TransactionID><PeriodYear>2024</PeriodYear>');
      expect(noDate.lines).to.deep.equal([]);
      expect(noDate.problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 6, column: 'Transaction/TransactionDate', value: null },
      ]);
      expect(
        twoLines('<TransactionID>T1</TransactionID><TransactionDate>2024-03-15</TransactionDate>').problems.map(where),
      ).to.deep.equal([{ code: 'missing_element', line: 6, column: 'Transaction/PeriodYear', value: null }]);
      expect(
        twoLines('<PeriodYear>2024</PeriodYear><TransactionDate>2024-03-15</TransactionDate>').problems.map(where),
      ).to.deep.equal([{ code: 'missing_element', line: 6, column: 'Transaction/TransactionID', value: null }]);
    });

    it('names a missing JournalID once', () => {
      const r = read(doc(tx([line(`<AccountID>8720</AccountID>${debit('1')}`)])).replace('<JournalID>GL</JournalID>', ''));
      expect(r.lines).to.deep.equal([]);
      expect(r.problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 7, column: 'Journal/JournalID', value: null },
      ]);
    });

    it('reads the date from TransactionDate (an xs:date, time zone allowed), not from the line’s ValueDate', () => {
      const dated = (date: string) =>
        read(
          doc(
            tx(
              [line(`<AccountID>8720</AccountID><ValueDate>2023-12-31</ValueDate>${debit('1')}`)],
              `<TransactionID>T1</TransactionID><PeriodYear>2024</PeriodYear><TransactionDate>${date}</TransactionDate>`,
            ),
          ),
        );
      expect(dated('2024-03-15').lines[0]!.date).to.equal('2024-03-15');
      expect(dated(' 2024-03-15Z ').lines[0]!.date).to.equal('2024-03-15');
      expect(dated('2024-03-15+01:00').lines[0]!.date).to.equal('2024-03-15');
      for (const bad of ['15.03.2024', '2024-02-30', '2024-3-15', '2024-03-15T10:00:00', '2024-03-15+25:00']) {
        const r = dated(bad);
        expect(r.lines, bad).to.deep.equal([]);
        expect(r.problems.map(where), bad).to.deep.equal([
          { code: 'bad_xml_date', line: 6, column: 'Transaction/TransactionDate', value: bad },
        ]);
      }
      expect(parseSaftDate('2024-02-29')).to.equal('2024-02-29');
      expect(parseSaftDate('2023-02-29')).to.equal(null);
    });

    it('takes the budget year from PeriodYear (1970–2100), whatever the date', () => {
      const year = (y: string) =>
        read(
          doc(
            tx(
              [line(`<AccountID>8720</AccountID>${debit('1')}`)],
              `<TransactionID>T1</TransactionID><PeriodYear>${y}</PeriodYear><TransactionDate>2025-01-10</TransactionDate>`,
            ),
          ),
        );
      expect(year('2024').lines[0]!.year).to.equal(2024);
      expect(year('2031').lines[0]!.year).to.equal(2031);
      for (const bad of ['24', '2101', '1969', '2024.0', 'i år']) {
        expect(year(bad).problems.map(where), bad).to.deep.equal([
          { code: 'bad_year', line: 6, column: 'Transaction/PeriodYear', value: bad },
        ]);
      }
      expect(year('').problems.map(where)).to.deep.equal([
        { code: 'missing_value', line: 6, column: 'Transaction/PeriodYear', value: null },
      ]);
    });

    it('needs both halves of an Analysis pair', () => {
      const r = one(`<AccountID>8720</AccountID><Analysis><AnalysisType>PROSJEKT</AnalysisType></Analysis>${debit('1')}`);
      expect(r.lines).to.deep.equal([]);
      expect(r.problems.map(where)).to.deep.equal([
        { code: 'missing_element', line: 7, column: 'Transaction/Line/Analysis/AnalysisID', value: null },
      ]);
    });
  });

  describe('texts a sheet keeps', () => {
    it('refuses a control character in an ID, allows a line break in a description', () => {
      expect(one(`<AccountID>87&#9;20</AccountID>${debit('1')}`).problems.map(where)).to.deep.equal([
        { code: 'control_character', line: 7, column: 'Transaction/Line/AccountID', value: '87<U+0009>20' },
      ]);
      const text = one(`<AccountID>8720</AccountID><Description>Tilskudd,&#10;første del</Description>${debit('1')}`);
      expect(text.problems).to.deep.equal([]);
      expect(text.lines[0]!.text).to.equal('Tilskudd,\nførste del');
      expect(
        one(`<AccountID>8720</AccountID><Description>Tilskudd&#9;x</Description>${debit('1')}`).problems.map(where),
      ).to.deep.equal([
        { code: 'control_character', line: 7, column: 'Transaction/Line/Description', value: 'Tilskudd<U+0009>x' },
      ]);
    });

    it('refuses a text longer than a cell holds, naming its length', () => {
      const long = 'x'.repeat(32_768);
      const r = one(`<AccountID>8720</AccountID><Description>${long}</Description>${debit('1')}`);
      expect(r.lines).to.deep.equal([]);
      expect(r.problems.map(where)).to.deep.equal([
        { code: 'text_too_long', line: 7, column: 'Transaction/Line/Description', value: `${'x'.repeat(40)}…` },
      ]);
      expect(r.problems[0]!.expected).to.contain('32 768');
      expect(
        one(`<AccountID>8720</AccountID><Description>${'x'.repeat(32_767)}</Description>${debit('1')}`).problems,
      ).to.deep.equal([]);
    });
  });

  describe('what is not a ledger line', () => {
    it('ignores the master files, the source documents and elements of another namespace', () => {
      const r = read(
        doc(
          tx([
            line(
              `<AccountID>8720</AccountID><x:Line xmlns:x="urn:other"><x:DebitAmount><x:Amount>5</x:Amount></x:DebitAmount></x:Line>${debit('1')}`,
            ),
          ]),
        )
          .replace(
            '<GeneralLedgerEntries>',
            '<MasterFiles><GeneralLedgerAccounts><Account><AccountID>8720</AccountID><OpeningDebitBalance>7</OpeningDebitBalance></Account></GeneralLedgerAccounts></MasterFiles><GeneralLedgerEntries>',
          )
          .replace(
            '</GeneralLedgerEntries>',
            '</GeneralLedgerEntries><SourceDocuments><SalesInvoices><Invoice><Line><RecordID>1</RecordID><AccountID>3000</AccountID><DebitAmount><Amount>9</Amount></DebitAmount></Line></Invoice></SalesInvoices></SourceDocuments>',
          ),
      );
      expect(r.problems).to.deep.equal([]);
      expect(r.lines.map((l) => [l.keys.account, l.amount])).to.deep.equal([['8720', 1_000n]]);
    });

    it('reads a file whose root uses a namespace prefix', () => {
      const prefixed = doc(
        tx([line(`<AccountID>8720</AccountID>${debit('3')}`)]),
        `<n1:AuditFile xmlns:n1="${NS}">`,
        '</n1:AuditFile>',
      ).replace(/<(\/?)(?!\?|n1:)([A-Za-z])/g, '<$1n1:$2');
      const r = read(prefixed);
      expect(r.problems).to.deep.equal([]);
      expect(r.lines.map((l) => [l.keys.account, l.amount, l.keys.organisation])).to.deep.equal([['8720', 3_000n, '974761211']]);
    });
  });

  describe('files that are not SAF-T or not XML', () => {
    it('refuses a wrong root or namespace, naming them, and reads no further', () => {
      const other = read(
        doc(
          tx([line(`<AccountID>8720</AccountID>${debit('1')}`)]),
          '<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">',
        ),
      );
      expect(other.lines).to.deep.equal([]);
      expect(other.problems.map(where)).to.deep.equal([
        { code: 'not_saft', line: 2, column: 'AuditFile', value: 'AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01"' },
      ]);
      const none = read(`<?xml version="1.0"?>\n<Forbruk><Linje/></Forbruk>`);
      expect(none.problems.map(where)).to.deep.equal([{ code: 'not_saft', line: 2, column: 'AuditFile', value: 'Forbruk' }]);
    });

    it('stops at malformed XML with one problem naming its line', () => {
      const broken = doc(
        tx([
          line(`<AccountID>8720</AccountID>${debit('1')}`),
          '<Line><RecordID>2</RecordID><AccountID>2400</AccountID>',
          line(`<AccountID>2400</AccountID>${credit('1')}`, '3'),
        ]),
      );
      const r = read(broken);
      expect(r.lines.map((l) => l.keys.account)).to.deep.equal(['8720']);
      // The Line of line 8 is cut short by the end tag on line 10: not read, so no debit_credit for it.
      expect(r.problems.map((p) => [p.code, p.line])).to.deep.equal([['bad_xml', 10]]);
      expect(r.problems[0]!.value).to.be.a('string').and.not.equal('');
      expect(read(broken, [1])).to.deep.equal(r);
      // A Line whole but for its end tag is not given either.
      const unclosed = read(
        doc(
          tx([
            line(`<AccountID>8720</AccountID>${debit('1')}`),
            `<Line><RecordID>2</RecordID><AccountID>2400</AccountID>${credit('1')}`,
          ]),
        ),
      );
      expect(unclosed.lines.map((l) => l.keys.account)).to.deep.equal(['8720']);
      expect(unclosed.problems.map((p) => [p.code, p.line])).to.deep.equal([['bad_xml', 9]]);
      const cut = read(EXAMPLE.subarray(0, 5000));
      expect(cut.problems.map((p) => p.code)).to.deep.equal(['bad_xml']);
      expect(read('').problems.map((p) => p.code)).to.deep.equal(['bad_xml']);
    });

    it('refuses a DOCTYPE without expanding its entities (billion laughs)', () => {
      const laughs = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE AuditFile [',
        '  <!ENTITY lol "lol">',
        '  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
        '  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
        ']>',
        `<AuditFile xmlns="${NS}"><Header><Company><RegistrationNumber>&lol2;</RegistrationNumber></Company></Header></AuditFile>`,
      ].join('\n');
      const r = read(laughs);
      expect(r.lines).to.deep.equal([]);
      expect(r.problems.map((p) => [p.code, p.line])).to.deep.equal([['xml_doctype', 6]]);
    });
  });

  describe('encodings', () => {
    const latin = (declared: string, description: number[]) => {
      const before = new TextEncoder().encode(
        doc(tx([line(`<AccountID>8720</AccountID><Description>@</Description>${debit('1')}`)])).replace(
          'encoding="UTF-8"',
          `encoding="${declared}"`,
        ),
      );
      const at = before.indexOf(64);
      return Uint8Array.from([...before.subarray(0, at), ...description, ...before.subarray(at + 1)]);
    };

    it('honours an ISO-8859-1 or Windows-1252 declaration', () => {
      // "Søk €5": ø is 0xF8 in both; € is 0x80 in Windows-1252 (which files labelled ISO-8859-1 are in practice).
      const bytes = [0x53, 0xf8, 0x6b, 0x20, 0x80, 0x35];
      expect(read(latin('ISO-8859-1', bytes)).lines[0]!.text).to.equal('Søk €5');
      expect(read(latin('windows-1252', bytes), [1]).lines[0]!.text).to.equal('Søk €5');
    });

    it('refuses bytes that are not UTF-8 in a UTF-8 file, naming the line and the bytes up to the next character', () => {
      const bad = (description: number[]) => {
        const r = read(latin('UTF-8', description));
        expect(r.lines).to.deep.equal([]);
        expect(read(latin('UTF-8', description), [1])).to.deep.equal(r);
        expect(read(latin('UTF-8', description), [2, 5])).to.deep.equal(r);
        return r.problems.map(where);
      };
      const encoding = (line: number, value: string) => [{ code: 'xml_encoding', line, column: null, value }];
      // "Søk" in Latin-1: ø is 0xF8; the k after it is UTF-8.
      expect(bad([0x53, 0xf8, 0x6b])).to.deep.equal(encoding(7, '0xF8'));
      // "æøå": a run of bad bytes, to the next character (a multi-byte one here, €).
      expect(bad([0xe6, 0xf8, 0xe5, 0xe2, 0x82, 0xac])).to.deep.equal(encoding(7, '0xE6 0xF8 0xE5'));
      // A sequence cut off by a character, and a run longer than shown.
      expect(bad([0xe2, 0x82, 0x78])).to.deep.equal(encoding(7, '0xE2 0x82'));
      expect(bad(Array<number>(20).fill(0xe9))).to.deep.equal(encoding(7, '0xE9 0xE9 0xE9 0xE9 0xE9 0xE9 0xE9 0xE9 …'));
      // After a carriage return (a line end of its own), the bad byte is on the next line.
      expect(bad([0x61, 0x0d, 0xf8])).to.deep.equal(encoding(8, '0xF8'));
      // At the end of the file: the sequence the file ends inside.
      const cut = new TextEncoder().encode(doc(tx([])));
      const end = Uint8Array.from([...cut, 0x0a, 0xe2, 0x82]);
      expect(read(end).problems.map(where)).to.deep.equal(encoding(10, '0xE2 0x82'));
      expect(read(end, [1])).to.deep.equal(read(end));
    });

    it('gives the lines before bad bytes as in any chunking, and names malformed XML before them instead', () => {
      // The second line's Description holds ø in Latin-1 (0xF8, in place of the @).
      const withBad = (account: string) => {
        const bytes = new TextEncoder().encode(
          doc(
            tx([
              line(`<AccountID>8720</AccountID>${debit('1')}`),
              line(`<AccountID>${account}</AccountID><Description>@</Description>${credit('1')}`, '2'),
            ]),
          ),
        );
        const at = bytes.indexOf(64);
        return Uint8Array.from([...bytes.subarray(0, at), 0xf8, ...bytes.subarray(at + 1)]);
      };
      const r = read(withBad('2400'));
      expect(r.lines.map((l) => l.keys.account)).to.deep.equal(['8720']);
      expect(r.problems.map(where)).to.deep.equal([{ code: 'xml_encoding', line: 8, column: null, value: '0xF8' }]);
      expect(read(withBad('2400'), [1])).to.deep.equal(r);
      const malformed = read(withBad('24<00'));
      expect(malformed.problems.map((p) => [p.code, p.line])).to.deep.equal([['bad_xml', 8]]);
      expect(read(withBad('24<00'), [1])).to.deep.equal(malformed);
    });

    it('reads a UTF-8 byte-order mark, and refuses an encoding it does not read', () => {
      const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...EXAMPLE]);
      expect(read(bom, [1])).to.deep.equal(read(EXAMPLE));
      expect(read(bom).lines).to.have.length(22);
      const ebcdic = read(doc('').replace('encoding="UTF-8"', 'encoding="IBM037"'));
      expect(ebcdic.problems.map(where)).to.deep.equal([{ code: 'xml_encoding', line: 1, column: null, value: 'IBM037' }]);
    });
  });
});
