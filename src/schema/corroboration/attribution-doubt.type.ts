import { Field, ObjectType } from "type-graphql";
import type { CitationRow } from "../../db/citation.repo.js";
import type { ProducerRef } from "../../facts/corroboration-citation.js";

/** An editors' doubt about one citation's attribution. Relations are resolved in attribution-doubt.resolver.ts. */
@ObjectType("AttributionDoubt", {
  description: "A doubt the editors record about whom a source credits with a figure (`Citation.attributionDoubt`). It is shown; it does not change the counts.",
  simpleResolvers: true,
})
export class AttributionDoubt {
  @Field(() => String, { description: "The doubt in the editors' words." })
  readonly doubt: string;

  @Field(() => String, { description: "The doubt as a sentence naming the producer and the source, e.g. `The editors doubt the attribution to Bolt Data in \"…\": it publishes no method.`" })
  readonly description: string;

  constructor(
    /** The citation whose attribution is doubted; not a GraphQL field. */
    readonly citationRow: CitationRow,
    /** The producer it credits; not a GraphQL field. */
    readonly producerRef: ProducerRef,
    doubt: string,
    description: string,
  ) {
    this.doubt = doubt;
    this.description = description;
  }
}
