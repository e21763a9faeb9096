import { Field, Int, ObjectType } from "type-graphql";
import { ClaimMatch } from "./claim-match.type.js";
import { ClaimVerdict } from "./claim-verdict.enum.js";
import { ClaimedMetric } from "./claimed-metric.type.js";
import { ClaimedPeriod } from "./claimed-period.type.js";
import { ClaimedSubject } from "./claimed-subject.type.js";
import { ClaimedValue } from "./claimed-value.type.js";

/** One figure found in a claim, as read, and what the knowledge base says of it. */
@ObjectType("ClaimedFigure", {
  description: "One figure found in a claim: where it is, what was read (value, period, metric, subject), the statistics it was compared with, and the verdict.",
  simpleResolvers: true,
})
export class ClaimedFigure {
  @Field(() => String, { description: "The figure as written, with its comparator and unit words when they touch it (\"more than 50 billion\", \"¥1.2tn\", \"超过1万亿元\")." })
  readonly asWritten: string;

  @Field(() => Int, { description: "Where the figure starts in the claim, in Unicode code points (like quotes' positions)." })
  readonly start: number;

  @Field(() => Int, { description: "Where it ends (excluded), in Unicode code points." })
  readonly end: number;

  @Field(() => ClaimedValue, { description: "The value read." })
  readonly value: ClaimedValue;

  @Field(() => ClaimedPeriod, { nullable: true, description: "The period read; null when the claim states none (then only figures without a period can be judged against it)." })
  readonly period: ClaimedPeriod | null;

  @Field(() => ClaimedMetric, { nullable: true, description: "The metric matched; null when none fits (the explanation says why)." })
  readonly metric: ClaimedMetric | null;

  @Field(() => ClaimedSubject, { nullable: true, description: "The subject matched; null when none could be (the explanation says why)." })
  readonly subject: ClaimedSubject | null;

  @Field(() => [ClaimMatch], { description: "The statistics of the knowledge base compared with the figure, by slug: those of its metric (or a related one), subject (or a market it is part of, or a part of it) and an overlapping period." })
  readonly matches: ClaimMatch[];

  @Field(() => ClaimVerdict, { description: "The verdict on this figure." })
  readonly verdict: ClaimVerdict;

  @Field(() => String, { description: "The verdict in words: what was looked for, what was found, and whether the support is unattributed, a possible echo or only a forecast." })
  readonly explanation: string;

  constructor(fields: ClaimedFigure) {
    this.asWritten = fields.asWritten;
    this.start = fields.start;
    this.end = fields.end;
    this.value = fields.value;
    this.period = fields.period;
    this.metric = fields.metric;
    this.subject = fields.subject;
    this.matches = fields.matches;
    this.verdict = fields.verdict;
    this.explanation = fields.explanation;
  }
}
