// A stand-in for office.js, for loading the built task pane page in a browser without Excel (the
// task pane page test and the start-up bench).
/** Where the task pane page loads office.js from (Microsoft's CDN). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * What the page gets instead of office.js: Office for Excel with no optional requirement sets, an
 * Excel whose workbook has no tables, and the CustomFunctions registry the shared runtime provides.
 * Every call lands in `window.__officeCalls`, so the test sees what the page asked of Excel.
 */
export const OFFICE_STAND_IN = `
(() => {
  const calls = (window.__officeCalls = []);
  const nothing = () => ({ load() {}, isNullObject: true });
  const context = {
    workbook: {
      tables: { getItemOrNullObject: (name) => (calls.push('tables.getItemOrNullObject:' + name), nothing()) },
      worksheets: { getItemOrNullObject: (name) => (calls.push('worksheets.getItemOrNullObject:' + name), nothing()) },
      settings: { getItemOrNullObject: (key) => (calls.push('settings.getItemOrNullObject:' + key), nothing()) },
    },
    sync: () => (calls.push('sync'), Promise.resolve()),
  };
  window.Excel = {
    run(optionsOrBatch, maybeBatch) {
      calls.push('Excel.run');
      const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch;
      return Promise.resolve().then(() => batch(context));
    },
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    HostType: { Excel: 'Excel' },
    onReady(callback) {
      return Promise.resolve().then(() => (callback && callback(info), info));
    },
    context: { requirements: { isSetSupported: () => false } },
    actions: { associate: (id) => calls.push('actions.associate:' + id) },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
  window.CustomFunctions = {
    associate: (id) => calls.push('CustomFunctions.associate:' + id),
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
})();
`;
