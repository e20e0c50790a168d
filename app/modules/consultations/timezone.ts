// Wall-clock times in a city's IANA time zone <-> UTC instants, with Intl only (no date
// library: the browser and the server both have the time-zone database through Intl).
//
// Consultation phases are entered in the city's local time ("2026-03-29T02:30" in
// Europe/Helsinki) and stored as UTC instants. Two local times need a decision:
//   - In a gap (spring forward: 03:00-03:59 does not exist in Helsinki on 29 March 2026)
//     the time does not exist: we refuse it with a clear error instead of guessing.
//   - In an overlap (fall back: 03:00-03:59 happens twice in Helsinki on 25 October 2026)
//     the time is ambiguous: we take the EARLIER instant (summer time), like
//     java.time's ZonedDateTime.of and the Temporal proposal's "compatible" disambiguation.
//     A phase that starts or ends in that hour then starts/ends at its first occurrence.
// Pure and shared by the browser (form validation) and the server (the authority).
import { intlLocale } from "~/i18n/options";

/** "YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss", as an <input type="datetime-local"> sends it. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export type ZonedResult =
  | { ok: true; date: Date; /** The local time happened twice (clocks went back); `date` is the earlier one. */ ambiguous: boolean }
  | { ok: false; error: "invalid" | "nonexistent" | "invalidZone" };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the IANA zone (e.g. "Europe/Helsinki"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `date` in `timeZone` (seconds precision). */
export function zonedFields(date: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === "BC" || parts.era === "B") year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines print midnight as "24" even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function fieldsAsUtc(fields: LocalDateTime): number {
  const utc = new Date(0);
  utc.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  utc.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return utc.getTime();
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Helsinki in summer: +3 h). */
export function zoneOffset(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return fieldsAsUtc(zonedFields(new Date(whole), timeZone)) - whole;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** Parses "YYYY-MM-DDTHH:mm[:ss]" into fields; null for anything else or an impossible date (31 April). */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const fields = { year, month, day, hour, minute, second };
  const check = new Date(fieldsAsUtc(fields));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return fields;
}

export function formatLocalDateTime(fields: LocalDateTime): string {
  const base = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}`;
  return fields.second ? `${base}:${pad(fields.second)}` : base;
}

const sameFields = (a: LocalDateTime, b: LocalDateTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

const HOUR = 3_600_000;

/**
 * The UTC instant of a wall-clock time in `timeZone`: "2026-03-12T09:00" in
 * "Europe/Helsinki" → 2026-03-12T07:00:00Z. Refuses a time that does not exist there
 * (skipped by a clock change); for a time that happens twice, returns the earlier instant.
 */
export function zonedLocalToUtc(local: string, timeZone: string): ZonedResult {
  if (!isValidTimeZone(timeZone)) return { ok: false, error: "invalidZone" };
  const fields = parseLocalDateTime(local);
  if (!fields) return { ok: false, error: "invalid" };
  const asUtc = fieldsAsUtc(fields);
  // Every offset in force within a day of the wall-clock time: real zones change their
  // offset at most once in that span (by up to a few hours), so one of them is right.
  const offsets = new Set([-24 * HOUR, -6 * HOUR, 0, 6 * HOUR, 24 * HOUR].map((shift) => zoneOffset(asUtc + shift, timeZone)));
  const instants = [...new Set([...offsets].map((offset) => asUtc - offset))]
    .filter((instant) => sameFields(zonedFields(new Date(instant), timeZone), fields))
    .sort((a, b) => a - b);
  if (instants.length === 0) return { ok: false, error: "nonexistent" };
  return { ok: true, date: new Date(instants[0]), ambiguous: instants.length > 1 };
}

/** The wall-clock time of `date` in `timeZone`, as a datetime-local input's value ("2026-03-12T09:00"). */
export function utcToZonedLocal(date: Date | string, timeZone: string): string {
  return formatLocalDateTime(zonedFields(typeof date === "string" ? new Date(date) : date, timeZone));
}

/**
 * A date and a time of day in `timeZone`, in the reader's language, for sentences such as
 * "Supports open on {{date}} at {{time}} ({{city}} time)". Server and browser format with
 * the same zone, so the hydrated page shows what the server sent.
 */
export function formatZoned(date: Date | string, timeZone: string, locale: string): { date: string; time: string } {
  const instant = typeof date === "string" ? new Date(date) : date;
  return {
    date: new Intl.DateTimeFormat(intlLocale(locale), { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant),
    time: new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant),
  };
}
