/** The Styring carry-over form's values in the engine's terms: a share in percent or as a Norwegian decimal, or none. */
import { expect } from 'chai';
import { FIVE_PERCENT_RULE, NO_CARRY_OVER } from '../../../engine/index.js';
import { carryOverRuleOf } from '../../../addin/taskpane/governance.js';

describe('the carry-over form', function () {
  it('reads the rule of the form: a share in percent or as a Norwegian decimal, or none', function () {
    expect(carryOverRuleOf('share', '5 %', false)).to.deep.equal(FIVE_PERCENT_RULE);
    expect(carryOverRuleOf('share', '0,05', false)).to.deep.equal(FIVE_PERCENT_RULE);
    expect(carryOverRuleOf('share', 'fem', false)).to.equal(null);
    expect(carryOverRuleOf('share', '120 %', false)).to.equal(null);
    expect(carryOverRuleOf('all', '', true)).to.deep.equal({ kind: 'all', carryOverspend: true });
    expect(carryOverRuleOf('none', 'fem', true)).to.equal(NO_CARRY_OVER);
  });
});
