// The fake Excel's calculation of constant formulas, which the port contract relies on to read a
// formula's result: what it works out, and the 0 it holds for anything it cannot.
import { expect } from 'chai';
import { calculate, type Value } from './fake-calculate.js';

describe('calculate (the fake Excel)', () => {
  const cases: [string, Value][] = [
    ['=1+1', 2],
    ['=2+3*4', 14],
    ['=(2+3)*4', 20],
    ['=-5+1', -4],
    ['=10/4', 2.5],
    ['="a"&"b"', 'ab'],
    ['="si ""ja"""', 'si "ja"'],
    ['=IF(TRUE,"","x")', ''],
    ['=if(false, 1, 2)', 2],
    ['=IF(1-1,"ja","nei")', 'nei'],
    ['=SUM(A1)', 0],
    ['=Forbruk[Beløp]', 0],
    ['="a"+1', 0],
    ['=1+', 0],
  ];
  for (const [formula, value] of cases) {
    it(`gives ${JSON.stringify(value)} for ${formula}`, () => expect(calculate(formula)).to.equal(value));
  }
});
