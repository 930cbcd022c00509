import { expect } from 'chai';
import { parseKind, type FileReport } from '../../engine/index.js';
import { brief, cp1252, fixture, newLedger, where } from './ledger-helpers.js';

const HEADER = 'Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;Tekst';

/** Reads a text ledger alone and returns the report and the lines. */
function readText(text: string, name = 'forbruk.csv', skipInvalid = false) {
  const ledger = newLedger();
  const report = ledger.addText(name, text, { skipInvalid });
  return { report, lines: ledger.lines.map(brief) };
}

function counts(report: FileReport) {
  return { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected };
}

describe('Ledger: encodings, separators and quoting', () => {
  it('reads a UTF-8 file with BOM, semicolons and CRLF, with instruments by id and by Norwegian name', () => {
    const ledger = newLedger();
    const report = ledger.addFile('utf8-bom.csv', () => [fixture('utf8-bom-semikolon-crlf-2021.csv')]);
    expect(report.encoding).to.equal('utf-8');
    expect(report.problems).to.deep.equal([]);
    expect(counts(report)).to.deep.equal({ imported: 5, duplicates: 0, rejected: false });
    expect(ledger.lines.map(brief)).to.deep.equal([
      {
        line: 2,
        date: '2021-01-15',
        voucher: 'T-2021-001',
        instrument: 'ekspertbistand',
        kind: 'tilsagn',
        amount: '1500000.00',
        reference: '',
        year: 2021,
        text: 'Tilsagn ekspertbistand, Øst-Viken',
      },
      {
        line: 3,
        date: '2021-02-03',
        voucher: 'U-2021-014',
        instrument: 'ekspertbistand',
        kind: 'utbetaling',
        amount: '750000.00',
        reference: 'T-2021-001',
        year: 2021,
        text: 'Delutbetaling 1 av 2',
      },
      {
        line: 4,
        date: '2021-03-10',
        voucher: 'U-2021-022',
        instrument: 'arbeidsmiljosatsing',
        kind: 'utbetaling',
        amount: '2400000.50',
        reference: '',
        year: 2021,
        text: 'Kampanje «Jobb i lag»',
      },
      {
        line: 5,
        date: '2021-04-22',
        voucher: 'U-2021-031',
        instrument: 'kompetansetiltak',
        kind: 'utbetaling',
        amount: '125000.75',
        reference: '',
        year: 2021,
        text: 'Forsøk i barnehager',
      },
      {
        line: 6,
        date: '2021-06-30',
        voucher: 'U-2021-040',
        instrument: 'kunnskapsutvikling',
        kind: 'utbetaling',
        amount: '-12000.00',
        reference: '',
        year: 2021,
        text: 'Tilbakebetalt for mye utbetalt',
      },
    ]);
  });

  it('reads the same file without BOM and with LF to the same lines', () => {
    const withBom = newLedger();
    withBom.addFile('a.csv', () => [fixture('utf8-bom-semikolon-crlf-2021.csv')]);
    const plain = newLedger();
    const text = fixture('utf8-bom-semikolon-crlf-2021.csv').subarray(3).toString('utf8').replace(/\r\n/g, '\n');
    const report = plain.addFile('a.csv', () => [Buffer.from(text, 'utf8')]);
    expect(report.encoding).to.equal('utf-8');
    expect(plain.lines).to.deep.equal(withBom.lines);
  });

  it('reads Windows-1252 bytes (ø = 0xF8, å = 0xE5) when the file is not UTF-8', () => {
    const bytes = cp1252(
      'Dato;Bilag;Virkemiddel;Beløp;Tekst\r\n' +
        '12.05.2022;P-22-5;Opplæring i arbeidsmiljøarbeid;15 000,00;Kurs på Hamar, ærlig talt\r\n',
    );
    expect([...bytes.subarray(23, 30)]).to.deep.equal([0x42, 0x65, 0x6c, 0xf8, 0x70, 0x3b, 0x54]);
    const ledger = newLedger();
    const report = ledger.addFile('cp1252.csv', () => [bytes]);
    expect(report.encoding).to.equal('windows-1252');
    expect(report.problems).to.deep.equal([]);
    expect(ledger.lines.map(brief)).to.deep.equal([
      {
        line: 2,
        date: '2022-05-12',
        voucher: 'P-22-5',
        instrument: 'opplaering',
        kind: 'utbetaling',
        amount: '15000.00',
        reference: '',
        year: 2022,
        text: 'Kurs på Hamar, ærlig talt',
      },
    ]);
  });

  it('reads commas with English headers, quoted separators, doubled quotes and a line break inside quotes', () => {
    const ledger = newLedger();
    const report = ledger.addFile('engelsk.csv', () => [fixture('utf8-komma-engelsk-rfc4180-2022.csv')]);
    expect(report.problems).to.deep.equal([]);
    expect(ledger.lines.map(brief)).to.deep.equal([
      {
        line: 2,
        date: '2022-01-20',
        voucher: 'C-22-100',
        instrument: 'bransjeprogrammer',
        kind: 'tilsagn',
        amount: '3000000.00',
        reference: '',
        year: 2022,
        text: 'Programme "sykehus", phase 2',
      },
      {
        line: 3,
        date: '2022-02-14',
        voucher: 'D-22-101',
        instrument: 'bransjeprogrammer',
        kind: 'utbetaling',
        amount: '1000000.00',
        reference: 'C-22-100',
        year: 2022,
        text: 'Payment 1\nof 3, see letter',
      },
      {
        line: 5,
        date: '2022-03-01',
        voucher: 'D-22-102',
        instrument: 'bransjeprogrammer',
        kind: 'utbetaling',
        amount: '500000.00',
        reference: 'C-22-100',
        year: 2022,
        text: 'Payment 2',
      },
      {
        line: 6,
        date: '2022-12-30',
        voucher: 'D-22-200',
        instrument: 'ekspertbistand',
        kind: 'utbetaling',
        amount: '45000.50',
        reference: '',
        year: 2023,
        text: 'Paid in December for 2023',
      },
    ]);
  });

  it('reads TAB-separated chapter and post, compared as numbers, with upper-case and budsjettår headers', () => {
    const ledger = newLedger();
    const report = ledger.addFile('poster.tsv', () => [fixture('tab-kapittel-post-2020.tsv')]);
    expect(report.problems).to.deep.equal([]);
    expect(ledger.lines.map((l) => [l.line, l.instrument, l.chapter, l.post, l.year, brief(l).amount])).to.deep.equal([
      [2, 'kunnskapsutvikling', 601, 22, 2020, '250000.00'],
      // 2650.76 funds ekspertbistand and kompetansetiltak in shares not published (CONTRACTS §8):
      // the line is kept whole, unallocated, never put on one of them by guess.
      [3, null, 2650, 76, 2020, '48000.00'],
      [4, 'bransjeprogrammer', 601, 71, 2021, '1000000.00'],
    ]);
    expect(ledger.lines[1]!.unallocated).to.deep.equal({
      instruments: ['ekspertbistand', 'kompetansetiltak'],
      flags: ['split_not_set'],
    });
  });

  it('matches headers regardless of case, spaces and Norwegian letters (Belop, BELØP, År)', () => {
    for (const header of [
      'dato;bilag;virkemiddel;Belop;ar',
      ' DATO ; BILAG ; VIRKEMIDDEL ; BELØP ; ÅR ',
      'Date;Voucher;Instrument;Amount;Year',
    ]) {
      const { report, lines } = readText(`${header}\n2023-05-01;X-1;lovarbeid;10,00;2025\n`);
      expect(report.problems, header).to.deep.equal([]);
      expect(
        lines.map((l) => [l.instrument, l.amount, l.year]),
        header,
      ).to.deep.equal([['lovarbeid', '10.00', 2025]]);
    }
  });

  it('reads the kind in Norwegian or English, any case, and defaults to utbetaling', () => {
    expect(
      ['utbetaling', 'Disbursement', 'TILSAGN', 'commitment', 'annullering', 'Cancellation', 'x'].map(parseKind),
    ).to.deep.equal(['utbetaling', 'utbetaling', 'tilsagn', 'tilsagn', 'annullering', 'annullering', undefined]);
    const { lines } = readText(`${HEADER}\n2021-05-01;K-1;skil;;100;;\n`);
    expect(lines[0]!.kind).to.equal('utbetaling');
  });

  it('lets the budget year column override the year of the date', () => {
    const { lines } = readText(
      'Dato;Bilag;Virkemiddel;Beløp;År\n2021-12-20;Y-1;ekspertbistand;100;2022\n2021-12-21;Y-2;ekspertbistand;100;\n',
    );
    expect(lines.map((l) => [l.voucher, l.year])).to.deep.equal([
      ['Y-1', 2022],
      ['Y-2', 2021],
    ]);
  });

  it('counts a line dated 2018 against 2019 when its year column says so', () => {
    const { report, lines } = readText('Dato;Bilag;Virkemiddel;Beløp;År\n15.12.2018;Y-3;ekspertbistand;100;2019\n');
    expect(report.problems).to.deep.equal([]);
    expect(lines[0]!.year).to.equal(2019);
  });
});

describe('Ledger: bad lines', () => {
  it('reports each bad line with file, line, column as written, value and code, and rejects the file whole', () => {
    const ledger = newLedger();
    const report = ledger.addFile('feilrader-2021.csv', () => [fixture('feilrader-2021.csv')]);
    const file = 'feilrader-2021.csv';
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'bad_date', file, line: 4, column: 'Dato', value: '2021-13-01' },
      { code: 'missing_value', file, line: 5, column: 'Bilag', value: null },
      { code: 'unknown_instrument', file, line: 6, column: 'Virkemiddel', value: 'virkemiddel-x' },
      { code: 'bad_kind', file, line: 7, column: 'Type', value: 'betaling' },
      { code: 'bad_amount', file, line: 8, column: 'Beløp', value: '12,3,4' },
      { code: 'ambiguous_amount', file, line: 9, column: 'Beløp', value: '1.250' },
      { code: 'too_many_decimals', file, line: 10, column: 'Beløp', value: '1,234' },
      { code: 'missing_value', file, line: 11, column: 'Beløp', value: null },
      { code: 'year_out_of_range', file, line: 12, column: 'År', value: '2029' },
      { code: 'bad_year', file, line: 13, column: 'År', value: '20x1' },
    ]);
    expect(counts(report)).to.deep.equal({ imported: 0, duplicates: 0, rejected: true });
    expect(ledger.lines).to.have.length(0);
    for (const p of report.problems) {
      expect(p.message).to.include(`linje ${p.line}`);
      expect(p.expected).to.not.equal('');
    }
  });

  it('imports the valid lines and reports the rest with skipInvalid', () => {
    const ledger = newLedger();
    const report = ledger.addFile('feilrader-2021.csv', () => [fixture('feilrader-2021.csv')], { skipInvalid: true });
    expect(report.problems).to.have.length(10);
    expect(counts(report)).to.deep.equal({ imported: 2, duplicates: 0, rejected: false });
    expect(ledger.lines.map((l) => [l.line, l.voucher])).to.deep.equal([
      [2, 'E-1'],
      [14, 'E-12'],
    ]);
  });

  it('names the column as the header writes it, in English too', () => {
    const { report } = readText('date,voucher,instrument,amount\n2021-01-01,V-1,ekspertbistand,1e5\n', 'en.csv');
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'bad_amount', file: 'en.csv', line: 2, column: 'amount', value: '1e5' },
    ]);
  });

  it('refuses the shared post 601.70 as unmapped, on its line', () => {
    const { report } = readText('Dato;Bilag;Kapittel;Post;Beløp\n2021-03-01;K-1;601;22;100\n2021-03-02;K-2;601;70;100\n');
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'unmapped_post', file: 'forbruk.csv', line: 3, column: 'Post', value: '601.70' },
    ]);
    expect(report.rejected).to.equal(true);
  });

  it('refuses a chapter or post that is not a whole number, and a line naming no instrument', () => {
    const { report } = readText(
      'Dato;Bilag;Virkemiddel;Kapittel;Post;Beløp\n2021-03-01;K-1;;6o1;22;100\n2021-03-02;K-2;;601;;100\n2021-03-03;K-3;;;;100\n',
    );
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'bad_chapter_post', file: 'forbruk.csv', line: 2, column: 'Kapittel', value: '6o1' },
      { code: 'bad_chapter_post', file: 'forbruk.csv', line: 3, column: 'Post', value: '' },
      { code: 'no_instrument', file: 'forbruk.csv', line: 4, column: 'Virkemiddel', value: null },
    ]);
  });

  it('refuses a date in 2018 without a year column as year_out_of_range', () => {
    const { report } = readText(`${HEADER}\n15.12.2018;G-1;ekspertbistand;utbetaling;100;;\n`);
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'year_out_of_range', file: 'forbruk.csv', line: 2, column: 'Dato', value: '15.12.2018' },
    ]);
  });

  it('says that the day does not exist in its month, not the format the date already has (31.02.2021, 2024-02-30)', () => {
    const { report } = readText(
      `${HEADER}\n31.02.2021;G-1;ekspertbistand;utbetaling;100;;\n2024-02-30;G-2;ekspertbistand;utbetaling;100;;\n2024-13-01;G-3;ekspertbistand;utbetaling;100;;\n`,
    );
    expect(report.problems.map((p) => [p.code, p.line, p.value, p.expected])).to.deep.equal([
      ['bad_date', 2, '31.02.2021', 'en dag som finnes: februar 2021 har 28 dager'],
      ['bad_date', 3, '2024-02-30', 'en dag som finnes: februar 2024 har 29 dager'],
      ['bad_date', 4, '2024-13-01', 'en dato som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ'],
    ]);
    expect(report.problems[0]!.message).to.include('Forventet: en dag som finnes: februar 2021 har 28 dager.');
  });

  it('reports every problem of one line, not only the first', () => {
    const { report } = readText(`${HEADER}\n31.02.2021;;ukjent;tull;abc;;\n`);
    expect(report.problems.map((p) => [p.code, p.column])).to.deep.equal([
      ['bad_date', 'Dato'],
      ['missing_value', 'Bilag'],
      ['unknown_instrument', 'Virkemiddel'],
      ['bad_kind', 'Type'],
      ['bad_amount', 'Beløp'],
    ]);
  });

  it('reports a line with more fields than the header', () => {
    const { report } = readText('Dato;Bilag;Virkemiddel;Beløp\n2021-01-01;V-1;skil;100;ekstra\n2021-01-02;V-2;skil;100;;\n');
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'extra_fields', file: 'forbruk.csv', line: 2, column: null, value: 'ekstra' },
    ]);
  });

  it('reports a quote that is never closed, at the line it opens', () => {
    const { report } = readText(
      `${HEADER}\n2021-01-01;V-1;skil;;100;;ok\n2021-01-02;V-2;skil;;100;;"åpen\n2021-01-03;V-3;skil;;100;;\n`,
    );
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'unterminated_quote', file: 'forbruk.csv', line: 3, column: null, value: null },
    ]);
    expect(report.rejected).to.equal(true);
  });

  it('keeps line numbers right after a quoted line break, with CRLF', () => {
    const text = `${HEADER}\r\n2021-01-01;V-1;skil;;100;;"to\r\nlinjer"\r\n2021-01-02;V-2;skil;;1.250;;\r\n\r\n2021-01-03;V-3;skil;;x;;\r\n`;
    const { report } = readText(text);
    expect(report.problems.map((p) => [p.code, p.line])).to.deep.equal([
      ['ambiguous_amount', 4],
      ['bad_amount', 6],
    ]);
  });
});

describe('Ledger: files that are not ledgers', () => {
  const cases: [string, Uint8Array, string][] = [
    ['an empty file', new Uint8Array(0), 'empty_file'],
    ['a file with only a BOM and blank lines', Buffer.from('\ufeff\r\n\r\n', 'utf8'), 'empty_file'],
    ['a file with a header and no lines', Buffer.from(`${HEADER}\n`, 'utf8'), 'empty_file'],
    [
      'a binary file (NUL bytes)',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]),
      'binary_file',
    ],
  ];
  for (const [what, bytes, code] of cases) {
    it(`gives ${what} one ${code} problem and imports nothing`, () => {
      const ledger = newLedger();
      const report = ledger.addFile('fil.csv', () => [bytes]);
      expect(report.problems.map(where)).to.deep.equal([{ code, file: 'fil.csv', line: null, column: null, value: null }]);
      expect(counts(report)).to.deep.equal({ imported: 0, duplicates: 0, rejected: true });
      expect(ledger.lines).to.have.length(0);
    });
  }

  it('gives a binary file one binary_file problem even when its NUL bytes arrive in a later chunk', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n2021-01-01;V-1;skil;;100;;\n`),
      Buffer.from([0, 1, 2, 0, 0xff, 0xfe, 0x0a]),
    ]);
    const ledger = newLedger();
    const report = ledger.addFile('blob.csv', () => chunk7(bytes));
    expect(report.problems.map((p) => p.code)).to.deep.equal(['binary_file']);
    expect(counts(report)).to.deep.equal({ imported: 0, duplicates: 0, rejected: true });
    expect(ledger.lines).to.have.length(0);
  });

  it('gives a header without the required columns one missing_columns problem naming them', () => {
    const { report } = readText('Dato;Tekst;Sum\n2021-01-01;x;100\n2021-01-02;y;oops\n', 'regneark.csv');
    expect(report.problems.map(where)).to.deep.equal([
      { code: 'missing_columns', file: 'regneark.csv', line: 1, column: null, value: 'Dato;Tekst;Sum' },
    ]);
    expect(report.problems[0]!.expected).to.include('bilag').and.include('beløp').and.include('virkemiddel');
    expect(report.rejected).to.equal(true);
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['"', '\n\n;;;\n', 'a', '\r', '"""\n";"', 'Dato;Bilag;Virkemiddel;Beløp\n"']) {
      expect(() => readText(text), JSON.stringify(text)).to.not.throw();
    }
  });
});

function* chunk7(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
}
