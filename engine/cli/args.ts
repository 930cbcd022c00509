/** Command-line arguments: one parser, usage errors as values (exit status 2). */
import { parseArgs } from 'node:util';

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
  lang: 'nb' | 'en';
  help: boolean;
}

/** Thrown for wrong usage; the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

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
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const format = v.format ?? 'table';
  if (!['table', 'json', 'csv', 'html'].includes(format)) {
    throw new UsageError(`--format må være table, json, csv eller html, ikke «${format}»`);
  }
  const lang = v.lang ?? 'nb';
  if (lang !== 'nb' && lang !== 'en') throw new UsageError(`--lang må være nb eller en, ikke «${lang}»`);
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
    lang,
    help: v.help ?? false,
  };
}

/** The usage text. */
export const USAGE = `ia-planner – budsjett og styring for IA-avtalen

Bruk:
  ia-planner frames    [--plan FIL.xlsx] [--format table|json|csv]
  ia-planner reconcile --ledger FIL [--ledger FIL …] [--plan FIL.xlsx] [--as-of ÅÅÅÅ-MM-DD]
                       [--year ÅR] [--skip-invalid] [--format table|json|csv]
  ia-planner workbook  --out FIL.xlsx [--ledger FIL …] [--plan FIL.xlsx] [--force]
  ia-planner evaluate  --year ÅR [--indicators FIL.csv] [--ledger FIL …] [--format table|json|html]

Felles valg:
  --lang nb|en     språk for meldinger og tabeller (standard nb)
  -h, --help       denne teksten

Avslutningsstatus: 0 ferdig, 1 data avvist (ingenting skrevet), 2 feil bruk.
`;
