// A refused reallocation as a script reads it in JSON: the problem's fields as CONTRACTS §4 lists
// them, and the refusal's reason as a code with its values, amounts as strings with two decimals.
import { expect } from 'chai';
import { governanceProblem, Money, problem } from '../../../engine/index.js';
import { problemJson } from '../../../engine/cli/commands.js';

const place = { file: 'plan.xlsx', sheet: 'Rammer', line: 7, column: 'Beløp', value: '12000000.00' };

describe('problemJson', () => {
  it('adds a governance refusal’s reason, with Money values as strings with two decimals', () => {
    const reason = {
      code: 'below_spent',
      instrument: 'ekspertbistand',
      year: 2024,
      amount: Money.of('12000000'),
      frameAfter: Money.of('38000000'),
      spent: Money.of('40000000.5'),
      openCommitments: Money.of('0'),
      remaining: Money.of('-500.25'),
    } as const;
    const json = problemJson(governanceProblem('reallocation_refused', place, reason));
    expect(json['reason']).to.deep.equal({
      code: 'below_spent',
      instrument: 'ekspertbistand',
      year: 2024,
      amount: '12000000.00',
      frameAfter: '38000000.00',
      spent: '40000000.50',
      openCommitments: '0.00',
      remaining: '-500.25',
    });
    // The reason survives JSON as it is: no Money object left to stringify otherwise.
    expect(JSON.parse(JSON.stringify(json))['reason']).to.deep.equal(json['reason']);
  });

  it('keeps every field of CONTRACTS §4 with its name, and nested values (frames, versions) as they are', () => {
    const reason = { code: 'unknown_version', id: 'x', known: [{ id: 'plan', name: 'Arbeidsplan' }] } as const;
    const json = problemJson(governanceProblem('change_refused', place, reason));
    expect(Object.keys(json)).to.deep.equal([
      'code',
      'file',
      'sheet',
      'line',
      'column',
      'value',
      'expected',
      'message',
      'reason',
    ]);
    expect(json['reason']).to.deep.equal(reason);
  });

  it('has no reason for a problem that is not a governance refusal', () => {
    const json = problemJson(problem('bad_amount', { file: 'forbruk.csv', line: 12, column: 'beløp', value: '12,3,4' }));
    expect(json).not.to.have.property('reason');
    expect(Object.keys(json)).to.deep.equal(['code', 'file', 'line', 'column', 'value', 'expected', 'message']);
  });
});
