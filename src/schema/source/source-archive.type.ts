import { Field, Int, ObjectType } from "type-graphql";
import type { SourceRow } from "../../db/source.repo.js";
import { LocalDateScalar } from "../common/scalars.js";
import { ArchiveCoverage } from "./archive-coverage.enum.js";

/** What the knowledge base holds of a source's text. */
@ObjectType("SourceArchive", {
  description: "What the knowledge base holds of a source's text: how much, its SHA-256 and length, and when it was read. Read the text itself with `Source.text`.",
  simpleResolvers: true,
})
export class SourceArchive {
  /** The source's row id, for resolvers (not a GraphQL field). */
  readonly sourceId: number;

  @Field(() => ArchiveCoverage, { description: "FULL text, an EXCERPT, or NONE (bibliographic data only)." })
  readonly coverage: ArchiveCoverage;

  @Field(() => String, { nullable: true, description: "Lower-case hex SHA-256 of the archived text (UTF-8), recorded when it was archived; null for coverage NONE." })
  readonly sha256: string | null;

  @Field(() => Int, { nullable: true, description: "Length of the archived text in Unicode code points; null for coverage NONE." })
  readonly length: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the document was read and entered into the knowledge base, when recorded." })
  readonly retrievedAt: string | null;

  constructor(row: SourceRow) {
    this.sourceId = row.id;
    this.coverage = row.coverage as ArchiveCoverage;
    this.sha256 = row.sha256;
    this.length = row.length;
    this.retrievedAt = row.retrievedAt;
  }
}
