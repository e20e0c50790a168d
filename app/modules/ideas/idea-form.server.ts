// Server side of the propose/edit idea form: the choices it offers, the checks the
// shared schema cannot make (they need the database), and the similar-ideas lookup.
import { categoryNames } from "~/modules/categories/categories";
import { findCategoryForCity, listActiveCityCategories } from "~/modules/categories/categories.server";
import { phaseDenial } from "~/modules/consultations/phases.policy";
import { db } from "~/utils/db.server";
import { BODY_MAX, normalizeLine, normalizeMarkdown, SIMILAR_QUERY_MAX, worthSimilarLookup, type IdeaEditInput, type IdeaInput } from "./ideas.schema";
import { PUBLIC_STATUSES, type IdeaStatus } from "./lifecycle.policy";
import { renderMarkdown } from "./markdown.server";
import { similarIdeaIds } from "./search.server";

export type IdeaFormChoices = {
  consultations: { id: string; title: string }[];
  organizations: { id: string; name: string }[];
  /** The city's own categories (network categories come from CATEGORY_SLUGS). */
  categories: { slug: string; names: Record<string, string> }[];
};

const CHOICES_LIMIT = 100;

/**
 * The city's consultations that take ideas now (published, in their IDEATION phase;
 * newest first) and the author's organizations.
 */
export async function ideaFormChoices(cityId: string, userId: string, now = new Date()): Promise<IdeaFormChoices> {
  const [consultations, memberships, categories] = await Promise.all([
    db.consultation.findMany({
      where: { cityId, status: "PUBLISHED", phases: { some: { kind: "IDEATION", startsAt: { lte: now }, endsAt: { gt: now } } } },
      select: { id: true, title: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: CHOICES_LIMIT,
    }),
    db.organizationMember.findMany({
      where: { userId },
      select: { organization: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
      take: CHOICES_LIMIT,
    }),
    listActiveCityCategories(cityId),
  ]);
  return { consultations, organizations: memberships.map((membership) => membership.organization), categories };
}

export type ResolvedReferences =
  | { ok: true; categoryId: string; consultationId: string | null; organizationId: string | null }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Turns the form's slugs and ids into database ids, refusing what the author may not use:
 * a consultation of another city, or one outside its IDEATION phase (phases.policy.ts),
 * an organization they are not a member of.
 */
export async function resolveIdeaReferences(
  input: Pick<IdeaInput, "category"> & Partial<Pick<IdeaInput, "consultation" | "organization">>,
  {
    cityId,
    userId,
    now = new Date(),
    currentCategory,
  }: {
    cityId: string;
    userId: string;
    now?: Date;
    /** Editing: the idea's own category stays allowed even if the city archived it since. */
    currentCategory?: { id: string; slug: string };
  },
): Promise<ResolvedReferences> {
  const [category, consultation, membership] = await Promise.all([
    currentCategory && input.category === currentCategory.slug ? Promise.resolve(currentCategory) : findCategoryForCity(input.category, cityId),
    input.consultation
      ? db.consultation.findFirst({
          where: { id: input.consultation, cityId },
          select: { id: true, status: true, phases: { select: { kind: true, startsAt: true, endsAt: true } } },
        })
      : Promise.resolve(null),
    input.organization
      ? db.organizationMember.findUnique({
          where: { organizationId_userId: { organizationId: input.organization, userId } },
          select: { organizationId: true },
        })
      : Promise.resolve(null),
  ]);
  const fieldErrors: Record<string, string> = {};
  if (!category) fieldErrors.category = "ideaForm:errors.categoryRequired";
  if (input.consultation && !consultation) fieldErrors.consultation = "ideaForm:errors.consultationInvalid";
  const closed = consultation ? phaseDenial("propose", consultation, now) : null;
  // A draft is as unknown to authors as another city's consultation.
  if (closed) fieldErrors.consultation = closed.code === "draft" ? "ideaForm:errors.consultationInvalid" : `consultations:errors.propose.${closed.code}`;
  if (input.organization && !membership) fieldErrors.organization = "ideaForm:errors.organizationInvalid";
  if (!category || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    categoryId: category.id,
    consultationId: consultation?.id ?? null,
    organizationId: membership?.organizationId ?? null,
  };
}

export type SimilarIdea = { number: number; title: string; status: IdeaStatus; supportCount: number };

export const SIMILAR_LIMIT = 5;

/**
 * Public, visible ideas of the city whose title or summary share words with `title`,
 * best match first. Never a submitted (unmoderated) or hidden idea: the search filters
 * them, and the fetch below checks again so a change to the search cannot leak them.
 */
export async function findSimilarIdeas(
  cityId: string,
  title: string,
  { excludeNumber, limit = SIMILAR_LIMIT }: { excludeNumber?: number; limit?: number } = {},
): Promise<SimilarIdea[]> {
  const ids = await similarIdeaIds(title, { cityId, statuses: PUBLIC_STATUSES, limit: limit + 1 });
  if (ids.length === 0) return [];
  const rows = await db.idea.findMany({
    where: { id: { in: ids }, cityId, status: { in: PUBLIC_STATUSES }, hiddenAt: null },
    select: { id: true, number: true, title: true, status: true, supportCount: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids
    .map((id) => byId.get(id))
    .filter((row): row is NonNullable<typeof row> => Boolean(row) && row!.number !== excludeNumber)
    .slice(0, limit)
    .map(({ number, title: ideaTitle, status, supportCount }) => ({ number, title: ideaTitle, status, supportCount }));
}

/**
 * What the no-JavaScript "Preview" and "Check for similar ideas" buttons show: both at
 * once, so using one does not make the other's result disappear on the re-rendered page.
 */
export async function ideaFormAids(
  cityId: string,
  values: Record<string, string>,
  { excludeNumber }: { excludeNumber?: number } = {},
): Promise<{ previewHtml: string; similar: SimilarIdea[] }> {
  const title = normalizeLine(values.title ?? "").slice(0, SIMILAR_QUERY_MAX);
  const similar = worthSimilarLookup(title) ? await findSimilarIdeas(cityId, title, { excludeNumber }) : [];
  return { previewHtml: renderMarkdown(normalizeMarkdown(values.body ?? "")), similar };
}

export type EditableIdea = {
  id: string;
  number: number;
  cityId: string;
  authorId: string;
  status: IdeaStatus;
  hiddenAt: Date | null;
  publishedAt: Date | null;
  supportCount: number;
  commentCount: number;
  values: Record<keyof IdeaEditInput, string>;
  category: { id: string; slug: string; names: Record<string, string>; cityId: string | null };
  consultation: { title: string } | null;
  organization: { name: string } | null;
};

/** An idea of the city by its public number, with what the edit form needs. */
export async function findEditableIdea(cityId: string, number: number): Promise<EditableIdea | null> {
  const idea = await db.idea.findFirst({
    where: { number, cityId },
    select: {
      id: true,
      number: true,
      cityId: true,
      authorId: true,
      status: true,
      hiddenAt: true,
      publishedAt: true,
      supportCount: true,
      commentCount: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      category: { select: { id: true, slug: true, names: true, cityId: true } },
      consultation: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
  if (!idea) return null;
  const { title, summary, body, language, category, ...rest } = idea;
  return {
    ...rest,
    values: { title, summary, body, language, category: category.slug },
    category: { ...category, names: categoryNames(category.names) },
  };
}

/**
 * The city's own categories the edit form offers: the active ones, like the new-idea form,
 * plus the idea's current one when the city archived it since (the author may keep it).
 */
export async function ideaEditCategories(cityId: string, current: EditableIdea["category"]): Promise<IdeaFormChoices["categories"]> {
  const active = await listActiveCityCategories(cityId);
  if (current.cityId !== cityId || active.some((category) => category.slug === current.slug)) return active;
  return [...active, { slug: current.slug, names: current.names }];
}

/**
 * What the form echoes back after a refused or previewed submission. Like echoValues, but
 * the description keeps up to twice its limit, so someone who pasted too much can still
 * cut it down instead of losing their text.
 */
export function ideaFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of ["title", "summary", "body", "category", "language", "consultation", "organization"]) {
    const value = formData.get(name);
    if (typeof value !== "string") continue;
    values[name] = value.slice(0, name === "body" ? BODY_MAX * 2 : 1_000);
  }
  return values;
}

/** Idea number from a URL segment (":number"), or null when it cannot be one. */
export function parseIdeaNumber(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,8}$/.test(value)) return null;
  return Number(value);
}
