// Demo absorption: in every city at least one idea in a pilot (plan, partner organizations,
// testers) and one launched service (launch date, link, adoption answers from residents).
//
// Runs after the demo ideas and consultations (seedDemoData). The demo ideas that already
// reached PILOTING or LAUNCHED get their pilot and launch facts, dated after the step that
// took them there; a city whose demo ideas reach neither gets one more idea, walked through
// the real commands (submit, publish, supports, decisions, planPilot, launchService). Pilots
// are written as already announced (startNotifiedAt) so a fresh demo does not email its
// residents at boot. Idempotent: everything is found by idea title and skipped when present.
import type { Role } from "~/modules/accounts/roles.policy";
import { publishIdea, setIdeaStatus, submitIdea } from "~/modules/ideas/ideas.server";
import { PilotPlanSchema } from "~/modules/pilots/pilots.schema";
import { launchService, planPilot } from "~/modules/pilots/pilots.server";
import { castSupport } from "~/modules/supports/supports.server";
import { db, isUniqueViolation } from "~/utils/db.server";
import { demoCities, officialEmail, residentEmail, type DemoCity } from "./demo-ideas.data";
import { createRandom, DEMO_CITIZEN_EMAIL, DEMO_CITY_ADMIN_EMAIL } from "./demo-ideas.seed.server";

const DAY = 86_400_000;

/** Ideas added where a city's demo ideas reach no pilot or no launch. Written by residents, in English. */
export const extraIdeas: {
  citySlug: string;
  reaches: "PILOTING" | "LAUNCHED";
  by: number;
  category: string;
  title: string;
  summary: string;
  body: string;
  plan: string;
  howToTakePart: string;
  servicePath: string;
}[] = [
  {
    citySlug: "botosani",
    reaches: "PILOTING",
    by: 2,
    category: "e-government",
    title: "Book an appointment at the town hall online",
    summary: "Choose a time slot for the civil registry or local taxes desk online instead of queueing from seven in the morning.",
    body: "## Why\nPeople queue outside the town hall long before it opens, and many go home without being served.\n\n## What\n- A booking page with the free slots of each desk.\n- A reminder by SMS or email the day before.\n- Some slots kept for people who come without booking.",
    plan: "For six weeks the civil registry and the local taxes desk take half of their appointments through an online booking page. We measure waiting times, no-shows and whether people without internet access are still served well.",
    howToTakePart: "Sign up as a tester, then book your next visit to the civil registry or the local taxes desk with the test page. After the visit you get three short questions.",
    servicePath: "appointments",
  },
  {
    citySlug: "roquetas-de-mar",
    reaches: "PILOTING",
    by: 1,
    category: "environment-energy",
    title: "Report full recycling bins from your phone",
    summary: "Scan the QR code on a recycling container to tell the cleaning service it is full or damaged, and see when it is emptied.",
    body: "## Why\nIn summer the containers near the beaches overflow for days before anyone notices.\n\n## What\nA QR code on every container opens a short form: full, damaged or dirty. The cleaning service sees the reports on a map and plans its rounds.",
    plan: "QR codes on the 120 recycling containers of Aguadulce and the seafront. The cleaning service plans its rounds with the reports for two months, and we compare overflowing containers with last summer.",
    howToTakePart: "Sign up as a tester and scan the code on any container in Aguadulce or along the seafront when it is full, damaged or dirty.",
    servicePath: "containers",
  },
  {
    citySlug: "saint-quentin",
    reaches: "PILOTING",
    by: 3,
    category: "mobility",
    title: "Real-time bus arrivals at every stop",
    summary: "Show when the next buses really arrive, on the phone and on small screens at the busiest stops, using the buses' positions.",
    body: "## Why\nTimetables do not tell you that the bus is ten minutes late, so people wait in the cold or give up on the bus.\n\n## What\n- Live arrival times on a web page per stop (QR code on the stop).\n- Screens at the five busiest stops.\n- Open data for other apps.",
    plan: "Lines 1 and 4 publish their buses' positions. Residents use the live arrival page at their stops for two months; we check how accurate the times are and whether waiting feels shorter.",
    howToTakePart: "Sign up as a tester, scan the code at a stop of line 1 or 4 and tell us when the time shown was wrong.",
    servicePath: "bus",
  },
  {
    citySlug: "ventspils",
    reaches: "PILOTING",
    by: 4,
    category: "culture-tourism",
    title: "One card for the library, the museums and the pool",
    summary: "A single digital resident card that opens the library, the city museums and the swimming pool, with the resident discounts.",
    body: "## Why\nResidents carry a different card or paper ticket for every city venue, and discounts must be proved each time.\n\n## What\nA card in the phone (and a plastic one for those who prefer it) that works at every city venue and applies the resident discounts.",
    plan: "The central library, the Maritime Museum and the Olympic Centre pool accept the digital resident card for three months, side by side with the current cards.",
    howToTakePart: "Sign up as a tester: you receive the digital card by email and can use it at the three venues during the pilot.",
    servicePath: "card",
  },
  {
    citySlug: "portalegre",
    reaches: "PILOTING",
    by: 0,
    category: "health-care",
    title: "Home visit requests for older residents, online",
    summary: "Families and neighbours can ask for a social worker's home visit online and follow the request, instead of calling during office hours.",
    body: "## Why\nMany older people live alone in the villages of the municipality, and their families work during the hours the social services answer the phone.\n\n## What\nAn online form for visit requests, with a reference number and updates by SMS.",
    plan: "For two months, requests for home visits by the social services can be made online in the parishes of Alegrete and Urra. We look at how fast visits happen and what families find missing.",
    howToTakePart: "Sign up as a tester and, if you care for an older person in Alegrete or Urra, use the online form for your next request.",
    servicePath: "home-visits",
  },
  {
    citySlug: "messina",
    reaches: "LAUNCHED",
    by: 2,
    category: "mobility",
    title: "Pay for street parking with your phone",
    summary: "Pay for the blue parking zones by app or text message, extend the time remotely and pay only for the minutes used.",
    body: "## Why\nParking meters are often broken or take only coins, and drivers get fines while looking for change.\n\n## What\nPayment by app, web page or SMS in every blue zone, with a reminder before the time runs out.",
    plan: "The blue zones of the city centre accept payment by phone for six weeks, next to the meters. We check the payments against the wardens' controls.",
    howToTakePart: "Sign up as a tester and pay your parking in the city centre's blue zones with the test page.",
    servicePath: "parking",
  },
  {
    citySlug: "oulu",
    reaches: "LAUNCHED",
    by: 1,
    category: "mobility",
    title: "Winter cycling route status on a live map",
    summary: "See which cycle paths have been ploughed and gritted this morning, on a live map fed by the maintenance vehicles.",
    body: "## Why\nOulu cycles all winter, but you only find out that a path has not been ploughed when you are on it.\n\n## What\nThe maintenance vehicles' positions turned into a map of paths ploughed in the last hours, with an open data feed.",
    plan: "Ploughs and gritters in the city centre and Linnanmaa send their routes for a month; cyclists check the map before leaving and report paths that were shown as done but were not.",
    howToTakePart: "Sign up as a tester, check the map before your morning ride and report any path that does not match.",
    servicePath: "winter-cycling",
  },
];

const MISSING_TEXTS = [
  "A version in English for people who moved here recently.",
  "It should remember my details so I do not type them every time.",
  "Works well on the computer, but on my phone the buttons are too small.",
  "A phone number to call when something goes wrong would help older people.",
  "I would like a notification when my request is handled.",
  "Please add it to the city's main website menu, it was hard to find.",
];

const USAGES = ["REGULARLY", "REGULARLY", "TRIED", "TRIED", "NOT_YET", "UNAWARE"] as const;

function slugPart(text: string) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
}

function serviceUrlFor(citySlug: string, path: string) {
  return `https://services.${citySlug}.example/${path}`;
}

function dayOf(date: Date) {
  return date.toISOString().slice(0, 10);
}

type Context = {
  city: DemoCity;
  cityId: string;
  cityName: string;
  admin: { id: string; roles: Role[] };
  residents: string[];
  now: Date;
};

async function adminOf(city: DemoCity): Promise<{ id: string; roles: Role[] }> {
  const email = city.official ? officialEmail(city.slug) : DEMO_CITY_ADMIN_EMAIL;
  const user = await db.user.findUniqueOrThrow({ where: { emailNormalized: email }, select: { id: true } });
  const roles = await db.roleAssignment.findMany({ where: { userId: user.id }, select: { role: true, cityId: true } });
  return { id: user.id, roles };
}

/** The idea's consultation's solution partners, else the city's organizations, else any (at most two). */
async function partnersFor(ideaId: string, cityId: string): Promise<string[]> {
  const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { consultationId: true } });
  if (idea.consultationId) {
    const partners = await db.consultationParticipant.findMany({
      where: { consultationId: idea.consultationId, role: "SOLUTION_PARTNER", organization: { hiddenAt: null } },
      select: { organizationId: true },
      take: 2,
    });
    const ids = partners.flatMap((row) => (row.organizationId ? [row.organizationId] : []));
    if (ids.length) return ids;
  }
  const local = await db.organization.findMany({ where: { cityId, hiddenAt: null }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 2 });
  if (local.length) return local.map((row) => row.id);
  const any = await db.organization.findMany({ where: { hiddenAt: null }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 });
  return any.map((row) => row.id);
}

/** Testers (direct rows: the demo's history, not sign-ups happening now), with the counter kept exact. */
async function addTesters(pilotId: string, userIds: string[], at: Date) {
  await db.$transaction(async (tx) => {
    let added = 0;
    for (const userId of userIds) {
      const exists = await tx.pilotTester.findUnique({ where: { pilotId_userId: { pilotId, userId } }, select: { userId: true } });
      if (exists) continue;
      await tx.pilotTester.create({ data: { pilotId, userId, createdAt: at } });
      added++;
    }
    if (added) await tx.pilot.update({ where: { id: pilotId }, data: { testerCount: { increment: added } } });
  });
}

/** Adoption answers from residents (not the author), one each, some "what is missing" texts published, some waiting. */
async function addFeedback(ideaId: string, authorId: string, context: Context, launchedAt: Date) {
  const random = createRandom(`absorption/${context.city.slug}/${ideaId.slice(-6)}`);
  const citizen = await db.user.findUnique({ where: { emailNormalized: DEMO_CITIZEN_EMAIL }, select: { id: true } });
  const people = [...context.residents, ...(context.city.slug === "botosani" && citizen ? [citizen.id] : [])].filter((id) => id !== authorId);
  const span = Math.max(DAY, context.now.getTime() - launchedAt.getTime());
  for (const [index, userId] of people.entries()) {
    const usage = USAGES[index % USAGES.length];
    const used = usage === "REGULARLY" || usage === "TRIED";
    const missing = index % 2 === 0 ? MISSING_TEXTS[(index + context.residents.length) % MISSING_TEXTS.length] : null;
    const createdAt = new Date(launchedAt.getTime() + span * (0.2 + 0.7 * random()));
    try {
      await db.adoptionFeedback.create({
        data: {
          ideaId,
          userId,
          usage,
          ease: used ? 2 + Math.floor(random() * 4) : null,
          missing,
          missingStatus: missing && index % 4 === 0 ? "PUBLISHED" : "PENDING",
          reviewedAt: missing && index % 4 === 0 ? createdAt : null,
          createdAt,
        },
      });
    } catch (error) {
      // Already answered (an earlier run, or the person answered in the app): theirs stays.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

function planInput(plan: string, howToTakePart: string, startsAt: Date, endsAt: Date, capacity: number | null, partnerIds: string[]) {
  return PilotPlanSchema.parse({
    plan,
    howToTakePart,
    startsAt: dayOf(startsAt),
    endsAt: dayOf(endsAt),
    capacity: capacity === null ? "" : String(capacity),
    partnerIds,
  });
}

/** Pilot and launch facts for a demo idea that reached PILOTING or LAUNCHED through the generic status path. */
async function completeDemoIdea(idea: { id: string; title: string; status: string; authorId: string }, context: Context): Promise<boolean> {
  const { city, now } = context;
  const existing = await db.idea.findUniqueOrThrow({
    where: { id: idea.id },
    select: { serviceUrl: true, pilot: { select: { id: true } }, events: { select: { toStatus: true, createdAt: true }, where: { type: "STATUS_CHANGED" } } },
  });
  if (existing.pilot && (idea.status !== "LAUNCHED" || existing.serviceUrl)) return false;
  const reached = (status: string) => existing.events.find((event) => event.toStatus === status)?.createdAt ?? now;
  const pilotingAt = reached("PILOTING");
  const launched = idea.status === "LAUNCHED";
  const launchedAt = launched ? reached("LAUNCHED") : null;
  const random = createRandom(`absorption/${city.slug}/${idea.title}`);
  const partnerIds = existing.pilot ? [] : await partnersFor(idea.id, context.cityId);
  await db.$transaction(async (tx) => {
    if (!existing.pilot) {
      const startsAt = new Date(pilotingAt.getTime() + 3 * DAY);
      const endsAt = launchedAt ? new Date(Math.max(startsAt.getTime() + DAY, launchedAt.getTime() - DAY)) : new Date(now.getTime() + 45 * DAY);
      await tx.pilot.create({
        data: {
          ideaId: idea.id,
          plan: `${context.cityName} tests “${idea.title}” with residents of two neighbourhoods before deciding how to offer it to everyone. The partners build the first version; the city measures how often it is used and collects what testers find missing.`,
          howToTakePart: "Sign up as a tester on this page. You receive the link to the test version by email and a short questionnaire at the end of the pilot.",
          startsAt,
          endsAt,
          capacity: random() < 0.5 ? 40 : null,
          createdById: context.admin.id,
          startNotifiedAt: startsAt,
          endNotifiedAt: launchedAt ? endsAt : null,
          createdAt: pilotingAt,
          partners: { create: partnerIds.map((organizationId) => ({ organizationId })) },
        },
      });
      await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "PILOT_PLANNED", actorId: context.admin.id, createdAt: new Date(pilotingAt.getTime() + 60_000) } });
    }
    if (launchedAt && !existing.serviceUrl) {
      await tx.idea.update({ where: { id: idea.id }, data: { launchedAt, serviceUrl: serviceUrlFor(city.slug, slugPart(idea.title)) } });
      await tx.ideaEvent.create({ data: { ideaId: idea.id, type: "SERVICE_LAUNCHED", actorId: context.admin.id, createdAt: new Date(launchedAt.getTime() + 60_000) } });
    }
  });
  const pilot = await db.pilot.findUniqueOrThrow({ where: { ideaId: idea.id }, select: { id: true, startsAt: true } });
  const testers = context.residents.filter((id) => id !== idea.authorId).slice(0, 2 + Math.floor(random() * 3));
  await addTesters(pilot.id, testers, pilot.startsAt);
  if (launchedAt) await addFeedback(idea.id, idea.authorId, context, launchedAt);
  return true;
}

function expectOk(result: { ok: boolean; error?: string }, what: string) {
  if (!result.ok) throw new Error(`demo absorption seed: ${what} failed (${result.error})`);
}

/** A new idea walked through the commands to PILOTING (and LAUNCHED), then dated back. */
async function seedExtraIdea(extra: (typeof extraIdeas)[number], context: Context) {
  const { city, cityId, admin, residents, now } = context;
  const category = await db.category.findUniqueOrThrow({ where: { slug: extra.category }, select: { id: true } });
  const authorId = residents[extra.by];
  const { id: ideaId } = await submitIdea({
    cityId,
    authorId,
    categoryId: category.id,
    title: extra.title,
    summary: extra.summary,
    body: extra.body,
    language: "en",
  });
  expectOk(await publishIdea(ideaId, admin.id), `publishing "${extra.title}"`);
  for (const userId of residents.filter((id) => id !== authorId).slice(0, 4)) {
    expectOk(await castSupport(ideaId, { id: userId, roles: [] }), `supporting "${extra.title}"`);
  }
  expectOk(await setIdeaStatus(ideaId, "UNDER_REVIEW", admin.id), `reviewing "${extra.title}"`);
  expectOk(await setIdeaStatus(ideaId, "ACCEPTED", admin.id), `accepting "${extra.title}"`);
  const launched = extra.reaches === "LAUNCHED";
  // Days ago: submitted 90 (launched) or 60; pilot from 30 (launched: 60 to 25) days ago.
  const startsAt = new Date(now.getTime() - (launched ? 60 : 20) * DAY);
  const endsAt = new Date(now.getTime() + (launched ? -25 : 40) * DAY);
  const partnerIds = await partnersFor(ideaId, cityId);
  expectOk(await planPilot({ ideaId, actor: admin, input: planInput(extra.plan, extra.howToTakePart, startsAt, endsAt, launched ? null : 30, partnerIds) }), `planning "${extra.title}"`);
  const pilot = await db.pilot.findUniqueOrThrow({ where: { ideaId }, select: { id: true } });
  await addTesters(pilot.id, residents.filter((id) => id !== authorId).slice(1, 5), startsAt);
  await db.pilot.update({ where: { id: pilot.id }, data: { startNotifiedAt: startsAt, ...(launched ? { endNotifiedAt: endsAt } : {}) } });
  const launchedOn = new Date(now.getTime() - 20 * DAY);
  if (launched) {
    expectOk(
      await launchService({ ideaId, actor: admin, input: { serviceUrl: serviceUrlFor(city.slug, extra.servicePath), launchedAt: dayOf(launchedOn) }, now }),
      `launching "${extra.title}"`,
    );
  }
  // Dates back the history written just now, step by step, so the timeline reads like the other demo ideas.
  const submittedAt = new Date(now.getTime() - (launched ? 90 : 60) * DAY);
  const events = await db.ideaEvent.findMany({ where: { ideaId }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const last = launched ? launchedOn.getTime() : startsAt.getTime() - DAY;
  await db.$transaction([
    db.idea.update({ where: { id: ideaId }, data: { createdAt: submittedAt, publishedAt: new Date(submittedAt.getTime() + DAY) } }),
    ...events.map((event, index) =>
      db.ideaEvent.update({
        where: { id: event.id },
        data: { createdAt: new Date(submittedAt.getTime() + ((last - submittedAt.getTime()) * index) / Math.max(1, events.length - 1)) },
      }),
    ),
  ]);
  if (launched) {
    const idea = await db.idea.findUniqueOrThrow({ where: { id: ideaId }, select: { launchedAt: true } });
    await addFeedback(ideaId, authorId, context, idea.launchedAt ?? launchedOn);
  }
}

export type AbsorptionSeedResult = { completedIdeas: number; createdIdeas: number };

export async function seedDemoAbsorption({ now = new Date() }: { now?: Date } = {}): Promise<AbsorptionSeedResult> {
  let completedIdeas = 0;
  let createdIdeas = 0;
  for (const city of demoCities) {
    const cityRow = await db.city.findUniqueOrThrow({ where: { slug: city.slug }, select: { id: true, name: true } });
    const residentRows = await db.user.findMany({
      where: { emailNormalized: { in: city.residents.map((_, index) => residentEmail(city.slug, index)) } },
      select: { id: true, emailNormalized: true },
    });
    const residents = city.residents.map((_, index) => residentRows.find((row) => row.emailNormalized === residentEmail(city.slug, index))!.id);
    const context: Context = { city, cityId: cityRow.id, cityName: cityRow.name, admin: await adminOf(city), residents, now };

    const titles = city.ideas.filter((idea) => idea.status === "PILOTING" || idea.status === "LAUNCHED").map((idea) => idea.title);
    const ideas = await db.idea.findMany({
      where: { cityId: cityRow.id, title: { in: titles }, status: { in: ["PILOTING", "LAUNCHED"] } },
      select: { id: true, title: true, status: true, authorId: true },
    });
    for (const idea of ideas) if (await completeDemoIdea(idea, context)) completedIdeas++;

    for (const extra of extraIdeas.filter((candidate) => candidate.citySlug === city.slug)) {
      const exists = await db.idea.findFirst({ where: { cityId: cityRow.id, title: extra.title }, select: { id: true } });
      if (exists) continue;
      await seedExtraIdea(extra, context);
      createdIdeas++;
    }
  }
  return { completedIdeas, createdIdeas };
}
