import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { Organization } from "../organization/organization.type.js";
import { PlatformConnection } from "./platform-connection.type.js";
import { Platform } from "./platform.type.js";

/** Root lookups of platforms and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Platform)
export class PlatformResolver {
  @Query(() => Platform, { nullable: true, description: "One platform by slug, e.g. `taobao-live`; null when no platform has it." })
  async platform(@Arg("slug", () => String, { description: "Slug of the platform." }) slug: string, @Ctx() ctx: RequestContext): Promise<Platform | null> {
    return entityBySlug(ctx, slug, Platform);
  }

  @Query(() => PlatformConnection, { description: "All platforms, by slug." })
  platforms(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, PlatformConnection, { types: ["PLATFORM"] }, args, (r) => new Platform(r));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization that runs the platform (e.g. Alibaba Group for Taobao Live), when recorded." })
  async operator(@Root() e: Platform, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, e.row.operatorId, Organization);
  }

  @FieldResolver(() => Platform, { nullable: true, description: "The platform this one is part of (e.g. Taobao for Taobao Live), when recorded." })
  async parent(@Root() e: Platform, @Ctx() ctx: RequestContext): Promise<Platform | null> {
    return relatedEntity(ctx, e.row.parentId, Platform);
  }
}
