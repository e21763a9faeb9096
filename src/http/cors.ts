import type http from "node:http";
import { appendVary } from "./send.js";

/** Request headers a browser may send cross-origin (CSRF-safe ones included). */
const ALLOWED_HEADERS = "content-type, accept, apollo-require-preflight, x-apollo-operation-name, x-request-id, if-none-match";
/** Response headers a cross-origin script may read. */
const EXPOSED_HEADERS = "x-request-id, etag";
const ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";
const ANY_ORIGIN = { headers: ["access-control-allow-origin", "*", "access-control-expose-headers", EXPOSED_HEADERS], varyOrigin: false };
/** How long browsers may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = "86400";

/**
 * Cross-origin access from configuration: `*` lets any origin read responses (the data is
 * public and no request carries credentials, so `Access-Control-Allow-Credentials` is never
 * sent); a list lets only those origins, echoed back with `Vary: Origin`.
 */
export class Cors {
  private readonly any: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(setting: string) {
    this.any = setting.trim() === "*";
    this.origins = new Set(this.any ? [] : setting.split(",").map((o) => o.trim()).filter(Boolean));
  }

  /** Sets the CORS response headers of any request. */
  apply(req: http.IncomingMessage, res: http.ServerResponse): void {
    const { headers, varyOrigin } = this.rawHeaders(req);
    if (varyOrigin) appendVary(res, "Origin");
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
  }

  /**
   * The CORS response headers of a request as a flat list (for writeHead: the response cache's
   * fast path; `apply` sets them), and whether `Vary` must name Origin.
   */
  rawHeaders(req: http.IncomingMessage): { headers: string[]; varyOrigin: boolean } {
    if (this.any) return ANY_ORIGIN;
    const origin = req.headers.origin;
    if (origin === undefined || !this.origins.has(origin)) return { headers: [], varyOrigin: true };
    return { headers: ["access-control-allow-origin", origin, "access-control-expose-headers", EXPOSED_HEADERS], varyOrigin: true };
  }

  /** Answers a preflight (`OPTIONS`) request: 204, with the allowances when the origin is allowed. */
  preflight(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.apply(req, res);
    if (res.hasHeader("access-control-allow-origin")) {
      res.setHeader("access-control-allow-methods", ALLOWED_METHODS);
      res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
      res.setHeader("access-control-max-age", PREFLIGHT_MAX_AGE);
    }
    res.setHeader("content-length", "0");
    res.statusCode = 204;
    res.end();
  }
}
