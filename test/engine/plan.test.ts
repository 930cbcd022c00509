import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  APPENDIX_ROWS,
  embeddedPlan,
  findInstrument,
  frameKey,
  INSTRUMENTS,
  instrumentOfPost,
  InstrumentIndex,
  Money,
  readAppendixRule,
  SKIL_CONDITION,
  sortFrames,
  validateFrames,
  type Frame,
  type FrameAt,
} from '../../engine/index.js';

const plan = embeddedPlan();
const SEED = readFileSync(new URL('../fixtures/seeds/ia-avtalen-2019.txt', import.meta.url), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The frame of an instrument starting in a year, as the contract's JSON would show it. */
function shown(instrument: string, from: number) {
  const frame = plan.frames.find((f) => f.instrument === instrument && f.from === from);
  if (!frame) return undefined;
  return {
    to: frame.to,
    amount: frame.amount?.toFixed2() ?? null,
    funding: frame.funding,
    source: frame.source,
    condition: frame.condition,
    conditionConfirmed: frame.conditionConfirmed,
  };
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028];
const sourceOf = (year: number) => (year <= 2022 ? 'appendix' : 'continued');

/** Annual state frames: [instrument, 2019 amount, amount from 2020]. */
const ANNUAL: [string, string, string][] = [
  ['arbeidsmiljosatsing', '70000000.00', '50000000.00'],
  ['ekspertbistand', '50000000.00', '50000000.00'],
  ['kompetansetiltak', '70000000.00', '70000000.00'],
  ['bransjeprogrammer', '60000000.00', '80000000.00'],
  ['kunnskapsutvikling', '21000000.00', '21000000.00'],
];

/** Instruments funded otherwise: [instrument, funding]. */
const OTHERWISE: [string, string][] = [
  ['arbeidslivstjeneste', 'arbeidslivssentrene'],
  ['helseiarbeid', 'arbeidslivssentrene'],
  ['opplaering', 'partene'],
];

const NEW_MEASURES = ['fastlegeprosjekt', 'lovarbeid', 'kunnskapsinnhenting'];

describe('embedded plan: frames per instrument and year', () => {
  for (const [instrument, first, then] of ANNUAL) {
    for (const year of YEARS) {
      const amount = year === 2019 ? first : then;
      it(`gives ${instrument} ${year} a frame of ${amount} (${sourceOf(year)})`, () => {
        expect(shown(instrument, year)).to.deep.equal({
          to: year,
          amount,
          funding: 'state',
          source: sourceOf(year),
          condition: '',
          conditionConfirmed: false,
        });
      });
    }
  }

  for (const [instrument, funding] of OTHERWISE) {
    it(`gives ${instrument} a frame without amount (null) each year, funded by ${funding}`, () => {
      for (const year of YEARS) {
        expect(shown(instrument, year), `${instrument} ${year}`).to.deep.equal({
          to: year,
          amount: null,
          funding,
          source: sourceOf(year),
          condition: '',
          conditionConfirmed: false,
        });
      }
    });
  }

  it('gives skil one pooled frame 2019–2021 of 2000000.00 on the footnote’s condition, not confirmed', () => {
    expect(plan.frames.filter((f) => f.instrument === 'skil')).to.have.length(1);
    expect(shown('skil', 2019)).to.deep.equal({
      to: 2021,
      amount: '2000000.00',
      funding: 'state',
      source: 'appendix',
      condition: 'Under forutsetning av at den økonomiske rammen er i tråd med statsstøtteregelverket.',
      conditionConfirmed: false,
    });
  });

  for (const instrument of NEW_MEASURES) {
    it(`gives the new measure ${instrument} frames 2025–2028 with amount not set (agreement_2025)`, () => {
      const frames = plan.frames.filter((f) => f.instrument === instrument);
      expect(frames.map((f) => f.from)).to.deep.equal([2025, 2026, 2027, 2028]);
      for (const year of [2025, 2026, 2027, 2028]) {
        expect(shown(instrument, year)).to.deep.equal({
          to: year,
          amount: null,
          funding: 'state',
          source: 'agreement_2025',
          condition: '',
          conditionConfirmed: false,
        });
      }
    });
  }

  it('never uses zero for an amount that is not set', () => {
    for (const frame of plan.frames) if (frame.amount !== null) expect(frame.amount.isZero(), frameKey(frame)).to.equal(false);
  });

  it('gives every frame the unit NOK and a source text', () => {
    for (const frame of plan.frames) {
      expect(frame.unit).to.equal('NOK');
      expect(frame.sourceText).to.not.equal('');
    }
  });
});

describe('embedded plan: totals and order', () => {
  const stateTotal = (year: number) =>
    plan.frames
      .filter((f) => f.from === year && f.amount !== null)
      .reduce((total, f) => total.plus(f.amount!), Money.zero)
      .toFixed2();

  it('totals 273 000 000 for 2019, counting the SKIL pool there (Prop. 48 S)', () => {
    expect(stateTotal(2019)).to.equal('273000000.00');
  });

  for (const year of [2020, 2021, 2022]) {
    it(`totals 271 000 000 for ${year}`, () => {
      expect(stateTotal(year)).to.equal('271000000.00');
    });
  }

  it('holds 93 frames in contract order: by instrument as in §1, then by from', () => {
    expect(plan.frames).to.have.length(93);
    const order = INSTRUMENTS.map((i) => i.id as string);
    expect(order).to.deep.equal([
      'arbeidsmiljosatsing',
      'arbeidslivstjeneste',
      'helseiarbeid',
      'ekspertbistand',
      'kompetansetiltak',
      'bransjeprogrammer',
      'kunnskapsutvikling',
      'skil',
      'opplaering',
      'fastlegeprosjekt',
      'lovarbeid',
      'kunnskapsinnhenting',
    ]);
    const keys = plan.frames.map(frameKey);
    const expected = order.flatMap((id) => {
      if (id === 'skil') return ['skil:2019-2021'];
      const years = NEW_MEASURES.includes(id) ? [2025, 2026, 2027, 2028] : YEARS;
      return years.map((y) => `${id}:${y}-${y}`);
    });
    expect(keys).to.deep.equal(expected);
    expect(sortFrames([...plan.frames].reverse()).map(frameKey)).to.deep.equal(expected);
  });

  it('has no problems by its own validation', () => {
    expect(validateFrames(plan.frames.map((frame) => ({ frame, file: 'embedded', line: null })))).to.deep.equal([]);
  });
});

describe('embedded plan: the appendix words', () => {
  for (const row of APPENDIX_ROWS) {
    it(`quotes «${row.text}» for ${row.instrument} as the signed appendix words it`, () => {
      expect(flat(SEED)).to.include(flat(row.text));
    });
  }

  it('quotes the SKIL footnote word for word', () => {
    expect(flat(SEED)).to.include(`1 ${SKIL_CONDITION}`);
  });

  it('names every appendix instrument as the appendix does (dashes folded)', () => {
    const seed = flat(SEED)
      .toLowerCase()
      .replace(/[\u2013-]/g, '-');
    for (const instrument of INSTRUMENTS.filter((i) => APPENDIX_ROWS.some((r) => r.instrument === i.id))) {
      expect(seed, instrument.id).to.include(instrument.name.toLowerCase().replace(/[\u2013-]/g, '-'));
    }
  });

  it('reads each wording as an annual, pooled or unfunded rule', () => {
    expect(readAppendixRule('50 mill. kroner årlig').kind).to.equal('annual');
    expect(readAppendixRule('Totalt 2 mill. kroner i 2019-2021')).to.deep.include({ kind: 'pool', from: 2019, to: 2021 });
    expect(readAppendixRule('Arbeidslivssentrene')).to.deep.equal({ kind: 'none' });
    expect(() => readAppendixRule('75 mill. kroner totalt')).to.throw(Error);
  });
});

describe('instruments and budget posts', () => {
  it('finds an instrument by id, Norwegian name in any case, or a plain hyphen for the dash', () => {
    expect(findInstrument('ekspertbistand')?.id).to.equal('ekspertbistand');
    expect(findInstrument('NYTT TILSKUDD TIL EKSPERTBISTAND')?.id).to.equal('ekspertbistand');
    expect(findInstrument('Kompetansetiltak - forsøk')?.id).to.equal('kompetansetiltak');
    expect(findInstrument('Opplaering i arbeidsmiljoarbeid')?.id).to.equal('opplaering');
    expect(findInstrument('ukjent')).to.equal(undefined);
  });

  it('maps 601.22, 601.71 and 2650.76 and leaves the shared post 601.70 unmapped', () => {
    expect(instrumentOfPost(plan, 601, 22)).to.equal('kunnskapsutvikling');
    expect(instrumentOfPost(plan, 601, 71)).to.equal('bransjeprogrammer');
    expect(instrumentOfPost(plan, 2650, 76)).to.equal('ekspertbistand');
    expect(instrumentOfPost(plan, 601, 70)).to.equal(undefined);
    const index = new InstrumentIndex(plan);
    expect(index.ofPost(601, 22)).to.equal('kunnskapsutvikling');
    expect(index.ofPost(601, 70)).to.equal(undefined);
    expect(index.find('HelseIArbeid')?.id).to.equal('helseiarbeid');
  });
});

describe('validateFrames', () => {
  const base = plan.frames.find((f) => f.instrument === 'ekspertbistand' && f.from === 2020)!;
  const at = (frame: Partial<Frame>, line: number): FrameAt => ({
    frame: { ...base, ...frame },
    file: 'plan.xlsx',
    sheet: 'Rammer',
    line,
  });
  const summary = (list: ReturnType<typeof validateFrames>) =>
    list.map((p) => ({ code: p.code, sheet: p.sheet, line: p.line, column: p.column, value: p.value }));

  it('reports two frames of one instrument sharing a year, naming both', () => {
    const problems = validateFrames([at({}, 2), at({ from: 2019 as Frame['from'], to: 2021 as Frame['to'] }, 3)]);
    expect(summary(problems)).to.deep.equal([{ code: 'frame_overlap', sheet: 'Rammer', line: 2, column: 'Fra', value: '2020' }]);
    // The frames by instrument name and years, as a user reads them, never by key.
    expect(problems[0]!.message).to.equal(
      'plan.xlsx, ark Rammer, rad 2, kolonne Fra: To rammer for samme virkemiddel overlapper. Verdien «2020». ' +
        `Forventet: ${problems[0]!.expected}. Rammen gjelder Nytt tilskudd til ekspertbistand 2020. ` +
        'Overlapper med Nytt tilskudd til ekspertbistand 2019–2021 (rad 3).',
    );
    const [en] = validateFrames([at({}, 2), at({ from: 2019 as Frame['from'], to: 2021 as Frame['to'] }, 3)], 'en');
    expect(en!.message).to.match(
      /^plan\.xlsx, sheet Rammer, row 2, column Fra: .* The frame is New grant for expert assistance 2020\. Overlaps New grant for expert assistance 2019–2021 \(row 3\)\.$/,
    );
    const lines = validateFrames(
      [
        { ...at({}, 2), sheet: undefined },
        { ...at({ from: 2019 as Frame['from'], to: 2021 as Frame['to'] }, 3), sheet: undefined },
      ],
      'en',
    );
    expect(lines[0]!.message).to.match(/Overlaps New grant for expert assistance 2019–2021 \(line 3\)\.$/);
  });

  it('accepts frames of different instruments in the same year, and adjacent frames of one', () => {
    const other = at({ instrument: 'skil' as Frame['instrument'] }, 3);
    const next = at({ from: 2021 as Frame['from'], to: 2021 as Frame['to'] }, 4);
    expect(validateFrames([at({}, 2), other, next])).to.deep.equal([]);
  });

  it('reports a frame whose from is after its to', () => {
    const problems = validateFrames([at({ from: 2022 as Frame['from'], to: 2020 as Frame['to'] }, 5)]);
    expect(summary(problems)).to.deep.equal([
      { code: 'frame_from_after_to', sheet: 'Rammer', line: 5, column: 'Fra', value: '2022–2020' },
    ]);
    expect(problems[0]!.message).to.include('Rammen gjelder Nytt tilskudd til ekspertbistand 2022–2020.');
  });

  it('reports a negative amount', () => {
    const problems = validateFrames([at({ amount: Money.of('-1') }, 6)]);
    expect(summary(problems)).to.deep.equal([
      { code: 'negative_amount', sheet: 'Rammer', line: 6, column: 'Beløp', value: '-1.00' },
    ]);
    expect(problems[0]!.message).to.include('Rammen gjelder Nytt tilskudd til ekspertbistand 2020.');
  });

  it('accepts a zero amount and an amount not set', () => {
    expect(validateFrames([at({ amount: Money.zero }, 2)])).to.deep.equal([]);
    expect(validateFrames([at({ amount: null }, 2)])).to.deep.equal([]);
  });

  it('reports a year outside 2019–2028 in from or to', () => {
    const problems = validateFrames([
      at({ from: 2018 as Frame['from'], to: 2018 as Frame['to'] }, 7),
      at({ from: 2028 as Frame['from'], to: 2029 as Frame['to'] }, 8),
    ]);
    expect(summary(problems)).to.deep.equal([
      { code: 'year_out_of_range', sheet: 'Rammer', line: 7, column: 'Fra', value: '2018' },
      { code: 'year_out_of_range', sheet: 'Rammer', line: 7, column: 'Til', value: '2018' },
      { code: 'year_out_of_range', sheet: 'Rammer', line: 8, column: 'Til', value: '2029' },
    ]);
    expect(problems[0]!.message).to.include('Rammen gjelder Nytt tilskudd til ekspertbistand 2018.');
    expect(problems[2]!.message).to.include('Rammen gjelder Nytt tilskudd til ekspertbistand 2028–2029.');
  });

  it('reports 2 000 copies of one frame as 1 999 overlaps, each naming the first, without comparing every pair', () => {
    const copies = Array.from({ length: 2000 }, (_, i) => at({}, i + 2));
    const problems = validateFrames(copies);
    expect(problems).to.have.length(1999);
    expect(summary(problems.slice(0, 2))).to.deep.equal([
      { code: 'frame_overlap', sheet: 'Rammer', line: 2, column: 'Fra', value: '2020' },
      { code: 'frame_overlap', sheet: 'Rammer', line: 2, column: 'Fra', value: '2020' },
    ]);
    expect(problems[1]!.message).to.include('(rad 4)');
  });

  it('finds an overlap with a long frame that started earlier, past shorter ones in between', () => {
    const problems = validateFrames([
      at({ from: 2019 as Frame['from'], to: 2024 as Frame['to'] }, 2),
      at({ from: 2020 as Frame['from'], to: 2020 as Frame['to'] }, 3),
      at({ from: 2023 as Frame['from'], to: 2023 as Frame['to'] }, 4),
      at({ from: 2025 as Frame['from'], to: 2025 as Frame['to'] }, 5),
    ]);
    expect(problems.map((p) => [p.line, p.message.match(/\(rad (\d+)\)/)?.[1]])).to.deep.equal([
      [2, '3'],
      [2, '4'],
    ]);
  });

  it('reports every problem, not only the first', () => {
    const problems = validateFrames([
      at({ from: 2028 as Frame['from'], to: 2027 as Frame['to'], amount: Money.of('-5') }, 2),
      at({ from: 2020 as Frame['from'], to: 2020 as Frame['to'] }, 3),
      at({ from: 2019 as Frame['from'], to: 2022 as Frame['to'] }, 4),
    ]);
    expect(problems.map((p) => p.code)).to.have.members(['frame_from_after_to', 'negative_amount', 'frame_overlap']);
  });
});
