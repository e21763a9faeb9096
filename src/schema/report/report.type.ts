import { Field, ID, ObjectType } from "type-graphql";
import type { ReportRow } from "../../db/report.repo.js";
import { toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { LocaleScalar, PartialDateScalar, URLScalar } from "../common/scalars.js";
import { ReportKind } from "./report-kind.enum.js";

/** A work that produced figures. Relations in report.resolver.ts. */
@ObjectType("Report", {
  implements: Node,
  description: "A work that produced figures: a report, study, dataset, survey, official statement, filing or press release, e.g. the KPMG and AliResearch report of October 2020.",
  simpleResolvers: true,
})
export class Report {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: ReportRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key, e.g. `ruc-taobao-live-jobs-study`." })
  readonly slug: string;

  @Field(() => String, { description: "Title in English (descriptive when `titleIsDescriptive`)." })
  readonly title: string;

  @Field(() => Boolean, { description: "Whether `title` was written by the editors because the work's own title is unknown." })
  readonly titleIsDescriptive: boolean;

  @Field(() => String, { nullable: true, description: "Title in the original language, when known." })
  readonly originalTitle: string | null;

  @Field(() => LocaleScalar, { nullable: true, description: "Language of the original title (BCP 47)." })
  readonly originalLanguage: string | null;

  @Field(() => ReportKind, { description: "What kind of work it is." })
  readonly kind: ReportKind;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date to the precision known; null when unknown." })
  readonly published: string | null;

  @Field(() => URLScalar, { nullable: true, description: "Where the work itself is published, when known." })
  readonly url: string | null;

  @Field(() => String, { description: "What the work is, in the editors' words." })
  readonly description: string;

  constructor(row: ReportRow) {
    this.row = row;
    this.id = toGlobalId("Report", row.slug);
    this.slug = row.slug;
    this.title = row.title;
    this.titleIsDescriptive = row.titleIsDescriptive === 1;
    this.originalTitle = row.originalTitle;
    this.originalLanguage = row.originalLanguage;
    this.kind = row.kind as ReportKind;
    this.published = row.published;
    this.url = row.url;
    this.description = row.description;
  }
}
