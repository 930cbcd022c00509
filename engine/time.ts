/**
 * Time of day: every moment the product stores or shows is Norwegian time (Europe/Oslo), whatever
 * the time zone of the machine. Stored stamps (`Logg`'s `Tidspunkt`, `Avsluttet`, a change's `at`)
 * are ISO 8601 with the Oslo offset, to the second (`2025-01-01T00:30:00+01:00`): one text names
 * one instant, also in the autumn hour that Oslo's clocks show twice. The engine never reads the
 * clock: the hosts call `osloStamp(new Date())` and `osloDate(new Date())` and pass the result in.
 */
import { isoDate, type IsoDate } from './calendar.js';
import type { Lang } from './messages/problems.js';

/** The time zone of the product's users: Oslo's clocks decide "today" and every stamp. */
export const TIME_ZONE = 'Europe/Oslo';

/** A wall-clock reading: what a clock shows, to the second. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** What Oslo's clocks show at an instant, with their offset from UTC in minutes (60 in winter, 120 in summer). */
export interface OsloClock extends WallClock {
  readonly offsetMinutes: number;
}

let wallClockFormat: Intl.DateTimeFormat | null = null;

/** What Oslo's clocks show at an instant, and their offset from UTC then. */
export function osloClock(instant: Date): OsloClock {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('osloClock: not a valid Date');
  // One formatter for the process: building one per call costs far more than formatting.
  wallClockFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const part: Record<string, number> = {};
  for (const { type, value } of wallClockFormat.formatToParts(instant)) part[type] = Number(value);
  const clock = {
    year: part['year']!,
    month: part['month']!,
    day: part['day']!,
    hour: part['hour']!,
    minute: part['minute']!,
    second: part['second']!,
  };
  // The offset is the wall clock read as if it were UTC, minus the instant (milliseconds dropped).
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  return { ...clock, offsetMinutes };
}

/** The date in Oslo at an instant: "today" for every host (after midnight in Oslo, before it in UTC, is the next day). */
export function osloDate(instant: Date): IsoDate {
  const c = osloClock(instant);
  return isoDate(c.year, c.month, c.day)!;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The stamp the product stores for an instant: ISO 8601 in Oslo time with its offset, `2025-01-01T00:30:00+01:00`. */
export function osloStamp(instant: Date): string {
  const c = osloClock(instant);
  const sign = c.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(c.offsetMinutes);
  const date = `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)}`;
  return `${date}T${two(c.hour)}:${two(c.minute)}:${two(c.second)}${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
}

/** A stored stamp as read: its wall clock, and the instant when the stamp names one. */
export interface StampReading {
  /** The clock as written: Oslo time for a stamp with an offset, UTC for a `…Z` stamp, as is for one without a zone. */
  readonly written: WallClock;
  /** The instant, for a stamp with an offset or `Z`; null for one without a zone (the add-in's older `YYYY-MM-DD HH:MM`). */
  readonly instant: Date | null;
}

// Date, `T` or a space, hours and minutes, optional seconds (and fraction), optional zone.
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a stored stamp in any form the product has written: `2025-01-01T00:30:00+01:00` (now),
 * `2024-12-31T23:30:00Z` (the command line before), `2024-12-31 00:30` and `2024-12-31T00:30`
 * (the add-in before, with no zone); null for any other text or a clock that does not exist.
 * LIMITATION: the add-in's older zone-less stamps joined the UTC date to the local hour, so their
 * instant cannot be recovered; they are shown as written and their `instant` is null.
 */
export function readStamp(text: string): StampReading | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (isoDate(year!, month!, day!) === null || hour! > 23 || minute! > 59 || second > 59) return null;
  const written: WallClock = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
  const zone = m[7];
  if (zone === undefined) return { written, instant: null };
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  return { written, instant: new Date(asUtc - offsetMinutes * 60_000) };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A wall clock as people read it: `31.12.2024 kl. 23.30` in bokmål, `31 Dec 2024, 23:30` in English. */
export function formatWallClock(clock: WallClock, lang: Lang = 'nb'): string {
  if (lang === 'nb') return `${two(clock.day)}.${two(clock.month)}.${clock.year} kl. ${two(clock.hour)}.${two(clock.minute)}`;
  return `${clock.day} ${MONTHS_EN[clock.month - 1]} ${clock.year}, ${two(clock.hour)}:${two(clock.minute)}`;
}

/**
 * A stored stamp for display, in Oslo time (a `…Z` stamp is turned into Oslo time; a zone-less
 * older stamp is shown as written); a text that is no stamp is shown unchanged.
 */
export function formatStamp(stamp: string, lang: Lang = 'nb'): string {
  const reading = readStamp(stamp);
  if (!reading) return stamp;
  return formatWallClock(reading.instant ? osloClock(reading.instant) : reading.written, lang);
}

/**
 * The date in Oslo at an instant: the older name of `osloDate`, kept for hosts that still call it
 * (it gave the UTC date, one day early between midnight and 01:00/02:00 in Oslo).
 * @deprecated Call `osloDate`.
 */
export function isoDateOf(instant: Date): IsoDate {
  return osloDate(instant);
}
