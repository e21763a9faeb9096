import type { KnowledgeDb, SqlValue } from "./database.js";

/** The most keys one batched statement binds; DataLoaders use it as their maxBatchSize. */
export const MAX_BATCH = 512;

/**
 * Batch sizes are rounded up to a few buckets (1..8, then powers of two up to MAX_BATCH) and
 * padded by repeating the last key, so that every batch binds one `?` per key while the
 * number of distinct prepared statements per query stays small (at most 14).
 */
export function bucketSize(n: number): number {
  if (n <= 8) return n;
  let size = 16;
  while (size < n) size *= 2;
  return Math.min(size, MAX_BATCH);
}

/** `?, ?, ?` for n keys. */
export function placeholders(n: number): string {
  return n === 1 ? "?" : `?${", ?".repeat(n - 1)}`;
}

/**
 * Runs a query over many keys, one `?` per key, MAX_BATCH keys per statement. `sql` receives
 * the placeholder list to put inside `IN (...)`; `leading` parameters are bound before the
 * keys. Rows come back in the order SQLite returns them; callers group them by key.
 */
export function selectByKeys<Row, K extends SqlValue>(
  db: KnowledgeDb,
  sql: (inList: string) => string,
  keys: readonly K[],
  leading: readonly SqlValue[] = [],
): Row[] {
  const unique = [...new Set(keys)];
  const out: Row[] = [];
  for (let i = 0; i < unique.length; i += MAX_BATCH) {
    const chunk = unique.slice(i, i + MAX_BATCH);
    const size = bucketSize(chunk.length);
    const padded = chunk.concat(Array.from({ length: size - chunk.length }, () => chunk[chunk.length - 1]!));
    out.push(...db.query<Row>(sql(placeholders(size))).all(...leading, ...padded));
  }
  return out;
}

/** Groups rows by a key, keeping each group in row order. */
export function groupBy<Row, K>(rows: readonly Row[], key: (r: Row) => K): Map<K, Row[]> {
  const out = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
