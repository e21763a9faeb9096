import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.js";
import { browserSuite } from "./web-server.js";

const JOBS = "/facts/taobao-live-jobs-created-over-1-73m";

const suite = browserSuite();

/** WCAG contrast of every element with its own text against the background it is drawn on. */
function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number) as number[];
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
      const box = el.getBoundingClientRect();
      if (!ownText || box.width === 0 || box.height === 0 || el.closest(".visually-hidden")) continue;
      const fg = luminance(parse(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)} "${el.textContent!.trim().slice(0, 40)}"`);
    }
    return bad;
  });
}

describe("the fact card", () => {
  it("shows where “more than 1.73 million jobs” comes from: the quote marked in its archived text, the source link and checksum", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}${JOBS}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");

    expect(await page.locator("h1").textContent()).toBe("more than 1.73 million jobs Jobs created · Taobao Live");
    // What depends on which documents cite the figure is compared with the API, so that a new
    // document citing it changes both sides alike; the founding article's part is named.
    const api = (
      await suite.server.api.data(`{ statistic(slug: "${JOBS.slice("/facts/".length)}") { citations { quote { exact } } corroboration { summary } apa: cite(style: APA) } }`)
    ).statistic;
    const quote = "Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations";
    const marks = await page.locator("mark").allTextContents();
    expect(marks).toContain(quote);
    expect(marks).toHaveLength(api.citations.filter((c: { quote: unknown }) => c.quote !== null).length);
    // The quote sits inside its sentence of the archived article, not alone.
    expect(await page.locator("figure.passage blockquote", { hasText: quote }).textContent()).toContain(
      "According to a study from Renmin University of China, Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations.",
    );
    expect(await page.locator('a.source-link[href="http://en.people.cn/n3/2020/1022/c90000-9772128.html"]').count()).toBe(1);
    const checksums = await page.locator("code.checksum").allTextContents();
    expect(checksums.length).toBeGreaterThan(0);
    for (const c of checksums) expect(c).toMatch(/^[0-9a-f]{64}$/);
    const founding = page.locator('ol.chain[aria-label*="top 1 trillion yuan in 2020"]');
    expect(await founding.locator(".node").allTextContents()).toEqual([
      "Source read (quoted) China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020 — People's Daily Online, 2020-10-22",
      "Report Renmin University of China study of jobs created by Taobao Live",
      "Producer Renmin University of China",
    ]);
    expect(await founding.locator(".link .how").allTextContents()).toEqual(["credits", "by"]);
    expect(await page.locator("#agreement-heading + p").textContent()).toBe(api.corroboration.summary);
    expect(api.corroboration.summary).toContain("Renmin University of China");
    expect(await page.locator("#derivation-heading + p").textContent()).toBe("Not derived: the sources state this figure directly, so there is no arithmetic to check.");
    // "Cite this": every style, as the API formats it.
    expect(await page.locator(".cite h3").allTextContents()).toEqual(["APA", "MLA", "Chicago", "GB/T 7714", "CSL-JSON", "BibTeX"]);
    expect(await page.locator("#cite-apa").textContent()).toBe(api.apa);
    expect(api.apa).toMatch(/^Jobs created of Taobao Live: more than 1.73 million jobs \(estimate\) \(/);
    expect(api.apa).toContain(
      "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020. (2020, October 22). People’s Daily Online. http://en.people.cn/n3/2020/1022/c90000-9772128.html",
    );
    await screenshot(page, "fact-card");
    expect(suite.browser.blocked).toEqual([]);
    expect(suite.browser.requests.filter((u) => new URL(u).origin !== suite.server.origin)).toEqual([]);
    expect(suite.browser.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("copies a citation with its button, which the script turns on", async () => {
    await suite.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.origin });
    const page = await suite.browser.newPage();
    // "Cite this" is folded; the address opens it.
    await page.goto(`${suite.server.origin}${JOBS}#cite`);
    const button = page.getByRole("button", { name: "Copy GB/T 7714" });
    await button.click();
    await expect.poll(() => page.locator("#cite-gbt7714 ~ .copy [role=status]").textContent()).toBe("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await page.locator("#cite-gbt7714").textContent())!.trim());
    await page.close();
  }, 60_000);

  it("lists the figures that conflict with this one, with the reason, each linked to its own card", async () => {
    // The rows expected are those the API gives for the figure, so a new document changes both sides alike.
    const slug = "ruhnn-gmv-2018-1-2bn";
    const { conflicting } = (
      await suite.server.api.data(`query($slug: String!) { statistic(slug: $slug) { agreement { conflicting { statistic { slug } reason } } } }`, { slug })
    ).statistic.agreement as { conflicting: { statistic: { slug: string }; reason: string }[] };
    expect(conflicting.map((c) => c.statistic.slug)).toEqual(expect.arrayContaining(["ruhnn-gmv-2018-1-9bn", "ruhnn-gmv-2018-2bn"]));
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/facts/${slug}`);
    const section = page.locator("section[aria-labelledby=agreement-heading]");
    // Conflicts come first, in a table of their own.
    expect((await section.locator("h3").allTextContents())[0]).toBe(`conflicts Conflicts: both cannot hold (${conflicting.length})`);
    const table = section.locator("table").first();
    expect(await table.locator("tbody tr td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(conflicting.map((c) => `/facts/${c.statistic.slug}`));
    expect(await table.locator("tbody tr td:last-child").allTextContents()).toEqual(conflicting.map((c) => c.reason));
    expect(conflicting.find((c) => c.statistic.slug === "ruhnn-gmv-2018-1-9bn")!.reason).toMatch(/^"1.2 billion yuan" and "1.9 billion yuan" cannot both hold/);
    await screenshot(page, "fact-card-conflicts");
    await page.close();
  }, 60_000);

  it("shows the derivation check of a derived figure, with its inputs and the arithmetic", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/facts/china-live-commerce-sessions-per-day-2020-h1-over-50k`);
    const section = page.locator("section[aria-labelledby=derivation-heading]");
    expect(await section.locator("p").first().textContent()).toBe(
      'consistent 10,000,000 sessions / 182 days of 2020-H1 > 54,945 sessions/day, which satisfies "more than 50,000"',
    );
    expect(await section.locator("dd code").textContent()).toBe("sessions / days");
    expect(await section.locator("dd a").getAttribute("href")).toBe("/facts/china-live-commerce-sessions-2020-h1-over-10m");
    // The inputs are a step of the provenance chain too.
    expect(await page.locator("ol.chain .link .how").first().textContent()).toBe("derived from");
    await screenshot(page, "fact-card-derived");
    await page.close();
  }, 60_000);

  it("is rendered on the server: the essentials are in the HTML, with no script needed", async () => {
    const res = await fetch(`${suite.server.origin}${JOBS}`, { headers: { accept: "text/html" } });
    const body = await res.text();
    expect(body).toContain("<mark>Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations</mark>");
    expect(body).toContain('<a class="source-link" href="http://en.people.cn/n3/2020/1022/c90000-9772128.html"');
    // The one script only enhances (copy buttons), and comes from this suite.server; the other is JSON-LD data.
    expect(body.match(/<script[^>]*>/g)).toEqual(['<script type="application/ld+json">', expect.stringMatching(/^<script src="\/assets\/fact-card-[0-9a-f]{12}\.js" defer>$/)]);
  });

  it("is accessible: language, landmarks, headings in order, text alternatives, contrast, visible keyboard focus", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}${JOBS}`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("header, main, footer").evaluateAll((els) => els.map((e) => e.tagName.toLowerCase()))).toEqual(["header", "main", "footer"]);
    const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!).toBeLessThanOrEqual(1));
    // Every image and drawing has a text alternative (or is hidden from assistive technology as decoration).
    const unlabelled = await page.locator("img:not([alt]), svg:not([aria-label]):not([aria-labelledby]):not([aria-hidden=true]):not(:has(> title))").count();
    expect(unlabelled).toBe(0);
    expect(await page.locator("ol.chain").first().getAttribute("aria-label")).toMatch(/^Provenance as read in /);
    expect(await lowContrastText(page)).toEqual([]);

    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, visible: box.top >= 0 && box.height > 0, outline: getComputedStyle(el).outlineStyle };
    });
    expect(skip).toEqual({ text: "Skip to content", visible: true, outline: "solid" });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => [document.activeElement?.textContent, getComputedStyle(document.activeElement!).outlineStyle])).toEqual(["GraphQL explorer", "solid"]);
    await page.close();
  }, 60_000);

  it("renders for an iframe with ?embed=1: no site chrome, framing allowed, links open outside the frame", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}${JOBS}?embed=1`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(await page.locator("header, footer, .skip-link").count()).toBe(0);
    const quoted = (await suite.server.api.data(`{ statistic(slug: "${JOBS.slice("/facts/".length)}") { citations { quote { exact } } } }`)).statistic.citations.filter(
      (c: { quote: unknown }) => c.quote !== null,
    );
    expect(await page.locator("mark").count()).toBe(quoted.length);
    const targets = await page.locator("a.source-link").evaluateAll((as) => as.map((a) => a.getAttribute("target")));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t === "_blank")).toBe(true);
    await screenshot(page, "fact-card-embed");
    await page.close();
  }, 60_000);

  it("answers an unknown slug with a 404 page", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}/facts/no-such-figure`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("No such figure");
    expect(await page.locator("main p").first().textContent()).toBe("No statistic has the slug “no-such-figure”. Search the figures instead:");
    await page.close();
  }, 60_000);
});
