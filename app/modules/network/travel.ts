// Shared by the idea page (browser) and the server: where "Propose this for my city" leads.

/** The new-idea form's address for proposing idea `number` in the city `citySlug`. */
export function proposeHref(citySlug: string, number: number): string {
  return `/cities/${citySlug}/ideas/new?${new URLSearchParams({ inspiredBy: String(number) })}`;
}
