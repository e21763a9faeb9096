import { describe, expect, it } from "vitest";
import { sha256 } from "../fixtures/sha256.js";
import { fixtureSuite, startServer } from "./helpers.js";

const suite = fixtureSuite();

const QUERY = `query Platform($s: String!) { platform(slug: $s) { name statistics(first: 3) { nodes { slug value { asWritten } } } } }`;
const CSRF = { "apollo-require-preflight": "true" };
const getUrl = (base: string, params: Record<string, unknown>) =>
  `${base}graphql?${new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]))).toString()}`;

describe("HTTP caching", () => {
  it("gives successful queries Cache-Control: public and an ETag, and answers If-None-Match with 304", async () => {
    const url = getUrl(suite.api.base, { query: QUERY, variables: { s: "shoplive" } });
    const first = await fetch(url, { headers: CSRF });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    expect(first.headers.get("vary")).toContain("Accept");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const data = await first.json();

    const again = await fetch(url, { headers: { ...CSRF, "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const weak = await fetch(url, { headers: { ...CSRF, "if-none-match": `"nope", W/${etag}` } });
    expect(weak.status).toBe(304);

    const stale = await fetch(url, { headers: { ...CSRF, "if-none-match": `"something-else"` } });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toEqual(data);
  });

  it("derives the ETag from the data version and the whole request", async () => {
    const etag = async (base: string, params: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (await fetch(getUrl(base, params), { headers: { ...CSRF, ...headers } })).headers.get("etag");
    const a = await etag(suite.api.base, { query: QUERY, variables: { s: "shoplive" } });
    expect(await etag(suite.api.base, { query: QUERY, variables: { s: "shoplive" } })).toBe(a);
    expect(await etag(suite.api.base, { query: QUERY, variables: { s: "widgetmall" } })).not.toBe(a);
    expect(await etag(suite.api.base, { query: QUERY, variables: { s: "shoplive" }, operationName: "Platform" })).not.toBe(a);
    expect(await etag(suite.api.base, { query: `${QUERY} `, variables: { s: "shoplive" } })).not.toBe(a);
    expect(await etag(suite.api.base, { query: QUERY, variables: { s: "shoplive" } }, { accept: "application/graphql-response+json" })).not.toBe(a);
    const other = await startServer(suite.db.dbPath, {}, (kb) => ({ ...kb, build: { ...kb.build, dataVersion: "another-data-version" } }));
    try {
      expect(await etag(other.base, { query: QUERY, variables: { s: "shoplive" } })).not.toBe(a);
    } finally {
      await other.close();
    }
  });

  it("sends no-store and no ETag with errors, and never caches them", async () => {
    const size = suite.api.server.responseCache.size;
    for (const body of [{ query: `{ statistics(first: 0) { totalCount } }` }, { query: `{ nope }` }, { query: `{ search(query: "\\"") { totalCount } }` }]) {
      const res = await suite.api.post(body);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
      await res.text();
    }
    expect(suite.api.server.responseCache.size).toBe(size);
  });

  it("answers a repeated operation from the response cache without running a statement", async () => {
    const body = { query: QUERY, variables: { s: "shoplive" }, operationName: "Platform" };
    const first = await suite.api.post(body);
    const bytes = await first.text();
    const statements = suite.api.kb.db.statementsExecuted;
    const hits = suite.api.server.responseCache.hits;
    const second = await suite.api.post(body);
    expect(await second.text()).toBe(bytes);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(suite.api.kb.db.statementsExecuted).toBe(statements);
    expect(suite.api.server.responseCache.hits).toBe(hits + 1);
    // A hit still carries its own request id, CORS and caching headers.
    expect(second.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(second.headers.get("access-control-allow-origin")).toBe("*");
    expect(second.headers.get("cache-control")).toBe("public, max-age=300");
    expect(second.headers.get("vary")).toBe("Accept");
    const mine = await suite.api.post(body, { "x-request-id": "cdn-1234" });
    expect(mine.headers.get("x-request-id")).toBe("cdn-1234");
    expect(await mine.text()).toBe(bytes);
    // The same bytes under a content type the API refuses are refused, cached or not.
    const xml = await suite.api.post(JSON.stringify(body), { "content-type": "application/xml" });
    expect(xml.status).toBe(415);
    await xml.text();
    // Other variables are another entry.
    const size = suite.api.server.responseCache.size;
    const other = await suite.api.post({ ...body, variables: { s: "widgetmall" } });
    await other.text();
    expect(suite.api.server.responseCache.size).toBeGreaterThan(size);
  });

  it("keeps the response cache within its entry and byte bounds", async () => {
    const small = await startServer(suite.db.dbPath, { responseCacheEntries: 2, responseCacheMb: 1_000_000 / 2 ** 20 });
    try {
      for (const s of ["shoplive", "widgetmall", "nosuch", "shoplive"]) await (await small.post({ query: QUERY, variables: { s } })).text();
      expect(small.server.responseCache.size).toBe(2);
      const tiny = await startServer(suite.db.dbPath, { responseCacheEntries: 100, responseCacheMb: 1000 / 2 ** 20 });
      try {
        await (await tiny.post({ query: QUERY, variables: { s: "shoplive" } })).text();
        expect(tiny.server.responseCache.sizeBytes).toBeLessThanOrEqual(1000);
      } finally {
        await tiny.close();
      }
    } finally {
      await small.close();
    }
  });

  it("serves automatic persisted queries over GET: register with POST, then GET with only the hash", async () => {
    // No response cache here, so the GET is answered by Apollo's APQ store.
    const apq = await startServer(suite.db.dbPath, { responseCacheEntries: 0 });
    try {
      const query = `query Apq { platform(slug: "shoplive") { name } }`;
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
      const unknown = await fetch(getUrl(apq.base, { extensions }), { headers: CSRF });
      expect(unknown.status).toBe(200);
      expect(((await unknown.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(unknown.headers.get("cache-control")).toBe("no-store");

      const registered = await apq.post({ query, extensions });
      expect(await registered.json()).toEqual({ data: { platform: { name: "Shoplive" } } });

      const res = await fetch(getUrl(apq.base, { extensions }), { headers: CSRF });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { platform: { name: "Shoplive" } } });
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      expect(res.headers.get("etag")).toBe(registered.headers.get("etag"));

      // CSRF prevention applies to APQ GETs like any GET: a simple request is refused.
      const simple = await fetch(getUrl(apq.base, { extensions }));
      expect(simple.status).toBe(400);
      expect(((await simple.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
      // A mismatched hash is refused.
      const mismatch = await apq.post({ query: `{ __typename }`, extensions });
      expect(mismatch.status).toBe(400);
      await mismatch.text();
    } finally {
      await apq.close();
    }
  });

  it("shares one response-cache entry between the registering POST and the hash-only GET", async () => {
    const query = `query Shared { platform(slug: "widgetmall") { name } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    await (await suite.api.post({ query, extensions })).text();
    const statements = suite.api.kb.db.statementsExecuted;
    const res = await fetch(getUrl(suite.api.base, { extensions }), { headers: CSRF });
    expect(res.status).toBe(200);
    await res.json();
    expect(suite.api.kb.db.statementsExecuted).toBe(statements);
  });

  it("never serves a cached answer to a request Apollo would refuse", async () => {
    const url = getUrl(suite.api.base, { query: QUERY, variables: { s: "shoplive" } });
    await (await fetch(url, { headers: CSRF })).text();
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(((await simple.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("answers HEAD like GET without a body, and ignores If-None-Match on POST", async () => {
    const url = getUrl(suite.api.base, { query: QUERY, variables: { s: "shoplive" } });
    const head = await fetch(url, { method: "HEAD", headers: CSRF });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toMatch(/^"/);
    expect(await head.text()).toBe("");
    const post = await suite.api.post({ query: QUERY, variables: { s: "shoplive" } }, { "if-none-match": "*" });
    expect(post.status).toBe(200);
    expect(((await post.json()) as any).data.platform.name).toBe("Shoplive");
  });

  it("keeps repository results across requests in the row cache, frozen, and runs no statement for rows already read", async () => {
    const rows = await startServer(suite.db.dbPath, { responseCacheEntries: 0, rowCacheEntries: 100 });
    try {
      const q = (fields: string) => rows.post({ query: `{ platform(slug: "shoplive") { ${fields} } }` }).then((r) => r.json());
      expect(await q("name")).toEqual({ data: { platform: { name: "Shoplive" } } });
      const before = rows.kb.db.statementsExecuted;
      // Another operation over the same rows: answered by the row cache, not SQL.
      expect(await q("slug name")).toEqual({ data: { platform: { slug: "shoplive", name: "Shoplive" } } });
      expect(rows.kb.db.statementsExecuted).toBe(before);
      expect(rows.server.rowCache!.hits).toBeGreaterThan(0);
      expect(rows.server.rowCache!.size).toBeLessThanOrEqual(100);
      // What it hands out cannot be changed by one request for the others.
      const cached = rows.server.rowCache!.call("entities.bySlugs", [["shoplive"]], () => {
        throw new Error("should be cached");
      }) as Record<string, unknown>[];
      expect(Object.isFrozen(cached) && Object.isFrozen(cached[0])).toBe(true);
    } finally {
      await rows.close();
    }
  });

  it("has no row cache in an in-process server unless asked (statement-counting tests see every statement)", async () => {
    const { createServer } = await import("../../src/server.js");
    const s = await createServer(suite.api.kb);
    expect(s.rowCache).toBeUndefined();
    await s.stop();
  });

  it("keeps Apollo's parsed-and-validated document cache on (32 MiB of documents), so limits and validation run once per document", async () => {
    const derived = (suite.api.server.apollo as any).internals.state.schemaManager.getSchemaDerivedData();
    expect(derived.documentStore.maxBytes).toBe(32 * 2 ** 20);
    const query = `{ platform(slug: "shoplive") { slug } }`;
    await (await suite.api.post({ query })).text();
    expect(derived.documentStore.keys().some((k: string) => k.endsWith(sha256(query)))).toBe(true);
  });
});
