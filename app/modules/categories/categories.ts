// Shared by the browser and the server (form schemas need the list; no database here).

/** Areas of digital public services; names are translated in the `categories` namespace. */
export const CATEGORY_SLUGS = [
  "e-government",
  "mobility",
  "environment-energy",
  "health-care",
  "education-skills",
  "culture-tourism",
  "local-economy",
  "open-data",
  "connectivity",
  "safety",
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];
