import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from "@apollo/server/plugin/disabled";
import { type RequestContext, createContext } from "./schema/context.js";
import type { KnowledgeBase } from "./db/open.js";
import { TOO_LARGE, readBody } from "./http/body.js";
import { csrfSafe, etagOf, graphQLParams, matchesEtag, outcomePlugin, publicCacheControl, queryHash, requestKey } from "./http/caching.js";
import { MAX_JSON_DEPTH, TOO_DEEP_MESSAGE, jsonNestedDeeperThan, nestedDeeperThan } from "./http/json-depth.js";
import { DEFAULT_SETTINGS, type Executor, type ServeSettings } from "./http/config.js";
import { Cors } from "./http/cors.js";
import { jitExecutor, jitGateway } from "./http/jit-executor.js";
import { DEADLINE_EXCEEDED, Deadline, DeadlineExceededError } from "./db/deadline.js";
import { Drainer } from "./http/drain.js";
import { MASKED_MESSAGE, createFormatError, errorPlugin } from "./http/errors.js";
import { sendHealth, sendReadiness } from "./http/health.js";
import { type QueryLimits, armorProtection, costLimitPlugin, limitError } from "./http/limits.js";
import { DocumentCache } from "./http/document-store.js";
import { type Logger, createLogger } from "./http/logger.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./http/request-id.js";
import { ResponseCache } from "./http/response-cache.js";
import { RowCache } from "./db/row-cache.js";
import { appendVary, send, sendError, sendJson } from "./http/send.js";
import { buildApiSchema, schemaSdl } from "./schema/index.js";
import { createWebRoutes, isExplorerRequest } from "./web/routes.js";
import type { ApiServer, TestHooks } from "./http/api-server.js";

export type { ApiServer, TestHooks } from "./http/api-server.js";

/** How the server behaves; every option has a safe default (config.ts's defaults). */
export interface ServerOptions {
  /** Largest request body accepted, in bytes; larger bodies get 413 (default 100 KB). */
  readonly maxBodyBytes?: number;
  /** Send unexpected errors' messages and stack traces to clients (development only; default false). */
  readonly debug?: boolean;
  /** Deadline of one GraphQL request in milliseconds (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Query limits (defaults in config.ts). */
  readonly limits?: Partial<QueryLimits>;
  /** Bytes of parsed documents kept for reuse (document-store.ts's estimate; default 32 MiB, config.ts). */
  readonly documentCacheBytes?: number;
  /** `*` or a comma-separated list of allowed origins (default `*`). */
  readonly corsOrigins?: string;
  /** `max-age` of successful query responses, seconds (default 300). */
  readonly cacheMaxAge?: number;
  /** Response cache bounds (default 2,000 entries, 64 MiB); 0 entries turns it off. */
  readonly responseCacheEntries?: number;
  readonly responseCacheBytes?: number;
  /**
   * Repository results kept across requests (row-cache.ts). Off (0) unless given: in-process
   * servers (tests that count statements) run every statement; `serve` turns it on (10,000).
   */
  readonly rowCacheEntries?: number;
  /** `jit` (default): operations compiled by graphql-jit; `graphql-js`: interpreted. */
  readonly executor?: Executor;
  readonly keepAliveTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  /** How long `stop()` lets in-flight requests run (default 15 s). */
  readonly shutdownTimeoutMs?: number;
  /** How long `stop()` keeps accepting requests, with /readyz at 503, before it drains (default 0). */
  readonly shutdownDelayMs?: number;
  /** Keep graphql-js's "Did you mean" hints (default true). */
  readonly fieldSuggestions?: boolean;
  /** Log one line per request (default false). */
  readonly logRequests?: boolean;
  /** Where the JSON log goes (default: pino on stdout at `info`). */
  readonly logger?: Logger;
  /** Test-only hooks. Production code never sets them (main.ts does only under LSF_TEST_HOOKS=1). */
  readonly testHooks?: TestHooks;
}

/** ServerOptions from the parsed `serve` settings. */
export function serverOptionsFrom(s: ServeSettings): ServerOptions {
  return {
    maxBodyBytes: s.maxBodyBytes,
    debug: s.debugErrors,
    requestTimeoutMs: s.requestTimeoutMs,
    limits: { maxDepth: s.maxDepth, maxAliases: s.maxAliases, maxTokens: s.maxTokens, maxQueryBytes: s.maxQueryBytes, maxDirectives: s.maxDirectives, maxCost: s.maxCost },
    corsOrigins: s.corsOrigins,
    cacheMaxAge: s.cacheMaxAge,
    responseCacheEntries: s.responseCacheEntries,
    responseCacheBytes: s.responseCacheMb * 1024 * 1024,
    documentCacheBytes: s.documentCacheMb * 1024 * 1024,
    rowCacheEntries: s.rowCacheEntries,
    executor: s.executor,
    keepAliveTimeoutMs: s.keepAliveTimeoutMs,
    headersTimeoutMs: s.headersTimeoutMs,
    shutdownTimeoutMs: s.shutdownTimeoutMs,
    shutdownDelayMs: s.shutdownDelayMs,
    fieldSuggestions: s.fieldSuggestions,
    logRequests: s.logRequests,
  };
}

/** The content types a POST body may have. */
const JSON_TYPE = /^\s*application\/(graphql-response\+)?json\s*(;|$)/i;

/** Paths that only answer GET and HEAD (and the CORS preflight): anything else is 405. */
const READ_ONLY_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/schema.graphql"]);

/** Requests and URLs longer than this are keyed in the response cache by their SHA-256, not by themselves. */
const LONG_KEY = 2048;

/** The response cache's key of a request as sent: short ones as they are, long ones by their hash. */
function sentKeyOf(kind: "P" | "G", accept: string | undefined, sent: string): string {
  return `${kind}\0${accept ?? ""}\0${sent.length > LONG_KEY ? createHash("sha256").update(sent).digest("base64") : sent}`;
}

/** Requests slower than this are logged at `warn` even when request logging is off. */
const SLOW_REQUEST_MS = 1000;

/**
 * Creates and starts the API server over an open knowledge base. Requests are served by our
 * own node:http handler (not Apollo's standalone server) so that limits, deadlines, caching,
 * health checks and shutdown stay in our hands:
 *
 * - `POST /graphql` (JSON) and `GET /graphql?query=...` (queries only; CSRF prevention is on,
 *   so GET needs a non-simple header such as `apollo-require-preflight: true`); HTTP batching
 *   is off; automatic persisted queries work over GET and POST.
 * - Web pages (explorer, fact cards) from src/web/routes.ts for GET/HEAD, and a minimal page at
 *   `/` until they exist; `/schema.graphql` (SDL), `/healthz` (alive), `/readyz` (ready).
 * - Every response carries `x-request-id`; every refusal is a GraphQL-style error with a code.
 */
export async function createServer(kb: KnowledgeBase, options: ServerOptions = {}): Promise<ApiServer> {
  const d = DEFAULT_SETTINGS;
  const maxBodyBytes = options.maxBodyBytes ?? d.maxBodyBytes;
  const requestTimeoutMs = options.requestTimeoutMs ?? d.requestTimeoutMs;
  const limits: QueryLimits = {
    maxDepth: options.limits?.maxDepth ?? d.maxDepth,
    maxAliases: options.limits?.maxAliases ?? d.maxAliases,
    maxTokens: options.limits?.maxTokens ?? d.maxTokens,
    maxQueryBytes: options.limits?.maxQueryBytes ?? d.maxQueryBytes,
    maxDirectives: options.limits?.maxDirectives ?? d.maxDirectives,
    maxCost: options.limits?.maxCost ?? d.maxCost,
  };
  const successCacheControl = publicCacheControl(options.cacheMaxAge ?? d.cacheMaxAge);
  const headersTimeoutMs = options.headersTimeoutMs ?? d.headersTimeoutMs;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? d.shutdownTimeoutMs;
  const shutdownDelayMs = options.shutdownDelayMs ?? d.shutdownDelayMs;
  let stopping = false;
  const logRequests = options.logRequests ?? d.logRequests;
  const debug = options.debug ?? d.debugErrors;
  const log = options.logger ?? createLogger({ level: "info" });
  const cors = new Cors(options.corsOrigins ?? d.corsOrigins);
  const responseCache = new ResponseCache(options.responseCacheEntries ?? d.responseCacheEntries, options.responseCacheBytes ?? d.responseCacheMb * 1024 * 1024);
  const rowCache = (options.rowCacheEntries ?? 0) > 0 ? new RowCache(options.rowCacheEntries!) : undefined;
  const hooks = options.testHooks;
  const dataVersion = kb.build.dataVersion;

  const schema = buildApiSchema();
  const sdl = schemaSdl(schema);
  const httpServer = http.createServer({
    keepAliveTimeout: options.keepAliveTimeoutMs ?? d.keepAliveTimeoutMs,
    headersTimeout: headersTimeoutMs,
    requestTimeout: 2 * headersTimeoutMs,
    // Node enforces both timeouts only when it sweeps its connections, every 30 s by default,
    // which let a stalled request live up to 30 s past its limit; sweep often enough that
    // the limits hold to within a quarter of the headers timeout (at most a second late).
    connectionsCheckingInterval: connectionsCheckingInterval(headersTimeoutMs),
  });
  const drainer = new Drainer(httpServer, Math.min(1000, options.keepAliveTimeoutMs ?? d.keepAliveTimeoutMs));
  const jit = (options.executor ?? d.executor) === "jit" ? jitExecutor(schema) : undefined;
  const armor = armorProtection(limits, { fieldSuggestions: options.fieldSuggestions ?? d.fieldSuggestions });
  const apollo = new ApolloServer<RequestContext>({
    ...(jit ? { gateway: jitGateway(schema, sdl, jit) } : { schema }),
    // Shutdown is the Drainer's: Apollo's own SIGTERM handler would stop Apollo while requests
    // already received still wait to run, and they would fail with a 500.
    stopOnTerminationSignals: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: debug,
    // Parsed and validated documents are kept (keyed by the operation's SHA-256), so limits and
    // validation run once per distinct document; the store is bounded by the bytes they hold.
    parseOptions: { maxTokens: limits.maxTokens },
    documentStore: new DocumentCache(options.documentCacheBytes ?? d.documentCacheMb * 1024 * 1024),
    validationRules: armor.validationRules,
    formatError: createFormatError({ debug, maxTokens: limits.maxTokens }),
    stringifyResult: (value) => JSON.stringify(value),
    logger: apolloLogger(log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...armor.plugins,
      costLimitPlugin(limits.maxCost),
      outcomePlugin(),
      errorPlugin(log),
    ],
  });
  await apollo.start();
  const execute: ApiServer["execute"] = (request) =>
    apollo.executeOperation(request, { contextValue: createContext(kb, { deadline: new Deadline(requestTimeoutMs), rowCache }) });
  const web = createWebRoutes({ execute });

  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const note: RequestNote = {};
    drainer.track(req, res, () => logRequest(req, res, requestId, started, note));
    route(req, res, requestId, started, note).catch((e: unknown) => {
      log.error({ requestId, err: e }, "request failed");
      if (!res.headersSent) {
        res.setHeader(REQUEST_ID_HEADER, requestId);
        sendError(res, 500, "INTERNAL_SERVER_ERROR", MASKED_MESSAGE, { requestId });
      } else res.destroy();
    });
  });
  httpServer.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // Malformed HTTP, header timeouts: answer 400/408 when the socket can still take it.
    if (err.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" || err.code === "ERR_HTTP_HEADERS_TIMEOUT" ? 408 : err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  /** What a request's log line says beyond method, path and status. */
  interface RequestNote {
    cache?: "hit" | "miss" | "not-modified";
    operationName?: string | null;
    cost?: number;
  }

  function logRequest(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, started: number, note: RequestNote): void {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const slow = ms >= SLOW_REQUEST_MS;
    if (!logRequests && !slow && res.statusCode < 500) return;
    const line = { requestId, method: req.method, path: (req.url ?? "/").split("?")[0], status: res.statusCode, ms, ...note };
    if (res.statusCode >= 500 || slow) log.warn(line, slow ? "slow request" : "request failed");
    else log.info(line, "request");
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, started: number, note: RequestNote): Promise<void> {
    const rawUrl = req.url ?? "/";
    const method = (req.method ?? "GET").toUpperCase();
    // Repeated operations first, before anything else is parsed: the response cache also keys
    // its entries by the request exactly as sent (URL, or body), see answerFromCache.
    let body: string | typeof TOO_LARGE | undefined;
    let sentKey: string | undefined;
    if (responseCache.enabled && (rawUrl === "/graphql" || rawUrl.startsWith("/graphql?"))) {
      if (method === "POST") {
        body = await readBody(req, maxBodyBytes);
        if (body !== TOO_LARGE) sentKey = sentKeyOf("P", req.headers.accept, body);
      } else if (method === "GET" || method === "HEAD") {
        sentKey = sentKeyOf("G", req.headers.accept, rawUrl);
      }
      if (sentKey !== undefined && answerFromCache(req, res, method, sentKey, requestId, note)) return;
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    cors.apply(req, res);
    const url = new URL(rawUrl, "http://localhost");
    if (method === "OPTIONS") return cors.preflight(req, res);
    const isRead = method === "GET" || method === "HEAD";
    if (!isRead && READ_ONLY_PATHS.has(url.pathname)) {
      res.setHeader("allow", "GET, HEAD, OPTIONS");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed on ${url.pathname}; use GET.`);
    }
    if (isRead && url.pathname === "/healthz") return sendHealth(res, kb);
    if (isRead && url.pathname === "/readyz") return sendReadiness(res, kb, stopping);
    if (isRead && url.pathname === "/schema.graphql") {
      res.setHeader("cache-control", successCacheControl);
      return send(res, 200, "text/plain; charset=utf-8", sdl);
    }
    if (isRead && (await web.handle(req, res, url))) return;
    if (isRead && isExplorerRequest(req, url)) {
      return send(res, 200, "text/html; charset=utf-8", OFFLINE_PAGE);
    }
    if (url.pathname !== "/graphql") {
      return sendError(res, 404, "NOT_FOUND", `Not found: ${url.pathname}. The API is at /graphql.`);
    }
    if (!isRead && method !== "POST") {
      res.setHeader("allow", "GET, HEAD, POST, OPTIONS");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed on /graphql; use POST, or GET for queries.`);
    }
    return graphql(req, res, url, method, requestId, started, note, body, sentKey);
  }

  /**
   * Answers a request from the response cache by the request exactly as sent (its URL for GET
   * and HEAD, its body for POST, with its Accept header): no JSON parsing, no hashing, one
   * writeHead. Entries get this second key when they are stored (see writeGraphQLResponse).
   * Requests that CSRF prevention would refuse are left to Apollo.
   */
  function answerFromCache(req: http.IncomingMessage, res: http.ServerResponse, method: string, sentKey: string, requestId: string, note: RequestNote): boolean {
    if (method === "POST" && !JSON_TYPE.test(req.headers["content-type"] ?? "")) return false;
    const hit = responseCache.lookup(sentKey);
    if (hit === undefined || !csrfSafe(req)) return false;
    const corsHeaders = cors.rawHeaders(req);
    const headers = [REQUEST_ID_HEADER, requestId, ...corsHeaders.headers, "etag", hit.etag, "cache-control", successCacheControl, "vary", corsHeaders.varyOrigin ? "Accept, Origin" : "Accept"];
    if (method !== "POST" && matchesEtag(req.headers["if-none-match"], hit.etag)) {
      note.cache = "not-modified";
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    note.cache = "hit";
    headers.push("content-type", hit.contentType, "content-length", String(hit.body.length));
    res.writeHead(200, headers);
    res.end(method === "HEAD" ? undefined : hit.body);
    return true;
  }

  async function graphql(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    method: string,
    requestId: string,
    started: number,
    note: RequestNote,
    preRead: string | typeof TOO_LARGE | undefined,
    sentKey: string | undefined,
  ): Promise<void> {
    const deadline = new Deadline(requestTimeoutMs, started);
    let body: unknown;
    if (method === "POST") {
      const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      const raw = preRead ?? (await readBody(req, maxBodyBytes));
      if (raw === TOO_LARGE) {
        res.setHeader("connection", "close");
        return sendError(res, 413, "PAYLOAD_TOO_LARGE", `Request body too large: the limit is ${maxBodyBytes} bytes.`);
      }
      if (JSON_TYPE.test(type)) {
        try {
          body = JSON.parse(raw);
        } catch (e) {
          return sendError(res, 400, "BAD_REQUEST", `The request body is not valid JSON: ${(e as Error).message}`);
        }
        if (nestedDeeperThan(body, MAX_JSON_DEPTH + 1)) return sendError(res, 400, "BAD_REQUEST", TOO_DEEP_MESSAGE);
      } else if (type !== "" && !csrfSafe(req)) {
        body = raw; // a form-like content type: Apollo answers with its CSRF refusal
      } else {
        return sendError(res, 415, "UNSUPPORTED_MEDIA_TYPE", `POST bodies must be JSON with content-type application/json; got ${type === "" ? "no content-type" : JSON.stringify(type)}.`);
      }
    }

    const queryText = method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query");
    if (typeof queryText === "string" && queryText.length > limits.maxQueryBytes / 3 && Buffer.byteLength(queryText) > limits.maxQueryBytes) {
      const e = limitError("maxQueryBytes", limits.maxQueryBytes, Buffer.byteLength(queryText), "The query text is too long (comments count)");
      res.setHeader("cache-control", "no-store");
      return sendJson(res, 400, { errors: [{ message: e.message, extensions: { ...e.extensions, http: undefined } }] });
    }
    if (method !== "POST" && ["variables", "extensions"].some((p) => jsonNestedDeeperThan(url.searchParams.get(p), MAX_JSON_DEPTH))) {
      return sendError(res, 400, "BAD_REQUEST", TOO_DEEP_MESSAGE);
    }

    // Repeated operations: answer from the ETag or the response cache without running anything.
    let key: string | undefined;
    const params = csrfSafe(req) ? graphQLParams(method === "HEAD" ? "GET" : method, url, body) : undefined;
    if (params?.query !== undefined && params.persistedHash !== undefined && params.persistedHash !== queryHash(params.query)) {
      // Apollo reports this as an unexpected error (400 INTERNAL_SERVER_ERROR, logged with the query).
      return sendError(res, 400, "BAD_REQUEST", "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.");
    }
    if (params) key = requestKey(dataVersion, req.headers.accept, params);
    if (key !== undefined) {
      const hit = responseCache.enabled ? responseCache.get(key) : undefined;
      const ifNoneMatch = req.headers["if-none-match"];
      if (method !== "POST" && ifNoneMatch !== undefined) {
        const etag = hit?.etag ?? etagOf(key);
        // `*` matches an answer that exists: only one already made (an invalid query has none).
        if (ifNoneMatch.trim() === "*" ? hit !== undefined : matchesEtag(ifNoneMatch, etag)) {
          note.cache = "not-modified";
          res.statusCode = 304;
          setCacheHeaders(res, etag);
          res.end();
          return;
        }
      }
      if (hit) {
        note.cache = "hit";
        setCacheHeaders(res, hit.etag);
        return send(res, 200, hit.contentType, hit.body);
      }
      note.cache = "miss";
    }

    const context = createContext(kb, { requestId, deadline, rowCache });
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: method === "HEAD" ? "GET" : method, headers, search: url.search, body };
    const running = hooks?.beforeExecute
      ? (async () => {
          await hooks.beforeExecute!(req);
          deadline.check();
          return apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
        })()
      : apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
    const response = await withinDeadline(running, deadline);
    note.operationName = context.outcome.operationName;
    note.cost = context.outcome.cost;
    if (response === undefined) {
      // The deadline passed while the request waited; what is left of it is abandoned.
      running.catch(() => undefined);
      log.warn({ requestId, deadlineMs: requestTimeoutMs }, "request abandoned at its deadline");
      const e = new DeadlineExceededError(requestTimeoutMs);
      return sendError(res, 503, DEADLINE_EXCEEDED, e.message, { deadlineMs: requestTimeoutMs, requestId });
    }
    writeGraphQLResponse(res, response, context, key, sentKey);
  }

  /** The headers of a cacheable answer (200 or 304): its ETag, Cache-Control, and Vary: Accept. */
  function setCacheHeaders(res: http.ServerResponse, etag: string): void {
    res.setHeader("etag", etag);
    res.setHeader("cache-control", successCacheControl);
    appendVary(res, "Accept");
  }

  function writeGraphQLResponse(res: http.ServerResponse, response: HTTPGraphQLResponse, context: RequestContext, key: string | undefined, sentKey: string | undefined): void {
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    appendVary(res, "Accept");
    if (response.body.kind !== "complete") {
      res.setHeader("cache-control", "no-store");
      void (async () => {
        for await (const chunk of response.body.kind === "chunked" ? response.body.asyncIterator : []) res.write(chunk);
        res.end();
      })().catch(() => res.destroy());
      return;
    }
    const bytes = Buffer.from(response.body.string, "utf8");
    const success = res.statusCode === 200 && context.outcome.cacheable && !context.deadline.expired;
    if (success && key !== undefined) {
      const etag = etagOf(key);
      setCacheHeaders(res, etag);
      const entry = { body: bytes, contentType: String(res.getHeader("content-type") ?? "application/json; charset=utf-8"), etag };
      responseCache.set(key, entry);
      if (sentKey !== undefined) responseCache.set(sentKey, entry);
    } else if (success) {
      res.setHeader("cache-control", successCacheControl);
    } else {
      res.setHeader("cache-control", "no-store");
    }
    res.setHeader("content-length", bytes.length);
    res.end(res.req.method === "HEAD" ? undefined : bytes);
  }

  return {
    apollo,
    http: httpServer,
    kb,
    log,
    responseCache,
    rowCache,
    jit: jit?.stats,
    execute,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address() as AddressInfo;
          const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve({ url: `http://${shown}:${address.port}/`, port: address.port, host: address.address });
        });
      }),
    stop: async () => {
      if (!stopping) {
        stopping = true;
        if (shutdownDelayMs > 0) await new Promise((r) => setTimeout(r, shutdownDelayMs));
      }
      const finished = await drainer.drain(shutdownTimeoutMs);
      await apollo.stop();
      return finished;
    },
  };
}

/** How often Node sweeps connections for header and request timeouts: a quarter of the headers timeout, 50 ms to 1 s. */
export function connectionsCheckingInterval(headersTimeoutMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)));
}

/** Resolves with the promise's value, or undefined once the deadline passes first (and marks it expired). */
async function withinDeadline<T>(promise: Promise<T>, deadline: Deadline): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      deadline.expire();
      resolve(undefined);
    }, deadline.remainingMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Apollo's own log messages, through pino. */
function apolloLogger(log: Logger) {
  const child = log.child({ component: "apollo" });
  return {
    debug: (m: unknown) => child.debug(String(m)),
    info: (m: unknown) => child.info(String(m)),
    warn: (m: unknown) => child.warn(String(m)),
    error: (m: unknown) => child.error(String(m)),
  };
}

/**
 * A page to try queries with nothing loaded from the internet: a text area, a button that
 * POSTs to /graphql, and the JSON result. A later issue replaces it with an offline GraphiQL.
 */
const OFFLINE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>livestream-facts GraphQL API</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}textarea,pre{width:100%;box-sizing:border-box;font:13px ui-monospace,monospace}textarea{height:16rem}pre{background:#f4f4f4;padding:1rem;overflow:auto;max-height:40rem}</style>
</head><body>
<h1>China live-streaming e-commerce facts: GraphQL API</h1>
<p>POST queries to <code>/graphql</code> as JSON. The schema is at <a href="/schema.graphql">/schema.graphql</a>; health at <a href="/healthz">/healthz</a>. Every figure links to the passage that states it.</p>
<textarea id="q">query Trace {
  statistic(slug: "taobao-live-jobs-created-over-1-73m") {
    value { amount comparator asWritten }
    citations {
      quote { exact start end }
      verified
      source { title url publishedAt archive { sha256 } }
      attributedTo { ... on Report { title authors { name } } }
    }
  }
}</textarea>
<p><button id="run">Run</button></p>
<pre id="out"></pre>
<script>
document.getElementById("run").onclick = async () => {
  const out = document.getElementById("out");
  out.textContent = "…";
  const res = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: document.getElementById("q").value }) });
  out.textContent = JSON.stringify(await res.json(), null, 2);
};
</script>
</body></html>
`;
