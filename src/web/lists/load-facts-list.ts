import type { WebDeps } from "../deps.js";
import { PageQueryError, runQuery } from "../run-query.js";
import {
  FACTS_PAGE_QUERY,
  FACTS_SEARCH_QUERY,
  FILTER_CHOICES_QUERY,
  type FactsPageResult,
  type FactsSearchResult,
  type FilterChoicesResult,
  type ListedFigure,
} from "./facts-list.query.js";
import type { Option } from "./search-form.js";

/** Figures shown on one page of the list. */
export const PAGE_SIZE = 25;

/** What the list was asked for, from the query string. */
export interface FactsListRequest {
  /** Words to search for (the API's search syntax); "" lists without searching. */
  readonly q: string;
  /** Metric slug to keep; "" for any. */
  readonly metric: string;
  /** Source slug to keep; "" for any. */
  readonly source: string;
  /** Cursor to continue after (next page). */
  readonly after: string;
  /** Cursor to go back before (previous page; lists without a search only). */
  readonly before: string;
}

/** One page of the list, ready to render. */
export interface FactsListData {
  readonly request: FactsListRequest;
  readonly metrics: readonly Option[];
  readonly sources: readonly Option[];
  readonly figures: readonly { readonly figure: ListedFigure; readonly snippet: string | null }[];
  /** Figures listed in all (without a search), or search hits among statistics (with one, before the filters). */
  readonly total: number;
  /** Cursor of the next page; null on the last. */
  readonly next: string | null;
  /** Cursor of the previous page; null on the first or when searching. */
  readonly previous: string | null;
  /** Why the API refused the request (a malformed search, an unknown slug); null otherwise. */
  readonly error: string | null;
}

/** Reads the list's parameters; values longer than anything valid are cut, never trusted. */
export function readFactsListRequest(url: URL): FactsListRequest {
  const get = (name: string, max: number) => (url.searchParams.get(name) ?? "").trim().slice(0, max);
  return { q: get("q", 200), metric: get("metric", 200), source: get("source", 200), after: get("after", 500), before: get("before", 500) };
}

/**
 * Loads one page of the figures list through the public API. Without a search it pages
 * `statistics` (newest period first) with the metric and source as filters. With one it runs
 * `search` among statistics and keeps the hits of the chosen metric and source, reading on
 * until a page is full (search has no filters of its own).
 */
export async function loadFactsList(execute: WebDeps["execute"], request: FactsListRequest): Promise<FactsListData> {
  const choices = await runQuery<FilterChoicesResult>(execute, FILTER_CHOICES_QUERY, {}, "FactsFilters");
  const metrics = choices.metrics.nodes.map((m) => ({ value: m.slug, label: m.name }));
  const sources = choices.sources.nodes.map((s) => ({ value: s.slug, label: sourceLabel(s) }));
  const base = { request, metrics, sources };
  try {
    return { ...base, ...(request.q ? await searchPage(execute, request) : await filteredPage(execute, request)), error: null };
  } catch (e) {
    if (e instanceof PageQueryError && e.userError) return { ...base, figures: [], total: 0, next: null, previous: null, error: e.messages.join(" ") };
    throw e;
  }
}

function sourceLabel(s: FilterChoicesResult["sources"]["nodes"][number]): string {
  const by = s.publisher?.name ?? s.publisherAsNamed;
  const title = s.title ?? s.url;
  return [by, s.publishedAt].filter(Boolean).join(", ") + (by || s.publishedAt ? ": " : "") + (title.length > 70 ? `${title.slice(0, 69)}…` : title);
}

async function filteredPage(execute: WebDeps["execute"], r: FactsListRequest) {
  const filter = { ...(r.metric ? { metric: r.metric } : {}), ...(r.source ? { source: r.source } : {}) };
  const paging = r.before ? { last: PAGE_SIZE, before: r.before } : { first: PAGE_SIZE, ...(r.after ? { after: r.after } : {}) };
  const { statistics } = await runQuery<FactsPageResult>(execute, FACTS_PAGE_QUERY, { filter, ...paging }, "FactsPage");
  const p = statistics.pageInfo;
  return {
    figures: statistics.nodes.map((figure) => ({ figure, snippet: null })),
    total: statistics.totalCount,
    next: p.hasNextPage ? p.endCursor : null,
    previous: p.hasPreviousPage || (r.before === "" && r.after !== "") ? p.startCursor : null,
  };
}

/** How many pages of 100 hits one page of the list reads at most while filtering. */
const MAX_SEARCH_PAGES = 5;

async function searchPage(execute: WebDeps["execute"], r: FactsListRequest) {
  const keep = (f: ListedFigure) => (!r.metric || f.metric.slug === r.metric) && (!r.source || f.citations.some((c) => c.source.slug === r.source));
  const figures: { figure: ListedFigure; snippet: string | null }[] = [];
  let after: string | null = r.after || null;
  let total = 0;
  for (let read = 0; read < MAX_SEARCH_PAGES; read++) {
    const { search } = await runQuery<FactsSearchResult>(execute, FACTS_SEARCH_QUERY, { q: r.q, after }, "FactsSearch");
    total = search.totalCount;
    for (const edge of search.edges) {
      if (!keep(edge.node.node)) {
        after = edge.cursor;
        continue;
      }
      // A full page: the next one starts after the last hit looked at.
      if (figures.length === PAGE_SIZE) return { figures, total, next: after, previous: null };
      figures.push({ figure: edge.node.node, snippet: edge.node.snippet });
      after = edge.cursor;
    }
    if (!search.pageInfo.hasNextPage) return { figures, total, next: null, previous: null };
    after = search.pageInfo.endCursor;
  }
  // Hits remain unread: the next page goes on from there.
  return { figures, total, next: after, previous: null };
}
