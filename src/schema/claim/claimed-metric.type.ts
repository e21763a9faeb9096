import { Field, Float, ObjectType } from "type-graphql";
import { Metric } from "../metric/metric.type.js";

/** The metric a claimed figure was matched to. */
@ObjectType("ClaimedMetric", {
  description:
    "The metric a claimed figure was read as measuring: matched by the claim's words near the figure against the metrics' names and descriptions (through a fixed vocabulary of synonyms in English and Chinese), among the metrics given in the figure's unit.",
  simpleResolvers: true,
})
export class ClaimedMetric {
  @Field(() => Metric, { description: "The metric." })
  readonly metric: Metric;

  @Field(() => Float, { description: "How sure the match is, 0 to 1: the weighted share of the metric's name found near the figure (lower when the unit only fits by kind)." })
  readonly confidence: number;

  @Field(() => [String], { description: "The claim's words that matched the metric, in reading order." })
  readonly words: string[];

  constructor(metric: Metric, confidence: number, words: string[]) {
    this.metric = metric;
    this.confidence = confidence;
    this.words = words;
  }
}
