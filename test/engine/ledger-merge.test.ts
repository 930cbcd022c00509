import { expect } from 'chai';
import fc from 'fast-check';
import { Money, readCsv, detectSeparator, csvField, type Ledger } from '../../engine/index.js';
import { brief, chunksOf, cp1252, fixture, newLedger } from './ledger-helpers.js';

function spentOn(ledger: Ledger, instrument: string): string {
  return Money.fromMilli(ledger.lines.filter((l) => l.instrument === instrument).reduce((t, l) => t + l.amount, 0n)).toFixed2();
}

describe('Ledger: duplicates across and within files', () => {
  it('changes nothing when the same file is read twice', () => {
    const ledger = newLedger();
    const first = ledger.addFile('jan-mar.csv', () => [fixture('eksport-jan-mar-2024.csv')]);
    const second = ledger.addFile('jan-mar.csv', () => [fixture('eksport-jan-mar-2024.csv')]);
    expect([first.imported, first.duplicates]).to.deep.equal([3, 0]);
    expect([second.imported, second.duplicates, second.rejected]).to.deep.equal([0, 3, false]);
    expect(ledger.lines).to.have.length(3);
    expect(ledger.duplicates).to.equal(3);
  });

  it('merges overlapping exports (January–March, then March–June) without double counting', () => {
    const ledger = newLedger();
    ledger.addFile('jan-mar.csv', () => [fixture('eksport-jan-mar-2024.csv')]);
    const second = ledger.addFile('mar-jun.csv', () => [fixture('eksport-mar-jun-2024.csv')]);
    expect([second.imported, second.duplicates]).to.deep.equal([3, 1]);
    expect(ledger.lines.map((l) => l.voucher)).to.deep.equal(['A-24-01', 'A-24-02', 'A-24-03', 'A-24-04', 'A-24-05', 'A-24-06']);
    expect(spentOn(ledger, 'kompetansetiltak')).to.equal('3450000.00');
  });

  it('gives the same ledger whichever of two overlapping exports comes first', () => {
    const a = newLedger();
    a.addFile('jan-mar.csv', () => [fixture('eksport-jan-mar-2024.csv')]);
    a.addFile('mar-jun.csv', () => [fixture('eksport-mar-jun-2024.csv')]);
    const b = newLedger();
    b.addFile('mar-jun.csv', () => [fixture('eksport-mar-jun-2024.csv')]);
    b.addFile('jan-mar.csv', () => [fixture('eksport-jan-mar-2024.csv')]);
    expect(spentOn(b, 'kompetansetiltak')).to.equal(spentOn(a, 'kompetansetiltak'));
    expect(b.lines.map((l) => l.voucher).sort()).to.deep.equal(a.lines.map((l) => l.voucher).sort());
  });

  it('keeps two identical lines of one file (a split posting) and warns naming both lines', () => {
    const ledger = newLedger();
    const report = ledger.addFile('splittet.csv', () => [fixture('splittet-postering-2023.csv')]);
    expect([report.imported, report.duplicates]).to.deep.equal([3, 0]);
    expect(report.warnings.map((w) => ({ code: w.code, file: w.file, lines: w.lines }))).to.deep.equal([
      { code: 'identical_lines', file: 'splittet.csv', lines: [2, 4] },
    ]);
    expect(report.warnings[0]!.message).to.include('2, 4');
    expect(spentOn(ledger, 'bransjeprogrammer')).to.equal('180000.00');
  });

  it('treats the Nth identical line of a later file as a duplicate of the Nth already imported', () => {
    const line = '01.09.2023;S-23-11;bransjeprogrammer;utbetaling;50 000,00;;Samling';
    const header = 'Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;Tekst';
    const ledger = newLedger();
    ledger.addFile('splittet.csv', () => [fixture('splittet-postering-2023.csv')]);
    const once = ledger.addText('en-gang.csv', `${header}\n${line}\n`);
    expect([once.imported, once.duplicates]).to.deep.equal([0, 1]);
    const thrice = ledger.addText('tre-ganger.csv', `${header}\n${line}\n${line}\n${line}\n`);
    expect([thrice.imported, thrice.duplicates]).to.deep.equal([1, 2]);
    expect(thrice.warnings[0]!.lines).to.deep.equal([2, 3, 4]);
    expect(spentOn(ledger, 'bransjeprogrammer')).to.equal('230000.00');
  });

  it('sees lines differing only in text or year as the same, and in voucher, date, type, amount or reference as different', () => {
    const header = 'Dato;Bilag;Virkemiddel;Type;Beløp;Referanse;År;Tekst';
    const ledger = newLedger();
    ledger.addText('a.csv', `${header}\n2022-03-01;V-1;skil;utbetaling;100;T-1;2022;første\n`);
    const same = ledger.addText(
      'b.csv',
      `${header}\n01.03.2022;V-1;Utvikling kursmodul og utprøving (SKIL);;100,00;T-1;2021;annen tekst\n`,
    );
    expect([same.imported, same.duplicates]).to.deep.equal([0, 1]);
    const different = ledger.addText(
      'c.csv',
      [
        header,
        '2022-03-01;V-2;skil;utbetaling;100;T-1;2022;',
        '2022-03-02;V-1;skil;utbetaling;100;T-1;2022;',
        '2022-03-01;V-1;skil;annullering;100;T-1;2022;',
        '2022-03-01;V-1;skil;utbetaling;100,01;T-1;2022;',
        '2022-03-01;V-1;skil;utbetaling;100;T-2;2022;',
        '2022-03-01;V-1;ekspertbistand;utbetaling;100;T-1;2022;',
      ].join('\n'),
    );
    expect([different.imported, different.duplicates]).to.deep.equal([6, 0]);
  });

  it('imports nothing from a rejected file, so its good lines do not count as seen', () => {
    const header = 'Dato;Bilag;Virkemiddel;Beløp';
    const ledger = newLedger();
    const bad = ledger.addText('bad.csv', `${header}\n2022-01-01;V-1;skil;100\n2022-01-02;V-2;skil;1.250\n`);
    expect(bad.rejected).to.equal(true);
    const good = ledger.addText('good.csv', `${header}\n2022-01-01;V-1;skil;100\n`);
    expect([good.imported, good.duplicates]).to.deep.equal([1, 0]);
  });
});

describe('Ledger: reading in chunks', () => {
  const files = [
    'utf8-bom-semikolon-crlf-2021.csv',
    'utf8-komma-engelsk-rfc4180-2022.csv',
    'tab-kapittel-post-2020.tsv',
    'feilrader-2021.csv',
    'splittet-postering-2023.csv',
  ];
  const readWhole = (name: string, bytes: Uint8Array) => {
    const ledger = newLedger();
    const report = ledger.addFile(name, () => [bytes], { skipInvalid: true });
    return { report, lines: ledger.lines.map(brief) };
  };
  const readChunked = (name: string, bytes: Uint8Array, size: number) => {
    const ledger = newLedger();
    const report = ledger.addFile(name, () => chunksOf(bytes, size), { skipInvalid: true });
    return { report, lines: ledger.lines.map(brief) };
  };

  for (const name of files) {
    for (const size of [1, 2, 3, 7]) {
      it(`reads ${name} in ${size}-byte chunks exactly as whole`, () => {
        const bytes = fixture(name);
        expect(readChunked(name, bytes, size)).to.deep.equal(readWhole(name, bytes));
      });
    }
  }

  it('reads right when chunks end inside a multi-byte character or between CR and LF', () => {
    const bytes = fixture('utf8-bom-semikolon-crlf-2021.csv');
    const whole = readWhole('a.csv', bytes);
    const endsInside = (size: number, byte: number) => [...chunksOf(bytes, size)].some((c) => c[c.length - 1] === byte);
    const sizes = [5, 6, 7, 8, 9, 10, 11, 12, 13];
    const splitsLetter = sizes.filter((n) => endsInside(n, 0xc3));
    const splitsCrlf = sizes.filter((n) => endsInside(n, 0x0d));
    expect(splitsLetter).to.include(7);
    expect(splitsCrlf).to.not.deep.equal([]);
    for (const size of [...splitsLetter, ...splitsCrlf])
      expect(readChunked('a.csv', bytes, size), `size ${size}`).to.deep.equal(whole);
  });

  it('reads Windows-1252 bytes in 7-byte chunks exactly as whole', () => {
    const bytes = cp1252(
      'Dato;Bilag;Virkemiddel;Beløp;Tekst\r\n12.05.2022;P-1;Opplæring i arbeidsmiljøarbeid;15 000,00;på Hamar\r\n',
    );
    expect(readChunked('cp.csv', bytes, 7)).to.deep.equal(readWhole('cp.csv', bytes));
    expect(readChunked('cp.csv', bytes, 7).report.encoding).to.equal('windows-1252');
  });

  it('changes nothing on a second read of a Windows-1252 file whose first non-ASCII byte comes after some lines', () => {
    const bytes = cp1252(
      'Dato;Bilag;Virkemiddel;Belop;Tekst\n01.02.2022;P-1;skil;100;Kurs\n02.02.2022;P-2;skil;200;Kurs på Hamar\n',
    );
    const ledger = newLedger();
    const first = ledger.addFile('cp.csv', () => chunksOf(bytes, 7));
    expect([first.encoding, first.imported, first.duplicates, first.warnings]).to.deep.equal(['windows-1252', 2, 0, []]);
    const second = ledger.addFile('cp.csv', () => chunksOf(bytes, 7));
    expect([second.imported, second.duplicates, second.warnings]).to.deep.equal([0, 2, []]);
    const third = ledger.addFile('cp.csv', () => [bytes]);
    expect([third.imported, third.duplicates]).to.deep.equal([0, 2]);
    expect(ledger.lines.map((l) => l.voucher)).to.deep.equal(['P-1', 'P-2']);
  });

  it('reads any fixture cut at any points exactly as whole (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }), (name, points) => {
        const bytes = fixture(name);
        const cuts = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let start = 0;
        for (const cut of [...cuts, bytes.length]) {
          chunks.push(bytes.subarray(start, cut));
          start = cut;
        }
        const ledger = newLedger();
        const report = ledger.addFile(name, () => chunks, { skipInvalid: true });
        expect({ report, lines: ledger.lines.map(brief) }).to.deep.equal(readWhole(name, bytes));
      }),
      { numRuns: 200 },
    );
  });
});

describe('readCsv', () => {
  it('picks the separator the header uses, semicolon winning ties', () => {
    expect(detectSeparator('Dato;Bilag;Beløp')).to.equal(';');
    expect(detectSeparator('date,voucher,amount')).to.equal(',');
    expect(detectSeparator('DATO\tBILAG\tBELØP')).to.equal('\t');
    expect(detectSeparator('"a;b",c,d')).to.equal(',');
    expect(detectSeparator('a;b,c')).to.equal(';');
  });

  it('numbers records by the line they start on and skips blank lines', () => {
    const { rows } = readCsv('a;b\r\n1;"x\r\ny\r\nz"\r\n\r\n2;"q ""sitat"";"\n3;4');
    expect(rows).to.deep.equal([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x\r\ny\r\nz'], line: 2 },
      { fields: ['2', 'q "sitat";'], line: 6 },
      { fields: ['3', '4'], line: 7 },
    ]);
  });

  it('quotes a field for output only when it needs it, and reads it back', () => {
    for (const value of ['plain', 'a,b', 'si "hei"', 'to\nlinjer', '-420000.00']) {
      const { rows } = readCsv(`h,k\n${csvField(value)},x\n`);
      expect(rows[1]!.fields[0]).to.equal(value);
    }
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a;b', ';')).to.equal('"a;b"');
    // A formula is written as text (a leading '), never run when the file is opened in Excel.
    expect(csvField('=SUM(A1)')).to.equal("'=SUM(A1)");
  });
});

describe('Ledger: a byte order mark split over the first chunks', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  it('is removed from a UTF-8 file read one byte at a time, so problems name the header as written', () => {
    const bytes = Buffer.concat([bom, Buffer.from('Dato;Tekst\r\n2021-01-01;x\r\n', 'utf8')]);
    for (const size of [1, 2]) {
      const report = newLedger().addFile('bom.csv', () => chunksOf(bytes, size));
      expect(
        report.problems.map((p) => [p.code, p.value]),
        `size ${size}`,
      ).to.deep.equal([['missing_columns', 'Dato;Tekst']]);
    }
  });

  it('is removed before Windows-1252 bytes read one byte at a time', () => {
    const bytes = Buffer.concat([bom, cp1252('Dato;Bilag;Virkemiddel;Beløp\n2021-01-01;B-1;skil;100\n')]);
    for (const size of [1, 2, 3, 64]) {
      const ledger = newLedger();
      const report = ledger.addFile('bom-cp1252.csv', () => chunksOf(bytes, size));
      expect([report.encoding, report.problems.length, report.imported], `size ${size}`).to.deep.equal(['windows-1252', 0, 1]);
    }
  });

  it('leaves a file of fewer than three bytes alone', () => {
    const report = newLedger().addFile('kort.csv', () => chunksOf(Buffer.from([0xef, 0xbb]), 1));
    expect(report.problems.map((p) => p.code)).to.deep.equal(['missing_columns']);
  });
});
