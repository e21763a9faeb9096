import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { buildFixtureDb, tempDataDir } from "../fixtures/fixture-db.js";
import { spawnServe } from "../http/helpers.js";

/**
 * The compiled server (dist/) over the fixture knowledge base: what `npm start` runs, on data
 * whose size does not change when db/ grows.
 */
let dir: string;
let fixtureData: string;
beforeAll(() => {
  const temp = tempDataDir("lsf-built-", "data");
  dir = temp.root;
  fixtureData = temp.dataDir;
  cpSync(join(PROJECT_ROOT, "test", "fixtures", "kb"), fixtureData, { recursive: true });
  // The compiled server, exactly as `npm start` runs it.
  execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the compiled server, `node dist/src/main.js serve ...`, letting it build a missing knowledge base. */
const serve = (args: string[]) => spawnServe(args, {}, { entry: [join(PROJECT_ROOT, "dist", "src", "main.js")], build: true, timeoutMs: 60_000 });

describe("the built server", () => {
  it("starts from dist/ on an ephemeral port and answers a query over HTTP", async () => {
    const db = buildFixtureDb();
    const s = await serve(["--db", db.dbPath, "--no-build"]);
    try {
      const res = await fetch(`${s.base}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ citation(slug: "widget-wire-2021-01-05-widget-sales.gmv-2020") { verified statistic { slug } attributedTo { ... on Report { slug } } } }` }),
      });
      expect(await res.json()).toEqual({
        data: { citation: { verified: true, statistic: { slug: "shoplive-widget-gmv-2020-2-5bn" }, attributedTo: { slug: "widget-institute-annual-2020" } } },
      });
      expect((await fetch(`${s.base}healthz`)).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
      db.remove();
    }
  });

  it("builds the knowledge base first when it is missing, printing the one-line summary", async () => {
    const db = join(dir, "missing", "knowledge.sqlite");
    const s = await serve(["--db", db, "--data", fixtureData]);
    try {
      expect(s.output()).toMatch(/^built knowledge base [0-9a-f]{12}: \d+ documents, \d+ statistics/m);
      expect(existsSync(db)).toBe(true);
      expect(((await (await fetch(`${s.base}healthz`)).json()) as { status: string }).status).toBe("ok");
    } finally {
      await s.stop();
    }
  });
});
