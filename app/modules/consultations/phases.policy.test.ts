import { describe, expect, it } from "vitest";
import { commentDenial, supportDenial } from "~/modules/ideas/lifecycle.policy";
import {
  actionWindow,
  consultationStage,
  currentPhase,
  PHASE_ACTIONS,
  PHASE_KINDS,
  phaseDenial,
  phaseState,
  remainingSupports,
  resultsDenial,
  showsRanking,
  sortPhases,
  supportPhaseDenial,
  supportQuota,
  validatePhases,
  type PhaseAction,
  type PhaseDraft,
  type PhaseKind,
} from "./phases.policy";
import { zonedLocalToUtc } from "./timezone";

function local(value: string, zone: string): Date {
  const result = zonedLocalToUtc(value, zone);
  if (!result.ok) throw new Error(`${value} ${zone}: ${result.error}`);
  return result.date;
}

/** Five contiguous phases in a city's local time. */
function phasesIn(zone: string, bounds: [string, string, string, string, string, string]) {
  return PHASE_KINDS.map((kind, index) => ({ kind, startsAt: local(bounds[index], zone), endsAt: local(bounds[index + 1], zone) }));
}

const HELSINKI = "Europe/Helsinki";
const DUBLIN = "Europe/Dublin";

// Oulu: the supports phase starts the morning after the spring clock change and the review
// phase ends in the night of the autumn change (inside the repeated hour).
const oulu = phasesIn(HELSINKI, ["2026-03-01T09:00", "2026-03-12T09:00", "2026-03-29T04:00", "2026-04-30T18:00", "2026-10-25T03:30", "2026-12-31T23:59"]);
const published = { status: "PUBLISHED", phases: oulu, supportLimit: null };
const MS = 1;
const at = (date: Date, delta = 0) => new Date(date.getTime() + delta);
const phase = (kind: PhaseKind) => oulu.find((item) => item.kind === kind)!;

describe("validatePhases", () => {
  const valid = (): PhaseDraft[] => oulu.map((item) => ({ ...item }));

  it("accepts five ordered phases, touching or with gaps", () => {
    expect(validatePhases(valid())).toEqual([]);
    const withGaps = valid().map((item, index) => ({ ...item, startsAt: at(item.startsAt!, index * 3_600_000), endsAt: at(item.endsAt!, index * 3_600_000 + 1_800_000) }));
    expect(validatePhases(withGaps)).toEqual([]);
    // Any input order: the kinds decide the order.
    expect(validatePhases(valid().reverse())).toEqual([]);
  });

  it("reports missing phases, duplicates and missing dates on their fields", () => {
    const list = valid().filter((item) => item.kind !== "REVIEW");
    list.push({ kind: "IDEATION", startsAt: phase("IDEATION").startsAt, endsAt: phase("IDEATION").endsAt });
    list[0] = { ...list[0], startsAt: null };
    list[2] = { ...list[2], endsAt: null };
    expect(validatePhases(list)).toEqual([
      { kind: "INFORMATION", field: "startsAt", code: "missing" },
      { kind: "IDEATION", field: "startsAt", code: "duplicate" },
      { kind: "SUPPORTS", field: "endsAt", code: "missing" },
      { kind: "REVIEW", field: "startsAt", code: "missingPhase" },
    ]);
    expect(validatePhases([])).toHaveLength(5);
    expect(validatePhases([{ kind: "IDEATION", startsAt: new Date(Number.NaN), endsAt: null }])).toContainEqual({ kind: "IDEATION", field: "startsAt", code: "missing" });
  });

  it("refuses a phase ending before or exactly at its start, but not one millisecond after", () => {
    const list = valid();
    list[1] = { ...list[1], endsAt: at(list[1].startsAt!, -MS) };
    expect(validatePhases(list)).toEqual([{ kind: "IDEATION", field: "endsAt", code: "endBeforeStart" }]);
    list[1] = { ...list[1], endsAt: list[1].startsAt };
    expect(validatePhases(list)).toEqual([{ kind: "IDEATION", field: "endsAt", code: "endBeforeStart" }]);
    list[1] = { ...list[1], endsAt: at(list[1].startsAt!, MS) };
    // Now IDEATION ends long before SUPPORTS starts: a gap, which is fine.
    expect(validatePhases(list)).toEqual([]);
  });

  it("refuses overlaps by a millisecond; touching phases are fine", () => {
    const list = valid();
    list[2] = { ...list[2], startsAt: at(list[1].endsAt!, -MS) };
    expect(validatePhases(list)).toEqual([{ kind: "SUPPORTS", field: "startsAt", code: "overlap" }]);
    list[2] = { ...list[2], startsAt: list[1].endsAt };
    expect(validatePhases(list)).toEqual([]);
  });

  it("refuses phases in the wrong order", () => {
    const list = valid();
    // SUPPORTS before IDEATION.
    list[2] = { kind: "SUPPORTS", startsAt: at(list[1].startsAt!, -86_400_000), endsAt: at(list[1].startsAt!, -3_600_000) };
    expect(validatePhases(list)).toContainEqual({ kind: "SUPPORTS", field: "startsAt", code: "order" });
    // Starts at the same instant as the previous one: an overlap (not the wrong order).
    const same = valid();
    same[3] = { ...same[3], startsAt: same[2].startsAt };
    expect(validatePhases(same)).toEqual([{ kind: "REVIEW", field: "startsAt", code: "overlap" }]);
  });

  it("compares with the last valid phase, so one bad phase does not accuse its neighbours", () => {
    const list = valid();
    list[1] = { ...list[1], endsAt: null };
    expect(validatePhases(list)).toEqual([{ kind: "IDEATION", field: "endsAt", code: "missing" }]);
  });
});

describe("currentPhase and phaseState: [startsAt, endsAt)", () => {
  it("is in a phase exactly at its start, and out of it exactly at its end", () => {
    for (const item of oulu) {
      expect(currentPhase(oulu, item.startsAt)?.kind, `${item.kind} start`).toBe(item.kind);
      expect(currentPhase(oulu, at(item.startsAt, MS))?.kind).toBe(item.kind);
      expect(currentPhase(oulu, at(item.endsAt, -MS))?.kind, `${item.kind} end - 1ms`).toBe(item.kind);
      expect(currentPhase(oulu, item.endsAt)?.kind ?? null, `${item.kind} end`).toBe(PHASE_KINDS[PHASE_KINDS.indexOf(item.kind) + 1] ?? null);
      expect(phaseState(item, at(item.startsAt, -MS))).toBe("upcoming");
      expect(phaseState(item, item.startsAt)).toBe("current");
      expect(phaseState(item, at(item.endsAt, -MS))).toBe("current");
      expect(phaseState(item, item.endsAt)).toBe("past");
    }
    expect(currentPhase(oulu, at(oulu[0].startsAt, -MS))).toBeNull();
    expect(currentPhase(oulu, oulu[4].endsAt)).toBeNull();
  });

  it("accepts ISO strings (loader data) and any order", () => {
    const serialized = sortPhases(oulu.map((item) => ({ kind: item.kind, startsAt: item.startsAt.toISOString(), endsAt: item.endsAt.toISOString() })).reverse());
    expect(serialized.map((item) => item.kind)).toEqual([...PHASE_KINDS]);
    expect(currentPhase(serialized, phase("SUPPORTS").startsAt)?.kind).toBe("SUPPORTS");
  });

  it("handles the spring clock change: the supports phase starts at 04:00 local, one hour after 02:59:59 local", () => {
    const ideationEnd = phase("IDEATION").endsAt;
    expect(ideationEnd.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(currentPhase(oulu, local("2026-03-29T02:59:59", HELSINKI))?.kind).toBe("IDEATION");
    expect(currentPhase(oulu, new Date("2026-03-29T00:59:59.999Z"))?.kind).toBe("IDEATION");
    expect(currentPhase(oulu, new Date("2026-03-29T01:00:00.000Z"))?.kind).toBe("SUPPORTS");
  });

  it("handles the autumn clock change: a phase ending at 03:30 local ends at the first 03:30", () => {
    const reviewEnd = phase("REVIEW").endsAt;
    expect(reviewEnd.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(currentPhase(oulu, new Date("2026-10-25T00:29:59.999Z"))?.kind).toBe("REVIEW");
    // The second 03:30 (01:30 UTC) is already the results phase.
    expect(currentPhase(oulu, new Date("2026-10-25T01:30:00Z"))?.kind).toBe("RESULTS");
  });

  it("uses each city's own time zone: the same wall-clock dates are different instants", () => {
    const limerick = phasesIn(DUBLIN, ["2026-03-01T09:00", "2026-03-12T09:00", "2026-03-29T04:00", "2026-04-30T18:00", "2026-10-25T03:30", "2026-12-31T23:59"]);
    // 09:00 in Oulu is 07:00 UTC; 09:00 in Limerick is 09:00 UTC.
    const instant = new Date("2026-03-12T08:00:00Z");
    expect(currentPhase(oulu, instant)?.kind).toBe("IDEATION");
    expect(currentPhase(limerick, instant)?.kind).toBe("INFORMATION");
    expect(currentPhase(limerick, new Date("2026-03-12T09:00:00Z"))?.kind).toBe("IDEATION");
  });
});

describe("consultationStage", () => {
  it("says draft, upcoming, the phase, between phases and ended", () => {
    expect(consultationStage({ status: "DRAFT", phases: oulu }, phase("IDEATION").startsAt)).toBe("draft");
    expect(consultationStage(published, at(oulu[0].startsAt, -MS))).toBe("upcoming");
    expect(consultationStage(published, phase("SUPPORTS").startsAt)).toBe("SUPPORTS");
    expect(consultationStage(published, oulu[4].endsAt)).toBe("ended");
    const gap = oulu.map((item) => (item.kind === "SUPPORTS" ? { ...item, startsAt: at(item.startsAt, 3_600_000) } : item));
    expect(consultationStage({ status: "PUBLISHED", phases: gap }, phase("SUPPORTS").startsAt)).toBe("between");
    expect(consultationStage({ status: "PUBLISHED", phases: [] }, new Date())).toBe("upcoming");
  });
});

describe("phaseDenial", () => {
  const draft = { status: "DRAFT", phases: oulu };

  it("refuses everything on a draft", () => {
    for (const action of ["propose", "support", "comment", "join"] as const) {
      expect(phaseDenial(action, draft, phase("IDEATION").startsAt)).toEqual({ action, code: "draft" });
    }
  });

  it("proposing: only in IDEATION, from its start instant to one millisecond before its end", () => {
    const { startsAt, endsAt } = phase("IDEATION");
    expect(phaseDenial("propose", published, at(startsAt, -MS))).toEqual({ action: "propose", code: "notYet", opensAt: startsAt.toISOString() });
    expect(phaseDenial("propose", published, startsAt)).toBeNull();
    expect(phaseDenial("propose", published, at(endsAt, -MS))).toBeNull();
    expect(phaseDenial("propose", published, endsAt)).toEqual({ action: "propose", code: "closed", closedAt: endsAt.toISOString() });
  });

  it("supporting: only in SUPPORTS (which starts right after the spring clock change)", () => {
    const { startsAt, endsAt } = phase("SUPPORTS");
    expect(phaseDenial("support", published, at(startsAt, -MS))).toEqual({ action: "support", code: "notYet", opensAt: "2026-03-29T01:00:00.000Z" });
    expect(phaseDenial("support", published, startsAt)).toBeNull();
    expect(phaseDenial("support", published, at(endsAt, -MS))).toBeNull();
    expect(phaseDenial("support", published, endsAt)).toEqual({ action: "support", code: "closed", closedAt: endsAt.toISOString() });
  });

  it("commenting: from the first phase's start until REVIEW ends (inside the repeated autumn hour)", () => {
    const first = oulu[0].startsAt;
    const reviewEnd = phase("REVIEW").endsAt;
    expect(phaseDenial("comment", published, at(first, -MS))).toEqual({ action: "comment", code: "notYet", opensAt: first.toISOString() });
    expect(phaseDenial("comment", published, first)).toBeNull();
    expect(phaseDenial("comment", published, phase("SUPPORTS").startsAt)).toBeNull();
    expect(phaseDenial("comment", published, at(reviewEnd, -MS))).toBeNull();
    expect(phaseDenial("comment", published, reviewEnd)).toEqual({ action: "comment", code: "closed", closedAt: "2026-10-25T00:30:00.000Z" });
  });

  it("joining: from publication until RESULTS starts", () => {
    const resultsStart = phase("RESULTS").startsAt;
    expect(phaseDenial("join", published, new Date("2020-01-01T00:00:00Z"))).toBeNull();
    expect(phaseDenial("join", published, at(resultsStart, -MS))).toBeNull();
    expect(phaseDenial("join", published, resultsStart)).toEqual({ action: "join", code: "closed", closedAt: resultsStart.toISOString() });
  });

  it("refuses, without a date, an action whose phase is missing", () => {
    const noSupports = { status: "PUBLISHED", phases: oulu.filter((item) => item.kind !== "SUPPORTS" && item.kind !== "REVIEW") };
    expect(phaseDenial("support", noSupports, phase("SUPPORTS").startsAt)).toEqual({ action: "support", code: "closed", closedAt: null });
    expect(phaseDenial("comment", noSupports, phase("SUPPORTS").startsAt)).toEqual({ action: "comment", code: "closed", closedAt: null });
    expect(actionWindow("join", [])).toEqual({ opensAt: null, closesAt: null });
  });

  it("agrees with PHASE_ACTIONS in the middle, at the start and just before the end of every phase", () => {
    const actions: PhaseAction[] = ["propose", "support", "comment", "join"];
    for (const item of oulu) {
      const middle = new Date((item.startsAt.getTime() + item.endsAt.getTime()) / 2);
      for (const instant of [item.startsAt, middle, at(item.endsAt, -MS)]) {
        for (const action of actions) {
          const allowed = PHASE_ACTIONS[item.kind].includes(action);
          expect(phaseDenial(action, published, instant) === null, `${action} in ${item.kind} at ${instant.toISOString()}`).toBe(allowed);
        }
      }
    }
  });
});

describe("support limit", () => {
  const limited = { ...published, supportLimit: 5 };
  const during = phase("SUPPORTS").startsAt;

  it("counts what is left, never below zero", () => {
    expect(remainingSupports(5, 2)).toBe(3);
    expect(remainingSupports(5, 5)).toBe(0);
    expect(remainingSupports(3, 5)).toBe(0);
    expect(remainingSupports(5, -1)).toBe(5);
    expect(supportQuota(5, 2)).toEqual({ limit: 5, used: 2, remaining: 3 });
    expect(supportQuota(5, undefined)).toEqual({ limit: 5, used: 0, remaining: 5 });
    expect(supportQuota(null, 2)).toBeNull();
  });

  it("refuses one more support at the limit, but not withdrawing one already given", () => {
    expect(supportPhaseDenial(limited, during, { used: 4, alreadySupported: false })).toBeNull();
    expect(supportPhaseDenial(limited, during, { used: 5, alreadySupported: false })).toEqual({ action: "support", code: "limitReached", limit: 5 });
    expect(supportPhaseDenial(limited, during, { used: 5, alreadySupported: true })).toBeNull();
    expect(supportPhaseDenial(published, during, { used: 500, alreadySupported: false })).toBeNull();
  });

  it("reports the phase before the limit", () => {
    expect(supportPhaseDenial(limited, at(during, -MS), { used: 5, alreadySupported: false })).toMatchObject({ code: "notYet" });
  });
});

describe("results", () => {
  it("may be published only during RESULTS", () => {
    const { startsAt, endsAt } = phase("RESULTS");
    expect(resultsDenial({ status: "DRAFT", phases: oulu }, startsAt)).toBe("draft");
    expect(resultsDenial(published, at(startsAt, -MS))).toBe("notResultsPhase");
    expect(resultsDenial(published, startsAt)).toBeNull();
    expect(resultsDenial(published, at(endsAt, -MS))).toBeNull();
    expect(resultsDenial(published, endsAt)).toBe("notResultsPhase");
  });

  it("ranks ideas from the start of RESULTS on", () => {
    const { startsAt, endsAt } = phase("RESULTS");
    expect(showsRanking(published, at(startsAt, -MS))).toBe(false);
    expect(showsRanking(published, startsAt)).toBe(true);
    expect(showsRanking(published, endsAt)).toBe(true);
    expect(showsRanking({ status: "DRAFT", phases: oulu }, endsAt)).toBe(false);
  });
});

describe("the lifecycle policy with a phase refusal", () => {
  const idea = { status: "PUBLISHED" as const, authorId: "author", cityId: "oulu", hiddenAt: null, supportCount: 0, commentCount: 0 };
  const citizen = { id: "citizen", roles: [] };
  const closed = phaseDenial("support", published, phase("REVIEW").startsAt)!;

  it("a phase refusal is 'notOpen', before asking anonymous visitors to log in", () => {
    expect(supportDenial(idea, citizen, closed)).toBe("notOpen");
    expect(supportDenial(idea, null, closed)).toBe("notOpen");
    expect(supportDenial(idea, null, null)).toBe("signIn");
    expect(supportDenial(idea, citizen)).toBeNull();
    expect(supportDenial({ ...idea, hiddenAt: new Date() }, citizen, closed)).toBe("hidden");
    expect(commentDenial(idea, null, closed)).toBe("notOpen");
    expect(commentDenial(idea, citizen, null)).toBeNull();
  });
});
