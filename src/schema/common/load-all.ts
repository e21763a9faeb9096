import type DataLoader from "dataloader";

/** The values of a DataLoader `loadMany`, rethrowing the first error instead of returning it. */
export async function loadAll<T>(loading: Promise<(T | Error)[]>): Promise<T[]> {
  return (await loading).map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}

/** The rows a loader finds for the keys, in key order, without the keys it finds nothing for (errors are rethrown, as by loadAll). */
export async function loadPresent<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<V[]> {
  return (await loadAll(loader.loadMany(keys))).filter((r): r is V => r !== null);
}
