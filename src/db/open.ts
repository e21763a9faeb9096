import Database from "better-sqlite3";
import { KnowledgeBaseAnalyses } from "../cache/analyses.js";
import { KnowledgeDb } from "./database.js";
import type { BuildInfo } from "./meta.repo.js";
import { type Repositories, createRepositories } from "./repositories.js";
import { Statements } from "./statements.js";

/** An open knowledge base: the connection, what it keeps across requests, and what the build recorded. */
export interface KnowledgeBase {
  readonly db: KnowledgeDb;
  /** Its analyses and per-key caches, kept while it is open (src/cache/analyses.ts). */
  readonly analyses: KnowledgeBaseAnalyses;
  /** The repositories running their statements through `run` (what a request's context uses). */
  repositories(run: Statements): Repositories;
  /** Repositories for work outside requests (the CLI, tests): no deadline, no row cache. */
  readonly repos: Repositories;
  readonly build: BuildInfo;
  /** The file it was opened from. */
  readonly path: string;
  close(): void;
}

/** SQLite's page cache of a served knowledge base, in KiB (64 MiB); see openKnowledgeBase. */
export const PAGE_CACHE_KIB = 65_536;

/**
 * Opens a built knowledge base read-only. The file is never written while served, so
 * `query_only` guards against accidental writes, and temporary sort trees stay in memory.
 * Fails when the file is missing or was not built by `db build` (no data version). `serve`
 * also checks that its content is what its build recorded (integrity.ts) before serving it.
 *
 * Memory: reads go through SQLite's own page cache, bounded at PAGE_CACHE_KIB, and not through
 * a memory map. A map of the file added every page the server ever touched to its resident
 * memory (273 MB of file pages at 1,000,000 statistics with a 256 MiB map, 447 MB RSS in all)
 * and measured no faster: the file is in the operating system's cache either way, and the
 * pages the queries keep using stay in SQLite's cache (npm run bench:scale at 1,000,000: the
 * same page, last-page and search timings with and without the map; RSS 214 MB without it).
 * The trade-off: the cache is each process's own, where a map's pages were shared by the
 * workers of `serve --workers`; a smaller cache (16 MiB) saved 50 MB more but made broad
 * searches 30 % slower, as their term lists no longer stayed in it.
 */
export function openKnowledgeBase(path: string): KnowledgeBase {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    sqlite.pragma("mmap_size = 0");
    sqlite.pragma("temp_store = MEMORY");
    // The vocabulary of the full-text index (document frequencies by term, for the search's
    // ranking: src/db/search-corpus.ts), defined in this connection's temporary schema so the
    // file stays as built: after temp_store (changing it drops temporary tables), before
    // query_only (which forbids creating them).
    sqlite.exec("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, search_index, row)");
    sqlite.pragma("query_only = ON");
    const db = new KnowledgeDb(sqlite);
    const analyses = new KnowledgeBaseAnalyses();
    const repositories = (run: Statements) => createRepositories(run, analyses);
    const repos = repositories(new Statements(db));
    const build = repos.meta.buildInfo();
    return { db, analyses, repositories, repos, build, path, close: () => db.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
