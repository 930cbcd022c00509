// Reading a plan back from the Rammer and Poster tables a user has edited; every bad cell is named.
import { expect } from 'chai';
import { embeddedPlan, frameKey, Money } from '../../../engine/index.js';
import { posterTable, rammerTable } from '../../../engine/workbook/write/build.js';
import type { CellValue, TableRead } from '../../../engine/workbook/port/port.js';
import { readPlanTables } from '../../../engine/workbook/read/read-plan-table.js';
import { readBackValue } from '../../../engine/workbook/port/cells.js';

/** The embedded plan's tables as a user would find them, with edits applied. */
function tables(edit: (rammer: CellValue[][], poster: CellValue[][]) => void = () => undefined): [TableRead, TableRead] {
  const plan = embeddedPlan();
  const r = rammerTable(plan);
  const p = posterTable(plan);
  const rammer = r.rows.map((row) => row.map(readBackValue));
  const poster = p.rows.map((row) => row.map(readBackValue));
  edit(rammer, poster);
  const read = (sheet: string, header: string[], rows: CellValue[][]): TableRead => ({
    sheet,
    table: sheet,
    header,
    rows,
    firstRow: 2,
  });
  return [
    read(
      'Rammer',
      r.spec.columns.map((c) => c.name),
      rammer,
    ),
    read(
      'Poster',
      p.spec.columns.map((c) => c.name),
      poster,
    ),
  ];
}

function read(edit?: (rammer: CellValue[][], poster: CellValue[][]) => void) {
  const [rammer, poster] = tables(edit);
  return readPlanTables(rammer, poster, 'plan.xlsx', 'nb');
}

const at = (p: { sheet?: string; line: number | null; column: string | null; value: string | null; code: string }) => [
  p.code,
  p.sheet,
  p.line,
  p.column,
  p.value,
];

describe('readPlanTables', () => {
  it('reads the embedded plan back unchanged from its own tables', () => {
    const { plan, problems } = read();
    expect(problems).to.deep.equal([]);
    expect(plan!.frames).to.deep.equal(embeddedPlan().frames);
    expect(plan!.posts).to.deep.equal(embeddedPlan().posts);
  });

  it('takes a changed amount and marks the frame as entered by a person', () => {
    const { plan } = read((rammer) => {
      const row = rammer.find((r) => r[0] === 'ekspertbistand' && r[2] === 2025)!;
      row[4] = 55000000.5;
    });
    const frame = plan!.frames.find((f) => frameKey(f) === 'ekspertbistand:2025-2025')!;
    expect(frame.amount!.eq(Money.of('55000000.50'))).to.equal(true);
    expect(frame.source).to.equal('entered');
    expect(frame.sourceText).to.contain('ark Rammer');
  });

  it('fills in a 2025 frame of a new measure, written as Norwegian text', () => {
    const { plan } = read((rammer) => {
      rammer.find((r) => r[0] === 'lovarbeid' && r[2] === 2025)![4] = '1 250 000,00';
    });
    expect(plan!.frames.find((f) => frameKey(f) === 'lovarbeid:2025-2025')!.amount!.toFixed2()).to.equal('1250000.00');
  });

  it('adds a frame typed as a new row, by instrument name, and records a confirmed condition', () => {
    const { plan, problems } = read((rammer) => {
      rammer.push([
        'Utvikling kursmodul og utprøving (SKIL)',
        null,
        2025,
        2026,
        500000,
        'NOK',
        null,
        'Statsstøtte',
        'ja',
        null,
        null,
      ]);
    });
    expect(problems).to.deep.equal([]);
    const frame = plan!.frames.find((f) => frameKey(f) === 'skil:2025-2026')!;
    expect([frame.conditionConfirmed, frame.source, frame.funding]).to.deep.equal([true, 'entered', 'state']);
  });

  it('treats an empty amount as not set, never as 0', () => {
    const { plan } = read((rammer) => {
      rammer.find((r) => r[0] === 'ekspertbistand' && r[2] === 2026)![4] = '  ';
    });
    expect(plan!.frames.find((f) => frameKey(f) === 'ekspertbistand:2026-2026')!.amount).to.equal(null);
  });

  it('skips empty rows', () => {
    const { plan } = read((rammer) => void rammer.splice(3, 0, Array(11).fill(null)));
    expect(plan!.frames).to.have.length(93);
  });

  const cases: [string, (rammer: CellValue[][], poster: CellValue[][]) => void, unknown[]][] = [
    ['an unknown instrument', (r) => void (r[0]![0] = 'ukjent'), ['unknown_instrument', 'Rammer', 2, 'Virkemiddel', 'ukjent']],
    ['a year that is not a year', (r) => void (r[1]![2] = '20x0'), ['bad_year', 'Rammer', 3, 'Fra', '20x0']],
    ['a year outside 2019–2028', (r) => void (r[2]![3] = 2031), ['year_out_of_range', 'Rammer', 4, 'Til', '2031']],
    ['an amount with three decimals', (r) => void (r[3]![4] = 1.125), ['too_many_decimals', 'Rammer', 5, 'Beløp', '1.125']],
    ['an amount that reads two ways', (r) => void (r[3]![4] = '1.250'), ['ambiguous_amount', 'Rammer', 5, 'Beløp', '1.250']],
    ['a negative frame', (r) => void (r[4]![4] = -5), ['negative_amount', 'Rammer', 6, 'Beløp', '-5.00']],
    ['a unit other than NOK', (r) => void (r[4]![5] = 'EUR'), ['bad_value', 'Rammer', 6, 'Enhet', 'EUR']],
    ['an unknown funding', (r) => void (r[4]![6] = 'kommunen'), ['bad_funding', 'Rammer', 6, 'Finansiering', 'kommunen']],
    [
      'a Bekreftet that is neither ja nor nei',
      (r) => void (r[5]![8] = 'kanskje'),
      ['bad_confirmed', 'Rammer', 7, 'Bekreftet', 'kanskje'],
    ],
    ['an unknown source', (r) => void (r[5]![9] = 'rykte'), ['bad_source', 'Rammer', 7, 'Kilde', 'rykte']],
    [
      'a condition holding a control character (it would not survive the next write)',
      (r) => void (r[5]![7] = 'Godkjent\u0007'),
      ['control_character', 'Rammer', 7, 'Betingelse', 'Godkjent<U+0007>'],
    ],
    [
      'a frame ending before it begins',
      (r) => void ((r[6]![2] = 2020), (r[6]![3] = 2019)),
      ['frame_from_after_to', 'Rammer', 8, 'Fra', '2020–2019'],
    ],
    ['a missing year', (r) => void (r[6]![2] = null), ['missing_value', 'Rammer', 8, 'Fra', null]],
    [
      'a budget post written twice',
      (_, p) => void p.push([601, 22, 'kunnskapsutvikling', 'igjen']), // the same post and instrument again
      ['duplicate_post', 'Poster', 6, 'Post', '601.22'],
    ],
    [
      'a chapter that is not a whole number',
      (_, p) => void (p[0]![0] = '6o1'),
      ['bad_chapter_post', 'Poster', 2, 'Kapittel', '6o1'],
    ],
  ];
  for (const [what, edit, expected] of cases) {
    it(`names sheet, row, column and value of ${what}`, () => {
      const { plan, problems } = read(edit);
      expect(plan).to.equal(null);
      expect(problems.map(at)).to.deep.include(expected);
      for (const p of problems) expect(p.message).to.contain(`ark ${p.sheet}`).and.contain(`rad ${p.line}`);
    });
  }

  it('reports two frames of one instrument sharing a year', () => {
    const { problems } = read(
      (r) => void r.push(['ekspertbistand', null, 2024, 2025, 1, 'NOK', 'state', null, null, 'entered', null]),
    );
    expect(problems.map((p) => p.code)).to.include('frame_overlap');
  });

  it('reports every problem, not only the first', () => {
    const { problems } = read((r) => {
      r[0]![0] = 'ukjent';
      r[10]![4] = 'tusen';
    });
    expect(problems.map((p) => p.code)).to.deep.equal(['unknown_instrument', 'bad_amount']);
  });

  it('reports a missing table and a missing column', () => {
    const [rammer] = tables();
    const missing = readPlanTables(rammer, null, 'plan.xlsx');
    expect(missing.problems.map((p) => [p.code, p.sheet])).to.deep.equal([['missing_table', 'Poster']]);
    const [r, p] = tables();
    const noAmount = readPlanTables({ ...r, header: r.header.map((h) => (h === 'Beløp' ? 'Sum' : h)) }, p, 'plan.xlsx', 'en');
    expect(noAmount.problems[0]!.code).to.equal('missing_columns');
    expect(noAmount.problems[0]!.message).to.contain('sheet Rammer').and.contain('Beløp');
  });
});
