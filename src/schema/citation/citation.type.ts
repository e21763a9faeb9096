import { Field, ID, ObjectType } from "type-graphql";
import type { CitationRow } from "../../db/citation.repo.js";
import { toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { Quote } from "./quote.type.js";

/**
 * A source stating a statistic: the quote, the attribution as the source words it and
 * whether the quote verifies. Relations and verification are resolved in citation.resolver.ts.
 */
@ObjectType("Citation", {
  implements: Node,
  description:
    "The link between a statistic and a source that states it: the exact quote and where it lies in the archived text, the attribution as the source words it (resolved to a report or organization), and whether the quote verifies against the archive.",
  simpleResolvers: true,
})
export class Citation {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: CitationRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key: `<source slug>.<key>`." })
  readonly slug: string;

  @Field(() => Quote, { nullable: true, description: "The passage stating the figure; null when the source's text is not archived (coverage NONE)." })
  readonly quote: Quote | null;

  @Field(() => String, { nullable: true, description: "The value in this source's words (\"more than 1.73 million\")." })
  readonly valueAsWritten: string | null;

  @Field(() => String, { nullable: true, description: "The period in this source's words (\"last year\"), when it states one." })
  readonly periodAsWritten: string | null;

  @Field(() => Boolean, { description: "Whether the statistic's period is the editors' inference because this source states none." })
  readonly periodInferred: boolean;

  @Field(() => String, { nullable: true, description: "Whom the source credits, in its words (\"According to a study from Renmin University of China\"); null when not archived or not stated." })
  readonly attributionAsWritten: string | null;

  @Field(() => Boolean, { description: "Whether the link to `attributedTo` is the editors' inference rather than the source's words." })
  readonly attributionInferred: boolean;

  @Field(() => String, { nullable: true, description: "Editors' note on the attribution (e.g. why it was inferred, or whom a coverage-NONE source credits)." })
  readonly attributionNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The editors' doubt about the attribution, in their words (e.g. that the producer credited publishes no method and may have copied the figure); null when none is recorded. Corroboration lists it; it does not change the counts.",
  })
  readonly attributionDoubt: string | null;

  @Field(() => String, { nullable: true, description: "Editors' note on this citation." })
  readonly note: string | null;

  constructor(row: CitationRow) {
    this.row = row;
    this.id = toGlobalId("Citation", row.slug);
    this.slug = row.slug;
    this.quote = Quote.of(row);
    this.valueAsWritten = row.valueAsWritten;
    this.periodAsWritten = row.periodAsWritten;
    this.periodInferred = row.periodInferred === 1;
    this.attributionAsWritten = row.attributionAsWritten;
    this.attributionInferred = row.attributionInferred === 1;
    this.attributionNote = row.attributionNote;
    this.attributionDoubt = row.attributionDoubt;
    this.note = row.note;
  }
}
