import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };

/**
 * Scans the page as it is now with axe (WCAG 2.0/2.1/2.2 A and AA rules) and fails the
 * test on any violation, listing them readably.
 *
 * Legacy mode runs axe in the page itself instead of opening a helper page per scan (the
 * pages have no iframes, so nothing is missed) and is two to three times faster. Pages
 * without JavaScript cannot run axe (timers never fire there), so their current
 * document is scanned in a scriptable copy instead.
 */
export async function expectAccessible(page: Page) {
  const target = (await scriptsRun(page)) ? page : await scriptableCopy(page);
  const results = await new AxeBuilder({ page: target })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every app page sets window.__remixContext in an inline script: absent means no scripts ran. */
async function scriptsRun(page: Page): Promise<boolean> {
  return page.evaluate(() => "__remixContext" in window);
}

type Copy = { page: Page; serve: { address: string; html: string } };
const copies = new WeakMap<BrowserContext, Promise<Copy>>();

async function openCopy(browser: Browser): Promise<Copy> {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: true });
  const page = await context.newPage();
  const serve = { address: "", html: "" };
  await page.route(
    (url) => url.href === serve.address,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: serve.html }),
  );
  return { page, serve };
}

/**
 * The page's current document minus its scripts (so it stays exactly what the no-JS
 * visitor sees), served at the same address in a scriptable page of the same size.
 * One such page per test context, reused for its later scans.
 */
async function scriptableCopy(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser to scan the page in");
  let pending = copies.get(page.context());
  if (!pending || (await pending).page.isClosed()) {
    pending = openCopy(browser);
    copies.set(page.context(), pending);
  }
  const { page: copy, serve } = await pending;
  serve.address = page.url().split("#")[0];
  serve.html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  await copy.goto(serve.address);
  return copy;
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log in" })).toHaveCount(0);
}

export const test = base;
