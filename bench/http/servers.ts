import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { openSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { freePort, run, stopChild, waitForHttp } from "../lib/processes.js";
import type { CapturedResponse } from "./bare-server.js";
import type { LoadRequest } from "./load.js";
import { PEER_MISSING, PEER_MISSING_CODE } from "./peer-server.js";

/** A server the benchmark started in a child process, on a loopback port. */
export interface RunningServer {
  readonly origin: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** What `serve --help` of the built server offers (the server changes while this benchmark does not). */
export interface ServeFeatures {
  readonly workers: boolean;
  readonly responseCacheFlag: boolean;
}

/** Reads `serve --help` of the built server. */
export async function serveFeatures(root: string): Promise<ServeFeatures> {
  const { code, output } = await run(process.execPath, [join(root, "dist", "src", "main.js"), "serve", "--help"], root);
  if (code !== 0) throw new Error(`serve --help failed:\n${output}`);
  return { workers: /--workers\b/.test(output), responseCacheFlag: /--response-cache-entries\b/.test(output) };
}

/**
 * Starts the built server (`node dist/src/main.js serve --no-build`) on a free loopback port
 * over `db`, with `extraArgs` and `nodeArgs` (e.g. --cpu-prof), logging to `logFile`, and
 * resolves once `/healthz` answers 200 (and, with several workers, once they had time to
 * start listening).
 */
export async function startRealServer(opts: {
  root: string;
  db: string;
  workers: number;
  extraArgs: readonly string[];
  nodeArgs?: readonly string[];
  logFile: string;
}): Promise<RunningServer & { startupMs: number }> {
  const port = await freePort();
  const args = [
    ...(opts.nodeArgs ?? []),
    join(opts.root, "dist", "src", "main.js"),
    "serve",
    "--no-build",
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--db",
    opts.db,
    ...(opts.workers > 1 ? ["--workers", String(opts.workers)] : []),
    ...opts.extraArgs,
  ];
  const log = openSync(opts.logFile, "a");
  const child = spawn(process.execPath, args, { cwd: opts.root, stdio: ["ignore", log, log], env: { ...process.env, NODE_ENV: "production" } });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const startupMs = await waitForHttp(`${origin}/healthz`, 60_000, child);
    if (opts.workers > 1) await new Promise((r) => setTimeout(r, 1500));
    return { origin, child, startupMs, stop: () => stopChild(child) };
  } catch (e) {
    await stopChild(child);
    throw new Error(`${(e as Error).message} (log: ${opts.logFile})`);
  }
}

/**
 * Starts the bare node:http server replaying `response` with `workers` processes, and
 * resolves once every worker listens.
 */
export async function startBareServer(root: string, response: CapturedResponse, workers: number, scratchDir: string): Promise<RunningServer> {
  const port = await freePort();
  const file = join(scratchDir, `bare-response-${port}.json`);
  writeFileSync(file, JSON.stringify(response));
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "http", "bare-server.ts"), String(port), String(workers), file], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => out.includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  await Promise.race([ready, once(child, "error").then(([e]) => Promise.reject(e as Error))]);
  return { origin: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}

/**
 * Sends `request` once to `origin` on a connection of its own and captures the response as
 * the bare server will replay it. A new connection each time lets several calls reach every
 * worker of a cluster.
 */
export function capture(origin: string, request: LoadRequest): Promise<CapturedResponse & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${request.path}`, { method: request.method, headers: request.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const headers: Record<string, string> = {};
        // Per-connection and per-response framing headers are the bare server's own business.
        const skip = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
        for (const [key, value] of Object.entries(res.headers)) {
          if (!skip.has(key) && value !== undefined) headers[key] = Array.isArray(value) ? value.join(", ") : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, bodyBase64: body.toString("base64"), text: body.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * Starts the peer (peer-server.ts: Mercurius on Fastify, over the built schema and context) on
 * a free loopback port over `db`, and resolves once it listens; resolves `{ missing }` with
 * the words to install it when Mercurius or Fastify is not installed.
 */
export async function startPeerServer(root: string, db: string, rowCacheEntries: number): Promise<RunningServer | { missing: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "http", "peer-server.ts"), root, String(port), db, String(rowCacheEntries)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  let out = "";
  const started = new Promise<"listening" | "missing">((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("listening")) resolve("listening");
    });
    child.once("exit", (code) => (code === PEER_MISSING_CODE ? resolve("missing") : reject(new Error(`the peer server exited with ${code}: ${out}`))));
    child.once("error", reject);
  });
  if ((await started) === "missing") return { missing: out.trim() || PEER_MISSING };
  return { origin: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}
