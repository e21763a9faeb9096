import { CACHE_SIZES, createTextKeyedCache } from "../cache/caches.js";
import { sha256 } from "./sha256.js";

/*
 * The parameters of a GraphQL request sent over HTTP (GraphQL over HTTP: a GET's search
 * parameters, a POST's JSON body), read once by the HTTP layer for its caches and handed to
 * the API with the operation.
 */

/** The GraphQL parameters of a request, as the response cache keys it and the API reads it. */
export interface GraphQLParams {
  readonly query?: string;
  readonly operationName?: string;
  /** The variables as canonical-enough JSON (key order as sent). */
  readonly variables: string;
  /** The variables as parsed (absent when none were sent), for the lean path of prepared operations. */
  readonly variableValues?: Readonly<Record<string, unknown>>;
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
    // Apollo refuses a GET whose variables or extensions are JSON null (a POST may send null).
    if (variables === null || extensions === null) return undefined;
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
  // One shape whatever was sent (absent fields undefined): a literal, not spreads, which cost
  // 4 µs a request.
  return {
    query: query ? (query as string) : undefined,
    operationName: typeof operationName === "string" ? operationName : undefined,
    variables: variables ? JSON.stringify(variables) : "{}",
    variableValues: variables ? (variables as Record<string, unknown>) : undefined,
    persistedHash,
  };
}

const QUERY_HASHES = createTextKeyedCache<string>("queryHashes", { maxEntries: CACHE_SIZES.queryHashes, maxBytes: CACHE_SIZES.queryHashBytes });

/**
 * The SHA-256 (hex) of an operation's text: Apollo's document-cache and APQ key. Remembered for
 * the last thousand distinct texts (the cache `queryHashes`), so a repeated operation costs a
 * look-up rather than a hash.
 */
export function queryHash(query: string): string {
  let hash = QUERY_HASHES.get(query);
  if (hash === undefined) {
    hash = sha256(query, "hex");
    QUERY_HASHES.set(query, hash);
  }
  return hash;
}
