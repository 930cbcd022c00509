import { expect } from 'chai';
import fc from 'fast-check';
import {
  InstrumentIndex,
  Ledger,
  mapHeader,
  LEDGER_COLUMNS,
  parseAmount,
  reconcileTotals,
  rowToJson,
  SpendingTotals,
  type FileReport,
  type IsoDate,
  type LineStore,
} from '../../engine/index.js';
import { MAX_AMOUNT_ORE } from '../../engine/excel-limits.js';
import { ContentCounts } from '../../engine/ledger/content-counts.js';
import { ChunkDecoder, LineCutter } from '../../engine/ledger/decode.js';
import { PlainLineReader } from '../../engine/ledger/plain-line.js';
import { chunksOf, plan } from './ledger-helpers.js';

// Scenario: the same ledger files read twice, once with plainly valid lines on the fast path and
// once with every line on the general path (split and read by LineReader): everything a reader of
// the ledger sees (lines, problems, duplicates, warnings, sums) must be the same.

interface LedgerFile {
  name: string;
  text: string;
}

/** What reading files into one ledger gave, with the fast path on or off. */
function readAll(files: readonly LedgerFile[], fastPath: boolean, skipInvalid: boolean, chunk: number, store?: LineStore) {
  const ledger = new Ledger(plan, store);
  const reports: FileReport[] = files.map((f) =>
    ledger.addFile(f.name, () => chunksOf(Buffer.from(f.text, 'utf8'), chunk), { fastPath, skipInvalid }),
  );
  return { reports, lines: ledger.lines, imported: ledger.imported, duplicates: ledger.duplicates };
}

/** Reads the files both ways (and summed on the fly both ways) and expects the same in all. */
function expectSameBothWays(files: readonly LedgerFile[], skipInvalid: boolean, chunk = 1 << 20): void {
  const general = readAll(files, false, skipInvalid, 7);
  const fast = readAll(files, true, skipInvalid, chunk);
  expect(fast).to.deep.equal(general);
  const asOf = '2026-06-30' as IsoDate;
  const summed = (fastPath: boolean) => {
    const totals = new SpendingTotals(asOf);
    readAll(files, fastPath, skipInvalid, chunk, totals);
    const r = reconcileTotals(plan, totals);
    return {
      rows: r.rows.map(rowToJson),
      unframed: r.unframed.map((u) => ({ ...u, spent: u.spent.toFixed2(), committed: u.committed.toFixed2() })),
    };
  };
  expect(summed(true)).to.deep.equal(summed(false));
}

const HEADER = 'dato;bilag;virkemiddel;kapittel;post;type;beløp;referanse;år;tekst';

function file(name: string, lines: readonly string[], eol = '\n'): LedgerFile {
  return { name, text: [HEADER, ...lines].join(eol) + eol };
}

describe('Ledger: the fast path for plain lines', () => {
  const tricky = [
    '05.11.2024;T-1;ekspertbistand;;;tilsagn;250000,00;;;Tilsagn',
    '2024-11-06;U-1;Nytt tilskudd til ekspertbistand;;;utbetaling;1 250 000,50;T-1;;Grupper med mellomrom',
    '2024-11-06;U-2;ekspertbistand;;;Utbetaling;1.250.000,50;T-1;2024;Grupper med punktum',
    ' 07.11.2024;U-3;ekspertbistand;;;;12,5;;;Mellomrom foran dato',
    '07.11.2024 ;U-4 ;ekspertbistand ;;; utbetaling;12 ; T-1 ; 2024 ; Mellomrom bak ',
    '08.11.2024;U-5;ekspertbistand;;;annullering;\u221212,00;T-1;;Minus U+2212',
    '8.11.2024;U-6;ekspertbistand;;;cancellation;-12;T-1;;Kort dato',
    '09.11.2024;U-7;;601;22;;100;;;Bare kapittel og post',
    '09.11.2024;U-8;;0601;022;;100;;;Kapittel og post med nuller foran',
    '09.11.2024;U-9;;601;70;;100;;;Post uten virkemiddel (feil)',
    '09.11.2024;U-10;kunnskapsutvikling;x;22;;100;;;Virkemiddel og rar kapittel',
    '31.02.2024;U-11;ekspertbistand;;;;100;;;Ingen slik dag',
    '10.11.2024;;ekspertbistand;;;;100;;;Mangler bilag',
    '10.11.2024;U-12;ukjent;;;;100;;;Ukjent virkemiddel',
    '10.11.2024;U-13;ekspertbistand;;;;1.250;;;Tvetydig beløp',
    '10.11.2024;U-14;ekspertbistand;;;;12,345;;;Tre desimaler',
    '10.11.2024;U-15;ekspertbistand;;;;;;;Mangler beløp',
    '10.11.2024;U-16;ekspertbistand;;;;100;;2030;År utenfor',
    '10.11.2024;U-17;ekspertbistand;;;;100;;2024.0;År fra regneark',
    '10.11.2018;U-18;ekspertbistand;;;;100;;;Dato i 2018 uten år',
    '10.11.2018;U-19;ekspertbistand;;;;100;;2019;Dato i 2018 med år',
    '10.11.2024;U-20;ekspertbistand;;;;100',
    '10.11.2024;U-21;ekspertbistand;;;;100;;;Ekstra;felt',
    '10.11.2024;U-22;ekspertbistand;;;;100;;;Tomme ekstrafelt;;',
    '10.11.2024;U-23;ekspertbistand;;;;99999999999999999999,99;;;Stort beløp',
    '10.11.2024;U-24;ekspertbistand;;;;-0,00;;;Minus null',
    '10.11.2024;U-25;ekspertbistand;;;foo;100;;;Ukjent type',
    '',
    '10.11.2024;U-26;ekspertbistand;;;;100;;;Etter en tom linje',
    '05.11.2024;T-1;ekspertbistand;;;tilsagn;250000,00;;;Tilsagn',
    '05.11.2024;T-1;EKSPERTBISTAND;;;TILSAGN;250000;;;Samme innhold, annen skrivemåte',
  ];

  it('gives the same lines, problems, duplicates and warnings as the general path on tricky lines', () => {
    for (const skipInvalid of [false, true]) {
      expectSameBothWays([file('a.csv', tricky)], skipInvalid);
      expectSameBothWays([file('a.csv', tricky, '\r\n')], skipInvalid, 13);
      expectSameBothWays([{ name: 'bom.csv', text: '\uFEFF' + file('x', tricky).text }], skipInvalid, 5);
    }
  });

  it('merges overlapping files by content and occurrence as the general path does', () => {
    const valid = tricky.filter((_, i) => [0, 1, 2, 6, 7, 8, 29, 30].includes(i));
    const first = file('jan-mar.csv', valid);
    const second = file('mar-jun.csv', [...valid.slice(3), valid[0]!, valid[0]!, '01.12.2024;U-99;skil;;;;5;;2021;Ny']);
    expectSameBothWays([first, second, first], false);
    expectSameBothWays([first, file('bad.csv', [...valid, 'x;y']), second], false);
  });

  it('takes the fast path for plainly valid lines and leaves every other line to the general path', () => {
    const header = mapHeader(HEADER.split(';'), LEDGER_COLUMNS);
    const reader = new PlainLineReader(new InstrumentIndex(plan), new ContentCounts(), header, ';');
    const fast = (line: string) => reader.read(line, 0, line.length) >= 0;
    expect(fast('05.11.2024;T-1;ekspertbistand;;;tilsagn;250000,00;;;Tilsagn')).to.equal(true);
    expect(fast('2024-11-05;U-1;Nytt tilskudd til ekspertbistand;;;;-1 250 000,50;T-1;2025;')).to.equal(true);
    // A line that names a post, not an instrument, is placed by the rules (CONTRACTS §8): the general path.
    expect(fast('2024-11-05;U-1;;601;22;commitment;12;;;')).to.equal(false);
    expect(fast(' 05.11.2024;T-1;ekspertbistand;;;;1;;;')).to.equal(false);
    expect(fast('05.11.2024;T-1;ekspertbistand;;;;1;;')).to.equal(false);
    expect(fast('05.11.2024;T-1;ekspertbistand;;;;1;;;;')).to.equal(false);
    expect(fast('05.11.2024;T-1;ekspertbistand;;;;1.250;;;')).to.equal(false);
    expect(fast('05.11.2024;T-1;;601;70;;1;;;')).to.equal(false);
  });

  it('reads the amount by the one amount rule (parseAmount), or leaves the line to the general path', () => {
    const header = mapHeader(HEADER.split(';'), LEDGER_COLUMNS);
    const reader = new PlainLineReader(new InstrumentIndex(plan), new ContentCounts(), header, ';');
    const amounts = [
      '0',
      '12',
      '-12',
      '12,5',
      '12.5',
      '-0,00',
      '1250000,50',
      '1 250 000,50',
      '1.250.000,50',
      '1\u00a0250\u00a0000.50',
      '\u22121 250,00',
      '999999999999999',
      '9999999999999,99',
      '99999999999999999999,99',
      '1.250',
      '12,345',
      '12,',
      ',5',
      '1e5',
      'NaN',
      '12 kr',
    ];
    for (const amount of amounts) {
      const line = `05.11.2024;T-1;ekspertbistand;;;tilsagn;${amount};;;`;
      const id = reader.read(line, 0, line.length);
      const reading = parseAmount(amount);
      // Beyond 9 999 999 999 999,99 (what a cell holds exactly) the general path reports it.
      const kept = reading.ok && reading.ore <= MAX_AMOUNT_ORE && reading.ore >= -MAX_AMOUNT_ORE;
      if (kept) expect([id >= 0, reader.parts.amount], amount).to.deep.equal([true, reading.ore * 10n]);
      else expect(id, amount).to.equal(-1);
    }
  });

  it('gives the same results as the general path on generated files (property)', () => {
    const pick = <T>(...values: T[]) => fc.constantFrom(...values);
    const date = pick('05.11.2024', '2024-11-05', '5.11.2024', '29.02.2024', '29.02.2023', ' 01.01.2025', '', '01.01.2018', 'x');
    const voucher = pick('T-1', 'T-2', 'U-1', 'U-2', '', ' U-3', 'V\u0000');
    const instrument = pick('ekspertbistand', 'skil', 'Nytt tilskudd til ekspertbistand', 'SKIL', '', 'ukjent', ' skil ');
    const post = pick(['', ''], ['601', '22'], ['0601', '071'], ['601', '70'], ['x', '22'], ['2650', '']);
    const kind = pick('', 'utbetaling', 'tilsagn', 'Annullering', 'commitment', ' tilsagn', 'feil');
    const amount = pick(
      '1',
      '-12,50',
      '\u221212,50',
      '1 250 000,50',
      '1.250.000',
      '1.250',
      '0,5',
      '12,345',
      '',
      '12 ',
      '9007199254740993',
    );
    const reference = pick('', 'T-1', 'T-2', ' T-1');
    const year = pick('', '', '2024', '2019', '2018', '2024.0', ' 2025', 'x');
    const text = pick('', 'Linje', ' luft ');
    const tail = pick('', '', '', ';', ';ekstra', '"sitat"');
    const line = fc
      .tuple(date, voucher, instrument, post, kind, amount, reference, year, text, tail, fc.integer({ min: 0, max: 9 }))
      .map(([d, v, i, [c, p], k, a, r, y, t, extra, cut]) => {
        const fields = [d, v, i, c, p, k, a, r, y, t];
        // Now and then a short record, cut after a random field.
        return (cut === 0 ? fields.slice(0, 5) : fields).join(';') + extra;
      });
    const lines = fc.array(fc.oneof({ arbitrary: line, weight: 20 }, { arbitrary: fc.constant(''), weight: 1 }), {
      maxLength: 25,
    });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 64 }), (a, b, crlf, skipInvalid, chunk) => {
        const eol = crlf ? '\r\n' : '\n';
        const first = file('a.csv', a, eol);
        const second = file('b.csv', [...a.slice(0, 5), ...b], eol);
        expectSameBothWays([first, second, first], skipInvalid, chunk);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ContentCounts', () => {
  it('writes an amount the same from a safe integer and from a bigint, and tells large amounts apart', () => {
    const counts = new ContentCounts();
    const idOf = (write: (c: ContentCounts) => void) => {
      counts.begin();
      write(counts);
      return counts.idOfKey();
    };
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (ore) => {
        const big = idOf((c) => c.writeAmountBig(ore));
        if (ore >= BigInt(Number.MIN_SAFE_INTEGER) && ore <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(idOf((c) => c.writeAmount(Number(ore)))).to.equal(big);
        }
        expect(idOf((c) => c.writeAmountBig(ore + 1n))).to.not.equal(big);
        expect(idOf((c) => c.writeAmountBig(-ore - 1n))).to.not.equal(big);
      }),
    );
  });

  it('never gives two contents one id, whatever characters a voucher or reference holds', () => {
    const counts = new ContentCounts();
    const idOf = (voucher: string, reference: string) => {
      counts.begin();
      counts.writeText(voucher, 0, voucher.length);
      counts.writeText(reference, 0, reference.length);
      return counts.idOfKey();
    };
    expect(idOf('a\u0000\u0000\u0001b', '')).to.not.equal(idOf('a', 'b'));
    const ids = new Map<string, number>();
    fc.assert(
      fc.property(fc.string(), fc.string(), (v, r) => {
        const id = idOf(v, r);
        const key = JSON.stringify([v, r]);
        if (ids.has(key)) expect(id).to.equal(ids.get(key));
        else {
          expect([...ids.values()]).to.not.include(id);
          ids.set(key, id);
        }
      }),
    );
  });
});

describe('LineCutter', () => {
  it('cuts chunks so that decoding the pieces gives the text decoding the whole gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'ø', '€', '𝄞', '\n', '\r\n', ';', '\uFEFF'), { maxLength: 200 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, size) => {
          const bytes = Buffer.from(parts.join(''), 'utf8');
          const cutter = new LineCutter();
          const decoder = new ChunkDecoder('utf-8');
          let text = '';
          for (const chunk of chunksOf(bytes, size)) {
            const piece = cutter.cut(chunk);
            if (piece !== null) {
              text += decoder.decode(piece);
              // Every piece ends a line.
              expect(piece[piece.length - 1]).to.equal(10);
            }
          }
          text += decoder.decode(cutter.rest(), true);
          expect(text).to.equal(new ChunkDecoder('utf-8').decode(bytes, true));
        },
      ),
    );
  });
});
