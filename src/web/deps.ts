import type { ApiServer } from "../http/api-server.js";

/**
 * What the web pages need from the server: the public GraphQL API. In a file of its own so
 * that the pages' loaders can name it without importing routes.ts, which imports them.
 */
export interface WebDeps {
  /** Runs a GraphQL operation through the same Apollo pipeline (and limits) as /graphql. */
  readonly execute: ApiServer["execute"];
}
