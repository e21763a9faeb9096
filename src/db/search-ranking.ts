/**
 * Pieces of FTS5's bm25 (ext/fts5/fts5_aux.c) that the search needs outside SQLite, to rank
 * without bm25 counting, on every query, the documents of a word found in most of them.
 *
 * bm25 gives each phrase of a query the weight IDF = ln((N − n + 0.5) / (n + 0.5)) for a phrase
 * found in n of N documents, and 10⁻⁶ when that is not positive (n ≥ N/2): such a phrase
 * counts for next to nothing. Yet to learn n, bm25 reads the phrase's whole list of documents
 * on every query, which for a word like "recorded" in a million documents takes tens of
 * milliseconds even when the query matches two of them. So a conjunction of phrases in which
 * some single words are that common ("dense") is ranked in two parts: SQLite's bm25 over the
 * other phrases, plus each dense word's share computed here from the same inputs — its
 * frequency in the row (a title occurrence weighing SEARCH_COLUMN_WEIGHTS.title), the row's
 * length and the average length — with the weight 10⁻⁶. The sum is bm25's score of the whole
 * query (up to rounding in the last bits, as the additions come in another order).
 */

/** bm25's constants k1 and b (fts5_aux.c). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** The weight bm25 gives a phrase found in at least half of the documents. */
export const BM25_MIN_IDF = 1e-6;

/** How much an occurrence in each indexed column counts (SEARCH_WEIGHTS in search.repo.ts). */
export const SEARCH_COLUMN_WEIGHTS = { title: 10, body: 1 } as const;

/** Whether a phrase found in `n` of `rows` documents gets bm25's minimum weight. */
export function isDense(n: number, rows: number): boolean {
  return Math.log((rows - n + 0.5) / (n + 0.5)) <= 0;
}

/**
 * The share of a row's bm25 score (positive: the rank is its negation) that one phrase of
 * weight `idf` contributes, found `frequency` times (weighted by column) in a row of `length`
 * tokens, where rows average `averageLength` tokens.
 */
export function bm25Share(idf: number, frequency: number, length: number, averageLength: number): number {
  return idf * ((frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength)));
}

/** One phrase of a compiled MATCH expression, as written in it (quoted, maybe with `*`). */
export interface MatchPhrase {
  readonly text: string;
  /**
   * The token the phrase stands for when it is a single ASCII word without `*` (the only
   * phrases treated as possibly dense: their token is the word in lower case, exactly as
   * FTS5's unicode61 tokenizer folds it); null otherwise.
   */
  readonly word: string | null;
}

const PHRASE = /^"((?:[^"]|"")*)"(\*?)$/;

/**
 * The phrases of a compiled MATCH expression (see schema/search/search-query.ts) when it is a
 * plain conjunction of them (`"a" AND "b c" AND "d"*`), or null when it has OR, NOT or
 * parentheses, whose rows another phrase's absence or presence decides.
 */
export function conjunctionPhrases(match: string): MatchPhrase[] | null {
  const out: MatchPhrase[] = [];
  let rest = match;
  for (;;) {
    const end = phraseEnd(rest);
    if (end < 0) return null;
    const text = rest.slice(0, end);
    const m = PHRASE.exec(text);
    if (!m) return null;
    const inner = m[1]!.replaceAll('""', '"');
    out.push({ text, word: !m[2] && /^[A-Za-z0-9]+$/.test(inner) ? inner.toLowerCase() : null });
    rest = rest.slice(end);
    if (rest === "") return out;
    if (!rest.startsWith(" AND ")) return null;
    rest = rest.slice(5);
  }
}

/** Where the quoted phrase at the start of `s` ends (after its optional `*`), or -1. */
function phraseEnd(s: string): number {
  if (!s.startsWith('"')) return -1;
  for (let i = 1; i < s.length; i++) {
    if (s[i] !== '"') continue;
    if (s[i + 1] === '"') {
      i++;
      continue;
    }
    return s[i + 1] === "*" ? i + 2 : i + 1;
  }
  return -1;
}
