// Demo accounts for trying every role locally. Created only when SEED_DEMO=true (set by
// `npm start`); never in a production deployment. Listed in the README.
import { hashPassword } from "~/modules/accounts/password.server";
import { roleScope, type RoleName } from "~/modules/accounts/roles.policy";
import { db } from "~/utils/db.server";
import { seedDemoAbsorption } from "./demo-absorption.seed.server";
import { seedDemoConsultations } from "./demo-consultations.seed.server";
import { seedDemoIdeas } from "./demo-ideas.seed.server";

export const DEMO_PASSWORD = "civicloop-demo-2026";

export const demoAccounts: {
  email: string;
  displayName: string;
  kind: "CITIZEN" | "ENTREPRENEUR";
  city: string;
  locale: string | null;
  roles: { role: RoleName; city: string | null }[];
}[] = [
  { email: "citizen@civicloop.example", displayName: "Ana Popescu", kind: "CITIZEN", city: "botosani", locale: "ro", roles: [] },
  { email: "entrepreneur@civicloop.example", displayName: "Mikko Virtanen", kind: "ENTREPRENEUR", city: "oulu", locale: "en", roles: [] },
  {
    email: "moderator@civicloop.example",
    displayName: "Ioana Moderator",
    kind: "CITIZEN",
    city: "botosani",
    locale: null,
    roles: [{ role: "MODERATOR", city: "botosani" }],
  },
  {
    email: "cityadmin@civicloop.example",
    displayName: "Radu City Admin",
    kind: "CITIZEN",
    city: "botosani",
    locale: null,
    roles: [{ role: "CITY_ADMIN", city: "botosani" }],
  },
  {
    email: "networkadmin@civicloop.example",
    displayName: "Network Admin",
    kind: "CITIZEN",
    city: "limerick",
    locale: "en",
    roles: [{ role: "NETWORK_ADMIN", city: null }],
  },
];

export async function seedDemoData() {
  const cities = await db.city.findMany({ select: { id: true, slug: true } });
  const cityId = (slug: string) => {
    const found = cities.find((city) => city.slug === slug);
    if (!found) throw new Error(`demo seed: unknown city ${slug}`);
    return found.id;
  };
  let passwordHash: string | undefined;
  for (const account of demoAccounts) {
    const emailNormalized = account.email.toLowerCase();
    let user = await db.user.findUnique({ where: { emailNormalized }, select: { id: true } });
    if (!user) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      user = await db.user.create({
        data: {
          email: account.email,
          emailNormalized,
          displayName: account.displayName,
          passwordHash,
          kind: account.kind,
          homeCityId: cityId(account.city),
          locale: account.locale,
          emailVerifiedAt: new Date(),
          privacyAcceptedAt: new Date(),
        },
        select: { id: true },
      });
    }
    for (const { role, city } of account.roles) {
      const id = city ? cityId(city) : null;
      const scope = roleScope(role, id);
      await db.roleAssignment.upsert({
        where: { userId_role_scope: { userId: user.id, role, scope } },
        create: { userId: user.id, role, cityId: id, scope },
        update: {},
      });
    }
  }
  // Residents, ideas, supports and discussions in every city (demo-ideas.data.ts).
  const result = await seedDemoIdeas({ password: DEMO_PASSWORD });
  // One consultation per city, with partner organizations (demo-consultations.data.ts).
  await seedDemoConsultations();
  // Pilots with partners and testers, launched services with adoption answers (after the consultations: partners).
  await seedDemoAbsorption();
  return result;
}
