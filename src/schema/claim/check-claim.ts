import type { RequestContext } from "../context.js";
import { claimReview } from "../../facts/claims/claim-review.js";
import { claimVerdict } from "../../facts/claims/claim-verdict.js";
import { readClaim } from "../../facts/claims/read-claim.js";
import type { Comparator } from "../../facts/interval.js";
import { describeHuman } from "../../facts/number-format.js";
import { userError } from "../common/user-error.js";
import { checkedClaimInput } from "./claim-input.js";
import { ClaimCheck } from "./claim-check.type.js";
import { ClaimMatchVerdict } from "./claim-match-verdict.enum.js";
import { claimVocabulary } from "./claim-vocabulary-index.js";
import type { ClaimVerdict } from "./claim-verdict.enum.js";
import { checkFigure } from "./check-figure.js";
import { IgnoredNumber } from "./ignored-number.type.js";
import type { IgnoredReason } from "./ignored-reason.enum.js";

/**
 * `checkClaim`: reads the claim against the knowledge base's vocabulary (src/facts/claims),
 * checks each figure found (check-figure.ts), and sums the verdicts up, with the review as
 * schema.org ClaimReview. A text with no figure is a user error that says which numbers were
 * found and why none is a figure.
 */
export async function checkClaim(text: string, publishedAt: string | null, language: string | null, ctx: RequestContext): Promise<ClaimCheck> {
  const input = checkedClaimInput(text, language);
  const vocabulary = claimVocabulary(ctx);
  const reading = readClaim(input.text, publishedAt, vocabulary);
  if (reading.figures.length === 0) {
    const seen = reading.ignored.map((i) => `"${i.asWritten}" (${REASON_WORDS[i.reason]})`);
    throw userError(
      `\`text\` states no figure to check${seen.length ? `: ${seen.join(", ")} ${seen.length === 1 ? "is" : "are"} not a figure` : ""}. Give a sentence with a number and what it counts ("over 10 million live-streaming sessions in 2020").`,
      "text",
    );
  }
  const figures = await Promise.all(reading.figures.map((f) => checkFigure(f, ctx, vocabulary)));
  const verdict = claimVerdict(figures.map((f) => f.verdict)) as ClaimVerdict;
  const summary = figures.map((f) => `"${f.asWritten}": ${f.explanation.split(/(?<=\.)\s/)[0]}`).join(" ");
  const relied = new Map(
    figures.flatMap((f) => f.matches.filter((m) => m.verdict !== ClaimMatchVerdict.DIFFERENT_SCOPE && m.verdict !== ClaimMatchVerdict.NOT_JUDGED).map((m) => [m.statistic.slug, m.statistic] as const)),
  );
  return new ClaimCheck({
    text: input.text,
    language: input.language,
    publishedAt,
    figures,
    ignored: reading.ignored.map((i) => new IgnoredNumber({ ...i, reason: i.reason as IgnoredReason })),
    verdict,
    summary,
    claimReview: claimReview({
      text: input.text,
      language: input.language,
      publishedAt,
      verdict,
      summary,
      evidence: [...relied.values()].map((s) => ({ url: `/facts/${s.slug}`, name: `${describeHuman(s.row.comparator as Comparator, s.row.amount, s.row.unit)} (${s.row.periodLabel ?? "no period"}, ${s.kind.toLowerCase()})` })),
      datePublished: ctx.kb.build.builtAt.slice(0, 10),
    }),
  });
}

const REASON_WORDS: Readonly<Record<string, string>> = {
  YEAR: "a year",
  DATE: "a date",
  EVENT_NAME: "a festival's name",
  PHONE_NUMBER: "a telephone number",
  RANK: "a rank",
  ORDINAL: "an ordinal",
  PART_OF_NAME: "part of a name",
};
