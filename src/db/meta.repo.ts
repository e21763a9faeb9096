import type { Statements } from "./statements.js";

/** What the build recorded about the database in its `meta` table. */
export interface BuildInfo {
  /** SHA-256 over the curated files and the build format: the data version. */
  readonly dataVersion: string;
  /** When the database was built (ISO 8601 date-time). */
  readonly builtAt: string;
  /** Row counts by kind, as the build wrote them. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Reads the build's meta table. */
export class MetaRepository {
  constructor(private readonly run: Statements) {}

  /** The data version, build time and counts; throws when the database has no build record. */
  buildInfo(): BuildInfo {
    return this.run.cached("meta.buildInfo", [], () => this.readBuildInfo());
  }

  private readBuildInfo(): BuildInfo {
    const rows = this.run.all<{ key: string; value: string }>("SELECT key, value FROM meta");
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const dataVersion = meta.get("data_version");
    const builtAt = meta.get("built_at");
    if (!dataVersion || !builtAt) throw new Error("the database has no data_version/built_at in its meta table: rebuild it with `npm run db:build`");
    return { dataVersion, builtAt, counts: JSON.parse(meta.get("counts") ?? "{}") as Record<string, number> };
  }
}
