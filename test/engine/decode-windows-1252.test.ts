import { expect } from 'chai';
import { ChunkDecoder, decodeText, decodeWindows1252, decodeWindows1252Bytewise } from '../../engine/index.js';
import { brief, chunksOf, fixture, newLedger } from './ledger-helpers.js';

// Scenario: a Norwegian accounting export saved as Windows-1252, whose texts hold the characters
// Windows-1252 puts in 0x80–0x9F (€, dashes, curly quotes, …, Š, ž), where Latin-1 has C1
// control codes. Node's TextDecoder('windows-1252') decodes those bytes as Latin-1, so the
// project keeps its own table (engine/ledger/decode.ts); these cases pin every byte of it.

const REPLACEMENT = '\ufffd';

/**
 * Windows-1252 at 0x80–0x9F as Microsoft's code page table (and Python's cp1252) defines it,
 * written out here with each character's name rather than taken from decode.ts. The five bytes the
 * code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to U+FFFD, not to the C1
 * controls the WHATWG index maps them to: such a byte in an export is a damaged character, and
 * U+FFFD shows that in the sheet instead of hiding an invisible control there.
 */
const HIGH: readonly (readonly [number, string, string])[] = [
  [0x80, '\u20ac', 'euro sign'],
  [0x81, REPLACEMENT, 'undefined'],
  [0x82, '\u201a', 'single low-9 quotation mark'],
  [0x83, '\u0192', 'latin small letter f with hook'],
  [0x84, '\u201e', 'double low-9 quotation mark'],
  [0x85, '\u2026', 'horizontal ellipsis'],
  [0x86, '\u2020', 'dagger'],
  [0x87, '\u2021', 'double dagger'],
  [0x88, '\u02c6', 'modifier letter circumflex accent'],
  [0x89, '\u2030', 'per mille sign'],
  [0x8a, '\u0160', 'latin capital letter s with caron'],
  [0x8b, '\u2039', 'single left-pointing angle quotation mark'],
  [0x8c, '\u0152', 'latin capital ligature oe'],
  [0x8d, REPLACEMENT, 'undefined'],
  [0x8e, '\u017d', 'latin capital letter z with caron'],
  [0x8f, REPLACEMENT, 'undefined'],
  [0x90, REPLACEMENT, 'undefined'],
  [0x91, '\u2018', 'left single quotation mark'],
  [0x92, '\u2019', 'right single quotation mark'],
  [0x93, '\u201c', 'left double quotation mark'],
  [0x94, '\u201d', 'right double quotation mark'],
  [0x95, '\u2022', 'bullet'],
  [0x96, '\u2013', 'en dash'],
  [0x97, '\u2014', 'em dash'],
  [0x98, '\u02dc', 'small tilde'],
  [0x99, '\u2122', 'trade mark sign'],
  [0x9a, '\u0161', 'latin small letter s with caron'],
  [0x9b, '\u203a', 'single right-pointing angle quotation mark'],
  [0x9c, '\u0153', 'latin small ligature oe'],
  [0x9d, REPLACEMENT, 'undefined'],
  [0x9e, '\u017e', 'latin small letter z with caron'],
  [0x9f, '\u0178', 'latin capital letter y with diaeresis'],
];

describe('decodeWindows1252', () => {
  it('covers every byte from 0x80 to 0x9F in the table below, once', () => {
    expect(HIGH.map(([byte]) => byte)).to.deep.equal(Array.from({ length: 32 }, (_, i) => 0x80 + i));
  });

  for (const [byte, char, name] of HIGH) {
    const hex = `0x${byte.toString(16).toUpperCase()}`;
    it(`decodes ${hex} as ${name === 'undefined' ? 'U+FFFD (undefined in Windows-1252)' : `${char} (${name})`}`, () => {
      expect(decodeWindows1252(Uint8Array.of(byte))).to.equal(char);
      // The same through the streaming decoder a ledger file is read with, between ASCII bytes.
      expect(new ChunkDecoder('windows-1252').decode(Uint8Array.of(0x41, byte, 0x42), true)).to.equal(`A${char}B`);
    });
  }

  it('decodes every other byte as the Latin-1 character of the same code (æ, ø, å, no-break space)', () => {
    for (let byte = 0; byte < 0x100; byte++) {
      if (byte >= 0x80 && byte < 0xa0) continue;
      expect(decodeWindows1252(Uint8Array.of(byte)), `0x${byte.toString(16)}`).to.equal(String.fromCharCode(byte));
    }
    expect(decodeWindows1252(Uint8Array.of(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xa0))).to.equal('æøåÆØÅ\u00a0');
  });

  it('decodes a text longer than one of its 8 KiB steps whole', () => {
    const bytes = new Uint8Array(20_000).map((_, i) => (i % 2 === 0 ? 0x80 : 0x61));
    expect(decodeWindows1252(bytes)).to.equal('\u20aca'.repeat(10_000));
  });

  it('is needed: the TextDecoder of this Node, if it decodes 0x80–0x9F as Latin-1, differs from the table', () => {
    // Documents why decode.ts keeps a table. Where a TextDecoder gets it right the table agrees.
    const bytes = Uint8Array.from(HIGH.filter(([, char]) => char !== REPLACEMENT).map(([byte]) => byte));
    const native = new TextDecoder('windows-1252').decode(bytes);
    const ours = decodeWindows1252(bytes);
    if (native !== ours) expect(native).to.equal(String.fromCharCode(...bytes));
    expect(ours).to.equal(
      HIGH.filter(([, char]) => char !== REPLACEMENT)
        .map(([, char]) => char)
        .join(''),
    );
  });
});

describe('Ledger: a Windows-1252 file with the characters of 0x80–0x9F in its texts', () => {
  // windows-1252-tegn-2024.csv: three disbursements on ekspertbistand in March 2024, CRLF, the header's
  // ø as 0xF8 and the first amount grouped by a no-break space (0xA0); the texts hold every byte
  // from 0x80 to 0x9F, the third line the five undefined ones.
  const texts = [
    'Kurs \u2013 \u201cArbeidsmiljø\u201d \u2018del 2\u2019 \u2014 10 \u20ac\u2026',
    'Šibenik, Žilina, š, ž, Œ, œ, Ÿ, ƒ, ™ • † ‡ ‰ „‚ ˆ˜ ‹›',
    `Udefinert: ${[0x81, 0x8d, 0x8f, 0x90, 0x9d].map(() => REPLACEMENT).join(' ')}`,
  ];

  it('holds every byte from 0x80 to 0x9F, and is not UTF-8', () => {
    const bytes = fixture('windows-1252-tegn-2024.csv');
    for (let byte = 0x80; byte < 0xa0; byte++) expect(bytes.includes(byte), `0x${byte.toString(16)}`).to.equal(true);
    expect(decodeText(bytes).encoding).to.equal('windows-1252');
  });

  for (const size of [1 << 20, 7, 1]) {
    it(`reads the texts with the right characters (${size}-byte chunks)`, () => {
      const ledger = newLedger();
      const report = ledger.addFile('windows-1252-tegn-2024.csv', () => chunksOf(fixture('windows-1252-tegn-2024.csv'), size));
      expect([report.encoding, report.problems, report.imported]).to.deep.equal(['windows-1252', [], 3]);
      expect(ledger.lines.map(brief)).to.deep.equal([
        {
          line: 2,
          date: '2024-03-15',
          voucher: 'W-1',
          instrument: 'ekspertbistand',
          kind: 'utbetaling',
          amount: '1250.00',
          reference: '',
          year: 2024,
          text: texts[0],
        },
        {
          line: 3,
          date: '2024-03-16',
          voucher: 'W-2',
          instrument: 'ekspertbistand',
          kind: 'utbetaling',
          amount: '500.00',
          reference: '',
          year: 2024,
          text: texts[1],
        },
        {
          line: 4,
          date: '2024-03-17',
          voucher: 'W-3',
          instrument: 'ekspertbistand',
          kind: 'utbetaling',
          amount: '1.00',
          reference: '',
          year: 2024,
          text: texts[2],
        },
      ]);
    });
  }

  it('gives the same text through the runtime’s decoder and through the table alone, for every byte', () => {
    const every = Uint8Array.from({ length: 256 * 4 }, (_, i) => i % 256);
    const bytewise = decodeWindows1252Bytewise(every);
    expect(decodeWindows1252(every)).to.equal(bytewise);
    expect([...bytewise].map((c) => c.codePointAt(0)).filter((c) => c! >= 0x80 && c! < 0xa0)).to.deep.equal([]);
  });
});
