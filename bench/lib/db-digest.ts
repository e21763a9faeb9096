import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/** A digest of a built knowledge base's logical content, table by table. */
export interface DbDigest {
  /** SHA-256 over everything below. */
  readonly all: string;
  /** Per table (and for the schema and the full-text index): row count and SHA-256. */
  readonly parts: Record<string, { rows: number; sha256: string }>;
}

/**
 * Digests what a database holds, independent of how its pages are laid out: the schema
 * (every CREATE statement), every row of every table in key order with its value types
 * (FTS5's own tables and the planner's statistics included), the rows of the full-text table
 * and its vocabulary (term, documents, occurrences). Two builds with equal digests hold the
 * same data, so a faster build can be shown to write what the previous one wrote.
 * `meta.built_at` is left out (it is the clock).
 */
export function digestDatabase(path: string): DbDigest {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const parts: Record<string, { rows: number; sha256: string }> = {};
    const add = (name: string, rows: Iterable<unknown[]>) => {
      const h = createHash("sha256");
      let n = 0;
      for (const r of rows) {
        h.update(JSON.stringify(r.map((v) => (v instanceof Uint8Array ? `x${Buffer.from(v).toString("hex")}` : typeof v === "number" && !Number.isInteger(v) ? `r${v}` : v))));
        h.update("\n");
        n++;
      }
      parts[name] = { rows: n, sha256: h.digest("hex") };
    };
    add(
      "(schema)",
      db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name").raw().iterate() as Iterable<unknown[]>,
    );
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    for (const t of tables) {
      if (/^CREATE VIRTUAL TABLE/i.test(t.sql)) {
        add(t.name, db.prepare(`SELECT rowid, * FROM "${t.name}" ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>);
        continue;
      }
      // Every column, in key order (all columns for the planner's statistics, which have no key).
      const columns = (db.prepare(`SELECT name, pk FROM pragma_table_info('${t.name}')`).all() as { name: string; pk: number }[]);
      const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
      const order = keys.length ? keys : t.name.startsWith("sqlite_stat") ? columns.map((c) => `"${c.name}"`) : ["rowid"];
      const where = t.name === "meta" ? " WHERE key <> 'built_at'" : "";
      add(t.name, db.prepare(`SELECT * FROM "${t.name}"${where} ORDER BY ${order.join(", ")}`).raw().iterate() as Iterable<unknown[]>);
    }
    // The index behind search: checked against its content, then its vocabulary digested.
    const fts = tables.filter((t) => /USING fts5/i.test(t.sql));
    for (const t of fts) {
      db.exec(`CREATE VIRTUAL TABLE temp."${t.name}_vocab" USING fts5vocab(main, "${t.name}", 'row')`);
      add(`${t.name} (vocabulary)`, db.prepare(`SELECT term, doc, cnt FROM temp."${t.name}_vocab" ORDER BY term`).raw().iterate() as Iterable<unknown[]>);
    }
    const all = createHash("sha256");
    for (const [k, v] of Object.entries(parts)) all.update(`${k}:${v.rows}:${v.sha256}\n`);
    return { all: all.digest("hex"), parts };
  } finally {
    db.close();
  }
}
