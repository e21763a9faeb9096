/**
 * The shapes of a request's DataLoaders: rows by a unique key (slug, id, URL), the rows
 * belonging to each key, a value read once; and the entity of a joined row, primed into the
 * by-id loader so the same entity met again in the request is not read again. Every batch is
 * at most MAX_BATCH keys (one statement, one `?` per key).
 */
import DataLoader from "dataloader";
import { MAX_BATCH, groupBy } from "./batch.js";
import type { EntityRow } from "./entity.repo.js";

/**
 * A loader of rows by a unique key (null when absent). Rows found are also primed into the
 * by-id loader, so a row fetched by slug is not fetched again by id.
 */
export function unique<K extends string | number, Row extends { id: number }>(
  fetch: (keys: readonly K[]) => Row[],
  keyOf: (r: Row) => K,
  byId?: DataLoader<number, Row | null>,
): DataLoader<K, Row | null> {
  return new DataLoader<K, Row | null>(
    async (keys) => {
      const found = new Map(fetch(keys).map((r) => [keyOf(r), r]));
      if (byId) for (const r of found.values()) byId.prime(r.id, r);
      return keys.map((k) => found.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** A loader of the rows belonging to each key (empty when none), mapped by `value`. */
export function grouped<K extends number, Row, V = Row>(fetch: (keys: readonly K[]) => Row[], keyOf: (r: Row) => K, value?: (r: Row) => V): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = groupBy(fetch(keys), keyOf);
      return keys.map((k) => (groups.get(k) ?? []).map((r) => (value ? value(r) : (r as unknown as V))));
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** A function that runs `read` on its first call and returns the same result afterwards. */
export function once<T>(read: () => T): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= Promise.resolve().then(read));
}

/**
 * Takes the entity out of a joined row (author, producer) and primes the by-id loader with it,
 * so that the same entity met again in the request is not read again.
 */
export function entityRow(byId: DataLoader<number, EntityRow | null>) {
  return (r: EntityRow): EntityRow => {
    const e: EntityRow = {
      id: r.id,
      slug: r.slug,
      type: r.type,
      name: r.name,
      description: r.description,
      orgKind: r.orgKind,
      website: r.website,
      operatorId: r.operatorId,
      parentId: r.parentId,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    byId.prime(e.id, e);
    return e;
  };
}
