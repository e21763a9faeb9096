/**
 * A map that keeps at most `capacity` entries, dropping the least recently used: `get` of a
 * present key makes it the most recent, and `set` past capacity drops the oldest. The one
 * bookkeeping behind the server's memories (archived texts, document frequencies, repository
 * rows, compiled operations).
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  /** Entries kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, made the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Removes `key`; true when it was there. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Stores `value` as the most recently used, dropping the oldest entry when over capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
