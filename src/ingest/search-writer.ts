import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * Where the build puts the rows of the full-text index `search_index`. Tokenizing a million
 * statistics is a large part of a build, and FTS5 does it inside each insert, so a big build
 * hands it to a worker thread that fills a table of its own while this thread inserts the rest;
 * the finished index is then copied in whole. The worker runs the same FTS5 operations in the
 * same order (the inserts in one transaction, then 'optimize'), so both ways leave tables
 * identical to the byte.
 */
export interface SearchWriter {
  /** Whether the index is written on a connection of its own (not the build's). */
  readonly separate: boolean;
  /**
   * Adds one row and returns its rowid in search_index: rows get consecutive rowids from 1 in
   * the order added (the index starts empty), which the build records for the exact-name
   * lookup (entity_name_key).
   */
  add(kind: string, refId: number, title: string, body: string): number;
  /** Puts every row added into `db`'s search_index (outside any transaction; waits for the worker). */
  finish(db: Database.Database): void;
  /** Gives up (after a failed build): stops the worker and removes its file. */
  abort(): void;
}

/** Inserts the rows into `db`'s own search_index, in its current transaction. */
export function inlineSearchWriter(db: Database.Database): SearchWriter {
  const insert = db.prepare("INSERT INTO search_index(kind, ref_id, title, body) VALUES (?, ?, ?, ?)");
  let added = 0;
  return {
    separate: false,
    add: (kind, refId, title, body) => {
      insert.run(kind, refId, title, body);
      return ++added;
    },
    finish: () => {},
    abort: () => {},
  };
}

/** Rows per message to the worker: large enough that messaging costs little, small enough to overlap. */
const BATCH_ROWS = 2000;

/**
 * The worker's program (CommonJS, evaluated in the worker): it creates search_index with the
 * same statement in a database file of its own, inserts the rows it is sent in one
 * transaction, commits and optimizes when sent null, and reports done or failed through a
 * shared word (so the build, which is synchronous, can wait for it).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const status = new Int32Array(workerData.status);
const fail = (e) => {
  workerData.errors.postMessage(String((e && e.stack) || e));
  Atomics.store(status, 0, 2);
  Atomics.notify(status, 0);
};
process.on("uncaughtException", fail);
try {
  const Database = require(workerData.sqlite);
  const db = new Database(workerData.path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -65536");
  db.exec(workerData.createSql);
  const insert = db.prepare("INSERT INTO search_index(kind, ref_id, title, body) VALUES (?, ?, ?, ?)");
  db.exec("BEGIN");
  parentPort.on("message", (rows) => {
    try {
      if (rows === null) {
        db.exec("COMMIT");
        db.exec("INSERT INTO search_index(search_index) VALUES ('optimize')");
        db.close();
        parentPort.close();
        Atomics.store(status, 0, 1);
        Atomics.notify(status, 0);
        return;
      }
      for (let i = 0; i < rows.length; i += 4) insert.run(rows[i], rows[i + 1], rows[i + 2], rows[i + 3]);
    } catch (e) {
      fail(e);
      parentPort.close();
    }
  });
} catch (e) {
  fail(e);
}
`;

/** The tables behind an FTS5 table named search_index (see the FTS5 documentation). */
const SHADOW_TABLES = ["search_index_data", "search_index_idx", "search_index_content", "search_index_docsize", "search_index_config"];

/**
 * Builds the full-text index in a worker thread, in the file `path`, then copies its tables
 * into the build's database. `createSql` is search_index's CREATE statement as the migrations
 * wrote it, so the worker's table is configured exactly like the real one.
 */
export function workerSearchWriter(path: string, createSql: string): SearchWriter {
  const status = new Int32Array(new SharedArrayBuffer(4));
  const errors: MessageChannel = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      sqlite: createRequire(import.meta.url).resolve("better-sqlite3"),
      path,
      createSql,
      status: status.buffer,
      errors: errors.port2,
    },
    transferList: [errors.port2],
  });
  // The worker only ends by being told to; an error it throws is reported through `status`.
  worker.unref();
  let rows: (string | number)[] = [];
  let added = 0;
  const failure = (port: MessagePort) => `the search index worker failed: ${(receiveMessageOnPort(port)?.message as string | undefined) ?? "no reason given"}`;
  const cleanUp = () => {
    void worker.terminate();
    errors.port1.close();
    rmSync(path, { force: true });
  };
  return {
    separate: true,
    add(kind, refId, title, body) {
      rows.push(kind, refId, title, body);
      if (rows.length >= BATCH_ROWS * 4) {
        worker.postMessage(rows);
        rows = [];
      }
      return ++added;
    },
    finish(db) {
      try {
        if (rows.length > 0) worker.postMessage(rows);
        rows = [];
        worker.postMessage(null);
        Atomics.wait(status, 0, 0);
        if (Atomics.load(status, 0) !== 1) throw new Error(failure(errors.port1));
        // The shadow tables are FTS5's own; the build's connection lifts their protection to
        // replace the empty index the migrations created with the one the worker built.
        db.prepare("ATTACH DATABASE ? AS search_build").run(path);
        db.unsafeMode(true);
        try {
          db.transaction(() => {
            for (const table of SHADOW_TABLES) {
              db.exec(`DELETE FROM main."${table}"`);
              db.exec(`INSERT INTO main."${table}" SELECT * FROM search_build."${table}"`);
            }
          })();
        } finally {
          db.unsafeMode(false);
          db.exec("DETACH DATABASE search_build");
        }
      } finally {
        cleanUp();
      }
    },
    abort: cleanUp,
  };
}
