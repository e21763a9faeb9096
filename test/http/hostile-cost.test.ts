import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childServerSuite, codes } from "./helpers.js";

/**
 * Documents that cost the server far more than their size: the server must refuse them at once,
 * with a code, and stay responsive meanwhile. The server runs in a child process so that a
 * server frozen by synchronous work fails these tests (its answers time out) instead of
 * freezing the test runner with it.
 */
const server = childServerSuite();

/** A time that only a frozen server misses (the suite must pass with a core busy elsewhere). */
const HANG_MS = 6_000;

const post = (body: unknown) => server.post(body, HANG_MS);

/** Fragments F1..Fn, each spreading the one before `width` times; F0 selects one field. */
function fanOut(levels: number, width: number, leaf = "slug"): string {
  let doc = `query FanOut { statistics(first: 1) { nodes { ...F${levels} } } }\nfragment F0 on Statistic { ${leaf} }\n`;
  for (let i = 1; i <= levels; i++) doc += `fragment F${i} on Statistic { ${Array.from({ length: width }, () => `...F${i - 1}`).join(" ")} }\n`;
  return doc;
}

/** Sends `body` and, while it is being answered, asks /healthz; both must answer in time. */
const refusedWhileHealthy = (body: unknown) => server.answerWhileHealthy(body, HANG_MS);

describe("cost analysis of fragments spread in one another", () => {
  it("refuses a 1 KB document whose fragments each spread the previous one 16 times with QUERY_TOO_COSTLY, answering /healthz meanwhile", async () => {
    const query = fanOut(8, 16);
    expect(query.length).toBeLessThan(1100);
    const { status, json } = await refusedWhileHealthy({ query });
    expect(status).toBe(400);
    expect(codes(json)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(json.errors[0].extensions).toMatchObject({ limit: "maxCost", max: 100000 });
  });

  it("gives a number too large to hold exactly as 'more than' the largest safe integer", async () => {
    const { status, json } = await refusedWhileHealthy({ query: fanOut(30, 16) });
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", found: `more than ${Number.MAX_SAFE_INTEGER}` });
  });

  it("counts aliases and depth through the same fan-out without re-walking it", async () => {
    const aliased = await refusedWhileHealthy({ query: fanOut(40, 16, "a: slug") });
    expect(codes(aliased.json)).toEqual(["TOO_MANY_ALIASES"]);
    const directives = await refusedWhileHealthy({ query: fanOut(40, 16, "slug @include(if: true)") });
    expect(codes(directives.json)).toEqual(["TOO_MANY_DIRECTIVES"]);
  });

  it("still prices a fan-out that stays cheap and runs it", async () => {
    const res = await post({ query: fanOut(3, 4) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).errors).toBeUndefined();
  });
});
