import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.js";
import { browserSuite } from "./web-server.js";

/** The market-size metric: every estimate of the market's value, from every source. */
const MARKET_SIZE = "live-commerce-gmv";
const PAGE = `/metrics/${MARKET_SIZE}`;

const suite = browserSuite();

interface ApiFigure {
  slug: string;
  kind: string;
  subject: { slug: string };
  value: { unit: string; display: string };
  period: { label: string } | null;
  producers: { name: string }[];
}

/** The metric's statistics as the API gives them (what the page must show, whatever db/ holds). */
async function figuresOf(metric: string): Promise<ApiFigure[]> {
  const data = await suite.server.api.data(
    `query($m: String!) { metric(slug: $m) { statistics(first: 100) { nodes { slug kind subject { slug } value { unit display } period { label } producers { name } } } } }`,
    { m: metric },
  );
  return data.metric.statistics.nodes;
}

/** Slugs of the members of the metric's conflict groups, as the API lists them. */
async function conflictMembers(metric: string): Promise<Set<string>> {
  const data = await suite.server.api.data(`query($m: String) { conflicts(metric: $m, first: 100) { nodes { statistics { slug } } } }`, { m: metric });
  return new Set(data.conflicts.nodes.flatMap((g: { statistics: { slug: string }[] }) => g.statistics.map((s) => s.slug)));
}

describe("a metric's page (/metrics/<slug>)", () => {
  it("draws every dated figure of the metric as a mark linked to its fact card, and lists every figure in a table", async () => {
    const figures = await figuresOf(MARKET_SIZE);
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}${PAGE}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Live-streaming e-commerce gross merchandise value");
    const marks = await page.locator("svg.figure-chart a.mark").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(marks.sort()).toEqual(figures.filter((f) => f.period).map((f) => `/facts/${f.slug}`).sort());
    const rows = await page.locator("table.figures tbody tr td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(rows.sort()).toEqual(figures.map((f) => `/facts/${f.slug}`).sort());
    // The table reads each figure in words, as the API's display gives it.
    expect(await page.locator("table.figures tbody tr td:first-child a").allTextContents()).toEqual(expect.arrayContaining(figures.map((f) => f.value.display)));
    // One chart per subject and unit, each with its accessible name.
    const charts = new Set(figures.filter((f) => f.period).map((f) => `${f.subject.slug} ${f.value.unit}`));
    expect(await page.locator("svg.figure-chart").count()).toBe(charts.size);
    expect(await page.locator("svg.figure-chart").first().getAttribute("aria-labelledby")).toMatch(/-title$/);
    expect(suite.browser.errors).toEqual([]);
    expect(suite.browser.blocked).toEqual([]);
    await page.close();
  }, 30_000);

  it("sets forecasts apart, names each producer in the legend and boxes the conflict groups", async () => {
    const figures = (await figuresOf(MARKET_SIZE)).filter((f) => f.period);
    const conflicting = await conflictMembers(MARKET_SIZE);
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}${PAGE}`);
    const forecasts = await page.locator("svg.figure-chart a.mark.forecast").evaluateAll((as) => as.map((a) => a.getAttribute("data-slug")));
    expect(forecasts.sort()).toEqual(figures.filter((f) => f.kind === "FORECAST").map((f) => f.slug).sort());
    expect(forecasts.length).toBeGreaterThan(0);
    expect(await page.locator("svg.figure-chart a.mark.forecast line.period").first().getAttribute("stroke-dasharray")).toBe("6 4");
    const legend = (await page.locator("ul.legend li").allTextContents()).map((t) => t.trim());
    for (const f of figures) expect(legend).toContain(f.producers.map((p) => p.name).join(" and ") || "No attribution stated");
    const ringed = await page.locator("svg.figure-chart a.mark.conflict").evaluateAll((as) => as.map((a) => a.getAttribute("data-slug")));
    expect(ringed.sort()).toEqual(figures.filter((f) => conflicting.has(f.slug)).map((f) => f.slug).sort());
    expect(await page.locator("svg.figure-chart g.conflict-group").count()).toBeGreaterThan(0);
    expect(await page.locator("table.figures .badge.bad").count()).toBe(conflicting.size);
    await page.close();
  }, 30_000);

  it("draws bounds as arrows and approximations as bars, and takes a reader from a mark to its fact card", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}${PAGE}`);
    const moreThan = (await figuresOf(MARKET_SIZE)).find((f) => f.period && f.value.display.startsWith("more than"))!;
    expect(await page.locator(`a.mark[data-slug="${moreThan.slug}"] path.arrow`).count()).toBe(1);
    const about = (await figuresOf(MARKET_SIZE)).find((f) => f.period && f.value.display.startsWith("about"))!;
    expect(await page.locator(`a.mark[data-slug="${about.slug}"] rect.interval`).count()).toBe(1);
    await page.locator(`a.mark[data-slug="${about.slug}"]`).click();
    await page.waitForURL(`**/facts/${about.slug}`);
    expect(await page.locator("h1 .value").textContent()).toBeTruthy();
    await page.close();
  }, 30_000);

  it("can be embedded with ?embed=1: no site chrome, framing allowed, marks open outside the frame", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}${PAGE}?embed=1`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(await page.locator("header, footer, .skip-link").count()).toBe(0);
    expect(await page.locator("svg.figure-chart a.mark").first().getAttribute("target")).toBe("_blank");
    await screenshot(page, "metric-page-embed");
    await page.close();
  }, 30_000);

  it("answers an unknown metric with a 404 page that offers the search", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}/metrics/no-such-metric`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("No such metric");
    await page.getByLabel("Search figures").fill("trillion");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL("**/facts?q=trillion");
    expect(await page.locator("h1").textContent()).toBe("Figures matching “trillion”");
    await page.close();
  }, 30_000);

  it("shows the figure among its metric's figures on a fact card, this figure dotted", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/facts/ruhnn-gmv-2018-1-2bn`);
    expect(await page.locator("#chart a.mark.current").getAttribute("data-slug")).toBe("ruhnn-gmv-2018-1-2bn");
    // The figures it conflicts with are ringed, as its agreement section lists them.
    const conflicting = await page.locator("#agreement table.comparisons tbody td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice("/facts/".length)));
    const ringed = await page.locator("#chart a.mark.conflict").evaluateAll((as) => as.map((a) => a.getAttribute("data-slug")));
    expect(ringed.sort()).toEqual(["ruhnn-gmv-2018-1-2bn", ...conflicting].sort());
    await page.close();
  }, 30_000);
});
