import { Field, Int, ObjectType } from "type-graphql";
import { ProducerGroup } from "./producer-group.type.js";

/** The same non-round figure credited to producers that look independent. */
@ObjectType("PossibleEcho", {
  description:
    "The same figure, stated to 3 or more significant digits, credited to producers that otherwise look independent (961 billion from two research firms). Identical figures this precise are more likely copied from one to another than measured twice, so corroboration counts these producers as one independent producer. A round figure (1 trillion) from two producers is not flagged.",
  simpleResolvers: true,
})
export class PossibleEcho {
  @Field(() => [ProducerGroup], { description: "The producers credited with the figure, each as it would count without the echo (all of the figure's producer groups)." })
  readonly producers: ProducerGroup[];

  @Field(() => Int, { description: "The figure's significant digits: 961 billion has 3, 433.8 billion has 4 (zeros ending a whole number are not counted)." })
  readonly significantDigits: number;

  @Field(() => String, {
    description:
      "The echo in words, naming the producers and the digits, e.g. \"Possible echo: the same figure to 3 significant digits is credited to Acme Research and Bolt Data; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.\"",
  })
  readonly description: string;

  constructor(producers: ProducerGroup[], significantDigits: number, description: string) {
    this.producers = producers;
    this.significantDigits = significantDigits;
    this.description = description;
  }
}
