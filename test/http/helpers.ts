import { type ChildProcess, spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { type KnowledgeBase, openKnowledgeBase } from "../../src/db/open.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import type { Settings } from "../../src/config.js";
import { type ApiServer, type ServerWiring, createServer } from "../../src/server.js";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";

/** A JSON log kept in memory: what pino wrote, one parsed object per line. */
export function memoryLog(level = "info"): { logger: Logger; lines: () => Record<string, any>[] } {
  const chunks: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => chunks.push(s) } });
  return {
    logger,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Record<string, any>),
  };
}

/** A server listening on an ephemeral loopback port. */
export interface RunningServer {
  readonly server: ApiServer;
  readonly kb: KnowledgeBase;
  /** http://127.0.0.1:PORT/ */
  readonly base: string;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** What a test server is started with: any settings (the row cache on unless given), a logger (silent unless given), test hooks. */
export type TestServerOptions = Partial<Settings> & ServerWiring;

export async function startServer(dbPath: string, options: TestServerOptions = {}, kbOverride?: (kb: KnowledgeBase) => KnowledgeBase): Promise<RunningServer> {
  const real = openKnowledgeBase(dbPath);
  const kb = kbOverride ? kbOverride(real) : real;
  const { logger, testHooks, ...settings } = options;
  const server = await createServer(kb, { rowCacheEntries: 10_000, ...settings }, { logger: logger ?? createLogger({ level: "silent" }), testHooks });
  const { url: base } = await server.listen(0, "127.0.0.1");
  return {
    server,
    kb,
    base,
    post: (body, headers = {}) =>
      fetch(`${base}graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    async close() {
      await server.stop();
      real.close();
    },
  };
}

/** The fixture database and a server over it, shared by the tests of one file. */
export interface FixtureSuite {
  /** Set before the file's first test runs. */
  readonly db: FixtureDb;
  /** Set before the file's first test runs. */
  readonly api: RunningServer;
}

/**
 * Builds the fixture database and starts a server over it before the file's tests, and stops
 * and removes both after them. Call at the top level of a test file.
 */
export function fixtureSuite(options: TestServerOptions = {}): FixtureSuite {
  const suite = {} as { db: FixtureDb; api: RunningServer };
  beforeAll(async () => {
    suite.db = buildFixtureDb();
    suite.api = await startServer(suite.db.dbPath, options);
  });
  afterAll(async () => {
    await suite.api?.close();
    suite.db?.remove();
  });
  return suite;
}

/** The `extensions.code`s of a GraphQL response's errors. */
export function codes(body: any): string[] {
  return (body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
}

/** Asserts the server is still alive. */
export async function expectHealthy(base: string): Promise<void> {
  const res = await fetch(`${base}healthz`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe("ok");
}

/**
 * Asserts an answer is no server failure: a status below 500 and a JSON body whose errors, if
 * any, all have a code other than INTERNAL_SERVER_ERROR. Returns the parsed body and its text.
 */
export async function expectNoServerError(res: Response): Promise<{ body: any; text: string }> {
  const text = await res.text();
  expect(res.status, `status ${res.status}: ${text}`).toBeLessThan(500);
  let body: any;
  expect(() => (body = JSON.parse(text)), text).not.toThrow();
  const found = codes(body);
  for (const c of found) expect(typeof c === "string" && c.length > 0, text).toBe(true);
  expect(found, text).not.toContain("INTERNAL_SERVER_ERROR");
  return { body, text };
}

/**
 * Asserts a refusal: a 4xx with a GraphQL error that has a code, or a 200 whose errors all have
 * codes; never a 5xx. Returns the codes.
 */
export async function expectRefused(res: Response): Promise<string[]> {
  const { body, text } = await expectNoServerError(res);
  expect(Array.isArray(body.errors) && body.errors.length > 0, text).toBe(true);
  return codes(body);
}

/** A `serve` child process. */
export interface ServeProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:PORT/ */
  readonly base: string;
  output(): string;
  /** Resolves with the exit code once the process exits. */
  readonly exited: Promise<number | null>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** How spawnServe starts the server. */
export interface SpawnOptions {
  /** What node runs: by default the sources through tsx (`--import tsx src/main.ts`). */
  readonly entry?: readonly string[];
  /** Let `serve` build a missing knowledge base (by default it passes `--no-build`). */
  readonly build?: boolean;
  /** How long to wait for the server to say where it listens (default 60 s). */
  readonly timeoutMs?: number;
}

/**
 * Starts `node <entry> serve [--no-build] --host 127.0.0.1 --port 0 ...args` with PORT, HOST and
 * WORKERS cleared and `env` added, and resolves once it prints where it listens.
 */
export function spawnServe(args: string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<ServeProcess> {
  const { entry = ["--import", "tsx", join(PROJECT_ROOT, "src", "main.ts")], build = false, timeoutMs = 60_000 } = options;
  const child = spawn(process.execPath, [...entry, "serve", ...(build ? [] : ["--no-build"]), "--host", "127.0.0.1", "--port", "0", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "", HOST: "", WORKERS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = () => {
    child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, output: () => out, exited, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${out}`));
    });
  });
}

/** A request sent with node:http, and the moment its last byte was written. */
export interface SentRequest {
  /** Resolves once the whole request has been written to the socket. */
  readonly written: Promise<void>;
  /** Resolves with the status and body once the response has arrived. */
  readonly response: Promise<{ status: number; body: string }>;
}

/**
 * POSTs `body` to `${base}graphql` on a connection of its own and reports when it was written,
 * so a test can act (send SIGTERM) once the request is on its way rather than after a guessed
 * sleep, which a busy machine outlasts.
 */
export function sendRequest(base: string, body: string, headers: Record<string, string> = {}): SentRequest {
  let written!: () => void;
  const writtenP = new Promise<void>((resolve) => (written = resolve));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(`${base}graphql`, { method: "POST", agent: false, headers: { "content-type": "application/json", connection: "close", ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.on("finish", () => written());
    req.end(body);
  });
  return { written: writtenP, response };
}

/**
 * Waits until a server has caught up with the connections opened before this call: a request
 * on a new connection is answered only after the listener has accepted those queued ahead of
 * it. Used before SIGTERM, so that a request sent earlier is in flight, not in the backlog.
 */
export async function serverCaughtUp(base: string): Promise<void> {
  const res = await fetch(`${base}healthz`, { headers: { connection: "close" } });
  await res.text();
}

/** A fixture knowledge base served by a `serve` child process for one test file. */
export interface ChildServer {
  /** The running process (set once the file's `beforeAll` has run). */
  readonly process: () => ServeProcess;
  /** POSTs a JSON body (or a body already written) to /graphql, aborting after `hangMs`: only a frozen server misses it. */
  post(body: unknown, hangMs: number): Promise<Response>;
  /** POSTs `body` and, while it is being answered, asks /healthz, which must answer 200 in time; then the answer. */
  answerWhileHealthy(body: unknown, hangMs: number): Promise<{ status: number; json: any }>;
}

/**
 * Serves the fixture (with `bulk` generated statistics) from a child `serve` process for the
 * tests of one file, killed and removed after them. A child, so that a server frozen by
 * synchronous work fails the tests (their answers time out) instead of freezing the runner.
 */
export function childServerSuite({ bulk = 0 }: { bulk?: number } = {}): ChildServer {
  let db: FixtureDb | undefined;
  let s: ServeProcess | undefined;
  beforeAll(async () => {
    db = buildFixtureDb({ bulk });
    s = await spawnServe(["--db", db.dbPath]);
  });
  afterAll(async () => {
    s?.child.kill("SIGKILL");
    await s?.exited;
    db?.remove();
  });
  const running = () => s!;
  const post = (body: unknown, hangMs: number) =>
    fetch(`${running().base}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(hangMs),
    });
  return {
    process: running,
    post,
    async answerWhileHealthy(body, hangMs) {
      const answer = post(body, hangMs);
      await new Promise((r) => setTimeout(r, 50));
      const health = await fetch(`${running().base}healthz`, { signal: AbortSignal.timeout(hangMs) });
      expect(health.status).toBe(200);
      await health.text();
      const res = await answer;
      return { status: res.status, json: await res.json() };
    },
  };
}
