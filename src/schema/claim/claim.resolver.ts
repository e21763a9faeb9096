import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { LocaleScalar, LocalDateScalar } from "../common/scalars.js";
import { checkClaim } from "./check-claim.js";
import { ClaimCheck } from "./claim-check.type.js";

/** The claim checker's root field. */
@Resolver()
export class ClaimResolver {
  @Query(() => ClaimCheck, {
    description:
      "Checks the figures in a sentence (English or Chinese, up to 2,000 characters) against the knowledge base: each figure's value, period, metric and subject are read from the words, compared with the statistics of that metric and subject by the agreement rules, and given a verdict with the statistics relied on. A text with no figure, an over-long text or a language other than English or Chinese is a BAD_USER_INPUT error.",
  })
  checkClaim(
    @Ctx() ctx: RequestContext,
    @Arg("text", () => String, { description: "The claim: a sentence or a short passage stating figures, at most 2,000 characters." }) text: string,
    @Arg("publishedAt", () => LocalDateScalar, { nullable: true, description: "When the claim was published: relative periods (\"last year\", \"this year's Singles' Day\", 去年) are resolved against it." })
    publishedAt?: string | null,
    @Arg("language", () => LocaleScalar, { nullable: true, description: "The claim's language, `en` or `zh` (any tag of them, e.g. `zh-Hans`); detected from the text when left out." })
    language?: string | null,
  ): Promise<ClaimCheck> {
    return checkClaim(text, publishedAt ?? null, language ?? null, ctx);
  }
}
