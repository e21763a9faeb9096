import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codes, expectHealthy, fixtureSuite, memoryLog, startServer } from "./helpers.js";

/**
 * Requests that are the client's fault get a coded 4xx (or a coded GraphQL error), at most a
 * short log line and never a stack; the search engine's own messages never reach clients.
 */
const log = memoryLog();
const suite = fixtureSuite({ logger: log.logger });

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261203 : undefined;
const runs = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
const PREFLIGHT = { "apollo-require-preflight": "true" };

describe("client errors", () => {
  it("refuses an APQ hash that is not the query's SHA-256 with 400 BAD_REQUEST, logging no error", async () => {
    const before = log.lines().length;
    const res = await suite.api.post({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.", extensions: { code: "BAD_REQUEST" } }] });
    const get = await fetch(`${suite.api.base}graphql?query=${encodeURIComponent("{ __typename }")}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "b".repeat(64) } }))}`, { headers: PREFLIGHT });
    expect(get.status).toBe(400);
    expect(codes(await get.json())).toEqual(["BAD_REQUEST"]);
    expect(log.lines().slice(before).filter((l) => l.level >= 50)).toEqual([]);
  });

  it("refuses variables nested 5,000 deep with 400 BAD_REQUEST, over POST and GET", async () => {
    const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const deepList = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    for (const [type, value] of [["String", deepObject], ["[String]", deepList]]) {
      const res = await suite.api.post(`{"query":"query($x: ${type}) { __typename }","variables":{"x":${value}}}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ message: "The request's variables or extensions are nested more than 64 levels deep.", extensions: { code: "BAD_REQUEST" } }] });
    }
    // A URL holds less: 200 levels over GET.
    const get = await fetch(`${suite.api.base}graphql?query=${encodeURIComponent("query($x: String) { __typename }")}&variables=${encodeURIComponent(`{"x":${'{"a":'.repeat(200)}1${"}".repeat(200)}}`)}`, { headers: PREFLIGHT });
    expect(get.status).toBe(400);
    expect(codes(await get.json())).toEqual(["BAD_REQUEST"]);
    // Nesting a real client would use is fine.
    const ok = await suite.api.post({ query: "query($n: Int) { statistics(first: $n) { totalCount } }", variables: { n: 1, note: { a: [[{ b: [["nested, within the limit"]] }]] } } });
    expect(ok.status).toBe(200);
    expect(log.lines().filter((l) => l.level >= 50)).toEqual([]);
    await expectHealthy(suite.api.base);
  });

  it("never passes the search engine's own words on: nesting FTS5 cannot parse is a BAD_USER_INPUT of ours", async () => {
    const res = await suite.api.post({ query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q: `${"(".repeat(99)}x${")".repeat(99)}` } });
    const body = (await res.json()) as any;
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors[0].message).toBe("Argument query: the parenthesis opened at character 11 is nested more than 10 deep.");
  });

  it("keeps FTS5 and SQLite messages out of every answer to a random search", async () => {
    const piece = fc.constantFrom("(", "(".repeat(50), ")", '"', "*", "AND", "OR", "NOT", " ", "taobao", "x", "-", ":", "^", "NEAR", "+", "1.73", "{", "}");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (parts) => {
        const res = await suite.api.post({ query: `query($q: String!) { search(query: $q) { totalCount nodes { snippet } } }`, variables: { q: parts.join(" ") } });
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        expect(text).not.toMatch(/fts5|sqlite|syntax error near|INTERNAL_SERVER_ERROR/i);
      }),
      runs(150),
    );
  });

  it("answers PUT, POST and DELETE on /healthz, /readyz and /schema.graphql with 405 and Allow", async () => {
    for (const path of ["healthz", "readyz", "schema.graphql"]) {
      for (const method of ["PUT", "POST", "DELETE"]) {
        const res = await fetch(`${suite.api.base}${path}`, { method });
        expect(res.status, `${method} /${path}`).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect(codes(await res.json())).toEqual(["METHOD_NOT_ALLOWED"]);
      }
    }
  });

  it("refuses a cursor of one list in a list of another parent: the top-level list's, or another metric's", async () => {
    const data = async (query: string, variables: Record<string, unknown> = {}) => (await (await suite.api.post({ query, variables })).json()) as any;
    const top = await data(`{ statistics(first: 1) { pageInfo { endCursor } } metrics(first: 2) { nodes { slug statistics(first: 1) { pageInfo { endCursor } } } } }`);
    const [a, b] = top.data.metrics.nodes;
    const nested = `query($m: String!, $after: String) { metric(slug: $m) { statistics(first: 1, after: $after) { nodes { slug } } } }`;
    const fromTop = await data(nested, { m: a.slug, after: top.data.statistics.pageInfo.endCursor });
    expect(codes(fromTop)).toEqual(["BAD_USER_INPUT"]);
    expect(fromTop.errors[0].message).toMatch(/^Argument after: the cursor belongs to another list or order/);
    const fromOther = await data(nested, { m: b.slug, after: a.statistics.pageInfo.endCursor });
    expect(codes(fromOther)).toEqual(["BAD_USER_INPUT"]);
    const own = await data(nested, { m: a.slug, after: a.statistics.pageInfo.endCursor });
    expect(own.errors).toBeUndefined();
  });

  it("does not show the process id on /readyz", async () => {
    const body = (await (await fetch(`${suite.api.base}readyz`)).json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("pid");
    expect(body.status).toBe("ready");
  });

  it("answers If-None-Match: * with 304 only for an answer that exists: never for an invalid query", async () => {
    const bad = await fetch(`${suite.api.base}graphql?query=${encodeURIComponent("{ noSuchField }")}`, { headers: { ...PREFLIGHT, "if-none-match": "*" } });
    expect(bad.status).toBe(400);
    expect(codes(await bad.json())).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const url = `${suite.api.base}graphql?query=${encodeURIComponent("{ knowledgeBase { builtAt } }")}`;
    const first = await fetch(url, { headers: { ...PREFLIGHT, "if-none-match": "*" } });
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).data.knowledgeBase.builtAt).toBe("2026-01-01T00:00:00.000Z");
    const again = await fetch(url, { headers: { ...PREFLIGHT, "if-none-match": "*" } });
    expect(again.status).toBe(304);
  });
});

describe("client errors with the response cache off", () => {
  it("answer If-None-Match: * on an unknown answer by running the query", async () => {
    const api = await startServer(suite.db.dbPath, { responseCacheEntries: 0 });
    try {
      const res = await fetch(`${api.base}graphql?query=${encodeURIComponent("{ noSuchField }")}`, { headers: { ...PREFLIGHT, "if-none-match": "*" } });
      expect(res.status).toBe(400);
    } finally {
      await api.close();
    }
  });
});
