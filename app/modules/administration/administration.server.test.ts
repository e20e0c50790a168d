import { describe, expect, it } from "vitest";
import type { Role } from "~/modules/accounts/roles.policy";
import { submitIdea } from "~/modules/ideas/ideas.server";
import { castSupport } from "~/modules/supports/supports.server";
import { supportWeight } from "~/modules/supports/trend";
import { createIdea, createUser } from "~/testing/factories";
import { db } from "~/utils/db.server";
import {
  answerIdea,
  createCategory,
  renameCategory,
  setCategoryArchived,
  updateCitySettings,
} from "./city-admin.server";
import { mergeIdeas } from "./merge.server";
import { grantRole, revokeRole } from "./roles-admin.server";
import {
  bucketByWeek,
  getCityStatistics,
  ideasCsv,
  weekStart,
  weekStarts,
} from "./statistics.server";

async function cityId(slug: string) {
  return (
    await db.city.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  ).id;
}

async function actor(roles: (oulu: string, messina: string) => Role[]) {
  const user = await createUser();
  return {
    id: user.id,
    roles: roles(await cityId("oulu"), await cityId("messina")),
  };
}

const cityAdmin = () => actor((oulu) => [{ role: "CITY_ADMIN", cityId: oulu }]);
const otherCityAdmin = () =>
  actor((_oulu, messina) => [{ role: "CITY_ADMIN", cityId: messina }]);
const moderator = () => actor((oulu) => [{ role: "MODERATOR", cityId: oulu }]);
const citizen = () => actor(() => []);
const networkAdmin = () =>
  actor(() => [{ role: "NETWORK_ADMIN", cityId: null }]);

async function supporters(ideaId: string, count: number) {
  const people = await Promise.all(
    Array.from({ length: count }, () => createUser())
  );
  for (const person of people)
    expect((await castSupport(ideaId, { id: person.id, roles: [] })).ok).toBe(
      true
    );
  return people;
}

async function ideaRow(id: string) {
  return db.idea.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      mergedIntoId: true,
      supportCount: true,
      trendScore: true,
      officialAnswer: true,
    },
  });
}

async function auditCount(targetId: string, action: string) {
  return db.auditLogEntry.count({ where: { targetId, action } });
}

describe("mergeIdeas", () => {
  it("merges a duplicate: MERGED with a link, supporters carried over once, both timelines, audited", async () => {
    const admin = await cityAdmin();
    const kept = await createIdea();
    const duplicate = await createIdea();
    const both = await supporters(kept.id, 2);
    for (const person of both)
      expect(
        (await castSupport(duplicate.id, { id: person.id, roles: [] })).ok
      ).toBe(true);
    await supporters(duplicate.id, 3);
    // The kept idea's author supported the duplicate: they cannot support their own idea.
    expect(
      (await castSupport(duplicate.id, { id: kept.authorId, roles: [] })).ok
    ).toBe(true);

    const result = await mergeIdeas({
      cityId: kept.cityId,
      duplicateNumber: duplicate.number,
      keptNumber: kept.number,
      reason: "Same proposal",
      actor: admin,
    });
    expect(result).toEqual({ ok: true, carried: 3, supportCount: 5 });

    const keptRow = await ideaRow(kept.id);
    const rows = await db.support.findMany({
      where: { ideaId: kept.id },
      select: { userId: true, weight: true },
    });
    expect(keptRow.supportCount).toBe(5);
    expect(rows).toHaveLength(5);
    expect(rows.some((row) => row.userId === kept.authorId)).toBe(false);
    const sum = rows.reduce((total, row) => total + row.weight, 0);
    expect(Math.abs(keptRow.trendScore - sum)).toBeLessThanOrEqual(
      1e-9 * supportWeight()
    );
    const dupRow = await ideaRow(duplicate.id);
    expect(dupRow.status).toBe("MERGED");
    expect(dupRow.mergedIntoId).toBe(kept.id);
    // The duplicate keeps its own supports (history) and its comments stay on its page.
    expect(dupRow.supportCount).toBe(6);
    expect(
      await db.ideaEvent.count({
        where: { ideaId: duplicate.id, type: "MERGED", toStatus: "MERGED" },
      })
    ).toBe(1);
    expect(
      await db.ideaEvent.count({ where: { ideaId: kept.id, type: "MERGED" } })
    ).toBe(1);
    expect(await auditCount(duplicate.id, "idea.merge")).toBe(1);
  });

  it("refuses merging into itself, into a merged idea, across cities, and by the wrong people — no row changed", async () => {
    const admin = await cityAdmin();
    const a = await createIdea();
    const b = await createIdea();
    const c = await createIdea();
    const foreign = await createIdea({ citySlug: "messina" });
    const merge = (duplicate: number, kept: number, who = admin) =>
      mergeIdeas({
        cityId: a.cityId,
        duplicateNumber: duplicate,
        keptNumber: kept,
        reason: "dup",
        actor: who,
      });

    expect(await merge(a.number, a.number)).toEqual({
      ok: false,
      error: "self",
    });
    expect(await merge(a.number, foreign.number)).toEqual({
      ok: false,
      error: "otherCity",
    });
    expect(await merge(foreign.number, a.number)).toEqual({
      ok: false,
      error: "otherCity",
    });
    expect(await merge(a.number, 99_999_999)).toEqual({
      ok: false,
      error: "keptNotFound",
    });
    expect(await merge(99_999_999, a.number)).toEqual({
      ok: false,
      error: "duplicateNotFound",
    });
    expect(await merge(a.number, b.number, await otherCityAdmin())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await merge(a.number, b.number, await moderator())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await merge(a.number, b.number, await citizen())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect((await ideaRow(a.id)).status).toBe("PUBLISHED");

    expect((await merge(b.number, c.number)).ok).toBe(true);
    expect(await merge(a.number, b.number)).toEqual({
      ok: false,
      error: "keptMerged",
    });
    expect(await merge(b.number, a.number)).toEqual({
      ok: false,
      error: "duplicateNotMergeable",
    });
    const submitted = await createIdea({ published: false });
    expect(await merge(a.number, submitted.number)).toEqual({
      ok: false,
      error: "keptNotOpen",
    });
    expect((await ideaRow(a.id)).status).toBe("PUBLISHED");
    expect(await auditCount(a.id, "idea.merge")).toBe(0);
  });

  it("a network admin may merge in any city", async () => {
    const kept = await createIdea({ citySlug: "messina" });
    const duplicate = await createIdea({ citySlug: "messina" });
    const result = await mergeIdeas({
      cityId: kept.cityId,
      duplicateNumber: duplicate.number,
      keptNumber: kept.number,
      reason: "dup",
      actor: await networkAdmin(),
    });
    expect(result.ok).toBe(true);
  });

  it("two merges of the same duplicate at once: exactly one wins", async () => {
    const admin = await cityAdmin();
    const duplicate = await createIdea();
    const first = await createIdea();
    const second = await createIdea();
    await supporters(duplicate.id, 2);
    const results = await Promise.all(
      [first, second].map((kept) =>
        mergeIdeas({
          cityId: kept.cityId,
          duplicateNumber: duplicate.number,
          keptNumber: kept.number,
          reason: "dup",
          actor: admin,
        })
      )
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const counts = [
      (await ideaRow(first.id)).supportCount,
      (await ideaRow(second.id)).supportCount,
    ].sort();
    expect(counts).toEqual([0, 2]);
  });
});

describe("official status changes and answers are audited", () => {
  it("answerIdea sets the answer, adds an ANSWERED event and an audit entry; others are refused", async () => {
    const idea = await createIdea();
    expect(
      await answerIdea(
        idea.id,
        await otherCityAdmin(),
        "An answer long enough."
      )
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await answerIdea(idea.id, await moderator(), "An answer long enough.")
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await answerIdea("forged-id", await cityAdmin(), "An answer long enough.")
    ).toEqual({ ok: false, error: "notFound" });
    expect((await ideaRow(idea.id)).officialAnswer).toBeNull();
    expect(
      await answerIdea(
        idea.id,
        await cityAdmin(),
        "We will study this in 2027."
      )
    ).toEqual({ ok: true });
    expect((await ideaRow(idea.id)).officialAnswer).toBe(
      "We will study this in 2027."
    );
    expect(
      await db.ideaEvent.count({ where: { ideaId: idea.id, type: "ANSWERED" } })
    ).toBe(1);
    expect(await auditCount(idea.id, "idea.answer")).toBe(1);
    // The author hears of it (the actor, a city admin, does not).
    const authorId = (await db.idea.findUniqueOrThrow({ where: { id: idea.id }, select: { authorId: true } })).authorId;
    expect(await db.notification.count({ where: { userId: authorId, kind: "IDEA_ANSWERED", ideaId: idea.id } })).toBe(1);
    const submitted = await createIdea({ published: false });
    expect(
      await answerIdea(
        submitted.id,
        await cityAdmin(),
        "Too early for an answer."
      )
    ).toEqual({ ok: false, error: "notOpen" });
  });

  it("publishing, status changes and rejections write audit entries", async () => {
    const { setIdeaStatus, rejectIdea } = await import(
      "~/modules/ideas/ideas.server"
    );
    const idea = await createIdea();
    expect(await auditCount(idea.id, "idea.publish")).toBe(1);
    const admin = await cityAdmin();
    expect(
      (await setIdeaStatus(idea.id, "UNDER_REVIEW", admin.id, null)).ok
    ).toBe(true);
    expect(await auditCount(idea.id, "idea.status")).toBe(1);
    expect(await rejectIdea(idea.id, admin.id, "", "CITY_ADMIN")).toEqual({
      ok: false,
      error: "reasonRequired",
    });
    expect(await auditCount(idea.id, "idea.reject")).toBe(0);
    expect(
      (
        await rejectIdea(
          idea.id,
          admin.id,
          "Not in our remit, sorry.",
          "CITY_ADMIN"
        )
      ).ok
    ).toBe(true);
    expect(await auditCount(idea.id, "idea.reject")).toBe(1);
  });
});

describe("categories and settings", () => {
  it("creates, renames and archives a city's own category; other cities' admins and moderators are refused", async () => {
    const oulu = await cityId("oulu");
    const admin = await cityAdmin();
    expect(
      await createCategory(oulu, await otherCityAdmin(), {
        en: "Harbour",
        ro: "",
      })
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await createCategory(oulu, await moderator(), { en: "Harbour", ro: "" })
    ).toEqual({ ok: false, error: "forbidden" });
    const created = await createCategory(oulu, admin, {
      en: " Harbour ",
      ro: "Port",
    });
    if (!created.ok) throw new Error("not created");
    const row = await db.category.findUniqueOrThrow({
      where: { id: created.id },
    });
    expect(row).toMatchObject({
      cityId: oulu,
      names: { en: "Harbour", ro: "Port" },
      archivedAt: null,
    });
    expect(
      await renameCategory(oulu, admin, created.id, {
        en: "Harbour and ferries",
        ro: "",
      })
    ).toEqual({ ok: true });
    expect(
      (await db.category.findUniqueOrThrow({ where: { id: created.id } })).names
    ).toEqual({ en: "Harbour and ferries" });
    // A network category or another city's category is not this city's to change.
    const network = await db.category.findUniqueOrThrow({
      where: { slug: "mobility" },
    });
    expect(
      await renameCategory(oulu, admin, network.id, { en: "Hacked", ro: "" })
    ).toEqual({ ok: false, error: "notFound" });
    expect(
      await renameCategory(
        await cityId("messina"),
        await otherCityAdmin(),
        created.id,
        { en: "Hacked", ro: "" }
      )
    ).toEqual({ ok: false, error: "notFound" });
    expect(await setCategoryArchived(oulu, admin, created.id, true)).toEqual({
      ok: true,
    });
    expect(await setCategoryArchived(oulu, admin, created.id, true)).toEqual({
      ok: false,
      error: "conflict",
    });
    expect(
      (await db.category.findUniqueOrThrow({ where: { id: created.id } }))
        .archivedAt
    ).not.toBeNull();
    expect(
      await db.auditLogEntry.count({ where: { targetId: created.id } })
    ).toBe(3);
  });

  it("pre-moderation off publishes new ideas at once; settings changes are audited", async () => {
    const city = await cityId("ventspils");
    const admin = await actor(() => [{ role: "CITY_ADMIN", cityId: city }]);
    expect(
      await updateCitySettings(city, await cityAdmin(), {
        preModeration: false,
        reportThreshold: 5,
      })
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await updateCitySettings(city, admin, {
        preModeration: false,
        reportThreshold: 5,
      })
    ).toEqual({ ok: true });
    expect(
      await db.city.findUniqueOrThrow({
        where: { id: city },
        select: { preModeration: true, reportThreshold: true },
      })
    ).toEqual({ preModeration: false, reportThreshold: 5 });
    expect(await auditCount(city, "city.settings")).toBe(1);
    const author = await createUser({ citySlug: "ventspils" });
    const category = await db.category.findUniqueOrThrow({
      where: { slug: "mobility" },
    });
    const idea = await submitIdea({
      cityId: city,
      authorId: author.id,
      categoryId: category.id,
      title: "Open bus data",
      summary: "Publish timetables as open data for apps.",
      body: "Body",
      language: "en",
    });
    expect(idea.status).toBe("PUBLISHED");
    const row = await db.idea.findUniqueOrThrow({
      where: { id: idea.id },
      select: { status: true, publishedAt: true },
    });
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).not.toBeNull();
    expect(
      await updateCitySettings(city, admin, {
        preModeration: true,
        reportThreshold: 3,
      })
    ).toEqual({ ok: true });
    const later = await submitIdea({
      cityId: city,
      authorId: author.id,
      categoryId: category.id,
      title: "Open bus data 2",
      summary: "Publish timetables as open data for apps.",
      body: "Body",
      language: "en",
    });
    expect(later.status).toBe("SUBMITTED");
  });
});

describe("roles", () => {
  it("a network admin grants and revokes city roles; duplicates and unknown people are refused; others are forbidden", async () => {
    const admin = await networkAdmin();
    const person = await createUser();
    const grant = (
      who: { id: string; roles: readonly Role[] },
      role: "MODERATOR" | "CITY_ADMIN" | "NETWORK_ADMIN" = "MODERATOR"
    ) =>
      grantRole(who, {
        email: person.email.toUpperCase(),
        role,
        citySlug: "oulu",
      });
    expect(await grant(await cityAdmin())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await grant(admin)).toEqual({ ok: true });
    expect(await grant(admin)).toEqual({ ok: false, error: "already" });
    expect(
      await grantRole(admin, {
        email: "nobody@test.example",
        role: "MODERATOR",
        citySlug: "oulu",
      })
    ).toEqual({ ok: false, error: "userNotFound" });
    expect(
      await grantRole(admin, {
        email: person.email,
        role: "MODERATOR",
        citySlug: "atlantis",
      })
    ).toEqual({ ok: false, error: "cityNotFound" });
    const assignment = await db.roleAssignment.findFirstOrThrow({
      where: { userId: person.id, role: "MODERATOR" },
    });
    expect(assignment.cityId).toBe(await cityId("oulu"));
    expect(await auditCount(person.id, "role.grant")).toBe(1);
    expect(await revokeRole(await cityAdmin(), assignment.id)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await revokeRole(admin, "forged")).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await revokeRole(admin, assignment.id)).toEqual({ ok: true });
    expect(await auditCount(person.id, "role.revoke")).toBe(1);
  });

  it("refuses revoking one's own last network-admin role", async () => {
    await db.roleAssignment.deleteMany({ where: { role: "NETWORK_ADMIN" } });
    const user = await createUser();
    const own = await db.roleAssignment.create({
      data: { userId: user.id, role: "NETWORK_ADMIN", scope: "network" },
    });
    const me = {
      id: user.id,
      roles: [{ role: "NETWORK_ADMIN" as const, cityId: null }],
    };
    expect(await revokeRole(me, own.id)).toEqual({
      ok: false,
      error: "lastNetworkAdmin",
    });
    expect(await db.roleAssignment.count({ where: { id: own.id } })).toBe(1);
    const second = await createUser();
    expect(
      await grantRole(me, {
        email: second.email,
        role: "NETWORK_ADMIN",
        citySlug: "",
      })
    ).toEqual({ ok: true });
    expect(await revokeRole(me, own.id)).toEqual({ ok: true });
  });
});

describe("statistics and CSV", () => {
  it("buckets by UTC week starting on Monday", () => {
    expect(weekStart(new Date("2026-11-29T23:00:00Z")).toISOString()).toBe(
      "2026-11-23T00:00:00.000Z"
    );
    expect(weekStart(new Date("2026-11-30T01:00:00Z")).toISOString()).toBe(
      "2026-11-30T00:00:00.000Z"
    );
    const starts = weekStarts(new Date("2026-11-30T10:00:00Z"), 2);
    expect(
      bucketByWeek(
        [
          new Date("2026-11-24"),
          new Date("2026-11-30T05:00:00Z"),
          new Date("2026-01-01"),
        ],
        starts
      )
    ).toEqual([1, 1]);
  });

  it("counts participants, ideas by status and category, and supports per week", async () => {
    // A city of its own: other test files (the demo seed) fill the network's cities at the same time.
    const slug = `stats-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const city = (
      await db.city.create({
        data: { slug, name: "Statistown", countryCode: "IE", defaultLocale: "en", timeZone: "Europe/Dublin" },
        select: { id: true },
      })
    ).id;
    const idea = await createIdea({ citySlug: slug });
    await supporters(idea.id, 2);
    const stats = await getCityStatistics(city);
    // The author, the moderator who published (no participation) is not counted; two supporters.
    expect(stats.participants).toBe(3);
    expect(
      stats.ideasByStatus.find((row) => row.status === "PUBLISHED")?.count
    ).toBe(1);
    expect(stats.ideasByCategory).toEqual([
      expect.objectContaining({ slug: "mobility", count: 1 }),
    ]);
    expect(stats.weekly.at(-1)?.supports).toBe(2);
    expect(stats.weekly.reduce((sum, week) => sum + week.ideas, 0)).toBe(1);
    expect(stats.totals).toEqual({ ideas: 1, supports: 2, comments: 0 });
  });

  it("exports ideas as CSV with formula cells neutralised", async () => {
    const idea = await createIdea({
      citySlug: "portalegre",
      title: '=HYPERLINK("http://evil","x")',
    });
    const csv = await ideasCsv({
      cityId: await cityId("portalegre"),
      citySlug: "portalegre",
      origin: "http://x",
      locale: "en",
      t: (key) => key.split(".").at(-1) ?? key,
    });
    const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "number,title,status,hidden,category,consultation,supports,comments,created,published,mergedInto,officialAnswer,url"
    );
    // Other ideas of the city may be listed too: find this one's row.
    const row = lines.find((line) => line.startsWith(`${idea.number},`));
    expect(row).toContain(
      `${idea.number},"'=HYPERLINK(""http://evil"",""x"")"`
    );
  });
});

describe("a city's own categories in idea forms", () => {
  it("are offered and accepted in their city only, not once archived, and named per locale", async () => {
    const { ideaFormChoices, resolveIdeaReferences } = await import(
      "~/modules/ideas/idea-form.server"
    );
    const { IdeaSchema } = await import("~/modules/ideas/ideas.schema");
    const { categoryLabel } = await import("~/modules/categories/categories");
    const oulu = await cityId("oulu");
    const messina = await cityId("messina");
    const admin = await cityAdmin();
    const created = await createCategory(oulu, admin, {
      en: "Saunas",
      ro: "Saune",
    });
    if (!created.ok) throw new Error("not created");
    const { slug } = await db.category.findUniqueOrThrow({
      where: { id: created.id },
      select: { slug: true },
    });
    const author = await createUser();

    const choices = await ideaFormChoices(oulu, author.id);
    expect(choices.categories).toContainEqual({
      slug,
      names: { en: "Saunas", ro: "Saune" },
    });
    expect(
      (await ideaFormChoices(messina, author.id)).categories.some(
        (category) => category.slug === slug
      )
    ).toBe(false);
    expect(
      IdeaSchema.safeParse({
        title: "Sauna booking online",
        summary: "Book a public sauna slot from the city app.",
        body: "Body text",
        category: slug,
        language: "en",
      }).success
    ).toBe(true);
    expect(
      IdeaSchema.safeParse({
        title: "Sauna booking online",
        summary: "Book a public sauna slot from the city app.",
        body: "Body text",
        category: "made-up",
        language: "en",
      }).success
    ).toBe(false);

    expect(
      await resolveIdeaReferences(
        { category: slug },
        { cityId: oulu, userId: author.id }
      )
    ).toEqual({
      ok: true,
      categoryId: created.id,
      consultationId: null,
      organizationId: null,
    });
    expect(
      (
        await resolveIdeaReferences(
          { category: slug },
          { cityId: messina, userId: author.id }
        )
      ).ok
    ).toBe(false);
    await setCategoryArchived(oulu, admin, created.id, true);
    expect(
      (
        await resolveIdeaReferences(
          { category: slug },
          { cityId: oulu, userId: author.id }
        )
      ).ok
    ).toBe(false);

    const t = (key: string) => `translated:${key}`;
    expect(
      categoryLabel(t, { slug, names: { en: "Saunas", ro: "Saune" } }, "ro")
    ).toBe("Saune");
    expect(categoryLabel(t, { slug, names: { en: "Saunas" } }, "ro")).toBe(
      "Saunas"
    );
    expect(categoryLabel(t, { slug, names: { fi: "Saunat" } }, "ro")).toBe(
      "Saunat"
    );
    expect(categoryLabel(t, { slug: "mobility" }, "ro")).toBe(
      "translated:categories:mobility"
    );
  });
});
