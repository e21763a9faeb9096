import type { Model } from "./model.js";

/**
 * The row id of every record the build writes, by slug: each table's records are numbered
 * from 1 in the model's order (by slug), so the same files always give the same ids.
 */
export interface RowIds {
  readonly entity: ReadonlyMap<string, number>;
  readonly report: ReadonlyMap<string, number>;
  readonly metric: ReadonlyMap<string, number>;
  readonly source: ReadonlyMap<string, number>;
  readonly statistic: ReadonlyMap<string, number>;
}

/** Numbers the model's records (see RowIds). */
export function rowIds(m: Model): RowIds {
  return {
    entity: new Map(m.entities.map((e, i) => [e.slug, i + 1])),
    report: new Map(m.reports.map((r, i) => [r.slug, i + 1])),
    metric: new Map(m.metrics.map((x, i) => [x.slug, i + 1])),
    source: new Map(m.sources.map((s, i) => [s.slug, i + 1])),
    statistic: new Map(m.statistics.map((s, i) => [s.slug, i + 1])),
  };
}

/** The row id of a slug that may be absent (null stays null); the slug is known to be in `ids`. */
export function idOf(ids: ReadonlyMap<string, number>, slug: string | null): number | null {
  return slug === null ? null : ids.get(slug)!;
}

/** SQLite's boolean. */
export function bool(b: boolean): number {
  return b ? 1 : 0;
}
