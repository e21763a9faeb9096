import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Citation } from "../citation/citation.type.js";
import { loadVerification } from "../citation/verify-citation.js";
import { exactlyOne } from "../common/exactly-one.js";
import { relatedEntity } from "../entity/entity-list.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { Event } from "../event/event.type.js";
import { Metric } from "../metric/metric.type.js";
import { lookupNode } from "../node/load-node.js";
import { statisticCriteria } from "./statistic-criteria.js";
import { StatisticConnection } from "./statistic-connection.type.js";
import { statisticConnection } from "./statistic-list.js";
import { StatisticsArgs } from "./statistic.args.js";
import { Statistic } from "./statistic.type.js";

/** Root lookups of statistics and the relations of a statistic. */
@Resolver(() => Statistic)
export class StatisticResolver {
  @Query(() => Statistic, { nullable: true, description: "One statistic by global ID or slug (pass exactly one); null when none has it." })
  async statistic(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID, { nullable: true, description: "Global ID of the statistic." }) id?: string,
    @Arg("slug", () => String, { nullable: true, description: "Slug of the statistic, e.g. `taobao-live-jobs-created-over-1-73m`." }) slug?: string,
  ): Promise<Statistic | null> {
    return lookupNode(ctx, "Statistic", exactlyOne({ id, slug }));
  }

  @Query(() => StatisticConnection, { description: "Statistics meeting a filter, sorted and paged (Relay). By period, earliest first, unless `orderBy` says otherwise." })
  async statistics(@Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, await statisticCriteria(args.filter, ctx), args);
  }

  @FieldResolver(() => Metric, { description: "What the figure measures." })
  async metric(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Metric> {
    return new Metric((await ctx.loaders.metricById.load(s.row.metricId))!);
  }

  @FieldResolver(() => Entity, { description: "What the figure is about: a market, platform, organization, brand, person, MCN or event (the first of `subjects` when there are several)." })
  async subject(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Entity> {
    return entityNode((await ctx.loaders.entityById.load(s.row.subjectId))!);
  }

  @FieldResolver(() => [Entity], {
    description: "Every subject the figure is about, `subject` first: one for most figures, several for a combined figure (two hosts' joint sales).",
  })
  async subjects(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    const ids = s.row.subjectSet === null ? [s.row.subjectId] : s.row.subjectSet.split(",").map(Number);
    return (await Promise.all(ids.map((id) => ctx.loaders.entityById.load(id)))).map((row) => entityNode(row!));
  }

  @FieldResolver(() => Event, { nullable: true, description: "The event the figure belongs to (e.g. the 618 festival of 2020), if any." })
  async event(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Event | null> {
    return relatedEntity(ctx, s.row.eventId, Event);
  }

  @FieldResolver(() => [Citation], { description: "The sources that state this figure, each with its quote and attribution. Never empty: every figure cites at least one source." })
  async citations(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return (await ctx.loaders.citationsByStatistic.load(s.row.id)).map((r) => new Citation(r));
  }

  @FieldResolver(() => [Entity], {
    description:
      "Who originally produced the figure, as the sources name them: the attributed organizations, or the authors of the attributed reports (following reports that republish others). Empty when no source states an attribution, never guessed.",
  })
  async producers(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    return (await ctx.loaders.statisticProducers.load(s.row.id)).map(entityNode);
  }

  @FieldResolver(() => Boolean, { description: "Whether at least one citation's quote verifies against its archived text now (see Citation.verified)." })
  async hasVerifiedQuote(@Root() s: Statistic, @Ctx() ctx: RequestContext): Promise<boolean> {
    const citations = await ctx.loaders.citationsByStatistic.load(s.row.id);
    return (await Promise.all(citations.map((c) => loadVerification(c, ctx)))).some((v) => v.verified);
  }
}
