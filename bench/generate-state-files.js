// Writes the state's own files at full size for the speed bench (issue 11): a year of DFØ's state
// accounts (statsregnskapet_aar_YYYY.csv: `;`, every field quoted, ISO-8859-1, decimal comma with
// three decimals) and a SAF-T Financial 1.30 general ledger. Both are deterministic (a seeded
// generator) and each returns what it wrote, so the bench can check the planner's sums against it.
// Written in big chunks with writeSync: generation takes a few seconds, not minutes.
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { DFO_ACCOUNTS_HEADER as DFO_HEADER } from '../build/engine/ledger/dfo-accounts.js';

/** A small, fast, seeded generator (mulberry32): the same file on every machine. */
function random(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

// ---------------------------------------------------------------------------------------------
// DFØ state accounts
// ---------------------------------------------------------------------------------------------

/** The real file's columns (FACTS.md "File formats users bring"), from the engine the bench runs. */
export { DFO_HEADER };

const AID = ['1700', 'Arbeids- og inkluderingsdepartementet', '09', 'Arbeidsliv', '09.30', 'Arbeidsmarked og arbeidsmiljø'];
const AID_VELFERD = [
  '1700',
  'Arbeids- og inkluderingsdepartementet',
  '29',
  'Sosiale formål',
  '29.50',
  'Inntektssikring og ytelser ved sykdom',
];

/** The posts of the plan (the embedded rules place them): chapter, post, their names, ministry and programme. */
export const DFO_PLAN_POSTS = [
  {
    chapter: '0601',
    post: '22',
    chapterName: 'Arbeids- og inkluderingsdepartementet',
    postName: 'Kunnskapsutvikling i IA-avtalen m.m.',
    type: 'Utgift',
    org: AID,
    rows: 900,
  },
  {
    chapter: '0601',
    post: '71',
    chapterName: 'Arbeids- og inkluderingsdepartementet',
    postName: 'Tilskudd til bransjeprogrammer under IA-avtalen m.m.',
    type: 'Utgift',
    org: AID,
    rows: 1500,
  },
  {
    chapter: '2650',
    post: '76',
    chapterName: 'Sykepenger',
    postName: 'Tilskudd til ekspertbistand og kompetansetiltak for sykmeldte',
    type: 'Utgift',
    org: AID_VELFERD,
    rows: 1200,
  },
];

const DEPARTMENTS = [
  ['1100', 'Landbruks- og matdepartementet', '15', 'Landbruk og mat', '15.10', 'Landbruk og mat', 'Landbruksdirektoratet'],
  ['1300', 'Samferdselsdepartementet', '21', 'Samferdsel', '21.20', 'Veiformål', 'Statens vegvesen'],
  ['1400', 'Klima- og miljødepartementet', '12', 'Klima og miljø', '12.10', 'Fellesoppgaver', 'Miljødirektoratet'],
  ['1600', 'Finansdepartementet', '23', 'Finansadministrasjon', '23.10', 'Skatteetaten', 'Skatteetaten'],
  ['0200', 'Kunnskapsdepartementet', '07', 'Utdanning og forskning', '07.60', 'Høyere utdanning', 'Universiteter og høyskoler'],
  ['0400', 'Justis- og beredskapsdepartementet', '06', 'Justissektoren', '06.40', 'Politiet', 'Politiet'],
];

const POST_NAMES = [
  ['01', 'Driftsutgifter', 'Utgift'],
  ['21', 'Spesielle driftsutgifter, kan overføres', 'Utgift'],
  ['45', 'Større utstyrsanskaffelser og vedlikehold, kan overføres', 'Utgift'],
  ['70', 'Tilskudd til frivillige organisasjoner og andre, kan overføres', 'Utgift'],
  ['72', 'Tilskudd til prosjekter under regionale ordninger', 'Utgift'],
];

/** Posts outside the plan: the plan's own chapters' other posts first, then other ministries'. */
function outsidePosts() {
  const posts = [
    {
      chapter: '0601',
      post: '01',
      chapterName: 'Arbeids- og inkluderingsdepartementet',
      postName: 'Driftsutgifter',
      type: 'Utgift',
      org: AID,
    },
    {
      chapter: '0601',
      post: '21',
      chapterName: 'Arbeids- og inkluderingsdepartementet',
      postName: 'Spesielle driftsutgifter, kan overføres',
      type: 'Utgift',
      org: AID,
    },
    {
      chapter: '0601',
      post: '70',
      chapterName: 'Arbeids- og inkluderingsdepartementet',
      postName: 'Tilskudd, kan overføres',
      type: 'Utgift',
      org: AID,
    },
    {
      chapter: '0605',
      post: '01',
      chapterName: 'Arbeids- og velferdsetaten',
      postName: 'Driftsutgifter',
      type: 'Utgift',
      org: AID,
    },
    { chapter: '0640', post: '01', chapterName: 'Arbeidstilsynet', postName: 'Driftsutgifter', type: 'Utgift', org: AID },
    {
      chapter: '2650',
      post: '70',
      chapterName: 'Sykepenger',
      postName: 'Sykepenger for arbeidstakere mv., overslagsbevilgning',
      type: 'Utgift',
      org: AID_VELFERD,
    },
    {
      chapter: '2650',
      post: '71',
      chapterName: 'Sykepenger',
      postName: 'Sykepenger for selvstendige, overslagsbevilgning',
      type: 'Utgift',
      org: AID_VELFERD,
    },
    {
      chapter: '2650',
      post: '75',
      chapterName: 'Sykepenger',
      postName: 'Feriepenger av sykepenger, overslagsbevilgning',
      type: 'Utgift',
      org: AID_VELFERD,
    },
    {
      chapter: '3605',
      post: '01',
      chapterName: 'Arbeids- og velferdsetaten',
      postName: 'Administrasjonsvederlag',
      type: 'Inntekt',
      org: AID,
    },
  ];
  let chapter = 1;
  for (const dept of DEPARTMENTS) {
    for (let c = 0; c < 6; c++, chapter++) {
      const ch = String(Number(dept[0]) + 10 + c * 5).padStart(4, '0');
      for (const [post, postName, type] of POST_NAMES) {
        posts.push({ chapter: ch, post, chapterName: c === 0 ? dept[6] : `${dept[6]}, ${c}`, postName, type, org: dept });
      }
    }
  }
  return posts;
}

const ACCOUNTS = [
  [
    '5',
    'Lønn og sosiale kostnader',
    '50',
    'Lønn og godtgjørelser til fast ansatte',
    '501',
    'Fast lønn, faste og midlertidige stillinger',
  ],
  ['5', 'Lønn og sosiale kostnader', '51', 'Arbeidsgiveravgift og pensjon', '515', 'Arbeidsgiveravgift på lønn og godtgjørelser'],
  ['6', 'Varer og tjenester', '65', 'Kjøp av konsulenttjenester', '652', 'Konsulenttjenester til utredning og evaluering'],
  ['6', 'Varer og tjenester', '67', 'Kjøp av fremmede tjenester', '673', 'Andre fremmede tjenester, ikke nevnt annet sted'],
  ['6', 'Varer og tjenester', '68', 'Reise og diett', '681', 'Reisekostnader, oppgavepliktige og ikke oppgavepliktige'],
  ['8', 'Overføringer', '87', 'Tilskudd til ikke-finansielle foretak', '872', 'Tilskudd til ikke-finansielle foretak, private'],
  ['8', 'Overføringer', '87', 'Tilskudd til ideelle organisasjoner', '876', 'Tilskudd til ideelle organisasjoner og stiftelser'],
  ['8', 'Overføringer', '88', 'Tilskudd til kommuner og fylkeskommuner', '882', 'Tilskudd til kommuner, øremerkede midler'],
  ['8', 'Overføringer', '89', 'Overføringer til husholdninger', '891', 'Stønader til husholdninger, sosiale ytelser'],
];

const AGENCIES = [
  ['889640782', 'Arbeids- og velferdsetaten (NAV)'],
  ['974761211', 'Arbeidstilsynet'],
  ['974761319', 'Statens arbeidsmiljøinstitutt (STAMI)'],
  ['983887457', 'Arbeids- og inkluderingsdepartementet'],
  ['971526920', 'Statens vegvesen'],
  ['974761076', 'Skatteetaten'],
  ['974760673', 'Politidirektoratet'],
  ['986252932', 'Direktoratet for høyere utdanning og kompetanse'],
  ['970018131', 'Miljødirektoratet'],
  ['971040238', 'Landbruksdirektoratet'],
  ['974760843', 'Statens pensjonskasse'],
  ['986528938', 'Direktoratet for forvaltning og økonomistyring (DFØ)'],
  ['974761645', 'Statistisk sentralbyrå'],
  ['974760983', 'Kriminalomsorgsdirektoratet'],
  ['972417882', 'Utlendingsdirektoratet'],
];

const KONTO_SPENDING = ['1', 'Utgifter'];
const KONTO_INCOME = ['2', 'Inntekter'];
const DFO = ['986528938', 'Direktoratet for forvaltning og økonomistyring'];

/** Text to be written as ISO-8859-1 must hold nothing past U+00FF (Buffer's latin1 would cut it to a control byte). */
function latin1Only(text) {
  const bad = /[\u0100-\uffff]/.exec(text);
  if (bad) throw new Error(`generator: ${JSON.stringify(bad[0])} is not ISO-8859-1`);
}

/** A Beløp in DFØ's form: decimal comma, three decimals, zero as `,000`. */
function dfoAmount(milli) {
  const negative = milli < 0;
  const m = negative ? -milli : milli;
  const kroner = Math.floor(m / 1000);
  const rest = String(m % 1000).padStart(3, '0');
  return `${negative ? '-' : ''}${kroner === 0 ? '' : kroner},${rest}`;
}

/**
 * Writes `rows` rows of the state accounts for `year` (ISO-8859-1), the plan's posts
 * (DFO_PLAN_POSTS) on a few thousand of them, the rest outside the plan. Returns what it wrote:
 * per plan post its rows and sum, and the outside rows and sum, in thousandths of a krone (BigInt).
 */
export function generateDfoAccounts(path, rows, year = 2023) {
  const rnd = random(20230101);
  const fd = openSync(path, 'w');
  const quoted = (fields) => `"${fields.join('";"')}"\n`;
  writeSync(fd, Buffer.from(quoted(DFO_HEADER), 'latin1'));
  const outside = outsidePosts();
  const planRows = DFO_PLAN_POSTS.reduce((n, p) => n + p.rows, 0);
  // Where the plan's rows go: spread evenly through the file, as DFØ sorts by neither post nor period.
  const every = Math.floor(rows / planRows);
  const planIndex = DFO_PLAN_POSTS.map(() => 0);
  const expected = {
    year,
    rows,
    plan: DFO_PLAN_POSTS.map((p) => ({ chapter: Number(p.chapter), post: Number(p.post), rows: 0, milli: 0n })),
    outside: { rows: 0, milli: 0n },
  };
  let planMilli = DFO_PLAN_POSTS.map(() => 0);
  let outsideMilli = 0;
  const flush = () => {
    // Numbers stay exact below 2^53; move them into the BigInt totals once a chunk.
    expected.outside.milli += BigInt(outsideMilli);
    outsideMilli = 0;
    planMilli.forEach((m, i) => (expected.plan[i].milli += BigInt(m)));
    planMilli = DFO_PLAN_POSTS.map(() => 0);
  };
  let planWritten = 0;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    let post;
    let account;
    let agency;
    let period;
    let milli;
    if (i % every === every - 1 && planWritten < planRows) {
      // A plan row: each (period, agency, account) at most once per post, so no two rows share a content.
      let which = planWritten % DFO_PLAN_POSTS.length;
      while (planIndex[which] >= DFO_PLAN_POSTS[which].rows) which = (which + 1) % DFO_PLAN_POSTS.length;
      const k = planIndex[which]++;
      planWritten++;
      post = DFO_PLAN_POSTS[which];
      period = 1 + (k % 12);
      agency = AGENCIES[Math.floor(k / 12) % AGENCIES.length];
      account = ACCOUNTS[Math.floor(k / (12 * AGENCIES.length)) % ACCOUNTS.length];
      // Grants of up to 2 mill. kr, to the thousandth; one in twenty a correction (negative).
      milli = 1 + rnd.int(2_000_000_000);
      if (k % 20 === 7) milli = -rnd.int(50_000_000);
      planMilli[which] += milli;
      expected.plan[which].rows++;
    } else {
      post = outside[rnd.int(outside.length)];
      period = 1 + rnd.int(12);
      agency = rnd.pick(AGENCIES);
      account = rnd.pick(ACCOUNTS);
      const r = rnd.next();
      milli = r < 0.6 ? rnd.int(100_000_000) : r < 0.95 ? rnd.int(10_000_000_000) : rnd.int(500_000_000_000);
      if (post.type === 'Inntekt' || rnd.int(25) === 0) milli = -milli;
      outsideMilli += milli;
      expected.outside.rows++;
    }
    const [deptId, deptName, areaId, areaName, categoryId, categoryName] = post.org;
    const mm = String(period).padStart(2, '0');
    const konto = post.type === 'Inntekt' ? KONTO_INCOME : KONTO_SPENDING;
    const accountant = i % 5 === 0 ? DFO : agency;
    chunk += quoted([
      String(year),
      `${year}${mm}`,
      konto[0],
      konto[1],
      areaId,
      areaName,
      categoryId,
      categoryName,
      deptId,
      deptName,
      post.chapter,
      post.chapterName,
      `${post.chapter}${post.post}`,
      post.postName,
      post.type,
      account[0],
      account[1],
      account[2],
      account[3],
      account[4],
      account[5],
      `${deptId}${agency[0]}`,
      agency[1],
      agency[0],
      agency[1],
      accountant[0],
      accountant[1],
      dfoAmount(milli),
    ]);
    if (chunk.length > 4_000_000) {
      latin1Only(chunk);
      writeSync(fd, Buffer.from(chunk, 'latin1'));
      chunk = '';
      flush();
    }
  }
  latin1Only(chunk);
  writeSync(fd, Buffer.from(chunk, 'latin1'));
  flush();
  closeSync(fd);
  if (planWritten !== planRows) throw new Error(`generator: ${planWritten} of ${planRows} plan rows written`);
  return expected;
}

// ---------------------------------------------------------------------------------------------
// SAF-T Financial 1.30
// ---------------------------------------------------------------------------------------------

/** Operating accounts (outside the rules) with a typical amount range in øre. */
const SAFT_COSTS = [
  ['5000', 'Lønn til ansatte', 'ANSVAR', 4_000_000_00],
  ['6300', 'Leie lokaler', 'ANSVAR', 900_000_00],
  ['6540', 'Inventar', 'ANSVAR', 80_000_00],
  ['6730', 'Andre konsulenttjenester', 'PROSJEKT', 600_000_00],
  ['6860', 'Møter, kurs, oppdatering o.l.', 'ANSVAR', 40_000_00],
  ['7140', 'Reisekostnad, ikke oppgavepliktig', 'ANSVAR', 25_000_00],
  ['8760', 'Tilskudd til ideelle organisasjoner', 'PROSJEKT', 800_000_00],
];

const PROJECTS = ['BRANSJE-SYKEHUS', 'BRANSJE-SYKEHJEM', 'ARBMILJO-PORTAL', 'REGELVERK-2025', 'TILSYN-BYGG'];

/** An amount in øre as SAF-T writes it: `.` and two decimals. */
function saftAmount(ore) {
  return `${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, '0')}`;
}

function analysis(type, id) {
  return `          <Analysis>
            <AnalysisType>${type}</AnalysisType>
            <AnalysisID>${id}</AnalysisID>
          </Analysis>
`;
}

function line(recordId, account, analyses, text, debit, ore) {
  const side = debit ? 'DebitAmount' : 'CreditAmount';
  return `        <Line>
          <RecordID>${recordId}</RecordID>
          <AccountID>${account}</AccountID>
${analyses}          <Description>${text}</Description>
          <${side}>
            <Amount>${saftAmount(ore)}</Amount>
          </${side}>
        </Line>
`;
}

/**
 * The transactions of the ledger, one at a time, the same on every call (a seeded generator): each
 * is { id, year, month, day, text, lines: [{ account, project, ansvar, debit, ore, text }] },
 * balanced. Mostly operating costs and payments; about one in fifteen a grant or a repayment on
 * 8720/8725 with a project the rules place (or one they do not: ARBMILJO-PORTAL on 8720).
 */
function* saftTransactions() {
  const rnd = random(2025_01_31);
  for (let n = 0; ; n++) {
    const year = 2024 + (n % 2);
    const month = 1 + rnd.int(12);
    const day = 1 + rnd.int(28);
    const id = `${year}${String(n).padStart(8, '0')}`;
    const r = rnd.int(30);
    const ansvar = rnd.pick(['310', '420', '510', '620']);
    if (r < 2) {
      // A grant: on 8720 with the hospitals' or nursing homes' project (placed), or on 8725 (placed
      // by the prefix 872* only for nursing homes), or on 8720 with another project (outside).
      const project = rnd.pick(['BRANSJE-SYKEHUS', 'BRANSJE-SYKEHJEM', 'BRANSJE-SYKEHJEM', 'ARBMILJO-PORTAL']);
      const account = project === 'BRANSJE-SYKEHJEM' && rnd.int(2) === 0 ? '8725' : '8720';
      const ore = 10_000_00 + rnd.int(2_500_000_00);
      const text = `Tilskudd ${project.toLowerCase()}, vedtak ${id}`;
      yield {
        id,
        year,
        month,
        day,
        text: `Tilskuddsvedtak ${project.toLowerCase()}`,
        lines: [
          { account, project, ansvar, debit: true, ore, text },
          { account: '2400', debit: false, ore, text: `Leverandørgjeld, ${text}` },
        ],
      };
    } else if (r === 2) {
      // A repayment of unused grant: a credit on the grant account (placed, negative).
      const project = rnd.pick(['BRANSJE-SYKEHUS', 'BRANSJE-SYKEHJEM']);
      const ore = 1_000_00 + rnd.int(90_000_00);
      yield {
        id,
        year,
        month,
        day,
        text: `Tilbakebetalt ubrukt tilskudd, ${project.toLowerCase()}`,
        lines: [
          { account: '1932', debit: true, ore, text: 'Innbetaling via oppgjørskonto' },
          { account: '8720', project, ansvar, debit: false, ore, text: `Tilbakebetalt tilskudd ${id}` },
        ],
      };
    } else {
      // An invoice or salary posting over one to three cost lines, against creditors.
      const count = 1 + rnd.int(3);
      const lines = [];
      let total = 0;
      for (let k = 0; k < count; k++) {
        const [account, name, dimension, range] = rnd.pick(SAFT_COSTS);
        const ore = 100 + rnd.int(range);
        total += ore;
        const cost = { account, debit: true, ore, text: `${name}, bilag ${id}-${k + 1}` };
        if (dimension === 'PROSJEKT') cost.project = rnd.pick(PROJECTS);
        cost.ansvar = ansvar;
        lines.push(cost);
      }
      lines.push({ account: '2400', debit: false, ore: total, text: `Leverandørgjeld, faktura ${id}` });
      yield { id, year, month, day, text: `Inngående faktura ${id}`, lines };
    }
  }
}

/** Whether the example's rules (examples/saft/konteringsregler.csv) place a line, and so count it. */
function placed(l, year) {
  if (year < 2024 || year > 2025) return false;
  if (l.account === '8720' && l.project === 'BRANSJE-SYKEHUS') return true;
  return l.account.startsWith('872') && l.project === 'BRANSJE-SYKEHJEM';
}

/** How many transactions make a file of about `bytes` (measured on the first thousand). */
function transactionsFor(bytes, overhead) {
  let size = 0;
  let n = 0;
  for (const t of saftTransactions()) {
    size += transactionXml(t).length;
    if (++n === 2000) break;
  }
  return Math.max(1, Math.round(((bytes - overhead) / size) * n));
}

function transactionXml(t) {
  const mm = String(t.month).padStart(2, '0');
  const dd = String(t.day).padStart(2, '0');
  const date = `${t.year}-${mm}-${dd}`;
  let out = `      <Transaction>
        <TransactionID>${t.id}</TransactionID>
        <Period>${t.month}</Period>
        <PeriodYear>${t.year}</PeriodYear>
        <TransactionDate>${date}</TransactionDate>
        <Description>${t.text}</Description>
        <SystemEntryDate>${date}</SystemEntryDate>
        <GLPostingDate>${date}</GLPostingDate>
`;
  t.lines.forEach((l, i) => {
    const analyses = (l.project ? analysis('PROSJEKT', l.project) : '') + (l.ansvar ? analysis('ANSVAR', l.ansvar) : '');
    out += line(i + 1, l.account, analyses, l.text, l.debit, l.ore);
  });
  return `${out}      </Transaction>
`;
}

/**
 * Writes a SAF-T Financial 1.30 file of about `bytes` bytes (UTF-8) for the agency of the example
 * (its Header and MasterFiles, with the accounts used added), the transactions in three journals.
 * Returns what it wrote: placed lines and their sum per year, outside lines and their sum, the
 * debit and credit totals, in øre (BigInt).
 */
export function generateSaft(path, bytes, examplePath) {
  const example = readFileSync(examplePath, 'utf8');
  const masterEnd = example.indexOf('  <GeneralLedgerEntries>');
  if (masterEnd < 0) throw new Error(`generator: no GeneralLedgerEntries in ${examplePath}`);
  const accounts = [...SAFT_COSTS.map(([id, name]) => [id, name]), ['8725', 'Tilskudd til private foretak, bransjeprogram']]
    .filter(([id]) => !example.includes(`<AccountID>${id}</AccountID>`))
    .map(
      ([id, name]) => `      <Account>
        <AccountID>${id}</AccountID>
        <AccountDescription>${name}</AccountDescription>
        <GroupingCategory>KS</GroupingCategory>
        <GroupingCode>${id.slice(0, 3)}</GroupingCode>
        <AccountType>GL</AccountType>
        <OpeningDebitBalance>0.00</OpeningDebitBalance>
        <ClosingDebitBalance>0.00</ClosingDebitBalance>
      </Account>
`,
    )
    .join('');
  const head = example
    .slice(0, masterEnd)
    .replace('<SelectionEndDate>2024-12-31</SelectionEndDate>', '<SelectionEndDate>2025-12-31</SelectionEndDate>')
    .replace(
      /<HeaderComment>[^<]*<\/HeaderComment>/,
      '<HeaderComment>Generert for ytelsesmåling (npm run bench): oppdiktede tall</HeaderComment>',
    )
    .replace('    </GeneralLedgerAccounts>', `${accounts}    </GeneralLedgerAccounts>`);
  const journals = [
    ['LEV', 'Leverandørfakturaer og tilskuddsvedtak', 'AP'],
    ['UTB', 'Utbetalinger og innbetalinger', 'BANK'],
    ['LONN', 'Lønn og fakturaer', 'GL'],
  ];
  const count = transactionsFor(bytes, head.length + 2000);
  const perJournal = Math.ceil(count / journals.length);

  // First pass: the control totals, which the Header of GeneralLedgerEntries states before the journals.
  const expected = {
    transactions: count,
    lines: 0,
    debit: 0n,
    credit: 0n,
    placed: { 2024: { lines: 0, ore: 0n }, 2025: { lines: 0, ore: 0n } },
    outside: { lines: 0, ore: 0n },
  };
  let n = 0;
  let debit = 0;
  let credit = 0;
  const placedOre = { 2024: 0, 2025: 0 };
  let outsideOre = 0;
  const flush = () => {
    expected.debit += BigInt(debit);
    expected.credit += BigInt(credit);
    expected.outside.ore += BigInt(outsideOre);
    for (const y of [2024, 2025]) expected.placed[y].ore += BigInt(placedOre[y]);
    debit = credit = outsideOre = placedOre[2024] = placedOre[2025] = 0;
  };
  for (const t of saftTransactions()) {
    if (n++ === count) break;
    for (const l of t.lines) {
      expected.lines++;
      const signed = l.debit ? l.ore : -l.ore;
      if (l.debit) debit += l.ore;
      else credit += l.ore;
      if (placed(l, t.year)) {
        expected.placed[t.year].lines++;
        placedOre[t.year] += signed;
      } else {
        expected.outside.lines++;
        outsideOre += signed;
      }
    }
    if (n % 10_000 === 0) flush();
  }
  flush();
  const fromOre = (ore) => {
    const s = ore.toString().padStart(3, '0');
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  };

  const fd = openSync(path, 'w');
  let chunk = `${head}  <GeneralLedgerEntries>
    <NumberOfEntries>${count}</NumberOfEntries>
    <TotalDebit>${fromOre(expected.debit)}</TotalDebit>
    <TotalCredit>${fromOre(expected.credit)}</TotalCredit>
`;
  n = 0;
  let journal = -1;
  for (const t of saftTransactions()) {
    if (n === count) break;
    if (n % perJournal === 0) {
      if (journal >= 0) chunk += '    </Journal>\n';
      const [id, text, type] = journals[++journal];
      chunk += `    <Journal>
      <JournalID>${id}</JournalID>
      <Description>${text}</Description>
      <Type>${type}</Type>
`;
    }
    n++;
    chunk += transactionXml(t);
    if (chunk.length > 8_000_000) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  chunk += `    </Journal>
  </GeneralLedgerEntries>
</AuditFile>
`;
  writeSync(fd, chunk);
  closeSync(fd);
  return expected;
}
