/**
 * The operations of the figures list (/facts): the metrics and sources to filter by, a page of
 * statistics (filtered), and a page of search hits among statistics.
 */

/** The fields each listed figure shows. */
const LISTED = /* GraphQL */ `
  slug kind
  metric { slug name }
  subject { name }
  value { display }
  period { label }
  producers { name }
  citations { source { slug } }
`;

/** The choices of the filters. */
export const FILTER_CHOICES_QUERY = /* GraphQL */ `
  query FactsFilters {
    metrics(first: 100) { nodes { slug name } }
    sources(first: 100) { nodes { slug title url publishedAt publisherAsNamed publisher { name } } }
  }
`;

/** A page of figures, newest period first; `filter` narrows by metric and source. */
export const FACTS_PAGE_QUERY = /* GraphQL */ `
  query FactsPage($filter: StatisticFilter, $first: Int, $after: String, $last: Int, $before: String) {
    statistics(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: { field: PERIOD, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      nodes { ${LISTED} }
    }
  }
`;

/** A page of search hits among statistics. */
export const FACTS_SEARCH_QUERY = /* GraphQL */ `
  query FactsSearch($q: String!, $after: String) {
    search(query: $q, types: [STATISTIC], first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { snippet node { ... on Statistic { ${LISTED} } } } }
    }
  }
`;

/** A figure as the list shows it. */
export interface ListedFigure {
  readonly slug: string;
  readonly kind: string;
  readonly metric: { readonly slug: string; readonly name: string };
  readonly subject: { readonly name: string };
  readonly value: { readonly display: string };
  readonly period: { readonly label: string } | null;
  readonly producers: readonly { readonly name: string }[];
  readonly citations: readonly { readonly source: { readonly slug: string } }[];
}

/** The result of FILTER_CHOICES_QUERY. */
export interface FilterChoicesResult {
  readonly metrics: { readonly nodes: readonly { readonly slug: string; readonly name: string }[] };
  readonly sources: {
    readonly nodes: readonly { readonly slug: string; readonly title: string | null; readonly url: string; readonly publishedAt: string | null; readonly publisherAsNamed: string | null; readonly publisher: { readonly name: string } | null }[];
  };
}

/** The result of FACTS_PAGE_QUERY. */
export interface FactsPageResult {
  readonly statistics: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
    readonly nodes: readonly ListedFigure[];
  };
}

/** The result of FACTS_SEARCH_QUERY. */
export interface FactsSearchResult {
  readonly search: {
    readonly totalCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly cursor: string; readonly node: { readonly snippet: string; readonly node: ListedFigure } }[];
  };
}
