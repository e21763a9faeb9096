import { describe, expect, it } from "vitest";
import { browserSuite } from "./web-server.js";

const suite = browserSuite();

describe("a way in without GraphQL: the figures list (/facts) and the metrics list (/metrics)", () => {
  it("lists every figure page by page, newest period first, each in words and linked to its card", async () => {
    const { statistics } = await suite.server.api.data("{ statistics(first: 25, orderBy: { field: PERIOD, direction: DESC }) { totalCount nodes { slug value { display } } } }");
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}/facts`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("form-action 'self'");
    expect(await page.locator("p.summary").textContent()).toBe(`${statistics.totalCount} figures in the knowledge base, newest period first.`);
    const first = page.locator("ul.fact-list a.figure");
    expect(await first.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(statistics.nodes.map((n: { slug: string }) => `/facts/${n.slug}`));
    expect(await first.allTextContents()).toEqual(statistics.nodes.map((n: { value: { display: string } }) => n.value.display));
    await page.getByRole("link", { name: "Next page →" }).click();
    await page.waitForURL(/\/facts\?after=/);
    const second = await page.locator("ul.fact-list a.figure").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(second).toHaveLength(25);
    expect(second.filter((h) => statistics.nodes.some((n: { slug: string }) => `/facts/${n.slug}` === h))).toEqual([]);
    await page.getByRole("link", { name: "← Previous page" }).click();
    await page.waitForURL(/\/facts\?before=/);
    expect(await page.locator("ul.fact-list a.figure").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(statistics.nodes.map((n: { slug: string }) => `/facts/${n.slug}`));
    await page.close();
  }, 30_000);

  it("searches with the API's search and filters by metric and by source", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/facts`);
    await page.getByLabel("Search figures").fill("trillion");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/facts\?q=trillion&/);
    const { search } = await suite.server.api.data('{ search(query: "trillion", types: [STATISTIC], first: 25) { nodes { node { ... on Statistic { slug } } } } }');
    expect(await page.locator("ul.fact-list a.figure").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      search.nodes.map((n: { node: { slug: string } }) => `/facts/${n.node.slug}`),
    );
    expect(await page.locator("ul.fact-list .snippet mark").count()).toBeGreaterThan(0);

    await page.goto(`${suite.server.origin}/facts`);
    await page.getByLabel("Metric").selectOption("live-commerce-gmv");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/metric=live-commerce-gmv/);
    const metrics = await page.locator("ul.fact-list .what").allTextContents();
    expect(metrics.length).toBeGreaterThan(0);
    for (const m of metrics) expect(m).toMatch(/^Live-streaming e-commerce gross merchandise value · /);

    const source = "peoples-daily-2020-10-22-live-streaming-trillion";
    const { source: doc } = await suite.server.api.data(`{ source(slug: "${source}") { statistics(first: 100) { totalCount } } }`);
    await page.goto(`${suite.server.origin}/facts?source=${source}`);
    expect(await page.locator("p.summary").textContent()).toBe(`${doc.statistics.totalCount} figures match the filters, newest period first.`);
    await page.close();
  }, 30_000);

  it("says what is wrong with a malformed search instead of failing", async () => {
    const page = await suite.browser.newPage();
    const response = await page.goto(`${suite.server.origin}/facts?q=${encodeURIComponent('"unclosed')}`);
    expect(response?.status()).toBe(400);
    expect(await page.locator("p.error").textContent()).toBe("The search could not be read: the double quote at character 1 is never closed.");
    expect(await page.getByLabel("Search figures").inputValue()).toBe('"unclosed');
    await page.close();
  }, 30_000);

  it("lists the metrics with their numbers of figures and conflict groups, each linked to its page", async () => {
    const { metrics } = await suite.server.api.data("{ metrics(first: 100) { totalCount nodes { slug statistics(first: 1) { totalCount } } } }");
    const { conflicts } = await suite.server.api.data("{ conflicts(first: 100) { nodes { metrics { slug } } } }");
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/metrics`);
    const rows = await page.locator("table.metrics tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("a")!.getAttribute("href"), tr.querySelectorAll("td")[0]!.textContent, tr.querySelectorAll("td")[1]!.textContent]),
    );
    expect(rows).toHaveLength(metrics.totalCount);
    const groups = (slug: string) => conflicts.nodes.filter((g: { metrics: { slug: string }[] }) => g.metrics.some((m) => m.slug === slug)).length;
    for (const m of metrics.nodes) expect(rows).toContainEqual([`/metrics/${m.slug}`, String(m.statistics.totalCount), String(groups(m.slug))]);
    // Most figures first.
    const counts = rows.map((r: (string | null)[]) => Number(r[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.close();
  }, 30_000);
});
