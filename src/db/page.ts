import type { RunsStatements } from "./database.js";
import { type BaseQuery, type Keyset, type KeysetOrder, countSql, keysetSql } from "./keyset.js";

/** Which part of a list to read: `first` rows after `after`, or `last` rows before `before`. */
export type PageWindow =
  | { readonly first: number; readonly after?: Keyset | undefined }
  | { readonly last: number; readonly before?: Keyset | undefined };

/** A row of a page with its position in the list's order. */
export type Positioned<Row> = Row & { readonly sortKey: string | number | null; readonly sortId: number };

/** One page of a list, in list order, with whether more rows lie on either side. */
export interface Page<Row> {
  readonly rows: Positioned<Row>[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/**
 * Reads one page by keyset. The page query asks for one row more than the page to learn
 * whether the list goes on; when a cursor is given, one more indexed LIMIT 1 query learns
 * whether rows lie behind it. Never more than two statements, whatever the page size.
 */
export function readPage<Row>(statements: RunsStatements, q: BaseQuery, order: KeysetOrder, window: PageWindow): Page<Row> {
  const run = (cursor: Keyset | undefined, backward: boolean, limit: number, inclusive = false) => {
    const { sql, params } = keysetSql(q, order, { cursor, backward, limit, inclusive });
    return statements.all<Positioned<Row>>(sql, params);
  };
  if ("first" in window) {
    const rows = run(window.after, false, window.first + 1);
    return {
      rows: rows.slice(0, window.first),
      hasNextPage: rows.length > window.first,
      hasPreviousPage: window.after ? run(window.after, true, 1, true).length > 0 : false,
    };
  }
  const rows = run(window.before, true, window.last + 1);
  return {
    rows: rows.slice(0, window.last).reverse(),
    hasNextPage: window.before ? run(window.before, false, 1, true).length > 0 : false,
    hasPreviousPage: rows.length > window.last,
  };
}

/** The number of rows of a list (what `totalCount` reports). */
export function countRows(run: RunsStatements, q: BaseQuery): number {
  const { sql, params } = countSql(q);
  return run.get<{ n: number }>(sql, params)!.n;
}
