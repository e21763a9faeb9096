import { createHash } from "node:crypto";
import type http from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { CACHE_SIZES, createCache } from "../cache/caches.js";
import type { RequestContext } from "../schema/context.js";

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

/** The GraphQL parameters of a request, as far as the cache needs them. */
export interface GraphQLParams {
  readonly query?: string;
  readonly operationName?: string;
  /** The variables as canonical-enough JSON (key order as sent). */
  readonly variables: string;
  /** The APQ hash, when the request carries one. */
  readonly persistedHash?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Reads the parameters of a GET (search params) or a POST (parsed JSON body); undefined when
 * the request is malformed in any way, so that Apollo answers it with the proper error.
 */
export function graphQLParams(method: string, url: URL, body: unknown): GraphQLParams | undefined {
  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  let extensions: unknown;
  if (method === "POST") {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
    ({ query, operationName, variables, extensions } = body as Record<string, unknown>);
  } else {
    const p = url.searchParams;
    for (const name of ["query", "operationName", "variables", "extensions"]) if (p.getAll(name).length > 1) return undefined;
    query = p.get("query") ?? undefined;
    operationName = p.get("operationName") ?? undefined;
    try {
      variables = p.has("variables") ? JSON.parse(p.get("variables")!) : undefined;
      extensions = p.has("extensions") ? JSON.parse(p.get("extensions")!) : undefined;
    } catch {
      return undefined;
    }
  }
  if (query !== undefined && query !== null && typeof query !== "string") return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return undefined;
  let persistedHash: string | undefined;
  if (extensions !== undefined && extensions !== null) {
    if (typeof extensions !== "object" || Array.isArray(extensions)) return undefined;
    const pq = (extensions as Record<string, unknown>).persistedQuery as Record<string, unknown> | undefined;
    if (pq !== undefined) {
      if (typeof pq !== "object" || pq === null || pq.version !== 1 || typeof pq.sha256Hash !== "string" || !SHA256_HEX.test(pq.sha256Hash)) return undefined;
      persistedHash = pq.sha256Hash;
    }
  }
  if (!query && !persistedHash) return undefined;
  return {
    ...(query ? { query } : {}),
    ...(typeof operationName === "string" ? { operationName } : {}),
    variables: variables ? JSON.stringify(variables) : "{}",
    ...(persistedHash ? { persistedHash } : {}),
  };
}

const QUERY_HASHES = createCache<string, string>("queryHashes", { maxEntries: CACHE_SIZES.queryHashes });
const QUERY_HASHES_MAX_LENGTH = 4096;

/**
 * The SHA-256 (hex) of an operation's text: Apollo's document-cache and APQ key. Remembered for
 * the last thousand distinct texts of up to 4 KiB (the cache `queryHashes`: at most 8 MiB kept;
 * longer texts are hashed each time), so a repeated operation costs a map lookup, not a hash.
 */
export function queryHash(query: string): string {
  let hash = QUERY_HASHES.get(query);
  if (hash === undefined) {
    hash = createHash("sha256").update(query).digest("hex");
    if (query.length > QUERY_HASHES_MAX_LENGTH) return hash;
    QUERY_HASHES.set(query, hash);
  }
  return hash;
}

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
  return `"${createHash("sha256").update(key).digest("base64url")}"`;
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

/**
 * Records what the HTTP layer needs about an operation: its name and type, and whether its
 * response may be cached (a query that ran to completion without errors).
 */
export function outcomePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation, operationName }) {
          const outcome = contextValue.outcome;
          outcome.operationName = operationName;
          outcome.cacheable =
            operation?.operation === "query" &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors?.length &&
            (response.http.status ?? 200) === 200 &&
            !contextValue.deadline.expired;
        },
      };
    },
  };
}
