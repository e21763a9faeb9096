import type DataLoader from "dataloader";

/**
 * Loads many keys and keeps the rows found, in key order. A loader error is rethrown rather
 * than silently dropped (it would be a server fault, not missing data).
 */
export async function loadPresent<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<V[]> {
  const out: V[] = [];
  for (const v of await loader.loadMany(keys)) {
    if (v instanceof Error) throw v;
    if (v !== null) out.push(v);
  }
  return out;
}
