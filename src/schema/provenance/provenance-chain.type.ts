import { Field, ObjectType } from "type-graphql";
import { Citation } from "../citation/citation.type.js";
import { ProvenanceStep } from "./provenance-step.type.js";

/** The provenance of a figure through one citation. */
@ObjectType("ProvenanceChain", {
  description:
    "The path from one document stating a figure to who produced it, as ordered steps: quoted (or cited) in the source, derived from other statistics, attributed to a report or entity (or no attribution stated), reports republished, data used, authors.",
  simpleResolvers: true,
})
export class ProvenanceChain {
  @Field(() => Citation, { description: "The citation this chain starts from." })
  readonly citation: Citation;

  @Field(() => [ProvenanceStep], { description: "The steps in order; the last is NO_ATTRIBUTION_STATED when the document names no producer." })
  readonly steps: ProvenanceStep[];

  constructor(citation: Citation, steps: ProvenanceStep[]) {
    this.citation = citation;
    this.steps = steps;
  }
}
