import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { MarketConnection } from "./market-connection.type.js";
import { Market } from "./market.type.js";

/** Root lookups of markets and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Market)
export class MarketResolver {
  @Query(() => Market, { nullable: true, description: "One market by slug, e.g. `china-live-commerce`; null when no market has it." })
  async market(@Arg("slug", () => String, { description: "Slug of the market." }) slug: string, @Ctx() ctx: RequestContext): Promise<Market | null> {
    return entityBySlug(ctx, slug, Market);
  }

  @Query(() => MarketConnection, { description: "All markets, by slug." })
  markets(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, MarketConnection, { types: ["MARKET"] }, args, (r) => new Market(r));
  }

  @FieldResolver(() => Market, { nullable: true, description: "The broader market this one is part of, when recorded." })
  async partOf(@Root() e: Market, @Ctx() ctx: RequestContext): Promise<Market | null> {
    return relatedEntity(ctx, e.row.parentId, Market);
  }
}
