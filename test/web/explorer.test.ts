import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { splitExamples } from "../../src/web/build/examples.js";
import { screenshot } from "./browser.js";
import { browserSuite } from "./web-server.js";

const suite = browserSuite();

/** The text of every Monaco model on the page (GraphiQL exposes Monaco as globalThis.__MONACO). */
async function editorModels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const monaco = (globalThis as unknown as { __MONACO?: { editor: { getModels(): { getValue(): string }[] } } }).__MONACO;
    return monaco ? monaco.editor.getModels().map((m) => m.getValue()) : [];
  });
}

/** Opens a tab, presses Run, and returns the result's `data` once the response editor shows it (it must have `field`). */
async function runTab<T>(page: Page, tab: string, field: string): Promise<T> {
  await page.locator(".graphiql-tab .graphiql-tab-button").filter({ hasText: new RegExp(`^${tab}$`) }).click();
  await page.locator(".graphiql-execute-button").click();
  let data: Record<string, unknown> | undefined;
  await expect
    .poll(
      async () => {
        for (const text of await editorModels(page)) {
          try {
            const parsed = JSON.parse(text) as { data?: Record<string, unknown> };
            if (parsed.data && field in parsed.data) {
              data = parsed.data;
              return true;
            }
          } catch {
            /* not JSON, or still being written */
          }
        }
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return data as T;
}

describe("the explorer", () => {
  it("opens with the example operations as tabs, runs them and shows their results, with no request leaving the server", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/`);
    const tabs = page.locator(".graphiql-tab .graphiql-tab-button");
    // One tab per operation of examples.graphql, in file order (read when the assets were built).
    const names = splitExamples(readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8")).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["TraceJobsFigure", "MetricAcrossSources", "ConflictsOverMarketSize", "SearchTaobaoLive"]));
    await expect.poll(() => tabs.allTextContents(), { timeout: 30_000 }).toEqual(names);

    const trace = await runTab<{ statistic: { slug: string; value: { asWritten: string }; citations: { quote: { start: number; end: number }; verified: boolean }[] } }>(page, "TraceJobsFigure", "statistic");
    expect(trace.statistic.slug).toBe("taobao-live-jobs-created-over-1-73m");
    expect(trace.statistic.value.asWritten).toBe("more than 1.73 million");
    expect(trace.statistic.citations).toContainEqual(expect.objectContaining({ quote: expect.objectContaining({ start: 2191, end: 2292 }), verified: true }));
    await screenshot(page, "explorer");

    const conflicts = await runTab<{ conflicts: { totalCount: number } }>(page, "ConflictsOverMarketSize", "conflicts");
    expect(conflicts.conflicts.totalCount).toBeGreaterThan(0);

    expect(suite.browser.blocked).toEqual([]);
    expect(suite.browser.requests.filter((u) => new URL(u).origin !== suite.server.origin)).toEqual([]);
    // Scripts, styles, fonts and Monaco's workers were all served by the server itself.
    expect(suite.browser.requests.some((u) => /\/assets\/monaco-graphql-[0-9a-f]{12}\.worker\.js$/.test(u))).toBe(true);
    expect(suite.browser.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("documents the schema from introspection and completes field names", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/graphql`);
    await page.locator(".graphiql-tab").first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: /show documentation explorer/i }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Query", { exact: true }).first().click();
    await expect.poll(() => docs.textContent(), { timeout: 15_000 }).toContain("statistics");

    await page.locator(".graphiql-query-editor .monaco-editor").first().click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("{ statis");
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".suggest-widget .monaco-list-row");
    await expect.poll(() => suggestions.allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining("statistics")]));
    expect(suite.browser.blocked).toEqual([]);
    expect(suite.browser.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("can be used from the keyboard: the first Tab stop is a visible, outlined link; the page has a language and a heading", async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.origin}/`);
    await page.locator(".graphiql-tab").first().waitFor({ timeout: 30_000 });
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").allTextContents()).toEqual(["China live-streaming e-commerce facts: GraphQL explorer"]);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused).toMatchObject({ tag: "A", text: "Schema (SDL)", outline: "solid" });
    expect(focused.width).toBeGreaterThanOrEqual(2);
    await page.close();
  }, 60_000);
});
