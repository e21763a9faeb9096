import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server.js";
import { readManifest } from "../../src/web/manifest.js";
import { type WebTestServer, startWebTestServer } from "./web-server.js";

let server: WebTestServer;
beforeAll(async () => {
  server = await startWebTestServer();
}, 180_000);
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(`${server.origin}${path}`, { headers, method });

describe("the web routes over HTTP", () => {
  it("serve the explorer at / and to browsers at /graphql, with a nonce-only style policy and the examples as data", async () => {
    for (const path of ["/", "/graphql"]) {
      const res = await get(path, { accept: "text/html,application/xhtml+xml" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const csp = res.headers.get("content-security-policy")!;
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      expect(csp).toBe(
        `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; style-src-elem 'self' 'nonce-${nonce}'; style-src-attr 'unsafe-inline'; ` +
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      const body = await res.text();
      expect(body).toContain(`nonce="${nonce}" defer></script>`);
      const examples = JSON.parse(/<script type="application\/json" id="lsf-examples">(.*?)<\/script>/s.exec(body)![1]!);
      expect(examples.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(["TraceJobsFigure", "MetricAcrossSources", "SearchTaobaoLive"]));
      expect(body).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//i);
    }
  });

  it("give a fresh style nonce to every explorer response", async () => {
    const nonces = await Promise.all([1, 2].map(async () => /'nonce-([^']+)'/.exec((await get("/")).headers.get("content-security-policy")!)![1]));
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("leave /graphql to the API for queries and for clients that do not ask for HTML", async () => {
    const query = await get(`/graphql?query=${encodeURIComponent("{ knowledgeBase { dataVersion } }")}`, { accept: "text/html, application/json;q=0.9", "apollo-require-preflight": "true" });
    expect(await query.json()).toEqual({ data: { knowledgeBase: { dataVersion: server.api.kb.build.dataVersion } } });
    const persisted = await get(`/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }))}`, {
      accept: "text/html, application/json;q=0.9",
      "apollo-require-preflight": "true",
    });
    expect(persisted.headers.get("content-type")).toMatch(/json/);
    await persisted.text();
    const json = await get("/graphql", { accept: "application/json" });
    expect(json.headers.get("content-type")).not.toMatch(/text\/html/);
  });

  it("serve hashed assets compressed, cached for a year, and revalidated with 304", async () => {
    const name = readManifest()!.entries.explorerScript;
    const res = await get(`/assets/${name}`, { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("vary")).toBe("accept-encoding");
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
    const gz = await get(`/assets/${name}`, { "accept-encoding": "gzip, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    await gz.arrayBuffer();
    const again = await get(`/assets/${name}`, { "accept-encoding": "br", "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
    const head = await get(`/assets/${name}`, { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(readManifest()!.files[name]!.bytes);
  });

  it("keep Vary: Origin beside Vary: accept-encoding on assets when CORS is limited to listed origins", async () => {
    const limited = await createServer(server.api.kb, { corsOrigins: "https://example.org" });
    try {
      const { port } = await limited.listen(0, "127.0.0.1");
      const name = readManifest()!.entries.explorerScript;
      const res = await fetch(`http://127.0.0.1:${port}/assets/${name}`, { headers: { origin: "https://example.org", "accept-encoding": "br" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("https://example.org");
      expect(res.headers.get("vary")).toBe("Origin, accept-encoding");
      await res.arrayBuffer();
    } finally {
      await limited.stop();
    }
  });

  it("serve only files of the build under /assets/, never a path into the file system", async () => {
    for (const path of ["/assets/manifest.json", "/assets/%2e%2e%2fmanifest.json", "/assets/..%2F..%2Fpackage.json", "/assets/explorer.js"]) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(await res.text()).toContain("No such file");
    }
  });

  it("answer a fact card with a strict policy and an ETag, and 304 when it has not changed", async () => {
    const res = await get("/facts/taobao-live-jobs-created-over-1-73m");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    await res.text();
    const again = await get("/facts/taobao-live-jobs-created-over-1-73m", { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("answer a slug no statistic has, or that cannot be one, with a 404 page that escapes it", async () => {
    const res = await get("/facts/no-such-figure");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No statistic has the slug “no-such-figure”.");
    const odd = await get(`/facts/${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(odd.status).toBe(404);
    const body = await odd.text();
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain("<script>alert");
  });

  it("leave every other path to the API", async () => {
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/nothing-here")).status).toBe(404);
    expect((await get("/factsheet")).headers.get("content-type")).toMatch(/json/);
  });
});
