import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { ReportBasis } from "./report-basis.type.js";
import { Report } from "./report.type.js";

/** The report a ReportBasis points at. */
@Resolver(() => ReportBasis)
export class ReportBasisResolver {
  @FieldResolver(() => Report, { description: "The report or dataset this one is based on." })
  async report(@Root() b: ReportBasis, @Ctx() ctx: RequestContext): Promise<Report> {
    return new Report((await ctx.loaders.reportById.load(b.row.basedOnId))!);
  }
}
