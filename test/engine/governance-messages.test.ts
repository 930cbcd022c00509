// The governance catalogue: every refusal and result is a code with values, and only noticeText
// turns it into words, in bokmål and English, naming instruments and frames as a plan names them.
import { expect } from 'chai';
import {
  frameRefOfKey,
  frameWords,
  Money,
  noticeText,
  type GovernanceNotice,
  type InstrumentNames,
  type IsoDate,
  type Lang,
} from '../../engine/index.js';

// A plan whose instruments have short names, so that a message can only name them from the plan.
const NAMES: InstrumentNames = [
  { id: 'ekspertbistand', name: 'Ekspertbistand', nameEn: 'Expert assistance' },
  { id: 'skil', name: 'SKIL', nameEn: 'SKIL' },
];
const EKSPERT_2024 = { instrument: 'ekspertbistand', from: 2024, to: 2024 };
const SKIL = { instrument: 'skil', from: 2019, to: 2021 };
const V = { id: 'rnb-2025', name: 'Revidert 2025' };
const M = (plain: string) => Money.of(plain);

/** One notice of every code, with values a message could get wrong (large amounts, frame keys). */
const EVERY: { readonly [C in GovernanceNotice['code']]: Extract<GovernanceNotice, { code: C }> } = {
  already_closed: { code: 'already_closed', year: 2024 },
  not_closed: { code: 'not_closed', year: 2024 },
  reopen_needs_reason: { code: 'reopen_needs_reason', year: 2024 },
  line_in_closed_year: { code: 'line_in_closed_year', year: 2024, closedAt: '2025-02-01T09:00:00Z' },
  frame_in_closed_year: { code: 'frame_in_closed_year', frame: EKSPERT_2024, year: 2024 },
  carries_into_closed_year: { code: 'carries_into_closed_year', frame: EKSPERT_2024, year: 2025 },
  ledger_changed_since_closing: {
    code: 'ledger_changed_since_closing',
    year: 2024,
    closedAt: '2025-02-01T09:00:00Z',
    lines: 6,
    linesNow: 7,
  },
  frame_changed_since_closing: { code: 'frame_changed_since_closing', frame: SKIL, year: 2020, closedAt: '2025-02-01' },
  version_approved: { code: 'version_approved', version: V },
  version_submitted: { code: 'version_submitted', version: V },
  bad_transition: { code: 'bad_transition', version: V, status: 'draft', to: 'approved' },
  unknown_version: {
    code: 'unknown_version',
    id: 'x',
    known: [
      { id: 'vedlegg-2019', name: 'Vedlegget 2019' },
      { id: 'rnb-2025', name: 'rnb-2025' },
    ],
  },
  version_not_stored: { code: 'version_not_stored', id: 'vedlegg-2019' },
  approved_frames_changed: { code: 'approved_frames_changed', version: V },
  approved_frame_edited: { code: 'approved_frame_edited', version: V, frame: EKSPERT_2024 },
  workbook_changed_since_read: { code: 'workbook_changed_since_read' },
  version_exists: { code: 'version_exists', id: 'rnb-2025' },
  unknown_frame: { code: 'unknown_frame', frame: EKSPERT_2024 },
  no_frame_starting: { code: 'no_frame_starting', instrument: 'ekspertbistand', from: 2019, to: 2021 },
  negative_frame: { code: 'negative_frame', amount: M('-10000000') },
  no_condition: { code: 'no_condition', frame: EKSPERT_2024 },
  reallocation_in_closed_year: { code: 'reallocation_in_closed_year', year: 2024 },
  same_instrument: { code: 'same_instrument', instrument: 'ekspertbistand' },
  not_positive: { code: 'not_positive', amount: M('-10000000') },
  no_annual_frame: { code: 'no_annual_frame', instrument: 'skil', year: 2020 },
  frame_not_set: { code: 'frame_not_set', instrument: 'ekspertbistand', year: 2024 },
  below_spent: {
    code: 'below_spent',
    instrument: 'ekspertbistand',
    year: 2024,
    amount: M('12000000'),
    frameAfter: M('38000000'),
    spent: M('40000000'),
    openCommitments: M('0'),
    remaining: M('10000000'),
  },
  reallocated: {
    code: 'reallocated',
    year: 2024,
    from: 'ekspertbistand',
    to: 'skil',
    amount: M('10000000'),
    remainingFrom: M('0'),
    remainingTo: M('12000000'),
  },
  condition_confirmed: { code: 'condition_confirmed', frame: SKIL },
  year_closed: { code: 'year_closed', year: 2024, lines: 6 },
  year_reopened: { code: 'year_reopened', year: 2024 },
  version_created: { code: 'version_created', version: V, from: { id: 'vedlegg-2019', name: 'Vedlegget 2019' } },
  version_status_set: { code: 'version_status_set', version: V, status: 'submitted' },
  carry_over_set: { code: 'carry_over_set', frame: EKSPERT_2024, rule: { kind: 'share', share: '0.05', carryOverspend: true } },
  carried_into: { code: 'carried_into', year: 2025, amount: M('10000000') },
  versions_compared: { code: 'versions_compared', a: { id: 'plan', name: 'Arbeidsplan' }, b: V, changed: 2, frames: 93 },
  nothing_changed: { code: 'nothing_changed' },
  ledger_imported: { code: 'ledger_imported', file: 'forbruk-2024.csv', imported: 12, duplicates: 2, skipped: 1 },
  ledger_reread: { code: 'ledger_reread', lines: 12 },
  reconciled: { code: 'reconciled', asOf: '2024-12-31' as IsoDate },
  evaluation_written: { code: 'evaluation_written', year: 2024, instruments: 9 },
  pane_workbook_written: { code: 'pane_workbook_written', frames: 93, lines: 12 },
  appropriations_imported: {
    code: 'appropriations_imported',
    file: 'bevilgninger_full_historikk.csv',
    decisions: 58,
    posts: 14,
    outside: 3,
  },
};

const kr = (digits: string) => `${digits.replace(/ /g, '\u00a0')}\u00a0kr`;

describe('the governance catalogue', () => {
  it('says a reallocation below spent in bokmål with the plan’s instrument name and Norwegian amounts', () => {
    expect(noticeText(EVERY.below_spent, 'nb', NAMES)).to.equal(
      `Rammen for Ekspertbistand 2024 ville blitt ${kr('38 000 000,00')}, under det som er utbetalt (${kr('40 000 000,00')}) ` +
        `og bundet i åpne tilsagn (${kr('0,00')}). Gjenstår: ${kr('10 000 000,00')}. Høyst ${kr('10 000 000,00')} kan flyttes.`,
    );
  });

  it('says the same in English, with the English name and NOK amounts', () => {
    expect(noticeText(EVERY.below_spent, 'en', NAMES)).to.equal(
      'The frame of Expert assistance 2024 would become NOK 38,000,000.00, below what is spent (NOK 40,000,000.00) ' +
        'and bound in open commitments (NOK 0.00). Remaining: NOK 10,000,000.00. At most NOK 10,000,000.00 can be moved.',
    );
  });

  it('describes a pooled frame by instrument name and years, and reads a frame key back into a frame', () => {
    expect(frameWords(SKIL, 'nb', NAMES)).to.equal('SKIL 2019–2021');
    expect(frameWords(frameRefOfKey('skil:2019-2021'), 'nb')).to.equal('Utvikling kursmodul og utprøving (SKIL) 2019–2021');
    expect(noticeText(EVERY.condition_confirmed, 'en', NAMES)).to.equal('The condition of SKIL 2019–2021 is confirmed.');
  });

  it('says what a host’s action gave, for the log: the as-of date as people read it', () => {
    expect(noticeText(EVERY.reconciled, 'nb')).to.equal('Avstemt per 31.12.2024.');
    expect(noticeText(EVERY.reconciled, 'en')).to.equal('Reconciled as of 2024-12-31.');
    expect(noticeText(EVERY.ledger_imported, 'nb')).to.equal(
      'forbruk-2024.csv: 12 linjer importert, 2 duplikater utelatt, 1 feil hoppet over.',
    );
  });

  it('quotes an instrument the plan does not know as the user gave it', () => {
    expect(noticeText({ code: 'same_instrument', instrument: 'foo' }, 'nb', NAMES)).to.equal(
      'Fra og til er samme virkemiddel («foo»).',
    );
  });

  for (const lang of ['nb', 'en'] as const satisfies readonly Lang[]) {
    it(`words every code in ${lang} without ids, frame keys, raw amounts or unfilled values`, () => {
      for (const notice of Object.values(EVERY)) {
        const text = noticeText(notice, lang, NAMES);
        expect(text, notice.code).to.match(/^\S.*[.]$/);
        expect(text, notice.code).not.to.match(/\bekspertbistand\b|\w+:\d{4}-\d{4}|\d{5,}\.\d\d|undefined|null|\[object|\{/);
      }
    });
  }

  it('has an English sentence of its own for every code', () => {
    const same = Object.values(EVERY).filter((n) => noticeText(n, 'nb', NAMES) === noticeText(n, 'en', NAMES));
    expect(same.map((n) => n.code)).to.deep.equal([]);
  });
});
