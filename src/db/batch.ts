import type { RunsStatements, SqlValue } from "./database.js";

/** The most keys one batched statement binds; DataLoaders use it as their maxBatchSize. */
export const MAX_BATCH = 512;

/**
 * Batch sizes are rounded up to a few buckets (1..8, then powers of two up to MAX_BATCH) and
 * padded by repeating the last key, so that every batch binds one `?` per key while the
 * number of distinct prepared statements per query stays small (at most 14).
 */
function bucketSize(n: number): number {
  if (n <= 8) return n;
  let size = 16;
  while (size < n) size *= 2;
  return Math.min(size, MAX_BATCH);
}

/** `?, ?, ?` for n keys (empty for none). */
export function placeholders(n: number): string {
  return "?, ".repeat(n).slice(0, -2);
}

/**
 * Runs a query over many keys, one `?` per key, MAX_BATCH keys per statement. `sql` receives
 * the placeholder list to put inside `IN (...)`; `leading` parameters are bound before the
 * keys. Rows come back in the order SQLite returns them; callers group them by key.
 */
export function selectByKeys<Row, K extends SqlValue>(
  run: RunsStatements,
  sql: (inList: string) => string,
  keys: readonly K[],
  leading: readonly SqlValue[] = [],
): Row[] {
  const out: Row[] = [];
  for (const chunk of chunks(keys)) out.push(...run.all<Row>(sql(placeholders(chunk.length)), [...leading, ...chunk]));
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

/**
 * Runs a query over two sets of keys, one `?` per key in each set (e.g. statistics whose
 * metric is one of these AND whose subject is one of those). `sql` receives the two
 * placeholder lists. Each set is padded to a bucket size like `selectByKeys`; sets larger than
 * MAX_BATCH are split, and every pair of chunks runs, so the rows cover every combination.
 * Callers that select with OR (or UNION) may see a row more than once and should dedupe.
 */
export function selectByKeySets<Row, A extends SqlValue, B extends SqlValue>(
  run: RunsStatements,
  sql: (first: string, second: string) => string,
  first: readonly A[],
  second: readonly B[],
): Row[] {
  const a = chunks(first);
  const b = chunks(second);
  const out: Row[] = [];
  for (const x of a) {
    for (const y of b) out.push(...run.all<Row>(sql(placeholders(x.length), placeholders(y.length)), [...x, ...y]));
  }
  return out;
}

/**
 * Distinct keys split into chunks of at most MAX_BATCH, each padded to its bucket size by
 * repeating its last key (none when there are no keys). Keys are told apart by `identity`
 * (themselves by default); the first of equal keys is kept.
 */
function chunks<K>(keys: readonly K[], identity: (key: K) => unknown = (k) => k): K[][] {
  const seen = new Set<unknown>();
  const unique = keys.filter((k) => {
    const id = identity(k);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const out: K[][] = [];
  for (let i = 0; i < unique.length; i += MAX_BATCH) {
    const chunk = unique.slice(i, i + MAX_BATCH);
    const size = bucketSize(chunk.length);
    out.push(chunk.concat(Array.from({ length: size - chunk.length }, () => chunk[chunk.length - 1]!)));
  }
  return out;
}

/**
 * Runs a query over many composite keys (tuples of `width` values), one `?` per value: `sql`
 * receives a `VALUES (?, ?), (?, ?)` list to join against, e.g. as a CTE. Batch sizes are
 * bucketed and padded (by repeating the last tuple) like `selectByKeys`, MAX_BATCH tuples per
 * statement. Rows come back as SQLite returns them; callers match them to their tuples.
 */
export function selectByTuples<Row>(run: RunsStatements, sql: (values: string) => string, tuples: readonly (readonly SqlValue[])[], width: number): Row[] {
  const row = `(${placeholders(width)})`;
  const out: Row[] = [];
  for (const chunk of chunks(tuples, (t) => JSON.stringify(t))) {
    out.push(...run.all<Row>(sql(Array.from({ length: chunk.length }, () => row).join(", ")), chunk.flat()));
  }
  return out;
}
