import { Field, Float, ObjectType } from "type-graphql";
import { Entity } from "../entity/entity.type.js";

/** Whom a claimed figure was read as being about. */
@ObjectType("ClaimedSubject", {
  description:
    "Whom a claimed figure is about: an entity the sentence names (by a name in any language or an alias; a market also by the words of its name), preferring one the knowledge base has figures of the metric about; or, when the sentence names none, the metric's only subject or broadest market (`named` false).",
  simpleResolvers: true,
})
export class ClaimedSubject {
  @Field(() => [Entity], { description: "The subject (several for a combined figure)." })
  readonly entities: Entity[];

  @Field(() => Float, { description: "How sure the match is, 0 to 1 (1 for a name written as the knowledge base records it)." })
  readonly confidence: number;

  @Field(() => [String], { description: "The claim's words that named it; empty when it was inferred." })
  readonly words: string[];

  @Field(() => Boolean, { description: "Whether the claim names the subject (false when it was inferred from the metric's figures)." })
  readonly named: boolean;

  constructor(fields: ClaimedSubject) {
    this.entities = fields.entities;
    this.confidence = fields.confidence;
    this.words = fields.words;
    this.named = fields.named;
  }
}
