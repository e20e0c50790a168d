import { describe, expect, it } from "vitest";
import { decayedScore, supportWeight, TREND_EPOCH_MS, TREND_HALF_LIFE_MS, WEIGHT_OVERFLOWS_AT } from "./trend";

describe("supportWeight", () => {
  it("is 1 at the epoch and doubles every half-life (three days)", () => {
    expect(supportWeight(new Date("2026-01-01T00:00:00Z"))).toBe(1);
    expect(supportWeight(new Date("2026-01-04T00:00:00Z"))).toBe(2);
    expect(supportWeight(new Date("2026-01-07T00:00:00Z"))).toBe(4);
    expect(supportWeight(new Date("2025-12-29T00:00:00Z"))).toBe(0.5);
    expect(TREND_HALF_LIFE_MS).toBe(3 * 86_400_000);
    expect(TREND_EPOCH_MS).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("grows with time, so a newer support always outweighs an older one", () => {
    const older = supportWeight(new Date("2027-03-01T12:00:00Z"));
    const newer = supportWeight(new Date("2027-03-01T12:00:01Z"));
    expect(newer).toBeGreaterThan(older);
  });

  it("stays finite until the documented overflow date (rebase before it)", () => {
    expect(WEIGHT_OVERFLOWS_AT.toISOString().slice(0, 10)).toBe("2034-05-31");
    expect(Number.isFinite(supportWeight(new Date(WEIGHT_OVERFLOWS_AT.getTime() - 86_400_000)))).toBe(true);
    expect(supportWeight(WEIGHT_OVERFLOWS_AT)).toBe(Number.POSITIVE_INFINITY);
  });

  it("decays a score to the present: one support three days old is worth one half", () => {
    const given = new Date("2026-06-01T00:00:00Z");
    const now = new Date(given.getTime() + TREND_HALF_LIFE_MS);
    expect(decayedScore(supportWeight(given), now)).toBeCloseTo(0.5, 12);
  });

  it("ranks like decayed scores: the order of two ideas never depends on when it is read", () => {
    const base = Date.parse("2026-03-01T00:00:00Z");
    // A: 3 supports a week ago. B: 1 support today.
    const ideaA = 3 * supportWeight(new Date(base - 7 * 86_400_000));
    const ideaB = supportWeight(new Date(base));
    for (const later of [0, 1, 10, 100]) {
      const now = new Date(base + later * 86_400_000);
      expect(decayedScore(ideaB, now) > decayedScore(ideaA, now)).toBe(ideaB > ideaA);
    }
  });
});
