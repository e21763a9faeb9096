import { createHash } from "node:crypto";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { nameKey } from "../../db/name-key.js";
import { SearchCursorError, type SearchKeyset, SearchSyntaxError } from "../../db/search.repo.js";
import { toConnection } from "../common/connection.js";
import { pageWindow } from "../common/page-args.js";
import { userError } from "../common/user-error.js";
import { type AnyNode, loadNodeByRow } from "../node/load-node.js";
import { SearchHitConnection } from "./search-hit-connection.type.js";
import { SearchHit } from "./search-hit.type.js";
import { compileSearchQuery, queriedName } from "./search-query.js";
import { SearchResult } from "./search-result.union.js";
import { SearchArgs } from "./search.args.js";

/** The sort key of an exact-name hit's cursor (a full-text hit's is its bm25 rank, a number). */
const NAME_MATCH_KEY = "name";

/** Full-text search over statistics, sources, reports, metrics and entities. */
@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search (SQLite FTS5) over statistics, sources, reports, metrics and entities, each hit with a highlighted snippet. An entity whose name, name in another language or alias equals the query (ignoring case and spacing; also when the query is that name in double quotes) comes first (`nameMatch`); then the hits most relevant first (bm25, a title match weighing 10× a body match). Malformed queries are user errors (BAD_USER_INPUT) saying what is wrong.",
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: RequestContext) {
    const match = compileSearchQuery(args.query);
    const name = queriedName(args.query);
    const types = args.types?.length ? [...new Set(args.types)].sort() : undefined;
    // The list name binds cursors to this exact search (the name too: it decides which hits
    // come first), so a cursor of another search is refused.
    const list = `search:${createHash("sha256").update(JSON.stringify([match, types ?? [], nameKey(name)])).digest("base64url").slice(0, 16)}`;
    const window = pageWindow({ first: args.first, after: args.after }, list);
    if (!("first" in window)) throw new Error("unreachable: search pages forwards only");
    const after = window.after;
    const notOurs = () => userError("Argument after: not a cursor of this search.", "after");
    let position: SearchKeyset | undefined;
    if (after) {
      if (after.key === NAME_MATCH_KEY) position = { nameMatch: true, rowid: after.id };
      else if (typeof after.key === "number") position = { rank: after.key, rowid: after.id };
      else throw notOurs();
    }
    try {
      const rows = ctx.repos.search.hits(match, types, position, window.first + 1, name);
      // A hit's position (its cursor): an exact-name hit's is its rowid among them; another
      // hit's is its rank, ties broken by rowid.
      const sortKey = (r: (typeof rows)[number]) => (r.nameMatch ? NAME_MATCH_KEY : r.rank);
      const page = { rows: rows.slice(0, window.first).map((r) => ({ ...r, sortKey: sortKey(r), sortId: r.rowid })), hasNextPage: rows.length > window.first, hasPreviousPage: after !== undefined };
      const snippets = ctx.repos.search.snippets(match, page.rows.map((r) => r.rowid));
      return toConnection(SearchHitConnection, list, page, (r) => new SearchHit(r, snippets.get(r.rowid) ?? ""), () => ctx.repos.search.count(match, types));
    } catch (e) {
      if (e instanceof SearchSyntaxError) throw userError("Argument query: the search engine could not read it; write it with fewer operators and parentheses.", "query");
      if (e instanceof SearchCursorError) throw notOurs();
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
