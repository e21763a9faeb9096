import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../../src/ingest/build.js";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../../src/paths.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lsf-built-"));
  // The compiled server, exactly as `npm start` runs it.
  execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `node dist/src/main.js serve ...` and resolves once it prints where it listens. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "dist", "src", "main.js"), "serve", "--host", "127.0.0.1", "--port", "0", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "", HOST: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("the built server", () => {
  it("starts from dist/ on an ephemeral port and answers a query over HTTP", async () => {
    const db = join(dir, "knowledge.sqlite");
    buildKnowledgeBase({ dataDir: DEFAULT_DATA_DIR, dbPath: db });
    const { child, url } = await serve(["--db", db]);
    try {
      const res = await fetch(`${url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ statistic(slug: "taobao-live-jobs-created-over-1-73m") { value { asWritten } citations { verified attributedTo { ... on Report { slug } } } } }` }),
      });
      expect(await res.json()).toEqual({
        data: { statistic: { value: { asWritten: "more than 1.73 million" }, citations: [{ verified: true, attributedTo: { slug: "ruc-taobao-live-jobs-study" } }] } },
      });
      expect((await fetch(`${url}healthz`)).status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it("builds the knowledge base first when it is missing, printing the one-line summary", async () => {
    const db = join(dir, "missing", "knowledge.sqlite");
    const { child, url, output } = await serve(["--db", db]);
    try {
      expect(output()).toMatch(/^built knowledge base [0-9a-f]{12}: \d+ documents, \d+ statistics/m);
      expect(existsSync(db)).toBe(true);
      expect(((await (await fetch(`${url}healthz`)).json()) as { status: string }).status).toBe("ok");
    } finally {
      await stop(child);
    }
  });
});
