import type { ApolloServer, GraphQLRequest, GraphQLResponse, HTTPGraphQLResponse } from "@apollo/server";
import type { Settings } from "../config.js";
import { type RequestContext, createContext } from "../schema/context.js";
import type { KnowledgeBase } from "../db/open.js";
import { RowCache } from "../db/row-cache.js";
import { Deadline } from "../db/deadline.js";
import type { Logger } from "../logger.js";
import { buildApiSchema, schemaSdl } from "../schema/index.js";
import { createApollo } from "./apollo.js";
import { type JitStats, jitExecutor } from "./jit-executor.js";
import { type PreparedStats, PreparedOperations } from "./prepared-operations.js";
import { type HttpOperation, type OperationRunner, runOperation } from "./run-operation.js";

/** An operation run in-process: a GraphQL request whose query is given as text. */
export type InProcessRequest = Omit<GraphQLRequest, "query"> & { query: string };

/**
 * The GraphQL API over one knowledge base, apart from HTTP: the schema, Apollo Server with our
 * limits, masking and executor, and the request contexts its resolvers run in.
 */
export interface GraphQLApi {
  readonly apollo: ApolloServer<RequestContext>;
  /** The schema as SDL (what /schema.graphql serves). */
  readonly sdl: string;
  /** What graphql-jit has compiled and run (`executor: "jit"`); undefined with graphql-js. */
  readonly jit: Readonly<JitStats> | undefined;
  /** What the lean path of prepared operations has done (undefined when it is off). */
  readonly prepared: Readonly<PreparedStats> | undefined;
  /** The cross-request row cache, when on. */
  readonly rowCache: RowCache | undefined;
  /** A fresh context for one request, with its id and deadline. */
  context(requestId: string, deadline: Deadline): RequestContext;
  /** Runs one operation in-process with a fresh context and the request timeout (tests, web pages). */
  execute(request: InProcessRequest): Promise<GraphQLResponse>;
  /** Runs one operation sent over HTTP that the response cache could not answer (run-operation.ts). */
  run(operation: HttpOperation, context: RequestContext): Promise<HTTPGraphQLResponse>;
  /** Stops Apollo (the database stays open). */
  stop(): Promise<void>;
}

/** Builds the schema and starts Apollo Server over an open knowledge base. */
export async function createGraphQLApi(kb: KnowledgeBase, settings: Settings, log: Logger): Promise<GraphQLApi> {
  const rowCache = settings.rowCacheEntries > 0 ? new RowCache(settings.rowCacheEntries) : undefined;
  const schema = buildApiSchema();
  const sdl = schemaSdl(schema);
  const jit = settings.executor === "jit" ? jitExecutor(schema) : undefined;
  // The lean path of repeated queries runs their compiled form, so it needs graphql-jit.
  const prepared = jit && settings.preparedOperations > 0 ? new PreparedOperations(schema, { maxCost: settings.maxCost, maxOperations: settings.preparedOperations }) : undefined;
  const apollo = createApollo({ schema, sdl, settings, log, jit, plugins: prepared ? [prepared.plugin()] : [] });
  await apollo.start();
  const context = (requestId: string | undefined, deadline: Deadline) => createContext(kb, { requestId, deadline, rowCache });
  const runner: OperationRunner = { apollo, prepared, newContext: (like) => context(like.requestId, like.deadline) };
  return {
    apollo,
    sdl,
    jit: jit?.stats,
    rowCache,
    prepared: prepared?.stats,
    context,
    execute: (request) => apollo.executeOperation(request, { contextValue: context(undefined, new Deadline(settings.requestTimeoutMs)) }),
    run: (operation, ctx) => runOperation(runner, operation, ctx),
    stop: () => apollo.stop(),
  };
}
