import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { sendRequest, serverCaughtUp, spawnServe } from "./helpers.js";

/** The real `serve` command in a child process: startup, configuration, SIGTERM drain, workers. */
let db: FixtureDb;
beforeAll(() => {
  db = buildFixtureDb();
});
afterAll(() => db.remove());

const QUERY = JSON.stringify({ query: `{ platform(slug: "shoplive") { name } knowledgeBase { dataVersion } }` });
const post = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: QUERY });

describe("serve", () => {
  it("drains a slow in-flight request on SIGTERM, then exits 0", async () => {
    const s = await spawnServe(["--db", db.dbPath], { LSF_TEST_HOOKS: "1" });
    expect(s.output()).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\/graphql \(data version [0-9a-f]{12}, built 2026-01-01T00:00:00\.000Z\)/);
    const started = Date.now();
    const slow = sendRequest(s.base, QUERY, { "x-test-delay-ms": "1500" });
    // SIGTERM once the request is in flight, however busy the machine is.
    await slow.written;
    await serverCaughtUp(s.base);
    await sleep(100);
    s.child.kill("SIGTERM");
    const res = await slow.response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.platform).toEqual({ name: "Shoplive" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(await s.exited).toBe(0);
    const logs = s
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["listening", "draining", "stopped"]));
  });

  it("has no delay hook unless LSF_TEST_HOOKS=1", async () => {
    const s = await spawnServe(["--db", db.dbPath]);
    try {
      // With the hook this request would wait 10 s; without it, it answers at once (8 s leaves room for a busy machine).
      const started = Date.now();
      const res = await post(s.base, { "x-test-delay-ms": "10000" });
      expect(res.status).toBe(200);
      await res.text();
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it("takes its limits from flags over the environment, and refuses bad settings", async () => {
    const s = await spawnServe(["--db", db.dbPath, "--max-depth", "3"], { MAX_DEPTH: "40", MAX_ALIASES: "1", CACHE_MAX_AGE: "7" });
    try {
      const deep = await fetch(`${s.base}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ platform(slug: "shoplive") { statistics { nodes { slug } } } }` }),
      });
      expect(((await deep.json()) as any).errors[0].extensions).toMatchObject({ code: "QUERY_TOO_DEEP", max: 3, found: 4 });
      const aliases = await fetch(`${s.base}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ a: __typename b: knowledgeBase { c: builtAt } }` }) });
      expect(((await aliases.json()) as any).errors[0].extensions).toMatchObject({ code: "TOO_MANY_ALIASES", max: 1, found: 2 });
      const ok = await post(s.base);
      expect(ok.headers.get("cache-control")).toBe("public, max-age=7");
      await ok.text();
    } finally {
      await s.stop();
    }
    await expect(spawnServe(["--db", db.dbPath, "--max-cost", "lots"])).rejects.toThrow(/--max-cost \(MAX_COST\) must be an integer from 1 to \d+; got "lots" from --max-cost/);
    await expect(spawnServe(["--db", db.dbPath], { CORS_ORIGINS: "not a url" })).rejects.toThrow(/--cors-origins \(CORS_ORIGINS\) must be "\*" or a comma-separated list of origins/);
  });

  it("runs N workers on one port with --workers, and stops them all on SIGTERM after draining", async () => {
    const s = await spawnServe(["--db", db.dbPath, "--workers", "2"], { LSF_TEST_HOOKS: "1" });
    expect(s.output()).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\/graphql \(data version [0-9a-f]{12}, built [^,]+, 2 workers\)/);
    const workers = new Set<number>();
    for (let i = 0; i < 40 && workers.size < 2; i++) {
      const res = await fetch(`${s.base}readyz`, { headers: { connection: "close" } });
      workers.add(((await res.json()) as { worker: number }).worker);
    }
    expect(workers.size).toBe(2);
    // Process ids are in the log, not in /readyz.
    const pids = new Set(s.output().split("\n").filter((l) => l.includes('"msg":"listening"')).map((l) => (JSON.parse(l) as { pid: number }).pid));
    expect(pids.size).toBe(2);
    expect(pids.has(s.child.pid!)).toBe(false);
    const slow = sendRequest(s.base, QUERY, { "x-test-delay-ms": "1200" });
    await slow.written;
    // The primary hands connections out in order; once a later one is answered, the slow one has a worker.
    await serverCaughtUp(s.base);
    await sleep(200);
    s.child.kill("SIGTERM");
    const res = await slow.response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.platform.name).toBe("Shoplive");
    expect(await s.exited).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
