import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../bench/lib/processes.js";
import { renderNginxConf } from "./render.js";

/**
 * The many-machine shape on one machine: identical replicas of the built server, each on its
 * own loopback port over one database file, behind Debian's nginx running the shipped
 * configuration (deploy/nginx/nginx.conf.template rendered for these ports and a scratch
 * directory). Used by `npm run cluster:check` and `npm run bench:cluster`.
 */

/** How to install nginx when it is missing (Debian's package, as .ci/run installs it). */
export const NGINX_INSTALL_HINT = "install it with: apt-get update && apt-get install -y nginx (what .ci/run does when nginx is missing)";

/** The nginx binary: $NGINX, else `nginx` on PATH or in /usr/sbin; undefined when there is none. */
export function findNginx(): string | undefined {
  const candidates = [process.env.NGINX, ...((process.env.PATH ?? "").split(":").map((d) => join(d, "nginx"))), "/usr/sbin/nginx"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return undefined;
}

/** The version line of an nginx binary (`nginx/1.22.1`). */
export function nginxVersion(nginx: string): string {
  const r = spawnSync(nginx, ["-v"], { encoding: "utf8" });
  return (r.stderr || r.stdout).trim().replace(/^nginx version:\s*/, "");
}

/** Builds the knowledge base once, with the built CLI, into `dbPath` (replicas then start with --no-build). */
export function buildDatabase(root: string, dbPath: string): string {
  return execFileSync(process.execPath, [join(root, "dist", "src", "main.js"), "db", "build", "--db", dbPath], { cwd: root, encoding: "utf8" }).trim();
}

/** One replica: the built server in a child process on a fixed loopback port, which it keeps across restarts. */
export class Replica {
  child: ChildProcess | undefined;
  /** How many times this replica was started. */
  starts = 0;

  constructor(
    readonly index: number,
    readonly port: number,
    private readonly root: string,
    private readonly db: string,
    private readonly args: readonly string[],
    readonly logFile: string,
  ) {}

  /** `127.0.0.1:port`, as nginx's upstream names it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get origin(): string {
    return `http://${this.address}`;
  }

  /** Starts the server and resolves once its /readyz answers 200 (rejects after `timeoutMs` or if it exits first). */
  async start(timeoutMs = 60_000): Promise<number> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) throw new Error(`replica ${this.index} is already running`);
    const log = openSync(this.logFile, "a");
    const argv = [join(this.root, "dist", "src", "main.js"), "serve", "--no-build", "--host", "127.0.0.1", "--port", String(this.port), "--db", this.db, ...this.args];
    // NODE_ENV=production, as in the image: Apollo Server's own signal handling depends on it.
    const child = spawn(process.execPath, argv, { cwd: this.root, stdio: ["ignore", log, log], env: { ...process.env, NODE_ENV: "production" } });
    this.child = child;
    this.starts++;
    const started = performance.now();
    let exited: string | undefined;
    child.once("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
    for (;;) {
      if (exited) throw new Error(`replica ${this.index} ${exited} before it was ready (log: ${this.logFile})`);
      if ((await status(`${this.origin}/readyz`)) === 200) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`replica ${this.index} was not ready within ${timeoutMs} ms (log: ${this.logFile})`);
      await sleep(25);
    }
  }

  /**
   * Sends `signal` and waits for the process to exit (SIGKILL after `graceMs`). Resolves with
   * how it exited and how long that took.
   */
  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 30_000): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0 };
    const started = performance.now();
    const exited = once(child, "exit") as Promise<[number | null, string | null]>;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    const [code, sig] = await exited;
    clearTimeout(timer);
    return { code, signal: sig, ms: performance.now() - started };
  }
}

/** nginx run by us in the foreground, with its files under one directory. */
export class LocalNginx {
  child: ChildProcess | undefined;

  constructor(
    readonly binary: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get conf(): string {
    return join(this.dir, "nginx.conf");
  }
  get accessLog(): string {
    return join(this.dir, "logs", "access.log");
  }
  get errorLog(): string {
    return join(this.dir, "logs", "error.log");
  }
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Writes the shipped configuration rendered for these replicas and this directory; returns its text. */
  render(replicas: readonly string[], workerProcesses = "1"): string {
    for (const d of ["logs", "tmp", "cache"]) mkdirSync(join(this.dir, d), { recursive: true });
    // Started as root, nginx's workers run as nobody: they must reach the temp and cache directories.
    chmodSync(this.dir, 0o755);
    const text = renderNginxConf({
      listen: `127.0.0.1:${this.port}`,
      replicas,
      workerProcesses,
      pidFile: join(this.dir, "nginx.pid"),
      errorLog: this.errorLog,
      accessLog: this.accessLog,
      tempDir: join(this.dir, "tmp"),
      cacheDir: join(this.dir, "cache", "graphql"),
    });
    writeFileSync(this.conf, text);
    return text;
  }

  /** Runs `nginx -t` on the rendered file: returns its output, or throws with it. */
  test(): string {
    const r = spawnSync(this.binary, ["-t", "-p", this.dir, "-c", this.conf], { encoding: "utf8" });
    const output = `${r.stdout}${r.stderr}`.trim();
    if (r.status !== 0) throw new Error(`nginx -t failed:\n${output}`);
    return output;
  }

  /** Starts nginx in the foreground (so its pid is ours) and resolves once it answers on its port. */
  async start(timeoutMs = 10_000): Promise<void> {
    const out = openSync(join(this.dir, "logs", "nginx.out"), "a");
    const child = spawn(this.binary, ["-p", this.dir, "-c", this.conf, "-g", "daemon off;"], { stdio: ["ignore", out, out] });
    this.child = child;
    let exited: string | undefined;
    child.once("exit", (code, signal) => (exited = `exited with ${signal ?? code}`));
    const started = performance.now();
    for (;;) {
      if (exited) throw new Error(`nginx ${exited} (see ${this.errorLog})`);
      if ((await status(`${this.origin}/healthz`)) !== undefined) return;
      if (performance.now() - started > timeoutMs) throw new Error(`nginx did not answer within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  /** Stops nginx gracefully (SIGQUIT; SIGKILL after 5 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGQUIT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** Replicas and nginx in front of them. */
export interface LocalCluster {
  readonly replicas: readonly Replica[];
  readonly nginx: LocalNginx;
  /** Stops nginx and every replica (SIGTERM). */
  stop(): Promise<void>;
}

/** What a local cluster is made of. */
export interface LocalClusterOptions {
  readonly root: string;
  /** A scratch directory (created), for the database's replicas, nginx's files and the logs. */
  readonly dir: string;
  readonly db: string;
  readonly replicas: number;
  /** Extra `serve` flags of every replica. */
  readonly serveArgs: readonly string[];
  readonly nginxBinary: string;
  readonly nginxWorkers?: string;
}

/**
 * Starts `replicas` replicas one after the other (the database is built already, so none of
 * them builds), then nginx in front of them. On failure, whatever started is stopped.
 */
export async function startLocalCluster(opts: LocalClusterOptions): Promise<LocalCluster> {
  mkdirSync(opts.dir, { recursive: true });
  // Started as root, nginx's workers run as nobody: they must be able to enter the scratch directory.
  chmodSync(opts.dir, 0o755);
  const replicas: Replica[] = [];
  const nginx = new LocalNginx(opts.nginxBinary, join(opts.dir, "nginx"), await freePort());
  const stop = async () => {
    await nginx.stop();
    await Promise.all(replicas.map((r) => r.stop("SIGTERM", 20_000)));
  };
  try {
    for (let i = 1; i <= opts.replicas; i++) {
      const replica = new Replica(i, await freePort(), opts.root, opts.db, opts.serveArgs, join(opts.dir, `replica-${i}.log`));
      replicas.push(replica);
      await replica.start();
    }
    nginx.render(
      replicas.map((r) => r.address),
      opts.nginxWorkers,
    );
    nginx.test();
    await nginx.start();
  } catch (e) {
    await stop();
    throw e;
  }
  return { replicas, nginx, stop };
}

/** The status of a GET, or undefined when nothing answered. */
async function status(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
