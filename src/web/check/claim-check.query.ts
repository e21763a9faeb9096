/** The operation the /check page runs through the public API, and the shape of its answer. */
export const CLAIM_CHECK_QUERY = `query CheckPage($text: String!, $publishedAt: LocalDate, $language: Locale) {
  checkClaim(text: $text, publishedAt: $publishedAt, language: $language) {
    text language publishedAt verdict summary claimReview
    figures {
      asWritten start end verdict explanation
      value { amount unit comparator precision }
      period { label asWritten resolution event { name } }
      metric { metric { name slug } confidence words }
      subject { entities { name slug } confidence named words }
      matches { verdict explanation statistic { slug value { asWritten } } }
    }
    ignored { asWritten reason }
  }
}`;

/** A statistic a figure was compared with. */
export interface PageMatch {
  readonly verdict: string;
  readonly explanation: string;
  readonly statistic: { readonly slug: string; readonly value: { readonly asWritten: string | null } };
}

/** One figure of the answer. */
export interface PageFigure {
  readonly asWritten: string;
  readonly start: number;
  readonly end: number;
  readonly verdict: string;
  readonly explanation: string;
  readonly value: { readonly amount: number; readonly unit: string; readonly comparator: string; readonly precision: number };
  readonly period: { readonly label: string; readonly asWritten: string; readonly resolution: string | null; readonly event: { readonly name: string } | null } | null;
  readonly metric: { readonly metric: { readonly name: string; readonly slug: string }; readonly confidence: number; readonly words: readonly string[] } | null;
  readonly subject: { readonly entities: readonly { readonly name: string; readonly slug: string }[]; readonly confidence: number; readonly named: boolean; readonly words: readonly string[] } | null;
  readonly matches: readonly PageMatch[];
}

/** The check as the page draws it. */
export interface PageCheck {
  readonly text: string;
  readonly language: string;
  readonly publishedAt: string | null;
  readonly verdict: string;
  readonly summary: string;
  readonly claimReview: Record<string, unknown>;
  readonly figures: readonly PageFigure[];
  readonly ignored: readonly { readonly asWritten: string; readonly reason: string }[];
}
