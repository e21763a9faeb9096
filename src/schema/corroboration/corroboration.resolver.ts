import { FieldResolver, Resolver, Root } from "type-graphql";
import { AttributionDoubt } from "./attribution-doubt.type.js";
import { CitingPublisher } from "./citing-publisher.type.js";
import { corroborationSummary } from "./corroboration-summary.js";
import { Corroboration } from "./corroboration.type.js";
import { PossibleEcho } from "./possible-echo.type.js";
import { ProducerGroup } from "./producer-group.type.js";

/** The producers, publishers, echo, doubts and summary of a Corroboration. */
@Resolver(() => Corroboration)
export class CorroborationResolver {
  @FieldResolver(() => [ProducerGroup], {
    description: "The distinct primary producers credited, in order of first appearance among the citations; producers of a possible echo are listed apart (see `possibleEcho`).",
  })
  producers(@Root() c: Corroboration): ProducerGroup[] {
    return c.producerGroups();
  }

  @FieldResolver(() => [CitingPublisher], { description: "The distinct citing publishers, in order of first appearance among the citations." })
  publishers(@Root() c: Corroboration): CitingPublisher[] {
    return c.citingPublishers();
  }

  @FieldResolver(() => PossibleEcho, {
    nullable: true,
    description:
      "Set when two or more producers are credited with the figure and it has 3 or more significant digits: they are a possible echo and count as one independent producer (`producerCount`). Null otherwise, e.g. for a round \"1 trillion\" from two producers.",
  })
  possibleEcho(@Root() c: Corroboration): PossibleEcho | null {
    return c.possibleEcho();
  }

  @FieldResolver(() => [AttributionDoubt], { description: "The editors' doubts about the citations' attributions (`Citation.attributionDoubt`), in citation order." })
  doubts(@Root() c: Corroboration): AttributionDoubt[] {
    return c.attributionDoubts();
  }

  @FieldResolver(() => String, {
    description:
      "The counts in words, naming the producers, e.g. \"4 citations from 4 publishers. 2 independent producers: KPMG and AliResearch (one joint report); Widget Institute. 1 attribution is the editors' inference.\" Says \"No attribution stated\" when no citation names a producer; states a possible echo (\"Possible echo: the same figure to 3 significant digits is credited to …\"), why producers are one (one organization, a known echo) and the editors' doubts.",
  })
  summary(@Root() c: Corroboration): string {
    return corroborationSummary(c.result, c.names);
  }
}
