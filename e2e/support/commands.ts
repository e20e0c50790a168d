// The app's own commands, run against the e2e database: what a moderator or city admin
// would do through pages that belong to later features (the review queue), as a fixture.
// (playwright.config.ts points DATABASE_URL at the run's database for test workers.)
import { publishIdea } from "../../app/modules/ideas/ideas.server";

export async function publishIdeaAsModerator(ideaId: string, moderatorId: string) {
  const result = await publishIdea(ideaId, moderatorId);
  if (!result.ok) throw new Error(`publishIdea failed: ${result.error}`);
}
