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
 * entry if it did. Bounded both in entries and in bytes; the least recently used go first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0 && this.maxBytes > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.lookup(key);
    if (hit === undefined) this.misses++;
    return hit;
  }

  /** Like get, but a miss is not counted (a first, cheaper lookup that may be followed by get). */
  lookup(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.hits++;
    // Most recently used last: re-insert.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    const size = cost(key, value);
    if (!this.enabled || size > this.maxBytes / 4) return; // one answer may not crowd out the rest
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= cost(key, old);
    }
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= cost(k, v);
    }
  }
}

function cost(key: string, value: CachedResponse): number {
  return value.body.length + key.length + value.etag.length + value.contentType.length + 64;
}
