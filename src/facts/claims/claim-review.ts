/**
 * A claim check as schema.org `ClaimReview` JSON-LD, the form fact-checking organisations
 * publish their verdicts in (and search engines read): the claim reviewed, a rating on a
 * 1–5 scale with the verdict in words, the review in prose, and the fact cards of the figures
 * relied on as its citations. Verdicts that are not on a scale of truth (nothing comparable,
 * figures of another scope) carry only the words (`alternateName`), no `ratingValue`.
 */
import type { ClaimVerdict } from "./claim-verdict.js";

/** What a ClaimReview is made from. */
export interface ClaimReviewInput {
  readonly text: string;
  /** BCP 47 tag of the claim's language. */
  readonly language: string;
  /** When the claim was published (YYYY-MM-DD), if given. */
  readonly publishedAt: string | null;
  readonly verdict: ClaimVerdict;
  /** The review in words (the check's summary). */
  readonly summary: string;
  /** The figures relied on: their fact-card paths ("/facts/<slug>") and a name for each. */
  readonly evidence: readonly { readonly url: string; readonly name: string }[];
  /** The date of the data the review was made with (YYYY-MM-DD): the knowledge base's build day. */
  readonly datePublished: string;
}

const RATINGS: Readonly<Record<ClaimVerdict, { readonly value: number | null; readonly words: string }>> = {
  SUPPORTED: { value: 5, words: "Supported by the knowledge base" },
  DISPUTED: { value: 3, words: "Disputed: the knowledge base's sources disagree" },
  CONTRADICTED: { value: 1, words: "Contradicted by the knowledge base" },
  DIFFERENT_SCOPE: { value: null, words: "Not comparable: only figures of another scope were found" },
  NOT_FOUND: { value: null, words: "Unverified: nothing comparable in the knowledge base" },
};

/** The schema.org ClaimReview of a checked claim, as a JSON-LD object. */
export function claimReview(r: ClaimReviewInput): Record<string, unknown> {
  const rating = RATINGS[r.verdict];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: r.text,
    datePublished: r.datePublished,
    inLanguage: r.language,
    author: { "@type": "Organization", name: "livestream-facts knowledge base" },
    itemReviewed: {
      "@type": "Claim",
      inLanguage: r.language,
      ...(r.publishedAt ? { datePublished: r.publishedAt } : {}),
      text: r.text,
    },
    reviewRating: {
      "@type": "Rating",
      ...(rating.value === null ? {} : { ratingValue: rating.value }),
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.words,
    },
    reviewBody: r.summary,
    citation: r.evidence.map((e) => ({ "@type": "CreativeWork", url: e.url, name: e.name })),
  };
}
