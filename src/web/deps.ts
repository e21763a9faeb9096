import type { GraphQLRequest, GraphQLResponse } from "@apollo/server";

/**
 * What the web pages need from the server: the public GraphQL API, and nothing else of it. The
 * pages are a client of the API through this interface; the server hands them its in-process
 * `execute`. In a file of its own so that the pages' loaders can name it without importing
 * routes.ts, which imports them.
 */
export interface WebDeps {
  /** Runs a GraphQL operation through the same Apollo pipeline (and limits) as /graphql. */
  execute(request: Omit<GraphQLRequest, "query"> & { query: string }): Promise<GraphQLResponse>;
}
