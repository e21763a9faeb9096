import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/paths.js";
import { type FixtureDb, buildFixtureDb } from "./fixtures/fixture-db.js";

let db: FixtureDb;
beforeAll(() => {
  db = buildFixtureDb();
});
afterAll(() => db?.remove());

/** Runs `serve` on `port` to its end; returns its exit code and what it printed. */
function serveOn(port: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "main.ts"), "serve", "--no-build", "--db", db.dbPath, "--host", "127.0.0.1", "--port", String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "", HOST: "", WORKERS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe("npm start's serve command", () => {
  it("says in one line that the port is in use, and how to choose another, instead of a stack trace", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = await serveOn(port);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`port ${port} is in use; set PORT or --port\n`);
      expect(run.stdout).not.toContain("serving");
    } finally {
      busy.close();
    }
  }, 40_000);
});
