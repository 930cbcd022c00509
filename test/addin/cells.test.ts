// The pure conversions of the Excel adapter: number formats grouped into runs of columns (one
// `numberFormat` call per run) and the split of a large body into requests under a byte limit.
import { expect } from 'chai';
import { chunkRows, formatRuns, jsonBytes } from '../../addin/excel/cells.js';

describe('formatRuns', () => {
  const cases: [string, string[], { start: number; count: number; format: string }[]][] = [
    ['no columns, no runs', [], []],
    ['one column', ['@'], [{ start: 0, count: 1, format: '@' }]],
    [
      'adjacent columns with one format share a run',
      ['dd.mm.yyyy', '@', '@', '0', '0', '@'],
      [
        { start: 0, count: 1, format: 'dd.mm.yyyy' },
        { start: 1, count: 2, format: '@' },
        { start: 3, count: 2, format: '0' },
        { start: 5, count: 1, format: '@' },
      ],
    ],
  ];
  for (const [title, formats, runs] of cases) it(title, () => expect(formatRuns(formats)).to.deep.equal(runs));
});

describe('chunkRows', () => {
  const rows = Array.from({ length: 100 }, (_, i) => [`rad ${i}`, i, i % 2 === 0]);

  it('keeps every run under the byte limit and covers every row once, in order', () => {
    const chunks = chunkRows(rows, 500, 10_000);
    expect(chunks.length).to.be.greaterThan(1);
    expect(chunks.every((c) => c.bytes <= 500)).to.equal(true);
    expect(chunks.map((c) => [c.start, c.end]).flat()).to.deep.equal([
      0,
      ...chunks.slice(1).flatMap((c) => [c.start, c.start]),
      100,
    ]);
  });

  it('counts the bytes of the values as sent (JSON), within a few bytes', () => {
    const [only] = chunkRows(rows, 1_000_000, 10_000);
    expect(Math.abs(only!.bytes - jsonBytes(rows))).to.be.at.most(2);
  });

  it('stops a run at the row limit', () => {
    expect(chunkRows(rows, 1_000_000, 30).map((c) => c.end - c.start)).to.deep.equal([30, 30, 30, 10]);
  });

  it('gives a row larger than the limit a run of its own', () => {
    const big = [['x'.repeat(1000)], ['y']];
    expect(chunkRows(big, 100, 10).map((c) => [c.start, c.end])).to.deep.equal([
      [0, 1],
      [1, 2],
    ]);
  });
});
