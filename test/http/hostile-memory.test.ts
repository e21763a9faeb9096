import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { type ServeProcess, codes, spawnServe } from "./helpers.js";

/**
 * A stream of distinct large documents (each padded with a long comment, which is no token)
 * must not make the server grow: query texts are bounded, and what is kept per document is
 * bounded by the bytes it holds. Measured on a real `serve` process's resident memory.
 */
const HEAP_MB = 160;
let db: FixtureDb;
let s: ServeProcess;
beforeAll(async () => {
  db = buildFixtureDb();
  // A heap limit like a container's: garbage is then collected as it would be there, so the
  // resident memory shows what is kept rather than how lazily V8 collects.
  // Settings by environment variables (a version without them ignores them): documents up to
  // 64 KiB, and small caches, so that every bound is reached within a few hundred documents.
  s = await spawnServe(["--db", db.dbPath], {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${HEAP_MB}`.trim(),
    MAX_QUERY_BYTES: "65536",
    DOCUMENT_CACHE_MB: "8",
    RESPONSE_CACHE_MB: "8",
  });
});
afterAll(async () => {
  await s?.stop();
  db?.remove();
});

/** The server process's resident memory, in MB (Linux). */
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kb / 1024;
}

const post = (query: string) => fetch(`${s.base}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

/** Document `n`: a comment of about `bytes` bytes, different for each n, before a small query. */
function padded(n: number, bytes: number): string {
  const line = `# padding ${n} ${"x".repeat(90)}\n`;
  return `${line.repeat(Math.floor(bytes / line.length))}{ knowledgeBase { dataVersion } }`;
}

/** Sends documents `from`..`to`-1, eight at a time; each must succeed. */
async function stream(from: number, to: number, bytes: number): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const res = await post(padded(next++, bytes));
      if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

describe("memory under distinct large documents", () => {
  it("refuses a query text over --max-query-bytes (comments count) with QUERY_TOO_LARGE", async () => {
    const query = padded(0, 95_000);
    const res = await post(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(codes(body)).toEqual(["QUERY_TOO_LARGE"]);
    expect(body.errors[0]).toEqual({
      message: `The query text is too long (comments count) (found ${Buffer.byteLength(query)}, limit 65536).`,
      extensions: { code: "QUERY_TOO_LARGE", limit: "maxQueryBytes", max: 65536, found: Buffer.byteLength(query) },
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("stays flat over 1,000 distinct documents of 60 KB under a 160 MB heap: the last 500 add no more than a few MB", async () => {
    const pid = s.child.pid!;
    await stream(0, 500, 60_000);
    const middle = rssMb(pid);
    await stream(500, 1000, 60_000);
    const end = rssMb(pid);
    // 500 documents of 60 KB are 30 MB of text alone: kept, they would show (or exhaust the heap).
    expect(end - middle, `RSS ${middle.toFixed(1)} MB after 500, ${end.toFixed(1)} MB after 1,000`).toBeLessThan(10);
  }, 30_000);
});
