import type Database from "better-sqlite3";
import { placeholders } from "../db/batch.js";
import type { SqlValue } from "../db/database.js";
import type { SearchWriter } from "./search-writer.js";

/**
 * Inserts rows several at a time, with one multi-row INSERT per `perStatement` rows (the rest
 * one by one at `flush`): the same rows in the same order, with a fraction of the calls into
 * SQLite and of its per-statement work, which count at a million rows.
 */
export class BatchedInsert {
  private readonly values: SqlValue[] = [];
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(
    db: Database.Database,
    /** `INSERT INTO table(columns) VALUES`, without the placeholders. */
    head: string,
    private readonly columns: number,
    private readonly perStatement: number,
  ) {
    const row = `(${placeholders(columns)})`;
    this.many = db.prepare(`${head} ${Array.from({ length: perStatement }, () => row).join(",")}`);
    this.one = db.prepare(`${head} ${row}`);
  }

  /** Adds one row: its values in column order. */
  add(...row: SqlValue[]): void {
    for (const v of row) this.values.push(v);
    if (this.values.length === this.columns * this.perStatement) {
      this.many.run(...this.values);
      this.values.length = 0;
    }
  }

  /** Inserts the rows still waiting. */
  flush(): void {
    for (let i = 0; i < this.values.length; i += this.columns) this.one.run(...this.values.slice(i, i + this.columns));
    this.values.length = 0;
  }
}

/**
 * Rows per INSERT. A multi-row INSERT runs in a statement savepoint, at which FTS5 writes out
 * the index entries it buffers: on the connection that also fills search_index, that would cut
 * the index into many small segments (a different index, slower to build), so rows go one at
 * a time there.
 */
export function rowsPerStatement(search: SearchWriter, rows: number): number {
  return search.separate ? rows : 1;
}
