// Shared by the browser and the server (no database here).

/** Weeks shown by the statistics page. */
export const STATISTICS_WEEKS = 12;

/** A city category's name in `locale`, else English, else any name it has. */
export function localizedName(
  names: Record<string, string>,
  locale: string
): string | null {
  return (
    names[locale] ||
    names.en ||
    Object.values(names).find((name) => name) ||
    null
  );
}
