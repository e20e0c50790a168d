import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getT } from "~/i18n/i18n.server";
import type { Role } from "~/modules/accounts/roles.policy";
import { createUserSession } from "~/modules/accounts/session.server";
import * as participantsRoute from "~/routes/cities.$city.consultations.$slug_.participants";
import * as csvRoute from "~/routes/cities.$city.consultations.$slug_.partners[.]csv";
import { createUser } from "~/testing/factories";
import { createConsultation, createEntrepreneur, createOrganization, grantRole } from "~/testing/participation-factories";
import { db } from "~/utils/db.server";
import { takeFlash } from "~/utils/flash.server";
import { JoinPartnerSchema, joinDenial } from "./participation.schema";
import {
  csvCell,
  csvFileName,
  handleParticipationIntent,
  joinAsParticipant,
  joinAsPartner,
  leaveConsultation,
  loadParticipantsForAdmin,
  loadParticipation,
  localDateTime,
  partnersCsv,
  toCsv,
} from "./participation.server";

const BASE = "http://localhost";
const STATEMENT = "We build accessible payment apps for municipalities and could run a pilot.";

type Consultation = Awaited<ReturnType<typeof createConsultation>>;
type Outcome = { status: number; location: string | null; body: unknown; flash?: string | null };

const viewerOf = (id: string, roles: Role[] = []) => ({ id, roles });

/** Runs the handler like the consultation page's action does; thrown responses (403/404) are outcomes too. */
async function post(consultation: Consultation, userId: string, fields: Record<string, string>): Promise<Outcome> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  const request = new Request(`${BASE}/cities/${consultation.citySlug}/consultations/${consultation.slug}`, { method: "POST" });
  let result: unknown;
  try {
    result = await handleParticipationIntent({ request, formData, consultation, viewer: viewerOf(userId) });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    // The flash message travels in a signed cookie: read it back like the next page would.
    const setCookie = result.headers.get("Set-Cookie");
    const flash = setCookie ? (await takeFlash(new Request(BASE, { headers: { Cookie: setCookie.split(";")[0] } }))).flash?.key : null;
    return { status: result.status, location: result.headers.get("Location"), body: null, flash: flash ?? null };
  }
  const wrapped = result as { data: unknown; init?: { status?: number } };
  return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
}

async function rowsOf(consultationId: string) {
  return db.consultationParticipant.findMany({
    where: { consultationId },
    select: { userId: true, role: true, organizationId: true, statement: true, shareContact: true },
  });
}

async function entrepreneurWithOrganization(overrides: Parameters<typeof createOrganization>[0] = {}) {
  const user = await createEntrepreneur();
  const organization = await createOrganization({ ownerId: user.id, ...overrides });
  return { user, organization };
}

describe("joinDenial", () => {
  it("allows joining a published consultation until the results phase starts (that instant is closed)", async () => {
    const resultsStartsAt = new Date("2026-03-29T01:00:00Z");
    const consultation = { status: "PUBLISHED", phases: [{ kind: "RESULTS", startsAt: resultsStartsAt, endsAt: new Date("2026-04-30T00:00:00Z") }] };
    expect(joinDenial(consultation, new Date(resultsStartsAt.getTime() - 1))).toBeNull();
    expect(joinDenial(consultation, resultsStartsAt)).toBe("closed");
    expect(joinDenial(consultation, new Date("2027-01-01T00:00:00Z"))).toBe("closed");
    // ISO strings (loader data) work like Dates.
    expect(joinDenial({ status: "PUBLISHED", phases: [{ kind: "RESULTS", startsAt: resultsStartsAt.toISOString(), endsAt: "2026-04-30T00:00:00Z" }] }, resultsStartsAt)).toBe("closed");
    expect(joinDenial({ ...consultation, status: "DRAFT" }, new Date("2020-01-01T00:00:00Z"))).toBe("draft");
  });
});

describe("JoinPartnerSchema", () => {
  it("needs an organization and a 20–2000 character statement; consent only when ticked", () => {
    const parse = (fields: Record<string, unknown>) => JoinPartnerSchema.safeParse(fields);
    expect(parse({ organizationId: "org1", statement: STATEMENT })).toMatchObject({ success: true, data: { shareContact: false } });
    expect(parse({ organizationId: "org1", statement: STATEMENT, shareContact: "on" })).toMatchObject({ success: true, data: { shareContact: true } });
    expect(parse({ organizationId: "org1", statement: STATEMENT, shareContact: false })).toMatchObject({ success: true, data: { shareContact: false } });
    expect(parse({ organizationId: "org1", statement: STATEMENT, shareContact: "yes" }).success).toBe(false);
    expect(parse({ organizationId: "", statement: STATEMENT }).error?.issues[0].message).toBe("participation:errors.organizationRequired");
    expect(parse({ organizationId: "org1", statement: "  too short \r\n " }).error?.issues[0].message).toBe("participation:errors.statementTooShort");
    expect(parse({ organizationId: "org1", statement: "é".repeat(2000) }).success).toBe(true);
    expect(parse({ organizationId: "org1", statement: "é".repeat(2001) }).error?.issues[0].message).toBe("participation:errors.statementTooLong");
    expect(parse({ organizationId: "org1", statement: "   " }).error?.issues[0].message).toBe("participation:errors.statementRequired");
  });
});

describe("joining as a participant", () => {
  it("joins once; a second join is refused by the primary key with a clear message, never a 500", async () => {
    const consultation = await createConsultation();
    const user = await createUser();
    const first = await post(consultation, user.id, { intent: "join-participant" });
    expect(first).toMatchObject({
      status: 302,
      location: `/cities/${consultation.citySlug}/consultations/${consultation.slug}#participation`,
      flash: "participation:flash.joined",
    });
    expect(await rowsOf(consultation.id)).toEqual([{ userId: user.id, role: "PARTICIPANT", organizationId: null, statement: null, shareContact: false }]);

    expect(await joinAsParticipant({ consultationId: consultation.id, userId: user.id })).toEqual({ ok: false, error: "alreadyJoined" });
    expect(await post(consultation, user.id, { intent: "join-participant" })).toMatchObject({ status: 302, flash: "participation:flash.alreadyJoined" });
    expect(await rowsOf(consultation.id)).toHaveLength(1);
  });

  it("holds under parallel joins by the same person: exactly one row", async () => {
    const consultation = await createConsultation();
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => joinAsParticipant({ consultationId: consultation.id, userId: user.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.error === "alreadyJoined")).toBe(true);
    expect(await rowsOf(consultation.id)).toHaveLength(1);
  });

  it("is refused on drafts and from the start of the results phase", async () => {
    const user = await createUser();
    const draft = await createConsultation({ status: "DRAFT" });
    expect(await joinAsParticipant({ consultationId: draft.id, userId: user.id })).toEqual({ ok: false, error: "draft" });
    expect(await post(draft, user.id, { intent: "join-participant" })).toMatchObject({ status: 302, flash: "participation:denial.draft" });
    expect(await rowsOf(draft.id)).toEqual([]);

    const resultsStartsAt = new Date(Date.now() + 60_000);
    const ending = await createConsultation({ resultsStartsAt });
    expect(await joinAsParticipant({ consultationId: ending.id, userId: user.id, now: resultsStartsAt })).toEqual({ ok: false, error: "closed" });
    expect(await joinAsParticipant({ consultationId: ending.id, userId: user.id, now: new Date(resultsStartsAt.getTime() - 1) })).toEqual({ ok: true, upgraded: false });

    const closed = await createConsultation({ resultsStartsAt: new Date(Date.now() - 1000) });
    const outcome = await post(closed, user.id, { intent: "join-participant" });
    expect(outcome).toMatchObject({ status: 302, flash: "participation:denial.closed" });
    expect(await rowsOf(closed.id)).toEqual([]);
    const partner = await entrepreneurWithOrganization();
    const refused = await post(closed, partner.user.id, { intent: "join-partner", organizationId: partner.organization.id, statement: STATEMENT });
    expect(refused).toMatchObject({ status: 302, flash: "participation:denial.closed" });
    expect(await rowsOf(closed.id)).toEqual([]);
  });

  it("404 for a consultation that does not exist; 400 for an unknown intent", async () => {
    const consultation = await createConsultation();
    const user = await createUser();
    expect((await post({ ...consultation, id: "missing" }, user.id, { intent: "join-participant" })).status).toBe(404);
    expect((await post(consultation, user.id, { intent: "join-everything" })).status).toBe(400);
  });
});

describe("joining as a solution partner", () => {
  it("joins for an organization the entrepreneur belongs to, with the statement; no consent by default", async () => {
    const consultation = await createConsultation();
    const { user, organization } = await entrepreneurWithOrganization();
    const outcome = await post(consultation, user.id, { intent: "join-partner", organizationId: organization.id, statement: `  ${STATEMENT}\r\n` });
    expect(outcome).toMatchObject({ status: 302, flash: "participation:flash.joinedPartner" });
    expect(await rowsOf(consultation.id)).toEqual([
      { userId: user.id, role: "SOLUTION_PARTNER", organizationId: organization.id, statement: STATEMENT, shareContact: false },
    ]);
  });

  it("records consent only when the box was ticked", async () => {
    const consultation = await createConsultation();
    const { user, organization } = await entrepreneurWithOrganization();
    await post(consultation, user.id, { intent: "join-partner", organizationId: organization.id, statement: STATEMENT, shareContact: "on" });
    expect(await rowsOf(consultation.id)).toMatchObject([{ shareContact: true }]);
  });

  it("answers an invalid form with 400, field errors and the values kept, and writes nothing", async () => {
    const consultation = await createConsultation();
    const { user } = await entrepreneurWithOrganization();
    const outcome = await post(consultation, user.id, { intent: "join-partner", organizationId: "", statement: "short", shareContact: "on" });
    expect(outcome).toMatchObject({
      status: 400,
      body: {
        ok: false,
        form: "participation-partner",
        fieldErrors: { organizationId: "participation:errors.organizationRequired", statement: "participation:errors.statementTooShort" },
        values: { organizationId: "", statement: "short", shareContact: "on" },
      },
    });
    expect(await rowsOf(consultation.id)).toEqual([]);
  });

  it("needs the ENTREPRENEUR account kind (403) and membership of the organization (400): forged ids write nothing", async () => {
    const consultation = await createConsultation();
    const { organization } = await entrepreneurWithOrganization();

    const citizen = await createUser();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: citizen.id } });
    expect((await post(consultation, citizen.id, { intent: "join-partner", organizationId: organization.id, statement: STATEMENT })).status).toBe(403);

    const outsider = await createEntrepreneur();
    for (const organizationId of [organization.id, "c0000000000000000000forged", "' OR 1=1 --"]) {
      const outcome = await post(consultation, outsider.id, { intent: "join-partner", organizationId, statement: STATEMENT });
      expect(outcome).toMatchObject({
        status: 400,
        body: { fieldErrors: { organizationId: "participation:errors.notMember" }, values: { organizationId, statement: STATEMENT } },
      });
    }
    expect(await rowsOf(consultation.id)).toEqual([]);
  });

  it("lets an organization be a partner only once per consultation (also in parallel)", async () => {
    const consultation = await createConsultation();
    const { user: owner, organization } = await entrepreneurWithOrganization();
    const colleague = await createEntrepreneur();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: colleague.id } });

    expect((await post(consultation, owner.id, { intent: "join-partner", organizationId: organization.id, statement: STATEMENT })).status).toBe(302);
    const second = await post(consultation, colleague.id, { intent: "join-partner", organizationId: organization.id, statement: STATEMENT });
    expect(second).toMatchObject({ status: 400, body: { fieldErrors: { organizationId: "participation:errors.organizationTaken" }, values: { statement: STATEMENT } } });
    // The owner joining again for it is "already joined", not "taken".
    expect(await joinAsPartner({ consultationId: consultation.id, userId: owner.id, organizationId: organization.id, statement: STATEMENT, shareContact: false })).toEqual({
      ok: false,
      error: "alreadyJoined",
    });
    expect(await rowsOf(consultation.id)).toHaveLength(1);

    // Two members at the same moment: one partnership.
    const other = await createConsultation();
    const results = await Promise.all(
      [owner.id, colleague.id].map((userId) =>
        joinAsPartner({ consultationId: other.id, userId, organizationId: organization.id, statement: STATEMENT, shareContact: false }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: "organizationTaken" });
    expect(await rowsOf(other.id)).toHaveLength(1);
  });

  it("turns an existing participation into a partnership (same row)", async () => {
    const consultation = await createConsultation();
    const { user, organization } = await entrepreneurWithOrganization();
    await post(consultation, user.id, { intent: "join-participant" });
    expect(await joinAsPartner({ consultationId: consultation.id, userId: user.id, organizationId: organization.id, statement: STATEMENT, shareContact: true })).toEqual({
      ok: true,
      upgraded: true,
    });
    expect(await rowsOf(consultation.id)).toEqual([
      { userId: user.id, role: "SOLUTION_PARTNER", organizationId: organization.id, statement: STATEMENT, shareContact: true },
    ]);
    // A partner cannot join again for a second organization.
    const second = await createOrganization({ ownerId: user.id });
    expect(await joinAsPartner({ consultationId: consultation.id, userId: user.id, organizationId: second.id, statement: STATEMENT, shareContact: false })).toEqual({
      ok: false,
      error: "alreadyJoined",
    });
  });
});

describe("leaving", () => {
  it("deletes the row; leaving again is harmless; the organization can then join again", async () => {
    const consultation = await createConsultation();
    const { user, organization } = await entrepreneurWithOrganization();
    await post(consultation, user.id, { intent: "join-partner", organizationId: organization.id, statement: STATEMENT });
    expect(await post(consultation, user.id, { intent: "leave-consultation" })).toMatchObject({ status: 302, flash: "participation:flash.left" });
    expect(await rowsOf(consultation.id)).toEqual([]);
    expect(await leaveConsultation({ consultationId: consultation.id, userId: user.id })).toEqual({ left: false });
    expect(await post(consultation, user.id, { intent: "leave-consultation" })).toMatchObject({ status: 302, flash: "participation:flash.notJoined" });
    const colleague = await createEntrepreneur();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: colleague.id } });
    expect(await joinAsPartner({ consultationId: consultation.id, userId: colleague.id, organizationId: organization.id, statement: STATEMENT, shareContact: false })).toMatchObject({ ok: true });
  });
});

describe("loadParticipation", () => {
  it("gives the public partner list without contact data, the counts and the viewer's state", async () => {
    const consultation = await createConsultation();
    const { user: partner, organization } = await entrepreneurWithOrganization({ name: "Arctic Code Oy" });
    await joinAsPartner({ consultationId: consultation.id, userId: partner.id, organizationId: organization.id, statement: STATEMENT, shareContact: true });
    const citizen = await createUser();
    await joinAsParticipant({ consultationId: consultation.id, userId: citizen.id });

    const anonymous = await loadParticipation({ consultationId: consultation.id, viewer: null });
    expect(anonymous).toMatchObject({
      cityName: "Oulu",
      timeZone: "Europe/Helsinki",
      signedIn: false,
      canManage: false,
      participation: null,
      isEntrepreneur: false,
      organizations: [],
      participantCount: 2,
      partnerCount: 1,
      partners: [{ organization: { slug: organization.slug, name: "Arctic Code Oy", cityName: "Oulu" }, statement: STATEMENT }],
    });
    const serialized = JSON.stringify(anonymous);
    expect(serialized).not.toContain("byteworks.example");
    expect(serialized).not.toContain("+358");

    const own = await loadParticipation({ consultationId: consultation.id, viewer: viewerOf(partner.id) });
    expect(own).toMatchObject({
      signedIn: true,
      isEntrepreneur: true,
      participation: { role: "SOLUTION_PARTNER", organization: { id: organization.id, name: "Arctic Code Oy" }, statement: STATEMENT, shareContact: true },
      organizations: [{ id: organization.id, taken: true, hasContactDetails: true }],
    });
    expect(typeof own.participation?.joinedAt).toBe("string");

    const colleague = await createEntrepreneur();
    await db.organizationMember.create({ data: { organizationId: organization.id, userId: colleague.id } });
    const spare = await createOrganization({ ownerId: colleague.id, name: "Zeta Labs", contactEmail: null, contactPhone: null });
    const colleagueView = await loadParticipation({ consultationId: consultation.id, viewer: viewerOf(colleague.id) });
    expect(colleagueView.organizations).toEqual([
      { id: organization.id, slug: organization.slug, name: "Arctic Code Oy", hasContactDetails: true, taken: true },
      { id: spare.id, slug: spare.slug, name: "Zeta Labs", hasContactDetails: false, taken: false },
    ]);

    const admin = await createUser();
    const roles = await grantRole(admin.id, "CITY_ADMIN", "oulu");
    expect((await loadParticipation({ consultationId: consultation.id, viewer: viewerOf(admin.id, roles) })).canManage).toBe(true);
    const otherAdmin = await createUser();
    const otherRoles = await grantRole(otherAdmin.id, "CITY_ADMIN", "messina");
    expect((await loadParticipation({ consultationId: consultation.id, viewer: viewerOf(otherAdmin.id, otherRoles) })).canManage).toBe(false);
  });
});

describe("admin participant list", () => {
  it("shows everyone, and contact data only for partners who consented", async () => {
    const consultation = await createConsultation();
    const consenting = await entrepreneurWithOrganization({ name: "Sharing Oy", contactEmail: "share@sharing.example", contactPhone: "+358 1" });
    const private_ = await entrepreneurWithOrganization({ name: "Private Oy", contactEmail: "secret@private.example", contactPhone: "+358 2" });
    await joinAsPartner({ consultationId: consultation.id, userId: consenting.user.id, organizationId: consenting.organization.id, statement: STATEMENT, shareContact: true });
    await joinAsPartner({ consultationId: consultation.id, userId: private_.user.id, organizationId: private_.organization.id, statement: STATEMENT, shareContact: false });
    const citizen = await createUser({ displayName: "Aino" });
    await joinAsParticipant({ consultationId: consultation.id, userId: citizen.id });

    const list = await loadParticipantsForAdmin({ consultationId: consultation.id });
    expect(list).toMatchObject({ participantCount: 3, partnerCount: 2, page: 1, pageCount: 1 });
    expect(list.participants.map((participant) => [participant.displayName, participant.kind, participant.role, participant.organization?.name ?? null])).toEqual([
      ["Entrepreneur", "ENTREPRENEUR", "SOLUTION_PARTNER", "Sharing Oy"],
      ["Entrepreneur", "ENTREPRENEUR", "SOLUTION_PARTNER", "Private Oy"],
      ["Aino", "CITIZEN", "PARTICIPANT", null],
    ]);
    const byName = Object.fromEntries(list.partners.map((partner) => [partner.organization?.name, partner]));
    expect(byName["Sharing Oy"].contact).toEqual({ email: "share@sharing.example", phone: "+358 1" });
    expect(byName["Private Oy"].contact).toBeNull();
    expect(JSON.stringify(list)).not.toContain("secret@private.example");
    // Nonsense page numbers fall back to the first page.
    expect((await loadParticipantsForAdmin({ consultationId: consultation.id, page: "-3", partnersPage: "x" })).page).toBe(1);
  });
});

describe("CSV", () => {
  it("escapes quotes, commas and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(toCsv([["a", "b,c"], ["d\r\ne", null]])).toBe('a,"b,c"\r\n"d\r\ne",\r\n');
  });

  it("neutralizes spreadsheet formulas with a leading apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("makes safe file names and local dates", () => {
    expect(csvFileName("oulu", "parking-2026")).toBe("partners-oulu-parking-2026.csv");
    expect(csvFileName("oulu", '../"evil"\r\nx')).toBe("partners-oulu-evil-x.csv");
    expect(localDateTime("2026-03-29T00:30:00Z", "Europe/Helsinki")).toBe("2026-03-29 02:30");
    expect(localDateTime("2026-03-29T01:30:00Z", "Europe/Helsinki")).toBe("2026-03-29 04:30");
  });

  it("exports partners with a localized header, escaped cells and contact data only with consent", async () => {
    const consultation = await createConsultation();
    const consenting = await entrepreneurWithOrganization({
      name: '=cmd|"/C calc"!A0',
      website: "https://sharing.example",
      sectors: ["software", "mobility"],
      contactEmail: "share@sharing.example",
      contactPhone: "+358 40 1",
    });
    const private_ = await entrepreneurWithOrganization({ name: "Private, Oy", contactEmail: "secret@private.example", contactPhone: "+358 40 2" });
    await joinAsPartner({
      consultationId: consultation.id,
      userId: consenting.user.id,
      organizationId: consenting.organization.id,
      statement: 'We offer "apps",\nand more: payments.',
      shareContact: true,
    });
    await joinAsPartner({ consultationId: consultation.id, userId: private_.user.id, organizationId: private_.organization.id, statement: STATEMENT, shareContact: false });
    const citizen = await createUser();
    await joinAsParticipant({ consultationId: consultation.id, userId: citizen.id });

    const csv = await partnersCsv({ consultationId: consultation.id, timeZone: "Europe/Helsinki", t: await getT("ro", ["participation", "organizations"]) });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Organizație,Site web,Oraș,Sectoare,Declarație,Data înscrierii,E-mail de contact,Telefon de contact");
    expect(lines[1]).toMatch(/^"'=cmd\|""\/C calc""!A0",https:\/\/sharing\.example,Oulu,"Dezvoltare software; Mobilitate și transport","We offer ""apps"",\nand more: payments\.",\d{4}-\d\d-\d\d \d\d:\d\d,share@sharing\.example,'\+358 40 1$/);
    expect(lines[2]).toMatch(new RegExp(`^"Private, Oy",https://byteworks\\.example,Oulu,"Dezvoltare software; Mobilitate și transport",${STATEMENT.replace(/[.]/g, "\\.")},[^,]+,,$`));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(csv).not.toContain("secret@private.example");
    expect(csv).not.toContain("+358 40 2");
  });
});

// ---------------------------------------------------------------------------------------
// The admin routes, called with real requests.

async function sessionCookie(userId: string) {
  const setCookie = await createUserSession(userId, new Request(`${BASE}/`, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

async function run(loader: (args: LoaderFunctionArgs) => unknown, path: string, params: Record<string, string>, cookie?: string) {
  const request = new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    const result = await loader({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (result instanceof Response) return { status: result.status, response: result, data: null };
    return { status: 200, response: null, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, data: null };
    throw thrown;
  }
}

describe("admin routes", () => {
  it("let only the consultation city's admins (and network admins) in; others get 403, anonymous people the login page", async () => {
    const consultation = await createConsultation();
    const { user: partner, organization } = await entrepreneurWithOrganization({ contactEmail: "share@sharing.example" });
    await joinAsPartner({ consultationId: consultation.id, userId: partner.id, organizationId: organization.id, statement: STATEMENT, shareContact: true });
    const params = { city: consultation.citySlug, slug: consultation.slug };
    const base = `/cities/${consultation.citySlug}/consultations/${consultation.slug}`;

    const admin = await createUser();
    await grantRole(admin.id, "CITY_ADMIN", "oulu");
    const network = await createUser();
    await grantRole(network.id, "NETWORK_ADMIN");
    const otherAdmin = await createUser();
    await grantRole(otherAdmin.id, "CITY_ADMIN", "messina");
    const moderator = await createUser();
    await grantRole(moderator.id, "MODERATOR", "oulu");

    for (const [loader, path] of [
      [participantsRoute.loader, `${base}/participants`],
      [csvRoute.loader, `${base}/partners.csv`],
    ] as const) {
      const anonymous = await run(loader, path, params);
      expect(anonymous.status).toBe(302);
      expect(anonymous.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      expect((await run(loader, path, params, await sessionCookie(otherAdmin.id))).status).toBe(403);
      expect((await run(loader, path, params, await sessionCookie(moderator.id))).status).toBe(403);
      expect((await run(loader, path, params, await sessionCookie(partner.id))).status).toBe(403);
      // Another city's admin asking through their own city's URL: the consultation is not there.
      expect((await run(loader, path, { ...params, city: "messina" }, await sessionCookie(otherAdmin.id))).status).toBe(404);
      expect((await run(loader, path, { ...params, slug: "nope" }, await sessionCookie(admin.id))).status).toBe(404);
      expect((await run(loader, path, params, await sessionCookie(network.id))).status).toBe(200);
    }

    const page = await run(participantsRoute.loader, `${base}/participants`, params, await sessionCookie(admin.id));
    expect(page.data).toMatchObject({ participantCount: 1, partners: [{ contact: { email: "share@sharing.example" } }] });

    const csv = await run(csvRoute.loader, `${base}/partners.csv`, params, await sessionCookie(admin.id));
    expect(csv.status).toBe(200);
    expect(csv.response?.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.response?.headers.get("Content-Disposition")).toBe(`attachment; filename="partners-oulu-${consultation.slug}.csv"`);
    expect(csv.response?.headers.get("Cache-Control")).toBe("no-store");
    const text = await csv.response!.text();
    expect(text).toContain("share@sharing.example");
    // The admin's language: English for an account without a chosen language and no Accept-Language.
    expect(text.split("\r\n")[0]).toContain("Organization,Website,City");

    await db.user.update({ where: { id: admin.id }, data: { locale: "ro" } });
    const romanian = await run(csvRoute.loader, `${base}/partners.csv`, params, await sessionCookie(admin.id));
    expect((await romanian.response!.text()).split("\r\n")[0]).toContain("Organizație,Site web,Oraș");
  });
});
