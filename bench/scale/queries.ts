/**
 * The in-process queries of `npm run bench:scale`, over a synthetic knowledge base (see
 * src/ingest/synth.ts: metrics `metric-0..39`, markets `market-0..399`, statistics `stat-N`
 * stated in sentences such as "In 2019, market-17 recorded about 123.4 CNY of Metric 17
 * (stat-17).").
 */

/** A page of 20 statistics of one metric, filtered by period overlap and ordered by a key. */
export const FILTERED_PAGE = `query FilteredPage($metric: String!, $from: LocalDate!, $to: LocalDate!, $field: StatisticOrderField!, $direction: OrderDirection!) {
  statistics(filter: { metric: $metric, periodFrom: $from, periodTo: $to }, orderBy: { field: $field, direction: $direction }, first: 20) {
    pageInfo { endCursor hasNextPage }
    nodes { slug kind value { amount unit comparator } period { label } subject { slug name } citations { slug source { slug } } }
  }
}`;

/** The edges of the last page of all statistics in an order (to take a cursor from; not timed). */
export const LAST_EDGES = `query LastEdges($field: StatisticOrderField!, $direction: OrderDirection!) {
  statistics(orderBy: { field: $field, direction: $direction }, last: 21) { edges { cursor } }
}`;

/** The page after a cursor: with the cursor of the 21st row from the end, the last page. */
export const PAGE_AFTER = `query PageAfter($field: StatisticOrderField!, $direction: OrderDirection!, $after: String!) {
  statistics(orderBy: { field: $field, direction: $direction }, first: 20, after: $after) {
    pageInfo { endCursor hasNextPage }
    nodes { slug value { amount unit } period { label } }
  }
}`;

/** A search with 20 hits, their snippets and what they are. */
export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 20) {
    nodes { rank snippet node { __typename ... on Statistic { slug } ... on Source { slug } } }
  }
}`;

/** Query text of a specific search: words found with one statistic only (its slug, as its sentence and its source's text give it). */
export function specificSearch(statistic: number): string {
  return `"stat-${statistic}" recorded`;
}

/** Query text of a broad search: a market and a metric, which match one statistic in 400 of any knowledge base. */
export function broadSearch(market: number): string {
  return `"market-${market}" "Metric ${market % 40}"`;
}

/** Runs one operation and returns its data (in-process or over HTTP); throws on errors. */
export type Executor = (query: string, variables: Record<string, unknown>) => Promise<any>;

const ORDERS = [
  ["PERIOD", "ASC"],
  ["VALUE", "DESC"],
  ["PUBLISHED", "DESC"],
  ["PERIOD", "DESC"],
  ["VALUE", "ASC"],
] as const;
/** The orders the cases rotate through (the i-th execution uses ORDER_LABELS[i % 5]). */
export const ORDER_LABELS = ORDERS.map(([field, direction]) => `${field} ${direction}`);

// Wide enough that every window keeps more than a page of a metric's statistics even at 1,000
// statistics (the synthetic periods run from 2015 to 2024), so every size returns full pages.
const WINDOWS = [
  ["2015-01-01", "2024-12-31"],
  ["2015-07-01", "2024-06-30"],
  ["2016-01-01", "2024-12-31"],
] as const;

/**
 * The measured cases over a knowledge base of `statistics` synthetic statistics: the i-th
 * execution of a case varies its metric, window, order or search, so a case's timings are
 * not those of one query. Takes the last-page cursors first (not part of any case).
 */
export async function scaleCases(run: Executor, statistics: number): Promise<Record<string, (i: number) => Promise<unknown>>> {
  const lastCursors: { field: string; direction: string; after: string }[] = [];
  for (const [field, direction] of ORDERS) {
    const edges = (await run(LAST_EDGES, { field, direction })).statistics.edges as { cursor: string }[];
    lastCursors.push({ field, direction, after: edges[0]!.cursor });
  }
  const markets = Math.min(400, statistics);
  return {
    "filtered page": (i) => {
      const [field, direction] = ORDERS[i % ORDERS.length]!;
      const [from, to] = WINDOWS[i % WINDOWS.length]!;
      return run(FILTERED_PAGE, { metric: `metric-${i % 40}`, from, to, field, direction });
    },
    "last page": (i) => run(PAGE_AFTER, lastCursors[i % lastCursors.length]!),
    "search, specific": (i) => run(SEARCH, { query: specificSearch(Math.floor((((i * 7919) % 997) / 997) * statistics)) }),
    "search, broad": (i) => run(SEARCH, { query: broadSearch(i % markets) }),
  };
}
