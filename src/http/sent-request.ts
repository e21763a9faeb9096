import { sha256 } from "../api/sha256.js";
import { CACHE_SIZES, createTextKeyedCache } from "../cache/caches.js";
import { TOO_LARGE, readBody } from "./body.js";
import type { Exchange } from "./exchange.js";

/**
 * What is read of a /graphql request before it is routed, while the response cache is on: its
 * body (POST), and its key as sent — the URL of a GET or HEAD, the body of a POST, with the
 * Accept header — under which the cache also keeps answers (cached-answers.ts), so that a
 * byte-identical repeat is answered with no parsing at all.
 */
export interface SentRequest {
  /** A POST's body, read here (the GraphQL route reads it otherwise). */
  readonly body?: string | typeof TOO_LARGE;
  /** The request's key as sent; undefined for a body over the limit and for other methods. */
  readonly key?: string;
}

/** The keys of requests as sent, by the text sent, then by kind and Accept header. */
const SENT_KEYS = createTextKeyedCache<Map<string, string>>("sentRequestKeys", { maxEntries: CACHE_SIZES.sentRequestKeys, maxBytes: CACHE_SIZES.sentRequestBytes });

/** Accept headers remembered per text sent (a client sends one or two). */
const HEADS_PER_TEXT = 16;

/**
 * The response cache's key of a request as sent: its kind (`P` for a POST's body, `G` for a
 * GET's URL), its Accept header and the SHA-256 of what was sent, computed once per distinct
 * text (the cache `sentRequestKeys`), so that a repeat costs a look-up and gets the same key
 * string, whose hash V8 then keeps.
 */
export function sentKeyOf(kind: "P" | "G", accept: string | undefined, sent: string): string {
  const head = `${kind}\0${accept ?? ""}`;
  let keys = SENT_KEYS.get(sent);
  let key = keys?.get(head);
  if (key === undefined) {
    key = `${head}\0${sha256(sent, "base64")}`;
    if (keys === undefined) SENT_KEYS.set(sent, (keys = new Map()));
    if (keys.size < HEADS_PER_TEXT) keys.set(head, key);
  }
  return key;
}

/** Whether a request's raw URL is the GraphQL endpoint (with or without a query string). */
export function isGraphQLPath(rawUrl: string): boolean {
  return rawUrl === "/graphql" || rawUrl.startsWith("/graphql?");
}

/** Reads a /graphql request as sent: a POST's body (up to `maxBodyBytes`) and its key. */
export async function readSentRequest(ex: Exchange, rawUrl: string, maxBodyBytes: number): Promise<SentRequest> {
  const accept = ex.req.headers.accept;
  if (ex.method === "POST") {
    const body = await readBody(ex.req, maxBodyBytes);
    return body === TOO_LARGE ? { body } : { body, key: sentKeyOf("P", accept, body) };
  }
  if (ex.method === "GET" || ex.method === "HEAD") return { key: sentKeyOf("G", accept, rawUrl) };
  return {};
}
