import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { SourceArchive } from "./source-archive.type.js";

/** Whether an archive is intact, checked when served. */
@Resolver(() => SourceArchive)
export class SourceArchiveResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Whether the archived text as served still has the SHA-256 recorded when it was archived (recomputed by the server); null for coverage NONE.",
  })
  async intact(@Root() a: SourceArchive, @Ctx() ctx: RequestContext): Promise<boolean | null> {
    if (a.coverage === "NONE") return null;
    const archive = await ctx.loaders.archiveBySource.load(a.sourceId);
    return archive !== null && archive.actualSha256 === archive.storedSha256;
  }
}
