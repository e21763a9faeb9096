import { type Loaders, createLoaders } from "./db/loaders.js";
import type { KnowledgeBase } from "./db/open.js";
import type { Repositories } from "./db/repositories.js";

/**
 * What every resolver receives: the repositories of the open knowledge base (shared, with
 * their prepared statements) and a fresh set of DataLoaders (per request, so batching and
 * caching never leak between requests).
 */
export interface RequestContext {
  readonly kb: KnowledgeBase;
  readonly repos: Repositories;
  readonly loaders: Loaders;
}

/** Creates the context of one request. */
export function createContext(kb: KnowledgeBase): RequestContext {
  return { kb, repos: kb.repos, loaders: createLoaders(kb.repos) };
}
