import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childServerSuite, codes } from "./helpers.js";

/**
 * Fields that cost milliseconds of CPU each (citeproc, the agreement rules): priced by what
 * they cost, and computed without holding the event loop, so /healthz and other requests are
 * answered meanwhile. The server runs in a child process (see hostile-cost.test.ts), over the
 * fixture with 130 generated statistics.
 */
const server = childServerSuite({ bulk: 130 });

/** A time that only a frozen server misses (the suite must pass with a core busy elsewhere). */
const HANG_MS = 6_000;

/**
 * The 600 citations themselves take 1–2.5 s on an idle 2-core machine and several times that when
 * other processes share the cores; their limit only catches a hang (the server's own 10 s
 * deadline answers first). What the test is about, /healthz answering meanwhile, keeps HANG_MS.
 */
const HEAVY_MS = 30_000;

/** Sends `body` and, while it is being answered, asks /healthz; both must answer in time. */
const refusedWhileHealthy = (body: unknown) => server.answerWhileHealthy(body, HANG_MS);

describe("CPU-heavy fields", () => {
  const STYLES = ["APA", "MLA", "CHICAGO", "GB_T_7714"];
  const cites = (n: number) => Array.from({ length: n }, (_, i) => `c${i}: cite(style: ${STYLES[i % STYLES.length]}, markup: ${i % 8 < 4 ? "TEXT" : "HTML"})`).join(" ");

  it("prices cite by what it costs: 30 aliased cite over 100 statistics is QUERY_TOO_COSTLY at once, /healthz answering meanwhile", async () => {
    const { status, json } = await refusedWhileHealthy({ query: `{ statistics(first: 100) { nodes { slug ${cites(30)} } } }` });
    expect(status).toBe(400);
    expect(codes(json)).toEqual(["QUERY_TOO_COSTLY"]);
  });

  it("lets /healthz through while hundreds of citations are computed, and answers them all", async () => {
    const started = Date.now();
    const heavy = server.post({ query: `{ statistics(first: 25, orderBy: { field: VALUE, direction: DESC }) { nodes { slug ${cites(24)} } } }` }, HEAVY_MS).then(async (res) => ({ res, at: Date.now() - started }));
    await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(`${server.process().base}healthz`, { signal: AbortSignal.timeout(HANG_MS) });
    const healthAt = Date.now() - started;
    expect(health.status).toBe(200);
    const { res, at } = await heavy;
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.data.statistics.nodes).toHaveLength(25);
    expect(typeof body.data.statistics.nodes[0].c7).toBe("string");
    expect(healthAt, `/healthz at ${healthAt} ms, the citations at ${at} ms`).toBeLessThan(at);
  });
});
