import { createHash } from "node:crypto";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { SearchSyntaxError } from "../../db/search.repo.js";
import { toConnection } from "../common/connection.js";
import { pageWindow } from "../common/page-args.js";
import { userError } from "../common/user-error.js";
import { type AnyNode, loadNodeByRow } from "../node/load-node.js";
import { SearchHitConnection } from "./search-hit-connection.type.js";
import { SearchHit } from "./search-hit.type.js";
import { compileSearchQuery } from "./search-query.js";
import { SearchResult } from "./search-result.union.js";
import { SearchArgs } from "./search.args.js";

/** Full-text search over statistics, sources, reports, metrics and entities. */
@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search (SQLite FTS5) over statistics, sources, reports, metrics and entities, most relevant first (bm25, a title match weighing 10× a body match), each hit with a highlighted snippet. Malformed queries are user errors (BAD_USER_INPUT) saying what is wrong.",
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: RequestContext) {
    const match = compileSearchQuery(args.query);
    const types = args.types?.length ? [...new Set(args.types)].sort() : undefined;
    // The list name binds cursors to this exact search, so a cursor of another search is refused.
    const list = `search:${createHash("sha256").update(JSON.stringify([match, types ?? []])).digest("base64url").slice(0, 16)}`;
    const window = pageWindow({ first: args.first, after: args.after }, list);
    if (!("first" in window)) throw new Error("unreachable: search pages forwards only");
    const after = window.after;
    if (after && typeof after.key !== "number") throw userError("Argument after: not a cursor of this search.", "after");
    try {
      const rows = ctx.repos.search.hits(match, types, after && { rank: after.key as number, rowid: after.id }, window.first + 1);
      // A hit's position in the ranked order (its cursor) is its rank, ties broken by rowid.
      const page = { rows: rows.slice(0, window.first).map((r) => ({ ...r, sortKey: r.rank, sortId: r.rowid })), hasNextPage: rows.length > window.first, hasPreviousPage: after !== undefined };
      const snippets = ctx.repos.search.snippets(match, page.rows.map((r) => r.rowid));
      return toConnection(SearchHitConnection, list, page, (r) => new SearchHit(r, snippets.get(r.rowid) ?? ""), () => ctx.repos.search.count(match, types));
    } catch (e) {
      if (e instanceof SearchSyntaxError) throw userError(`Argument query: the search engine refused it (${e.reason}).`, "query");
      throw e;
    }
  }

  @FieldResolver(() => SearchResult, { description: "What was found." })
  async node(@Root() hit: SearchHit, @Ctx() ctx: RequestContext): Promise<AnyNode> {
    const node = await loadNodeByRow(ctx, hit.row.kind, hit.row.refId);
    if (!node) throw new Error(`search_index row ${hit.row.rowid} points at a missing ${hit.row.kind} ${hit.row.refId}`);
    return node;
  }
}
