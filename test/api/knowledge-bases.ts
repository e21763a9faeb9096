import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { GraphQLFormattedError } from "graphql";
import { type KnowledgeBase, openKnowledgeBase } from "../../src/db/open.js";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type ApiServer, createServer } from "../../src/server.js";
import { FIXTURE_BULK_COUNT, buildFixtureDb, buildInto } from "../fixtures/fixture-db.js";
import { sharedDatabase } from "../support/shared-databases.js";

/** How many generated statistics the fixture holds beside its hand-written awkward rows. */
export const BULK_COUNT = FIXTURE_BULK_COUNT;

/** A knowledge base built for a test into a temporary directory, served in-process. */
export interface TestApi {
  readonly dir: string;
  readonly dbPath: string;
  readonly kb: KnowledgeBase;
  readonly server: ApiServer;
  /** Runs an operation through the real server; returns its data and errors. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: readonly GraphQLFormattedError[] }>;
  /** Runs an operation that must succeed and returns its data. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The fixture knowledge base: test/fixtures/kb plus BULK_COUNT generated statistics. */
export async function fixtureApi(): Promise<TestApi> {
  const db = buildFixtureDb({ bulk: BULK_COUNT });
  return serveDatabase(db.dir, db.dbPath);
}

/**
 * The project's own knowledge base (db/) in a temporary directory of its own: a copy of the
 * one the global setup built for the run, or built here when there is none. Tests on it check
 * what holds for any valid data (or name the documents they rely on), never its counts.
 */
export async function projectApi(): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "lsf-project-"));
  const shared = sharedDatabase("project");
  if (shared === undefined) return serveDatabase(dir, buildInto(dir, DEFAULT_DATA_DIR));
  const dbPath = join(dir, "knowledge.sqlite");
  copyFileSync(shared, dbPath);
  return serveDatabase(dir, dbPath);
}

/**
 * A fresh server over a copy of `api`'s database, so nothing is cached or read yet; `tamper`,
 * if given, changes the copy first. `close` removes the copy.
 */
export async function serveCopy(api: TestApi, tamper?: (db: Database.Database) => void): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "lsf-copy-"));
  const dbPath = join(dir, "knowledge.sqlite");
  copyFileSync(api.dbPath, dbPath);
  if (tamper) {
    const db = new Database(dbPath);
    tamper(db);
    db.close();
  }
  return serveDatabase(dir, dbPath);
}

/** Serves an already built database file; `close` removes `dir`. */
export async function serveDatabase(dir: string, dbPath: string): Promise<TestApi> {
  const kb = openKnowledgeBase(dbPath);
  const server = await createServer(kb);
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await server.execute({ query, variables });
    if (res.body.kind !== "single") throw new Error("expected a single result");
    return res.body.singleResult as { data?: any; errors?: readonly GraphQLFormattedError[] };
  };
  return {
    dir,
    dbPath,
    kb,
    server,
    gql,
    async data(query, variables) {
      const r = await gql(query, variables);
      if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors, null, 2)}`);
      return r.data;
    },
    async close() {
      await server.stop();
      kb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
