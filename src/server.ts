import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type GraphQLRequest, type GraphQLResponse, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { type RequestContext, createContext } from "./context.js";
import type { KnowledgeBase } from "./db/open.js";
import { buildApiSchema, schemaSdl } from "./schema/index.js";
import { createWebRoutes } from "./web/routes.js";

/** How the server behaves; every option has a safe default. */
export interface ServerOptions {
  /** Largest request body accepted, in bytes; larger bodies get 413 (default 100 KB). */
  readonly maxBodyBytes?: number;
  /** Include stack traces in error responses (development only; default false). */
  readonly debug?: boolean;
}

/** The API server: Apollo Server over node:http, on one open knowledge base. */
export interface ApiServer {
  readonly apollo: ApolloServer<RequestContext>;
  readonly http: http.Server;
  readonly kb: KnowledgeBase;
  /** Runs one operation in-process with a fresh request context (what tests use). */
  execute(request: Omit<GraphQLRequest, "query"> & { query: string }): Promise<GraphQLResponse>;
  /** Starts listening; port 0 picks a free port. Resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number; host: string }>;
  /** Stops accepting requests, lets in-flight ones finish, and stops Apollo (the database stays open). */
  stop(): Promise<void>;
}

/** The default request body limit: 100 KB is far more than any query this schema needs. */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024;

/**
 * Creates and starts the API server over an open knowledge base. Requests are served by a
 * small node:http handler (not Apollo's standalone server) so that limits, deadlines, health
 * checks and shutdown stay in our hands:
 *
 * - `POST /graphql` (JSON) and `GET /graphql?query=...` (queries only; Apollo refuses
 *   mutations over GET; CSRF prevention is on, so GET needs a non-simple header such as
 *   `apollo-require-preflight: true`); HTTP batching is off.
 * - `GET /` and browser visits to `GET /graphql`: a small offline page (nothing loaded from a
 *   CDN) to try queries.
 * - `GET /healthz`: 200 with the data version; `GET /schema.graphql`: the SDL.
 *
 * Apollo's landing page and per-field cache-control hooks are disabled.
 */
export async function createServer(kb: KnowledgeBase, options: ServerOptions = {}): Promise<ApiServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const schema = buildApiSchema();
  const sdl = schemaSdl(schema);
  const httpServer = http.createServer();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: options.debug ?? false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  const execute: ApiServer["execute"] = (request) => apollo.executeOperation(request, { contextValue: createContext(kb) });
  const web = createWebRoutes({ kb, execute, sdl });

  httpServer.on("request", (req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("request failed", e);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = (req.method ?? "GET").toUpperCase();
    const isRead = method === "GET" || method === "HEAD";
    if (url.pathname === "/healthz" && isRead) {
      return sendJson(res, 200, { status: "ok", dataVersion: kb.build.dataVersion, builtAt: kb.build.builtAt });
    }
    if (url.pathname === "/schema.graphql" && isRead) {
      return send(res, 200, "text/plain; charset=utf-8", sdl);
    }
    if (isRead && (await web.handle(req, res, url))) return;
    if (isRead && (url.pathname === "/" || (url.pathname === "/graphql" && !url.searchParams.has("query") && prefersHtml(req)))) {
      return send(res, 200, "text/html; charset=utf-8", OFFLINE_PAGE);
    }
    if (url.pathname !== "/graphql") {
      return sendJson(res, 404, { errors: [{ message: `Not found: ${url.pathname}. The API is at /graphql.`, extensions: { code: "NOT_FOUND" } }] });
    }

    const body = await readBody(req, maxBodyBytes);
    if (body === TOO_LARGE) {
      res.setHeader("connection", "close");
      return sendJson(res, 413, { errors: [{ message: `Request body too large: the limit is ${maxBodyBytes} bytes.`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    }
    let parsed: unknown = body;
    if (body !== "" && /^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? "")) {
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        return sendJson(res, 400, { errors: [{ message: `The request body is not valid JSON: ${(e as Error).message}`, extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body: parsed };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => createContext(kb) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    apollo,
    http: httpServer,
    kb,
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
    stop: () => apollo.stop(),
  };
}

const TOO_LARGE = Symbol("too large");

/** Reads a request body as UTF-8, giving up (without buffering the rest) past `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.removeAllListeners("data");
        req.resume();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function prefersHtml(req: http.IncomingMessage): boolean {
  return /text\/html/i.test(req.headers.accept ?? "");
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
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
