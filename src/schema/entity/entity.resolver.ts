import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { restrict, statisticCriteria } from "../statistic/statistic-criteria.js";
import { StatisticConnection } from "../statistic/statistic-connection.type.js";
import { statisticConnection } from "../statistic/statistic-list.js";
import { StatisticsArgs } from "../statistic/statistic.args.js";
import { EntityConnection } from "./entity-connection.type.js";
import { entityConnection } from "./entity-list.js";
import { entityNode } from "./entity-node.js";
import { EntitiesArgs } from "./entity.args.js";
import { Entity } from "./entity.type.js";
import { LocalizedName } from "./localized-name.type.js";

/** Root lookups of any entity, and the fields every entity type shares. */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: "Any entity (platform, organization, MCN, brand, person, market or event) by slug; null when none has it." })
  async entity(@Arg("slug", () => String, { description: "Slug of the entity, e.g. `taobao-live`." }) slug: string, @Ctx() ctx: RequestContext): Promise<Entity | null> {
    const row = await ctx.loaders.entityBySlug.load(slug);
    return row && entityNode(row);
  }

  @Query(() => EntityConnection, { description: "Entities of every type (or of the types asked for), by slug." })
  entities(@Args(() => EntitiesArgs) args: EntitiesArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, EntityConnection, { types: args.types?.length ? args.types : undefined }, args, entityNode);
  }

  @FieldResolver(() => [LocalizedName], { description: "Names in other languages (BCP 47 tags), e.g. zh-Hans 淘宝直播; empty when none is recorded." })
  async names(@Root() e: Entity, @Ctx() ctx: RequestContext): Promise<LocalizedName[]> {
    return (await ctx.loaders.entityNames.load(e.row.id)).filter((n) => n.isAlias === 0).map((n) => new LocalizedName(n));
  }

  @FieldResolver(() => [String], { description: "Other names it goes by (abbreviations, former or informal names)." })
  async aliases(@Root() e: Entity, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.entityNames.load(e.row.id)).filter((n) => n.isAlias === 1).map((n) => n.name);
  }

  @FieldResolver(() => StatisticConnection, { description: "Statistics about this entity (it is their subject), filtered, sorted and paged like Query.statistics." })
  async statistics(@Root() e: Entity, @Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, restrict(await statisticCriteria(args.filter, ctx), { subjectId: e.row.id }, "subject"), args, `subject:${e.row.id}`);
  }

  @FieldResolver(() => StatisticConnection, {
    description: "Statistics this entity originally produced, as resolved from the sources' attributions (see Statistic.producers), filtered, sorted and paged like Query.statistics.",
  })
  async producedStatistics(@Root() e: Entity, @Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, restrict(await statisticCriteria(args.filter, ctx), { producerId: e.row.id }, "producer"), args, `producer:${e.row.id}`);
  }
}
