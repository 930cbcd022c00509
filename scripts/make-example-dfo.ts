// Makes the DFØ examples in examples/dfo/ (issue 11, CONTRACTS §7, §9): an excerpt of the state
// accounts for the IA posts, one file a year 2019–2025 in DFØ's layout (`;`, every field quoted,
// ISO-8859-1, three decimals), and an excerpt of the appropriation history. The annual sums per
// post are the published figures of ../shared/FACTS.md (DFØ's state accounts as tabulated there);
// the monthly split, and the account and organisation of the rows where FACTS.md gives none, are
// ours. Run: npx tsx scripts/make-example-dfo.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DFO_ACCOUNTS_HEADER } from '../engine/ledger/dfo-accounts.js';

const OUT = fileURLToPath(new URL('../examples/dfo/', import.meta.url));
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

interface Post {
  postId: string;
  name: string;
  chapterName: string;
  account: string;
  accountName: string;
  organisation: string;
  organisationName: string;
  /** Spent per year, in tenths of a million kroner (FACTS.md, 2019–2025). */
  spent: readonly number[];
  /** Enacted (saldert) per year, in tenths of a million, where FACTS.md gives it. */
  enacted: readonly (number | null)[];
}

const POSTS: readonly Post[] = [
  {
    postId: '060122',
    name: 'Kunnskapsutvikling i IA-avtalen m.m.',
    chapterName: 'Arbeids- og inkluderingsdepartementet',
    account: '',
    accountName: '',
    organisation: '',
    organisationName: '',
    spent: [37, 61, 190, 349, 254, 217, 283],
    enacted: [null, null, null, null, null, null, null],
  },
  {
    postId: '060171',
    name: 'Tilskudd til bransjeprogrammer under IA-avtalen m.m.',
    chapterName: 'Arbeids- og inkluderingsdepartementet',
    account: '',
    accountName: '',
    organisation: '974761211',
    organisationName: 'Arbeidstilsynet',
    spent: [530, 700, 525, 644, 675, 624, 687],
    enacted: [0, 700, 722, 700, 700, 715, 718],
  },
  {
    postId: '265076',
    name: 'Tilskudd til ekspertbistand og kompetansetiltak for sykmeldte',
    chapterName: 'Arbeids- og velferdsetaten - Folketrygden',
    account: '874',
    accountName: 'Tilskudd til andre',
    organisation: '889640782',
    organisationName: 'Arbeids- og velferdsetaten',
    spent: [0, 34, 143, 236, 383, 675, 542],
    enacted: [0, 1020, 1053, 1053, 1053, 975, 975],
  },
];

/** How a year's disbursements fall over the months (ours): percent per month, adding up to 100. */
const MONTHS = [3, 5, 7, 9, 8, 10, 4, 6, 10, 11, 12, 15];

/** An amount in øre as DFØ writes it: decimal comma, three decimals, zero as `,000`. */
function dfoAmount(ore: bigint): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const kroner = abs / 100n;
  const rest = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${kroner === 0n ? '' : String(kroner)},${rest}0`;
}

function line(fields: readonly string[]): string {
  return fields.map((f) => `"${f}"`).join(';');
}

/** ISO-8859-1 bytes of a text (every character of these files is in Latin-1). */
function latin1(text: string): Buffer {
  for (const c of text) if (c.charCodeAt(0) > 0xff) throw new Error(`not Latin-1: ${c}`);
  return Buffer.from(text, 'latin1');
}

mkdirSync(OUT, { recursive: true });
for (const [y, year] of YEARS.entries()) {
  const rows = [line(DFO_ACCOUNTS_HEADER)];
  for (const post of POSTS) {
    const total = BigInt(post.spent[y]!) * 10_000_000n; // tenths of a million kroner, in øre
    if (total === 0n) continue;
    let left = total;
    MONTHS.forEach((percent, m) => {
      const part = m === MONTHS.length - 1 ? left : (total * BigInt(percent)) / 100n;
      left -= part;
      const period = `${year}${String(m + 1).padStart(2, '0')}`;
      const values: Record<string, string> = {
        År: String(year),
        Periode: period,
        Kapittel_id: post.postId.slice(0, 4),
        Kapittel: post.chapterName,
        Post_id: post.postId,
        Post: post.name,
        Post_type: 'Utgift',
        Artskonto_id: post.account,
        Artskonto: post.accountName,
        Virksomhet_id: post.organisation,
        Virksomhet: post.organisationName,
        Beløp: dfoAmount(part),
      };
      rows.push(line(DFO_ACCOUNTS_HEADER.map((name) => values[name] ?? '')));
    });
  }
  writeFileSync(`${OUT}statsregnskapet_aar_${year}.csv`, latin1(rows.join('\r\n') + '\r\n'));
}

const APPROPRIATIONS_HEADER = ['År', 'Kapittel_id', 'Post_id', 'Post', 'Bevilgning', 'Bevilgning_beløp'];
const appropriations = [line(APPROPRIATIONS_HEADER)];
for (const [y, year] of YEARS.entries()) {
  for (const post of POSTS) {
    const enacted = post.enacted[y];
    if (enacted === null || enacted === undefined) continue;
    const ore = BigInt(enacted) * 10_000_000n;
    appropriations.push(
      line([String(year), post.postId.slice(0, 4), post.postId, post.name, `Saldert budsjett ${year}`, dfoAmount(ore)]),
    );
  }
}
// 2019: 601.22 (28.0) and 601.71 (53.0) were funded in the course of the year (Innst. 230 S (2018–2019)).
appropriations.push(line(['2019', '0601', '060122', POSTS[0]!.name, 'Innst. 230 S (2018-2019)', dfoAmount(2_800_000_000n)]));
appropriations.push(line(['2019', '0601', '060171', POSTS[1]!.name, 'Innst. 230 S (2018-2019)', dfoAmount(5_300_000_000n)]));
writeFileSync(`${OUT}bevilgninger_full_historikk.csv`, latin1(appropriations.join('\r\n') + '\r\n'));
console.log(`wrote ${OUT}`);
