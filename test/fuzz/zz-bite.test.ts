// Scratch (not committed): break the engine at run time and watch the fuzz properties fail.
import { RowReader } from '../../engine/index.js';
before(() => {
  const original = RowReader.prototype.money;
  RowReader.prototype.money = function (this: RowReader, row, column, line) {
    if (row.some((v) => typeof v === 'number' && Number.isNaN(v))) throw new Error('bite');
    return original.call(this, row, column, line);
  };
});
