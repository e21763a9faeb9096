/**
 * The operations the fact card runs through the public API (as any frontend would), and
 * the shapes of their results. The card never reads the database itself. Nesting stays
 * shallow (six levels at most) and aliases few, well within the API's limits.
 */
import type { AgreementVerdict as FactsAgreementVerdict, StatisticKind as FactsStatisticKind } from "../../facts/agreement.js";
import type { DerivationVerdict } from "../../facts/derivation.js";
import type { ProvenanceStepKind as FactsProvenanceStepKind } from "../../facts/provenance.js";
import { type ApiUnit, UNIT_FIELDS } from "../chart/api-unit.js";

/** A value as the API gives it: the words as written when archived, else the amount and comparator. */
export interface ValueLike {
  readonly asWritten: string | null;
  readonly amount: number;
  readonly comparator: string;
  readonly unit: string;
  /** The API's `display`: the value in words for people, whether or not its source is archived. */
  readonly display?: string;
}

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
      value { amount unit comparator lowerBound upperBound lowerInclusive upperInclusive asWritten display displayZh: display(language: ZH) unitDetails { ${UNIT_FIELDS} } }
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

/** The kinds of statistic (the API's StatisticKind enum, whose values are these). */
export type StatisticKind = FactsStatisticKind;

export interface NamedRef {
  readonly __typename: string;
  readonly slug: string;
  readonly name: string;
}

export interface ReportRef {
  readonly __typename: "Report";
  readonly slug: string;
  readonly title: string;
}

/** An interval as the API's Quantity gives it (null bounds are unbounded). */
export interface Interval {
  readonly lowerBound: number | null;
  readonly upperBound: number | null;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
  readonly unit: string;
  /** The interval in words ("more than 54,945 sessions per day"). */
  readonly display?: string;
}

/** The kinds of provenance step (the API's ProvenanceStepKind enum, whose values are these). */
export type ProvenanceStepKind = FactsProvenanceStepKind;

/** Something a provenance step connects. */
export type StepSubject =
  | { readonly __typename: "Source"; readonly slug: string; readonly sourceTitle: string | null; readonly publishedAt: string | null; readonly publisherAsNamed: string | null }
  | { readonly __typename: "Report"; readonly slug: string; readonly title: string }
  | { readonly __typename: "Statistic"; readonly slug: string; readonly value: ValueLike }
  | { readonly __typename: string; readonly slug: string; readonly name: string };

export interface ProvenanceChain {
  readonly citation: { readonly slug: string };
  readonly steps: readonly { readonly kind: ProvenanceStepKind; readonly stated: boolean; readonly description: string; readonly subjects: readonly StepSubject[] }[];
}

/** The verdicts on a pair of figures (the API's AgreementVerdict enum, whose values are these). */
export type AgreementVerdict = FactsAgreementVerdict;

export interface Comparison {
  readonly verdict: AgreementVerdict;
  readonly reason: string;
  readonly statistic: {
    readonly slug: string;
    readonly kind: StatisticKind;
    readonly value: ValueLike;
    readonly period: { readonly label: string } | null;
    readonly producers: readonly { readonly name: string }[];
  };
}

export interface Derivation {
  readonly verdict: DerivationVerdict;
  readonly formula: string;
  readonly explanation: string;
  readonly stated: Interval;
  readonly recomputed: Interval | null;
  readonly inputs: readonly { readonly name: string; readonly asUsed: Interval; readonly statistic: { readonly slug: string; readonly value: ValueLike } }[];
}

/** The citation styles the card offers, by the alias its query gives each `cite(style:)`. */
export const CITATION_STYLES = [
  { key: "apa", label: "APA" },
  { key: "mla", label: "MLA" },
  { key: "chicago", label: "Chicago" },
  { key: "gbt7714", label: "GB/T 7714" },
  { key: "cslJson", label: "CSL-JSON" },
  { key: "bibtex", label: "BibTeX" },
] as const;

type CitationStyleKey = (typeof CITATION_STYLES)[number]["key"];

export interface CardCitation {
  readonly slug: string;
  readonly valueAsWritten: string | null;
  readonly periodAsWritten: string | null;
  readonly periodInferred: boolean;
  readonly attributionAsWritten: string | null;
  readonly attributionInferred: boolean;
  readonly attributionNote: string | null;
  readonly note: string | null;
  readonly verified: boolean;
  readonly verificationNote: string;
  readonly quote: { readonly exact: string; readonly start: number; readonly end: number } | null;
  readonly attributedTo: ReportRef | NamedRef | null;
  readonly source: {
    readonly slug: string;
    readonly title: string | null;
    readonly titleIsDescriptive: boolean;
    readonly url: string;
    readonly urlStatus: string;
    readonly publishedAt: string | null;
    readonly language: string;
    readonly kind: string;
    readonly publisherAsNamed: string | null;
    readonly publisher: { readonly slug: string; readonly name: string } | null;
    readonly archive: {
      readonly coverage: "FULL" | "EXCERPT" | "NONE";
      readonly sha256: string | null;
      readonly length: number | null;
      readonly retrievedAt: string | null;
      readonly intact: boolean | null;
    };
    /** The source's reference-list entry (APA). */
    readonly reference: string;
  };
}

export interface CardStatistic extends Readonly<Record<CitationStyleKey, string>> {
  readonly id: string;
  readonly slug: string;
  readonly kind: StatisticKind;
  readonly note: string | null;
  readonly hasVerifiedQuote: boolean;
  readonly metric: { readonly slug: string; readonly name: string; readonly description: string };
  readonly subject: NamedRef;
  readonly event: { readonly slug: string; readonly name: string } | null;
  readonly value: {
    readonly amount: number;
    readonly unit: string;
    readonly comparator: string;
    readonly lowerBound: number | null;
    readonly upperBound: number | null;
    readonly lowerInclusive: boolean;
    readonly upperInclusive: boolean;
    readonly asWritten: string | null;
    /** The value in words for people ("more than 1 trillion yuan"). */
    readonly display: string;
    /** The value in Chinese words (万, 亿). */
    readonly displayZh: string;
    readonly unitDetails: ApiUnit;
  };
  readonly period: {
    readonly label: string;
    readonly start: string;
    readonly end: string;
    readonly days: number;
    readonly asWritten: string | null;
    readonly resolution: string | null;
  } | null;
  readonly producers: readonly NamedRef[];
  readonly provenance: readonly ProvenanceChain[];
  readonly agreement: { readonly comparisons: readonly Comparison[] };
  readonly corroboration: {
    readonly summary: string;
    readonly citationCount: number;
    readonly producerCount: number;
    readonly publisherCount: number;
    readonly statedProducerCount: number;
    readonly unattributedCount: number;
    readonly inferredCount: number;
  };
  readonly derivation: Derivation | null;
  readonly citations: readonly CardCitation[];
}

/** The result of FACT_CARD_QUERY. */
export interface FactCardResult {
  readonly statistic: CardStatistic | null;
  readonly knowledgeBase: { readonly dataVersion: string; readonly builtAt: string };
}

/** The result of PASSAGE_QUERY. */
export interface PassageResult {
  readonly source: { readonly text: string | null } | null;
}
