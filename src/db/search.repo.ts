import { placeholders, selectByKeys } from "./batch.js";
import type { KnowledgeBaseAnalyses } from "../cache/analyses.js";
import type { SqlValue } from "./database.js";
import { nameKey } from "./name-key.js";
import { countRows } from "./page.js";
import { SearchCorpus } from "./search-corpus.js";
import { BM25_MIN_IDF, type MatchPhrase, SEARCH_COLUMN_WEIGHTS, bm25Share, conjunctionPhrases, isDense } from "./search-ranking.js";
import type { Statements } from "./statements.js";

/** What a search hit points at, as stored in `search_index.kind`. */
export type SearchKind = "STATISTIC" | "SOURCE" | "REPORT" | "METRIC" | "ENTITY";

/** One ranked hit: what it points at and its bm25 score (lower is more relevant). */
export interface SearchHitRow {
  readonly rowid: number;
  readonly kind: SearchKind;
  readonly refId: number;
  readonly rank: number;
  /** True for an entity whose name equals the query (see SearchRepository.hits); such hits come first. */
  readonly nameMatch?: true;
}

/**
 * Position of a hit in the ranked order, for keyset paging: a hit of the full-text ranking by
 * its rank and rowid, or one of the exact-name hits that come before them by its rowid.
 */
export type SearchKeyset = TextKeyset | { readonly nameMatch: true; readonly rowid: number };

/** Position of a hit in the full-text (bm25) ranking. */
export interface TextKeyset {
  readonly rank: number;
  readonly rowid: number;
}

/** A cursor of the exact-name hits names a row that is not one of them: not a cursor of this search. */
export class SearchCursorError extends Error {
  constructor() {
    super("search cursor does not point at an exact-name hit of this search");
    this.name = "SearchCursorError";
  }
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
export const SEARCH_WEIGHTS = `bm25(0.0, 0.0, ${SEARCH_COLUMN_WEIGHTS.title.toFixed(1)}, ${SEARCH_COLUMN_WEIGHTS.body.toFixed(1)})`;

/** Snippet highlight markers: a hit's matched terms are wrapped in these. */
const HIGHLIGHT = { open: "<mark>", close: "</mark>" } as const;

/**
 * Full-text search over the FTS5 table search_index. Takes an FTS5 MATCH expression that the
 * caller has already built from the user's words (see schema/search/search-query.ts).
 */
export class SearchRepository {
  private readonly corpus: SearchCorpus;

  constructor(
    private readonly run: Statements,
    analyses: KnowledgeBaseAnalyses,
  ) {
    this.corpus = new SearchCorpus(run, analyses);
  }

  /**
   * At most this many hits are ranked in two parts (see search-ranking.ts); a search with more
   * is ranked by SQLite's bm25 in one statement. The dense words' shares are read per hit (the
   * highlighted text of each), so the bound keeps that work small.
   */
  static readonly TWO_PART_HITS = 200;

  /**
   * Up to `limit` hits after `after`, most relevant first. First come the entities named
   * `name` (the query as typed, without the quotes of a single quoted phrase), compared as
   * nameKey folds names: by their English name, a name in another language or an alias, when
   * they match the search at all and entities are among the kinds searched; a person looked up
   * by name must not trail the figures and documents that mention her more often. Then every
   * other hit, ranked by FTS5's bm25 with SEARCH_WEIGHTS (ties by rowid). The hits are those
   * of the MATCH expression either way (count() is unchanged); only their order is.
   *
   * A conjunction that mixes words found in most documents with rarer phrases, and has few
   * hits, is ranked without bm25 reading those words' lists of documents (twoPartHits); the
   * ranks are bm25's all the same.
   */
  hits(match: string, kinds: readonly SearchKind[] | undefined, after: SearchKeyset | undefined, limit: number, name?: string): SearchHitRow[] {
    return this.run.cached("search.hits", [match, kinds, after, limit, name], () => this.asSearchErrors(() => {
      const named = name !== undefined && (!kinds?.length || kinds.includes("ENTITY")) ? this.nameHits(match, name) : [];
      if (after && "nameMatch" in after) {
        const at = named.findIndex((r) => r.rowid === after.rowid);
        if (at < 0) throw new SearchCursorError();
        return this.followedByText(named.slice(at + 1), named, match, kinds, undefined, limit);
      }
      return this.followedByText(after ? [] : named, named, match, kinds, after, limit);
    }));
  }

  /** How many hits a search has. */
  count(match: string, kinds: readonly SearchKind[] | undefined): number {
    const { where, params } = conditions(match, kinds);
    return this.run.cached("search.count", [match, kinds], () => this.asSearchErrors(() => countRows(this.run, { select: "rowid", from: "search_index", where, params })));
  }

  /**
   * Highlighted snippets of the given hits (by rowid): about 16 tokens of the best-matching
   * column around the matches, with HIGHLIGHT markers and '…' where text was cut.
   */
  snippets(match: string, rowids: readonly number[]): Map<number, string> {
    if (rowids.length === 0) return new Map();
    const rows = this.asSearchErrors(() =>
      selectByKeys<{ rowid: number; snippet: string }, SqlValue>(
        this.run,
        (list) =>
          `SELECT rowid, snippet(search_index, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '…', 16) AS snippet FROM search_index WHERE search_index MATCH ? AND rowid IN (${list})`,
        integerRowids(rowids),
        [match],
      ),
    );
    return new Map(rows.map((r) => [r.rowid, r.snippet]));
  }

  /**
   * The entities whose folded name is nameKey(name) and that match the search, with their
   * bm25 rank, most relevant first (ties by rowid): the exact-name hits.
   */
  private nameHits(match: string, name: string): SearchHitRow[] {
    const key = nameKey(name);
    if (key === "") return [];
    const rowids = this.run.all<{ rowid: number }>("SELECT search_rowid AS rowid FROM entity_name_key WHERE key = ?", [key]);
    if (rowids.length === 0) return [];
    const rows = selectByKeys<SearchHitRow, SqlValue>(
      this.run,
      (list) => `SELECT rowid, kind, ref_id AS refId, ${SEARCH_WEIGHTS.replace("bm25(", "bm25(search_index, ")} AS rank FROM search_index WHERE search_index MATCH ? AND rowid IN (${list})`,
      integerRowids(rowids.map((r) => r.rowid)),
      [match],
    );
    return rows.map((r) => ({ ...r, nameMatch: true as const })).sort((a, b) => a.rank - b.rank || a.rowid - b.rowid);
  }

  /**
   * `first` (exact-name hits), then the full-text hits after `after` leaving out the
   * exact-name hits `named` (listed already), `limit` in all.
   */
  private followedByText(
    first: SearchHitRow[],
    named: readonly SearchHitRow[],
    match: string,
    kinds: readonly SearchKind[] | undefined,
    after: TextKeyset | undefined,
    limit: number,
  ): SearchHitRow[] {
    if (first.length >= limit) return first.slice(0, limit);
    const listed = new Set(named.map((r) => r.rowid));
    // Up to listed.size of the hits read may be left out, so as many more are read.
    const want = limit - first.length + listed.size;
    const text = this.twoPartHits(match, kinds, after, want) ?? this.rankedHits(match, kinds, after, want);
    const rest = listed.size === 0 ? text : text.filter((r) => !listed.has(r.rowid));
    return [...first, ...rest].slice(0, limit);
  }

  /** The hits ranked by SQLite in one statement (bm25 as the `rank` column). */
  private rankedHits(match: string, kinds: readonly SearchKind[] | undefined, after: TextKeyset | undefined, limit: number): SearchHitRow[] {
    const { where, params } = conditions(match, kinds);
    where.push(`rank MATCH '${SEARCH_WEIGHTS}'`);
    if (after) {
      where.push("(rank, rowid) > (?, ?)");
      params.push(after.rank, after.rowid);
    }
    const sql = `SELECT rowid, kind, ref_id AS refId, rank FROM search_index WHERE ${where.join(" AND ")} ORDER BY rank, rowid LIMIT ?`;
    return this.run.all<SearchHitRow>(sql, [...params, limit]);
  }

  /**
   * The hits of a conjunction with dense single words (found in at least half of the
   * documents) and other phrases, when it has at most TWO_PART_HITS hits; undefined otherwise.
   * The hits are found without ranking; SQLite's bm25 ranks them over the other phrases alone
   * (whose lists it reads, as it would anyway); each dense word adds its share from its
   * frequency in the hit (counted in the hit's highlighted title and body), the hit's length
   * and the average length, with bm25's minimum weight. Sorted and paged here.
   */
  private twoPartHits(match: string, kinds: readonly SearchKind[] | undefined, after: TextKeyset | undefined, limit: number): SearchHitRow[] | undefined {
    const phrases = conjunctionPhrases(match);
    if (!phrases || phrases.length < 2) return undefined;
    const rows = this.corpus.rows;
    const isDenseWord = (p: MatchPhrase) => p.word !== null && isDense(this.corpus.documentFrequency(p.word), rows);
    const dense = phrases.filter(isDenseWord);
    const rest = phrases.filter((p) => !dense.includes(p));
    if (dense.length === 0 || rest.length === 0) return undefined;

    const { where, params } = conditions(match, kinds);
    const ids = this.run.all<{ rowid: number }>(`SELECT rowid FROM search_index WHERE ${where.join(" AND ")} LIMIT ?`, [...params, SearchRepository.TWO_PART_HITS + 1]);
    if (ids.length > SearchRepository.TWO_PART_HITS) return undefined;
    if (ids.length === 0) return [];
    const wanted = new Set(ids.map((r) => r.rowid));
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const id of wanted) {
      low = Math.min(low, id);
      high = Math.max(high, id);
    }
    // bm25 over the other phrases: they match every hit (the hits match all of them), and the
    // rowid range keeps the rows scored to the hits' span.
    const partial = this.run
      .all<SearchHitRow>(
        `SELECT rowid, kind, ref_id AS refId, ${SEARCH_WEIGHTS.replace("bm25(", "bm25(search_index, ")} AS rank FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?`,
        [rest.map((p) => p.text).join(" AND "), low, high],
      )
      .filter((r) => wanted.has(r.rowid));
    const lengths = this.corpus.lengths([...wanted]);
    const averageLength = this.corpus.averageLength;
    const shares = new Map<number, number>();
    for (const p of dense) {
      for (const [rowid, frequency] of this.frequencies(p.text, [...wanted])) {
        shares.set(rowid, (shares.get(rowid) ?? 0) + bm25Share(BM25_MIN_IDF, frequency, lengths.get(rowid)!, averageLength));
      }
    }
    const ranked = partial.map((r) => ({ ...r, rank: r.rank - (shares.get(r.rowid) ?? 0) }));
    ranked.sort((a, b) => a.rank - b.rank || a.rowid - b.rowid);
    const from = after ? ranked.findIndex((r) => r.rank > after.rank || (r.rank === after.rank && r.rowid > after.rowid)) : 0;
    return from < 0 ? [] : ranked.slice(from, from + limit);
  }

  /**
   * How often a phrase occurs in each of the given rows, an occurrence in the title counting
   * SEARCH_COLUMN_WEIGHTS.title times (bm25's weighted frequency): FTS5 marks every occurrence
   * in the highlighted text of each column, which is counted.
   */
  private frequencies(phrase: string, rowids: readonly number[]): Map<number, number> {
    const rows = selectByKeys<{ rowid: number; title: string | null; body: string | null }, SqlValue>(
      this.run,
      (list) =>
        `SELECT rowid, highlight(search_index, 2, '${MARK}', '') AS title, highlight(search_index, 3, '${MARK}', '') AS body FROM search_index WHERE search_index MATCH ? AND rowid IN (${list})`,
      integerRowids(rowids),
      [phrase],
    );
    const marks = (text: string | null) => (text ? text.split(MARK).length - 1 : 0);
    return new Map(rows.map((r) => [r.rowid, SEARCH_COLUMN_WEIGHTS.title * marks(r.title) + SEARCH_COLUMN_WEIGHTS.body * marks(r.body)]));
  }

  /** Runs `f`, turning SQLite's complaints about a malformed MATCH expression into SearchSyntaxError. */
  private asSearchErrors<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if ((e as { code?: string }).code === "SQLITE_ERROR" && FTS_ERROR.test(message)) throw new SearchSyntaxError(message);
      throw e;
    }
  }
}

/**
 * Rowids to bind in `rowid IN (...)` on search_index, as SQLite integers. better-sqlite3 binds a
 * JavaScript number as a REAL, and FTS5 takes over a `rowid = ?` constraint (what `IN (?)` of
 * one key becomes) without SQLite checking it again, but only applies it to an INTEGER value:
 * with a REAL it returned every row that matches (SQLite 3.51), so a page of one hit had the
 * snippets of all of them computed.
 */
function integerRowids(rowids: readonly number[]): bigint[] {
  return rowids.map((r) => BigInt(r));
}

/** What highlight() puts before each occurrence when frequencies are counted (never in the text). */
const MARK = "\u0001\u0002";

/** SQLite messages that mean the MATCH expression is malformed (not that the database is broken). */
const FTS_ERROR = /^(fts5: |unterminated string|unknown special query|no such column)/;

function conditions(match: string, kinds: readonly SearchKind[] | undefined): { where: string[]; params: SqlValue[] } {
  const where = ["search_index MATCH ?"];
  const params: SqlValue[] = [match];
  if (kinds && kinds.length > 0) {
    where.push(`kind IN (${placeholders(kinds.length)})`);
    params.push(...kinds);
  }
  return { where, params };
}
