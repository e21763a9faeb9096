import type http from "node:http";

/** The `extensions.code`s this server's HTTP layer answers with (Apollo's own are added to them). */
export type HttpErrorCode = "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "UNSUPPORTED_MEDIA_TYPE" | "DEADLINE_EXCEEDED" | "SERVICE_UNAVAILABLE" | "INTERNAL_SERVER_ERROR";

/** Sends a complete response (no body for HEAD). */
export function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("content-length", typeof body === "string" ? Buffer.byteLength(body) : body.length);
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** Sends a JSON value. */
export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

/**
 * Sends a GraphQL-style error document (`{ errors: [{ message, extensions: { code } }] }`) for
 * refusals that happen before a GraphQL operation runs. Never cached.
 */
export function sendError(res: http.ServerResponse, status: number, code: HttpErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.setHeader("cache-control", "no-store");
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Adds a header name to `Vary`, keeping what is there. */
export function appendVary(res: http.ServerResponse, name: string): void {
  const current = res.getHeader("vary");
  if (current === undefined) res.setHeader("vary", name);
  else if (!String(current).toLowerCase().split(/\s*,\s*/).includes(name.toLowerCase())) res.setHeader("vary", `${String(current)}, ${name}`);
}
