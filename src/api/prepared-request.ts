import type { HTTPGraphQLResponse } from "@apollo/server";
import { createCache } from "../cache/caches.js";
import { type GraphQLParams, queryHash } from "./operation-params.js";

/** The GraphQL parameters of a request that the lean path reads (operation-params.ts's GraphQLParams). */
export type SentParams = Pick<GraphQLParams, "query" | "operationName" | "variableValues" | "persistedHash">;

/** What the lean path reads of an HTTP request to /graphql (the HTTP layer has read the rest). */
export interface PreparedInput {
  /** `POST`, `GET` or `HEAD`. */
  readonly method: string;
  /** The request's parameters: undefined when the request is malformed or CSRF-unsafe. */
  readonly params: SentParams | undefined;
  readonly accept: string | undefined;
  readonly contentType: string | undefined;
}

/** A request the lean path may answer, when its operation is prepared. */
export interface LeanRequest {
  readonly query: string;
  /** The SHA-256 (hex) of the query text, by which operations are prepared. */
  readonly queryHash: string;
  /** As sent: undefined (none) and "" (an empty name, which Apollo refuses) are different. */
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The key of the response head Apollo gave the request's `Accept` header (ResponseHeads). */
  readonly accept: string;
}

/**
 * The request as the lean path would run it, or undefined when it must go to Apollo whatever
 * its operation: malformed or CSRF-unsafe requests (no params), automatic persisted queries
 * (registration and look-up are Apollo's), and GETs with a content type (Apollo refuses those
 * other than JSON with its own error).
 */
export function leanRequestOf(input: PreparedInput): LeanRequest | undefined {
  const { params } = input;
  if (params?.query === undefined || params.persistedHash !== undefined) return undefined;
  if (input.method !== "POST" && input.contentType !== undefined) return undefined;
  return { query: params.query, queryHash: queryHash(params.query), operationName: params.operationName, variables: params.variableValues ?? {}, accept: input.accept ?? "" };
}

/** Distinct `Accept` headers whose response head is remembered (the catalog's cache `responseHeads`). */
const MAX_ACCEPT_VALUES = 64;

/**
 * The headers Apollo answers a successful query with, by the request's `Accept` header, learned
 * from Apollo's own answers: its content negotiation (negotiator over the media types it serves)
 * picks the content type from that header alone, so a request whose `Accept` was seen before
 * gets the same headers without negotiating again, and one never seen goes to Apollo.
 */
export class ResponseHeads {
  private readonly byAccept = createCache<string, readonly (readonly [string, string])[]>("responseHeads", { maxEntries: MAX_ACCEPT_VALUES });

  /** The headers of a successful answer to a request with this `Accept` key, when known. */
  get(accept: string): readonly (readonly [string, string])[] | undefined {
    return this.byAccept.get(accept);
  }

  /** Remembers the headers of Apollo's successful answer (status 200, one complete body). */
  learn(accept: string, response: HTTPGraphQLResponse): void {
    if (this.byAccept.has(accept) || (response.status ?? 200) !== 200 || response.body.kind !== "complete") return;
    this.byAccept.set(accept, [...response.headers].map(([name, value]) => [name, value] as const));
  }
}
