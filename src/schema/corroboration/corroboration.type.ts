import { Field, Int, ObjectType } from "type-graphql";
import type { CitationRow } from "../../db/citation.repo.js";
import type { Corroboration as FactsCorroboration } from "../../facts/corroboration.js";
import { AttributionDoubt } from "./attribution-doubt.type.js";
import { CitingPublisher } from "./citing-publisher.type.js";
import { type CorroborationNames, doubtDescription, linkDescription, possibleEchoDescription } from "./corroboration-words.js";
import { PossibleEcho } from "./possible-echo.type.js";
import { ProducerGroup } from "./producer-group.type.js";
import { ProducerLinkKind } from "./producer-link-kind.enum.js";
import { ProducerLink } from "./producer-link.type.js";

/**
 * How independently a figure is supported. `producers`, `publishers`, `possibleEcho`,
 * `doubts` and `summary` are resolved in corroboration.resolver.ts from the facts result,
 * the statistic's citations and the names loaded with them.
 */
@ObjectType("Corroboration", {
  description:
    "How independently a figure is supported. Producers (who originally produced the figure, following attributions, intermediaries and republishing reports) are counted separately from publishers (who printed it): three newspapers repeating one KPMG–AliResearch figure are one producer and three publishers. Producers of one organization are one producer, and so are producers crediting the same figure to 3 or more significant digits (a possible echo: more likely copied than measured twice). Citations that name no producer are counted, never guessed.",
  simpleResolvers: true,
})
export class Corroboration {
  /** The facts result, the citations it was computed from and the names its sentences need (not GraphQL fields). */
  readonly result: FactsCorroboration;
  readonly citations: ReadonlyMap<number, CitationRow>;
  readonly names: CorroborationNames;

  @Field(() => Int, {
    description:
      "Independent primary producers: the producer groups, counted as one when they are a `possibleEcho` (the same figure to 3 or more significant digits credited to each). This is the number `summary` calls independent; it includes attributions the editors inferred.",
  })
  readonly producerCount: number;

  @Field(() => Int, {
    description: "Distinct producers the citations credit (`producers`), counting the producers of a possible echo apart. Equal to `producerCount` unless there is a `possibleEcho`.",
  })
  readonly creditedProducerCount: number;

  @Field(() => Int, { description: "Independent primary producers counting only attributions the sources state (leaving out the editors' inferences); a possible echo among them counts once." })
  readonly statedProducerCount: number;

  @Field(() => Int, { description: "Distinct publishers of the citing documents; a document that names no publisher counts as a publisher of its own." })
  readonly publisherCount: number;

  @Field(() => Int, { description: "Citations of the figure (documents stating it)." })
  readonly citationCount: number;

  @Field(() => Int, { description: "Citations whose document names no producer (no attribution stated, or only an unidentifiable one such as \"analysts said\")." })
  readonly unattributedCount: number;

  @Field(() => Int, { description: "Citations whose attribution is the editors' inference rather than the document's words." })
  readonly inferredCount: number;

  constructor(result: FactsCorroboration, citations: readonly CitationRow[], names: CorroborationNames) {
    this.result = result;
    this.citations = new Map(citations.map((c) => [c.id, c]));
    this.names = names;
    this.producerCount = result.producerCount;
    this.creditedProducerCount = result.creditedProducerCount;
    this.statedProducerCount = result.statedProducerCount;
    this.publisherCount = result.publisherCount;
    this.citationCount = result.citationCount;
    this.unattributedCount = result.unattributedCount;
    this.inferredCount = result.inferredCount;
  }

  /** The producer groups as GraphQL objects, with their links in words. */
  producerGroups(): ProducerGroup[] {
    return this.result.producers.map(
      (g) =>
        new ProducerGroup(
          g.entities,
          g.reports,
          g.links.map((link) =>
            link.kind === "SAME_ORGANIZATION"
              ? new ProducerLink(
                  ProducerLinkKind.SAME_ORGANIZATION,
                  linkDescription(link, this.names),
                  link.entities.map((e) => ({ reportId: null, entityId: e })),
                  link.common.organization,
                  null,
                )
              : new ProducerLink(ProducerLinkKind.KNOWN_ECHO, linkDescription(link, this.names), [link.credited, link.echoed], null, this.citation(link.citationId)),
          ),
        ),
    );
  }

  /** The possible echo as a GraphQL object, or null. */
  possibleEcho(): PossibleEcho | null {
    const echo = this.result.possibleEcho;
    if (!echo) return null;
    const groups = this.producerGroups();
    return new PossibleEcho(
      echo.groups.map((i) => groups[i]!),
      echo.significantDigits,
      possibleEchoDescription(echo, this.result.producers, this.names),
    );
  }

  /** The editors' doubts as GraphQL objects. */
  attributionDoubts(): AttributionDoubt[] {
    return this.result.doubts.flatMap((d) => {
      const row = this.citation(d.citationId);
      return row ? [new AttributionDoubt(row, d.producer, d.doubt, doubtDescription(d, this.names))] : [];
    });
  }

  /** The citing publishers as GraphQL objects. */
  citingPublishers(): CitingPublisher[] {
    return this.result.publishers.map((p) => new CitingPublisher(p.publisherId === null ? null : Number(p.publisherId), p.sourceIds.map(Number)));
  }

  private citation(id: string | number | null): CitationRow | null {
    return id === null ? null : this.citations.get(Number(id)) ?? null;
  }
}
