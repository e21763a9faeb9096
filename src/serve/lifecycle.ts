import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { checkArchives, checkContentDigest } from "../db/integrity.js";
import { openKnowledgeBase } from "../db/open.js";
import { dataVersion as curatedDataVersion } from "../ingest/load.js";
import { createServer } from "../server.js";
import type { Settings } from "../config.js";
import { createLogger } from "../logger.js";
import { testHooksFromEnv } from "../http/test-hooks.js";

/** What a worker tells the primary once it listens. */
export interface ListeningMessage {
  readonly type: "listening";
  readonly url: string;
  readonly dataVersion: string;
  readonly builtAt: string;
}

/** The startup line (tests and scripts look for `serving http://…/graphql`). */
export function startupLine(url: string, dataVersion: string, builtAt: string, workers = 1): string {
  return `serving ${url}graphql (data version ${dataVersion.slice(0, 12)}, built ${builtAt}${workers > 1 ? `, ${workers} workers` : ""})`;
}

/**
 * Serves in this process (alone, or as one cluster worker): opens the database read-only,
 * refuses it if it was changed after it was built (integrity.ts), listens, and on SIGTERM/SIGINT stops accepting, drains in-flight requests (up to the
 * shutdown timeout), closes the database and exits 0.
 */
export async function serveInThisProcess(settings: Settings): Promise<void> {
  const log = createLogger({ level: settings.logLevel });
  const kb = openKnowledgeBase(settings.db);
  try {
    // Refuse a database changed after it was built (one pass over its rows), and check its
    // archived texts against the committed archive files when this database was built from
    // the curated files at hand: those are the anchor outside the file.
    checkContentDigest(kb.db.sqlite);
    if (existsSync(settings.data) && curatedDataVersion(settings.data) === kb.build.dataVersion) checkArchives(kb.db.sqlite, settings.data);
  } catch (e) {
    kb.close();
    throw e;
  }
  const server = await createServer(kb, settings, { logger: log, testHooks: testHooksFromEnv() });
  const { url } = await server.listen(settings.port, settings.host);
  const { dataVersion, builtAt } = kb.build;
  log.info({ url: `${url}graphql`, dataVersion, builtAt, worker: cluster.isWorker ? cluster.worker?.id : undefined }, "listening");
  if (cluster.isWorker) {
    process.send?.({ type: "listening", url, dataVersion, builtAt } satisfies ListeningMessage);
  } else {
    console.log(startupLine(url, dataVersion, builtAt));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, shutdownTimeoutMs: settings.shutdownTimeoutMs }, "draining");
    try {
      const finished = await server.stop();
      if (!finished) log.warn({ shutdownTimeoutMs: settings.shutdownTimeoutMs }, "in-flight requests outlived the shutdown timeout; their connections were closed");
      kb.close();
      log.info({ signal }, "stopped");
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
