/** How a cache is bounded: always by its number of entries, optionally by the bytes they hold. */
export interface CacheBounds<K, V> {
  /** Entries kept at most; 0 keeps nothing. */
  readonly maxEntries: number;
  /** Bytes kept at most, as `sizeOf` counts them (no byte bound when absent). */
  readonly maxBytes?: number | undefined;
  /** The bytes an entry holds; needed with `maxBytes`. */
  readonly sizeOf?: ((key: K, value: V) => number) | undefined;
  /** An entry larger than this is not kept at all, so that one value cannot push out most of the others. */
  readonly maxEntryBytes?: number | undefined;
}

/**
 * The server's one cache: a map that keeps the most recently used entries and drops the least
 * recently used (LRU) once it holds more than `maxEntries`, or, when sized, more than
 * `maxBytes`. `get` of a present key makes it the most recent; `set` makes the entry the most
 * recent and then evicts from the oldest end until both bounds hold. Counts hits, misses and
 * evictions. Every instance is made by the catalog, src/cache/caches.ts, which says what each
 * one holds and which setting bounds it.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private bytesHeld = 0;
  /** Lookups that found their key. */
  hits = 0;
  /** Lookups that did not. */
  misses = 0;
  /** Entries dropped to keep within the bounds. */
  evictions = 0;

  constructor(
    /** The catalog name of this cache (logs, diagnostics). */
    readonly name: string,
    readonly bounds: CacheBounds<K, V>,
  ) {
    if (bounds.maxBytes !== undefined && !bounds.sizeOf) throw new Error(`cache ${name}: a byte bound needs a sizeOf function`);
  }

  /** Entries kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes kept now (0 for a cache without sizeOf). */
  get bytes(): number {
    return this.bytesHeld;
  }

  /** The value of `key`, made the most recently used; undefined (a miss) when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The value of `key` without counting the lookup or making it recent. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** The value of `key`, or else `compute()`, kept under `key` (a value computed once per key while it stays). */
  remember(key: K, compute: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute();
      this.set(key, value);
    }
    return value;
  }

  /** Whether `key` is kept; neither counted nor made recent. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The keys kept, least recently used first. */
  keys(): K[] {
    return [...this.entries.keys()];
  }

  /**
   * Keeps `value` under `key` as the most recently used entry, then drops the least recently
   * used until the bounds hold. A value larger than maxEntryBytes (or maxBytes) is not kept,
   * and an older value under the same key is dropped.
   */
  set(key: K, value: V): void {
    const { maxEntries, maxBytes, sizeOf, maxEntryBytes } = this.bounds;
    const size = sizeOf ? sizeOf(key, value) : 0;
    this.delete(key);
    if (maxEntries <= 0 || (maxEntryBytes !== undefined && size > maxEntryBytes) || (maxBytes !== undefined && size > maxBytes)) return;
    this.entries.set(key, value);
    this.bytesHeld += size;
    if (this.entries.size <= maxEntries && (maxBytes === undefined || this.bytesHeld <= maxBytes)) return;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= maxEntries && (maxBytes === undefined || this.bytesHeld <= maxBytes)) break;
      this.entries.delete(k);
      if (sizeOf) this.bytesHeld -= sizeOf(k, v);
      this.evictions++;
    }
  }

  /** Removes `key`; true when it was kept. Not counted as an eviction. */
  delete(key: K): boolean {
    const old = this.entries.get(key);
    if (old === undefined) return false;
    this.entries.delete(key);
    if (this.bounds.sizeOf) this.bytesHeld -= this.bounds.sizeOf(key, old);
    return true;
  }

  /** Drops every entry (not counted as evictions). */
  clear(): void {
    this.entries.clear();
    this.bytesHeld = 0;
  }
}
