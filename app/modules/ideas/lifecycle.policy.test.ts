import { describe, expect, it } from "vitest";
import {
  adminTargets,
  canView,
  COMMENTABLE_STATUSES,
  commentDenial,
  editDenial,
  findTransition,
  IDEA_STATUSES,
  isCityAdmin,
  isModerator,
  PUBLIC_STATUSES,
  SUPPORTABLE_STATUSES,
  supportDenial,
  TRANSITIONS,
  withdrawDenial,
  type Denial,
  type IdeaFacts,
  type IdeaStatus,
  type TransitionActor,
  type Viewer,
} from "./lifecycle.policy";

const OULU = "city-oulu";
const MESSINA = "city-messina";
const AUTHOR = "user-author";

const ACTORS: TransitionActor[] = ["AUTHOR", "MODERATOR", "CITY_ADMIN"];

// ---------------------------------------------------------------------------------------
// The transition table, written out by hand: "FROM>TO by ACTOR" with "reason" when the
// transition requires one. Every (from, to, actor) triple not listed must be refused.
// ---------------------------------------------------------------------------------------
const EXPECTED_TRANSITIONS: Record<string, "reason" | "no reason"> = {
  "SUBMITTED>PUBLISHED by MODERATOR": "no reason",
  "SUBMITTED>REJECTED by MODERATOR": "reason",

  "PUBLISHED>UNDER_REVIEW by CITY_ADMIN": "no reason",
  "UNDER_REVIEW>ACCEPTED by CITY_ADMIN": "no reason",
  "ACCEPTED>PILOTING by CITY_ADMIN": "no reason",
  "PILOTING>LAUNCHED by CITY_ADMIN": "no reason",
  "ACCEPTED>LAUNCHED by CITY_ADMIN": "no reason",

  "UNDER_REVIEW>PUBLISHED by CITY_ADMIN": "reason",
  "ACCEPTED>UNDER_REVIEW by CITY_ADMIN": "reason",
  "PILOTING>ACCEPTED by CITY_ADMIN": "reason",

  "PUBLISHED>REJECTED by CITY_ADMIN": "reason",
  "UNDER_REVIEW>REJECTED by CITY_ADMIN": "reason",
  "ACCEPTED>REJECTED by CITY_ADMIN": "reason",
  "PILOTING>REJECTED by CITY_ADMIN": "reason",

  "PUBLISHED>MERGED by CITY_ADMIN": "reason",
  "UNDER_REVIEW>MERGED by CITY_ADMIN": "reason",

  "SUBMITTED>WITHDRAWN by AUTHOR": "no reason",
  "PUBLISHED>WITHDRAWN by AUTHOR": "no reason",
  "UNDER_REVIEW>WITHDRAWN by AUTHOR": "no reason",
  "ACCEPTED>WITHDRAWN by AUTHOR": "no reason",
  "PILOTING>WITHDRAWN by AUTHOR": "no reason",
};

describe("transition table", () => {
  for (const from of IDEA_STATUSES) {
    for (const to of IDEA_STATUSES) {
      for (const actor of ACTORS) {
        const key = `${from}>${to} by ${actor}`;
        const expected = EXPECTED_TRANSITIONS[key];
        it(`${key}: ${expected ? `allowed, ${expected}` : "refused"}`, () => {
          const transition = findTransition(from, to, actor);
          if (!expected) {
            expect(transition).toBeUndefined();
            return;
          }
          expect(transition).toEqual({ from, to, by: actor, reasonRequired: expected === "reason" });
        });
      }
    }
  }

  it("has no duplicate and nothing beyond the expected list", () => {
    const keys = TRANSITIONS.map((transition) => `${transition.from}>${transition.to} by ${transition.by}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(EXPECTED_TRANSITIONS).sort());
  });

  it("never leaves a final state and never returns to SUBMITTED", () => {
    for (const transition of TRANSITIONS) {
      expect(["LAUNCHED", "REJECTED", "WITHDRAWN", "MERGED"]).not.toContain(transition.from);
      expect(transition.to).not.toBe("SUBMITTED");
    }
  });

  it("requires a reason for every rejection, merge and step back", () => {
    const order = ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"];
    for (const transition of TRANSITIONS) {
      const stepBack = order.includes(transition.from) && order.indexOf(transition.to) >= 0 && order.indexOf(transition.to) < order.indexOf(transition.from);
      if (transition.to === "REJECTED" || transition.to === "MERGED" || stepBack) {
        expect(transition.reasonRequired, `${transition.from}>${transition.to}`).toBe(true);
      }
    }
  });
});

describe("adminTargets (the city admin's choices, merge excluded: it has its own command)", () => {
  const expected: Record<IdeaStatus, IdeaStatus[]> = {
    SUBMITTED: [],
    PUBLISHED: ["UNDER_REVIEW", "REJECTED"],
    UNDER_REVIEW: ["ACCEPTED", "PUBLISHED", "REJECTED"],
    ACCEPTED: ["PILOTING", "LAUNCHED", "UNDER_REVIEW", "REJECTED"],
    PILOTING: ["LAUNCHED", "ACCEPTED", "REJECTED"],
    LAUNCHED: [],
    REJECTED: [],
    WITHDRAWN: [],
    MERGED: [],
  };
  for (const status of IDEA_STATUSES) {
    it(`from ${status}`, () => {
      expect([...adminTargets(status)].sort()).toEqual([...expected[status]].sort());
    });
  }
});

describe("status groups", () => {
  it("lists exactly the expected states", () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual(
      ["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED", "REJECTED", "WITHDRAWN", "MERGED"].sort(),
    );
    expect([...SUPPORTABLE_STATUSES].sort()).toEqual(["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING"].sort());
    expect([...COMMENTABLE_STATUSES].sort()).toEqual(["PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "PILOTING", "LAUNCHED"].sort());
  });
});

// ---------------------------------------------------------------------------------------
// Denials: every status × viewer kind, visible and hidden.
// ---------------------------------------------------------------------------------------
const VIEWER_KINDS = ["anonymous", "author", "citizen", "moderator", "otherModerator", "cityAdmin", "networkAdmin"] as const;
type ViewerKind = (typeof VIEWER_KINDS)[number];

const VIEWERS: Record<ViewerKind, Viewer> = {
  anonymous: null,
  author: { id: AUTHOR, roles: [] },
  citizen: { id: "user-citizen", roles: [] },
  moderator: { id: "user-moderator", roles: [{ role: "MODERATOR", cityId: OULU }] },
  otherModerator: { id: "user-other-moderator", roles: [{ role: "MODERATOR", cityId: MESSINA }] },
  cityAdmin: { id: "user-city-admin", roles: [{ role: "CITY_ADMIN", cityId: OULU }] },
  networkAdmin: { id: "user-network-admin", roles: [{ role: "NETWORK_ADMIN", cityId: null }] },
};

type Facts = IdeaFacts & { publishedAt: Date | null };

/** An idea in `status`; published (publishedAt set) unless it is still SUBMITTED. */
function facts(status: IdeaStatus, overrides: Partial<Facts> = {}): Facts {
  return {
    status,
    authorId: AUTHOR,
    cityId: OULU,
    hiddenAt: null,
    publishedAt: status === "SUBMITTED" ? null : new Date("2026-05-01T10:00:00Z"),
    supportCount: 0,
    commentCount: 0,
    ...overrides,
  };
}

type Row<T> = [T, T, T, T, T, T, T]; // in VIEWER_KINDS order
const all = <T,>(value: T): Row<T> => [value, value, value, value, value, value, value];

function checkTable<T>(name: string, table: Record<IdeaStatus, Row<T>>, decide: (status: IdeaStatus, viewer: Viewer) => T) {
  describe(name, () => {
    for (const status of IDEA_STATUSES) {
      VIEWER_KINDS.forEach((kind, column) => {
        const expected = table[status][column];
        it(`${status} × ${kind} → ${String(expected)}`, () => {
          expect(decide(status, VIEWERS[kind])).toBe(expected);
        });
      });
    }
  });
}

describe("isModerator / isCityAdmin by viewer kind", () => {
  const expected: Record<ViewerKind, [boolean, boolean]> = {
    anonymous: [false, false],
    author: [false, false],
    citizen: [false, false],
    moderator: [true, false],
    otherModerator: [false, false],
    cityAdmin: [true, true],
    networkAdmin: [true, true],
  };
  for (const kind of VIEWER_KINDS) {
    it(kind, () => {
      expect([isModerator(VIEWERS[kind], OULU), isCityAdmin(VIEWERS[kind], OULU)]).toEqual(expected[kind]);
    });
  }
});

//                         anonymous author citizen moderator otherMod cityAdmin netAdmin
const STAFF_AND_AUTHOR: Row<boolean> = [false, true, false, true, false, true, true];

checkTable<boolean>(
  "canView — visible ideas",
  {
    SUBMITTED: STAFF_AND_AUTHOR,
    PUBLISHED: all(true),
    UNDER_REVIEW: all(true),
    ACCEPTED: all(true),
    PILOTING: all(true),
    LAUNCHED: all(true),
    REJECTED: all(true),
    WITHDRAWN: all(true),
    MERGED: all(true),
  },
  (status, viewer) => canView(facts(status), viewer),
);

checkTable<boolean>(
  "canView — never published (rejected or withdrawn straight from the queue)",
  {
    SUBMITTED: STAFF_AND_AUTHOR,
    PUBLISHED: STAFF_AND_AUTHOR,
    UNDER_REVIEW: STAFF_AND_AUTHOR,
    ACCEPTED: STAFF_AND_AUTHOR,
    PILOTING: STAFF_AND_AUTHOR,
    LAUNCHED: STAFF_AND_AUTHOR,
    REJECTED: STAFF_AND_AUTHOR,
    WITHDRAWN: STAFF_AND_AUTHOR,
    MERGED: STAFF_AND_AUTHOR,
  },
  (status, viewer) => canView(facts(status, { publishedAt: null }), viewer),
);

checkTable<boolean>(
  "canView — hidden ideas (author and the city's moderators only)",
  {
    SUBMITTED: STAFF_AND_AUTHOR,
    PUBLISHED: STAFF_AND_AUTHOR,
    UNDER_REVIEW: STAFF_AND_AUTHOR,
    ACCEPTED: STAFF_AND_AUTHOR,
    PILOTING: STAFF_AND_AUTHOR,
    LAUNCHED: STAFF_AND_AUTHOR,
    REJECTED: STAFF_AND_AUTHOR,
    WITHDRAWN: STAFF_AND_AUTHOR,
    MERGED: STAFF_AND_AUTHOR,
  },
  (status, viewer) => canView(facts(status, { hiddenAt: new Date() }), viewer),
);

const OPEN_SUPPORT: Row<Denial | null> = ["signIn", "ownIdea", null, null, null, null, null];

checkTable<Denial | null>(
  "supportDenial — visible ideas",
  {
    SUBMITTED: all("notOpen"),
    PUBLISHED: OPEN_SUPPORT,
    UNDER_REVIEW: OPEN_SUPPORT,
    ACCEPTED: OPEN_SUPPORT,
    PILOTING: OPEN_SUPPORT,
    LAUNCHED: all("notOpen"),
    REJECTED: all("notOpen"),
    WITHDRAWN: all("notOpen"),
    MERGED: all("notOpen"),
  },
  (status, viewer) => supportDenial(facts(status), viewer),
);

checkTable<Denial | null>(
  "supportDenial — hidden ideas",
  Object.fromEntries(IDEA_STATUSES.map((status) => [status, all("hidden")])) as Record<IdeaStatus, Row<Denial | null>>,
  (status, viewer) => supportDenial(facts(status, { hiddenAt: "2026-02-01T00:00:00Z" }), viewer),
);

const OPEN_COMMENTS: Row<Denial | null> = ["signIn", null, null, null, null, null, null];

checkTable<Denial | null>(
  "commentDenial — visible ideas",
  {
    SUBMITTED: all("notOpen"),
    PUBLISHED: OPEN_COMMENTS,
    UNDER_REVIEW: OPEN_COMMENTS,
    ACCEPTED: OPEN_COMMENTS,
    PILOTING: OPEN_COMMENTS,
    LAUNCHED: OPEN_COMMENTS,
    REJECTED: all("notOpen"),
    WITHDRAWN: all("notOpen"),
    MERGED: all("notOpen"),
  },
  (status, viewer) => commentDenial(facts(status), viewer),
);

checkTable<Denial | null>(
  "commentDenial — hidden ideas",
  Object.fromEntries(IDEA_STATUSES.map((status) => [status, all("hidden")])) as Record<IdeaStatus, Row<Denial | null>>,
  (status, viewer) => commentDenial(facts(status, { hiddenAt: new Date() }), viewer),
);

// Only the author edits (not even moderators), and only before the idea is decided.
const EDIT_OPEN: Row<Denial | null> = ["signIn", null, "notAuthor", "notAuthor", "notAuthor", "notAuthor", "notAuthor"];
const EDIT_CLOSED: Row<Denial | null> = ["signIn", "notOpen", "notAuthor", "notAuthor", "notAuthor", "notAuthor", "notAuthor"];
const EDIT_ACTIVE: Row<Denial | null> = ["signIn", "hasActivity", "notAuthor", "notAuthor", "notAuthor", "notAuthor", "notAuthor"];
const editTable: Record<IdeaStatus, Row<Denial | null>> = {
  SUBMITTED: EDIT_OPEN,
  PUBLISHED: EDIT_OPEN,
  UNDER_REVIEW: EDIT_CLOSED,
  ACCEPTED: EDIT_CLOSED,
  PILOTING: EDIT_CLOSED,
  LAUNCHED: EDIT_CLOSED,
  REJECTED: EDIT_CLOSED,
  WITHDRAWN: EDIT_CLOSED,
  MERGED: EDIT_CLOSED,
};

checkTable<Denial | null>("editDenial — no activity yet", editTable, (status, viewer) => editDenial(facts(status), viewer));
checkTable<Denial | null>("editDenial — hidden ideas (the author may still fix them)", editTable, (status, viewer) =>
  editDenial(facts(status, { hiddenAt: new Date() }), viewer),
);
for (const activity of [{ supportCount: 1 }, { commentCount: 1 }]) {
  checkTable<Denial | null>(
    `editDenial — with ${Object.keys(activity)[0]} > 0`,
    { ...editTable, SUBMITTED: EDIT_ACTIVE, PUBLISHED: EDIT_ACTIVE },
    (status, viewer) => editDenial(facts(status, activity), viewer),
  );
}

const WITHDRAW_OPEN: Row<Denial | null> = ["signIn", null, "notAuthor", "notAuthor", "notAuthor", "notAuthor", "notAuthor"];
const WITHDRAW_CLOSED: Row<Denial | null> = ["signIn", "notOpen", "notAuthor", "notAuthor", "notAuthor", "notAuthor", "notAuthor"];
const withdrawTable: Record<IdeaStatus, Row<Denial | null>> = {
  SUBMITTED: WITHDRAW_OPEN,
  PUBLISHED: WITHDRAW_OPEN,
  UNDER_REVIEW: WITHDRAW_OPEN,
  ACCEPTED: WITHDRAW_OPEN,
  PILOTING: WITHDRAW_OPEN,
  LAUNCHED: WITHDRAW_CLOSED,
  REJECTED: WITHDRAW_CLOSED,
  WITHDRAWN: WITHDRAW_CLOSED,
  MERGED: WITHDRAW_CLOSED,
};
checkTable<Denial | null>("withdrawDenial", withdrawTable, (status, viewer) => withdrawDenial(facts(status), viewer));
checkTable<Denial | null>("withdrawDenial — hidden ideas", withdrawTable, (status, viewer) =>
  withdrawDenial(facts(status, { hiddenAt: new Date() }), viewer),
);

describe("roles never turn someone into the author", () => {
  it("an author who moderates the city still cannot support their own idea", () => {
    const authorModerator: Viewer = { id: AUTHOR, roles: [{ role: "MODERATOR", cityId: OULU }] };
    expect(supportDenial(facts("PUBLISHED"), authorModerator)).toBe("ownIdea");
    expect(canView(facts("SUBMITTED", { hiddenAt: new Date() }), authorModerator)).toBe(true);
  });
  it("a network admin who is not the author cannot edit or withdraw", () => {
    expect(editDenial(facts("SUBMITTED"), VIEWERS.networkAdmin)).toBe("notAuthor");
    expect(withdrawDenial(facts("PUBLISHED"), VIEWERS.networkAdmin)).toBe("notAuthor");
  });
  it("moderating another city gives nothing here", () => {
    expect(canView(facts("SUBMITTED", { cityId: OULU }), VIEWERS.otherModerator)).toBe(false);
    expect(canView(facts("SUBMITTED", { cityId: MESSINA }), VIEWERS.otherModerator)).toBe(true);
  });
});
