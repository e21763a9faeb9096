import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { OrganizationConnection } from "./organization-connection.type.js";
import { OrganizationsArgs } from "./organization.args.js";
import { Organization } from "./organization.type.js";

/** Root lookups of organizations and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization by slug, e.g. `renmin-university`; null when no organization has it." })
  async organization(@Arg("slug", () => String, { description: "Slug of the organization." }) slug: string, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return entityBySlug(ctx, slug, Organization);
  }

  @Query(() => OrganizationConnection, { description: "Organizations (optionally of one kind), by slug." })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, OrganizationConnection, { types: ["ORGANIZATION"], orgKind: args.kind ?? undefined }, args, (r) => new Organization(r));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The parent organization (e.g. Alibaba Group for AliResearch), when recorded." })
  async parent(@Root() e: Organization, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, e.row.parentId, Organization);
  }
}
