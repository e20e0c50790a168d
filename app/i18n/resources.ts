// Every locale's bundle, for the server (the browser loads one on demand: client.ts).
import type { Resource } from "i18next";
import en from "~/locales/en";
import ro from "~/locales/ro";
import type { Locale } from "./config";

export const resources: Record<Locale, Resource[string]> = { en, ro };
