// Fuzzing the indicator file reader (CONTRACTS §6): random bytes and random CSV shapes never make it
// throw; every problem names the file and a line in it; a valid file reads back as its values.
import { expect } from 'chai';
import fc from 'fast-check';
import { readIndicatorBytes, readIndicatorCsv, type IndicatorReading } from '../../engine/index.js';
import { fuzz, fuzzTimeout } from './fuzz-settings.js';
import { byteRun, concatBytes, csvText, hostileValue, lineCount, problemFaults, separator } from './ledger-arbitraries.js';

const FILE = 'indikatorer.csv';
const encoder = new TextEncoder();

/** What must hold of any reading: problems that name the file and a line in it, and no value beside a problem. */
function readingFaults(reading: IndicatorReading, lines: number): string[] {
  const faults = reading.problems.flatMap((p) => problemFaults(p, FILE, lines));
  for (const v of reading.values) {
    if (!Number.isInteger(v.year) || v.year < 2000 || v.year > 2028) faults.push(`value of year ${v.year}`);
    if (v.quarter !== null && ![1, 2, 3, 4].includes(v.quarter)) faults.push(`quarter ${v.quarter}`);
    if (!v.value.isFinite()) faults.push(`value ${v.value.toString()}`);
  }
  return faults;
}

const HEADER_WORDS = [
  'indikator',
  'Indicator',
  'år',
  'year',
  'kvartal',
  'quarter',
  'verdi',
  'value',
  'måltype',
  'kilde',
  'mål',
  'goal',
];

describe('fuzz: indicator file reader', function () {
  this.timeout(fuzzTimeout(20000));

  it('never throws on random bytes, and every problem names the file and a line in it', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(byteRun, { maxLength: 60 }), (withHeader, runs) => {
        const head = withHeader ? [encoder.encode('indikator;år;kvartal;verdi\nsykefravaer;2024;3;7,19\n')] : [];
        const bytes = concatBytes([...head, ...runs]);
        expect(readingFaults(readIndicatorBytes(FILE, bytes, 'en'), lineCount(bytes))).to.deep.equal([]);
      }),
      fuzz(400),
    );
  });

  it('never throws on random CSV shapes, and a record with a problem gives no value', () => {
    const field = fc.oneof(
      hostileValue,
      fc.constantFrom(...HEADER_WORDS, 'sykefravaer', 'frafall', 'aktivitet:skil', '2024', 'K3', '7,19 %'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { maxLength: 8 }), { maxLength: 10 }),
        separator,
        fc.constantFrom('\n', '\r\n', '\r'),
        (rows, sep, eol) => {
          const { text } = csvText(rows, sep, eol, false);
          const reading = readIndicatorCsv(FILE, text);
          expect(readingFaults(reading, lineCount(text))).to.deep.equal([]);
          const named = new Set(reading.problems.map((p) => p.line));
          for (const v of reading.values) {
            const origin = v.origin as { kind: string; line?: number };
            expect(named.has(origin.line ?? -1), `line ${origin.line} gave a value and a problem`).to.equal(false);
          }
        },
      ),
      fuzz(300),
    );
  });

  it('reads a valid file in any column order, separator and quoting as exactly its values', () => {
    const value = fc.record({
      indicator: fc.constantFrom('sykefravaer', 'frafall', 'bransje:sykehus'),
      year: fc.integer({ min: 2000, max: 2028 }),
      quarter: fc.option(fc.integer({ min: 1, max: 4 })),
      hundredths: fc.integer({ min: -99_999, max: 99_999 }),
      measure: fc.constantFrom('', 'ujustert', 'sesongjustert', 'sesong- og influensajustert'),
    });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 10 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5 }),
        separator,
        fc.boolean(),
        (values, order, sep, quoteAll) => {
          const header = ['indikator', 'år', 'kvartal', 'verdi', 'måltype'];
          const cells = (v: (typeof values)[number]) => {
            const abs = Math.abs(v.hundredths);
            const decimal = `${v.hundredths < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
            return [v.indicator, String(v.year), v.quarter === null ? '' : String(v.quarter), decimal, v.measure];
          };
          const rows = [header, ...values.map(cells)].map((row) => order.map((i) => row[i]!));
          const { text, starts } = csvText(rows, sep, '\n', true, quoteAll);
          const reading = readIndicatorBytes(FILE, encoder.encode(text));
          expect(reading.problems).to.deep.equal([]);
          expect(
            reading.values.map((v) => ({
              indicator: v.indicator,
              year: v.year,
              quarter: v.quarter,
              value: v.value.toFixed(2),
              measure: v.measure,
              origin: v.origin,
            })),
          ).to.deep.equal(
            values.map((v, i) => ({
              indicator: v.indicator,
              year: v.year,
              quarter: v.quarter,
              value: (v.hundredths / 100).toFixed(2),
              measure: v.measure,
              origin: { kind: 'file', file: FILE, line: starts[i + 1] },
            })),
          );
        },
      ),
      fuzz(200),
    );
  });
});
