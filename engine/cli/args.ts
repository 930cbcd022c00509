/** Command-line arguments: one parser, usage errors as values (exit status 2). */
import { parseArgs } from 'node:util';
import { FIRST_YEAR, LAST_YEAR, parseYear, type Year } from '../calendar.js';
import { t } from '../messages/ui.js';

/** How many errors a command lists by default, and as many warnings (CONTRACTS §4 "Bounded output"). */
export const DEFAULT_MAX_ERRORS = 1000;

/** How many problems of each kind (errors, warnings) are listed, `0` for all, and the language of the closing line. */
export interface OutputBound {
  readonly max: number;
  readonly lang: 'nb' | 'en';
}

// The bound of the command being run. Every run parses its options once (parseOptions), so each
// command lists its problems under its own --max-errors without every caller passing it along.
let currentBound: OutputBound = { max: DEFAULT_MAX_ERRORS, lang: 'nb' };

/** The bound the last parsed options set (the default before any were parsed). */
export function outputBound(): OutputBound {
  return currentBound;
}

/** The bound `options` ask for. */
export function boundOf(options: Pick<CliOptions, 'maxErrors' | 'lang'>): OutputBound {
  return { max: options.maxErrors, lang: options.lang };
}

/** The options every command may take. */
export interface CliOptions {
  plan?: string;
  ledger: string[];
  format: 'table' | 'json' | 'csv' | 'html';
  asOf?: string;
  year?: string;
  skipInvalid: boolean;
  out?: string;
  force: boolean;
  indicators?: string;
  /** A mapping-rule table (CONTRACTS §8) that replaces the plan's rules. */
  rules?: string;
  /** reconcile: DFØ's appropriation history (CONTRACTS §9). */
  appropriations?: string;
  /** commitments: the commitment authorisations (Tilsagnsfullmakter) as CSV. */
  authorisations?: string;
  /** commitments: flag what is open for more than this many months (default 12), a whole number. */
  olderThan?: number;
  /** Who makes a change (the log's `Hvem`); the OS user name by default. */
  user?: string;
  /** Why (the log's `Begrunnelse`). */
  reason?: string;
  /** evaluate: a pace below this share is `risiko` (default 0.90). */
  riskBelow?: string;
  /** evaluate: a pace below this share is `avvik` (default 0.75). */
  deviationBelow?: string;
  /** reallocate: the instrument to move from; confirm-condition: the frame's first year. */
  from?: string;
  /** reallocate: the instrument to move to. */
  to?: string;
  amount?: string;
  instrument?: string;
  /** version new: the new version's name. */
  name?: string;
  /** version new: the version's type (vedlegg, forlengelse, budsjettrunde, annet). */
  type?: string;
  /** version new: the new version's id (default: made from --name). */
  id?: string;
  /** version submit|approve: the version to move. */
  version?: string;
  /** version compare: the two versions. */
  a?: string;
  b?: string;
  /** carry-over: ingen, alt or andel. */
  rule?: string;
  /** carry-over: the share for andel (0,05 or 5 %). */
  share?: string;
  /** carry-over: whether an overspend is carried (ja/nei). */
  overspend?: string;
  /** log: the anchor N:HASH an earlier command printed, to check the log against. */
  expect?: string;
  /** At most this many errors and as many warnings are listed (default 1000); `0` lists all. */
  maxErrors: number;
  lang: 'nb' | 'en';
  help: boolean;
}

/** Thrown for wrong usage; the CLI prints it (in English when `english` is given and `--lang en`) with the usage text and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly english?: string,
  ) {
    super(message);
  }

  /** The message in the language asked for (bokmål when there is no English). */
  inLanguage(lang: 'nb' | 'en'): string {
    return lang === 'en' && this.english !== undefined ? this.english : this.message;
  }
}

/** The language asked for with `--lang` in raw arguments (before they are parsed, for usage errors). */
export function languageOf(argv: readonly string[]): 'nb' | 'en' {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'nb';
}

/** Parses argv after the command name. */
export function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        plan: { type: 'string' },
        ledger: { type: 'string', multiple: true },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        year: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        indicators: { type: 'string' },
        rules: { type: 'string' },
        appropriations: { type: 'string' },
        authorisations: { type: 'string' },
        'older-than': { type: 'string' },
        user: { type: 'string' },
        reason: { type: 'string' },
        'risk-below': { type: 'string' },
        'deviation-below': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        amount: { type: 'string' },
        instrument: { type: 'string' },
        name: { type: 'string' },
        type: { type: 'string' },
        id: { type: 'string' },
        version: { type: 'string' },
        a: { type: 'string' },
        b: { type: 'string' },
        rule: { type: 'string' },
        share: { type: 'string' },
        overspend: { type: 'string' },
        'max-errors': { type: 'string' },
        expect: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own wording (English) names the option; bokmål gets a lead-in of its own.
    const message = (error as Error).message;
    throw new UsageError(`Feil bruk: ${message}`, message);
  }
  const v = parsed.values;
  const format = v.format ?? 'table';
  if (!['table', 'json', 'csv', 'html'].includes(format)) {
    throw new UsageError(
      `--format må være table, json, csv eller html, ikke «${format}»`,
      `--format must be table, json, csv or html, not “${format}”`,
    );
  }
  const lang = v.lang ?? 'nb';
  if (lang !== 'nb' && lang !== 'en')
    throw new UsageError(`--lang må være nb eller en, ikke «${lang}»`, `--lang must be nb or en, not “${lang}”`);
  const maxErrors = v['max-errors'] === undefined ? DEFAULT_MAX_ERRORS : wholeNumber('--max-errors', v['max-errors']);
  currentBound = { max: maxErrors, lang };
  return {
    ...(v.plan !== undefined ? { plan: v.plan } : {}),
    ledger: v.ledger ?? [],
    format: format as CliOptions['format'],
    ...(v['as-of'] !== undefined ? { asOf: v['as-of'] } : {}),
    ...(v.year !== undefined ? { year: v.year } : {}),
    skipInvalid: v['skip-invalid'] ?? false,
    ...(v.out !== undefined ? { out: v.out } : {}),
    force: v.force ?? false,
    ...(v.indicators !== undefined ? { indicators: v.indicators } : {}),
    ...(v.rules !== undefined ? { rules: v.rules } : {}),
    ...(v.appropriations !== undefined ? { appropriations: v.appropriations } : {}),
    ...(v.authorisations !== undefined ? { authorisations: v.authorisations } : {}),
    ...(v['older-than'] !== undefined ? { olderThan: wholeNumber('--older-than', v['older-than']) } : {}),
    ...(v.user !== undefined ? { user: v.user } : {}),
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
    ...(v['risk-below'] !== undefined ? { riskBelow: share('--risk-below', v['risk-below']) } : {}),
    ...(v['deviation-below'] !== undefined ? { deviationBelow: share('--deviation-below', v['deviation-below']) } : {}),
    ...(v.from !== undefined ? { from: v.from } : {}),
    ...(v.to !== undefined ? { to: v.to } : {}),
    ...(v.amount !== undefined ? { amount: v.amount } : {}),
    ...(v.instrument !== undefined ? { instrument: v.instrument } : {}),
    ...pick(v, ['name', 'type', 'id', 'version', 'a', 'b', 'rule', 'share', 'overspend', 'expect'] as const),
    maxErrors,
    lang,
    help: v.help ?? false,
  };
}

/** A whole number ≥ 0 in decimal digits (`1000`, `0`); a usage error (exit 2) otherwise. */
function wholeNumber(flag: string, text: string): number {
  const digits = text.trim();
  if (!/^\d+$/.test(digits))
    throw new UsageError(t('nb', 'wholeNumberUsage', { flag, value: text }), t('en', 'wholeNumberUsage', { flag, value: text }));
  return Number(digits);
}

/** The given string options of `keys`, as they are. */
function pick<K extends string>(values: Partial<Record<string, unknown>>, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = values[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** A share 0–1 written with `.` or `,` (`0.9`, `0,75`), as a plain decimal string. */
function share(flag: string, text: string): string {
  const plain = text.trim().replace(',', '.');
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(plain))
    throw new UsageError(
      `${flag} må være en andel fra 0 til 1, f.eks. 0,9, ikke «${text}»`,
      `${flag} must be a share from 0 to 1, e.g. 0.9, not “${text}”`,
    );
  return plain;
}

/** A budget year given with `flag` (`--year`, `--from`, `--to`); a usage error (exit 2) when it is not one. */
export function yearOption(text: string, flag: string): Year {
  const reading = parseYear(text);
  if (!reading.ok)
    throw new UsageError(
      `${flag} må være et år fra ${FIRST_YEAR} til ${LAST_YEAR}, ikke «${text}»`,
      `${flag} must be a year from ${FIRST_YEAR} to ${LAST_YEAR}, not “${text}”`,
    );
  return reading.year;
}

/** The usage text in bokmål. */
export const USAGE = `ia-planner – budsjett og styring for IA-avtalen

Bruk:
  ia-planner frames    [--plan FIL.xlsx] [--format table|json|csv]
  ia-planner reconcile --ledger FIL [--ledger FIL …] [--plan FIL.xlsx] [--as-of ÅÅÅÅ-MM-DD]
                       [--year ÅR] [--skip-invalid] [--rules FIL.csv] [--appropriations FIL.csv]
                       [--format table|json|csv]
  ia-planner workbook  --out FIL.xlsx [--ledger FIL …] [--plan FIL.xlsx] [--rules FIL.csv] [--appropriations FIL.csv]
                       [--authorisations FIL.csv] [--force]
                       [--year ÅR] [--indicators FIL.csv] [--as-of ÅÅÅÅ-MM-DD] [--user NAVN] [--reason TEKST]
  ia-planner evaluate  --year ÅR [--indicators FIL.csv] [--ledger FIL …] [--authorisations FIL.csv] [--format table|json|html]
                       [--as-of ÅÅÅÅ-MM-DD] [--risk-below 0,90] [--deviation-below 0,75]

Styring (skriver arbeidsboken --plan på stedet, og fører endringen i Logg):
  ia-planner reallocate        --plan FIL.xlsx --year ÅR --from VIRKEMIDDEL --to VIRKEMIDDEL
                               --amount BELØP --reason TEKST [--ledger FIL …] [--user NAVN]
  ia-planner confirm-condition --plan FIL.xlsx --instrument VIRKEMIDDEL --from ÅR --reason TEKST [--user NAVN]
  ia-planner close-year        --plan FIL.xlsx --year ÅR --reason TEKST [--user NAVN]
  ia-planner reopen-year       --plan FIL.xlsx --year ÅR --reason TEKST [--user NAVN]
  ia-planner version new       --plan FIL.xlsx --name NAVN --reason TEKST
                               [--type budsjettrunde|vedlegg|forlengelse|annet] [--from VERSJON] [--id VERSJON] [--user NAVN]
  ia-planner version submit    --plan FIL.xlsx --version VERSJON --reason TEKST [--user NAVN]
  ia-planner version approve   --plan FIL.xlsx --version VERSJON --reason TEKST [--user NAVN]
  ia-planner carry-over        --plan FIL.xlsx --instrument VIRKEMIDDEL --from ÅR [--to ÅR] --rule ingen|alt|andel
                               [--share 0,05] [--overspend ja|nei] --reason TEKST [--user NAVN]

Lesing (endrer ingenting):
  ia-planner commitments       --year ÅR [--plan FIL.xlsx] [--ledger FIL …] [--authorisations FIL.csv]
                               [--older-than MÅNEDER] [--as-of ÅÅÅÅ-MM-DD] [--format table|json|csv]
  ia-planner version compare   --plan FIL.xlsx --a VERSJON --b VERSJON [--format table|json|csv]
  ia-planner log               --plan FIL.xlsx [--expect N:HASH] [--format table|json]

Felles valg:
  --lang nb|en     språk for meldinger og tabeller (standard nb)
  --user NAVN      hvem som gjør endringen (standard: brukernavnet i operativsystemet)
  --max-errors N   list høyst N feil og N advarsler (standard 1000, 0 = alle); antallet står alltid
  -h, --help       denne teksten

Filer: --ledger leser forbruk som CSV (avsnitt 2), UTF-16-tekst, .xlsx, DFØs statsregnskap
  (statsregnskapet_aar_ÅÅÅÅ.csv) og SAF-T Financial (XML), kjent på innholdet. --rules FIL.csv
  erstatter konteringsreglene; --appropriations leser DFØs bevilgninger_full_historikk.csv.

Loggnøkkel: IA_PLANNER_LOG_KEY (nøkkelen som tekst) eller IA_PLANNER_LOG_KEY_FILE (en fil med den)
  signerer nye oppføringer i Logg (HMAC-SHA256) og kontrollerer de signerte.

Avslutningsstatus: 0 ferdig, 1 data avvist (ingenting skrevet), 2 feil bruk.
`;

/** The usage text in English. */
export const USAGE_EN = `ia-planner – budget and governance for the IA agreement

Usage:
  ia-planner frames    [--plan FILE.xlsx] [--format table|json|csv]
  ia-planner reconcile --ledger FILE [--ledger FILE …] [--plan FILE.xlsx] [--as-of YYYY-MM-DD]
                       [--year YEAR] [--skip-invalid] [--rules FILE.csv] [--appropriations FILE.csv]
                       [--format table|json|csv]
  ia-planner workbook  --out FILE.xlsx [--ledger FILE …] [--plan FILE.xlsx] [--rules FILE.csv] [--appropriations FILE.csv]
                       [--authorisations FILE.csv] [--force]
                       [--year YEAR] [--indicators FILE.csv] [--as-of YYYY-MM-DD] [--user NAME] [--reason TEXT]
  ia-planner evaluate  --year YEAR [--indicators FILE.csv] [--ledger FILE …] [--authorisations FILE.csv] [--format table|json|html]
                       [--as-of YYYY-MM-DD] [--risk-below 0.90] [--deviation-below 0.75]

Governance (changes the workbook --plan in place and records the change in Logg):
  ia-planner reallocate        --plan FILE.xlsx --year YEAR --from INSTRUMENT --to INSTRUMENT
                               --amount AMOUNT --reason TEXT [--ledger FILE …] [--user NAME]
  ia-planner confirm-condition --plan FILE.xlsx --instrument INSTRUMENT --from YEAR --reason TEXT [--user NAME]
  ia-planner close-year        --plan FILE.xlsx --year YEAR --reason TEXT [--user NAME]
  ia-planner reopen-year       --plan FILE.xlsx --year YEAR --reason TEXT [--user NAME]
  ia-planner version new       --plan FILE.xlsx --name NAME --reason TEXT
                               [--type budsjettrunde|vedlegg|forlengelse|annet] [--from VERSION] [--id VERSION] [--user NAME]
  ia-planner version submit    --plan FILE.xlsx --version VERSION --reason TEXT [--user NAME]
  ia-planner version approve   --plan FILE.xlsx --version VERSION --reason TEXT [--user NAME]
  ia-planner carry-over        --plan FILE.xlsx --instrument INSTRUMENT --from YEAR [--to YEAR] --rule ingen|alt|andel
                               [--share 0.05] [--overspend ja|nei] --reason TEXT [--user NAME]

Reading (changes nothing):
  ia-planner commitments       --year YEAR [--plan FILE.xlsx] [--ledger FILE …] [--authorisations FILE.csv]
                               [--older-than MONTHS] [--as-of YYYY-MM-DD] [--format table|json|csv]
  ia-planner version compare   --plan FILE.xlsx --a VERSION --b VERSION [--format table|json|csv]
  ia-planner log               --plan FILE.xlsx [--expect N:HASH] [--format table|json]

Common options:
  --lang nb|en     language of messages and tables (default nb)
  --user NAME      who makes the change (default: the operating system's user name)
  --max-errors N   list at most N errors and N warnings (default 1000, 0 = all); their number is always given
  -h, --help       this text

Files: --ledger reads spending as CSV (section 2), UTF-16 text, .xlsx, DFØ's state accounts
  (statsregnskapet_aar_YYYY.csv) and SAF-T Financial (XML), recognised by content. --rules FILE.csv
  replaces the mapping rules; --appropriations reads DFØ's bevilgninger_full_historikk.csv.

Log key: IA_PLANNER_LOG_KEY (the key as text) or IA_PLANNER_LOG_KEY_FILE (a file holding it)
  signs new entries of Logg (HMAC-SHA256) and checks the signed ones.

Exit status: 0 done, 1 input rejected (nothing written), 2 wrong usage.
`;

/** The usage text in the language asked for. */
export function usageText(lang: 'nb' | 'en'): string {
  return lang === 'en' ? USAGE_EN : USAGE;
}

/**
 * One command's part of the usage text (its lines and their continuations) with the common
 * options, for its own `--help` and after a usage error of it (issue 14: not the whole text after
 * the one line that matters); the whole text for a name it does not know.
 */
export function commandUsage(command: string, lang: 'nb' | 'en'): string {
  const lines = usageText(lang).split('\n');
  const start = lines.findIndex((l) => new RegExp(`^  ia-planner ${command.replace(' ', ' +')}(\\s|$)`).test(l));
  if (start < 0) return usageText(lang);
  let end = start + 1;
  while (end < lines.length && /^ {10,}\S/.test(lines[end]!)) end++;
  const common = lines.slice(lines.findIndex((l) => /^(Felles valg|Common options):/.test(l)));
  const commonEnd = common.findIndex((l) => l === '');
  const head = lang === 'en' ? 'Usage:' : 'Bruk:';
  const more = lang === 'en' ? 'ia-planner --help lists every command.' : 'ia-planner --help viser alle kommandoene.';
  return [head, ...lines.slice(start, end), '', ...common.slice(0, commonEnd), '', more, ''].join('\n');
}
