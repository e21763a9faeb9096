import { registerEnumType } from "type-graphql";

/** The kinds of step a provenance chain is made of. */
export enum ProvenanceStepKind {
  QUOTED_IN_SOURCE = "QUOTED_IN_SOURCE",
  CITED_IN_SOURCE = "CITED_IN_SOURCE",
  DERIVED_FROM = "DERIVED_FROM",
  RELAYED_BY = "RELAYED_BY",
  ATTRIBUTED_TO_REPORT = "ATTRIBUTED_TO_REPORT",
  ATTRIBUTED_TO_ENTITY = "ATTRIBUTED_TO_ENTITY",
  NO_ATTRIBUTION_STATED = "NO_ATTRIBUTION_STATED",
  REPUBLISHES = "REPUBLISHES",
  USES_DATA = "USES_DATA",
  AUTHORED_BY = "AUTHORED_BY",
  ECHOES = "ECHOES",
}

registerEnumType(ProvenanceStepKind, {
  name: "ProvenanceStepKind",
  description: "One kind of step from where a figure was read to who produced it, in the order a chain lists them.",
  valuesConfig: {
    QUOTED_IN_SOURCE: { description: "The figure is quoted from the source's archived text (subjects: the source)." },
    CITED_IN_SOURCE: { description: "The source states the figure, but no archived passage is quoted (the text is not archived)." },
    DERIVED_FROM: { description: "The figure is computed from other statistics by a recorded formula (subjects: the input statistics)." },
    RELAYED_BY: {
      description:
        "The figure reached the source (or the intermediary before) through an intermediary that passed it on without producing it, e.g. a wire agency (subjects: the intermediary before, if any, then this one). Intermediaries are not counted as producers.",
    },
    ATTRIBUTED_TO_REPORT: { description: "The source credits a report (subjects: the report)." },
    ATTRIBUTED_TO_ENTITY: { description: "The source credits an organization, platform or person directly (subjects: the entity)." },
    NO_ATTRIBUTION_STATED: { description: "The source names no producer; the chain ends here and no producer is invented." },
    REPUBLISHES: { description: "A report passes on another report's figures (subjects: the republishing report, then the original)." },
    USES_DATA: { description: "The producing report computed its figures from another's data (subjects: the report, then the data); the producer stays the report." },
    AUTHORED_BY: { description: "The producing report's authors (subjects: the report, then its authors)." },
    ECHOES: {
      description:
        "The editors record that the producer credited copied another's figure rather than measuring it (subjects: the credited producer, then the one it echoes; always the editors' record, so never `stated`). Steps of the echoed report follow.",
    },
  },
});
