import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.js";
import { browserSuite } from "./web-server.js";

const suite = browserSuite();

/** The pages a reader lands on, by screenshot name. */
const PAGES: readonly (readonly [string, string])[] = [
  ["fact-card", "/facts/taobao-live-jobs-created-over-1-73m"],
  ["fact-card-conflicts", "/facts/ruhnn-gmv-2018-1-2bn"],
  ["metric-page-market-size", "/metrics/live-commerce-gmv"],
  ["figures-list", "/facts"],
  ["metrics-list", "/metrics"],
];

/** How far the page is wider than the window, and the visible elements that stick out (none should). */
function overflow(page: Page): Promise<{ extra: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.body.querySelectorAll("*")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > width + 0.5 && getComputedStyle(el).visibility !== "hidden";
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`);
    return { extra: document.documentElement.scrollWidth - width, outside };
  });
}

describe("the pages at phone and desktop widths", () => {
  for (const width of [390, 1280]) {
    it(`fit ${width} px without scrolling sideways (fact cards, a metric page, the lists), with screenshots`, async () => {
      const page = await suite.browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of PAGES) {
        const response = await page.goto(`${suite.server.origin}${path}`);
        expect([path, response?.status()]).toEqual([path, 200]);
        expect([path, await overflow(page)]).toEqual([path, { extra: 0, outside: [] }]);
        await screenshot(page, `${name}-${width}`);
      }
      expect(suite.browser.errors).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("fits 320 px too, with every section of a fact card unfolded", async () => {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${suite.server.origin}/facts/china-live-commerce-sessions-per-day-2020-h1-over-50k`);
    await page.locator("details").evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await overflow(page)).toEqual({ extra: 0, outside: [] });
    await page.close();
  }, 30_000);

  it("wraps a source's long URL and checksum, and gives the checksum a copy button", async () => {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${suite.server.origin}/facts/taobao-live-jobs-created-over-1-73m`);
    const box = await page.locator(".citation").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect((await page.locator("code.checksum").boundingBox())!.height).toBeGreaterThan(20);
    await expect.poll(() => page.getByRole("button", { name: "Copy SHA-256" }).isVisible()).toBe(true);
    await page.close();
  }, 30_000);

  it("folds the sections beyond the figure, the quote and the source, and opens the one the address names", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/facts/taobao-live-jobs-created-over-1-73m`);
    const folded = () => page.locator("section.collapsible > details").evaluateAll((ds) => ds.map((d) => `${d.parentElement!.id}:${(d as HTMLDetailsElement).open ? "open" : "closed"}`));
    expect(await folded()).toEqual(["provenance:closed", "agreement:closed", "cite:closed"]);
    // The figure, the quote and the source are never folded.
    expect(await page.locator("#figure details, #sources details").count()).toBe(0);
    await page.goto(`${suite.server.origin}/facts/taobao-live-jobs-created-over-1-73m#provenance`);
    expect(await folded()).toEqual(["provenance:open", "agreement:closed", "cite:closed"]);
    await page.locator('.card-contents a[href="#cite"]').click();
    await expect.poll(folded).toEqual(["provenance:open", "agreement:closed", "cite:open"]);
    // A card with conflicts shows them unfolded, and says in one sentence whether its quote verifies.
    await page.goto(`${suite.server.origin}/facts/ruhnn-gmv-2018-1-2bn`);
    expect(await page.locator("#agreement > details").getAttribute("open")).toBe("");
    await page.goto(`${suite.server.origin}/facts/taobao-live-jobs-created-over-1-73m`);
    expect(await page.locator("figure.passage figcaption").textContent()).toMatch(/^Verified The quote matches the archived text \(SHA-256 [0-9a-f]{4}…[0-9a-f]{4}\)\. Quoted at code points \d+–\d+\.$/);
    await page.close();
  }, 30_000);
});
