import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../../src/ingest/build.js";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../../src/paths.js";
import { spawnServe } from "../http/helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lsf-built-"));
  // The compiled server, exactly as `npm start` runs it.
  execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the compiled server, `node dist/src/main.js serve ...`, letting it build a missing knowledge base. */
const serve = (args: string[]) => spawnServe(args, {}, { entry: [join(PROJECT_ROOT, "dist", "src", "main.js")], build: true, timeoutMs: 30_000 });

describe("the built server", () => {
  it("starts from dist/ on an ephemeral port and answers a query over HTTP", async () => {
    const db = join(dir, "knowledge.sqlite");
    buildKnowledgeBase({ dataDir: DEFAULT_DATA_DIR, dbPath: db });
    const s = await serve(["--db", db]);
    try {
      const res = await fetch(`${s.base}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ statistic(slug: "taobao-live-jobs-created-over-1-73m") { value { asWritten } citations { verified attributedTo { ... on Report { slug } } } } }` }),
      });
      expect(await res.json()).toEqual({
        data: { statistic: { value: { asWritten: "more than 1.73 million" }, citations: [{ verified: true, attributedTo: { slug: "ruc-taobao-live-jobs-study" } }] } },
      });
      expect((await fetch(`${s.base}healthz`)).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it("builds the knowledge base first when it is missing, printing the one-line summary", async () => {
    const db = join(dir, "missing", "knowledge.sqlite");
    const s = await serve(["--db", db]);
    try {
      expect(s.output()).toMatch(/^built knowledge base [0-9a-f]{12}: \d+ documents, \d+ statistics/m);
      expect(existsSync(db)).toBe(true);
      expect(((await (await fetch(`${s.base}healthz`)).json()) as { status: string }).status).toBe("ok");
    } finally {
      await s.stop();
    }
  });
});
