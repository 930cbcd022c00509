/**
 * What can go wrong when the add-in reads or writes the workbook, with one catalogue of Norwegian
 * messages that say what happened and what to do. office.js errors are recognised by their `code`
 * (never by their localised `message`, which is not meant for users).
 */
import { logError } from './office-helpers.js';

/** Our own fault codes. */
export type WorkbookFaultCode =
  | 'item_not_found'
  | 'item_already_exists'
  | 'invalid_argument'
  | 'invalid_reference'
  | 'invalid_operation'
  | 'access_denied'
  | 'payload_too_large'
  | 'response_too_large'
  | 'cell_edit_mode'
  | 'conflict'
  | 'merged_cells'
  | 'activity_limit'
  | 'general'
  | 'sheet_protected'
  | 'sheet_missing'
  | 'table_missing'
  | 'table_edited'
  | 'cells_occupied'
  | 'bad_table_data'
  | 'row_not_found'
  | 'not_in_excel';

/** Where a fault happened, as far as it is known. */
export interface FaultPlace {
  readonly sheet?: string;
  readonly table?: string;
  /** A data row of the table, 1-based (the first row under the header is 1). */
  readonly row?: number;
}

/** The office.js error codes we give their own message (`OfficeExtension.ErrorCodes`). */
const EXCEL_CODES: Readonly<Record<string, WorkbookFaultCode>> = {
  ItemNotFound: 'item_not_found',
  ItemAlreadyExists: 'item_already_exists',
  InvalidArgument: 'invalid_argument',
  InvalidReference: 'invalid_reference',
  InvalidOperation: 'invalid_operation',
  AccessDenied: 'access_denied',
  RequestPayloadSizeLimitExceeded: 'payload_too_large',
  ResponsePayloadSizeLimitExceeded: 'response_too_large',
  InvalidOperationInCellEditMode: 'cell_edit_mode',
  Conflict: 'conflict',
  InsertDeleteConflict: 'conflict',
  MergedRangeConflict: 'merged_cells',
  ActivityLimitReached: 'activity_limit',
  GeneralException: 'general',
};

function where(place: FaultPlace): string {
  if (place.row !== undefined && place.table) return ` (rad ${place.row} i tabellen ${place.table})`;
  if (place.table && place.sheet) return ` (tabellen ${place.table} på arket ${place.sheet})`;
  if (place.table) return ` (tabellen ${place.table})`;
  if (place.sheet) return ` (arket ${place.sheet})`;
  return '';
}

const MESSAGES: Readonly<Record<WorkbookFaultCode, (place: FaultPlace) => string>> = {
  item_not_found: (p) =>
    `Excel fant ikke et ark eller en tabell som IA Planner bruker${where(p)}. Det kan være slettet eller gitt nytt navn. Gi det tilbake navnet, eller skriv arbeidsboken på nytt fra IA Planner.`,
  item_already_exists: (p) =>
    `Et ark eller en tabell med samme navn finnes allerede${where(p)}. Gi ditt eget ark eller din egen tabell et annet navn, og prøv igjen.`,
  invalid_argument: (p) =>
    `Excel godtok ikke det IA Planner prøvde å skrive${where(p)}. Ingenting er endret. Prøv igjen; skjer det igjen, meld fra om feilen.`,
  invalid_reference: (p) =>
    `En formel viser til en tabell eller kolonne som ikke finnes${where(p)}. Skriv hele arbeidsboken på nytt fra IA Planner.`,
  invalid_operation: (p) =>
    `Excel tillot ikke endringen${where(p)}. Kontroller at arket ikke er skjult eller låst, og prøv igjen.`,
  access_denied: (p) => `Arket er beskyttet${where(p)}. Opphev beskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen.`,
  payload_too_large: (p) =>
    `Dataene var for store til å sendes til Excel i én omgang${where(p)}. Ingenting er endret. Prøv igjen; skjer det igjen, del opp forbruksfilen.`,
  response_too_large: (p) =>
    `Tabellen er for stor til å leses i én omgang${where(p)}. Del den opp, eller bruk kommandolinjen for så store filer.`,
  cell_edit_mode: () =>
    'Excel er i redigeringsmodus. Trykk Enter eller Esc for å avslutte redigeringen av cellen, og prøv igjen.',
  conflict: (p) => `Noen andre endret arbeidsboken samtidig${where(p)}. Vent litt og prøv igjen.`,
  merged_cells: (p) => `Sammenslåtte celler er i veien${where(p)}. Del opp de sammenslåtte cellene i området og prøv igjen.`,
  activity_limit: () => 'Excel har for mye å gjøre akkurat nå. Vent et øyeblikk og prøv igjen.',
  general: (p) =>
    `Excel meldte en uventet feil${where(p)}. Ingenting er lagret av IA Planner. Prøv igjen; skjer det igjen, lagre, lukk og åpne arbeidsboken.`,
  sheet_protected: (p) =>
    `Arket er beskyttet${where(p)}, så IA Planner kan ikke skrive i det. Opphev beskyttelsen (Se gjennom > Opphev arkbeskyttelse) og prøv igjen.`,
  sheet_missing: (p) =>
    `Arket finnes ikke lenger${where(p)}. Det kan være slettet eller gitt nytt navn. Gi arket tilbake navnet, eller skriv arbeidsboken på nytt fra IA Planner.`,
  table_missing: (p) =>
    `Tabellen finnes ikke${where(p)}. Den kan være slettet eller gjort om til et vanlig område. Skriv arbeidsboken på nytt fra IA Planner.`,
  table_edited: (p) =>
    `Tabellen er endret for hånd siden IA Planner skrev den${where(p)}: overskriften, antall rader eller innholdet i cellene er annerledes. IA Planner skriver ikke over endringene dine uten å spørre. Velg «Erstatt» for å skrive tabellen på nytt, eller ta en kopi av arket først.`,
  cells_occupied: (p) =>
    `Cellene der tabellen skal stå, er ikke tomme${where(p)}. IA Planner skriver ikke over dine egne celler. Flytt eller slett innholdet, eller velg «Erstatt».`,
  bad_table_data: (p) =>
    `IA Planner laget en tabell med feil form${where(p)}. Ingenting er skrevet. Dette er en feil i IA Planner; meld fra om den.`,
  row_not_found: (p) =>
    `IA Planner fant ikke raden i arbeidsboken${where(p)}. Tabellen kan være endret eller slettet siden IA Planner leste den. Kjør kontrollen på nytt og velg raden igjen.`,
  not_in_excel: () => 'Denne handlingen krever Excel. Åpne IA Planner fra fanen IA Planner i Excel.',
};

/** The Norwegian message of a fault. */
export function faultMessage(code: WorkbookFaultCode, place: FaultPlace = {}): string {
  return MESSAGES[code](place);
}

/** A fault in reading or writing the workbook, with a message a user can act on. */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';

  constructor(
    readonly code: WorkbookFaultCode,
    readonly place: FaultPlace = {},
    /** The office.js error code behind it, if any (e.g. `AccessDenied`). */
    readonly excelCode: string | null = null,
    /** Whether the workbook may be left partly changed (a restore after a failed write failed too). */
    readonly partial = false,
  ) {
    super(
      partial
        ? `${faultMessage(code, place)} IA Planner klarte ikke å sette tilbake alt: bruk Angre (Ctrl+Z), eller lukk arbeidsboken uten å lagre.`
        : faultMessage(code, place),
    );
  }
}

/** The `code` of an office.js error (`OfficeExtension.Error`), or null for anything else. */
function excelErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * Turns anything thrown inside `Excel.run` into a WorkbookError, logging the original (with its
 * debug info) for developers. A WorkbookError passes through unchanged.
 */
export function toWorkbookError(error: unknown, place: FaultPlace = {}, action = 'excel'): WorkbookError {
  if (error instanceof WorkbookError) return error;
  logError(action, error);
  const excelCode = excelErrorCode(error);
  const code = excelCode === null ? 'general' : (EXCEL_CODES[excelCode] ?? 'general');
  return new WorkbookError(code, place, excelCode);
}
