import { expect } from 'chai';
import { CsvReader } from '../../engine/ledger/csv.js';
import { dimensionsText, keysOf, sourceKeys } from '../../engine/ledger/placement.js';
import type { LedgerLine } from '../../engine/ledger/line.js';
import type { PlacementKeys } from '../../engine/ledger/source-line.js';

// The quoted-field path of the CSV reader (every field of the state accounts is quoted) and the
// keys a state-file line is placed by, each against what it must equal.

/** The records of a text cut into chunks at every `cut`, with the line each starts on. */
function records(text: string, cut: number): [number, string[]][] {
  const out: [number, string[]][] = [];
  const reader = new CsvReader((fields, line) => out.push([line, fields]));
  for (let i = 0; i < text.length; i += cut) reader.push(text.slice(i, i + cut));
  reader.end();
  return out;
}

describe('CSV quoted fields, in chunks of any size', () => {
  const text = '"a";"b";"c"\r\n"x""y";"1\r\n2";z\r\n"p"q;r\rs;"t"\r\n"last";"";\n';
  const expected: [number, string[]][] = [
    [1, ['a', 'b', 'c']],
    [2, ['x"y', '1\r\n2', 'z']],
    [4, ['pq', 'r\rs', 't']],
    [5, ['last', '', '']],
  ];
  for (const cut of [1, 2, 3, 5, 7, 1000]) {
    it(`reads doubled quotes, line breaks inside quotes, a carriage return inside a field and an empty last field (chunks of ${cut})`, () => {
      expect(records(text, cut)).to.deep.equal(expected);
    });
  }
});

describe('sourceKeys: the keys of a state-file line, as keysOf gives them for its ledger line', () => {
  const cases: PlacementKeys[] = [
    { chapter: 2650, post: 76, account: '874', dimensions: [], organisation: '889640782' },
    { chapter: null, post: null, account: '', dimensions: [{ type: 'A', id: '1' }], organisation: '' },
    { chapter: null, post: null, account: null, dimensions: [{ type: ' Prosjekt ', id: 'IA' }], organisation: null },
    { chapter: null, post: null, account: null, dimensions: [{ type: 'Prosjekt', id: ' IA' }], organisation: null },
    { chapter: null, post: null, account: '5000', dimensions: [{ type: 'a=b', id: 'c' }], organisation: '1' },
    { chapter: null, post: null, account: '5000', dimensions: [{ type: 'T', id: 'x;y=z' }], organisation: '1' },
    { chapter: null, post: null, account: '5000', dimensions: [{ type: '', id: '' }], organisation: '1' },
  ];
  for (const keys of cases) {
    it(`gives ${JSON.stringify(keys)} as its ledger line would be read`, () => {
      const line = {
        ...(keys.account === null ? {} : { account: keys.account }),
        ...(keys.organisation === null ? {} : { organisation: keys.organisation }),
        ...(keys.dimensions.length === 0 ? {} : { dimensions: dimensionsText(keys.dimensions) }),
        chapter: keys.chapter,
        post: keys.post,
      } as unknown as LedgerLine;
      expect(sourceKeys(keys)).to.deep.equal(keysOf(line));
    });
  }
});
