import { describe, expect, it } from "vitest";
import {
  formatZoned,
  isValidTimeZone,
  parseLocalDateTime,
  utcToZonedLocal,
  zonedLocalToUtc,
  zoneOffset,
} from "./timezone";

const iso = (value: string) => new Date(value).toISOString();

function toUtc(local: string, zone: string): string {
  const result = zonedLocalToUtc(local, zone);
  if (!result.ok) throw new Error(`${local} in ${zone}: ${result.error}`);
  return result.date.toISOString();
}

describe("zonedLocalToUtc", () => {
  it("converts ordinary winter and summer times in the network's zones", () => {
    expect(toUtc("2026-03-12T09:00", "Europe/Helsinki")).toBe(iso("2026-03-12T07:00:00Z"));
    expect(toUtc("2026-07-01T09:00", "Europe/Helsinki")).toBe(iso("2026-07-01T06:00:00Z"));
    expect(toUtc("2026-01-15T12:00", "Europe/Dublin")).toBe(iso("2026-01-15T12:00:00Z"));
    expect(toUtc("2026-07-15T12:00", "Europe/Dublin")).toBe(iso("2026-07-15T11:00:00Z"));
    expect(toUtc("2026-01-15T12:00", "Europe/Lisbon")).toBe(iso("2026-01-15T12:00:00Z"));
    expect(toUtc("2026-07-15T12:00", "Europe/Lisbon")).toBe(iso("2026-07-15T11:00:00Z"));
    expect(toUtc("2026-02-01T08:30", "Europe/Bucharest")).toBe(iso("2026-02-01T06:30:00Z"));
    expect(toUtc("2026-02-01T08:30", "Europe/Madrid")).toBe(iso("2026-02-01T07:30:00Z"));
    expect(toUtc("2026-02-01T08:30:15", "Europe/Riga")).toBe(iso("2026-02-01T06:30:15Z"));
    expect(toUtc("2026-02-01T08:30", "UTC")).toBe(iso("2026-02-01T08:30:00Z"));
  });

  it("Europe/Helsinki, spring 2026 (29 March, 03:00 → 04:00): the skipped hour does not exist", () => {
    expect(toUtc("2026-03-29T02:30", "Europe/Helsinki")).toBe(iso("2026-03-29T00:30:00Z"));
    expect(toUtc("2026-03-29T02:59:59", "Europe/Helsinki")).toBe(iso("2026-03-29T00:59:59Z"));
    for (const local of ["2026-03-29T03:00", "2026-03-29T03:30", "2026-03-29T03:59:59"]) {
      expect(zonedLocalToUtc(local, "Europe/Helsinki"), local).toEqual({ ok: false, error: "nonexistent" });
    }
    expect(toUtc("2026-03-29T04:00", "Europe/Helsinki")).toBe(iso("2026-03-29T01:00:00Z"));
    // The change happens at 01:00 UTC: one second earlier it is still winter time.
    expect(zonedLocalToUtc("2026-03-29T04:00", "Europe/Helsinki")).toMatchObject({ ambiguous: false });
  });

  it("Europe/Helsinki, autumn 2026 (25 October, 04:00 → 03:00): the repeated hour takes the earlier instant", () => {
    expect(toUtc("2026-10-25T02:59", "Europe/Helsinki")).toBe(iso("2026-10-24T23:59:00Z"));
    const ambiguous = zonedLocalToUtc("2026-10-25T03:30", "Europe/Helsinki");
    expect(ambiguous).toEqual({ ok: true, date: new Date("2026-10-25T00:30:00Z"), ambiguous: true });
    expect(zonedLocalToUtc("2026-10-25T03:00", "Europe/Helsinki")).toEqual({ ok: true, date: new Date("2026-10-25T00:00:00Z"), ambiguous: true });
    expect(zonedLocalToUtc("2026-10-25T03:59:59", "Europe/Helsinki")).toMatchObject({ date: new Date("2026-10-25T00:59:59Z"), ambiguous: true });
    expect(zonedLocalToUtc("2026-10-25T04:00", "Europe/Helsinki")).toEqual({ ok: true, date: new Date("2026-10-25T02:00:00Z"), ambiguous: false });
  });

  it("Europe/Dublin (GMT in winter, IST in summer), both 2026 changes", () => {
    expect(toUtc("2026-03-29T00:59", "Europe/Dublin")).toBe(iso("2026-03-29T00:59:00Z"));
    expect(zonedLocalToUtc("2026-03-29T01:00", "Europe/Dublin")).toEqual({ ok: false, error: "nonexistent" });
    expect(zonedLocalToUtc("2026-03-29T01:59", "Europe/Dublin")).toEqual({ ok: false, error: "nonexistent" });
    expect(toUtc("2026-03-29T02:00", "Europe/Dublin")).toBe(iso("2026-03-29T01:00:00Z"));
    expect(zonedLocalToUtc("2026-10-25T01:30", "Europe/Dublin")).toEqual({ ok: true, date: new Date("2026-10-25T00:30:00Z"), ambiguous: true });
    expect(toUtc("2026-10-25T02:00", "Europe/Dublin")).toBe(iso("2026-10-25T02:00:00Z"));
    expect(toUtc("2026-10-25T00:59", "Europe/Dublin")).toBe(iso("2026-10-24T23:59:00Z"));
  });

  it("Europe/Lisbon (WET/WEST), both 2026 changes", () => {
    expect(zonedLocalToUtc("2026-03-29T01:30", "Europe/Lisbon")).toEqual({ ok: false, error: "nonexistent" });
    expect(toUtc("2026-03-29T02:00", "Europe/Lisbon")).toBe(iso("2026-03-29T01:00:00Z"));
    expect(zonedLocalToUtc("2026-10-25T01:00", "Europe/Lisbon")).toEqual({ ok: true, date: new Date("2026-10-25T00:00:00Z"), ambiguous: true });
    expect(toUtc("2026-10-25T02:00", "Europe/Lisbon")).toBe(iso("2026-10-25T02:00:00Z"));
  });

  it("crosses year boundaries in both directions", () => {
    // Helsinki's New Year is still the old year in UTC.
    expect(toUtc("2027-01-01T00:00", "Europe/Helsinki")).toBe(iso("2026-12-31T22:00:00Z"));
    expect(toUtc("2026-12-31T23:59:59", "Europe/Helsinki")).toBe(iso("2026-12-31T21:59:59Z"));
    expect(toUtc("2027-01-01T00:30", "Europe/Lisbon")).toBe(iso("2027-01-01T00:30:00Z"));
    // West of UTC, New Year's Eve evening is already the next year in UTC.
    expect(toUtc("2026-12-31T20:00", "America/New_York")).toBe(iso("2027-01-01T01:00:00Z"));
    expect(toUtc("2028-02-29T12:00", "Europe/Helsinki")).toBe(iso("2028-02-29T10:00:00Z"));
  });

  it("refuses malformed values, impossible dates and times with a zone or offset", () => {
    for (const value of [
      "",
      "2026-03-12",
      "2026-03-12 09:00",
      "2026-03-12T9:00",
      "2026-03-12T09:00Z",
      "2026-03-12T09:00+02:00",
      "2026-03-12T09:00:00.000",
      "2026-02-30T09:00",
      "2026-04-31T09:00",
      "2027-02-29T09:00",
      "2026-13-01T09:00",
      "2026-00-10T09:00",
      "2026-03-12T24:00",
      "2026-03-12T23:60",
      "12/03/2026 09:00",
      "<script>",
    ]) {
      expect(zonedLocalToUtc(value, "Europe/Helsinki"), value).toEqual({ ok: false, error: "invalid" });
    }
  });

  it("refuses an unknown time zone", () => {
    expect(isValidTimeZone("Europe/Helsinki")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(zonedLocalToUtc("2026-03-12T09:00", "Mars/Olympus")).toEqual({ ok: false, error: "invalidZone" });
  });

  it("round-trips every half hour of 2026 in Helsinki, Dublin and Lisbon except the skipped hours", () => {
    for (const zone of ["Europe/Helsinki", "Europe/Dublin", "Europe/Lisbon"]) {
      let skipped = 0;
      let ambiguous = 0;
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 30 * 60_000) {
        const local = utcToZonedLocal(new Date(instant), zone);
        const back = zonedLocalToUtc(local, zone);
        expect(back.ok, `${zone} ${local}`).toBe(true);
        if (!back.ok) continue;
        if (back.ambiguous) {
          ambiguous++;
          // The earlier of the two instants: either this one, or the one an hour before.
          expect([instant, instant - 3_600_000]).toContain(back.date.getTime());
        } else {
          expect(back.date.getTime()).toBe(instant);
        }
      }
      // Local wall-clock times of one spring day: exactly one hour is missing.
      const springDay = "2026-03-29";
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const local = `${springDay}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        if (!zonedLocalToUtc(local, zone).ok) skipped++;
      }
      expect(skipped, zone).toBe(2);
      // Each autumn half hour of the repeated hour is met twice while walking UTC.
      expect(ambiguous, zone).toBe(4);
    }
    // About 53,000 conversions: seconds on an idle machine, more on a loaded one.
  }, 120_000);
});

describe("utcToZonedLocal", () => {
  it("gives datetime-local values in the zone, seconds only when present", () => {
    expect(utcToZonedLocal(new Date("2026-03-12T07:00:00Z"), "Europe/Helsinki")).toBe("2026-03-12T09:00");
    expect(utcToZonedLocal("2026-07-01T06:00:00Z", "Europe/Helsinki")).toBe("2026-07-01T09:00");
    expect(utcToZonedLocal(new Date("2026-03-12T07:00:30Z"), "Europe/Helsinki")).toBe("2026-03-12T09:00:30");
    expect(utcToZonedLocal(new Date("2026-12-31T22:00:00Z"), "Europe/Helsinki")).toBe("2027-01-01T00:00");
    expect(utcToZonedLocal(new Date("2027-01-01T00:30:00Z"), "Europe/Dublin")).toBe("2027-01-01T00:30");
    expect(utcToZonedLocal(new Date("2027-01-01T01:00:00Z"), "America/New_York")).toBe("2026-12-31T20:00");
  });

  it("shows both instants of the repeated autumn hour with the same wall-clock time", () => {
    expect(utcToZonedLocal(new Date("2026-10-25T00:30:00Z"), "Europe/Helsinki")).toBe("2026-10-25T03:30");
    expect(utcToZonedLocal(new Date("2026-10-25T01:30:00Z"), "Europe/Helsinki")).toBe("2026-10-25T03:30");
    expect(utcToZonedLocal(new Date("2026-03-29T00:59:59Z"), "Europe/Helsinki")).toBe("2026-03-29T02:59:59");
    expect(utcToZonedLocal(new Date("2026-03-29T01:00:00Z"), "Europe/Helsinki")).toBe("2026-03-29T04:00");
  });
});

describe("helpers", () => {
  it("zoneOffset follows the clock changes", () => {
    expect(zoneOffset(Date.UTC(2026, 2, 29, 0, 59, 59), "Europe/Helsinki")).toBe(2 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 2, 29, 1, 0, 0), "Europe/Helsinki")).toBe(3 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 9, 25, 0, 59, 59), "Europe/Dublin")).toBe(3_600_000);
    expect(zoneOffset(Date.UTC(2026, 9, 25, 1, 0, 0), "Europe/Dublin")).toBe(0);
  });

  it("parseLocalDateTime accepts the datetime-local formats only", () => {
    expect(parseLocalDateTime("2026-03-12T09:05")).toEqual({ year: 2026, month: 3, day: 12, hour: 9, minute: 5, second: 0 });
    expect(parseLocalDateTime(" 2026-03-12T09:05:07 ")).toEqual({ year: 2026, month: 3, day: 12, hour: 9, minute: 5, second: 7 });
    expect(parseLocalDateTime("2026-03-12T09:05:60")).toBeNull();
  });

  it("formatZoned gives the date and time in the zone and language", () => {
    expect(formatZoned("2026-03-12T07:00:00Z", "Europe/Helsinki", "en")).toEqual({ date: "March 12, 2026", time: "09:00" });
    expect(formatZoned("2026-03-12T07:00:00Z", "Europe/Helsinki", "ro")).toEqual({ date: "12 martie 2026", time: "09:00" });
    expect(formatZoned("2026-12-31T22:30:00Z", "Europe/Helsinki", "en")).toEqual({ date: "January 1, 2027", time: "00:30" });
  });
});
