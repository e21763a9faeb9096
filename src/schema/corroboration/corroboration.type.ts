import { Field, Int, ObjectType } from "type-graphql";
import type { Corroboration as FactsCorroboration } from "../../facts/corroboration.js";
import { CitingPublisher } from "./citing-publisher.type.js";
import { ProducerGroup } from "./producer-group.type.js";

/** How independently a figure is supported. `producers`, `publishers` and `summary` are resolved in corroboration.resolver.ts. */
@ObjectType("Corroboration", {
  description:
    "How independently a figure is supported. Producers (who originally produced the figure, following attributions and republishing reports) are counted separately from publishers (who printed it): three newspapers repeating one KPMG–AliResearch figure are one producer and three publishers. Citations that name no producer are counted, never guessed.",
  simpleResolvers: true,
})
export class Corroboration {
  /** The facts result and what the summary needs to name producers (not GraphQL fields). */
  readonly result: FactsCorroboration;
  readonly reportTitles: ReadonlyMap<number, string>;

  @Field(() => Int, { description: "Distinct primary producers among the attributed citations, including attributions the editors inferred." })
  readonly producerCount: number;

  @Field(() => Int, { description: "Distinct primary producers counting only attributions the sources state (leaving out the editors' inferences)." })
  readonly statedProducerCount: number;

  @Field(() => Int, { description: "Distinct publishers of the citing documents; a document that names no publisher counts as a publisher of its own." })
  readonly publisherCount: number;

  @Field(() => Int, { description: "Citations of the figure (documents stating it)." })
  readonly citationCount: number;

  @Field(() => Int, { description: "Citations whose document names no producer (no attribution stated, or only an unidentifiable one such as \"analysts said\")." })
  readonly unattributedCount: number;

  @Field(() => Int, { description: "Citations whose attribution is the editors' inference rather than the document's words." })
  readonly inferredCount: number;

  constructor(result: FactsCorroboration, reportTitles: ReadonlyMap<number, string>) {
    this.result = result;
    this.reportTitles = reportTitles;
    this.producerCount = result.producerCount;
    this.statedProducerCount = result.statedProducerCount;
    this.publisherCount = result.publisherCount;
    this.citationCount = result.citationCount;
    this.unattributedCount = result.unattributedCount;
    this.inferredCount = result.inferredCount;
  }

  /** The producer groups as GraphQL objects. */
  producerGroups(): ProducerGroup[] {
    return this.result.producers.map((g) => new ProducerGroup(g.entities, g.reports));
  }

  /** The citing publishers as GraphQL objects. */
  citingPublishers(): CitingPublisher[] {
    return this.result.publishers.map((p) => new CitingPublisher(p.publisherId === null ? null : Number(p.publisherId), p.sourceIds.map(Number)));
  }
}
