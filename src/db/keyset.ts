import type { SqlValue } from "./database.js";

/**
 * Keyset ("seek") pagination: a page is the rows after (or before) a cursor in a total order
 * of (sort key, id), found through an index range rather than by skipping rows with OFFSET,
 * so the last page of a million rows costs what the first one does.
 *
 * Rows whose sort key is NULL always come last, whatever the direction, in id order (ASC or
 * DESC following the direction). To keep both parts on an index, a nullable key is queried as
 * two segments (non-null keys, then NULL keys), each with its own ORDER BY and LIMIT, joined
 * by UNION ALL.
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
 */
export function keysetSql(q: BaseQuery, order: KeysetOrder, read: KeysetRead): { sql: string; params: SqlValue[] } {
  const desc = order.descending !== read.backward;
  const dir = desc ? "DESC" : "ASC";
  const cmp = (desc ? "<" : ">") + (read.inclusive ? "=" : "");
  const c = read.cursor;

  interface Segment {
    where: string[];
    params: SqlValue[];
    orderBy: string;
  }
  const nonNull: Segment | null =
    c && c.key === null && !read.backward
      ? null // the cursor is among the NULL keys, which come after every non-null key
      : {
          where: [...(order.nullable ? [`${order.key} IS NOT NULL`] : []), ...(c && c.key !== null ? [`(${order.key}, ${order.id}) ${cmp} (?, ?)`] : [])],
          params: c && c.key !== null ? [c.key, c.id] : [],
          orderBy: `${order.key} ${dir}, ${order.id} ${dir}`,
        };
  const nulls: Segment | null =
    !order.nullable || (c && c.key !== null && read.backward)
      ? null // no NULL keys, or reading back from a non-null key, which all NULL keys follow
      : {
          where: [`${order.key} IS NULL`, ...(c && c.key === null ? [`${order.id} ${cmp} ?`] : [])],
          params: c && c.key === null ? [c.id] : [],
          orderBy: `${order.id} ${dir}`,
        };
  const segments = (read.backward ? [nulls, nonNull] : [nonNull, nulls]).filter((s): s is Segment => s !== null);
  if (segments.length === 0) return { sql: `SELECT ${q.select}, NULL AS sortKey, 0 AS sortId FROM ${q.from} WHERE 0`, params: [] };

  const one = (s: Segment, n: number) =>
    `SELECT ${q.select}, ${order.key} AS sortKey, ${order.id} AS sortId, ${n} AS sortSegment FROM ${q.from}${whereClause([...q.where, ...s.where])} ORDER BY ${s.orderBy} LIMIT ?`;
  if (segments.length === 1) {
    return { sql: one(segments[0]!, 0), params: [...q.params, ...segments[0]!.params, read.limit] };
  }
  const sql =
    `SELECT * FROM (${one(segments[0]!, 0)}) UNION ALL SELECT * FROM (${one(segments[1]!, 1)}) ` +
    `ORDER BY sortSegment, sortKey ${dir}, sortId ${dir} LIMIT ?`;
  return { sql, params: [...q.params, ...segments[0]!.params, read.limit, ...q.params, ...segments[1]!.params, read.limit, read.limit] };
}

function whereClause(conditions: readonly string[]): string {
  return conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
}
