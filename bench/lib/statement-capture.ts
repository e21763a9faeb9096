import type Database from "better-sqlite3";
import type { KnowledgeDb } from "../../src/db/database.js";

/** One SQL statement as a repository ran it: its text and the values bound to it. */
export interface CapturedStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Records every statement prepared on `db` from now on, with the parameters of each of its
 * runs, without touching the repositories: the connection's `prepare` is wrapped, so what is
 * recorded is exactly what src/db runs (statements prepared before the call are not seen).
 * Returns the record, one entry per distinct SQL text with the parameters of its first run,
 * every run in order (`runs`: plans depend on the values bound, through sqlite_stat4, so a
 * statement can need checking with each), and a function that stops recording.
 */
export function captureStatements(db: KnowledgeDb): { statements: Map<string, CapturedStatement>; runs: CapturedStatement[]; stop: () => void } {
  const sqlite = db.sqlite as Database.Database & { prepare: Database.Database["prepare"] };
  const original = sqlite.prepare;
  const statements = new Map<string, CapturedStatement>();
  const runs: CapturedStatement[] = [];
  let recording = true;
  const record = (sql: string, params: unknown[]) => {
    if (!recording) return;
    if (!statements.has(sql)) statements.set(sql, { sql, params });
    runs.push({ sql, params });
  };
  sqlite.prepare = function (this: Database.Database, sql: string) {
    const statement = original.call(this, sql) as Database.Statement;
    return new Proxy(statement, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "all" || prop === "get" || prop === "iterate") {
          return (...params: unknown[]) => {
            record(sql, params);
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  } as Database.Database["prepare"];
  return {
    statements,
    runs,
    stop: () => {
      recording = false;
      sqlite.prepare = original;
    },
  };
}

/** One row of EXPLAIN QUERY PLAN. */
export interface PlanRow {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

/** The query plan SQLite chooses for a statement with these parameter values bound. */
export function queryPlan(db: KnowledgeDb, s: CapturedStatement): PlanRow[] {
  return db.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as PlanRow[];
}

/** The plan as indented text, for failure messages. */
export function planText(rows: readonly PlanRow[]): string {
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${"  ".repeat(d)}${r.detail}`;
    })
    .join("\n");
}

/**
 * The tables a plan reads in full, row by row: `SCAN <table or alias>` without an index (a
 * covering index or an index in the needed order does not count, nor do FTS5's virtual table
 * scans or scans of a subquery's few rows). Aliases are resolved to tables from the SQL.
 */
export function fullTableScans(sql: string, rows: readonly PlanRow[]): string[] {
  const tables = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    tables.set(m[1]!, m[1]!);
    if (m[2] && !/^(WHERE|JOIN|ON|ORDER|GROUP|LIMIT|LEFT|INNER|CROSS|UNION)$/i.test(m[2])) tables.set(m[2], m[1]!);
  }
  const out: string[] = [];
  for (const r of rows) {
    const m = /^SCAN (\w+)$/.exec(r.detail.trim());
    if (m) out.push(tables.get(m[1]!) ?? m[1]!);
  }
  return out;
}

/**
 * Whether a plan sorts the rows it reads from a table to order them (a temporary B-tree for
 * ORDER BY beside the table's own SEARCH or SCAN), rather than reading them in order from an
 * index. Sorting the few rows of a LIMITed subquery (as keyset pages do to merge their
 * segments) does not count: there the sort sits beside the subquery's scan, not the table's.
 */
export function sortsTableRows(rows: readonly PlanRow[], alias: string): boolean {
  return rows.some(
    (r) =>
      r.detail === "USE TEMP B-TREE FOR ORDER BY" &&
      rows.some((other) => other.parent === r.parent && new RegExp(`^(SEARCH|SCAN) ${alias}\\b`).test(other.detail)),
  );
}
