import type { KnowledgeBase } from "../../db/open.js";
import { LruMap } from "../../lru-map.js";

/**
 * Answers that are pure functions of an immutable knowledge base and a key (a statistic's
 * citation in a style, its agreement), kept for the life of the open database like the
 * conflict index: computing them costs milliseconds of CPU each (citeproc, the agreement
 * rules), and a client asking for many at once froze the process. Each knowledge base has its
 * own memory, bounded in entries (least recently used out), and dropped with the database.
 * Requests asking for the same answer at once share one computation; a failed or abandoned
 * one is forgotten.
 */
export class FactMemo<V> {
  private readonly byKb = new WeakMap<KnowledgeBase, LruMap<string, Promise<V>>>();

  constructor(readonly capacity: number) {}

  /** The value for `key` in `kb`, computed by `compute` the first time. */
  async get(kb: KnowledgeBase, key: string, compute: () => Promise<V> | V): Promise<V> {
    let memo = this.byKb.get(kb);
    if (!memo) this.byKb.set(kb, (memo = new LruMap(this.capacity)));
    const known = memo.get(key);
    if (known !== undefined) return known;
    const computing = (async () => compute())();
    memo.set(key, computing);
    computing.catch(() => {
      if (memo.get(key) === computing) memo.delete(key);
    });
    return computing;
  }
}
