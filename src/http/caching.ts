import { sha256 } from "../api/sha256.js";
import type http from "node:http";
import { type GraphQLParams, queryHash } from "../api/operation-params.js";

/**
 * HTTP caching of GraphQL responses. The database is immutable while served, so the answer to
 * a query is a function of the data version and the request alone: that pair is hashed into a
 * key that names the response in the in-memory response cache and, quoted, is its `ETag`.
 *
 * The key covers the data version, the operation (the SHA-256 of its text — which is also its
 * APQ hash, so a POST that registers a persisted query and a GET that sends only the hash share
 * one entry), the operation name, the variables and the `Accept` header (which picks the
 * response's media type). Only successful query results get a key-based ETag and
 * `Cache-Control: public`; errors get `no-store`.
 */

/**
 * The cache key of a request — the data version, the `Accept` header, the operation's hash,
 * the operation name and the variables, joined — or undefined when it cannot be cached (an APQ
 * hash that does not match its query).
 */
export function requestKey(dataVersion: string, accept: string | undefined, params: GraphQLParams): string | undefined {
  const hash = params.query !== undefined ? queryHash(params.query) : params.persistedHash!;
  if (params.query !== undefined && params.persistedHash !== undefined && params.persistedHash !== hash) return undefined;
  return `${dataVersion}\0${accept === undefined ? "" : accept.trim().toLowerCase()}\0${hash}\0${params.operationName ?? ""}\0${params.variables}`;
}

/** The strong ETag of a request key: its SHA-256, base64url, quoted. */
export function etagOf(key: string): string {
  return `"${sha256(key, "base64url")}"`;
}

/** Whether an If-None-Match header lists the ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

/** `Cache-Control` of a successful query response. */
export function publicCacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : "public, no-cache";
}

/** Headers Apollo's CSRF prevention requires on requests without a non-simple content type. */
const PREFLIGHT_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];
const SIMPLE_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * Apollo's CSRF rule, applied before the response cache and `If-None-Match` so that a cached
 * answer is never served to a request Apollo would refuse: safe when the content type is present
 * and not one a form can send, or when a preflight-forcing header is present.
 */
export function csrfSafe(req: http.IncomingMessage): boolean {
  const type = req.headers["content-type"];
  if (type !== undefined) {
    const essence = type.split(";")[0]!.trim().toLowerCase();
    if (essence !== "" && !SIMPLE_TYPES.includes(essence)) return true;
  }
  return PREFLIGHT_HEADERS.some((h) => {
    const v = req.headers[h];
    return typeof v === "string" && v.length > 0;
  });
}
