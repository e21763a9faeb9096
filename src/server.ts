import type http from "node:http";
import type { ApolloServer, GraphQLResponse } from "@apollo/server";
import { type GraphQLApi, type InProcessRequest, createGraphQLApi } from "./api/graphql-api.js";
import type { JitStats } from "./api/jit-executor.js";
import { type Settings, settingsWithDefaults } from "./config.js";
import type { RequestContext } from "./schema/context.js";
import type { KnowledgeBase } from "./db/open.js";
import type { RowCache } from "./db/row-cache.js";
import type { ResponseCache } from "./http/response-cache.js";
import { createHttpServer } from "./http/server.js";
import type { TestHooks } from "./http/test-hooks.js";
import { type Logger, createLogger } from "./logger.js";
import { createWebRoutes } from "./web/routes.js";

export type { TestHooks } from "./http/test-hooks.js";

/** What a server is given besides its settings: where it logs, and hooks for tests. */
export interface ServerWiring {
  /** Where the JSON log goes (default: pino on stdout at the `logLevel` setting). */
  readonly logger?: Logger;
  /** Test-only hooks. Production code never sets them (`serve` does only under LSF_TEST_HOOKS=1). */
  readonly testHooks?: TestHooks;
}

/** The API server: Apollo Server behind our node:http handler, on one open knowledge base. */
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
  execute(request: InProcessRequest): Promise<GraphQLResponse>;
  /** Starts listening; port 0 picks a free port. Resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number; host: string }>;
  /**
   * Stops accepting requests, lets in-flight ones finish (up to `shutdownTimeoutMs`), and stops
   * Apollo (the database stays open; the caller closes it). Resolves true when every in-flight
   * request finished in time.
   */
  stop(): Promise<boolean>;
}

/**
 * Creates the API server over an open knowledge base, ready to listen: the GraphQL API
 * (src/api/), the web pages as its client (src/web/), and the HTTP server that routes to both
 * (src/http/). Settings left out take their defaults (config.ts's settingsWithDefaults).
 */
export async function createServer(kb: KnowledgeBase, given: Partial<Settings> = {}, wiring: ServerWiring = {}): Promise<ApiServer> {
  const settings = settingsWithDefaults(given);
  const log = wiring.logger ?? createLogger({ level: settings.logLevel });
  const api: GraphQLApi = await createGraphQLApi(kb, settings, log);
  const pages = createWebRoutes({ execute: api.execute });
  const server = createHttpServer({ kb, settings, log, api, pages, testHooks: wiring.testHooks });
  return {
    apollo: api.apollo,
    http: server.http,
    kb,
    log,
    responseCache: server.responseCache,
    rowCache: api.rowCache,
    jit: api.jit,
    execute: api.execute,
    listen: server.listen,
    stop: async () => {
      const finished = await server.stop();
      await api.stop();
      return finished;
    },
  };
}
