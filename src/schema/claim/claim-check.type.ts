import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { LocaleScalar, LocalDateScalar } from "../common/scalars.js";
import { ClaimVerdict } from "./claim-verdict.enum.js";
import { ClaimedFigure } from "./claimed-figure.type.js";
import { IgnoredNumber } from "./ignored-number.type.js";

/** A claim checked against the knowledge base. */
@ObjectType("ClaimCheck", {
  description:
    "A sentence (or a few) checked against the knowledge base: every figure in it read (value, period, metric, subject) and compared, by the agreement rules, with the statistics of the same metric and subject; the numbers that are not figures, with why; a verdict for each figure and for the whole; and the review as schema.org ClaimReview JSON-LD.",
  simpleResolvers: true,
})
export class ClaimCheck {
  @Field(() => String, { description: "The claim as given." })
  readonly text: string;

  @Field(() => LocaleScalar, { description: "The language it was read as: as given, else `zh-Hans` when it holds Chinese characters and `en` otherwise." })
  readonly language: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The publication date given, against which relative periods (\"last year\", 去年) were resolved." })
  readonly publishedAt: string | null;

  @Field(() => [ClaimedFigure], { description: "The figures found, in reading order." })
  readonly figures: ClaimedFigure[];

  @Field(() => [IgnoredNumber], { description: "Numbers that are not figures (years, dates, festival names, telephone numbers, ranks), in reading order." })
  readonly ignored: IgnoredNumber[];

  @Field(() => ClaimVerdict, { description: "The verdict on the claim: the weakest of its figures' (CONTRADICTED, then DISPUTED, NOT_FOUND, DIFFERENT_SCOPE, SUPPORTED)." })
  readonly verdict: ClaimVerdict;

  @Field(() => String, { description: "The verdicts in a few sentences, one per figure." })
  readonly summary: string;

  @Field(() => GraphQLJSONObject, {
    description:
      "The check as schema.org `ClaimReview` JSON-LD, as fact-checking organisations publish it: `claimReviewed`, `itemReviewed` (the Claim, its language and date), `reviewRating` (5 SUPPORTED, 3 DISPUTED, 1 CONTRADICTED on a 1–5 scale, the verdict in words in `alternateName`; no `ratingValue` for NOT_FOUND and DIFFERENT_SCOPE), `reviewBody` and the fact cards relied on as `citation` (URLs relative to this server: `/facts/<slug>`).",
  })
  readonly claimReview: Record<string, unknown>;

  constructor(fields: ClaimCheck) {
    this.text = fields.text;
    this.language = fields.language;
    this.publishedAt = fields.publishedAt;
    this.figures = fields.figures;
    this.ignored = fields.ignored;
    this.verdict = fields.verdict;
    this.summary = fields.summary;
    this.claimReview = fields.claimReview;
  }
}
