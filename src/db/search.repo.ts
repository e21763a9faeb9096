import { selectByKeys } from "./batch.js";
import type { KnowledgeDb, SqlValue } from "./database.js";

/** What a search hit points at, as stored in `search_index.kind`. */
export type SearchKind = "STATISTIC" | "SOURCE" | "REPORT" | "METRIC" | "ENTITY";

/** One ranked hit: what it points at and its bm25 score (lower is more relevant). */
export interface SearchHitRow {
  readonly rowid: number;
  readonly kind: SearchKind;
  readonly refId: number;
  readonly rank: number;
}

/** Position of a hit in the ranked order, for keyset paging. */
export interface SearchKeyset {
  readonly rank: number;
  readonly rowid: number;
}

/** The FTS5 engine refused an expression; `reason` is SQLite's own words. */
export class SearchSyntaxError extends Error {
  constructor(readonly reason: string) {
    super(`search syntax error: ${reason}`);
    this.name = "SearchSyntaxError";
  }
}

/**
 * bm25 column weights of search_index(kind, ref_id, title, body): the unindexed columns count
 * for nothing, a match in the title ten times a match in the body.
 */
export const SEARCH_WEIGHTS = "bm25(0.0, 0.0, 10.0, 1.0)";

/** Snippet highlight markers: a hit's matched terms are wrapped in these. */
export const HIGHLIGHT = { open: "<mark>", close: "</mark>" } as const;

/**
 * Full-text search over the FTS5 table search_index. Takes an FTS5 MATCH expression that the
 * caller has already built from the user's words (see schema/search/search-query.ts).
 */
export class SearchRepository {
  constructor(private readonly db: KnowledgeDb) {}

  /** Up to `limit` hits after `after`, most relevant first (ties by rowid). */
  hits(match: string, kinds: readonly SearchKind[] | undefined, after: SearchKeyset | undefined, limit: number): SearchHitRow[] {
    const { where, params } = conditions(match, kinds);
    if (after) {
      where.push("(rank, rowid) > (?, ?)");
      params.push(after.rank, after.rowid);
    }
    const sql = `SELECT rowid, kind, ref_id AS refId, rank FROM search_index WHERE ${where.join(" AND ")} ORDER BY rank, rowid LIMIT ?`;
    return this.run(() => this.db.query<SearchHitRow>(sql).all(...params, limit));
  }

  /** How many hits a search has. */
  count(match: string, kinds: readonly SearchKind[] | undefined): number {
    const { where, params } = conditions(match, kinds);
    return this.run(() => this.db.query<{ n: number }>(`SELECT count(*) AS n FROM search_index WHERE ${where.join(" AND ")}`).get(...params)!.n);
  }

  /**
   * Highlighted snippets of the given hits (by rowid): about 16 tokens of the best-matching
   * column around the matches, with HIGHLIGHT markers and '…' where text was cut.
   */
  snippets(match: string, rowids: readonly number[]): Map<number, string> {
    if (rowids.length === 0) return new Map();
    const rows = this.run(() =>
      selectByKeys<{ rowid: number; snippet: string }, SqlValue>(
        this.db,
        (list) =>
          `SELECT rowid, snippet(search_index, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '…', 16) AS snippet FROM search_index WHERE search_index MATCH ? AND rowid IN (${list})`,
        rowids,
        [match],
      ),
    );
    return new Map(rows.map((r) => [r.rowid, r.snippet]));
  }

  private run<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if ((e as { code?: string }).code === "SQLITE_ERROR" && FTS_ERROR.test(message)) throw new SearchSyntaxError(message);
      throw e;
    }
  }
}

/** SQLite messages that mean the MATCH expression is malformed (not that the database is broken). */
const FTS_ERROR = /^(fts5: |unterminated string|unknown special query|no such column)/;

function conditions(match: string, kinds: readonly SearchKind[] | undefined): { where: string[]; params: SqlValue[] } {
  const where = ["search_index MATCH ?", `rank MATCH '${SEARCH_WEIGHTS}'`];
  const params: SqlValue[] = [match];
  if (kinds && kinds.length > 0) {
    where.push(`kind IN (${kinds.map(() => "?").join(", ")})`);
    params.push(...kinds);
  }
  return { where, params };
}
