import cluster from "node:cluster";
import type { Settings } from "../config.js";
import { TamperedDatabaseError } from "../db/integrity.js";

/** Whether this process starts `serve` (it is no cluster worker): only it builds a missing or stale database. */
export function isFirstProcess(): boolean {
  return !cluster.isWorker;
}

/**
 * Serves with the settings given: as the primary of `--workers N` (cluster.ts) when N > 1 and
 * this process is not one of its workers, otherwise in this process (lifecycle.ts). A refusal a
 * person can act on (a database changed after it was built, a port in use) is printed as one
 * line, and the process exits 1.
 */
export async function runServe(settings: Settings): Promise<void> {
  if (!cluster.isWorker && settings.workers > 1) {
    const { runPrimary } = await import("./cluster.js");
    return runPrimary(settings);
  }
  // Loaded here so that the primary of a cluster does not pay for building the GraphQL schema.
  const { serveInThisProcess } = await import("./lifecycle.js");
  try {
    await serveInThisProcess(settings);
  } catch (e) {
    // One line, not a stack; the database and server opened so far go with the process.
    if (e instanceof TamperedDatabaseError) console.error(`refusing to serve ${settings.db}: ${e.message}`);
    else if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`port ${settings.port} is in use; set PORT or --port`);
    else throw e;
    process.exit(1);
  }
}
