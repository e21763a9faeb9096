import { type ApolloServerPlugin, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { RequestContext } from "../schema/context.js";
import { OperationCost } from "./prepared-cost.js";
import { type LeanRequest, type PreparedInput, ResponseHeads, leanRequestOf } from "./prepared-request.js";
import { PreparedStore } from "./prepared-store.js";

/**
 * Query texts whose prepared operations are kept, least recently used out: as many as the jit
 * executor keeps documents (jit-executor.ts MAX_DOCUMENTS); clients send a few dozen.
 */
export const MAX_PREPARED_OPERATIONS = 250;

/**
 * The memory the kept documents may hold (document-store.ts's estimate: text and tokens), so
 * that a stream of distinct large documents cannot keep 250 of the largest alive here: 16 MiB.
 */
export const MAX_PREPARED_BYTES = 16 * 1024 * 1024;

/** One operation of one query text that Apollo has parsed, validated and run without errors. */
interface Prepared {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** As Apollo reports it to the plugins (and so to the request log): the operation's name, or null. */
  readonly operationName: string | null;
  readonly cost: OperationCost;
  /** undefined: not compiled yet; null: graphql-jit could not compile it. */
  compiled: CompiledQuery | null | undefined;
}

/** What the lean path has done so far (for tests and the benchmark). */
export interface PreparedStats {
  /** Operations prepared (registered after a clean run through Apollo). */
  prepared: number;
  /** Prepared operations compiled by graphql-jit for the lean path. */
  compiled: number;
  /** Requests answered by the lean path. */
  lean: number;
  /** Requests the lean path tried and handed back to Apollo (errors, cost over the limit, a deadline). */
  fallbacks: number;
}

/** Apollo's answer to the request with a given request context (server.ts builds it). */
export type ApolloAnswer = (context: RequestContext) => Promise<HTTPGraphQLResponse>;

/**
 * Prepared operations: the lean path of repeated queries. An operation that Apollo has parsed,
 * validated and executed once without errors is kept, by its query text (its SHA-256, as
 * Apollo's document store keys it) and operation name,
 * with its parsed document and the cost function of the cost limit. A later request with the
 * same text (POST JSON or GET) is run directly by the operation's graphql-jit compiled query
 * with the request's own context, its variables priced against the cost limit, and its result
 * serialized as Apollo serializes it — with none of Apollo's pipeline (request parsing, content
 * negotiation, hashing, the document store, plugins, error formatting).
 *
 * The answer is Apollo's, byte for byte: the same status, headers (learned from Apollo's answers
 * by Accept header: ResponseHeads) and body; the request log gets the same operation name and
 * cost. Whatever the lean path cannot answer exactly as Apollo would goes to Apollo unchanged:
 * a result with errors (run again through Apollo with a fresh context, so that errors are
 * formatted, masked and logged by the one code that does it; reads have no side effects), a cost
 * over the limit, variables graphql-jit refuses, a deadline that passed, automatic persisted
 * queries, malformed or CSRF-unsafe requests, an Accept header not seen yet, and any operation
 * Apollo has not answered cleanly (mutations and subscriptions never are: this API has none).
 */
export class PreparedOperations {
  private readonly byQuery: PreparedStore<Prepared>;
  private readonly heads = new ResponseHeads();
  readonly stats: PreparedStats = { prepared: 0, compiled: 0, lean: 0, fallbacks: 0 };

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: { readonly maxCost: number; readonly maxOperations?: number; readonly maxBytes?: number },
  ) {
    this.byQuery = new PreparedStore(options.maxOperations ?? MAX_PREPARED_OPERATIONS, options.maxBytes ?? MAX_PREPARED_BYTES);
  }

  /** Query texts kept now. */
  get size(): number {
    return this.byQuery.size;
  }

  /** Estimated bytes of the documents kept now. */
  get sizeBytes(): number {
    return this.byQuery.sizeBytes;
  }

  /**
   * The Apollo plugin that prepares operations: a query that Apollo answered with status 200,
   * one result and no errors, within its deadline.
   */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ operation, document, queryHash, request, response, contextValue, operationName }) => {
          if (operation?.operation !== "query" || document === undefined || response.body.kind !== "single") return;
          if (response.body.singleResult.errors !== undefined || (response.http.status ?? 200) !== 200 || contextValue.deadline.expired) return;
          this.prepare(queryHash, request.operationName, document, operation, operationName ?? null);
        },
      }),
    };
  }

  /**
   * Keeps an operation Apollo has answered cleanly: `queryHash` the SHA-256 (hex) of its text,
   * `requestedName` the operation name sent with it (undefined when none), `operationName` the
   * name Apollo reports.
   */
  prepare(queryHash: string, requestedName: string | undefined, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): void {
    const byName = this.byQuery.getOrAdd(queryHash, document)?.operations;
    if (byName === undefined || byName.has(requestedName)) return;
    byName.set(requestedName, { document, operation, operationName, cost: new OperationCost(this.schema, document, operation), compiled: undefined });
    this.stats.prepared++;
  }

  /**
   * Answers a GraphQL request: by the lean path when its operation is prepared and it runs
   * cleanly, otherwise by `viaApollo` — with `context` when the lean path did not start; when it
   * started and handed over, with a fresh context from `newContext` (new loaders, nothing
   * cached from the attempt) that shares `context`'s deadline and outcome, so that what Apollo
   * records of the request is in `context.outcome` either way.
   */
  async respond(input: PreparedInput, context: RequestContext, newContext: () => RequestContext, viaApollo: ApolloAnswer): Promise<HTTPGraphQLResponse> {
    const request = leanRequestOf(input);
    const prepared = request && this.byQuery.get(request.queryHash)?.operations.get(request.operationName);
    const head = prepared && this.heads.get(request.accept);
    if (!request || !prepared || !head) {
      const response = await viaApollo(context);
      if (context.outcome.cacheable) this.heads.learn(input.accept ?? "", response);
      return response;
    }
    const body = await this.runLean(prepared, request, context);
    if (body !== undefined) {
      this.stats.lean++;
      return { headers: new HeaderMap(head), body: { kind: "complete", string: body } };
    }
    this.stats.fallbacks++;
    // The outcome keeps the attempt's cost: Apollo prices the operation again before it runs
    // it, to the same cost, unless the deadline has passed by then.
    return viaApollo({ ...newContext(), outcome: context.outcome, deadline: context.deadline });
  }

  /**
   * Runs a prepared operation with the request's variables and context; its serialized result,
   * with the request's outcome recorded as Apollo's plugins record it, or undefined when the
   * answer must be Apollo's.
   */
  private async runLean(prepared: Prepared, request: LeanRequest, context: RequestContext): Promise<string | undefined> {
    if (context.deadline.expired) return undefined;
    const cost = prepared.cost.of(request.variables);
    context.outcome.cost = cost;
    if (cost > this.options.maxCost) return undefined;
    const compiled = this.compiledOf(prepared, request.operationName);
    if (!compiled) return undefined;
    let result: ExecutionResult;
    try {
      result = await compiled.query(undefined, context, request.variables);
    } catch {
      return undefined;
    }
    if (result.errors !== undefined || result.extensions !== undefined || result.data === undefined || result.data === null || context.deadline.expired) return undefined;
    let data: string;
    try {
      data = JSON.stringify(result.data);
    } catch {
      return undefined;
    }
    context.outcome.operationName = prepared.operationName;
    context.outcome.cacheable = true;
    // What Apollo's stringifyResult makes of { errors: undefined, data, extensions: undefined }.
    return `{"data":${data}}`;
  }

  /** The operation's compiled query, compiled on its first lean run; null when graphql-jit cannot. */
  private compiledOf(prepared: Prepared, operationName: string | undefined): CompiledQuery | null {
    if (prepared.compiled === undefined) {
      const compiled = compileQuery(this.schema, prepared.document, operationName, { disablingCapturingStackErrors: true });
      prepared.compiled = isCompiledQuery(compiled) ? compiled : null;
      if (prepared.compiled) this.stats.compiled++;
    }
    return prepared.compiled;
  }
}
