import type { BoundedCache } from "../cache/bounded-cache.js";
import { createCache } from "../cache/caches.js";

/** One cached response: the bytes and the headers that go with them. */
export interface CachedResponse {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/**
 * A bounded LRU of successful query responses, keyed by caching.ts's request key (data version,
 * operation text or APQ hash, operation name, variables, response media type) and also by the
 * request exactly as sent (URL or body), so a byte-identical repeat needs no parsing at all;
 * both keys count toward the bounds. Safe because
 * the database cannot change while it is served; the data version in the key would retire every
 * entry if it did. Bounded both in entries and in bytes; the least recently used go first
 * (the cache `responses` of src/cache/caches.ts). One answer may take at most a quarter of the
 * bytes, so that it cannot crowd out the rest.
 */
export class ResponseCache {
  private readonly entries: BoundedCache<string, CachedResponse>;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {
    const enabled = maxEntries > 0 && maxBytes > 0;
    this.entries = createCache("responses", { maxEntries: enabled ? maxEntries : 0, maxBytes, sizeOf: cost, maxEntryBytes: maxBytes / 4 });
  }

  get enabled(): boolean {
    return this.maxEntries > 0 && this.maxBytes > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get sizeBytes(): number {
    return this.entries.bytes;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.lookup(key);
    if (hit === undefined) this.misses++;
    return hit;
  }

  /** Like get, but a miss is not counted (a first, cheaper lookup that may be followed by get). */
  lookup(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) this.hits++;
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    if (this.enabled) this.entries.set(key, value);
  }
}

function cost(key: string, value: CachedResponse): number {
  return value.body.length + key.length + value.etag.length + value.contentType.length + 64;
}
