import type { SqlValue } from "./database.js";

/**
 * Keyset ("seek") pagination: a page is the rows after (or before) a cursor in a total order
 * of (sort key, id), found through an index range rather than by skipping rows with OFFSET,
 * so the last page of a million rows costs what the first one does.
 *
 * Rows whose sort key is NULL always come last, whatever the direction, in id order (ASC or
 * DESC following the direction). A read is made of segments, each one index range with its own
 * ORDER BY and LIMIT, joined by UNION ALL in reading order: the rest of the cursor's run of
 * equal keys, the keys beyond it, and (for a nullable key) the NULL keys.
 */

/** Position of a row in a keyset order: its sort key and its id. */
export interface Keyset {
  readonly key: string | number | null;
  readonly id: number;
}

/** The order a list is read in. */
export interface KeysetOrder {
  /** SQL expression of the sort key, e.g. `s.period_start`. */
  readonly key: string;
  /** SQL expression of the tie-breaking unique id, e.g. `s.id`. */
  readonly id: string;
  /** Whether the key can be NULL (then NULLs come last). */
  readonly nullable: boolean;
  readonly descending: boolean;
}

/** The unordered part of a list query: what to select, from where, under which conditions. */
export interface BaseQuery {
  /** Select list; the builder appends the sort key and id as `sortKey` and `sortId`. */
  readonly select: string;
  /** FROM clause, e.g. `statistic s`. */
  readonly from: string;
  /** Conditions joined with AND. */
  readonly where: readonly string[];
  /** Parameters of the conditions, in order. */
  readonly params: readonly SqlValue[];
}

/** One keyset read: from where, which way, how many. */
export interface KeysetRead {
  /** Start after (or, with `backward`, before) this position; from the start (end) when absent. */
  readonly cursor?: Keyset | undefined;
  /** Read towards the start of the list, nearest to the cursor first. */
  readonly backward: boolean;
  /** Also return the row at the cursor itself (for existence probes). */
  readonly inclusive?: boolean;
  readonly limit: number;
}

/** SQL and parameters for a count of the rows of a list. */
export function countSql(q: BaseQuery): { sql: string; params: SqlValue[] } {
  return { sql: `SELECT count(*) AS n FROM ${q.from}${whereClause(q.where)}`, params: [...q.params] };
}

/**
 * SQL and parameters for one keyset read. Rows come back in reading order (for a backward
 * read, nearest to the cursor first) with two extra columns, `sortKey` and `sortId`.
 *
 * The position "after (key, id)" is written as two index ranges rather than the row value
 * comparison `(key, id) > (?, ?)`: SQLite uses only the key of a row value as the range of
 * the index and filters the id row by row, so a cursor inside a long run of equal keys (a
 * period start or publication date shared by tens of thousands of statistics) read the run up
 * to the cursor. As segments `key = ? AND id > ?` (the rest of the cursor's run) and
 * `key > ?` (every later key), each is one seek and reads at most a page.
 */
export function keysetSql(q: BaseQuery, order: KeysetOrder, read: KeysetRead): { sql: string; params: SqlValue[] } {
  const desc = order.descending !== read.backward;
  const dir = desc ? "DESC" : "ASC";
  const beyond = desc ? "<" : ">";
  const cmp = beyond + (read.inclusive ? "=" : "");
  const c = read.cursor;
  const notNull = order.nullable ? [`${order.key} IS NOT NULL`] : [];
  const byKey = `${order.key} ${dir}, ${order.id} ${dir}`;

  interface Segment {
    where: string[];
    params: SqlValue[];
    orderBy: string;
  }
  // Segments of non-null keys in reading order, then the segment of NULL keys.
  const keyed: Segment[] = [];
  if (c && c.key !== null) {
    // The rest of the cursor's run of equal keys, then the keys beyond it. A non-null key
    // needs no IS NOT NULL: the equality and the comparison are never true of NULL.
    keyed.push({ where: [`${order.key} = ?`, `${order.id} ${cmp} ?`], params: [c.key, c.id], orderBy: `${order.id} ${dir}` });
    keyed.push({ where: [`${order.key} ${beyond} ?`], params: [c.key], orderBy: byKey });
  } else if (!(c && c.key === null && !read.backward)) {
    // From the start (or reading back from among the NULL keys): every non-null key. Skipped
    // when reading forward from a NULL key, as NULL keys come after every non-null key.
    keyed.push({ where: notNull, params: [], orderBy: byKey });
  }
  const nulls: Segment[] = [];
  if (order.nullable && !(c && c.key !== null && read.backward)) {
    // The NULL keys, by id; not when reading back from a non-null key, which they all follow.
    nulls.push({
      where: [`${order.key} IS NULL`, ...(c && c.key === null ? [`${order.id} ${cmp} ?`] : [])],
      params: c && c.key === null ? [c.id] : [],
      orderBy: `${order.id} ${dir}`,
    });
  }
  // A backward read meets the NULL keys first (they end the list).
  const segments = read.backward ? [...nulls, ...keyed] : [...keyed, ...nulls];
  if (segments.length === 0) return { sql: `SELECT ${q.select}, NULL AS sortKey, 0 AS sortId FROM ${q.from} WHERE 0`, params: [] };

  const one = (s: Segment, n: number) =>
    `SELECT ${q.select}, ${order.key} AS sortKey, ${order.id} AS sortId, ${n} AS sortSegment FROM ${q.from}${whereClause([...q.where, ...s.where])} ORDER BY ${s.orderBy} LIMIT ?`;
  if (segments.length === 1) {
    return { sql: one(segments[0]!, 0), params: [...q.params, ...segments[0]!.params, read.limit] };
  }
  // Every row of a segment precedes every row of the next, so the segments are concatenated
  // in order (the outer sort only merges a few pages of rows).
  const sql = `${segments.map((s, n) => `SELECT * FROM (${one(s, n)})`).join(" UNION ALL ")} ORDER BY sortSegment, sortKey ${dir}, sortId ${dir} LIMIT ?`;
  return { sql, params: [...segments.flatMap((s) => [...q.params, ...s.params, read.limit]), read.limit] };
}

function whereClause(conditions: readonly string[]): string {
  return conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
}
