import { describe, expect, it } from "vitest";
import { dateTimeFormat, relativeTimeFormat } from "./date-format";

describe("shared Intl formatters", () => {
  it("reuses one formatter per language and options, time zone included", () => {
    const options = { dateStyle: "medium", timeZone: "Europe/Bucharest" } as const;
    const first = dateTimeFormat("ro", options);
    expect(dateTimeFormat("ro", { ...options })).toBe(first);
    expect(dateTimeFormat("ro", { ...options, timeZone: "Europe/Helsinki" })).not.toBe(first);
    expect(dateTimeFormat("fi", options)).not.toBe(first);
    expect(dateTimeFormat("ro", { ...options, dateStyle: "long" })).not.toBe(first);
  });

  it("formats exactly as a new formatter would, in the given time zone", () => {
    // 22:30 UTC on 31 December is already 1 January in Helsinki.
    const instant = new Date("2026-12-31T22:30:00Z");
    for (const [locale, timeZone] of [
      ["fi", "Europe/Helsinki"],
      ["en", "UTC"],
      ["lv", "Europe/Riga"],
    ] as const) {
      const options = { dateStyle: "long", timeStyle: "short", timeZone } as const;
      expect(dateTimeFormat(locale, options).format(instant)).toBe(new Intl.DateTimeFormat(locale, options).format(instant));
    }
    expect(dateTimeFormat("en", { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(instant)).toBe("Jan 1, 2027");
    expect(relativeTimeFormat("en", { numeric: "auto" }).format(-1, "day")).toBe("yesterday");
    expect(relativeTimeFormat("en", { numeric: "auto" })).toBe(relativeTimeFormat("en", { numeric: "auto" }));
  });

  it("refuses an unknown time zone, as Intl does", () => {
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
