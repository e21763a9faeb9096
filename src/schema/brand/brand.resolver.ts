import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { Organization } from "../organization/organization.type.js";
import { BrandConnection } from "./brand-connection.type.js";
import { Brand } from "./brand.type.js";

/** Root lookups of brands and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true, description: "One brand by slug, e.g. `gree`; null when no brand has it." })
  async brand(@Arg("slug", () => String, { description: "Slug of the brand." }) slug: string, @Ctx() ctx: RequestContext): Promise<Brand | null> {
    return entityBySlug(ctx, slug, Brand);
  }

  @Query(() => BrandConnection, { description: "All brands, by slug." })
  brands(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, BrandConnection, { types: ["BRAND"] }, args, (r) => new Brand(r));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The company that owns the brand, when recorded." })
  async owner(@Root() e: Brand, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, e.row.operatorId, Organization);
  }
}
