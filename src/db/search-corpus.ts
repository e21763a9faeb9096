import type { KnowledgeBaseAnalyses } from "../cache/analyses.js";
import type { BoundedCache } from "../cache/bounded-cache.js";
import { selectByKeys } from "./batch.js";
import type { Statements } from "./statements.js";

/**
 * The corpus statistics of search_index that FTS5's bm25 works from, read from the index's own
 * records so that the search can add a phrase's share of a score without running bm25 over the
 * whole table (see search-ranking.ts): how many documents there are, their average length in
 * tokens, a document's length, and how many documents hold a term. The knowledge base does not
 * change while it is served, so totals are read once and document frequencies are remembered
 * (both kept by the knowledge base: the analysis `searchTotals` and the cache
 * `searchTermFrequencies` of src/cache/caches.ts).
 *
 * Lengths come from FTS5's shadow tables (`search_index_docsize`: one varint per column of each
 * row; `search_index_data` row 1: the row count, then the token count of each column), the
 * numbers bm25 reads through xColumnSize, xRowCount and xColumnTotalSize. Document frequencies
 * come from `temp.search_vocab`, an fts5vocab table created when the database is opened.
 */
export class SearchCorpus {
  private readonly frequencies: BoundedCache<string, number>;

  constructor(
    private readonly run: Statements,
    private readonly analyses: KnowledgeBaseAnalyses,
  ) {
    this.frequencies = analyses.cache("searchTermFrequencies");
  }

  /** Rows of search_index (bm25's N). */
  get rows(): number {
    return this.readTotals().rows;
  }

  /** Average number of tokens in a row, all columns together (bm25's avgdl). */
  get averageLength(): number {
    return this.readTotals().averageLength;
  }

  /**
   * How many rows hold `term` (a token as the index stores it: folded to lower case). The first
   * lookup of a term reads its whole list of documents (for a word in most documents of a large
   * knowledge base, tens of milliseconds); the count is then remembered.
   */
  documentFrequency(term: string): number {
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    const n = this.run.get<{ doc: number }>("SELECT doc FROM temp.search_vocab WHERE term = ?", [term])?.doc ?? 0;
    this.frequencies.set(term, n);
    return n;
  }

  /** The length in tokens (all columns together) of each of the given rows. */
  lengths(rowids: readonly number[]): Map<number, number> {
    const rows = selectByKeys<{ id: number; sz: Uint8Array }, number>(this.run, (list) => `SELECT id, sz FROM search_index_docsize WHERE id IN (${list})`, rowids);
    return new Map(rows.map((r) => [r.id, varints(r.sz).reduce((a, b) => a + b, 0)]));
  }

  private readTotals(): { rows: number; averageLength: number } {
    return this.analyses.get("searchTotals", () => {
      const block = this.run.get<{ block: Uint8Array }>("SELECT block FROM search_index_data WHERE id = 1")?.block;
      const [rows = 0, ...columns] = block ? varints(block) : [];
      return { rows, averageLength: rows > 0 ? columns.reduce((a, b) => a + b, 0) / rows : 0 };
    });
  }
}

/** The SQLite varints (big-endian, 7 bits a byte, the ninth byte whole) packed in `bytes`. */
function varints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let v = 0;
    for (let n = 0; ; n++) {
      const b = bytes[i++]!;
      if (n === 8) {
        v = v * 256 + b;
        break;
      }
      v = v * 128 + (b & 0x7f);
      if (b < 0x80) break;
    }
    out.push(v);
  }
  return out;
}
