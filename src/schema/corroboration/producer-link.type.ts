import { Field, ObjectType } from "type-graphql";
import type { CitationRow } from "../../db/citation.repo.js";
import type { ProducerRef } from "../../facts/corroboration-citation.js";
import { ProducerLinkKind } from "./producer-link-kind.enum.js";

/** Why two members of a producer group are one producer. Relations are resolved in producer-link.resolver.ts. */
@ObjectType("ProducerLink", {
  description:
    "Why two members of a ProducerGroup are one producer although they share no report: they belong to one organization, or the editors know one echoes the other.",
  simpleResolvers: true,
})
export class ProducerLink {
  @Field(() => ProducerLinkKind, { description: "What links the two." })
  readonly kind: ProducerLinkKind;

  @Field(() => String, {
    description:
      "The link in words, e.g. \"Taobao Live is part of Taobao: one organization\" or \"the editors record that the figure \\\"…\\\" credits to Bolt Data is copied from Acme Research\".",
  })
  readonly description: string;

  constructor(
    kind: ProducerLinkKind,
    description: string,
    /** The two members linked (SAME_ORGANIZATION: the entities; KNOWN_ECHO: the producer credited, then the one it echoes); not a GraphQL field. */
    readonly memberRefs: readonly ProducerRef[],
    /** SAME_ORGANIZATION: the row id of the organization both belong to; not a GraphQL field. */
    readonly organizationId: number | null,
    /** KNOWN_ECHO: the citation that records it; not a GraphQL field. */
    readonly citationRow: CitationRow | null,
  ) {
    this.kind = kind;
    this.description = description;
  }
}
