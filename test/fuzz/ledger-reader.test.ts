// Fuzzing the ledger CSV reader (CONTRACTS §2): random bytes, random CSV shapes and valid files in
// every spelling. No input makes it throw; every file gives a report whose problems name the file
// and a line in it, or lines that read back exactly as written. Counts and seed: fuzz-settings.ts.
import { expect } from 'chai';
import fc from 'fast-check';
import { Money, type FileReport } from '../../engine/index.js';
import { EXCEL_MAX_CELL_TEXT } from '../../engine/excel-limits.js';
import { brief, newLedger, where } from '../engine/ledger-helpers.js';
import { fuzz, fuzzTimeout } from './fuzz-settings.js';
import {
  byteRun,
  chunked,
  concatBytes,
  csvText,
  headerShape,
  hostileValue,
  lineCount,
  lineEnding,
  reportFaults,
  separator,
  SPELLINGS,
  validLine,
  type Column,
  type HeaderShape,
  type ValidLine,
} from './ledger-arbitraries.js';

const FILE = 'fuzz.csv';
const encoder = new TextEncoder();

/** Reads bytes (in the given chunks) into a fresh ledger: the report and the lines as tests compare them. */
function readBytes(chunks: readonly Uint8Array[], options: { skipInvalid?: boolean; fastPath?: boolean } = {}) {
  const ledger = newLedger();
  const report = ledger.addFile(FILE, () => chunks, options);
  return { ledger, report, lines: ledger.lines.map(brief) };
}

/**
 * A report as tests compare it (problems by code and place, warnings as given). The encoding of a
 * file refused as binary is left out: it names the pass that met the NUL byte, which depends on
 * where the chunks end (reported; a binary file has no encoding to speak of).
 */
function comparable(report: FileReport) {
  const binary = report.problems.some((p) => p.code === 'binary_file');
  return { ...report, encoding: binary ? 'binary' : report.encoding, problems: report.problems.map(where) };
}

/** The rows of a file: the header's names, then each line's cells in the header's order. */
function rowsOf(header: HeaderShape, lines: readonly ValidLine[]): string[][] {
  return [[...header.names], ...lines.map((l) => header.columns.map((c) => l.cells[c]))];
}

/** What a valid line must read as, at its line number. */
function expectedLine(l: ValidLine, line: number, header: HeaderShape) {
  const has = (c: Column) => header.columns.includes(c);
  const e = l.expected;
  const kind = has('type') ? e.kind : 'utbetaling';
  const year = has('ar') && l.cells.ar !== '' ? e.year : Number(e.date.slice(0, 4));
  return {
    line,
    date: e.date,
    voucher: e.voucher,
    instrument: e.instrument,
    kind: kind,
    amount: Money.fromOre(e.amount).toFixed2(),
    reference: has('referanse') ? e.reference : '',
    year,
    text: has('tekst') ? e.text : '',
  };
}

describe('fuzz: ledger CSV reader', function () {
  this.timeout(fuzzTimeout(20000));

  it('never throws on random bytes in random chunks, and every problem names the file and a line in it', () => {
    fc.assert(
      fc.property(
        fc.array(byteRun, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (runs, cuts, skipInvalid) => {
          const bytes = concatBytes(runs);
          const { ledger, report } = readBytes(chunked(bytes, cuts), { skipInvalid });
          expect(reportFaults(report, ledger, FILE, lineCount(bytes), skipInvalid)).to.deep.equal([]);
        },
      ),
      fuzz(400),
    );
  });

  it('reads random bytes the same whatever the chunks, and by the fast path as by the general one', () => {
    fc.assert(
      fc.property(fc.array(byteRun, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), (runs, cuts) => {
        // A valid header first, so the bytes reach the line reader rather than stop at the header.
        const bytes = concatBytes([encoder.encode('dato;bilag;virkemiddel;beløp;tekst\n15.01.2024;V-1;skil;10,00;a\n'), ...runs]);
        const whole = readBytes([bytes], { skipInvalid: true });
        const pieces = readBytes(chunked(bytes, cuts), { skipInvalid: true });
        const general = readBytes(chunked(bytes, cuts), { skipInvalid: true, fastPath: false });
        expect(comparable(pieces.report)).to.deep.equal(comparable(whole.report));
        expect(pieces.lines).to.deep.equal(whole.lines);
        expect(comparable(general.report)).to.deep.equal(comparable(whole.report));
        expect(general.lines).to.deep.equal(whole.lines);
      }),
      fuzz(300),
    );
  });

  it('reads a valid file in any header order and spelling, separator, line ending and quoting as exactly its lines', () => {
    fc.assert(
      fc.property(
        headerShape,
        fc.array(validLine, { minLength: 1, maxLength: 12 }),
        separator,
        lineEnding,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (header, lines, sep, eol, trailing, quoteAll, bom) => {
          const { text, starts } = csvText(rowsOf(header, lines), sep, eol, trailing, quoteAll);
          const bytes = concatBytes([bom ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(), encoder.encode(text)]);
          const { report, lines: read } = readBytes([bytes]);
          expect(report.problems.map(where)).to.deep.equal([]);
          expect(report.rejected).to.equal(false);
          expect(report.imported).to.equal(lines.length);
          expect(read).to.deep.equal(lines.map((l, i) => expectedLine(l, starts[i + 1]!, header)));
        },
      ),
      fuzz(200),
    );
  });

  it('reads a valid file the same as text and as bytes, and imports it only once', () => {
    fc.assert(
      fc.property(headerShape, fc.array(validLine, { minLength: 1, maxLength: 8 }), separator, (header, lines, sep) => {
        const { text } = csvText(rowsOf(header, lines), sep, '\n', true);
        const ledger = newLedger();
        const first = ledger.addText(FILE, text);
        const again = ledger.addFile(FILE, () => [encoder.encode(text)]);
        expect(first.imported).to.equal(lines.length);
        expect(again).to.deep.include({ rejected: false, imported: 0, duplicates: lines.length });
        expect(ledger.lines).to.have.length(lines.length);
      }),
      fuzz(150),
    );
  });

  it('accounts for every row of a file of hostile values: a line or a problem on its line, and the fast path agrees', () => {
    const cell = fc.oneof(
      hostileValue,
      validLine.map((l) => l.cells.belop),
    );
    fc.assert(
      fc.property(
        headerShape,
        fc.array(fc.tuple(validLine, fc.array(fc.tuple(fc.nat(), cell), { maxLength: 3 })), { minLength: 1, maxLength: 8 }),
        separator,
        lineEnding,
        (header, rows, sep, eol) => {
          // Each row is a valid line with some of its cells replaced by hostile values.
          const cells = rows.map(([line, spoilt]) => {
            const row = header.columns.map((c) => line.cells[c]);
            for (const [at, value] of spoilt) row[at % row.length] = value;
            return row;
          });
          const { text, starts } = csvText([[...header.names], ...cells], sep, eol, true);
          const ledger = newLedger();
          const report = ledger.addText(FILE, text, { skipInvalid: true });
          expect(reportFaults(report, ledger, FILE, lineCount(text), true)).to.deep.equal([]);
          const imported = new Set(ledger.lines.map((l) => l.line));
          const named = new Set(report.problems.map((p) => p.line));
          for (const line of starts.slice(1)) {
            expect(imported.has(line) !== named.has(line), `line ${line}: imported or named, exactly one`).to.equal(true);
          }
          const general = newLedger();
          const slow = general.addText(FILE, text, { skipInvalid: true, fastPath: false });
          expect(comparable(slow)).to.deep.equal(comparable(report));
          expect(general.lines.map(brief)).to.deep.equal(ledger.lines.map(brief));
        },
      ),
      fuzz(250),
    );
  });

  it('never throws on random CSV shapes: any header, unbalanced quotes, any line ending, any field', () => {
    const field = fc.oneof(hostileValue, fc.constantFrom(...Object.values(SPELLINGS).flat()));
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { maxLength: 12 }), { maxLength: 10 }),
        fc.constantFrom(';', ',', '\t', '|'),
        fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (rows, sep, eol, quotes, skipInvalid) => {
          // Rows joined without quoting, then stray quotes dropped in: any shape a broken export has.
          let text = rows.map((r) => r.join(sep)).join(eol);
          for (const q of quotes) text = `${text.slice(0, q % (text.length + 1))}"${text.slice(q % (text.length + 1))}`;
          const ledger = newLedger();
          const report = ledger.addText(FILE, text, { skipInvalid });
          expect(reportFaults(report, ledger, FILE, lineCount(text), skipInvalid)).to.deep.equal([]);
          const bytes = encoder.encode(text);
          const fromBytes = readBytes([bytes], { skipInvalid });
          expect(reportFaults(fromBytes.report, fromBytes.ledger, FILE, lineCount(bytes), skipInvalid)).to.deep.equal([]);
        },
      ),
      fuzz(300),
    );
  });

  it('refuses a control character in any field as a problem naming its line and column, never as a line', () => {
    // U+0000–U+001F and U+007F; a line break (LF, CRLF) is allowed in tekst only.
    const control = fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c === 0x20 ? 0x7f : c));
    fc.assert(
      fc.property(
        headerShape,
        fc.array(validLine, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        control,
        fc.nat(),
        separator,
        (header, lines, rowPick, columnPick, ch, position, sep) => {
          const target = rowPick % lines.length;
          const column = columnPick % header.columns.length;
          const key = header.columns[column]!;
          const rows = rowsOf(header, lines);
          const value = rows[target + 1]![column]!;
          const at = position % (value.length + 1);
          // A line feed is a line break in tekst, and so is a CR put before one.
          fc.pre(!(key === 'tekst' && (ch === '\n' || (ch === '\r' && value[at] === '\n'))));
          rows[target + 1]![column] = `${value.slice(0, at)}${ch}${value.slice(at)}`;
          const { text, starts } = csvText(rows, sep, '\n', true, true);
          const ledger = newLedger();
          const report = ledger.addText(FILE, text, { skipInvalid: true });
          const line = starts[target + 1]!;
          const label = header.names[column]!.trim();
          expect(report.problems.filter((p) => p.line === line).map((p) => [p.code, p.column])).to.deep.include([
            'control_character',
            label,
          ]);
          expect(ledger.lines.map((l) => l.line)).to.not.include(line);
          expect(ledger.lines).to.have.length(lines.length - 1);
        },
      ),
      fuzz(200),
    );
  });

  it('refuses an amount beyond 15 significant digits and a text beyond 32 767 characters, naming line and column', () => {
    fc.assert(
      fc.property(
        validLine,
        fc.bigInt({ min: 10n ** 15n, max: 10n ** 30n }),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        (line, ore, negative, over, style) => {
          const big = negative ? -ore : ore;
          const digits = (big < 0n ? -big : big).toString();
          const amount = `${big < 0n ? '-' : ''}${digits.slice(0, -2)},${digits.slice(-2)}`;
          const long = 'ø'.repeat(EXCEL_MAX_CELL_TEXT + over);
          const text = [
            'dato;bilag;virkemiddel;beløp;tekst',
            `${line.cells.dato};${line.cells.bilag.replace(/[;"]/g, '')}x;skil;${amount};ok`,
            `${line.cells.dato};B;skil;10,00;${style % 2 === 0 ? long : `"${long}"`}`,
            `${line.cells.dato};C;skil;10,00;ok`,
          ].join('\n');
          const ledger = newLedger();
          const report = ledger.addText(FILE, text, { skipInvalid: true });
          expect(report.problems.map((p) => [p.code, p.line, p.column])).to.deep.equal([
            ['amount_too_large', 2, 'beløp'],
            ['text_too_long', 3, 'tekst'],
          ]);
          expect(ledger.lines.map((l) => l.line)).to.deep.equal([4]);
        },
      ),
      fuzz(40),
    );
  });

  it('refuses a header that names a column twice, in any spelling, naming the second one', () => {
    fc.assert(
      fc.property(headerShape, fc.nat(), fc.nat(), fc.nat(), validLine, (header, pick, spelling, place, line) => {
        const twice = header.columns[pick % header.columns.length]!;
        const name = SPELLINGS[twice][spelling % SPELLINGS[twice].length]!;
        const at = header.columns.length - (place % 2);
        const names = [...header.names];
        names.splice(at, 0, name);
        const row = header.columns.map((c) => line.cells[c]);
        row.splice(at, 0, line.cells[twice]);
        const { text } = csvText([names, row], ';', '\n', true);
        const ledger = newLedger();
        const report = ledger.addText(FILE, text, { skipInvalid: true });
        expect(report.rejected).to.equal(true);
        expect(report.problems.map((p) => [p.code, p.line])).to.deep.include(['duplicate_column', 1]);
        const dup = report.problems.find((p) => p.code === 'duplicate_column')!;
        const second = names.findIndex(
          (n, i) => i > names.findIndex((m) => SPELLINGS[twice].includes(m.trim())) && SPELLINGS[twice].includes(n.trim()),
        );
        expect(dup.column).to.equal(names[second]!.trim());
        expect(ledger.lines).to.have.length(0);
      }),
      fuzz(100),
    );
  });
});
