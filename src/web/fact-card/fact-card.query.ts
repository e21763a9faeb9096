/**
 * The operations the fact card runs through the public API (as any frontend would), and
 * the shapes of their results. The card never reads the database itself. Nesting stays
 * shallow (six levels at most) and aliases few, well within the API's limits.
 *
 * The result types are generated from schema.graphql and the operations below by GraphQL
 * Code Generator (generated/fact-card.operations.ts; `npm run codegen:web` after changing a
 * query). The names below are the parts of those results the card's modules pass around.
 */
import type { FactCardPassageQuery, FactCardQuery } from "./generated/fact-card.operations.js";

export const FACT_CARD_QUERY = /* GraphQL */ `
  query FactCard($slug: String!) {
    statistic(slug: $slug) {
      id
      slug
      kind
      note
      hasVerifiedQuote
      metric { slug name description }
      subject { __typename slug name }
      event { slug name }
      value { amount unit comparator lowerBound upperBound lowerInclusive upperInclusive asWritten display displayZh: display(language: ZH) unitDetails { code kind singular plural symbol chinese description } }
      period { label start end days asWritten resolution }
      producers { __typename slug name }
      provenance {
        citation { slug }
        steps {
          kind
          stated
          description
          subjects {
            __typename
            ... on Source { slug sourceTitle: title publishedAt publisherAsNamed }
            ... on Report { slug title }
            ... on Entity { slug name }
            ... on Statistic { slug value { asWritten amount comparator unit display } }
          }
        }
      }
      agreement {
        comparisons {
          verdict
          reason
          statistic { slug kind value { asWritten amount comparator unit display } period { label } producers { name } }
        }
      }
      corroboration { summary citationCount producerCount publisherCount statedProducerCount unattributedCount inferredCount }
      derivation {
        verdict
        formula
        explanation
        stated { ...Interval }
        recomputed { ...Interval }
        inputs { name asUsed { ...Interval } statistic { slug value { asWritten amount comparator unit display } } }
      }
      apa: cite(style: APA)
      mla: cite(style: MLA)
      chicago: cite(style: CHICAGO)
      gbt7714: cite(style: GB_T_7714)
      cslJson: cite(style: CSL_JSON)
      bibtex: cite(style: BIBTEX)
      citations {
        slug
        valueAsWritten
        periodAsWritten
        periodInferred
        attributionAsWritten
        attributionInferred
        attributionNote
        note
        verified
        verificationNote
        quote { exact start end }
        attributedTo {
          __typename
          ... on Report { slug title }
          ... on Entity { slug name }
        }
        source {
          slug
          title
          titleIsDescriptive
          url
          urlStatus
          publishedAt
          language
          kind
          publisherAsNamed
          publisher { slug name }
          archive { coverage sha256 length retrievedAt intact }
          reference: cite(style: APA)
        }
      }
    }
    knowledgeBase { dataVersion builtAt }
  }

  fragment Interval on Quantity { lowerBound upperBound lowerInclusive upperInclusive unit display }
`;

/** A slice of a source's archived text, for the context around a quote. */
export const PASSAGE_QUERY = /* GraphQL */ `
  query FactCardPassage($source: String!, $start: Int!, $end: Int!) {
    source(slug: $source) { text(start: $start, end: $end) }
  }
`;

/** The result of FACT_CARD_QUERY. */
export type FactCardResult = FactCardQuery;

/** The result of PASSAGE_QUERY. */
export type PassageResult = FactCardPassageQuery;

/** The statistic a card shows, as FACT_CARD_QUERY selects it. */
export type CardStatistic = NonNullable<FactCardQuery["statistic"]>;

/** One citation of the statistic, with its source. */
export type CardCitation = CardStatistic["citations"][number];

/** The subject or a producer of the statistic: an entity, with its type, slug and name. */
export type NamedRef = CardStatistic["subject"];

/** One provenance chain: from a citation to whoever produced the figure. */
export type ProvenanceChain = CardStatistic["provenance"][number];

/** Something a provenance step connects (a source, report, entity or input statistic). */
export type StepSubject = ProvenanceChain["steps"][number]["subjects"][number];

/** The API's enums the card's modules name (its verdicts, provenance steps and kinds of statistic). */
export type { AgreementVerdict, ProvenanceStepKind, StatisticKind } from "./generated/fact-card.operations.js";

/** The citation styles the card offers, by the alias its query gives each `cite(style:)`. */
export const CITATION_STYLES = [
  { key: "apa", label: "APA" },
  { key: "mla", label: "MLA" },
  { key: "chicago", label: "Chicago" },
  { key: "gbt7714", label: "GB/T 7714" },
  { key: "cslJson", label: "CSL-JSON" },
  { key: "bibtex", label: "BibTeX" },
] as const;
