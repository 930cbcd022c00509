/**
 * User-fixable problems as values, with one catalogue of messages (bokmål first, English as a
 * choice). Hosts show them; tests assert on `code` and position, never on wording. A governance
 * refusal carries its reason (a code with values) from the governance catalogue beside this one.
 */
import { noticeText, type GovernanceNotice, type InstrumentNames } from './governance.js';

export * from './governance.js';

/** The languages the product speaks. */
export type Lang = 'nb' | 'en';

/** Every problem the engine can report to a user. */
export type ProblemCode =
  | 'empty_file'
  | 'unreadable_file'
  | 'binary_file'
  | 'missing_columns'
  | 'unterminated_quote'
  | 'invalid_utf8'
  | 'invalid_utf16'
  | 'duplicate_column'
  | 'extra_fields'
  | 'missing_value'
  | 'bad_date'
  | 'bad_amount'
  | 'ambiguous_amount'
  | 'too_many_decimals'
  | 'amount_too_large'
  | 'control_character'
  | 'text_too_long'
  | 'bad_kind'
  | 'bad_year'
  | 'year_out_of_range'
  | 'unknown_instrument'
  | 'bad_chapter_post'
  | 'unmapped_post'
  | 'ambiguous_rules'
  | 'rule_shares'
  | 'bad_rule_share'
  | 'no_split'
  | 'rule_without_condition'
  | 'bad_due'
  | 'bad_account'
  | 'bad_dimension'
  | 'bad_organisation'
  | 'rule_years'
  | 'bad_period'
  | 'no_instrument'
  | 'date_after_budget_period'
  | 'frame_overlap'
  | 'frame_from_after_to'
  | 'negative_amount'
  | 'bad_funding'
  | 'bad_source'
  | 'bad_confirmed'
  | 'duplicate_post'
  | 'duplicate_post_year'
  | 'missing_table'
  | 'no_ledger_sheet'
  | 'uncalculated_formula'
  | 'unreadable_workbook'
  | 'workbook_too_large'
  | 'bad_xml'
  | 'xml_doctype'
  | 'xml_encoding'
  | 'not_saft'
  | 'missing_element'
  | 'debit_credit'
  | 'bad_xml_amount'
  | 'bad_xml_date'
  | 'bad_indicator'
  | 'bad_quarter'
  | 'bad_value'
  | 'year_closed'
  | 'bad_carry_over'
  | 'bad_share'
  | 'bad_yes_no'
  | 'bad_version_kind'
  | 'bad_version_status'
  | 'duplicate_version'
  | 'unknown_version'
  | 'duplicate_year'
  | 'closed_ledger_changed'
  | 'broken_log'
  | 'bad_log_key'
  | 'reallocation_refused'
  | 'change_refused'
  | 'approved_version_changed'
  | 'unwritable_file'
  | 'workbook_changed'
  | 'workbook_locked'
  | 'workbook_owner';

/** A problem a user can fix, pointing at the place it was found. */
export interface Problem {
  readonly code: ProblemCode;
  /** File name (or workbook name) the problem was found in. */
  readonly file: string;
  /** Sheet name when the source is a workbook. */
  readonly sheet?: string;
  /** Line (1 = header) or sheet row; null for the file as a whole. */
  readonly line: number | null;
  /** Column name as the user wrote it; null for the line as a whole. */
  readonly column: string | null;
  /** The offending value as read; null where there was none. */
  readonly value: string | null;
  /** What was expected instead, in the chosen language. */
  readonly expected: string;
  /** A full sentence for people, in the chosen language. */
  readonly message: string;
  /** For a governance refusal: why, as a code with its values (the message says it in words). */
  readonly reason?: GovernanceNotice;
}

/** A non-fatal observation a person should look at. */
export interface Warning {
  readonly code: 'identical_lines' | 'no_frame' | 'unknown_reference' | 'mixed_measures';
  readonly file?: string;
  readonly lines?: number[];
  readonly message: string;
}

type Texts = Record<Lang, string>;

const EXPECTED: Record<ProblemCode, Texts> = {
  empty_file: { nb: 'en overskriftslinje og minst én linje', en: 'a header line and at least one line' },
  binary_file: { nb: 'en tekstfil (CSV)', en: 'a text file (CSV)' },
  unreadable_file: { nb: 'en fil som finnes og kan leses', en: 'a file that exists and can be read' },
  missing_columns: { nb: 'kolonnene {columns}', en: 'the columns {columns}' },
  unterminated_quote: { nb: 'et avsluttende anførselstegn (")', en: 'a closing quote (")' },
  invalid_utf8: {
    nb: 'UTF-8, som resten av filen (linje {line} har UTF-8-tegnet «{char}», {code}); lagre filen som UTF-8 og les den inn på nytt',
    en: 'UTF-8, as the rest of the file (line {line} holds the UTF-8 character “{char}”, {code}); save the file as UTF-8 and read it in again',
  },
  invalid_utf16: {
    nb: 'UTF-16-tekst, som resten av filen; lagre filen på nytt fra Excel som «Unicode-tekst» og les den inn igjen',
    en: 'UTF-16 text, as the rest of the file; save the file again from Excel as “Unicode text” and read it in again',
  },
  duplicate_column: {
    nb: 'hver kolonne bare én gang (kolonne {first} og kolonne {second} er samme kolonne)',
    en: 'each column once (column {first} and column {second} are the same column)',
  },
  extra_fields: { nb: 'høyst {count} felt, som overskriften', en: 'at most {count} fields, as the header' },
  missing_value: { nb: 'en verdi', en: 'a value' },
  bad_date: { nb: 'en dato som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ', en: 'a date as YYYY-MM-DD or DD.MM.YYYY' },
  bad_amount: {
    nb: 'et beløp som 1 250 000,50 eller 1250000.50 (høyst 2 desimaler)',
    en: 'an amount such as 1 250 000,50 or 1250000.50 (at most 2 decimals)',
  },
  ambiguous_amount: {
    nb: 'et entydig beløp: 1250,00 eller 1.250,00 for tusen, 1,25 for en og en kvart',
    en: 'an unambiguous amount: 1250,00 or 1.250,00 for a thousand, 1,25 for one and a quarter',
  },
  too_many_decimals: { nb: 'høyst 2 desimaler (øre)', en: 'at most 2 decimals (øre)' },
  amount_too_large: {
    nb: 'et beløp på høyst 9 999 999 999 999,99 med eller uten minus (15 sifre, det en celle i Excel holder nøyaktig)',
    en: 'an amount of at most 9,999,999,999,999.99, with or without a minus (15 digits, what an Excel cell holds exactly)',
  },
  control_character: {
    nb: 'tekst uten kontrolltegn (U+0000–U+001F, U+007F), som et regneark beholder; bare tekst-kolonnen kan ha linjeskift',
    en: 'text without control characters (U+0000–U+001F, U+007F), which a sheet keeps; only the text column may hold line breaks',
  },
  text_too_long: {
    nb: 'høyst {max} tegn, det en celle i Excel rommer (verdien har {length})',
    en: 'at most {max} characters, what an Excel cell holds (the value has {length})',
  },
  bad_kind: {
    nb: 'utbetaling, tilsagn eller annullering',
    en: 'disbursement, commitment or cancellation (utbetaling, tilsagn, annullering)',
  },
  bad_year: { nb: 'et helt årstall', en: 'a whole year' },
  year_out_of_range: { nb: 'et år fra 2019 til 2028', en: 'a year from 2019 to 2028' },
  unknown_instrument: {
    nb: 'et virkemiddel i planen (id eller navn), f.eks. ekspertbistand',
    en: 'an instrument of the plan (id or name), e.g. ekspertbistand',
  },
  bad_chapter_post: { nb: 'kapittel og post som hele tall', en: 'chapter and post as whole numbers' },
  unmapped_post: {
    nb: 'en budsjettpost som en konteringsregel (tabellen Konteringsregler) kobler til et virkemiddel',
    en: 'a budget post mapped to an instrument in the Poster table',
  },
  ambiguous_rules: {
    nb: 'én konteringsregel (eller én fordeling) med flest vilkår for linjen; reglene på radene {rows} gjelder like mye: gjør én av dem smalere eller slett den',
    en: 'one mapping rule (or one split) with the most conditions for the line; the rules on rows {rows} apply equally: make one of them narrower or delete it',
  },
  rule_shares: {
    nb: 'andeler som til sammen er nøyaktig 1 (100 %) for reglene med samme vilkår på radene {rows}, eller ? på alle når fordelingen ikke er kjent',
    en: 'shares that add up to exactly 1 (100 %) for the rules with the same conditions on rows {rows}, or ? on all of them when the split is not known',
  },
  bad_rule_share: {
    nb: 'en andel over 0 og høyst 1 (0,6) eller en prosent (60 %), ? når andelen ikke er kjent, eller tomt for hele beløpet',
    en: 'a share above 0 and at most 1 (0.6) or a percentage (60 %), ? when the share is not known, or empty for the whole amount',
  },
  no_split: {
    nb: 'en post og et år der reglene i Konteringsregler fordeler beløpet på flere virkemidler (kapittel, post og eventuelt år, uten andre vilkår)',
    en: 'a post and year on which the rules of Konteringsregler split the amount between instruments (chapter, post and perhaps years, no other condition)',
  },
  bad_due: {
    nb: 'en forfallsdato (2026-03-31 eller 31.03.2026) eller et budsjettår (2027), eller tomt når forfallet ikke er kjent',
    en: 'a due date (2026-03-31 or 31.03.2026) or a budget year (2027), or empty when the due date is not known',
  },
  rule_without_condition: {
    nb: 'minst ett vilkår for regelen: kapittel og post, konto, dimensjon eller virksomhet (en regel uten vilkår ville gjelde hver linje)',
    en: 'at least one condition for the rule: chapter and post, account, dimension or organisation (a rule without one would apply to every line)',
  },
  bad_account: {
    nb: 'et kontonummer (874), eller starten av ett fulgt av * (87*)',
    en: 'an account number (874), or the start of one followed by * (87*)',
  },
  bad_dimension: {
    nb: 'en dimensjon som TYPE=ID (f.eks. PROSJEKT=IA2025)',
    en: 'a dimension as TYPE=ID (e.g. PROSJEKT=IA2025)',
  },
  bad_organisation: { nb: 'et organisasjonsnummer med 9 sifre', en: 'an organisation number of 9 digits' },
  rule_years: { nb: 'Fra år ikke etter Til år', en: 'Fra år (from year) not after Til år (to year)' },
  bad_period: {
    nb: 'en periode ÅÅÅÅMM med måned 01–12 i året {year}',
    en: 'a period YYYYMM with month 01–12 in the year {year}',
  },
  no_instrument: {
    nb: 'virkemiddel, eller kapittel og post',
    en: 'an instrument, or chapter and post',
  },
  date_after_budget_period: { nb: 'en dato som passer budsjettåret', en: 'a date that fits the budget year' },
  frame_overlap: {
    nb: 'ingen annen ramme for samme virkemiddel i de samme årene',
    en: 'no other frame of the same instrument in the same years',
  },
  frame_from_after_to: { nb: 'Fra ≤ Til', en: 'From ≤ To' },
  negative_amount: { nb: 'et beløp ≥ 0, eller tomt (ikke fastsatt)', en: 'an amount ≥ 0, or empty (not set)' },
  bad_funding: {
    nb: 'state, arbeidslivssentrene eller partene',
    en: 'state, arbeidslivssentrene or partene',
  },
  bad_source: {
    nb: 'appendix, continued, agreement_2025 eller entered',
    en: 'appendix, continued, agreement_2025 or entered',
  },
  bad_confirmed: { nb: 'ja eller nei', en: 'ja or nei (yes or no)' },
  duplicate_post: { nb: 'hver budsjettpost bare én gang', en: 'each budget post once' },
  duplicate_post_year: { nb: 'hver post og hvert år bare én gang', en: 'each post and year once' },
  missing_table: { nb: 'tabellen {table} i arket {sheet}', en: 'the table {table} on the sheet {sheet}' },
  no_ledger_sheet: {
    nb: 'tabellen Forbruk, eller et ark med overskriftene i første rad (dato, bilag, beløp, og virkemiddel eller kapittel og post); arkene som ble sett på, står som verdien',
    en: 'the table Forbruk, or a sheet with the headers in its first row (dato, bilag, beløp, and virkemiddel or kapittel and post); the sheets looked at are the value',
  },
  uncalculated_formula: {
    nb: 'en formel med beregnet verdi; åpne arbeidsboken i Excel, lagre den og les den inn på nytt',
    en: 'a formula with a calculated value; open the workbook in Excel, save it and read it in again',
  },
  unreadable_workbook: {
    nb: 'en .xlsx-arbeidsbok lagret av Excel eller LibreOffice',
    en: 'an .xlsx workbook saved by Excel or LibreOffice',
  },
  // Each refusal says which bound it passes (engine/workbook/xlsx/xlsx-bounds.ts); this is the default.
  workbook_too_large: {
    nb: 'en arbeidsbok innenfor grensene for lesing',
    en: 'a workbook within the bounds of reading',
  },
  bad_xml: {
    nb: 'velformet XML, slik regnskapssystemet eksporterte SAF-T-filen; eksporter filen på nytt (resten av filen er ikke lest)',
    en: 'well-formed XML, as the accounting system exported the SAF-T file; export the file again (the rest of the file is not read)',
  },
  xml_doctype: {
    nb: 'XML uten DOCTYPE (SAF-T har ingen; entiteter i en DTD utvides ikke)',
    en: 'XML without a DOCTYPE (SAF-T has none; entities of a DTD are not expanded)',
  },
  xml_encoding: {
    nb: 'tegn i tegnsettet XML-deklarasjonen oppgir ({encoding}): UTF-8, ISO-8859-1 eller Windows-1252',
    en: 'characters in the encoding the XML declaration names ({encoding}): UTF-8, ISO-8859-1 or Windows-1252',
  },
  not_saft: {
    nb: 'rotelementet AuditFile i navnerommet urn:StandardAuditFile-Taxation-Financial:NO (SAF-T Financial 1.30)',
    en: 'the root element AuditFile in the namespace urn:StandardAuditFile-Taxation-Financial:NO (SAF-T Financial 1.30)',
  },
  missing_element: { nb: 'elementet {element}', en: 'the element {element}' },
  debit_credit: {
    nb: 'nøyaktig ett av DebitAmount og CreditAmount i hver Line',
    en: 'exactly one of DebitAmount and CreditAmount in each Line',
  },
  bad_xml_amount: {
    nb: 'et beløp som 1250000.50 eller -75.5 (punktum som desimaltegn, høyst 2 desimaler)',
    en: 'an amount such as 1250000.50 or -75.5 (a point as decimal mark, at most 2 decimals)',
  },
  bad_xml_date: { nb: 'en dato som ÅÅÅÅ-MM-DD', en: 'a date as YYYY-MM-DD' },
  bad_indicator: {
    nb: 'sykefravaer, frafall eller bransje:<navn>',
    en: 'sykefravaer, frafall or bransje:<name>',
  },
  bad_quarter: { nb: 'kvartal 1–4, eller tomt for årsverdi', en: 'quarter 1–4, or empty for an annual value' },
  bad_value: { nb: 'et desimaltall, f.eks. 7,19', en: 'a decimal number, e.g. 7,19' },
  year_closed: { nb: 'et år som ikke er avsluttet', en: 'a year that is not closed' },
  bad_carry_over: { nb: 'ingen, alt eller andel', en: 'ingen, alt or andel (none, all or share)' },
  bad_share: {
    nb: 'en andel fra 0 til 1 (0,05) eller en prosent (5 %), påkrevd når Overføring er andel',
    en: 'a share from 0 to 1 (0.05) or a percentage (5 %), required when Overføring is andel',
  },
  bad_yes_no: { nb: 'ja eller nei', en: 'ja or nei (yes or no)' },
  bad_version_kind: {
    nb: 'vedlegg, forlengelse, budsjettrunde eller annet',
    en: 'vedlegg, forlengelse, budsjettrunde or annet (appendix, prolongation, budget round, other)',
  },
  bad_version_status: {
    nb: 'utkast, sendt inn eller godkjent',
    en: 'utkast, sendt inn or godkjent (draft, submitted, approved)',
  },
  duplicate_version: { nb: 'hver versjon bare én gang', en: 'each version once' },
  unknown_version: { nb: 'en versjon som står over i Versjoner', en: 'a version listed above in Versjoner' },
  duplicate_year: { nb: 'hvert år bare én gang', en: 'each year once' },
  closed_ledger_changed: {
    nb: 'de samme forbrukslinjene som da året ble avsluttet',
    en: 'the same ledger lines as when the year was closed',
  },
  broken_log: {
    nb: 'loggen slik IA Planner skrev den (oppføringene kan ikke endres)',
    en: 'the log as IA Planner wrote it (entries cannot be changed)',
  },
  bad_log_key: {
    nb: 'en loggnøkkel på minst {min} byte, som tekst i IA_PLANNER_LOG_KEY eller i en fil som IA_PLANNER_LOG_KEY_FILE peker på',
    en: 'a log key of at least {min} bytes, as text in IA_PLANNER_LOG_KEY or in a file that IA_PLANNER_LOG_KEY_FILE points to',
  },
  reallocation_refused: {
    nb: 'et beløp som ikke tar rammen under det som er utbetalt og bundet i åpne tilsagn',
    en: 'an amount that does not take the frame below what is spent and bound in open commitments',
  },
  change_refused: { nb: 'en endring som styringsreglene tillater', en: 'a change the governance rules allow' },
  approved_version_changed: {
    nb: 'rammene slik versjonen ble godkjent (en godkjent versjon kan ikke endres)',
    en: 'the frames as the version was approved (an approved version cannot be changed)',
  },
  unwritable_file: {
    nb: 'en mappe som finnes, kan skrives til og har ledig plass',
    en: 'a folder that exists, can be written to and has free space',
  },
  workbook_changed: { nb: 'arbeidsboken slik kommandoen leste den', en: 'the workbook as the command read it' },
  workbook_locked: {
    nb: 'at ingen annen kommando endrer arbeidsboken samtidig',
    en: 'no other command changing the workbook at the same time',
  },
  workbook_owner: {
    nb: 'en arbeidsbok du eier, eller at kommandoen kjøres av eieren',
    en: 'a workbook you own, or the command run by its owner',
  },
};

const HEADLINE: Record<ProblemCode, Texts> = {
  empty_file: { nb: 'Filen er tom', en: 'The file is empty' },
  binary_file: { nb: 'Filen ser ikke ut som tekst', en: 'The file does not look like text' },
  unreadable_file: { nb: 'Filen finnes ikke eller kan ikke leses', en: 'The file does not exist or cannot be read' },
  missing_columns: { nb: 'Påkrevde kolonner mangler', en: 'Required columns are missing' },
  unterminated_quote: { nb: 'Et anførselstegn åpnes, men lukkes aldri', en: 'A quote is opened but never closed' },
  invalid_utf8: { nb: 'Bytene er ikke gyldig UTF-8', en: 'The bytes are not valid UTF-8' },
  invalid_utf16: { nb: 'Linjen har tegn som ikke er gyldig UTF-16', en: 'The line holds code units that are not valid UTF-16' },
  duplicate_column: { nb: 'Kolonnen står to ganger i overskriften', en: 'The column appears twice in the header' },
  extra_fields: { nb: 'Linjen har flere felt enn overskriften', en: 'The line has more fields than the header' },
  missing_value: { nb: 'Verdien mangler', en: 'The value is missing' },
  bad_date: { nb: 'Ugyldig dato', en: 'Invalid date' },
  bad_amount: { nb: 'Ugyldig beløp', en: 'Invalid amount' },
  ambiguous_amount: { nb: 'Beløpet kan leses på to måter', en: 'The amount reads two ways' },
  too_many_decimals: { nb: 'Beløpet har for mange desimaler', en: 'The amount has too many decimals' },
  amount_too_large: { nb: 'Beløpet er for stort', en: 'The amount is too large' },
  control_character: { nb: 'Verdien har et kontrolltegn', en: 'The value holds a control character' },
  text_too_long: { nb: 'Teksten er for lang', en: 'The text is too long' },
  bad_kind: { nb: 'Ukjent type', en: 'Unknown type' },
  bad_year: { nb: 'Ugyldig år', en: 'Invalid year' },
  year_out_of_range: { nb: 'Året ligger utenfor 2019–2028', en: 'The year lies outside 2019–2028' },
  unknown_instrument: { nb: 'Ukjent virkemiddel', en: 'Unknown instrument' },
  bad_chapter_post: { nb: 'Ugyldig kapittel eller post', en: 'Invalid chapter or post' },
  unmapped_post: { nb: 'Budsjettposten er ikke koblet til et virkemiddel', en: 'The budget post is not mapped to an instrument' },
  ambiguous_rules: { nb: 'Flere konteringsregler gjelder like mye', en: 'Several mapping rules apply equally' },
  rule_shares: { nb: 'Andelene går ikke opp i 1', en: 'The shares do not add up to 1' },
  bad_rule_share: { nb: 'Ugyldig andel', en: 'Invalid share' },
  no_split: { nb: 'Posten har ingen fordeling å sette andeler for', en: 'The post has no split to set shares for' },
  rule_without_condition: { nb: 'Regelen har ingen vilkår', en: 'The rule has no condition' },
  bad_due: { nb: 'Ugyldig forfall', en: 'Invalid due date' },
  bad_account: { nb: 'Ugyldig konto', en: 'Invalid account' },
  bad_dimension: { nb: 'Ugyldig dimensjon', en: 'Invalid dimension' },
  bad_organisation: { nb: 'Ugyldig organisasjonsnummer', en: 'Invalid organisation number' },
  rule_years: { nb: 'Fra år er etter Til år', en: 'Fra år is after Til år' },
  bad_period: { nb: 'Ugyldig periode', en: 'Invalid period' },
  no_instrument: {
    nb: 'Linjen sier ikke hvilket virkemiddel den gjelder',
    en: 'The line does not say which instrument it is for',
  },
  date_after_budget_period: { nb: 'Datoen passer ikke budsjettåret', en: 'The date does not fit the budget year' },
  frame_overlap: { nb: 'To rammer for samme virkemiddel overlapper', en: 'Two frames of one instrument overlap' },
  frame_from_after_to: { nb: 'Rammen slutter før den begynner', en: 'The frame ends before it begins' },
  negative_amount: { nb: 'Rammen er negativ', en: 'The frame is negative' },
  bad_funding: { nb: 'Ukjent finansiering', en: 'Unknown funding' },
  bad_source: { nb: 'Ukjent kilde', en: 'Unknown source' },
  bad_confirmed: { nb: 'Ugyldig verdi for Bekreftet', en: 'Invalid value for Bekreftet' },
  duplicate_post: { nb: 'Budsjettposten står to ganger', en: 'The budget post appears twice' },
  duplicate_post_year: { nb: 'Posten står to ganger for samme år', en: 'The post appears twice for the same year' },
  missing_table: { nb: 'Tabellen finnes ikke', en: 'The table does not exist' },
  no_ledger_sheet: { nb: 'Arbeidsboken har ingen forbrukstabell', en: 'The workbook holds no ledger' },
  uncalculated_formula: { nb: 'Formelen har ingen beregnet verdi', en: 'The formula has no calculated value' },
  unreadable_workbook: { nb: 'Filen kan ikke leses som en arbeidsbok', en: 'The file cannot be read as a workbook' },
  workbook_too_large: {
    nb: 'Arbeidsboken er for stor til å leses trygt',
    en: 'The workbook is too large to read safely',
  },
  bad_xml: { nb: 'Filen er ikke velformet XML', en: 'The file is not well-formed XML' },
  xml_doctype: { nb: 'Filen har en DOCTYPE, som ikke leses', en: 'The file has a DOCTYPE, which is not read' },
  xml_encoding: { nb: 'Bytene passer ikke tegnsettet', en: 'The bytes do not fit the encoding' },
  not_saft: { nb: 'Filen er ikke en SAF-T Financial-fil', en: 'The file is not a SAF-T Financial file' },
  missing_element: { nb: 'Et påkrevd element mangler', en: 'A required element is missing' },
  debit_credit: {
    nb: 'Linjen må ha enten debet- eller kreditbeløp',
    en: 'The line must have either a debit or a credit amount',
  },
  bad_xml_amount: { nb: 'Ugyldig beløp', en: 'Invalid amount' },
  bad_xml_date: { nb: 'Ugyldig dato', en: 'Invalid date' },
  bad_indicator: { nb: 'Ukjent indikator', en: 'Unknown indicator' },
  bad_quarter: { nb: 'Ugyldig kvartal', en: 'Invalid quarter' },
  bad_value: { nb: 'Ugyldig verdi', en: 'Invalid value' },
  year_closed: { nb: 'Året er avsluttet', en: 'The year is closed' },
  bad_carry_over: { nb: 'Ukjent overføringsregel', en: 'Unknown carry-over rule' },
  bad_share: { nb: 'Ugyldig andel', en: 'Invalid share' },
  bad_yes_no: { nb: 'Ugyldig ja/nei-verdi', en: 'Invalid yes/no value' },
  bad_version_kind: { nb: 'Ukjent versjonstype', en: 'Unknown version type' },
  bad_version_status: { nb: 'Ukjent versjonsstatus', en: 'Unknown version status' },
  duplicate_version: { nb: 'Versjonen står to ganger', en: 'The version appears twice' },
  unknown_version: { nb: 'Ukjent versjon', en: 'Unknown version' },
  duplicate_year: { nb: 'Året står to ganger', en: 'The year appears twice' },
  closed_ledger_changed: {
    nb: 'Forbruket for et avsluttet år er endret',
    en: 'The ledger of a closed year has changed',
  },
  broken_log: { nb: 'Loggen er brutt', en: 'The log is broken' },
  bad_log_key: { nb: 'Loggnøkkelen kan ikke brukes', en: 'The log key cannot be used' },
  reallocation_refused: { nb: 'Omdisponeringen avvises', en: 'The reallocation is refused' },
  change_refused: { nb: 'Endringen avvises', en: 'The change is refused' },
  approved_version_changed: {
    nb: 'Rammene til en godkjent versjon er endret',
    en: 'The frames of an approved version have changed',
  },
  unwritable_file: { nb: 'Filen kan ikke skrives', en: 'The file cannot be written' },
  workbook_changed: {
    nb: 'Arbeidsboken ble endret av noen andre; ingenting ble skrevet',
    en: 'The workbook was changed by someone else; nothing was written',
  },
  workbook_locked: {
    nb: 'Arbeidsboken er i bruk av en annen kommando; ingenting ble skrevet',
    en: 'The workbook is in use by another command; nothing was written',
  },
  workbook_owner: {
    nb: 'Arbeidsboken eies av en annen bruker; ingenting ble skrevet',
    en: 'The workbook belongs to another user; nothing was written',
  },
};

/** Words a reader adds to a problem: a detail (`alsoOnRow`) or an `expected` more precise than the code's. */
const DETAILS = {
  alsoOnRow: { nb: 'Står også på rad {row}.', en: 'Also on row {row}.' },
  ofFrame: { nb: 'Rammen gjelder {frame}.', en: 'The frame is {frame}.' },
  overlaps: { nb: 'Overlapper med {frame}.', en: 'Overlaps {frame}.' },
  overlapsRow: { nb: 'Overlapper med {frame} (rad {row}).', en: 'Overlaps {frame} (row {row}).' },
  overlapsLine: { nb: 'Overlapper med {frame} (linje {row}).', en: 'Overlaps {frame} (line {row}).' },
  wholeNumber: { nb: 'et helt tall ≥ 0', en: 'a whole number ≥ 0' },
  noSuchDay: {
    nb: 'en dag som finnes: {month} {year} har {days} dager',
    en: 'a day that exists: {month} {year} has {days} days',
  },
  transferRule: {
    nb: '«kan overføres» (brukes til utgangen av andre år etter), «5 %» (driftspost 01), «ingen», eller tomt når regelen ikke er kjent',
    en: '“can be carried” (usable to the end of the second year after), “5 %” (operating post 01), “none”, or empty when the rule is not known',
  },
  lineCheck: {
    nb: 'kontrollsummen IA Planner skrev (64 heksadesimale tegn)',
    en: 'the checksum IA Planner wrote (64 hex digits)',
  },
} satisfies Record<string, Texts>;

/** A detail or precise expectation of a problem, in the chosen language, with `{name}` filled in. */
export function problemDetail(key: keyof typeof DETAILS, lang: Lang, params: Record<string, string> = {}): string {
  return fill(DETAILS[key][lang], params);
}

/** Where a problem was found. */
export interface Place {
  file: string;
  sheet?: string;
  line: number | null;
  column: string | null;
  value: string | null;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? `{${key}}`);
}

/** Builds a problem with its message from the catalogue. */
export function problem(
  code: ProblemCode,
  place: Place,
  lang: Lang = 'nb',
  params: Record<string, string> = {},
  detail?: string,
): Problem {
  const expected = fill(EXPECTED[code][lang], params);
  const where = describePlace(place, lang);
  const value = place.value === null ? '' : lang === 'nb' ? ` Verdien «${place.value}».` : ` The value “${place.value}”.`;
  const wanted = lang === 'nb' ? ` Forventet: ${expected}.` : ` Expected: ${expected}.`;
  const extra = detail ? ` ${detail}` : '';
  const message = `${where}: ${HEADLINE[code][lang]}.${value}${wanted}${extra}`;
  return { code, ...place, expected, message };
}

/** A problem whose expectation is said more exactly than its code's catalogue text (a date whose day its month lacks). */
export function withExpected(p: Problem, expected: string): Problem {
  return { ...p, expected, message: p.message.replace(p.expected, expected) };
}

/**
 * A governance refusal as a problem: the headline of `code`, then the reason in words from the
 * governance catalogue, instruments named as the plan (`instruments`) names them. The reason
 * names the value in words, so the message does not repeat the raw value.
 */
export function governanceProblem(
  code: ProblemCode,
  place: Place,
  reason: GovernanceNotice,
  lang: Lang = 'nb',
  instruments?: InstrumentNames,
): Problem {
  const expected = EXPECTED[code][lang];
  const message = `${describePlace(place, lang)}: ${HEADLINE[code][lang]}. ${noticeText(reason, lang, instruments)}`;
  return { code, ...place, expected, message, reason };
}

function describePlace(place: Place, lang: Lang): string {
  const parts = [place.file];
  if (place.sheet) parts.push(lang === 'nb' ? `ark ${place.sheet}` : `sheet ${place.sheet}`);
  if (place.line !== null) {
    const word = place.sheet ? (lang === 'nb' ? 'rad' : 'row') : lang === 'nb' ? 'linje' : 'line';
    parts.push(`${word} ${place.line}`);
  }
  if (place.column !== null) parts.push(lang === 'nb' ? `kolonne ${place.column}` : `column ${place.column}`);
  return parts.join(', ');
}
