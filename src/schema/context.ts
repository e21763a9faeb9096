import { type Loaders, createLoaders } from "./db/loaders.js";
import type { KnowledgeBase } from "./db/open.js";
import type { Repositories } from "./db/repositories.js";
import { Deadline } from "./deadline.js";
import type { RowCache } from "./db/row-cache.js";

/**
 * What every resolver receives: the repositories of the open knowledge base (shared, with
 * their prepared statements) and a fresh set of DataLoaders (per request, so batching and
 * caching never leak between requests), plus the request's id and deadline.
 */
export interface RequestContext {
  readonly kb: KnowledgeBase;
  /** The repositories; every call first checks the request's deadline. */
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
  readonly rowCache?: RowCache;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** Creates the context of one request. */
export function createContext(kb: KnowledgeBase, options: ContextOptions = {}): RequestContext {
  const deadline = options.deadline ?? new Deadline(ONE_DAY_MS);
  const repos = withDeadline(kb.repos, deadline, options.rowCache);
  return { kb, repos, loaders: createLoaders(repos), requestId: options.requestId ?? "-", deadline, outcome: { cacheable: false } };
}

/**
 * The repositories as seen by one request: every method call checks the deadline first, so a
 * request past its deadline stops issuing statements (the schema's resolvers need no change),
 * and goes through the row cache when there is one. The wrapped methods are built once per set
 * of repositories and row cache (a prototype per repository that inherits everything else from
 * it); a request only allocates one small object per repository.
 */
function withDeadline(repos: Repositories, deadline: Deadline, rowCache: RowCache | undefined): Repositories {
  let byCache = GUARDED.get(repos);
  if (!byCache) {
    byCache = new Map();
    GUARDED.set(repos, byCache);
  }
  let protos = byCache.get(rowCache ?? null);
  if (!protos) {
    protos = guardedPrototypes(repos, rowCache);
    byCache.set(rowCache ?? null, protos);
  }
  const out: Record<string, unknown> = {};
  for (const [key, proto] of protos) {
    const guarded = Object.create(proto) as { [DEADLINE]: Deadline };
    guarded[DEADLINE] = deadline;
    out[key] = guarded;
  }
  return out as unknown as Repositories;
}

const DEADLINE = Symbol("deadline");
const GUARDED = new WeakMap<Repositories, Map<RowCache | null, [string, object][]>>();

function guardedPrototypes(repos: Repositories, rowCache: RowCache | undefined): [string, object][] {
  return Object.entries(repos).map(([key, repo]: [string, object]) => {
    const proto = Object.create(repo) as Record<PropertyKey, unknown>;
    for (const name of methodNames(repo)) {
      const method = (repo as Record<string, (...args: unknown[]) => unknown>)[name]!;
      const prefix = `${key}.${name}`;
      proto[name] = rowCache
        ? function (this: { [DEADLINE]: Deadline }, ...args: unknown[]) {
            this[DEADLINE].check();
            return rowCache.call(prefix, args, () => method.apply(repo, args));
          }
        : function (this: { [DEADLINE]: Deadline }, ...args: unknown[]) {
            this[DEADLINE].check();
            return method.apply(repo, args);
          };
    }
    return [key, proto];
  });
}

/** The names of an object's methods, its class's and its ancestors' (not Object's). */
function methodNames(obj: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d && typeof d.value === "function") names.add(name);
    }
  }
  return [...names];
}
