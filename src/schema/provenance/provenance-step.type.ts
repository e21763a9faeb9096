import { Field, ObjectType } from "type-graphql";
import type { ProvenanceRef, ProvenanceStep as FactsStep } from "../../facts/provenance.js";
import { ProvenanceStepKind } from "./provenance-step-kind.enum.js";

/** One step of a provenance chain. `subjects` is resolved in provenance-step.resolver.ts. */
@ObjectType("ProvenanceStep", { description: "One step from where a figure was read towards who produced it.", simpleResolvers: true })
export class ProvenanceStep {
  /** What the step connects, as row ids by type (not a GraphQL field). */
  readonly refs: readonly ProvenanceRef[];

  @Field(() => ProvenanceStepKind, { description: "What the step is." })
  readonly kind: ProvenanceStepKind;

  @Field(() => Boolean, {
    description: "true when the source (or the bibliographic record) states this step; false when it is an editor's inference, e.g. an attribution the document implies but does not make.",
  })
  readonly stated: boolean;

  @Field(() => String, { description: "The step in words, e.g. `the source attributes the figure to \"…\": \"According to a study from Renmin University of China\"`." })
  readonly description: string;

  constructor(step: FactsStep) {
    this.refs = step.subjects;
    this.kind = step.kind as ProvenanceStepKind;
    this.stated = step.stated;
    this.description = step.description;
  }
}
