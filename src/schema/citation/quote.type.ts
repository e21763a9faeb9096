import { Field, Int, ObjectType } from "type-graphql";
import type { CitationRow } from "../../db/citation.repo.js";

/** The passage that states a figure, located with W3C Web Annotation selectors. */
@ObjectType("Quote", {
  description:
    "The passage of the archived text that states the figure, as W3C Web Annotation selectors: a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end) counting Unicode code points.",
  simpleResolvers: true,
})
export class Quote {
  @Field(() => String, { description: "The passage, verbatim (typographic apostrophes included)." })
  readonly exact: string;

  @Field(() => String, { description: "Up to 32 code points of text just before the passage (empty at the start of the text)." })
  readonly prefix: string;

  @Field(() => String, { description: "Up to 32 code points of text just after the passage (empty at the end of the text)." })
  readonly suffix: string;

  @Field(() => Int, { description: "Code-point offset of the passage's first character in the archived text (0-based)." })
  readonly start: number;

  @Field(() => Int, { description: "Code-point offset just past the passage's last character (exclusive), so `Source.text(start, end)` returns `exact`." })
  readonly end: number;

  private constructor(row: CitationRow & { quoteExact: string; quoteStart: number; quoteEnd: number }) {
    this.exact = row.quoteExact;
    this.prefix = row.quotePrefix ?? "";
    this.suffix = row.quoteSuffix ?? "";
    this.start = row.quoteStart;
    this.end = row.quoteEnd;
  }

  /** The quote of a citation, or null when the source is not archived. */
  static of(row: CitationRow): Quote | null {
    return row.quoteExact !== null && row.quoteStart !== null && row.quoteEnd !== null
      ? new Quote(row as CitationRow & { quoteExact: string; quoteStart: number; quoteEnd: number })
      : null;
  }
}
