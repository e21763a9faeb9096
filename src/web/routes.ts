import type http from "node:http";
import type { GraphQLRequest, GraphQLResponse } from "@apollo/server";
import type { KnowledgeBase } from "../db/open.js";

/** What the web pages need from the server: the knowledge base and the public GraphQL API. */
export interface WebDeps {
  readonly kb: KnowledgeBase;
  /** Runs a GraphQL operation through the same Apollo pipeline (and limits) as /graphql. */
  readonly execute: (request: Omit<GraphQLRequest, "query"> & { query: string }) => Promise<GraphQLResponse>;
  /** The schema in SDL. */
  readonly sdl: string;
}

/** The browser-facing pages served beside the API (explorer, fact cards, static assets). */
export interface WebRoutes {
  /**
   * Serves the request when it is for a web page or asset and returns true; returns false
   * (without touching the response) for anything else, which the API then handles.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

/**
 * Creates the web routes. Until the offline explorer and fact cards exist, nothing is
 * handled here and the server answers browsers with its own minimal page.
 */
export function createWebRoutes(_deps: WebDeps): WebRoutes {
  return { handle: async () => false };
}
