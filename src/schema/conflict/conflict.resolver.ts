import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import type { MetricRow } from "../../db/metric.repo.js";
import { toConnection } from "../common/connection.js";
import { loadPresent } from "../common/load-all.js";
import { pageWindow } from "../common/page-args.js";
import { userError } from "../common/user-error.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { Metric } from "../metric/metric.type.js";
import { Period } from "../statistic/period.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { ConflictGroupConnection } from "./conflict-group-connection.type.js";
import { ConflictGroup } from "./conflict-group.type.js";
import { conflictIndex, conflictReason } from "./conflict-index.js";
import { memoryPage } from "./conflict-page.js";
import { ConflictPair } from "./conflict-pair.type.js";
import { ConflictsArgs } from "./conflicts.args.js";

const LIST = "conflict-group";

/** The conflicts listing. */
@Resolver()
export class ConflictResolver {
  @Query(() => ConflictGroupConnection, {
    description:
      "Every group of contradicting statistics in the knowledge base (or, with `metric`, those with a statistic of that metric), by metric slug, period, subject and first member. Paged like every connection; cursors are keyset positions in that order.",
  })
  async conflicts(@Args(() => ConflictsArgs) args: ConflictsArgs, @Ctx() ctx: RequestContext) {
    const window = pageWindow(args, LIST);
    let metric: MetricRow | null = null;
    if (args.metric != null) {
      metric = await ctx.loaders.metricBySlug.load(args.metric);
      if (!metric) throw userError(`Argument metric: no metric has the slug ${JSON.stringify(args.metric)}.`, "metric");
    }
    const all = conflictIndex(ctx).groups;
    const groups = metric ? all.filter((g) => g.metricIds.includes(metric.id)) : all;
    return toConnection(ConflictGroupConnection, LIST, memoryPage(groups, window), (g) => new ConflictGroup(g), () => groups.length);
  }
}

/** The fields of a conflict group. */
@Resolver(() => ConflictGroup)
export class ConflictGroupResolver {
  @FieldResolver(() => [Statistic], { description: "The contradicting statistics, by slug." })
  async statistics(@Root() g: ConflictGroup, @Ctx() ctx: RequestContext): Promise<Statistic[]> {
    return (await loadPresent(ctx.loaders.statisticById, g.group.memberIds)).map((r) => new Statistic(r));
  }

  @FieldResolver(() => [ConflictPair], { description: "Every pair of members that conflict, with the reason, by the first member's slug then the second's (members may also agree with some others)." })
  conflicts(@Root() g: ConflictGroup): ConflictPair[] {
    return g.group.conflicts.map(([first, second]) => new ConflictPair(first, second));
  }

  @FieldResolver(() => [Metric], { description: "The metrics measured: one, or several EQUIVALENT ones whose values were converted to be compared." })
  async metrics(@Root() g: ConflictGroup, @Ctx() ctx: RequestContext): Promise<Metric[]> {
    return (await loadPresent(ctx.loaders.metricById, g.group.metricIds)).map((r) => new Metric(r));
  }

  @FieldResolver(() => Entity, { description: "What every member is about." })
  async subject(@Root() g: ConflictGroup, @Ctx() ctx: RequestContext): Promise<Entity> {
    return entityNode((await ctx.loaders.entityById.load(g.group.subjectId))!);
  }

  @FieldResolver(() => Period, { nullable: true, description: "The period every member refers to; null when none states one." })
  async period(@Root() g: ConflictGroup, @Ctx() ctx: RequestContext): Promise<Period | null> {
    const first = await ctx.loaders.statisticById.load(g.group.memberIds[0]!);
    return first && Period.of(first);
  }
}

/** The statistics of a ConflictPair. */
@Resolver(() => ConflictPair)
export class ConflictPairResolver {
  @FieldResolver(() => Statistic, { description: "One statistic of the pair (the first by slug)." })
  async first(@Root() p: ConflictPair, @Ctx() ctx: RequestContext): Promise<Statistic> {
    return new Statistic((await ctx.loaders.statisticById.load(p.firstId))!);
  }

  @FieldResolver(() => Statistic, { description: "The other statistic of the pair." })
  async second(@Root() p: ConflictPair, @Ctx() ctx: RequestContext): Promise<Statistic> {
    return new Statistic((await ctx.loaders.statisticById.load(p.secondId))!);
  }

  @FieldResolver(() => String, {
    description: "Why they conflict, from the first statistic's side: the reading intervals and their gap, exactly as the first statistic's `agreement` gives it for the second.",
  })
  async reason(@Root() p: ConflictPair, @Ctx() ctx: RequestContext): Promise<string> {
    const [first, second] = await Promise.all([ctx.loaders.statisticById.load(p.firstId), ctx.loaders.statisticById.load(p.secondId)]);
    return conflictReason(conflictIndex(ctx), first!, second!);
  }
}
