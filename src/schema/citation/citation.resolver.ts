import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { exactlyOne } from "../common/exactly-one.js";
import { lookupNode } from "../node/load-node.js";
import { Source } from "../source/source.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { Citation } from "./citation.type.js";
import { loadProducer, loadProducers } from "./load-producer.js";
import { Producer } from "./producer.union.js";
import { loadVerification } from "./verify-citation.js";

/** Root lookup of citations and the relations and verification of a citation. */
@Resolver(() => Citation)
export class CitationResolver {
  @Query(() => Citation, { nullable: true, description: "One citation by global ID or slug (`<source slug>.<key>`; pass exactly one); null when none has it." })
  async citation(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID, { nullable: true, description: "Global ID of the citation." }) id?: string,
    @Arg("slug", () => String, { nullable: true, description: "Slug of the citation: `<source slug>.<key>`." }) slug?: string,
  ): Promise<Citation | null> {
    return lookupNode(ctx, "Citation", exactlyOne({ id, slug }));
  }

  @FieldResolver(() => Source, { description: "The document that states the figure." })
  async source(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<Source> {
    return new Source((await ctx.loaders.sourceById.load(c.row.sourceId))!);
  }

  @FieldResolver(() => Statistic, { description: "The figure this citation supports." })
  async statistic(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<Statistic> {
    return new Statistic((await ctx.loaders.statisticById.load(c.row.statisticId))!);
  }

  @FieldResolver(() => Producer, {
    nullable: true,
    description: "The report or producer the source credits with the figure, resolved from its words (see attributionAsWritten and attributionInferred). Null when the source credits nobody: no attribution is ever invented.",
  })
  async attributedTo(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<typeof Producer | null> {
    return loadProducer(ctx, { reportId: c.row.attributedReportId, entityId: c.row.attributedEntityId });
  }

  @FieldResolver(() => [Producer], {
    description:
      "The intermediaries the figure passed through between this source and `attributedTo`, in order from the source toward the producer: e.g. the wire agency whose article a newspaper repeats, which in turn cites a data firm. Empty when the source has it from the producer directly (or names none). Intermediaries are never counted as producers.",
  })
  async via(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<(typeof Producer)[]> {
    return loadProducers(ctx, await ctx.loaders.citationVia.load(c.row.id));
  }

  @FieldResolver(() => Producer, {
    nullable: true,
    description:
      "A known echo: the report or producer whose figure the producer credited here is known (by the editors) to have copied rather than measured. Corroboration then counts the two as one producer. Null when no echo is recorded.",
  })
  async echoOf(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<typeof Producer | null> {
    return loadProducer(ctx, { reportId: c.row.echoOfReportId, entityId: c.row.echoOfEntityId });
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the quote verifies now, against the archive as served: the archived text's SHA-256 equals the digest recorded when it was archived, and the text at the quote's code-point positions equals the quote. Always false when the source's text is not archived.",
  })
  async verified(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await loadVerification(c.row, ctx)).verified;
  }

  @FieldResolver(() => String, { description: "Why the citation does or does not verify, in words (positions, digest, or why it cannot be checked)." })
  async verificationNote(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<string> {
    return (await loadVerification(c.row, ctx)).note;
  }
}
