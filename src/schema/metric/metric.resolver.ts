import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { toConnection } from "../common/connection.js";
import { PageArgs, pageWindow } from "../common/page-args.js";
import { restrict, statisticCriteria } from "../statistic/statistic-criteria.js";
import { StatisticConnection } from "../statistic/statistic-connection.type.js";
import { statisticConnection } from "../statistic/statistic-list.js";
import { StatisticsArgs } from "../statistic/statistic.args.js";
import { MetricConnection } from "./metric-connection.type.js";
import { Metric } from "./metric.type.js";
import { RelatedMetric } from "./related-metric.type.js";

/** Root lookups of metrics and the relations of a metric. */
@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => Metric, { nullable: true, description: "One metric by slug, e.g. `live-commerce-gmv`; null when none has it." })
  async metric(@Arg("slug", () => String, { description: "Slug of the metric." }) slug: string, @Ctx() ctx: RequestContext): Promise<Metric | null> {
    const row = await ctx.loaders.metricBySlug.load(slug);
    return row && new Metric(row);
  }

  @Query(() => MetricConnection, { description: "Metrics, by slug." })
  metrics(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    const page = ctx.repos.metrics.page(pageWindow(args, "metric:slug"));
    return toConnection(MetricConnection, "metric:slug", page, (r) => new Metric(r), () => ctx.repos.metrics.count());
  }

  @FieldResolver(() => [String], { description: "Units a value of this metric may be given in (CNY, USD, PERCENT, sessions, ...)." })
  async units(@Root() m: Metric, @Ctx() ctx: RequestContext): Promise<string[]> {
    return ctx.loaders.metricUnits.load(m.row.id);
  }

  @FieldResolver(() => [RelatedMetric], { description: "Metrics that convert exactly into this one or measure a neighbouring thing." })
  async related(@Root() m: Metric, @Ctx() ctx: RequestContext): Promise<RelatedMetric[]> {
    return (await ctx.loaders.metricRelated.load(m.row.id)).map((r) => new RelatedMetric(r));
  }

  @FieldResolver(() => StatisticConnection, { description: "Statistics of this metric across subjects and sources, filtered, sorted and paged like Query.statistics." })
  async statistics(@Root() m: Metric, @Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, restrict(await statisticCriteria(args.filter, ctx), { metricId: m.row.id }, "metric"), args, `metric:${m.row.id}`);
  }
}
