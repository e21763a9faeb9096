import type { WebDeps } from "./deps.js";

/** The API answered a page's query with errors; `userError` when the request itself was at fault (a malformed search). */
export class PageQueryError extends Error {
  constructor(
    readonly messages: readonly string[],
    readonly userError: boolean,
  ) {
    super(`a page's query failed: ${messages.join("; ")}`);
  }
}

/**
 * Runs one of the pages' operations through the public API (the same pipeline and limits as
 * /graphql) and returns its data; throws PageQueryError when the API answered with errors.
 */
export async function runQuery<T>(execute: WebDeps["execute"], query: string, variables: Record<string, unknown>, operationName: string): Promise<T> {
  const response = await execute({ query, variables, operationName });
  if (response.body.kind !== "single") throw new PageQueryError(["expected a single result, got an incremental one"], false);
  const { data, errors } = response.body.singleResult;
  if (errors?.length || !data) {
    const all = errors ?? [];
    throw new PageQueryError(
      all.map((e) => e.message),
      all.length > 0 && all.every((e) => e.extensions?.code === "BAD_USER_INPUT"),
    );
  }
  return data as T;
}

/**
 * Every node of a paged list, following `endCursor` while `hasNextPage`, up to `maxPages`
 * pages (a guard: the knowledge base's lists are far shorter).
 */
export async function allPages<R, N>(
  fetchPage: (after: string | null) => Promise<R>,
  pageOf: (result: R) => { readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null }; readonly nodes: readonly N[] } | null,
  maxPages = 20,
): Promise<{ first: R; nodes: N[] }> {
  const first = await fetchPage(null);
  const nodes: N[] = [];
  let page = pageOf(first);
  for (let i = 0; page; i++) {
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || i + 1 >= maxPages) break;
    page = pageOf(await fetchPage(page.pageInfo.endCursor));
  }
  return { first, nodes };
}
