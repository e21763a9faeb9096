import { type Loaders, createLoaders } from "../db/loaders.js";
import { Deadline } from "../db/deadline.js";
import type { KnowledgeBase } from "../db/open.js";
import type { Repositories } from "../db/repositories.js";
import type { RowCache } from "../db/row-cache.js";
import { Statements } from "../db/statements.js";

/**
 * What every resolver receives: the repositories of the open knowledge base, made for this
 * request so that every statement they run checks its deadline and goes through the row
 * cache when there is one (src/db/statements.ts), and a fresh set of DataLoaders (per request,
 * so batching and caching never leak between requests), plus the request's id and deadline.
 */
export interface RequestContext {
  readonly kb: KnowledgeBase;
  /** The request's repositories; every statement first checks the request's deadline. */
  readonly repos: Repositories;
  readonly loaders: Loaders;
  /** The request's id (logs, `x-request-id`, masked errors). */
  readonly requestId: string;
  readonly deadline: Deadline;
  /** What the Apollo plugins learned about the request, for the HTTP layer. */
  readonly outcome: RequestOutcome;
}

/** Filled in by the server's Apollo plugins while a request runs. */
export interface RequestOutcome {
  /** A query that ran to completion without errors: its response may be cached. */
  cacheable: boolean;
  operationName?: string | null;
  /** The operation's estimated cost, once computed. */
  cost?: number;
}

/** Options of a request context; each has a default for in-process use. */
export interface ContextOptions {
  readonly requestId?: string;
  /** Defaults to a deadline that does not pass in practice (a day). */
  readonly deadline?: Deadline;
  /** A cross-request cache of repository results (none by default). */
  readonly rowCache?: RowCache | undefined;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the context of one request: its Statements (the request's deadline and the row
 * cache), the repositories that run through them, and the DataLoaders over those.
 */
export function createContext(kb: KnowledgeBase, options: ContextOptions = {}): RequestContext {
  const deadline = options.deadline ?? new Deadline(ONE_DAY_MS);
  const repos = kb.repositories(new Statements(kb.db, deadline, options.rowCache));
  return { kb, repos, loaders: createLoaders(repos), requestId: options.requestId ?? "-", deadline, outcome: { cacheable: false } };
}
