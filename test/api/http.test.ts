import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaSdl } from "../../src/schema/index.js";
import { type RunningServer, fixtureSuite, startServer } from "../http/helpers.js";

const suite = fixtureSuite();
let small: RunningServer;
beforeAll(async () => {
  small = await startServer(suite.db.dbPath, { maxBodyBytes: 1024 });
});
afterAll(() => small?.close());

describe("HTTP transport", () => {
  it("answers a POSTed JSON query", async () => {
    const res = await suite.api.post({ query: `{ platform(slug: "shoplive") { name } }` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await res.json()).toEqual({ data: { platform: { name: "Shoplive" } } });
  });

  it("answers a query over GET when the request carries a CSRF-safe header", async () => {
    const query = encodeURIComponent(`query($s: String!) { metric(slug: $s) { name } }`);
    const variables = encodeURIComponent(JSON.stringify({ s: "users" }));
    const res = await fetch(`${suite.api.base}graphql?query=${query}&variables=${variables}`, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { metric: { name: "Users" } } });
  });

  it("refuses a GET without a CSRF-safe header (CSRF prevention is on)", async () => {
    const res = await fetch(`${suite.api.base}graphql?query=${encodeURIComponent("{ knowledgeBase { dataVersion } }")}`);
    expect(res.status).toBe(400);
  });

  it("refuses a mutation over GET", async () => {
    const res = await fetch(`${suite.api.base}graphql?query=${encodeURIComponent("mutation { x }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(405);
    expect(((await res.json()) as any).errors[0].message).toBe("GET requests only support query operations, not mutation operations");
  });

  it("answers a user error with its code, not a server error", async () => {
    for (const query of [`{ statistics(first: 0) { totalCount } }`, `{ search(query: "AND OR") { totalCount } }`]) {
      const res = await suite.api.post({ query });
      const body = (await res.json()) as any;
      expect(res.status).toBe(200);
      expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("refuses a body that is not JSON with 400", async () => {
    const res = await suite.api.post("{ not json");
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("refuses a body over the size limit with 413, saying the limit", async () => {
    const res = await small.post({ query: `{ knowledgeBase { dataVersion } }`, padding: "x".repeat(2000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message: "Request body too large: the limit is 1024 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("does not batch operations over HTTP", async () => {
    const res = await suite.api.post([{ query: "{ knowledgeBase { dataVersion } }" }, { query: "{ knowledgeBase { builtAt } }" }]);
    expect(res.status).toBe(400);
  });

  it("reports health with the data version", async () => {
    const res = await fetch(`${suite.api.base}healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", dataVersion: suite.api.kb.build.dataVersion, builtAt: "2026-01-01T00:00:00.000Z" });
  });

  it("serves the schema as SDL", async () => {
    const res = await fetch(`${suite.api.base}schema.graphql`);
    expect(await res.text()).toBe(schemaSdl());
  });

  it("shows browsers a page that loads nothing from the internet, at / and at /graphql", async () => {
    for (const path of ["", "graphql"]) {
      const res = await fetch(`${suite.api.base}${path}`, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await res.text();
      // The explorer when its assets are built (test/web covers it), else the plain query page.
      expect(html).toMatch(/<title>[^<]*GraphQL[^<]*<\/title>/);
      expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/cdn|unpkg|jsdelivr|apollographql\.com/i);
    }
  });

  it("answers unknown paths with 404", async () => {
    const res = await fetch(`${suite.api.base}nothing-here`);
    expect(res.status).toBe(404);
  });
});
