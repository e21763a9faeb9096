import cluster from "node:cluster";
import type http from "node:http";
import type { KnowledgeBase } from "../db/open.js";
import { sendJson } from "./send.js";

/** `GET /healthz`: the process is alive and serving (200, with the data version it serves). */
export function sendHealth(res: http.ServerResponse, kb: KnowledgeBase): void {
  res.setHeader("cache-control", "no-store");
  sendJson(res, 200, { status: "ok", dataVersion: kb.build.dataVersion, builtAt: kb.build.builtAt });
}

/**
 * `GET /readyz`: ready to take traffic — the database is open and the server is not draining.
 * 200 with the data version and build time (and, under `--workers`, which worker answered:
 * its cluster number, never its process id); 503 (status `draining` or `database closed`)
 * otherwise, so a load balancer stops sending requests during shutdown.
 */
export function sendReadiness(res: http.ServerResponse, kb: KnowledgeBase, draining: boolean): void {
  const open = kb.db.sqlite.open;
  const status = draining ? "draining" : open ? "ready" : "database closed";
  res.setHeader("cache-control", "no-store");
  sendJson(res, status === "ready" ? 200 : 503, { status, database: open ? "open" : "closed", dataVersion: kb.build.dataVersion, builtAt: kb.build.builtAt, ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) });
}
