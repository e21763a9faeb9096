import { performance } from "node:perf_hooks";
import type { Logger } from "../logger.js";
import type { Exchange } from "./exchange.js";

/** Requests slower than this are logged at `warn` even when request logging is off. */
const SLOW_REQUEST_MS = 1000;

/**
 * Logs a finished request: every one when `logRequests` is on, otherwise only those that
 * failed (5xx) or were slow, at `warn`.
 */
export function logRequest(log: Logger, logRequests: boolean, ex: Exchange): void {
  const { req, res } = ex;
  const ms = Math.round((performance.now() - ex.started) * 10) / 10;
  const slow = ms >= SLOW_REQUEST_MS;
  if (!logRequests && !slow && res.statusCode < 500) return;
  const line = { requestId: ex.id, method: req.method, path: (req.url ?? "/").split("?")[0], status: res.statusCode, ms, ...ex.note };
  if (res.statusCode >= 500 || slow) log.warn(line, slow ? "slow request" : "request failed");
  else log.info(line, "request");
}
