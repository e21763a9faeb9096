import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { toConnection } from "../common/connection.js";
import { PageArgs, pageWindow } from "../common/page-args.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { restrict, statisticCriteria } from "../statistic/statistic-criteria.js";
import { StatisticConnection } from "../statistic/statistic-connection.type.js";
import { statisticConnection } from "../statistic/statistic-list.js";
import { StatisticsArgs } from "../statistic/statistic.args.js";
import { ReportBasis } from "./report-basis.type.js";
import { ReportConnection } from "./report-connection.type.js";
import { Report } from "./report.type.js";

/** Root lookups of reports and the relations of a report. */
@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: "One report by slug, e.g. `kpmg-aliresearch-2020-live-commerce`; null when none has it." })
  async report(@Arg("slug", () => String, { description: "Slug of the report." }) slug: string, @Ctx() ctx: RequestContext): Promise<Report | null> {
    const row = await ctx.loaders.reportBySlug.load(slug);
    return row && new Report(row);
  }

  @Query(() => ReportConnection, { description: "Reports, studies, datasets and statements that produced figures, by slug." })
  reports(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    const page = ctx.repos.reports.page(pageWindow(args, "report:slug"));
    return toConnection(ReportConnection, "report:slug", page, (r) => new Report(r), () => ctx.repos.reports.count());
  }

  @FieldResolver(() => [Entity], { description: "Who wrote or issued the work (usually organizations), in the order it names them." })
  async authors(@Root() r: Report, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    return (await ctx.loaders.reportAuthors.load(r.row.id)).map(entityNode);
  }

  @FieldResolver(() => [ReportBasis], { description: "Reports or datasets this one is based on, and how (republished, or used as data)." })
  async basedOn(@Root() r: Report, @Ctx() ctx: RequestContext): Promise<ReportBasis[]> {
    return (await ctx.loaders.reportBasedOn.load(r.row.id)).map((b) => new ReportBasis(b));
  }

  @FieldResolver(() => StatisticConnection, { description: "Statistics that at least one source attributes to this report, filtered, sorted and paged like Query.statistics." })
  async statistics(@Root() r: Report, @Args(() => StatisticsArgs) args: StatisticsArgs, @Ctx() ctx: RequestContext) {
    return statisticConnection(ctx, restrict(await statisticCriteria(args.filter, ctx), { attributedReportId: r.row.id }, "report"), args, `report:${r.row.id}`);
  }
}
