import type { BoundedCache } from "../cache/bounded-cache.js";
import { createCache } from "../cache/caches.js";

/**
 * A cross-request cache of repository results, consulted by Statements.cached (and so by every
 * read a repository declares cacheable). The database is immutable while it is served, so a
 * read with the same arguments returns the same rows for every request: the first read's
 * result is kept (frozen, so that no request can change what another sees) and later reads —
 * from any request — get it without running SQL. Only reads whose arguments are primitives or
 * arrays of primitives are cached (lookups by key, which is what DataLoaders batch, and whole
 * registries); results of more than MAX_ROWS rows are not kept. The cache `rows` of the
 * catalog (src/cache/caches.ts): bounded in entries, least recently used first out.
 */
export class RowCache {
  private readonly entries: BoundedCache<string, unknown>;

  constructor(readonly maxEntries: number) {
    this.entries = createCache("rows", { maxEntries });
  }

  /** Reads answered from the cache. */
  get hits(): number {
    return this.entries.hits;
  }

  /** Cacheable reads that were not (yet) in the cache. */
  get misses(): number {
    return this.entries.misses;
  }

  /** The largest result kept (pages of lists are left to SQL). */
  static readonly MAX_ROWS = 500;

  get size(): number {
    return this.entries.size;
  }

  /** `fn()`, from the cache when the same read (`prefix` and `args`) was made before. */
  call(prefix: string, args: readonly unknown[], fn: () => unknown): unknown {
    const key = keyOf(prefix, args);
    if (key === undefined) return fn();
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const result = fn();
    this.keep(key, result);
    return result;
  }

  /**
   * The key of a read of `keys` (and `leading` values) named `name`, as `call` makes it for
   * the arguments `[keys, ...leading]`; undefined when a key is not a primitive.
   */
  static keyOfKeys(name: string, keys: readonly unknown[], leading: readonly unknown[] | undefined): string | undefined {
    return keyOf(name, leading === undefined ? [keys] : [keys, ...leading]);
  }

  /** The result kept under `key`, made the most recently used; undefined when there is none. */
  get(key: string): unknown {
    return this.entries.get(key);
  }

  /** Keeps `result` (frozen) under `key`, unless it is too large or not plain data. */
  keep(key: string, result: unknown): void {
    if (result === undefined || (Array.isArray(result) && result.length > RowCache.MAX_ROWS) || !isPlainData(result, 0)) return;
    this.entries.set(key, deepFreeze(result));
  }
}

/** The cache key of a call, or undefined when an argument is not a primitive (or a list of them). */
function keyOf(prefix: string, args: readonly unknown[]): string | undefined {
  let key = prefix;
  for (const a of args) {
    if (Array.isArray(a)) {
      key += "\u0000[";
      for (const x of a) {
        if (!isPrimitive(x)) return undefined;
        key += `\u0001${typeof x === "string" ? "s" : "n"}${String(x)}`;
      }
    } else if (isPrimitive(a)) key += `\u0000${a === null ? "z" : a === undefined ? "u" : typeof a === "string" ? "s" : typeof a === "boolean" ? "b" : "n"}${String(a)}`;
    else return undefined;
  }
  return key;
}

function isPrimitive(x: unknown): boolean {
  return x === null || x === undefined || typeof x === "string" || typeof x === "number" || typeof x === "boolean" || typeof x === "bigint";
}

/**
 * True for what SQL rows are made of: primitives, arrays and plain objects, a few levels deep.
 * Anything else (Maps, class instances with lazy state, promises) is not cached: it could not be
 * frozen safely.
 */
function isPlainData(x: unknown, depth: number): boolean {
  if (typeof x !== "object" || x === null) return typeof x !== "function" && typeof x !== "symbol";
  if (depth > 4) return false;
  if (Array.isArray(x)) return x.every((v) => isPlainData(v, depth + 1));
  const proto = Object.getPrototypeOf(x) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const v of Object.values(x)) if (!isPlainData(v, depth + 1)) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
