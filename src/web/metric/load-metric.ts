import type { ChartStatistic } from "../chart/chart-block.js";
import type { WebDeps } from "../deps.js";
import { allPages, runQuery } from "../run-query.js";
import { CONFLICTS_QUERY, type ConflictsResult, METRIC_PAGE_QUERY, type MetricPageResult, METRICS_LIST_QUERY, type MetricsListResult } from "./metric.query.js";

/** A metric with all its statistics and, by statistic slug, the number of the conflict group it is in. */
export interface MetricPageData {
  readonly metric: NonNullable<MetricPageResult["metric"]>;
  readonly statistics: readonly ChartStatistic[];
  /** Conflict group numbers (1, 2, ... in the API's order) by member slug. */
  readonly conflictGroupOf: ReadonlyMap<string, number>;
  readonly groupCount: number;
  readonly knowledgeBase: MetricPageResult["knowledgeBase"];
}

/** Conflict group numbers by member slug, of one metric's groups or of all; and how many groups there are. */
export async function loadConflictGroups(execute: WebDeps["execute"], metric: string | null): Promise<{ groupOf: Map<string, number>; groups: ConflictsResult["conflicts"]["nodes"] }> {
  const { nodes } = await allPages(
    (after) => runQuery<ConflictsResult>(execute, CONFLICTS_QUERY, { metric, after }, "MetricConflicts"),
    (r) => r.conflicts,
  );
  const groupOf = new Map<string, number>();
  nodes.forEach((g, i) => {
    for (const s of g.statistics) groupOf.set(s.slug, i + 1);
  });
  return { groupOf, groups: nodes };
}

/**
 * Loads a metric page through the public API: the metric's first page of statistics, then
 * (when the metric exists; an unknown slug is a user error for the conflicts) the other
 * pages and its conflict groups. Null when no metric has the slug.
 */
export async function loadMetricPage(execute: WebDeps["execute"], slug: string): Promise<MetricPageData | null> {
  const fetchPage = (after: string | null) => runQuery<MetricPageResult>(execute, METRIC_PAGE_QUERY, { slug, after }, "MetricPage");
  const head = await fetchPage(null);
  if (!head.metric) return null;
  const [{ nodes }, conflicts] = await Promise.all([
    allPages((after) => (after === null ? Promise.resolve(head) : fetchPage(after)), (r) => r.metric?.statistics ?? null),
    loadConflictGroups(execute, slug),
  ]);
  return {
    metric: head.metric,
    statistics: nodes,
    conflictGroupOf: conflicts.groupOf,
    groupCount: conflicts.groups.length,
    knowledgeBase: head.knowledgeBase,
  };
}

/** Every metric with its number of figures and of conflict groups. */
export async function loadMetricsList(execute: WebDeps["execute"]): Promise<{ metrics: MetricsListResult["metrics"]["nodes"]; conflictsByMetric: Map<string, number>; knowledgeBase: MetricsListResult["knowledgeBase"] }> {
  const [{ first, nodes }, conflicts] = await Promise.all([
    allPages((after) => runQuery<MetricsListResult>(execute, METRICS_LIST_QUERY, { after }, "MetricsList"), (r) => r.metrics),
    loadConflictGroups(execute, null),
  ]);
  const conflictsByMetric = new Map<string, number>();
  for (const g of conflicts.groups) for (const m of g.metrics) conflictsByMetric.set(m.slug, (conflictsByMetric.get(m.slug) ?? 0) + 1);
  return { metrics: nodes, conflictsByMetric, knowledgeBase: first.knowledgeBase };
}
