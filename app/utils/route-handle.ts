import type { TFunction } from "i18next";

/** What a route module may put in `export const handle`. */
export type RouteHandle = {
  /** The page's title (the site name is appended by the root layout). */
  title?: (t: TFunction, data: unknown) => string | null | undefined;
};
