import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deadline, DeadlineExceededError } from "../../src/db/deadline.js";
import { type KnowledgeBase, openKnowledgeBase } from "../../src/db/open.js";
import { RowCache } from "../../src/db/row-cache.js";
import { Statements } from "../../src/db/statements.js";
import { createContext } from "../../src/schema/context.js";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";

let db: FixtureDb;
let kb: KnowledgeBase;
beforeAll(() => {
  db = buildFixtureDb();
  kb = openKnowledgeBase(db.dbPath);
});
afterAll(() => {
  kb.close();
  db.remove();
});

/** Statements counted while `f` runs. */
function statementsDuring(f: () => void): number {
  const before = kb.db.statementsExecuted;
  f();
  return kb.db.statementsExecuted - before;
}

describe("Statements, where every statement of a request passes", () => {
  it("refuses every statement once the request's deadline has passed, a row-cache hit included", () => {
    const rowCache = new RowCache(100);
    const deadline = new Deadline(60_000);
    const repos = kb.repositories(new Statements(kb.db, deadline, rowCache));
    expect(repos.entities.bySlugs(["shoplive"]).map((e) => e.slug)).toEqual(["shoplive"]);
    deadline.expire();
    expect(() => repos.entities.bySlugs(["shoplive"])).toThrow(DeadlineExceededError);
    expect(() => repos.entities.page({}, { first: 1 })).toThrow(DeadlineExceededError);
    expect(() => repos.metrics.count()).toThrow(DeadlineExceededError);
  });

  it("answers a read made before from the row cache, for any request, with no statement; frozen", () => {
    const rowCache = new RowCache(100);
    const first = createContext(kb, { rowCache });
    expect(statementsDuring(() => first.repos.entities.bySlugs(["shoplive"]))).toBe(1);
    const second = createContext(kb, { rowCache });
    let rows: readonly { slug: string }[] = [];
    expect(statementsDuring(() => (rows = second.repos.entities.bySlugs(["shoplive"])))).toBe(0);
    expect(rows.map((r) => r.slug)).toEqual(["shoplive"]);
    expect(Object.isFrozen(rows) && Object.isFrozen(rows[0])).toBe(true);
    expect([rowCache.hits, rowCache.misses, rowCache.size]).toEqual([1, 1, 1]);
    // Pages are not kept: their window is not a primitive.
    expect(statementsDuring(() => second.repos.entities.page({}, { first: 2 }))).toBeGreaterThan(0);
    expect(statementsDuring(() => second.repos.entities.page({}, { first: 2 }))).toBeGreaterThan(0);
  });

  it("runs every statement without a row cache, and outside requests (kb.repos) without a deadline", () => {
    const ctx = createContext(kb);
    expect(statementsDuring(() => ctx.repos.entities.bySlugs(["shoplive"]))).toBe(1);
    expect(statementsDuring(() => ctx.repos.entities.bySlugs(["shoplive"]))).toBe(1);
    expect(statementsDuring(() => kb.repos.entities.bySlugs(["shoplive"]))).toBe(1);
  });

  it("keeps the knowledge base's analyses once per open database, across requests", () => {
    let computed = 0;
    const a = kb.analyses.get("unitCatalog", () => ++computed);
    const b = kb.analyses.get("unitCatalog", () => ++computed);
    expect([a, b, computed]).toEqual([1, 1, 1]);
  });
});
