import cluster, { type Worker } from "node:cluster";
import type { Settings } from "../config.js";
import { type ListeningMessage, startupLine } from "./lifecycle.js";
import { createLogger } from "../logger.js";

/** Replacements allowed for workers that die unexpectedly, per minute, before the primary gives up. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * The primary of `serve --workers N`: forks N workers (each runs this same command, opens the
 * read-only database and listens on the shared port; node:cluster hands them connections),
 * prints the startup line once all listen, replaces a worker that dies unexpectedly, and on
 * SIGTERM/SIGINT forwards SIGTERM to every worker, waits for them to drain and exit, then exits
 * 0 (1 if a worker did not exit cleanly).
 */
export async function runPrimary(settings: Settings): Promise<void> {
  const log = createLogger({ level: settings.logLevel });
  let stopping = false;
  const restarts: number[] = [];
  const exitCodes: (number | null)[] = [];
  let started = 0;
  const live = new Set<Worker>();
  let onAllExited: (() => void) | undefined;

  const fork = (): Worker => {
    const worker = cluster.fork();
    live.add(worker);
    worker.on("message", (m: ListeningMessage) => {
      if (m?.type !== "listening") return;
      started++;
      if (started === settings.workers) {
        console.log(startupLine(m.url, m.dataVersion, m.builtAt, settings.workers));
        log.info({ url: `${m.url}graphql`, workers: settings.workers }, "all workers listening");
      }
    });
    worker.on("exit", (code, signal) => {
      live.delete(worker);
      if (stopping) {
        exitCodes.push(code);
        if (live.size === 0) onAllExited?.();
        return;
      }
      log.error({ worker: worker.id, pid: worker.process.pid, code, signal }, "worker died unexpectedly");
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE || started < settings.workers) {
        log.fatal({ restarts: restarts.length }, "workers keep dying (or never started); giving up");
        stopping = true;
        onAllExited = () => process.exit(1);
        for (const w of live) w.process.kill("SIGTERM");
        if (live.size === 0) onAllExited();
        return;
      }
      fork();
    });
    return worker;
  };
  for (let i = 0; i < settings.workers; i++) fork();

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: live.size }, "stopping workers");
    // A worker stuck past its own drain deadline is killed.
    const killer = setTimeout(() => {
      for (const w of live) w.process.kill("SIGKILL");
    }, settings.shutdownTimeoutMs + 5_000);
    onAllExited = () => {
      clearTimeout(killer);
      const clean = exitCodes.every((c) => c === 0);
      log.info({ exitCodes }, "all workers stopped");
      process.exit(clean ? 0 : 1);
    };
    for (const w of live) w.process.kill("SIGTERM");
    if (live.size === 0) onAllExited();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
