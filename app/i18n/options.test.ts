// What the reader sees when a translation is missing, and how Portuguese counts: the same
// settings on the server and in the browser (app/i18n/options.ts).
import { createInstance, type Resource } from "i18next";
import { describe, expect, it } from "vitest";
import { loadClientResources } from "./client";
import { createRenderInstance, getT } from "./i18n.server";
import { applyRegionalPluralRules, i18nInitOptions, intlLocale } from "./options";
import { resources } from "./resources";

// Real bundles with one key taken out of the Finnish one, as if a translator had missed it.
function withoutFinnishKey(source: Resource): Resource {
  const fi = structuredClone(source.fi) as Record<string, Record<string, unknown>>;
  delete fi.common.skipToContent;
  return { ...source, fi };
}

describe("a key missing in the page language", () => {
  it("renders in English on the server, not as the key", async () => {
    const instance = createInstance();
    await instance.init(i18nInitOptions("fi", withoutFinnishKey(resources)));
    const english = (resources.en as Record<string, Record<string, string>>).common.skipToContent;
    expect(instance.t("common:skipToContent")).toBe(english);
    expect(instance.t("common:skipToContent")).not.toBe("skipToContent");
  });

  it("renders in English in the browser too: the client loads the English bundle with the page's", async () => {
    const clientResources = await loadClientResources("fi");
    expect(Object.keys(clientResources).sort()).toEqual(["en", "fi"]);
    const instance = createInstance();
    await instance.init(i18nInitOptions("fi", withoutFinnishKey(clientResources)));
    expect(instance.t("common:skipToContent")).toBe((clientResources.en as Record<string, Record<string, string>>).common.skipToContent);
  });

  it("is configured with English as the fallback for server renders and server-side text", async () => {
    const render = await createRenderInstance("lv");
    expect(render.options.fallbackLng).toEqual(["en"]);
    const t = await getT("ro");
    // A key no language has is the only case that shows a key: the fallback was consulted.
    expect(t("common:thisKeyDoesNotExist", { defaultValue: "" })).toBe("");
  });

  it("an English page needs no second bundle", async () => {
    expect(Object.keys(await loadClientResources("en"))).toEqual(["en"]);
  });
});

describe("Portuguese plurals follow pt-PT", () => {
  const pt = resources.pt as Record<string, Record<string, Record<string, string>>>;

  it("counts 0 as plural (pt-PT), where Brazilian rules would say singular", async () => {
    expect(new Intl.PluralRules("pt").select(0)).toBe("one");
    expect(new Intl.PluralRules("pt-PT").select(0)).toBe("other");
    const t = await getT("pt", "browse");
    expect(t("card.supports", { count: 0 })).toBe(pt.browse.card.supports_other.replace("{{count}}", "0"));
    expect(t("card.supports", { count: 1 })).toBe(pt.browse.card.supports_one.replace("{{count}}", "1"));
    expect(t("card.supports", { count: 2 })).toBe(pt.browse.card.supports_other.replace("{{count}}", "2"));
  });

  it("holds for page renders and for instances set up like the browser's", async () => {
    const render = await createRenderInstance("pt");
    expect(render.t("browse:card.supports", { count: 0 })).toBe(pt.browse.card.supports_other.replace("{{count}}", "0"));
    const browser = createInstance();
    await browser.init(i18nInitOptions("pt", await loadClientResources("pt")));
    applyRegionalPluralRules(browser);
    expect(browser.t("browse:card.supports", { count: 0 })).toBe(pt.browse.card.supports_other.replace("{{count}}", "0"));
  });

  it("leaves the other languages' rules alone (French still counts 0 as singular)", async () => {
    const fr = resources.fr as Record<string, Record<string, Record<string, string>>>;
    const t = await getT("fr", "browse");
    expect(t("card.supports", { count: 0 })).toBe(fr.browse.card.supports_one.replace("{{count}}", "0"));
  });

  it("names countries the Portuguese way", () => {
    expect(intlLocale("pt")).toBe("pt-PT");
    expect(new Intl.DisplayNames([intlLocale("pt")], { type: "region" }).of("RO")).toBe("Roménia");
    expect(intlLocale("fi")).toBe("fi");
  });
});
