// Oslo time for every host: the stamps the log stores, "today", and how a stamp reads to people,
// including the two clock changes of 2024 and the stamps older versions wrote.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendEntries,
  buildWorkbookTables,
  formatStamp,
  MemoryWorkbookPort,
  osloClock,
  osloDate,
  osloStamp,
  readLogTable,
  readStamp,
  type ChangeRecord,
} from '../../engine/index.js';
import { nowStamp, resolveAsOf } from '../../engine/cli/io.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { sample } from './workbook/fixtures.js';

describe('osloStamp and osloDate', () => {
  // [instant in UTC, stamp stored, Oslo date ("today")]
  const cases: [string, string, string][] = [
    ['2024-01-15T09:05:07Z', '2024-01-15T10:05:07+01:00', '2024-01-15'], // winter
    ['2024-07-01T12:00:00Z', '2024-07-01T14:00:00+02:00', '2024-07-01'], // summer
    ['2024-12-31T23:30:00Z', '2025-01-01T00:30:00+01:00', '2025-01-01'], // New Year's Eve: next day, next year
    ['2024-12-31T22:59:59Z', '2024-12-31T23:59:59+01:00', '2024-12-31'], // the last second of the year
    ['2024-06-30T21:59:59Z', '2024-06-30T23:59:59+02:00', '2024-06-30'], // before midnight in summer
    ['2024-06-30T22:00:00Z', '2024-07-01T00:00:00+02:00', '2024-07-01'], // midnight in summer is 22:00 UTC
    ['2024-03-31T00:30:00Z', '2024-03-31T01:30:00+01:00', '2024-03-31'], // spring: before the change
    ['2024-03-31T00:59:59Z', '2024-03-31T01:59:59+01:00', '2024-03-31'], // spring: the last second of winter time
    ['2024-03-31T01:00:00Z', '2024-03-31T03:00:00+02:00', '2024-03-31'], // spring: 02:00 does not exist
    ['2024-03-31T02:30:00Z', '2024-03-31T04:30:00+02:00', '2024-03-31'], // spring: after
    ['2024-10-27T00:30:00Z', '2024-10-27T02:30:00+02:00', '2024-10-27'], // autumn: 02:30 the first time
    ['2024-10-27T00:59:59Z', '2024-10-27T02:59:59+02:00', '2024-10-27'], // autumn: the last second of summer time
    ['2024-10-27T01:00:00Z', '2024-10-27T02:00:00+01:00', '2024-10-27'], // autumn: back to 02:00
    ['2024-10-27T01:30:00Z', '2024-10-27T02:30:00+01:00', '2024-10-27'], // autumn: 02:30 the second time
    ['2024-10-27T02:30:00Z', '2024-10-27T03:30:00+01:00', '2024-10-27'], // autumn: after
    ['2024-02-29T23:00:00Z', '2024-03-01T00:00:00+01:00', '2024-03-01'], // leap day ends
    ['2025-05-12T10:15:00.999Z', '2025-05-12T12:15:00+02:00', '2025-05-12'], // milliseconds are dropped
  ];
  for (const [utc, stamp, date] of cases) {
    it(`${utc} is ${stamp}, on ${date}`, () => {
      const instant = new Date(utc);
      expect([osloStamp(instant), osloDate(instant)]).to.deep.equal([stamp, date]);
    });
  }

  it('gives each stamp back its instant, also in the autumn hour that Oslo shows twice', () => {
    for (const [utc] of cases) {
      const instant = new Date(utc);
      expect(readStamp(osloStamp(instant))!.instant!.getTime()).to.equal(Math.floor(instant.getTime() / 1000) * 1000);
    }
  });

  it('tells the offset: 60 minutes in winter, 120 in summer', () => {
    expect([
      osloClock(new Date('2024-01-15T12:00Z')).offsetMinutes,
      osloClock(new Date('2024-07-01T12:00Z')).offsetMinutes,
    ]).to.deep.equal([60, 120]);
  });

  it('refuses an invalid Date (a programmer mistake)', () => {
    expect(() => osloStamp(new Date('not a date'))).to.throw(RangeError);
  });
});

describe('the command line', () => {
  it('stamps a change and takes today in Oslo time, as the add-in does', () => {
    const newYear = new Date('2024-12-31T23:30:00Z');
    expect([nowStamp(newYear), resolveAsOf(undefined, newYear)]).to.deep.equal(['2025-01-01T00:30:00+01:00', '2025-01-01']);
  });
});

describe('readStamp', () => {
  // [as stored, instant in UTC or null (no zone), wall clock as written]
  const cases: [string, string | null, string][] = [
    ['2025-01-01T00:30:00+01:00', '2024-12-31T23:30:00.000Z', '2025-01-01 00:30:00'], // the current form
    ['2024-10-27T02:30:00+02:00', '2024-10-27T00:30:00.000Z', '2024-10-27 02:30:00'],
    ['2024-10-27T02:30:00+01:00', '2024-10-27T01:30:00.000Z', '2024-10-27 02:30:00'],
    ['2024-12-31T23:30:00Z', '2024-12-31T23:30:00.000Z', '2024-12-31 23:30:00'], // the command line before
    ['2024-12-31T23:30:00.123Z', '2024-12-31T23:30:00.000Z', '2024-12-31 23:30:00'],
    ['2024-12-31 00:30', null, '2024-12-31 00:30:00'], // the add-in before: no zone
    ['2024-12-31T00:30', null, '2024-12-31 00:30:00'], // the add-in's change records before
  ];
  const clock = (w: { year: number; month: number; day: number; hour: number; minute: number; second: number }) =>
    `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ` +
    [w.hour, w.minute, w.second].map((n) => String(n).padStart(2, '0')).join(':');
  for (const [text, instant, written] of cases) {
    it(`reads ${text}`, () => {
      const reading = readStamp(text)!;
      expect([reading.instant?.toISOString() ?? null, clock(reading.written)]).to.deep.equal([instant, written]);
    });
  }

  for (const text of [
    '',
    'i går',
    '2024-12-31',
    '31.12.2024 kl. 23.30',
    '2024-02-30T10:00:00Z',
    '2024-12-31T24:00',
    '2024-12-31T23:60:00Z',
    '2024-12-31T23:30:00+1',
  ]) {
    it(`refuses «${text}»`, () => expect(readStamp(text)).to.equal(null));
  }
});

describe('formatStamp', () => {
  // [as stored, bokmål, English]
  const cases: [string, string, string][] = [
    ['2025-01-01T00:30:00+01:00', '01.01.2025 kl. 00.30', '1 Jan 2025, 00:30'],
    ['2024-12-31T23:30:00Z', '01.01.2025 kl. 00.30', '1 Jan 2025, 00:30'], // a UTC stamp is shown in Oslo time
    ['2024-07-01T12:00:00Z', '01.07.2024 kl. 14.00', '1 Jul 2024, 14:00'],
    ['2024-12-31 23:30', '31.12.2024 kl. 23.30', '31 Dec 2024, 23:30'], // no zone: shown as written
    ['ukjent tid', 'ukjent tid', 'ukjent tid'], // not a stamp: shown unchanged
  ];
  for (const [stamp, nb, en] of cases) {
    it(`shows ${stamp} as «${nb}» / «${en}»`, () => {
      expect([formatStamp(stamp, 'nb'), formatStamp(stamp, 'en')]).to.deep.equal([nb, en]);
    });
  }
});

describe('a Logg with stamps in every form the product has written', function () {
  this.timeout(30000);
  // A workbook kept since 2024: the add-in wrote local minutes, the command line UTC, and now both write the Oslo offset.
  const change = (at: string, who: string): ChangeRecord => ({
    at,
    who,
    action: 'note',
    target: 'Skrev arbeidsboken',
    before: '',
    after: '93 rammer',
    why: '',
  });
  const entries = appendEntries(
    [],
    [
      change('2024-12-31 00:30', 'tillegg'),
      change('2025-01-02T10:00', 'tillegg'),
      change('2025-01-03T09:00:00Z', 'ia-planner'),
      change('2025-01-04T10:00:00+01:00', 'ia-planner'),
    ],
  );
  const { plan, lines, reconciliation } = sample();
  const tables = () => buildWorkbookTables({ plan, ledgerLines: lines, reconciliation, logEntries: entries, lang: 'nb' });

  it('reads every entry back with its text as stored and the chain intact (memory port)', async () => {
    const port = new MemoryWorkbookPort();
    await port.writeTables(tables());
    const reading = readLogTable((await port.readTable('Logg'))!, 'plan.xlsx');
    expect([reading.problems, reading.entries]).to.deep.equal([[], entries]);
  });

  it('reads every entry back with its text as stored and the chain intact (.xlsx file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-time-'));
    try {
      const path = join(dir, 'plan.xlsx');
      await writeWorkbookFile(path, tables(), { overwrite: false });
      const reading = readLogTable((await readXlsxTables(path)).get('logg')!, 'plan.xlsx');
      expect([reading.problems, reading.entries]).to.deep.equal([[], entries]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
