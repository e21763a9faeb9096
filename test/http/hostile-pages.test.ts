import { describe, expect, it } from "vitest";
import { fixtureSuite } from "./helpers.js";

/**
 * Fact card pages under repeated requests: the database is immutable while served, so a card
 * is drawn once and then sent as it is, and a conditional request for it is answered 304
 * without querying or drawing anything. Statements are counted with the row cache off, so
 * every query the card would run shows.
 */
const suite = fixtureSuite({ rowCacheEntries: 0 });
const SLUG = "shoplive-widget-gmv-2020-2-5bn";

describe("fact card pages", () => {
  it("are drawn once: a repeat and a 304 run no statement", async () => {
    const url = `${suite.api.base}facts/${SLUG}`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain("2.5");
    const etag = first.headers.get("etag")!;
    const before = suite.api.kb.db.statementsExecuted;
    const again = await fetch(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(page);
    expect(again.headers.get("etag")).toBe(etag);
    const conditional = await fetch(url, { headers: { "if-none-match": etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get("etag")).toBe(etag);
    expect(suite.api.kb.db.statementsExecuted - before).toBe(0);
  });

  it("are kept apart when embedded, and not kept when the slug names nothing", async () => {
    const embedded = await fetch(`${suite.api.base}facts/${SLUG}?embed=1`);
    expect(embedded.status).toBe(200);
    const page = await (await fetch(`${suite.api.base}facts/${SLUG}`)).text();
    expect(await embedded.text()).not.toBe(page);
    const before = suite.api.kb.db.statementsExecuted;
    expect((await fetch(`${suite.api.base}facts/no-such-figure`)).status).toBe(404);
    expect((await fetch(`${suite.api.base}facts/no-such-figure`)).status).toBe(404);
    expect(suite.api.kb.db.statementsExecuted - before).toBeGreaterThan(0);
  });
});
