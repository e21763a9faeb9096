/**
 * The operations the metric pages run through the public API, and the shapes of their
 * results: a metric with every one of its statistics (page by page), its conflict groups, and
 * the list of metrics with their counts.
 */
import { type ApiUnit, CHART_STATISTIC_FIELDS, type ChartStatistic, UNIT_FIELDS } from "../chart/chart-block.js";

/** One page of a metric's statistics, oldest period first. */
export const METRIC_PAGE_QUERY = /* GraphQL */ `
  query MetricPage($slug: String!, $after: String) {
    metric(slug: $slug) {
      slug
      name
      description
      quantity
      unitDetails { ${UNIT_FIELDS} }
      statistics(first: 100, after: $after, orderBy: { field: PERIOD, direction: ASC }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ${CHART_STATISTIC_FIELDS} }
      }
    }
    knowledgeBase { dataVersion builtAt }
  }
`;

/** One page of conflict groups, of one metric or of all. */
export const CONFLICTS_QUERY = /* GraphQL */ `
  query MetricConflicts($metric: String, $after: String) {
    conflicts(metric: $metric, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { metrics { slug } statistics { slug } }
    }
  }
`;

/** Every metric with its number of figures (one page of 100; the knowledge base has fewer). */
export const METRICS_LIST_QUERY = /* GraphQL */ `
  query MetricsList($after: String) {
    metrics(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { slug name description quantity statistics(first: 1) { totalCount } }
    }
    knowledgeBase { dataVersion builtAt }
  }
`;

/** The result of METRIC_PAGE_QUERY. */
export interface MetricPageResult {
  readonly metric: {
    readonly slug: string;
    readonly name: string;
    readonly description: string;
    readonly quantity: string;
    readonly unitDetails: readonly ApiUnit[];
    readonly statistics: {
      readonly totalCount: number;
      readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
      readonly nodes: readonly ChartStatistic[];
    };
  } | null;
  readonly knowledgeBase: { readonly dataVersion: string; readonly builtAt: string };
}

/** The result of CONFLICTS_QUERY. */
export interface ConflictsResult {
  readonly conflicts: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly { readonly metrics: readonly { readonly slug: string }[]; readonly statistics: readonly { readonly slug: string }[] }[];
  };
}

/** The result of METRICS_LIST_QUERY. */
export interface MetricsListResult {
  readonly metrics: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly { readonly slug: string; readonly name: string; readonly description: string; readonly quantity: string; readonly statistics: { readonly totalCount: number } }[];
  };
  readonly knowledgeBase: { readonly dataVersion: string; readonly builtAt: string };
}
