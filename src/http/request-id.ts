import { randomUUID } from "node:crypto";
import type http from "node:http";

/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What an incoming id may look like to be honoured: short, printable, no separators to inject. */
const WELL_FORMED = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * The id of a request: the caller's `x-request-id` when it is well formed (so a proxy's or a
 * client's id follows the request through our logs), otherwise a fresh UUID.
 */
export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && WELL_FORMED.test(given) ? given : randomUUID();
}
