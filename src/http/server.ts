import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { MASKED_MESSAGE } from "../api/errors.js";
import type { GraphQLApi } from "../api/graphql-api.js";
import { type Settings, mib } from "../config.js";
import type { KnowledgeBase } from "../db/open.js";
import type { Logger } from "../logger.js";
import { CachedAnswers } from "./cached-answers.js";
import { publicCacheControl } from "./caching.js";
import { Cors } from "./cors.js";
import { Drainer } from "./drain.js";
import type { Exchange } from "./exchange.js";
import { createGraphQLRoute } from "./graphql-route.js";
import { sendHealth, sendReadiness } from "./health.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id.js";
import { logRequest } from "./request-log.js";
import { ResponseCache } from "./response-cache.js";
import { send, sendError } from "./send.js";
import { type SentRequest, isGraphQLPath, readSentRequest } from "./sent-request.js";
import type { TestHooks } from "./test-hooks.js";

/** Pages served beside the API (src/web): `handle` answers a GET or HEAD for one and returns true, else returns false. */
export interface PageRoutes {
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

/** What the HTTP server serves. */
export interface HttpServerParts {
  readonly kb: KnowledgeBase;
  readonly settings: Settings;
  readonly log: Logger;
  readonly api: GraphQLApi;
  readonly pages: PageRoutes;
  readonly testHooks: TestHooks | undefined;
}

/** The node:http server, not listening yet. */
export interface HttpServer {
  readonly http: http.Server;
  readonly responseCache: ResponseCache;
  /** Starts listening; port 0 picks a free port. Resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number; host: string }>;
  /** Answers /readyz with 503 (for `shutdownDelayMs`), then drains; true when every request finished in time. */
  stop(): Promise<boolean>;
}

/** Paths that only answer GET and HEAD (and the CORS preflight): anything else is 405. */
const READ_ONLY_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/schema.graphql"]);

/**
 * The HTTP server: our own node:http handler (not Apollo's standalone server), so that limits,
 * deadlines, caching, health checks and shutdown stay in our hands. Every request is tracked
 * for the drain and logged (request-log.ts); one that fails outside GraphQL is answered 500,
 * masked, with its request id.
 */
export function createHttpServer(parts: HttpServerParts): HttpServer {
  const { settings, log } = parts;
  const server = http.createServer({
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: 2 * settings.headersTimeoutMs,
    // Node enforces both timeouts only when it sweeps its connections, every 30 s by default,
    // which let a stalled request live up to 30 s past its limit; sweep often enough that
    // the limits hold to within a quarter of the headers timeout (at most a second late).
    connectionsCheckingInterval: connectionsCheckingInterval(settings.headersTimeoutMs),
  });
  const drainer = new Drainer(server, Math.min(1000, settings.keepAliveTimeoutMs));
  const responseCache = new ResponseCache(settings.responseCacheEntries, mib(settings.responseCacheMb));
  const state = { stopping: false };
  const route = createRouter(parts, responseCache, () => state.stopping);
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const ex: Exchange = { req, res, method: (req.method ?? "GET").toUpperCase(), started: performance.now(), id: requestIdOf(req), note: {} };
    drainer.track(req, res, () => logRequest(log, settings.logRequests, ex));
    route(ex).catch((e: unknown) => {
      log.error({ requestId: ex.id, err: e }, "request failed");
      if (res.headersSent) return res.destroy();
      res.setHeader(REQUEST_ID_HEADER, ex.id);
      sendError(res, 500, "INTERNAL_SERVER_ERROR", MASKED_MESSAGE, { requestId: ex.id });
    });
  });
  server.on("clientError", answerClientError);
  return {
    http: server,
    responseCache,
    listen: (port, host) => listen(server, port, host),
    stop: async () => {
      if (!state.stopping) {
        state.stopping = true;
        if (settings.shutdownDelayMs > 0) await sleep(settings.shutdownDelayMs);
      }
      return drainer.drain(settings.shutdownTimeoutMs);
    },
  };
}

/**
 * The routes: `/graphql` (graphql-route.ts; a repeated request is first answered from the
 * response cache as sent, before anything is parsed), then for GET and HEAD `/healthz` (alive),
 * `/readyz` (ready; 503 once `stopping`), `/schema.graphql` (SDL) and the pages. Every response
 * carries `x-request-id` and the CORS headers; every refusal is a GraphQL-style error with a code.
 */
function createRouter(parts: HttpServerParts, responseCache: ResponseCache, stopping: () => boolean): (ex: Exchange) => Promise<void> {
  const { kb, settings, pages, api } = parts;
  const cors = new Cors(settings.corsOrigins);
  const answers = new CachedAnswers(responseCache, publicCacheControl(settings.cacheMaxAge), cors);
  const graphql = createGraphQLRoute({ ...parts, answers, dataVersion: kb.build.dataVersion });

  /** Answers a GET or HEAD for health, readiness, the schema or a page; false for anything else. */
  const serveRead = async ({ req, res }: Exchange, url: URL): Promise<boolean> => {
    if (url.pathname === "/healthz") sendHealth(res, kb);
    else if (url.pathname === "/readyz") sendReadiness(res, kb, stopping());
    else if (url.pathname === "/schema.graphql") {
      res.setHeader("cache-control", answers.cacheControl);
      send(res, 200, "text/plain; charset=utf-8", api.sdl);
    } else return pages.handle(req, res, url);
    return true;
  };

  return async (ex) => {
    const { req, res, method } = ex;
    const rawUrl = req.url ?? "/";
    let sent: SentRequest = {};
    if (responseCache.enabled && isGraphQLPath(rawUrl)) {
      sent = await readSentRequest(ex, rawUrl, settings.maxBodyBytes);
      if (sent.key !== undefined && answers.answerAsSent(ex, sent.key)) return;
    }
    res.setHeader(REQUEST_ID_HEADER, ex.id);
    cors.apply(req, res);
    const url = new URL(rawUrl, "http://localhost");
    if (method === "OPTIONS") return cors.preflight(req, res);
    const isRead = method === "GET" || method === "HEAD";
    if (!isRead && READ_ONLY_PATHS.has(url.pathname)) {
      res.setHeader("allow", "GET, HEAD, OPTIONS");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed on ${url.pathname}; use GET.`);
    }
    if (isRead && (await serveRead(ex, url))) return;
    if (url.pathname !== "/graphql") return sendError(res, 404, "NOT_FOUND", `Not found: ${url.pathname}. The API is at /graphql.`);
    if (!isRead && method !== "POST") {
      res.setHeader("allow", "GET, HEAD, POST, OPTIONS");
      return sendError(res, 405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed on /graphql; use POST, or GET for queries.`);
    }
    return graphql(ex, url, sent);
  };
}

/** Malformed HTTP, header timeouts: answers 400, 408 or 431 when the socket can still take it. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" || err.code === "ERR_HTTP_HEADERS_TIMEOUT" ? 408 : err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/** Listens on `host:port` and resolves with the address (`url` ends with a slash). */
function listen(server: http.Server, port: number, host: string): Promise<{ url: string; port: number; host: string }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({ url: `http://${shown}:${address.port}/`, port: address.port, host: address.address });
    });
  });
}

/** How often Node sweeps connections for header and request timeouts: a quarter of the headers timeout, 50 ms to 1 s. */
export function connectionsCheckingInterval(headersTimeoutMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)));
}
