import type { ApolloServer, HTTPGraphQLRequest, HTTPGraphQLResponse } from "@apollo/server";
import type { RequestContext } from "../schema/context.js";
import type { GraphQLParams } from "./operation-params.js";

/**
 * An operation sent over HTTP, as the HTTP layer hands it to the API once the request has been
 * read and checked and the response cache had no answer for it.
 */
export interface HttpOperation {
  /** The request as Apollo takes it: method (HEAD as GET), headers, search string, parsed body. */
  readonly http: HTTPGraphQLRequest;
  /**
   * The operation's parameters (query text or persisted-query hash, operation name, variables)
   * when the request is well formed and CSRF-safe; undefined otherwise, for Apollo to refuse.
   */
  readonly params: GraphQLParams | undefined;
}

/**
 * Runs an operation sent over HTTP: the one step between the HTTP layer (request read and
 * checked, response cache missed, deadline running) and Apollo (parse, validate, limits,
 * execute, format errors). A faster path for operations already validated belongs here, before
 * Apollo: it answers the operations it knows and leaves the others to Apollo. Whatever answers
 * records the request's outcome in `context.outcome` (operation name, cost, whether the answer
 * may be cached), which the HTTP layer logs and caches by.
 */
export function runOperation(apollo: ApolloServer<RequestContext>, operation: HttpOperation, context: RequestContext): Promise<HTTPGraphQLResponse> {
  return apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: operation.http, context: async () => context });
}
