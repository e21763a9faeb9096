import { HeaderMap } from "@apollo/server";
import { type GraphQLParams, graphQLParams, queryHash } from "../api/operation-params.js";
import { limitError } from "../api/limits.js";
import type { HttpOperation } from "../api/run-operation.js";
import { JSON_TYPE, TOO_LARGE, readBody } from "./body.js";
import { csrfSafe } from "./caching.js";
import type { Exchange } from "./exchange.js";
import { MAX_JSON_DEPTH, TOO_DEEP_MESSAGE, jsonNestedDeeperThan, nestedDeeperThan } from "./json-depth.js";
import { sendError, sendJson } from "./send.js";
import type { SentRequest } from "./sent-request.js";

/** A /graphql request read and checked: its parsed body (POST) and its GraphQL parameters. */
export interface ReadRequest {
  readonly url: URL;
  /** The parsed JSON body of a POST; a form-like body as text (for Apollo's CSRF refusal); undefined for GET. */
  readonly body: unknown;
  /** undefined when the request is malformed or CSRF-unsafe: Apollo answers it with the proper error. */
  readonly params: GraphQLParams | undefined;
}

/** What the checks of a request need from the settings. */
export interface RequestLimits {
  readonly maxBodyBytes: number;
  readonly maxQueryBytes: number;
}

/** A refusal already sent. */
const REFUSED = Symbol("refused");

/**
 * Reads and checks a /graphql request: the body (size, content type, JSON, nesting), the query
 * text's size before anything parses it, the nesting of a GET's variables and extensions, and
 * a persisted-query hash sent with a query it does not match. Answers a refusal itself (4xx,
 * a GraphQL error with a code) and returns undefined then.
 */
export async function readGraphQLRequest(ex: Exchange, url: URL, sent: SentRequest, limits: RequestLimits): Promise<ReadRequest | undefined> {
  const { req, res, method } = ex;
  const body = method === "POST" ? await readPostBody(ex, sent, limits.maxBodyBytes) : undefined;
  if (body === REFUSED) return undefined;
  const queryText = method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query");
  if (typeof queryText === "string" && queryText.length > limits.maxQueryBytes / 3 && Buffer.byteLength(queryText) > limits.maxQueryBytes) {
    const e = limitError("maxQueryBytes", limits.maxQueryBytes, Buffer.byteLength(queryText), "The query text is too long (comments count)");
    res.setHeader("cache-control", "no-store");
    sendJson(res, 400, { errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
    return undefined;
  }
  if (method !== "POST" && ["variables", "extensions"].some((p) => jsonNestedDeeperThan(url.searchParams.get(p), MAX_JSON_DEPTH))) {
    sendError(res, 400, "BAD_REQUEST", TOO_DEEP_MESSAGE);
    return undefined;
  }
  const params = csrfSafe(req) ? graphQLParams(method === "HEAD" ? "GET" : method, url, body) : undefined;
  if (params?.query !== undefined && params.persistedHash !== undefined && params.persistedHash !== queryHash(params.query)) {
    // Apollo reports this as an unexpected error (400 INTERNAL_SERVER_ERROR, logged with the query).
    sendError(res, 400, "BAD_REQUEST", "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.");
    return undefined;
  }
  return { url, body, params };
}

/** A POST's body, parsed when JSON; REFUSED once a refusal (413, 400, 415) is sent. */
async function readPostBody(ex: Exchange, sent: SentRequest, maxBodyBytes: number): Promise<unknown> {
  const { req, res } = ex;
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const raw = sent.body ?? (await readBody(req, maxBodyBytes));
  if (raw === TOO_LARGE) {
    res.setHeader("connection", "close");
    sendError(res, 413, "PAYLOAD_TOO_LARGE", `Request body too large: the limit is ${maxBodyBytes} bytes.`);
    return REFUSED;
  }
  if (!JSON_TYPE.test(type)) {
    if (type !== "" && !csrfSafe(req)) return raw; // a form-like content type: Apollo answers with its CSRF refusal
    sendError(res, 415, "UNSUPPORTED_MEDIA_TYPE", `POST bodies must be JSON with content-type application/json; got ${type === "" ? "no content-type" : JSON.stringify(type)}.`);
    return REFUSED;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    sendError(res, 400, "BAD_REQUEST", `The request body is not valid JSON: ${(e as Error).message}`);
    return REFUSED;
  }
  if (nestedDeeperThan(body, MAX_JSON_DEPTH + 1)) {
    sendError(res, 400, "BAD_REQUEST", TOO_DEEP_MESSAGE);
    return REFUSED;
  }
  return body;
}

/** The operation as the API takes it; Apollo's form of the request (headers copied into its HeaderMap) is made only if Apollo runs it. */
export function operationOf(ex: Exchange, read: ReadRequest): HttpOperation {
  const { req } = ex;
  return {
    method: ex.method,
    params: read.params,
    accept: req.headers.accept,
    contentType: req.headers["content-type"],
    http: () => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      return { method: ex.method === "HEAD" ? "GET" : ex.method, headers, search: read.url.search, body: read.body };
    },
  };
}
