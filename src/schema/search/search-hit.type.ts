import { Field, Float, ObjectType } from "type-graphql";
import type { SearchHitRow } from "../../db/search.repo.js";

/** One search hit: where it matched, how well, and (resolved in search-hit.resolver.ts) what it is. */
@ObjectType("SearchHit", { description: "One search result: the object found, a highlighted snippet of where it matched, and its relevance.", simpleResolvers: true })
export class SearchHit {
  /** The stored hit, for resolvers (not a GraphQL field). */
  readonly row: SearchHitRow;

  @Field(() => String, {
    description:
      "About 16 words of the best-matching text around the matches, with each matched term wrapped in <mark>…</mark> and '…' where text was cut. The text itself is not HTML-escaped.",
  })
  readonly snippet: string;

  @Field(() => Float, {
    description:
      "SQLite FTS5 bm25 relevance with a title match weighted 10× a body match. Lower (more negative) is more relevant; results come sorted by it, after the exact-name hits (`nameMatch`), which are sorted by it among themselves.",
  })
  readonly rank: number;

  @Field(() => Boolean, {
    description:
      "True when the hit is an entity whose name, name in another language or alias equals the query, ignoring letter case and spacing (also when the query is that name in double quotes). Such hits come before all others.",
  })
  readonly nameMatch: boolean;

  constructor(row: SearchHitRow, snippet: string) {
    this.row = row;
    this.snippet = snippet;
    this.rank = row.rank;
    this.nameMatch = row.nameMatch === true;
  }
}
