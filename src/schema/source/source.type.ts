import { Field, ID, ObjectType } from "type-graphql";
import type { SourceRow } from "../../db/source.repo.js";
import { toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { LocaleScalar, PartialDateScalar, URLScalar } from "../common/scalars.js";
import { SourceArchive } from "./source-archive.type.js";
import { SourceKind } from "./source-kind.enum.js";
import { UrlStatus } from "./url-status.enum.js";

/** A document that was read, with its bibliographic data and archive. Relations in source.resolver.ts. */
@ObjectType("Source", {
  implements: Node,
  description: "A document that was read: a news article, press release, report page, filing or post, with its bibliographic data and what is archived of its text.",
  simpleResolvers: true,
})
export class Source {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: SourceRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key, e.g. `peoples-daily-2020-10-22-live-streaming-trillion`." })
  readonly slug: string;

  @Field(() => String, { nullable: true, description: "Title as published (or a descriptive title when `titleIsDescriptive`); null when unknown." })
  readonly title: string | null;

  @Field(() => Boolean, { description: "Whether `title` was written by the editors to describe an untitled document." })
  readonly titleIsDescriptive: boolean;

  @Field(() => URLScalar, { description: "Where the document is (see `urlStatus`)." })
  readonly url: string;

  @Field(() => UrlStatus, { description: "Whether the URL is the publisher's original, where it was read, a repost, or an inferred original." })
  readonly urlStatus: UrlStatus;

  @Field(() => String, { nullable: true, description: "The publisher's name as the document gives it (e.g. \"People's Daily Online\")." })
  readonly publisherAsNamed: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date to the precision known: `2020-10-22`, `2020-12` or `2021`; null when undated." })
  readonly publishedAt: string | null;

  @Field(() => LocaleScalar, { description: "Language of the document (BCP 47), e.g. `en`, `zh-Hans`." })
  readonly language: string;

  @Field(() => SourceKind, { description: "What kind of document it is." })
  readonly kind: SourceKind;

  @Field(() => SourceArchive, { description: "What is archived of the text: coverage, SHA-256, length, retrieval date." })
  readonly archive: SourceArchive;

  @Field(() => String, { nullable: true, description: "Editors' note on the document." })
  readonly note: string | null;

  constructor(row: SourceRow) {
    this.row = row;
    this.id = toGlobalId("Source", row.slug);
    this.slug = row.slug;
    this.title = row.title;
    this.titleIsDescriptive = row.titleIsDescriptive === 1;
    this.url = row.url;
    this.urlStatus = row.urlStatus as UrlStatus;
    this.publisherAsNamed = row.publisherAsNamed;
    this.publishedAt = row.published;
    this.language = row.language;
    this.kind = row.kind as SourceKind;
    this.archive = new SourceArchive(row);
    this.note = row.note;
  }
}
