import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Citation } from "../citation/citation.type.js";
import { loadProducer } from "../citation/load-producer.js";
import { Producer } from "../citation/producer.union.js";
import { AttributionDoubt } from "./attribution-doubt.type.js";

/** The citation and producer of an AttributionDoubt. */
@Resolver(() => AttributionDoubt)
export class AttributionDoubtResolver {
  @FieldResolver(() => Citation, { description: "The citation whose attribution is doubted." })
  citation(@Root() d: AttributionDoubt): Citation {
    return new Citation(d.citationRow);
  }

  @FieldResolver(() => Producer, { nullable: true, description: "The report or producer the citation credits, whom the doubt is about (null only if its record is missing)." })
  async producer(@Root() d: AttributionDoubt, @Ctx() ctx: RequestContext): Promise<typeof Producer | null> {
    return loadProducer(ctx, d.producerRef);
  }
}
