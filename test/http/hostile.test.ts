import { describe, expect, it } from "vitest";
import { codes, expectHealthy, expectRefused, fixtureSuite } from "./helpers.js";

/**
 * Hostile and broken input over real HTTP: every request is refused with a 4xx or a GraphQL
 * error that carries a code — never a 500, never a crash — and /healthz answers after each.
 */
const suite = fixtureSuite();

/** `{ statistic { metric { statistics { nodes { metric { … } } } } } }` nested `levels` fields deep. */
function nested(levels: number): string {
  const steps = ["metric", "statistics(first: 1)", "nodes"];
  let open = `statistic(slug: "shoplive-widget-gmv-2020-2-5bn") {`;
  let depth = 1;
  let close = "}";
  for (let i = 0; depth < levels - 1; i++, depth++) {
    open += ` ${steps[i % 3]} {`;
    close += "}";
  }
  return `{ ${open} slug ${close} }`;
}

const get = (query: string, extra = "", headers: Record<string, string> = { "apollo-require-preflight": "true" }) =>
  fetch(`${suite.api.base}graphql?query=${encodeURIComponent(query)}${extra}`, { headers });

describe("hostile input", () => {
  it("refuses nesting 50 deep with QUERY_TOO_DEEP, naming the limit and the depth", async () => {
    const res = await suite.api.post({ query: nested(50) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(codes(body)).toContain("QUERY_TOO_DEEP");
    const e = body.errors.find((x: any) => x.extensions.code === "QUERY_TOO_DEEP");
    expect(e.message).toMatch(/nested too deeply \(found 50, limit 15\)/);
    expect(e.extensions).toMatchObject({ limit: "maxDepth", max: 15, found: 50 });
    await expectHealthy(suite.api.base);
  });

  it("lets the depth limit through when the nesting is within it", async () => {
    const res = await suite.api.post({ query: nested(15) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).errors).toBeUndefined();
  });

  it("refuses 1,000 aliases (the token limit stops the document before it is even validated)", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: knowledgeBase { dataVersion }`).join(" ");
    const res = await suite.api.post({ query: `{ ${aliases} }` });
    expect(await expectRefused(res)).toEqual(["TOO_MANY_TOKENS"]);
    expect(res.status).toBe(400);
    await expectHealthy(suite.api.base);
  });

  it("refuses too many aliases with TOO_MANY_ALIASES when the document is small enough to parse", async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: knowledgeBase { dataVersion }`).join(" ");
    const res = await suite.api.post({ query: `{ ${aliases} }` });
    const body = (await res.json()) as any;
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([{ message: "The operation uses too many aliases (found 100, limit 30).", extensions: { code: "TOO_MANY_ALIASES", limit: "maxAliases", max: 30, found: 100 } }]);
  });

  it("refuses too many tokens, counting them", async () => {
    const fields = Array.from({ length: 2100 }, () => "__typename").join(" ");
    const res = await suite.api.post({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: "The document has too many tokens (found 2102, limit 2000).", extensions: { code: "TOO_MANY_TOKENS", limit: "maxTokens", max: 2000, found: 2102 } }],
    });
  });

  it("refuses too many directives", async () => {
    const fields = Array.from({ length: 25 }, () => "__typename @include(if: true)").join(" ");
    const res = await suite.api.post({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0]).toEqual({ message: "The operation uses too many directives (found 25, limit 20).", extensions: { code: "TOO_MANY_DIRECTIVES", limit: "maxDirectives", max: 20, found: 25 } });
  });

  it("refuses a costly operation, counting page sizes given by variables too", async () => {
    const query = `query Wide($n: Int) { metrics(first: $n) { nodes { statistics(first: $n) { nodes { slug citations { source { title } } } } } } }`;
    const res = await suite.api.post({ query, variables: { n: 100 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(codes(body)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(body.errors[0].message).toMatch(/^Operation "Wide" would cost too much to answer; .* \(found \d+, limit 100000\)\.$/);
    // The same operation with small pages is fine.
    const small = await suite.api.post({ query, variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect(((await small.json()) as any).errors).toBeUndefined();
    // Costs are remembered per operation and page-size values: asking again gives the same answers.
    expect((await suite.api.post({ query, variables: { n: 100 } })).status).toBe(400);
    expect((await suite.api.post({ query, variables: { n: 5 } })).status).toBe(200);
    // A page size passed through a fragment's variable counts too.
    const viaFragment = `query Frag($n: Int) { metrics(first: $n) { nodes { ...Stats } } } fragment Stats on Metric { statistics(first: $n) { nodes { slug citations { source { title } } } } }`;
    expect(codes((await (await suite.api.post({ query: viaFragment, variables: { n: 100 } })).json()) as any)).toEqual(["QUERY_TOO_COSTLY"]);
    expect((await suite.api.post({ query: viaFragment, variables: { n: 5 } })).status).toBe(200);
  });

  it("answers first: 100000 with BAD_USER_INPUT naming the range", async () => {
    const res = await suite.api.post({ query: `{ statistics(first: 100000) { nodes { slug } } }` });
    expect(await expectRefused(res)).toEqual(["BAD_USER_INPUT"]);
    await expectHealthy(suite.api.base);
  });

  it("refuses a 2 MB body with 413", async () => {
    const res = await suite.api.post({ query: "{ __typename }", padding: "x".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await expectRefused(res)).toEqual(["PAYLOAD_TOO_LARGE"]);
    await expectHealthy(suite.api.base);
  });

  it("refuses invalid JSON with 400", async () => {
    const res = await suite.api.post(`{"query": "{ __typename }"`);
    expect(res.status).toBe(400);
    expect(await expectRefused(res)).toEqual(["BAD_REQUEST"]);
    await expectHealthy(suite.api.base);
  });

  it("refuses a wrong content type with 415 (or Apollo's CSRF refusal for form types)", async () => {
    for (const type of ["application/xml", "application/graphql"]) {
      const res = await suite.api.post(`{ __typename }`, { "content-type": type });
      expect(res.status).toBe(415);
      expect(await expectRefused(res)).toEqual(["UNSUPPORTED_MEDIA_TYPE"]);
    }
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await suite.api.post(`{"query":"{ __typename }"}`, { "content-type": type });
      expect(res.status).toBe(400);
      expect(await expectRefused(res)).toEqual(["BAD_REQUEST"]);
    }
    await expectHealthy(suite.api.base);
  });

  it("refuses wrong variable types with BAD_USER_INPUT", async () => {
    const query = `query($n: Int, $s: String!) { statistics(first: $n) { nodes { slug } } metric(slug: $s) { name } }`;
    for (const variables of [{ n: "ten", s: "x" }, { n: 1.5, s: "x" }, { n: 1, s: 42 }, { n: 1 }, { n: 1, s: null }, { n: [1], s: { a: 1 } }]) {
      const res = await suite.api.post({ query, variables });
      expect(await expectRefused(res)).toContain("BAD_USER_INPUT");
    }
    await expectHealthy(suite.api.base);
  });

  it("refuses variables and extensions that are not objects", async () => {
    for (const body of [{ query: "{ __typename }", variables: "[]" }, { query: "{ __typename }", variables: [1] }, { query: "{ __typename }", extensions: 3 }, { query: 42 }, {}, [], "x", null]) {
      const res = await suite.api.post(JSON.stringify(body));
      expect(res.status).toBe(400);
      await expectRefused(res);
    }
  });

  it("refuses an unknown operation name", async () => {
    const res = await suite.api.post({ query: `query A { __typename } query B { __typename }`, operationName: "C" });
    expect(res.status).toBe(400);
    expect(await expectRefused(res)).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
    const none = await suite.api.post({ query: `query A { __typename } query B { __typename }` });
    expect(await expectRefused(none)).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
    await expectHealthy(suite.api.base);
  });

  it("answers malformed search input with BAD_USER_INPUT", async () => {
    for (const q of [`"`, `AND OR`, `*`, `((`, ``, `x`.repeat(500), `NOT`, `"a" OR`]) {
      const res = await suite.api.post({ query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q } });
      expect(await expectRefused(res)).toEqual(["BAD_USER_INPUT"]);
    }
    const literal = await suite.api.post({ query: `{ search(query: "\\"") { totalCount } }` });
    expect(await expectRefused(literal)).toEqual(["BAD_USER_INPUT"]);
    await expectHealthy(suite.api.base);
  });

  it("refuses a mutation over GET with 405", async () => {
    const res = await get(`mutation { __typename }`);
    expect(res.status).toBe(405);
    expect(await expectRefused(res)).toEqual(["BAD_REQUEST"]);
    await expectHealthy(suite.api.base);
  });

  it("refuses syntax errors, unknown fields and bad literals with codes", async () => {
    for (const query of [`{`, `{ nope }`, `{ statistics(first: "x") { totalCount } }`, `query($a: Int) { __typename }`, `fragment F on Query { ...F } { ...F }`, `subscription { x }`, `mutation { x }`]) {
      const res = await suite.api.post({ query });
      expect(res.status).toBe(400);
      await expectRefused(res);
    }
  });

  it("refuses other methods and unknown paths", async () => {
    const put = await fetch(`${suite.api.base}graphql`, { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(await expectRefused(put)).toEqual(["METHOD_NOT_ALLOWED"]);
    const missing = await fetch(`${suite.api.base}nowhere`);
    expect(missing.status).toBe(404);
    expect(await expectRefused(missing)).toEqual(["NOT_FOUND"]);
  });

  it("answers malformed HTTP with 400 and stays up", async () => {
    const net = await import("node:net");
    const { port } = new URL(suite.api.base);
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => socket.write("BLAH /graphql HTTP/9.9\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d.toString()));
      socket.on("close", () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    await expectHealthy(suite.api.base);
  });
});
