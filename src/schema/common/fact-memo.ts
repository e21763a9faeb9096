import type { KnowledgeBaseCacheName } from "../../cache/caches.js";
import type { KnowledgeBase } from "../../db/open.js";

/**
 * An answer that is a pure function of an immutable knowledge base and a key (a statistic's
 * citation in a style, its agreement), kept in the knowledge base's cache `name` (listed in
 * src/cache/caches.ts, bounded in entries, least recently used out, dropped with the
 * database): computing one costs milliseconds of CPU (citeproc, the agreement rules), and a
 * client asking for many at once froze the process. Requests asking for the same answer at
 * once share one computation; a failed or abandoned one is forgotten.
 */
export async function rememberFact<V>(kb: KnowledgeBase, name: KnowledgeBaseCacheName, key: string, compute: () => Promise<V> | V): Promise<V> {
  const memo = kb.analyses.cache<string, Promise<V>>(name);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const computing = (async () => compute())();
  memo.set(key, computing);
  computing.catch(() => {
    if (memo.peek(key) === computing) memo.delete(key);
  });
  return computing;
}
