import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/db/open.js";
import { codes, expectHealthy, fixtureSuite, memoryLog, startServer } from "./helpers.js";

const suite = fixtureSuite();

/** Callbacks waiting for the next request to reach delayHook. */
const waiting: (() => void)[] = [];
/** Resolves when the next request reaches delayHook: it is then in flight, past the listener's backlog. */
const nextArrival = () => new Promise<void>((resolve) => waiting.push(resolve));

/** A hook that makes requests carrying `x-delay` wait that many milliseconds before they run, and reports each arrival. */
const delayHook = {
  async beforeExecute(req: import("node:http").IncomingMessage) {
    for (const resolve of waiting.splice(0)) resolve();
    const ms = Number(req.headers["x-delay"] ?? 0);
    if (ms > 0) await sleep(ms);
  },
};

describe("transport", () => {
  it("sets keep-alive, header and request timeouts", () => {
    expect(suite.api.server.http.keepAliveTimeout).toBe(5000);
    expect(suite.api.server.http.headersTimeout).toBe(10000);
    expect(suite.api.server.http.requestTimeout).toBe(20000);
  });

  it("does not batch operations over HTTP", async () => {
    const res = await suite.api.post([{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(res.status).toBe(400);
    expect(codes(await res.json())).toEqual(["BAD_REQUEST"]);
  });

  it("lets any origin read responses by default, without credentials, and answers preflights", async () => {
    const res = await suite.api.post({ query: "{ __typename }" }, { origin: "https://anywhere.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const pre = await fetch(`${suite.api.base}graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://anywhere.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD, POST, OPTIONS");
    expect(pre.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(pre.headers.get("access-control-allow-headers")).toContain("apollo-require-preflight");
  });

  it("lets only the configured origins read responses when a list is given", async () => {
    const strict = await startServer(suite.db.dbPath, { corsOrigins: "https://a.example,https://b.example" });
    try {
      const ok = await strict.post({ query: "{ __typename }" }, { origin: "https://b.example" });
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://b.example");
      expect(ok.headers.get("vary")).toContain("Origin");
      const evil = await strict.post({ query: "{ __typename }" }, { origin: "https://evil.example" });
      expect(evil.headers.get("access-control-allow-origin")).toBeNull();
      const pre = await fetch(`${strict.base}graphql`, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-methods")).toBeNull();
    } finally {
      await strict.close();
    }
  });

  it("answers a request still waiting at its deadline with 503 DEADLINE_EXCEEDED, at the deadline", async () => {
    const log = memoryLog();
    const slow = await startServer(suite.db.dbPath, { requestTimeoutMs: 150, testHooks: delayHook, logger: log.logger });
    try {
      const started = Date.now();
      const res = await slow.post({ query: "{ __typename }" }, { "x-delay": "1500" });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as any;
      expect(body.errors).toEqual([
        {
          message: "The request ran past its deadline of 150 ms and was abandoned; ask for less (fewer or smaller pages) and try again.",
          extensions: { code: "DEADLINE_EXCEEDED", deadlineMs: 150, requestId: res.headers.get("x-request-id") },
        },
      ]);
      expect(elapsed).toBeLessThan(1200);
      expect(log.lines().some((l) => l.msg === "request abandoned at its deadline")).toBe(true);
      await expectHealthy(slow.base);
    } finally {
      await slow.close();
    }
  });

  it("abandons synchronous work at the next repository call once the deadline has passed", async () => {
    let calls = 0;
    const slowRepos = (kb: KnowledgeBase): KnowledgeBase => ({
      ...kb,
      repositories: (run) => {
        const repos = kb.repositories(run);
        const statistics = new Proxy(repos.statistics, {
          get(target, key) {
            const value = Reflect.get(target, key, target) as unknown;
            if (typeof value !== "function") return value;
            return (...args: unknown[]) => {
              const result = (value as (...a: unknown[]) => unknown).apply(target, args);
              calls++; // a call whose statements ran
              const until = Date.now() + 350;
              while (Date.now() < until); // a statement that takes 350 ms (past the deadline), blocking the loop
              return result;
            };
          },
        });
        return { ...repos, statistics };
      },
    });
    const slow = await startServer(suite.db.dbPath, { requestTimeoutMs: 300 }, slowRepos);
    try {
      // A first request readies the server, so the one below reaches its first repository call well within its deadline.
      expect((await slow.post({ query: "{ __typename }" })).status).toBe(200);
      const cached = slow.server.responseCache.size;
      const res = await slow.post({ query: `{ statistics(first: 5) { nodes { slug metric { name } citations { source { title } } producers { name } } } }` });
      expect(res.status).toBe(503);
      expect(codes(await res.json())).toEqual(["DEADLINE_EXCEEDED"]);
      // The page was read (one call) and nothing after it.
      expect(calls).toBe(1);
      expect(slow.server.responseCache.size).toBe(cached);
      await expectHealthy(slow.base);
    } finally {
      await slow.close();
    }
  });

  it("lets in-flight requests finish when stopped, and refuses new connections", async () => {
    const s = await startServer(suite.db.dbPath, { testHooks: delayHook });
    const arrived = nextArrival();
    const inFlight = s.post({ query: `{ platform(slug: "shoplive") { name } }` }, { "x-delay": "400" });
    await arrived;
    const stopped = s.server.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { platform: { name: "Shoplive" } } });
    expect(await stopped).toBe(true);
    await expect(fetch(`${s.base}healthz`)).rejects.toThrow();
    await s.close();
  });

  it("reports not ready (503) as soon as it starts stopping, while it still accepts during the shutdown delay", async () => {
    // The delay only has to outlast two local requests, however busy the machine is.
    const s = await startServer(suite.db.dbPath, { shutdownDelayMs: 1000 });
    const ready = await fetch(`${s.base}readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "open", dataVersion: s.kb.build.dataVersion, builtAt: "2026-01-01T00:00:00.000Z" });
    const stopped = s.server.stop();
    const draining = await fetch(`${s.base}readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: "draining", dataVersion: s.kb.build.dataVersion });
    expect((await fetch(`${s.base}healthz`)).status).toBe(200);
    await stopped;
    await s.close();
  });

  it("cuts requests that outlive the shutdown timeout", async () => {
    const s = await startServer(suite.db.dbPath, { testHooks: delayHook, shutdownTimeoutMs: 100 });
    const arrived = nextArrival();
    const inFlight = s.post({ query: `{ __typename }` }, { "x-delay": "2000" }).then(
      (r) => r.status,
      () => "cut",
    );
    await arrived;
    expect(await s.server.stop()).toBe(false);
    expect(await inFlight).toBe("cut");
    await s.close();
  });
});
