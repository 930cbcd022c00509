import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { MAX_KEPT_FAULT_LINES, Utf16Decoder, utf16Encoding, type Utf16Encoding } from '../../engine/ledger/utf16.js';
import { brief, chunksOf, newLedger } from './ledger-helpers.js';

// Scenario (issue 11, CONTRACTS §7 "UTF-16 text"): a finance officer saves the ledger from Excel
// as "Unicode text" (UTF-16 LE with a byte-order mark, TAB between fields, CRLF) and brings that
// file. It reads to the same lines, to the øre, as the example CSV it was made from, however the
// bytes arrive in chunks; code units that are not text (an unpaired surrogate, an odd last byte)
// are never guessed at but named by line.

/** The example ledger as Excel (nb-NO) saves it as Unicode text: amounts as the cells show them (no-break space thousands). */
const NB = '\u00a0';
const EXCEL_UNICODE_TEXT = [
  'Dato\tBilag\tVirkemiddel\tKapittel\tPost\tType\tBeløp\tReferanse\tÅr\tTekst',
  `15.01.2024\tT-2024-001\tekspertbistand\t\t\ttilsagn\t2${NB}500${NB}000,00\t\t2024\tTilsagn ekspertbistand, Helse Sør-Øst (samlet)`,
  `01.02.2024\tU-2024-014\tekspertbistand\t\t\tutbetaling\t1${NB}150${NB}000,00\tT-2024-001\t2024\tUtbetaling ekspertbistand, første del`,
  `15.03.2024\tU-2024-031\tekspertbistand\t2650\t76\tutbetaling\t875${NB}500,50\t\t2024\tEkspertbistand enkeltsaker, mars`,
  `02.04.2024\tU-2024-045\tNytt tilskudd til ekspertbistand\t\t\tutbetaling\t12${NB}400${NB}000,00\t\t2024\tEkspertbistand, samlet utbetaling Q1`,
  `20.06.2024\tU-2024-088\tekspertbistand\t\t\tutbetaling\t31${NB}785${NB}500,00\t\t2024\tEkspertbistand, samlet utbetaling Q2–Q3`,
  `30.10.2024\tA-2024-003\tekspertbistand\t\t\tannullering\t350${NB}000,00\tT-2024-001\t2024\tAnnullert del av tilsagn (virksomheten trakk seg)`,
  `10.01.2024\tT-2024-010\tbransjeprogrammer\t\t\ttilsagn\t12${NB}000${NB}000,00\t\t2024\tTilsagn bransjeprogram sykehjem`,
  `12.03.2024\tU-2024-030\t\t601\t71\tutbetaling\t9${NB}800${NB}000,00\tT-2024-010\t2024\tBransjeprogram sykehjem, første utbetaling`,
  `12.09.2024\tU-2024-102\t\t0601\t71\tutbetaling\t41${NB}300${NB}000,00\t\t2024\tBransjeprogrammer, øvrige programmer`,
  `05.02.2024\tU-2024-020\tkunnskapsutvikling\t\t\tutbetaling\t4${NB}250${NB}000,00\t\t2024\tKunnskapsoppsummering sykefravær og frafall`,
  `20.11.2024\tU-2024-140\t\t601\t22\tutbetaling\t14${NB}900${NB}000,00\t\t2024\tForskningsprosjekter, IA-kunnskapsutvikling`,
  `01.03.2024\tU-2024-025\tarbeidsmiljosatsing\t\t\tutbetaling\t18${NB}000${NB}000,00\t\t2024\tArbeidsmiljøportalen, videreutvikling`,
  `01.09.2024\tU-2024-099\tarbeidsmiljosatsing\t\t\tutbetaling\t36${NB}500${NB}000,00\t\t2024\tArbeidsmiljøsatsingen, bransjerettet veivisning`,
  `14.05.2024\tU-2024-060\tkompetansetiltak\t\t\tutbetaling\t33${NB}120${NB}000,00\t\t2024\tForsøk med kompetansetiltak, 1. halvår`,
  `13.11.2024\tU-2024-150\tkompetansetiltak\t\t\tutbetaling\t\u2212420${NB}000,00\t\t2024\tTilbakebetaling, kurs som ikke ble gjennomført`,
  `20.06.2020\tU-2020-077\tskil\t\t\tutbetaling\t800${NB}000,00\t\t2020\tSKIL kursmodul sykmeldingsarbeid, utvikling`,
  `15.03.2021\tU-2021-019\tskil\t\t\tutbetaling\t1${NB}150${NB}000,00\t\t2021\tSKIL kursmodul, utprøving`,
  `04.04.2024\tU-2024-050\thelseiarbeid\t\t\tutbetaling\t125${NB}000,00\t\t2024\tMateriell HelseIArbeid; trykking`,
  `09.12.2024\tU-2024-160\tekspertbistand\t\t\tutbetaling\t2${NB}000${NB}000,00\t\t2025\tForskuttert, gjelder budsjettår 2025`,
].join('\r\n');

/** UTF-16 bytes with a byte-order mark, as Excel writes them (LE) or in big-endian order. */
function utf16(text: string, encoding: Utf16Encoding = 'utf-16le'): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (encoding === 'utf-16le') return new Uint8Array(le);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/** Decodes chunks with one decoder, the end flushed by an empty last call. */
function decodeAll(encoding: Utf16Encoding, chunks: Iterable<Uint8Array>, swapBigEndian = false) {
  const decoder = new Utf16Decoder(encoding, swapBigEndian);
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk);
  text += decoder.decode(new Uint8Array(0), true);
  return { text, faults: decoder.faults(), faultLines: decoder.faultLines };
}

/** Splits bytes at the given offsets (sorted, within the bytes). */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  out.push(bytes.subarray(from));
  return out;
}

function exampleCsvLines() {
  const ledger = newLedger();
  const bytes = readFileSync(new URL('../../examples/forbruk-eksempel.csv', import.meta.url));
  const report = ledger.addFile('forbruk-eksempel.csv', () => [bytes]);
  expect(report.problems).to.deep.equal([]);
  return ledger.lines.map(brief);
}

describe('UTF-16 text ledgers (CONTRACTS §7)', () => {
  describe('utf16Encoding: by byte-order mark only', () => {
    it('FF FE is UTF-16 LE, FE FF is UTF-16 BE', () => {
      expect(utf16Encoding(new Uint8Array([0xff, 0xfe, 0x44, 0x00]))).to.equal('utf-16le');
      expect(utf16Encoding(new Uint8Array([0xfe, 0xff, 0x00, 0x44]))).to.equal('utf-16be');
      expect(utf16Encoding(new Uint8Array([0xff, 0xfe]))).to.equal('utf-16le');
    });

    it('anything else is not UTF-16, however it looks: a UTF-8 BOM, text, UTF-16 without a BOM, one byte, nothing', () => {
      expect(utf16Encoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x64]))).to.equal(null);
      expect(utf16Encoding(Buffer.from('dato;bilag', 'utf8'))).to.equal(null);
      expect(utf16Encoding(Buffer.from('dato\tbilag', 'utf16le'))).to.equal(null);
      expect(utf16Encoding(new Uint8Array([0xff]))).to.equal(null);
      expect(utf16Encoding(new Uint8Array(0))).to.equal(null);
    });
  });

  describe("Excel's Unicode text export of the example ledger", () => {
    const le = utf16(EXCEL_UNICODE_TEXT);

    it('decodes to the text Excel wrote (BOM dropped), whole and in every chunk size from 1 to 9 bytes', () => {
      expect(decodeAll('utf-16le', [le])).to.deep.equal({ text: EXCEL_UNICODE_TEXT, faults: [], faultLines: 0 });
      for (let size = 1; size <= 9; size++) {
        expect(decodeAll('utf-16le', chunksOf(le, size)).text, `${size}-byte chunks`).to.equal(EXCEL_UNICODE_TEXT);
      }
    });

    it('reads by §2 to the same lines as the example CSV, to the øre, with ø/å/æ and the − sign', () => {
      const ledger = newLedger();
      const report = ledger.addText('forbruk.txt', decodeAll('utf-16le', [le]).text);
      expect(report.problems).to.deep.equal([]);
      expect(report.imported).to.equal(19);
      const lines = ledger.lines.map(brief);
      expect(lines).to.deep.equal(exampleCsvLines());
      expect(lines[0]).to.deep.equal({
        line: 2,
        date: '2024-01-15',
        voucher: 'T-2024-001',
        instrument: 'ekspertbistand',
        kind: 'tilsagn',
        amount: '2500000.00',
        reference: '',
        year: 2024,
        text: 'Tilsagn ekspertbistand, Helse Sør-Øst (samlet)',
      });
      expect(lines.find((l) => l.voucher === 'U-2024-150')!.amount).to.equal('-420000.00');
      expect(lines.find((l) => l.voucher === 'U-2024-020')!.text).to.equal('Kunnskapsoppsummering sykefravær og frafall');
    });

    it('reads the same from UTF-16 BE', () => {
      const be = utf16(EXCEL_UNICODE_TEXT, 'utf-16be');
      expect(utf16Encoding(be)).to.equal('utf-16be');
      for (const size of [1, 2, 3, 7, be.length]) {
        expect(decodeAll('utf-16be', chunksOf(be, size))).to.deep.equal({ text: EXCEL_UNICODE_TEXT, faults: [], faultLines: 0 });
        expect(decodeAll('utf-16be', chunksOf(be, size), true)).to.deep.equal({
          text: EXCEL_UNICODE_TEXT,
          faults: [],
          faultLines: 0,
        });
      }
    });
  });

  describe('exact across chunk boundaries', () => {
    it('a surrogate pair split at any byte, and an odd number of bytes per chunk, decode exactly', () => {
      const text = 'Tekst\n😀 på Ås 𝄞\nÆØÅ 👍🏽\n';
      for (const encoding of ['utf-16le', 'utf-16be'] as const) {
        const bytes = utf16(text, encoding);
        for (let a = 0; a <= bytes.length; a++) {
          for (let b = a; b <= bytes.length; b += 3) {
            const got = decodeAll(encoding, splitAt(bytes, [a, b]));
            expect(got, `${encoding} cut at ${a}, ${b}`).to.deep.equal({ text, faults: [], faultLines: 0 });
          }
        }
      }
    });

    it('a byte-order mark later in the text is kept: only the first two bytes are a BOM', () => {
      const text = 'a\uFEFFb\n\uFEFF';
      expect(decodeAll('utf-16le', chunksOf(utf16(text), 1)).text).to.equal(text);
      // No BOM at all: the first unit is text.
      expect(decodeAll('utf-16le', [Buffer.from('dato', 'utf16le')]).text).to.equal('dato');
    });

    it('agrees with the WHATWG decoding of any code units, in any chunks, and names the lines of the bad ones (property)', () => {
      const unit = fc.oneof(
        fc.integer({ min: 0, max: 0xffff }),
        fc.constantFrom(0x0a, 0x41, 0xf8, 0xd83d, 0xde00, 0xdc00, 0xdbff, 0xfffd),
      );
      fc.assert(
        fc.property(
          fc.array(unit, { maxLength: 40 }),
          fc.boolean(),
          fc.array(fc.integer({ min: 0, max: 81 }), { maxLength: 6 }),
          fc.constantFrom('utf-16le' as const, 'utf-16be' as const),
          fc.boolean(),
          (units, odd, cuts, encoding, swap) => {
            const text = String.fromCharCode(...units);
            const bytes = Buffer.concat([utf16(text, encoding), odd ? Buffer.from([0x41]) : Buffer.alloc(0)]);
            // UTF-16 BE natively or, as a runtime without it reads it, by swapping the bytes.
            const got = decodeAll(
              encoding,
              splitAt(
                bytes,
                cuts.map((c) => Math.min(c, bytes.length)),
              ),
              swap,
            );
            // Our own reading: each unpaired surrogate is one U+FFFD and a fault on its line.
            const lines: number[] = [];
            const expected: number[] = [];
            let line = 1;
            for (let i = 0; i < units.length; i++) {
              const u = units[i]!;
              if (u === 0x0a) line++;
              const high = u >= 0xd800 && u <= 0xdbff;
              const low = u >= 0xdc00 && u <= 0xdfff;
              if (high && i + 1 < units.length && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
                expected.push(u, units[++i]!);
              } else if (high || low) {
                lines.push(line);
                expected.push(0xfffd);
              } else expected.push(u);
            }
            if (odd) lines.push(line);
            const faultLines = [...new Set(lines)];
            expect(got.text).to.equal(String.fromCharCode(...expected) + (odd ? '\uFFFD' : ''));
            expect(got.faults.map((f) => f.line)).to.deep.equal(faultLines);
            expect(got.faultLines).to.equal(faultLines.length);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('code units that are not text are faults naming the line, never guessed', () => {
    it('an unpaired high surrogate, a lone low surrogate, a high surrogate last in the file, an odd final byte', () => {
      const text =
        'Dato\tTekst\n2024-01-15\tok 😀\n2024-01-16\tbad \uD83D!\n2024-01-17\t\uDE00 and \uD800\n2024-01-18\tend \uDBFF';
      for (const [encoding, swap] of [
        ['utf-16le', false],
        ['utf-16be', false],
        ['utf-16be', true],
      ] as const) {
        const bytes = Buffer.concat([utf16(text, encoding), Buffer.from([0x41])]);
        for (const size of [1, 2, 3, bytes.length]) {
          const got = decodeAll(encoding, chunksOf(bytes, size), swap);
          expect(got.faults, `${encoding}, ${size}-byte chunks`).to.deep.equal([
            { line: 3, value: '0xD83D' },
            { line: 4, value: '0xDE00 0xD800' },
            { line: 5, value: '0xDBFF 0x41' },
          ]);
          expect(got.faultLines).to.equal(3);
          expect(got.text).to.equal(
            'Dato\tTekst\n2024-01-15\tok 😀\n2024-01-16\tbad \uFFFD!\n2024-01-17\t\uFFFD and \uFFFD\n2024-01-18\tend \uFFFD\uFFFD',
          );
        }
      }
    });

    it('a U+FFFD written in the file is text, not a fault', () => {
      expect(decodeAll('utf-16le', [utf16('a\uFFFDb\n')])).to.deep.equal({ text: 'a\uFFFDb\n', faults: [], faultLines: 0 });
    });

    it('an odd byte count is a fault only at the end: a byte carried to the next chunk completes its unit', () => {
      const bytes = utf16('æ\nø');
      const decoder = new Utf16Decoder('utf-16le');
      expect(decoder.decode(bytes.subarray(0, 3))).to.equal('');
      expect(decoder.decode(bytes.subarray(3, 5))).to.equal('æ');
      expect(decoder.decode(bytes.subarray(5, 6))).to.equal('\n');
      expect(decoder.decode(bytes.subarray(6), true)).to.equal('ø');
      expect(decoder.faults()).to.deep.equal([]);
      const cut = new Utf16Decoder('utf-16le');
      expect(cut.decode(bytes.subarray(0, 7), true)).to.equal('æ\n\uFFFD');
      expect(cut.faults()).to.deep.equal([{ line: 2, value: '0xF8' }]);
    });

    it('memory stays bounded: the first 1000 lines with faults are kept, the rest counted; at most 8 units named per line', () => {
      const lines = ['Dato\tTekst'];
      for (let i = 0; i < 2500; i++) lines.push(`2024-01-15\tx\uDC00y`);
      lines.push(`2024-01-15\t${'\uD800-'.repeat(12)}`);
      const got = decodeAll('utf-16le', chunksOf(utf16(lines.join('\n')), 4096));
      expect(MAX_KEPT_FAULT_LINES).to.equal(1000);
      expect(got.faultLines).to.equal(2501);
      expect(got.faults.length).to.equal(1000);
      expect(got.faults[0]).to.deep.equal({ line: 2, value: '0xDC00' });
      expect(got.faults[999]).to.deep.equal({ line: 1001, value: '0xDC00' });
      const many = decodeAll('utf-16le', [utf16(`x\n${'\uD800-'.repeat(12)}`)]);
      expect(many.faults).to.deep.equal([{ line: 2, value: `${Array(8).fill('0xD800').join(' ')} …` }]);
    });

    it('decoding after the end gives nothing more', () => {
      const decoder = new Utf16Decoder('utf-16le');
      expect(decoder.decode(utf16('a'), true)).to.equal('a');
      expect(decoder.decode(utf16('b'), true)).to.equal('');
    });
  });
});
