import { expect } from 'chai';
import fc from 'fast-check';
import { LineReader, mapHeader, LEDGER_COLUMNS, readIndicatorBytes, type FileReport, type Problem } from '../../engine/index.js';
import { EXCEL_MAX_CELL_TEXT, MAX_AMOUNT_ORE } from '../../engine/excel-limits.js';
import { decodeText, scanUtf8 } from '../../engine/ledger/decode.js';
import { brief, chunksOf, cp1252, newLedger, plan, where } from './ledger-helpers.js';

// Scenario (issue 10, "nothing lost, nothing forged"): ledger files that would be misread, or whose
// lines would not come back from a sheet as they went in. A file that is UTF-8 but for a byte, a
// header naming a column twice, a voucher with a control character, an amount beyond 15 digits
// and a text longer than a cell are each refused with the place and the value named; what is
// honest (a Windows-1252 file, a line break in a quoted text, the largest amount a cell holds) is read.

const HEADER = 'Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;Tekst';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function counts(report: FileReport) {
  return { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected };
}

/** Reads bytes alone, whole and in every chunk size up to 9, and checks that all give the same. */
function readBytes(name: string, bytes: Uint8Array, skipInvalid = false) {
  const read = (chunks: () => Iterable<Uint8Array>) => {
    const ledger = newLedger();
    const report = ledger.addFile(name, chunks, { skipInvalid });
    return { report, lines: ledger.lines.map(brief) };
  };
  const whole = read(() => [bytes]);
  for (let size = 1; size <= 9; size++)
    expect(
      read(() => chunksOf(bytes, size)),
      `${size}-byte chunks`,
    ).to.deep.equal(whole);
  return whole;
}

/** Reads a text alone with the fast path on and off, and checks that both give the same. */
function readText(text: string, skipInvalid = false, lang: 'nb' | 'en' = 'nb') {
  const read = (fastPath: boolean) => {
    const ledger = newLedger();
    const report = ledger.addFile('forbruk.csv', () => [utf8(text)], { skipInvalid, fastPath, lang });
    return { report, lines: ledger.lines.map(brief) };
  };
  const fast = read(true);
  expect(read(false)).to.deep.equal(fast);
  return fast;
}

const codes = (problems: readonly Problem[]) => problems.map(where);

describe('Ledger: a file that is UTF-8 but for some bytes', () => {
  // The header's ø is UTF-8 (C3 B8); line 3's é is one Windows-1252 byte (0xE9).
  const mixed = Buffer.concat([
    utf8(`${HEADER}\n2024-03-01;U-1;skil;;100;;Kafé\n`),
    utf8('2024-03-02;U-2;skil;;200;;Caf'),
    Buffer.from([0xe9]),
    utf8('\n2024-03-03;U-3;skil;;300;;x\n'),
  ]);

  it('is refused whole with the line of the bad byte, the byte in hex and UTF-8 expected', () => {
    const { report, lines } = readBytes('blandet.csv', mixed);
    expect(codes(report.problems)).to.deep.equal([
      { code: 'invalid_utf8', file: 'blandet.csv', line: 3, column: null, value: '0xE9' },
    ]);
    expect(report.problems[0]!.message).to.equal(
      'blandet.csv, linje 3: Bytene er ikke gyldig UTF-8. Verdien «0xE9». Forventet: UTF-8, som resten av filen ' +
        '(linje 1 har UTF-8-tegnet «ø», U+00F8); lagre filen som UTF-8 og les den inn på nytt.',
    );
    expect([report.encoding, counts(report), lines]).to.deep.equal(['utf-8', { imported: 0, duplicates: 0, rejected: true }, []]);
  });

  it('is refused whole with --skip-invalid too (which characters the bytes stand for cannot be known)', () => {
    const { report, lines } = readBytes('blandet.csv', mixed, true);
    expect(codes(report.problems).map((p) => [p.code, p.line])).to.deep.equal([['invalid_utf8', 3]]);
    expect([counts(report), lines]).to.deep.equal([{ imported: 0, duplicates: 0, rejected: true }, []]);
  });

  it('says so in English', () => {
    const report = newLedger().addFile('mixed.csv', () => [mixed], { lang: 'en' });
    expect(report.problems[0]!.message).to.equal(
      'mixed.csv, line 3: The bytes are not valid UTF-8. The value “0xE9”. Expected: UTF-8, as the rest of the file ' +
        '(line 1 holds the UTF-8 character “ø”, U+00F8); save the file as UTF-8 and read it in again.',
    );
  });

  it('names every line with bad bytes, even those before the first UTF-8 character, each sequence once', () => {
    // Line 2: two Windows-1252 letters (æ, ø); line 3: a euro sign cut after two bytes (E2 82) and
    // an encoded surrogate (ED A0 80: three bad bytes); line 4 the first UTF-8 letter; line 5 cut off.
    const bytes = Buffer.concat([
      utf8('Dato;Bilag;Virkemiddel;Belop;Tekst\n2024-03-01;U-1;skil;100;'),
      Buffer.from([0xe6, 0x20, 0xf8]),
      utf8('\n2024-03-02;U-2;skil;200;'),
      Buffer.from([0xe2, 0x82, 0x20, 0xed, 0xa0, 0x80]),
      utf8('\n2024-03-03;U-3;skil;300;å\n2024-03-04;U-4;skil;400;'),
      Buffer.from([0xf0, 0x9f, 0x98]),
    ]);
    const { report } = readBytes('mange.csv', bytes);
    expect(codes(report.problems).map((p) => [p.line, p.value])).to.deep.equal([
      [2, '0xE6 0xF8'],
      [3, '0xE2 0x82 0xED 0xA0 0x80'],
      [5, '0xF0 0x9F 0x98'],
    ]);
    expect(report.problems[0]!.expected).to.include('linje 4 har UTF-8-tegnet «å», U+00E5');
  });

  it('names at most 8 bad sequences of one line, then …', () => {
    const bytes = Buffer.concat([utf8('Belop;ø\n'), Buffer.alloc(10, 0xff), utf8('\n')]);
    expect(scanUtf8([bytes])!.faults).to.deep.equal([{ line: 2, bytes: `${Array(8).fill('0xFF').join(' ')} …` }]);
  });

  it('is not found in a valid UTF-8 file cut inside its characters, nor in a file without any UTF-8 character', () => {
    const valid = utf8(`${HEADER}\n2024-03-01;U-1;skil;;100;;Kafé på Ås 🙂\n`);
    expect(readBytes('ok.csv', valid).report.encoding).to.equal('utf-8');
    const windows = cp1252(`${HEADER}\n2024-03-01;U-1;skil;;100;;Kafé på Ås\n`);
    const { report, lines } = readBytes('cp.csv', windows);
    expect([report.encoding, report.problems, lines.map((l) => l.text)]).to.deep.equal(['windows-1252', [], ['Kafé på Ås']]);
  });

  it('agrees with the strict TextDecoder on any bytes, in any chunks (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (random, size) => {
        // A UTF-8 letter first, so the file is mixed exactly when the bytes are not UTF-8.
        const bytes = Buffer.concat([utf8('ø\n'), random]);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const found = scanUtf8(chunksOf(bytes, size));
        expect(found === null, 'no fault found').to.equal(valid);
        expect(found).to.deep.equal(scanUtf8([bytes]));
        // The lines named are those where the WHATWG decoder puts a replacement character (bytes
        // without 0xEF hold no valid U+FFFD of their own).
        if (found !== null && !bytes.includes(0xef)) {
          const lines = new TextDecoder('utf-8').decode(bytes).split('\n');
          const replaced = lines.flatMap((text, i) => (text.includes('\uFFFD') ? [i + 1] : []));
          expect(found.faults.map((f) => f.line)).to.deep.equal(replaced);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is refused in an indicator file too, and decodeText says why', () => {
    const bytes = Buffer.concat([utf8('indikator;år;verdi\nsykefravaer;2024;'), Buffer.from([0xb7]), utf8('\n')]);
    expect(decodeText(bytes)).to.deep.equal({
      text: null,
      encoding: null,
      mixed: { utf8: { line: 1, char: 'å' }, faults: [{ line: 2, bytes: '0xB7' }], faultLines: 1 },
    });
    expect(codes(readIndicatorBytes('ind.csv', bytes).problems)).to.deep.equal([
      { code: 'invalid_utf8', file: 'ind.csv', line: 2, column: null, value: '0xB7' },
    ]);
  });
});

describe('Ledger: a header naming a column twice', () => {
  const cases: [string, string, string, string][] = [
    [
      'beløp and amount',
      'Dato;Bilag;Virkemiddel;Beløp;Amount',
      'Amount',
      '(kolonne 4 «Beløp» og kolonne 5 «Amount» er samme kolonne)',
    ],
    ['beløp twice', 'Dato;Bilag;Virkemiddel;beløp;beløp', 'beløp', '(kolonne 4 «beløp» og kolonne 5 «beløp» er samme kolonne)'],
    [
      'BELØP and belop',
      'BELØP;Dato;Bilag;Virkemiddel; belop ',
      'belop',
      '(kolonne 1 «BELØP» og kolonne 5 «belop» er samme kolonne)',
    ],
  ];
  for (const [what, header, column, why] of cases) {
    it(`is refused whole, naming the column (${what})`, () => {
      const { report, lines } = readText(`${header}\n2024-03-01;U-1;skil;100;100\n`, true);
      expect(codes(report.problems)).to.deep.equal([
        { code: 'duplicate_column', file: 'forbruk.csv', line: 1, column, value: null },
      ]);
      expect(report.problems[0]!.message).to.equal(
        `forbruk.csv, linje 1, kolonne ${column}: Kolonnen står to ganger i overskriften. Forventet: hver kolonne bare én gang ${why}.`,
      );
      expect([counts(report), lines]).to.deep.equal([{ imported: 0, duplicates: 0, rejected: true }, []]);
    });
  }

  it('says so in English, beside a missing column', () => {
    const { report } = readText('Date;Voucher;Amount;Beløp\n2024-03-01;U-1;100;100\n', false, 'en');
    expect(report.problems.map((p) => p.message)).to.deep.equal([
      'forbruk.csv, line 1, column Beløp: The column appears twice in the header. Expected: each column once (column 3 “Amount” and column 4 “Beløp” are the same column).',
      'forbruk.csv, line 1: Required columns are missing. The value “Date;Voucher;Amount;Beløp”. Expected: the columns virkemiddel (eller kapittel og post).',
    ]);
  });

  it('is refused in an indicator file too', () => {
    const problems = readIndicatorBytes('ind.csv', utf8('indikator;år;verdi;value\nsykefravaer;2024;6;6\n')).problems;
    expect(codes(problems)).to.deep.equal([{ code: 'duplicate_column', file: 'ind.csv', line: 1, column: 'value', value: null }]);
  });
});

describe('Ledger: values a sheet would not give back', () => {
  it('refuses a control character in a voucher, naming the column and showing the character', () => {
    const { report, lines } = readText(`${HEADER}\n2024-03-01;U-1;skil;;100;;a\n2024-03-02;U-\u00012;skil;;100;;b\n`);
    expect(codes(report.problems)).to.deep.equal([
      { code: 'control_character', file: 'forbruk.csv', line: 3, column: 'Bilag', value: 'U-<U+0001>2' },
    ]);
    expect(report.problems[0]!.message).to.equal(
      'forbruk.csv, linje 3, kolonne Bilag: Verdien har et kontrolltegn. Verdien «U-<U+0001>2». Forventet: tekst uten ' +
        'kontrolltegn (U+0000–U+001F, U+007F), som et regneark beholder; bare tekst-kolonnen kan ha linjeskift.',
    );
    expect([counts(report), lines]).to.deep.equal([{ imported: 0, duplicates: 0, rejected: true }, []]);
  });

  it('refuses DEL in a reference, TAB and a lone CR in a text, a line break in a quoted voucher, one problem per field', () => {
    const text =
      `${HEADER}\n` +
      '2024-03-01;U-1;skil;;100;T-\u007f1;a\n' +
      '2024-03-02;U-2;skil;;100;;en\ttab\n' +
      '2024-03-03;U-3;skil;;100;;cr\rher\n' +
      '2024-03-04;"U-\n4";skil;;100;;d\n' +
      '2024-03-05;U-5;skil;;100;;e\n' +
      '2024-03-\u000206;U-6;skil;;100;;f\n';
    const { report, lines } = readText(text, true);
    expect(codes(report.problems)).to.deep.equal([
      { code: 'control_character', file: 'forbruk.csv', line: 2, column: 'Referanse', value: 'T-<U+007F>1' },
      { code: 'control_character', file: 'forbruk.csv', line: 3, column: 'Tekst', value: 'en<U+0009>tab' },
      { code: 'control_character', file: 'forbruk.csv', line: 4, column: 'Tekst', value: 'cr<U+000D>her' },
      { code: 'control_character', file: 'forbruk.csv', line: 5, column: 'Bilag', value: 'U-<U+000A>4' },
      // Not also bad_date: the field has its one problem.
      { code: 'control_character', file: 'forbruk.csv', line: 8, column: 'Dato', value: '2024-03-<U+0002>06' },
    ]);
    expect(lines.map((l) => [l.line, l.voucher])).to.deep.equal([[7, 'U-5']]);
  });

  it('keeps a line break in a quoted text, CRLF as a line feed (as a sheet gives it back)', () => {
    const { report, lines } = readText(`${HEADER}\r\n2024-03-01;U-1;skil;;100;;"to\r\nlinjer\nog tre"\r\n`);
    expect([report.problems, lines.map((l) => l.text)]).to.deep.equal([[], ['to\nlinjer\nog tre']]);
  });

  it('refuses a control character in a Forbruk row as the file does, naming the sheet and row', () => {
    const header = mapHeader(['Dato', 'Bilag', 'Virkemiddel', 'Beløp', 'Tekst'], LEDGER_COLUMNS);
    const problems: Problem[] = [];
    const reader = new LineReader(plan, 'bok.xlsx', header, 'nb', 'Forbruk');
    expect(reader.read(['2024-03-01', 'U-1', 'skil', '100', 'linje\nskift'], 2, problems)).to.not.equal(null);
    expect(reader.read(['2024-03-01', 'U-1\u001f', 'skil', '100', ''], 3, problems)).to.equal(null);
    expect(problems.map((p) => p.message)).to.deep.equal([
      'bok.xlsx, ark Forbruk, rad 3, kolonne Bilag: Verdien har et kontrolltegn. Verdien «U-1<U+001F>». Forventet: tekst uten ' +
        'kontrolltegn (U+0000–U+001F, U+007F), som et regneark beholder; bare tekst-kolonnen kan ha linjeskift.',
    ]);
  });

  it('reads amounts up to 9 999 999 999 999,99 either way, and refuses one more øre', () => {
    const amounts = [
      '9 999 999 999 999,99',
      '-9999999999999.99',
      '10 000 000 000 000,00',
      '−10000000000000',
      '99999999999999999999,99',
    ];
    const text = `${HEADER}\n${amounts.map((a, i) => `2024-03-01;U-${i};skil;;${a};;`).join('\n')}\n`;
    const { report, lines } = readText(text, true);
    expect(lines.map((l) => l.amount)).to.deep.equal(['9999999999999.99', '-9999999999999.99']);
    expect(codes(report.problems)).to.deep.equal(
      amounts
        .slice(2)
        .map((value, i) => ({ code: 'amount_too_large', file: 'forbruk.csv', line: 4 + i, column: 'Beløp', value })),
    );
    expect(report.problems[2]!.message).to.equal(
      'forbruk.csv, linje 6, kolonne Beløp: Beløpet er for stort. Verdien «99999999999999999999,99». Forventet: et beløp på høyst ' +
        '9 999 999 999 999,99 med eller uten minus (15 sifre, det en celle i Excel holder nøyaktig).',
    );
    expect(MAX_AMOUNT_ORE).to.equal(999_999_999_999_999n);
  });

  it('reads a text of 32 767 characters and refuses one of 32 768, showing its beginning', () => {
    const longest = 'a'.repeat(EXCEL_MAX_CELL_TEXT);
    const text = `${HEADER}\n2024-03-01;U-1;skil;;100;;${longest}\n2024-03-02;U-2;skil;;100;;b${longest}\n2024-03-03;${longest}x;skil;;100;;c\n`;
    const { report, lines } = readText(text, true);
    expect(lines.map((l) => l.text.length)).to.deep.equal([32_767]);
    expect(codes(report.problems)).to.deep.equal([
      { code: 'text_too_long', file: 'forbruk.csv', line: 3, column: 'Tekst', value: `b${'a'.repeat(39)}…` },
      { code: 'text_too_long', file: 'forbruk.csv', line: 4, column: 'Bilag', value: `${'a'.repeat(40)}…` },
    ]);
    expect(report.problems[0]!.expected).to.equal('høyst 32 767 tegn, det en celle i Excel rommer (verdien har 32 768)');
    const english = readText(text, true, 'en').report.problems[0]!.expected;
    expect(english).to.equal('at most 32,767 characters, what an Excel cell holds (the value has 32,768)');
  });
});
