import { createHash } from "node:crypto";
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

/** Requests and URLs longer than this are keyed in the response cache by their SHA-256, not by themselves. */
const LONG_KEY = 2048;

/** The response cache's key of a request as sent: short ones as they are, long ones by their hash. */
function sentKeyOf(kind: "P" | "G", accept: string | undefined, sent: string): string {
  return `${kind}\0${accept ?? ""}\0${sent.length > LONG_KEY ? createHash("sha256").update(sent).digest("base64") : sent}`;
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
