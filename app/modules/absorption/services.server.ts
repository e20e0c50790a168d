// A city's digital services: its piloting and launched ideas, with where they came from,
// who built them, where to find them and whether people use them.
import type { Viewer } from "~/modules/ideas/lifecycle.policy";
import { db } from "~/utils/db.server";
import { adoptionFiguresFor, emptyFigures, findOwnFeedback, publishedMissingTexts, type AdoptionFigures } from "./feedback.server";

/** Only web links are ever rendered as the service's address. */
export function safeServiceUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export type CityService = {
  id: string;
  number: number;
  title: string;
  summary: string;
  language: string;
  status: "PILOTING" | "LAUNCHED";
  serviceUrl: string | null;
  dates: {
    submitted: string;
    published: string | null;
    accepted: string | null;
    pilotStarts: string | null;
    pilotEnds: string | null;
    launched: string | null;
  };
  partners: { slug: string; name: string }[];
  figures: AdoptionFigures;
  missing: { id: string; text: string }[];
};

/** The city's piloting and launched ideas that are public, launched first then newest. */
export async function listCityServices(cityId: string): Promise<CityService[]> {
  const ideas = await db.idea.findMany({
    where: { cityId, status: { in: ["PILOTING", "LAUNCHED"] }, hiddenAt: null, publishedAt: { not: null } },
    orderBy: { number: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      title: true,
      summary: true,
      language: true,
      status: true,
      serviceUrl: true,
      createdAt: true,
      publishedAt: true,
      launchedAt: true,
      events: { where: { toStatus: "ACCEPTED" }, orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } },
      pilot: {
        select: {
          startsAt: true,
          endsAt: true,
          partners: {
            where: { organization: { hiddenAt: null } },
            orderBy: { createdAt: "asc" },
            select: { organization: { select: { slug: true, name: true } } },
          },
        },
      },
    },
  });
  // Launched services first (newest launch first), then pilots: sorted here because enum
  // order and NULL placement differ between the two databases.
  ideas.sort(
    (a, b) =>
      Number(b.status === "LAUNCHED") - Number(a.status === "LAUNCHED") ||
      (b.launchedAt?.getTime() ?? 0) - (a.launchedAt?.getTime() ?? 0) ||
      b.number - a.number,
  );
  const ids = ideas.map((idea) => idea.id);
  const [figures, texts] = await Promise.all([adoptionFiguresFor(ids), publishedMissingTexts(ids)]);
  return ideas.map((idea) => ({
    id: idea.id,
    number: idea.number,
    title: idea.title,
    summary: idea.summary,
    language: idea.language,
    status: idea.status as CityService["status"],
    serviceUrl: idea.status === "LAUNCHED" ? safeServiceUrl(idea.serviceUrl) : null,
    dates: {
      submitted: idea.createdAt.toISOString(),
      published: idea.publishedAt?.toISOString() ?? null,
      accepted: idea.events[0]?.createdAt.toISOString() ?? null,
      pilotStarts: idea.pilot?.startsAt.toISOString() ?? null,
      pilotEnds: idea.pilot?.endsAt.toISOString() ?? null,
      launched: idea.launchedAt?.toISOString() ?? null,
    },
    partners: idea.pilot?.partners.map((partner) => partner.organization) ?? [],
    figures: figures.get(idea.id) ?? emptyFigures(),
    missing: texts.get(idea.id) ?? [],
  }));
}

export type AdoptionPanelData = {
  figures: AdoptionFigures;
  missing: { id: string; text: string }[];
  serviceUrl: string | null;
  feedbackPath: string;
  /** The viewer's own answer (null: none yet, or not signed in). */
  own: { usage: string; ease: number | null } | null;
};

/** What the idea page shows about a launched service's adoption (null for other ideas). */
export async function adoptionPanelFor(
  idea: { id: string; number: number; status: string; hidden: boolean; citySlug: string; serviceUrl?: string | null },
  viewer: Viewer,
): Promise<AdoptionPanelData | null> {
  if (idea.status !== "LAUNCHED" || idea.hidden) return null;
  const [figures, texts, own, row] = await Promise.all([
    adoptionFiguresFor([idea.id]),
    publishedMissingTexts([idea.id]),
    findOwnFeedback(idea.id, viewer?.id),
    idea.serviceUrl === undefined ? db.idea.findUnique({ where: { id: idea.id }, select: { serviceUrl: true } }) : null,
  ]);
  return {
    figures: figures.get(idea.id) ?? emptyFigures(),
    missing: texts.get(idea.id) ?? [],
    serviceUrl: safeServiceUrl(idea.serviceUrl ?? row?.serviceUrl),
    feedbackPath: `/cities/${idea.citySlug}/ideas/${idea.number}/feedback`,
    own: own ? { usage: own.usage, ease: own.ease } : null,
  };
}

/** The launched, public idea of this city and number that feedback is about, or null. */
export async function findLaunchedIdea(cityId: string, number: number) {
  return db.idea.findFirst({
    where: { cityId, number, status: "LAUNCHED", hiddenAt: null, publishedAt: { not: null } },
    select: { id: true, number: true, title: true, language: true, serviceUrl: true },
  });
}
