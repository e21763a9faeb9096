import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, execute } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { createCache } from "../cache/caches.js";

/** What the executor has done so far (for tests and the benchmark's notes). */
export interface JitStats {
  /** Operations compiled (each once per parsed document and operation name). */
  compiledOperations: number;
  /** Executions by a compiled operation. */
  compiledExecutions: number;
  /** Executions interpreted by graphql-js: first uses, and what graphql-jit cannot take. */
  interpretedExecutions: number;
}

/** One operation of one parsed document: how often it ran, and its compiled form once made. */
interface Operation {
  uses: number;
  /** undefined: not compiled yet; null: graphql-jit could not compile it. */
  compiled: CompiledQuery | null | undefined;
}

/**
 * An operation is compiled on its COMPILE_ON_USE-th execution. Compiling costs 3–8 ms (the fact
 * card, the introspection query) against 0.06–0.2 ms for a compiled execution and 0.2–0.5 ms
 * for an interpreted one, so a document seen once is cheaper interpreted; compiling on first
 * sight would let a client sending ever-new documents make each request 20× dearer.
 */
export const COMPILE_ON_USE = 2;

/**
 * Parsed documents whose operations (use counts, compiled code) are kept, least recently used
 * out. Each keeps its document, and so its query text, alive beyond Apollo's document store:
 * 250 of up to 48 KiB is at most 12 MiB of text, where 1,000 kept a stream of distinct large
 * documents growing 48 MiB further; real clients send a few dozen operations.
 */
export const MAX_DOCUMENTS = 250;

/** A GatewayExecutor together with its counters. */
export interface JitExecutor {
  readonly execute: GatewayExecutor;
  readonly stats: Readonly<JitStats>;
}

/**
 * Executes operations with graphql-jit: an operation used again is compiled into a JavaScript
 * function that walks its selection directly, instead of graphql-js interpreting the document
 * for every request. On the fact card, execution falls from about 220 to 60 µs (row cache on).
 *
 * The answers are graphql-js's, byte for byte (test/api/executors.test.ts compares them): the
 * same data, errors with the same messages, codes, paths and locations. What graphql-jit
 * cannot compile (an unknown operation name) and variables it refuses (it does not fill in an
 * input object's default field values from variables) are left to graphql-js, so those
 * answers are graphql-js's own.
 */
export function jitExecutor(schema: GraphQLSchema, options: { maxDocuments?: number } = {}): JitExecutor {
  const maxDocuments = options.maxDocuments ?? MAX_DOCUMENTS;
  const stats: JitStats = { compiledOperations: 0, compiledExecutions: 0, interpretedExecutions: 0 };
  // Apollo hands every request of a document the same parsed DocumentNode (its document store).
  // The documents most recently used are remembered, at most maxDocuments of them, so the
  // compiled code kept is bounded whatever clients send (the cache `jitOperations`).
  const operations = createCache<DocumentNode, Map<string, Operation>>("jitOperations", { maxEntries: maxDocuments });
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = operations.get(document);
    if (!byName) operations.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let op = byName.get(key);
    if (!op) byName.set(key, (op = { uses: 0, compiled: undefined }));
    op.uses++;
    if (op.compiled === undefined && op.uses >= COMPILE_ON_USE) {
      const result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      op.compiled = isCompiledQuery(result) ? result : null;
      if (op.compiled) stats.compiledOperations++;
    }
    return op.compiled ?? null;
  };
  const executeOperation: GatewayExecutor = async ({ document, request, context }) => {
    const query = compiledFor(document, request.operationName);
    const result = query ? await query.query(undefined, context, request.variables ?? {}) : undefined;
    // Not compiled, or no data at all (graphql-jit refused the variables before executing):
    // graphql-js answers. Its variable errors name the variable definition, which is how
    // Apollo tells them apart as BAD_USER_INPUT.
    if (result === undefined || result.data === undefined) {
      stats.interpretedExecutions++;
      return (await execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName })) as ExecutionResult<Record<string, unknown>>;
    }
    stats.compiledExecutions++;
    if (!result.errors) return result as ExecutionResult<Record<string, unknown>>;
    // graphql-js's key order (errors first), so both executors serialize to the same bytes.
    const { errors, ...rest } = result;
    return { errors: errors.map(asGraphQLJsError), ...rest } as ExecutionResult<Record<string, unknown>>;
  };
  return { execute: executeOperation, stats };
}

/**
 * graphql-jit's errors are GraphQLErrors in name, built without `extensions` when the error
 * thrown had none; Apollo's error formatting (and ours) expects graphql-js's, whose extensions
 * are always an object. Rebuilt as graphql-js errors with the same message, locations, path,
 * original error (kept for the log and for masking) and extensions.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) (rebuilt as { locations: typeof error.locations }).locations = error.locations;
  if (error.originalError?.stack) rebuilt.stack = error.originalError.stack;
  return rebuilt;
}

/**
 * Apollo Server's way to take over execution: a "gateway" that serves one fixed schema and
 * hands back the executor. Apollo still parses, validates (with our limits), caches documents,
 * runs the plugins and formats errors; only the execution step is replaced.
 */
export function jitGateway(schema: GraphQLSchema, sdl: string, executor: JitExecutor): GatewayInterface {
  return {
    async load() {
      return { executor: executor.execute };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => {};
    },
    async stop() {},
  };
}
