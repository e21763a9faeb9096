import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { Organization } from "../organization/organization.type.js";
import { MCNConnection } from "./mcn-connection.type.js";
import { MCN } from "./mcn.type.js";

/** Root lookups of MCNs and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => MCN)
export class MCNResolver {
  @Query(() => MCN, { nullable: true, description: "One MCN by slug, e.g. `ruhnn`; null when no MCN has it." })
  async mcn(@Arg("slug", () => String, { description: "Slug of the MCN." }) slug: string, @Ctx() ctx: RequestContext): Promise<MCN | null> {
    return entityBySlug(ctx, slug, MCN);
  }

  @Query(() => MCNConnection, { description: "All MCNs, by slug." })
  mcns(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, MCNConnection, { types: ["MCN"] }, args, (r) => new MCN(r));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The company behind the MCN, when recorded." })
  async operator(@Root() e: MCN, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, e.row.operatorId, Organization);
  }
}
