import type Database from "better-sqlite3";

/** Values a statement can bind: SQLite's scalar types as better-sqlite3 accepts them. */
export type SqlValue = string | number | bigint | null;

/** Runs SQL for the repositories' helpers (batch.ts, page.ts): Statements does, for one request. */
export interface RunsStatements {
  /** Every row of `sql` with `params` bound. */
  all<Row>(sql: string, params?: readonly SqlValue[]): Row[];
  /** The first row of `sql`, or undefined. */
  get<Row>(sql: string, params?: readonly SqlValue[]): Row | undefined;
}

/**
 * One SQL statement, prepared once per database and counted every time it runs. Repositories
 * run them only through Statements (statements.ts), so the count the wrapper keeps is the
 * number of statements requests ran (the batching tests and benchmarks read it).
 */
export class Query<Row> {
  constructor(
    private readonly statement: Database.Statement,
    private readonly counter: StatementCounter,
  ) {}

  /** The first row, or undefined when there is none. */
  get(...params: readonly SqlValue[]): Row | undefined {
    this.counter.count(this.statement.source);
    return this.statement.get(...params) as Row | undefined;
  }

  /** Every row. */
  all(...params: readonly SqlValue[]): Row[] {
    this.counter.count(this.statement.source);
    return this.statement.all(...params) as Row[];
  }
}

/** Counts executed statements and tells listeners (tests, diagnostics) which SQL ran. */
class StatementCounter {
  executed = 0;
  readonly listeners = new Set<(sql: string) => void>();

  count(sql: string): void {
    this.executed++;
    for (const l of this.listeners) l(sql);
  }
}

/**
 * The knowledge base's SQLite connection with a cache of prepared statements keyed by their
 * SQL text, so that a statement is compiled once per database and reused by every request.
 * The set of distinct SQL texts is finite (filters, orders and batch sizes come from closed
 * sets), so the cache needs no eviction.
 */
export class KnowledgeDb {
  private readonly statements = new Map<string, Query<unknown>>();
  private readonly counter = new StatementCounter();

  constructor(
    /** The underlying connection; only open.ts and tests should need it. */
    readonly sqlite: Database.Database,
  ) {}

  /** The prepared statement for `sql`, compiled on first use (Statements runs it, checking the request's deadline). */
  query<Row>(sql: string): Query<Row> {
    let q = this.statements.get(sql);
    if (!q) {
      q = new Query(this.sqlite.prepare(sql), this.counter);
      this.statements.set(sql, q);
    }
    return q as Query<Row>;
  }

  /** How many statements have run on this connection since it was opened. */
  get statementsExecuted(): number {
    return this.counter.executed;
  }

  /** Calls `listener` with the SQL of every statement run until the returned function is called. */
  onStatement(listener: (sql: string) => void): () => void {
    this.counter.listeners.add(listener);
    return () => this.counter.listeners.delete(listener);
  }

  /** How many distinct statements have been prepared (for tests and diagnostics). */
  get statementsPrepared(): number {
    return this.statements.size;
  }

  /** Closes the connection; the statements become unusable. */
  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
