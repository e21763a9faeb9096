import type { KeysetOrder } from "./keyset.js";
import { type Page, type PageWindow, countRows, readPage } from "./page.js";
import type { Statements } from "./statements.js";

/** A metric: what a statistic measures. */
export interface MetricRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly quantity: string;
}

/** A unit a metric's values may be given in. */
export interface MetricUnitRow {
  readonly metricId: number;
  readonly unit: string;
}

/** A metric related to another one. */
export interface MetricRelationRow {
  readonly metricId: number;
  readonly relatedId: number;
  readonly relation: "EQUIVALENT" | "DIFFERENT_SCOPE";
  readonly scale: number | null;
  readonly offset: number | null;
  readonly note: string;
}

const COLUMNS = "m.id, m.slug, m.name, m.description, m.quantity";
const RELATION_COLUMNS = "metric_id AS metricId, related_id AS relatedId, relation, scale, offset, note";
const BY_SLUG: KeysetOrder = { key: "m.slug", id: "m.id", nullable: false, descending: false };

/** Reads metrics, their units and related metrics. */
export class MetricRepository {
  constructor(private readonly run: Statements) {}

  /** Metrics by row id, in any order. */
  byIds(ids: readonly number[]): MetricRow[] {
    return this.run.byKeys("metrics.byIds", (list) => `SELECT ${COLUMNS} FROM metric m WHERE m.id IN (${list})`, ids);
  }

  /** Metrics by slug, in any order. */
  bySlugs(slugs: readonly string[]): MetricRow[] {
    return this.run.byKeys("metrics.bySlugs", (list) => `SELECT ${COLUMNS} FROM metric m WHERE m.slug IN (${list})`, slugs);
  }

  /** Units of the given metrics, alphabetically. */
  units(metricIds: readonly number[]): MetricUnitRow[] {
    return this.run.byKeys("metrics.units", (list) => `SELECT metric_id AS metricId, unit FROM metric_unit WHERE metric_id IN (${list}) ORDER BY metric_id, unit`, metricIds);
  }

  /** Metrics related to the given ones. */
  related(metricIds: readonly number[]): MetricRelationRow[] {
    return this.run.byKeys("metrics.related", (list) => `SELECT ${RELATION_COLUMNS} FROM metric_related WHERE metric_id IN (${list}) ORDER BY metric_id, related_id`, metricIds);
  }

  /**
   * Every relation that touches the given metrics, whichever side declared it (agreement
   * counts a relation from either side). A relation between two of the metrics comes once.
   */
  relationsTouching(metricIds: readonly number[]): MetricRelationRow[] {
    return this.run.byKeySets(
      "metrics.relationsTouching",
      (declared, related) =>
        `SELECT ${RELATION_COLUMNS} FROM metric_related WHERE metric_id IN (${declared}) UNION SELECT ${RELATION_COLUMNS} FROM metric_related WHERE related_id IN (${related}) ORDER BY metricId, relatedId`,
      metricIds,
      metricIds,
    );
  }

  /** Every relation between metrics (for knowledge-base-wide analyses such as conflict groups). */
  allRelations(): MetricRelationRow[] {
    return this.run.allCached<MetricRelationRow>("metrics.allRelations", `SELECT ${RELATION_COLUMNS} FROM metric_related ORDER BY metricId, relatedId`);
  }

  /** A page of metrics in slug order. */
  page(window: PageWindow): Page<MetricRow> {
    return readPage(this.run, { select: COLUMNS, from: "metric m", where: [], params: [] }, BY_SLUG, window);
  }

  /** How many metrics there are. */
  count(): number {
    return this.run.cached("metrics.count", [], () => countRows(this.run, { select: COLUMNS, from: "metric m", where: [], params: [] }));
  }
}
