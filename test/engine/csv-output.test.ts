/** CSV output (`--format csv`): fields quoted when they must be, and never a formula when opened in Excel. */
import { expect } from 'chai';
import { csvField } from '../../engine/index.js';

describe('a CSV field as the command line writes it', () => {
  const cases: readonly [string, string][] = [
    ['Ekspertbistand', 'Ekspertbistand'],
    ['Materiell HelseIArbeid, trykking', '"Materiell HelseIArbeid, trykking"'],
    ['sa «hei» og "ha det"', '"sa «hei» og ""ha det"""'],
    ['-420000.00', '-420000.00'],
    ['50000000.00', '50000000.00'],
    ['+47', '+47'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=1+1', "'=1+1"],
    ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://x", "y")', `"'=HYPERLINK(""http://x"", ""y"")"`],
  ];
  for (const [value, written] of cases) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(written)}`, () => {
      expect(csvField(value)).to.equal(written);
    });
  }
});
