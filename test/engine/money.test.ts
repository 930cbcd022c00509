import { expect } from 'chai';
import fc from 'fast-check';
import { formatMoney, formatPercent, Money, parseAmount, ratio, sum, type AmountFault } from '../../engine/index.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

describe('parseAmount', () => {
  // [as written in a ledger, øre]
  const accepted: [string, bigint][] = [
    ['1 250 000,50', 125000050n],
    ['1.250.000,50', 125000050n],
    ['1250000.50', 125000050n],
    ['1 250 000.50', 125000050n],
    [`1${NBSP}250${NBSP}000,50`, 125000050n],
    [`1${NNBSP}250${NNBSP}000,50`, 125000050n],
    [`1${NBSP}250${NBSP}000.50`, 125000050n],
    ['1250000,50', 125000050n],
    ['-1 250 000,50', -125000050n],
    [`${MINUS}1 250 000,50`, -125000050n],
    [`${MINUS}1.250,00`, -125000n],
    ['-12', -1200n],
    ['0,5', 50n],
    ['0.5', 50n],
    ['0,05', 5n],
    ['12', 1200n],
    ['0', 0n],
    ['-0', 0n],
    ['1.250,00', 125000n],
    ['1 250', 125000n],
    ['1.5', 150n],
    ['999,99', 99999n],
    ['  48 211 000,50  ', 4821100050n],
    ['0601', 60100n],
    ['12345678901234567,89', 1234567890123456789n],
  ];
  for (const [text, ore] of accepted) {
    it(`reads ${JSON.stringify(text)} as ${ore} øre`, () => {
      expect(parseAmount(text)).to.deep.equal({ ok: true, ore });
    });
  }

  // [as written, fault]
  const refused: [string, AmountFault][] = [
    ['1.250', 'ambiguous_amount'],
    ['1.250.000', 'ambiguous_amount'],
    ['-1.250', 'ambiguous_amount'],
    ['1250.000', 'ambiguous_amount'],
    ['1,234', 'too_many_decimals'],
    ['1 250,505', 'too_many_decimals'],
    ['1.2345', 'too_many_decimals'],
    ['12,3,4', 'bad_amount'],
    ['1e5', 'bad_amount'],
    ['1E5', 'bad_amount'],
    ['NaN', 'bad_amount'],
    ['Infinity', 'bad_amount'],
    ['kr 100', 'bad_amount'],
    ['100 kr', 'bad_amount'],
    ['NOK 100', 'bad_amount'],
    ['100,-', 'bad_amount'],
    ['1 25 000,00', 'bad_amount'],
    ['12 50 000', 'bad_amount'],
    ['1 250.000,00', 'bad_amount'],
    ['1.250 000,00', 'bad_amount'],
    ['1,250,000.00', 'bad_amount'],
    ['1 250 000.5.0', 'bad_amount'],
    ['1.250.000.50', 'bad_amount'],
    ['', 'bad_amount'],
    ['   ', 'bad_amount'],
    ['-', 'bad_amount'],
    ['--5', 'bad_amount'],
    ['+5', 'bad_amount'],
    ['- 5', 'bad_amount'],
    ['5-', 'bad_amount'],
    ['.5', 'bad_amount'],
    ['5.', 'bad_amount'],
    ['5,', 'bad_amount'],
    [',5', 'bad_amount'],
    ['0x10', 'bad_amount'],
    ['12 000 000 abc', 'bad_amount'],
    ['١٢', 'bad_amount'],
  ];
  for (const [text, fault] of refused) {
    it(`refuses ${JSON.stringify(text)} as ${fault}`, () => {
      expect(parseAmount(text)).to.deep.equal({ ok: false, fault });
    });
  }
});

describe('formatMoney', () => {
  const cases: [string, Parameters<typeof formatMoney>[1], string][] = [
    ['1250000.00', {}, `1${NBSP}250${NBSP}000,00${NBSP}kr`],
    ['1250000.5', { lang: 'nb' }, `1${NBSP}250${NBSP}000,50${NBSP}kr`],
    ['-1250000', {}, `${MINUS}1${NBSP}250${NBSP}000,00${NBSP}kr`],
    ['-0.004', {}, `0,00${NBSP}kr`],
    ['0', { currency: false }, '0,00'],
    ['999.99', { currency: false }, '999,99'],
    ['1000', { currency: false }, `1${NBSP}000,00`],
    ['1250000', { lang: 'en' }, 'NOK 1,250,000.00'],
    ['-1250000.5', { lang: 'en' }, '-NOK 1,250,000.50'],
    ['1250000', { lang: 'en', currency: false }, '1,250,000.00'],
    ['1250000.49', { decimals: 0 }, `1${NBSP}250${NBSP}000${NBSP}kr`],
    ['1250000.50', { decimals: 0, currency: false }, `1${NBSP}250${NBSP}001`],
  ];
  for (const [plain, options, shown] of cases) {
    it(`shows ${plain} with ${JSON.stringify(options)} as ${JSON.stringify(shown)}`, () => {
      expect(formatMoney(Money.of(plain), options)).to.equal(shown);
    });
  }
});

describe('formatPercent', () => {
  it('shows a ratio as a percentage in bokmål and English', () => {
    expect(formatPercent('0.9642')).to.equal(`96,42${NBSP}%`);
    expect(formatPercent('0.9642', 'en')).to.equal('96.42%');
    expect(formatPercent('-0.05')).to.equal(`${MINUS}5,00${NBSP}%`);
    expect(formatPercent(null)).to.equal('–');
  });
});

describe('Money', () => {
  const fixed: [() => Money, string][] = [
    [() => Money.of('1250000.5'), '1250000.50'],
    [() => Money.of('-3'), '-3.00'],
    [() => Money.of('0.005'), '0.01'],
    [() => Money.of('0.004'), '0.00'],
    [() => Money.of('-0.004'), '0.00'],
    [() => Money.of('-0.005'), '-0.01'],
    [() => Money.fromOre(125000050n), '1250000.50'],
    [() => Money.fromOre(-1n), '-0.01'],
    [() => Money.mill(70), '70000000.00'],
    [() => Money.mill('4.25'), '4250000.00'],
    [() => Money.of('0.1').plus(Money.of('0.2')), '0.30'],
    [() => Money.of('50000000').minus(Money.of('48211000.50')).minus(Money.of('1500000')), '288999.50'],
    [() => Money.of('100').times('0.05'), '5.00'],
    [() => Money.of('7').negated(), '-7.00'],
    [() => sum([Money.of('0.1'), Money.of('0.2'), Money.of('0.3')]), '0.60'],
    [() => sum([]), '0.00'],
  ];
  fixed.forEach(([make, text], i) => {
    it(`writes case ${i + 1} as ${text} with two decimals`, () => {
      expect(make().toFixed2()).to.equal(text);
      expect(JSON.stringify({ m: make() })).to.equal(`{"m":"${text}"}`);
    });
  });

  it('refuses anything but a plain decimal in Money.of (a programmer mistake)', () => {
    for (const bad of ['1,5', '1e5', 'NaN', '', ' 1', '1 000']) expect(() => Money.of(bad), bad).to.throw(TypeError);
  });

  it('converts to øre rounding half-up', () => {
    expect(Money.of('12.345').toOre()).to.equal(1235n);
    expect(Money.of('-12.345').toOre()).to.equal(-1235n);
    expect(Money.fromOre(-987654321n).toOre()).to.equal(-987654321n);
  });

  it('compares exactly', () => {
    const a = Money.of('0.1').plus(Money.of('0.2'));
    expect(a.eq(Money.of('0.3'))).to.equal(true);
    expect(a.gt(Money.of('0.29'))).to.equal(true);
    expect(a.lt(Money.of('0.31'))).to.equal(true);
    expect(a.max(Money.of('1')).toFixed2()).to.equal('1.00');
    expect(a.min(Money.of('1')).toFixed2()).to.equal('0.30');
    expect(Money.zero.isZero()).to.equal(true);
    expect(Money.of('-0.00').isNegative()).to.equal(false);
    expect(Money.of('-0.01').isNegative()).to.equal(true);
  });
});

describe('ratio', () => {
  const cases: [string, string, string | null][] = [
    ['2', '3', '0.6667'],
    ['1', '3', '0.3333'],
    ['48211000.50', '50000000', '0.9642'],
    ['0.00005', '1', '0.0001'],
    ['0.000049', '1', '0.0000'],
    ['-0.00005', '1', '-0.0001'],
    ['0.00015', '1', '0.0002'],
    ['0.00025', '1', '0.0003'],
    ['1', '1', '1.0000'],
    ['3', '2', '1.5000'],
    ['0', '5', '0.0000'],
    ['5', '0', null],
  ];
  for (const [part, whole, expected] of cases) {
    it(`gives ${part} / ${whole} = ${String(expected)} half-up to 4 decimals`, () => {
      expect(ratio(Money.of(part), Money.of(whole))).to.equal(expected);
    });
  }

  it('rounds to other places when asked', () => {
    expect(ratio(Money.of('2'), Money.of('3'), 2)).to.equal('0.67');
  });
});

describe('money round trips', () => {
  const ore = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it('reads back any amount formatted for people in bokmål', () => {
    fc.assert(
      fc.property(ore, (x) => {
        const reading = parseAmount(formatMoney(Money.fromOre(x), { currency: false }));
        expect(reading).to.deep.equal({ ok: true, ore: x });
      }),
    );
  });

  it('reads back any amount in its JSON form', () => {
    fc.assert(
      fc.property(ore, (x) => {
        expect(parseAmount(Money.fromOre(x).toFixed2())).to.deep.equal({ ok: true, ore: x });
      }),
    );
  });

  it('keeps øre exact through Money', () => {
    fc.assert(fc.property(ore, (x) => Money.fromOre(x).toOre() === x));
  });
});
