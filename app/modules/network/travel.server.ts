// Ideas that travel between cities: a signed-in person proposes a public idea of another
// city for a city of their choice ("inspired by Oulu"). The new idea stores inspiredById
// and the source's timeline gets a PROPOSED_ELSEWHERE event, both in submitIdea's
// transaction (app/modules/ideas/ideas.server.ts); this module finds and checks the source
// for the form and gathers the links both ways for the idea page.
import { listCities } from "~/modules/cities/cities.server";
import { parseIdeaNumber } from "~/modules/ideas/idea-form.server";
import { PUBLIC_STATUSES, type IdeaStatus, type Viewer } from "~/modules/ideas/lifecycle.policy";
import { db } from "~/utils/db.server";

/** The visibility rule of the public pages (lifecycle.policy canView, for everyone). */
const publicIdea = { status: { in: PUBLIC_STATUSES }, publishedAt: { not: null }, hiddenAt: null } as const;

export type TravelSource = {
  id: string;
  number: number;
  title: string;
  summary: string;
  body: string;
  language: string;
  city: { id: string; slug: string; name: string };
};

/** Why an `inspiredBy` value cannot be used: no public idea has that number, or it is of the target city. */
export type TravelRefusal = "unavailable" | "sameCity";

export type TravelSourceResult = { ok: true; source: TravelSource } | { ok: false; error: TravelRefusal };

/**
 * The idea `raw` (its public number, from ?inspiredBy= or the form) may be proposed from in
 * `targetCityId`: it exists, is public (published, not hidden) and belongs to another city.
 * Anything else — malformed, unknown, awaiting moderation, hidden — is "unavailable", the
 * same answer for each, so the check does not reveal ideas that are not public.
 */
export async function findTravelSource(raw: unknown, targetCityId: string): Promise<TravelSourceResult> {
  const number = typeof raw === "string" ? parseIdeaNumber(raw.trim()) : null;
  if (!number) return { ok: false, error: "unavailable" };
  const idea = await db.idea.findFirst({
    where: { number, ...publicIdea },
    select: { id: true, number: true, title: true, summary: true, body: true, language: true, city: { select: { id: true, slug: true, name: true } } },
  });
  if (!idea) return { ok: false, error: "unavailable" };
  if (idea.city.id === targetCityId) return { ok: false, error: "sameCity" };
  return { ok: true, source: idea };
}

export type TravelLink = {
  number: number;
  title: string;
  language: string;
  status: IdeaStatus;
  city: { slug: string; name: string };
};

export type TravelLinks = {
  /** The public idea this one was proposed from. */
  inspiredBy: TravelLink | null;
  /** Public ideas proposed from this one in other cities, oldest first. */
  proposedElsewhere: TravelLink[];
  /** What the "Propose this for my city" panel offers the viewer (null: not offered). */
  propose: { homeCity: { slug: string; name: string } | null; cities: { slug: string; name: string }[] } | null;
};

const PROPOSED_ELSEWHERE_LIMIT = 50;

const linkSelect = { number: true, title: true, language: true, status: true, city: { select: { slug: true, name: true } } } as const;

/**
 * Where else the idea has been proposed and what became of it there, and whether the viewer
 * may propose it for another city. Only public linked ideas are shown, to everyone: an idea
 * awaiting moderation or hidden in its own city is not revealed on another city's page.
 */
export async function getTravelLinks(
  idea: { id: string; city: { id: string }; status: IdeaStatus; publishedAt: Date | string | null; hidden: boolean },
  viewer: Viewer,
): Promise<TravelLinks> {
  const [row, person, cities] = await Promise.all([
    db.idea.findUnique({
      where: { id: idea.id },
      select: {
        inspiredBy: { select: { ...linkSelect, status: true, publishedAt: true, hiddenAt: true } },
        inspired: { where: publicIdea, select: linkSelect, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], take: PROPOSED_ELSEWHERE_LIMIT },
      },
    }),
    viewer ? db.user.findUnique({ where: { id: viewer.id }, select: { homeCity: { select: { id: true, slug: true, name: true } } } }) : null,
    viewer ? listCities() : Promise.resolve([]),
  ]);
  const source = row?.inspiredBy;
  const sourceIsPublic = Boolean(source && source.publishedAt && !source.hiddenAt && PUBLIC_STATUSES.includes(source.status));
  const ideaIsPublic = idea.status !== "SUBMITTED" && Boolean(idea.publishedAt) && !idea.hidden;
  const homeCity = person?.homeCity ?? null;
  // Offered on other cities' public ideas: a person's own city is where their ideas start.
  const offer = viewer && ideaIsPublic && homeCity?.id !== idea.city.id;
  return {
    inspiredBy: source && sourceIsPublic ? { number: source.number, title: source.title, language: source.language, status: source.status, city: source.city } : null,
    proposedElsewhere: row?.inspired ?? [],
    propose: offer
      ? {
          homeCity: homeCity ? { slug: homeCity.slug, name: homeCity.name } : null,
          cities: cities.filter((city) => city.id !== idea.city.id).map(({ slug, name }) => ({ slug, name })),
        }
      : null,
  };
}

