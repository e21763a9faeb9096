import { Field, ObjectType } from "type-graphql";
import { ComparisonFlag } from "../agreement/comparison-flag.enum.js";
import { Statistic } from "../statistic/statistic.type.js";
import { ClaimMatchVerdict } from "./claim-match-verdict.enum.js";

/** A statistic of the knowledge base compared with a claimed figure. */
@ObjectType("ClaimMatch", { description: "A statistic of the knowledge base compared with a claimed figure by the agreement rules: the verdict, and why in words.", simpleResolvers: true })
export class ClaimMatch {
  @Field(() => Statistic, { description: "The statistic compared with (its fact card is at `/facts/<slug>`)." })
  readonly statistic: Statistic;

  @Field(() => ClaimMatchVerdict, { description: "How the claimed figure relates to it." })
  readonly verdict: ClaimMatchVerdict;

  @Field(() => String, { description: "The reason the agreement rules give (the intervals compared, the scope, or why it was not judged)." })
  readonly reason: string;

  @Field(() => String, {
    description:
      "The comparison for people: the verdict, the kind of the statistic (a forecast is never called a measurement), who produced it (or \"no attribution stated\"), the documents that report it, the reason, and a possible echo among its producers.",
  })
  readonly explanation: string;

  @Field(() => [ComparisonFlag], { description: "Facts about the comparison a reader should not miss (amounts an order of magnitude apart, a conversion)." })
  readonly flags: ComparisonFlag[];

  constructor(fields: ClaimMatch) {
    this.statistic = fields.statistic;
    this.verdict = fields.verdict;
    this.reason = fields.reason;
    this.explanation = fields.explanation;
    this.flags = fields.flags;
  }
}
