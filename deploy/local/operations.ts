import { createHash } from "node:crypto";
import type { LoadRequest } from "./load.js";

/**
 * The operations the cluster check and the cluster benchmark send through nginx, and the
 * requests that carry them (GET with the preflight header Apollo's CSRF prevention asks for,
 * POST as JSON, APQ hash-only GET).
 */

/** A statistic with its value, period and citations: a small fact card. */
export const FACT = `query ClusterFact($slug: String!) {
  statistic(slug: $slug) {
    slug kind
    value { amount unit comparator asWritten }
    period { label start end }
    citations { verified quote { exact } source { slug title publishedAt } }
  }
}`;

/** A page of 100 statistics with citations and sources: a slow request (tens of milliseconds). */
export const BIG_PAGE = `query ClusterPage {
  statistics(first: 100) {
    nodes {
      slug
      value { amount unit asWritten }
      citations { verified quote { exact prefix suffix } source { slug title url publishedAt } }
    }
  }
}`;

/** The slugs of (up to) the first 100 statistics, to spread requests over distinct rows. */
export const SLUGS = `query ClusterSlugs { statistics(first: 100) { nodes { slug } } }`;

/** Headers every GraphQL GET carries: JSON, and the header that satisfies CSRF prevention. */
export const GET_HEADERS = { accept: "application/json", "apollo-require-preflight": "true" } as const;
/** Headers of a JSON POST. */
export const POST_HEADERS = { accept: "application/json", "content-type": "application/json" } as const;

/** The SHA-256 (hex) of an operation's text: its APQ hash. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A GET of `query` with `variables` (and optional extensions), as a load request. */
export function getRequest(kind: string, query: string | undefined, variables: Record<string, unknown>, extensions?: unknown): LoadRequest {
  const p = new URLSearchParams();
  if (query !== undefined) p.set("query", query);
  p.set("variables", JSON.stringify(variables));
  if (extensions !== undefined) p.set("extensions", JSON.stringify(extensions));
  return { kind, method: "GET", path: `/graphql?${p.toString()}`, headers: { ...GET_HEADERS } };
}

/** A JSON POST of `query` with `variables` (and optional extensions), as a load request. */
export function postRequest(kind: string, query: string | undefined, variables: Record<string, unknown>, extensions?: unknown): LoadRequest {
  const body = JSON.stringify({ ...(query === undefined ? {} : { query }), variables, ...(extensions === undefined ? {} : { extensions }) });
  return { kind, method: "POST", path: "/graphql", headers: { ...POST_HEADERS }, body };
}

/** The `extensions` of an APQ request for `query`. */
export function persistedQuery(query: string): { persistedQuery: { version: 1; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
}

/**
 * The mixed load of the check: 6 in 10 GETs and 3 in 10 POSTs that no cache can answer (an
 * extra variable, `nonce`, which the operation does not use, makes each one distinct), and 1
 * in 10 a repeated GET that nginx may answer from its cache.
 */
export function mixedRequest(slugs: readonly string[], n: number): LoadRequest {
  const slug = slugs[n % slugs.length]!;
  const r = n % 10;
  if (r < 6) return getRequest("GET", FACT, { slug, nonce: n });
  if (r < 9) return postRequest("POST", FACT, { slug, nonce: n });
  return getRequest("GET (cacheable)", FACT, { slug });
}
