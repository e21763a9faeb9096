import { selectByKeySets, selectByKeys, selectByTuples } from "./batch.js";
import type { KnowledgeDb, SqlValue } from "./database.js";
import type { Deadline } from "./deadline.js";
import { RowCache } from "./row-cache.js";

/**
 * The one way the repositories run SQL, made for one request (src/schema/context.ts) or for
 * work outside requests (`kb.repos`). Every statement passes through `all` or `get`, which
 * first check the request's deadline: a request past it stops issuing statements and the rest
 * of its work is abandoned (resolvers are synchronous SQLite calls, so nothing else could
 * interrupt them). A repository read that may be shared across requests says so by going
 * through `cached` (or `byKeys` and its kin, which do): with a row cache, the same read with
 * the same arguments is then answered from it, by any request, without SQL. The deadline is
 * checked on a cache hit too.
 */
export class Statements {
  constructor(
    private readonly db: KnowledgeDb,
    /** The request's deadline; none outside requests. */
    readonly deadline?: Deadline | undefined,
    /** The server's row cache; none when it is off (and outside requests). */
    readonly rowCache?: RowCache | undefined,
  ) {}

  /** Every row of `sql` with `params` bound, after checking the deadline. Never cached. */
  all<Row>(sql: string, params: readonly SqlValue[] = []): Row[] {
    this.deadline?.check();
    return this.db.query<Row>(sql).all(...params);
  }

  /** The first row of `sql` (undefined when there is none), after checking the deadline. Never cached. */
  get<Row>(sql: string, params: readonly SqlValue[] = []): Row | undefined {
    this.deadline?.check();
    return this.db.query<Row>(sql).get(...params);
  }

  /**
   * `read()`, or its result kept by the row cache under `name` (`repository.method`) and
   * `args` when the same read was made before. Kept only when every argument is a primitive or
   * a list of them and the result is plain data of at most RowCache.MAX_ROWS rows; it is
   * frozen, since every request that reads it shares it.
   */
  cached<T>(name: string, args: readonly unknown[], read: () => T): T {
    this.deadline?.check();
    return this.rowCache ? (this.rowCache.call(name, args, read) as T) : read();
  }

  /** The rows of a read by keys (`selectByKeys`: one `?` per key, batched), kept by the row cache as `name`. */
  byKeys<Row, K extends SqlValue>(name: string, sql: (inList: string) => string, keys: readonly K[], leading?: readonly SqlValue[]): Row[] {
    // `cached` spelt out: the hot path of a warm request (dozens of these per fact card) makes no closure.
    this.deadline?.check();
    const cache = this.rowCache;
    const key = cache === undefined ? undefined : RowCache.keyOfKeys(name, keys, leading);
    if (key !== undefined) {
      const hit = cache!.get(key);
      if (hit !== undefined) return hit as Row[];
    }
    const rows = selectByKeys<Row, K>(this, sql, keys, leading);
    if (key !== undefined) cache!.keep(key, rows);
    return rows;
  }

  /** The rows of a read by two sets of keys (`selectByKeySets`), kept by the row cache as `name`. */
  byKeySets<Row, A extends SqlValue, B extends SqlValue>(name: string, sql: (first: string, second: string) => string, first: readonly A[], second: readonly B[]): Row[] {
    return this.cached(name, [first, second], () => selectByKeySets<Row, A, B>(this, sql, first, second));
  }

  /** The rows of a read by composite keys (`selectByTuples`); not kept (tuples are not primitives). */
  byTuples<Row>(sql: (values: string) => string, tuples: readonly (readonly SqlValue[])[], width: number): Row[] {
    this.deadline?.check();
    return selectByTuples<Row>(this, sql, tuples, width);
  }

  /** Every row of `sql` (a statement without parameters: a whole registry), kept by the row cache as `name`. */
  allCached<Row>(name: string, sql: string): Row[] {
    return this.cached(name, [], () => this.all<Row>(sql));
  }
}
