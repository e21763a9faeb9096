/**
 * The shape of the API server and of its test hooks, apart from server.ts, which builds them:
 * the web pages and the HTTP helpers need the types but not the server itself, and importing
 * them from server.ts made server.ts → web/routes.ts → server.ts a cycle.
 */
import type http from "node:http";
import type { ApolloServer, GraphQLRequest, GraphQLResponse } from "@apollo/server";
import type { RequestContext } from "../schema/context.js";
import type { KnowledgeBase } from "../db/open.js";
import type { RowCache } from "../db/row-cache.js";
import type { JitStats } from "./jit-executor.js";
import type { Logger } from "./logger.js";
import type { ResponseCache } from "./response-cache.js";

/** Hooks for tests that need a slow or failing request; absent in production. */
export interface TestHooks {
  /** Awaited before a GraphQL operation runs (e.g. to make a request slow). */
  beforeExecute?(req: http.IncomingMessage): Promise<void> | void;
}

/** The API server: Apollo Server over node:http, on one open knowledge base. */
export interface ApiServer {
  readonly apollo: ApolloServer<RequestContext>;
  readonly http: http.Server;
  readonly kb: KnowledgeBase;
  readonly log: Logger;
  readonly responseCache: ResponseCache;
  /** The cross-request row cache, when on. */
  readonly rowCache: RowCache | undefined;
  /** What graphql-jit has compiled and run (`executor: "jit"`); undefined with graphql-js. */
  readonly jit: Readonly<JitStats> | undefined;
  /** Runs one operation in-process with a fresh request context (what tests and the web pages use). */
  execute(request: Omit<GraphQLRequest, "query"> & { query: string }): Promise<GraphQLResponse>;
  /** Starts listening; port 0 picks a free port. Resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number; host: string }>;
  /**
   * Stops accepting requests, lets in-flight ones finish (up to `shutdownTimeoutMs`), and stops
   * Apollo (the database stays open; the caller closes it). Resolves true when every in-flight
   * request finished in time.
   */
  stop(): Promise<boolean>;
}
