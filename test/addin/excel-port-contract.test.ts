// The workbook port's contract, kept by the office.js adapter over the recording fake of Excel
// (test/addin/fake-excel.ts): a fresh, empty workbook for each case.
import { ExcelWorkbookPort } from '../../addin/excel/excel-workbook-port.js';
import { setErrorLogger, type ErrorLogger } from '../../addin/excel/office-helpers.js';
import { describeWorkbookPortContract } from '../engine/workbook/port-contract.js';
import { FakeWorkbook } from './fake-excel.js';

describe('ExcelWorkbookPort over the fake Excel', () => {
  // The contract provokes faults on purpose; their details would only clutter the output.
  let previous: ErrorLogger;
  before(() => (previous = setErrorLogger(() => undefined)));
  after(() => setErrorLogger(previous));

  describeWorkbookPortContract('office.js (fake Excel)', async () => new ExcelWorkbookPort({ run: new FakeWorkbook().run }));
});
