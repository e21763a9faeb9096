import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { loadPresent } from "../common/load-all.js";
import { CitingPublisher } from "./citing-publisher.type.js";
import { corroborationSummary } from "./corroboration-summary.js";
import { Corroboration } from "./corroboration.type.js";
import { ProducerGroup } from "./producer-group.type.js";

/** The producers, publishers and summary of a Corroboration. */
@Resolver(() => Corroboration)
export class CorroborationResolver {
  @FieldResolver(() => [ProducerGroup], { description: "The distinct primary producers, in order of first appearance among the citations." })
  producers(@Root() c: Corroboration): ProducerGroup[] {
    return c.producerGroups();
  }

  @FieldResolver(() => [CitingPublisher], { description: "The distinct citing publishers, in order of first appearance among the citations." })
  publishers(@Root() c: Corroboration): CitingPublisher[] {
    return c.citingPublishers();
  }

  @FieldResolver(() => String, {
    description:
      "The counts in words, naming the producers, e.g. \"4 citations from 4 publishers. 2 independent producers: KPMG and AliResearch (one joint report); iiMedia Research. 1 attribution is the editors' inference.\" Says \"No attribution stated\" when no citation names a producer.",
  })
  async summary(@Root() c: Corroboration, @Ctx() ctx: RequestContext): Promise<string> {
    const ids = [...new Set(c.result.producers.flatMap((g) => g.entities))];
    const names = new Map((await loadPresent(ctx.loaders.entityById, ids)).map((r) => [r.id, r.name]));
    return corroborationSummary(
      c.result,
      (id) => names.get(id) ?? `entity ${id}`,
      (id) => c.reportTitles.get(id) ?? `report ${id}`,
    );
  }
}
