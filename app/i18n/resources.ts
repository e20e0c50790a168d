// Every locale's bundle, for the server (the browser loads one on demand: client.ts).
import type { Resource } from "i18next";
import en from "~/locales/en";
import es from "~/locales/es";
import fi from "~/locales/fi";
import fr from "~/locales/fr";
import it from "~/locales/it";
import lv from "~/locales/lv";
import pt from "~/locales/pt";
import ro from "~/locales/ro";
import type { Locale } from "./config";

export const resources: Record<Locale, Resource[string]> = { en, ro, it, es, fi, fr, lv, pt };
