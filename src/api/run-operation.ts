import type { ApolloServer, HTTPGraphQLRequest, HTTPGraphQLResponse } from "@apollo/server";
import type { RequestContext } from "../schema/context.js";
import type { GraphQLParams } from "./operation-params.js";
import type { PreparedOperations } from "./prepared-operations.js";
import type { PreparedInput } from "./prepared-request.js";

/**
 * An operation sent over HTTP, as the HTTP layer hands it to the API once the request has been
 * read and checked and the response cache had no answer for it.
 */
export interface HttpOperation extends PreparedInput {
  /**
   * The operation's parameters (query text or persisted-query hash, operation name, variables)
   * when the request is well formed and CSRF-safe; undefined otherwise, for Apollo to refuse.
   */
  readonly params: GraphQLParams | undefined;
  /** The request as Apollo takes it (method, HEAD as GET; headers; search string; parsed body), made when Apollo needs it. */
  http(): HTTPGraphQLRequest;
}

/** What runs operations: Apollo, and the prepared operations in front of it (none with graphql-js or `--prepared-operations 0`). */
export interface OperationRunner {
  readonly apollo: ApolloServer<RequestContext>;
  readonly prepared: PreparedOperations | undefined;
  /** A fresh context for the same request (same id and deadline), for a hand-over to Apollo. */
  newContext(like: RequestContext): RequestContext;
}

/**
 * Runs an operation sent over HTTP: the one step between the HTTP layer (request read and
 * checked, response cache missed, deadline running) and execution. A query Apollo has already
 * answered cleanly runs from its prepared, compiled form (prepared-operations.ts) and answers
 * the same bytes Apollo would; everything else goes through Apollo (parse, validate, limits,
 * execute, format errors). Whatever answers records the request's outcome in `context.outcome`
 * (operation name, cost, whether the answer may be cached), which the HTTP layer logs and
 * caches by.
 */
export function runOperation(runner: OperationRunner, operation: HttpOperation, context: RequestContext): Promise<HTTPGraphQLResponse> {
  const viaApollo = (contextValue: RequestContext) => runner.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: operation.http(), context: async () => contextValue });
  if (runner.prepared === undefined) return viaApollo(context);
  return runner.prepared.respond(operation, context, () => runner.newContext(context), viaApollo);
}
