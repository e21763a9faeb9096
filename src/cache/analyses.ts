import type { BoundedCache } from "./bounded-cache.js";
import { type AnalysisName, KNOWLEDGE_BASE_CACHE_ENTRIES, type KnowledgeBaseCacheName, createCache } from "./caches.js";

/**
 * What one open knowledge base keeps across requests, owned by it (`kb.analyses`) and dropped
 * with it: its analyses (values computed once from rows that never change while it is served,
 * such as the conflict index) and its caches of per-key answers (citations, agreements,
 * archived texts). Both are listed by name in the catalog, src/cache/caches.ts.
 */
export class KnowledgeBaseAnalyses {
  private readonly computed = new Map<AnalysisName, unknown>();
  private readonly caches = new Map<KnowledgeBaseCacheName, BoundedCache<unknown, unknown>>();

  /**
   * The analysis `name`, computed by `compute` on first use and kept. A computation that
   * throws (a request past its deadline) keeps nothing, so the next use computes it again.
   */
  get<T>(name: AnalysisName, compute: () => T): T {
    if (this.computed.has(name)) return this.computed.get(name) as T;
    const value = compute();
    this.computed.set(name, value);
    return value;
  }

  /** The knowledge base's cache `name`, made on first use with the catalog's bound. */
  cache<K, V>(name: KnowledgeBaseCacheName): BoundedCache<K, V> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = createCache<unknown, unknown>(name, { maxEntries: KNOWLEDGE_BASE_CACHE_ENTRIES[name] })));
    return cache as BoundedCache<K, V>;
  }
}
