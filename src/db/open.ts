import Database from "better-sqlite3";
import { KnowledgeDb } from "./database.js";
import type { BuildInfo } from "./meta.repo.js";
import { type Repositories, createRepositories } from "./repositories.js";

/** An open knowledge base: the connection, its repositories and what the build recorded. */
export interface KnowledgeBase {
  readonly db: KnowledgeDb;
  readonly repos: Repositories;
  readonly build: BuildInfo;
  /** The file it was opened from. */
  readonly path: string;
  close(): void;
}

/**
 * Opens a built knowledge base read-only. The file is never written while served, so
 * `query_only` guards against accidental writes, memory-mapped I/O and a larger page cache
 * make reads cheap, and temporary sort trees stay in memory. Fails when the file is missing
 * or was not built by `db build` (no data version).
 */
export function openKnowledgeBase(path: string): KnowledgeBase {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("query_only = ON");
    sqlite.pragma("cache_size = -65536");
    sqlite.pragma("mmap_size = 268435456");
    sqlite.pragma("temp_store = MEMORY");
    const db = new KnowledgeDb(sqlite);
    const repos = createRepositories(db);
    const build = repos.meta.buildInfo();
    return { db, repos, build, path, close: () => db.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
