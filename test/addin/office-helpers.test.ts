// The add-in's own error log (it replaced office-js-helpers' Utilities.log): an error is one group
// headed by where it happened, its name and message, with the office.js debug info, the stack and
// the error collapsed inside it; any other value is one line.
import { expect } from 'chai';
import { logToConsole } from '../../addin/excel/office-helpers.js';

type Method = 'error' | 'group' | 'groupCollapsed' | 'groupEnd';

/** Runs `body` with the console's group and error methods recording their calls instead of printing. */
function recorded(body: () => void): [Method, ...unknown[]][] {
  const calls: [Method, ...unknown[]][] = [];
  const methods: Method[] = ['error', 'group', 'groupCollapsed', 'groupEnd'];
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void calls.push([m, ...args]);
  try {
    body();
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i]!));
  }
  return calls;
}

describe('the add-in error log', function () {
  it('groups an office.js error with its debug info, stack and the error itself', () => {
    const error = Object.assign(new Error('The argument is invalid'), {
      name: 'RichApi.Error',
      debugInfo: { code: 'InvalidArgument', errorLocation: 'Range.values' },
    });
    expect(recorded(() => logToConsole('skriv tabeller', error))).to.deep.equal([
      ['group', 'IA Planner (skriv tabeller): RichApi.Error: The argument is invalid'],
      ['groupCollapsed', 'Debug Info'],
      ['error', { code: 'InvalidArgument', errorLocation: 'Range.values' }],
      ['groupEnd'],
      ['groupCollapsed', 'Stack Trace'],
      ['error', error.stack],
      ['groupEnd'],
      ['groupCollapsed', 'Error'],
      ['error', error],
      ['groupEnd'],
      ['groupEnd'],
    ]);
  });

  it('leaves the debug info out for a plain error, and prints any other value on one line', () => {
    const error = new TypeError('x is undefined');
    expect(recorded(() => logToConsole('avstem', error)).map((c) => c.slice(0, 2))).to.deep.equal([
      ['group', 'IA Planner (avstem): TypeError: x is undefined'],
      ['groupCollapsed', 'Stack Trace'],
      ['error', error.stack],
      ['groupEnd'],
      ['groupCollapsed', 'Error'],
      ['error', error],
      ['groupEnd'],
      ['groupEnd'],
    ]);
    expect(recorded(() => logToConsole('avstem', 'Office ikke klar'))).to.deep.equal([
      ['error', 'IA Planner (avstem):', 'Office ikke klar'],
    ]);
  });
});
