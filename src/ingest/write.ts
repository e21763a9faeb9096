import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { CONTENT_DIGEST_KEY, contentDigest } from "../db/integrity.js";
import type { Model } from "./model.js";
import { PhaseTimer } from "./phases.js";
import { type SearchWriter, inlineSearchWriter, workerSearchWriter } from "./search-writer.js";
import { rowIds } from "./write-ids.js";
import { insertEntities, insertMetrics, insertReports } from "./write-registries.js";
import { insertSources } from "./write-sources.js";
import { insertStatistics } from "./write-statistics.js";

/** What the writer records about the build in the `meta` table. */
export interface BuildMeta {
  readonly dataVersion: string;
  readonly builtAt: string;
}

/** Counts of what a build wrote, for the one-line summary and the meta table. */
export interface BuildCounts {
  readonly sources: number;
  readonly statistics: number;
  readonly citations: number;
  readonly entities: number;
  readonly reports: number;
  readonly metrics: number;
}

/** How the writer works; the defaults suit every build. */
export interface WriteOptions {
  /**
   * Build the full-text index in a worker thread (see search-writer.ts): by default when the
   * model has at least SEARCH_WORKER_STATISTICS statistics, where it pays for the thread.
   */
  readonly searchInWorker?: boolean;
}

/** From this many statistics on, the full-text index is built by a worker thread. */
const SEARCH_WORKER_STATISTICS = 5000;

/**
 * Writes the model to a new SQLite file at `target`, atomically: everything goes to a
 * temporary file beside it, which replaces `target` only when complete. If anything fails,
 * the temporary file is removed and `target` is left exactly as it was.
 */
export function writeDatabase(model: Model, target: string, migrationsDir: string, meta: BuildMeta, timer = new PhaseTimer(), options: WriteOptions = {}): BuildCounts {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  let db: Database.Database | undefined;
  let search: SearchWriter | undefined;
  try {
    db = openForBuild(tmp);
    for (const f of readdirSync(migrationsDir).filter((n) => n.endsWith(".sql")).sort()) {
      db.exec(readFileSync(join(migrationsDir, f), "utf8"));
    }
    // Secondary indexes are dropped during the bulk insert and rebuilt after it: building an
    // index from sorted data is several times faster than updating it row by row.
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
    if (options.searchInWorker ?? model.statistics.length >= SEARCH_WORKER_STATISTICS) {
      const createSql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'").get() as { sql: string }).sql;
      search = workerSearchWriter(`${tmp}-search`, createSql);
    } else {
      search = inlineSearchWriter(db);
    }
    timer.end("create schema");
    const writer = search;
    const building = db;
    const counts = db.transaction(() => insertModel(building, model, writer))();
    timer.end("insert rows");
    // Index builds sort; SQLite sorts in runs of the cache's size and merges them, and with a
    // small cache the runs stay in the CPU's caches and are sorted by several threads.
    db.pragma("cache_size = -8000");
    db.pragma(`threads = ${Math.min(4, availableParallelism())}`);
    for (const ix of indexes) db.exec(ix.sql);
    db.pragma(`cache_size = ${BUILD_CACHE}`);
    timer.end("create indexes");
    const metaRows: [string, string][] = [
      ["data_version", meta.dataVersion],
      ["built_at", meta.builtAt],
      ["counts", JSON.stringify(counts)],
    ];
    const putMeta = db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    for (const row of metaRows) putMeta.run(...row);
    search.finish(db);
    search = undefined;
    timer.end("wait for and copy search index");
    // A fresh connection, so that FTS5 reads the index as it now is on disk.
    db.close();
    db = openForBuild(tmp);
    // Merges the index into one segment (already done by the worker, if it built it).
    db.exec("INSERT INTO search_index(search_index) VALUES ('optimize')");
    timer.end("optimize search index");
    db.exec("ANALYZE");
    timer.end("analyze");
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(fk.slice(0, 5))}`);
    timer.end("check foreign keys");
    // What the database serves, as built: open.ts refuses it if it changes afterwards.
    db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)").run(CONTENT_DIGEST_KEY, contentDigest(db));
    timer.end("content digest");
    db.close();
    // The build writes without syncing; the file must be on disk before it replaces the old
    // one, and the rename itself (the directory) after, or a crash could leave a torn file.
    syncFile(tmp);
    renameSync(tmp, target);
    syncFile(dirname(target));
    timer.end("close and rename");
    return counts;
  } catch (e) {
    search?.abort();
    if (db?.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
}

const BUILD_CACHE = -200000;

/** fsync of a file or a directory (directories cannot be synced everywhere: then it is skipped). */
function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch (e) {
    if (!statSync(path).isDirectory()) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A connection for building: no journal, no syncing (the file is renamed into place only when complete). */
function openForBuild(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma(`cache_size = ${BUILD_CACHE}`);
  // References are checked once, over the whole database, by foreign_key_check (the
  // validation has already resolved every one); checking each row as it is inserted costs a
  // lookup per reference per row.
  db.pragma("foreign_keys = OFF");
  return db;
}

/** Inserts every row of the model, table family by table family (the order gives the rows their ids). */
function insertModel(db: Database.Database, m: Model, search: SearchWriter): BuildCounts {
  const ids = rowIds(m);
  insertEntities(db, m, ids, search);
  const entityName = new Map(m.entities.map((e) => [e.slug, e.name]));
  const links = insertReports(db, m, ids, entityName, search);
  insertMetrics(db, m, ids, search);
  const sources = insertSources(db, m, ids, entityName, search);
  const metricName = new Map(m.metrics.map((x) => [x.slug, x.name]));
  const citations = insertStatistics(db, m, { ids, entityName, metricName, sources, links, search });
  return {
    sources: m.sources.length,
    statistics: m.statistics.length,
    citations,
    entities: m.entities.length,
    reports: m.reports.length,
    metrics: m.metrics.length,
  };
}
