/**
 * The operations the fact card runs through the public API (as any frontend would), and
 * the shapes of their results. The card never reads the database itself. Nesting stays
 * shallow (six levels at most) so the card stays within the API's depth limit.
 */
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
      value { amount unit comparator lowerBound upperBound lowerInclusive upperInclusive asWritten }
      period { label start end days asWritten resolution }
      producers { __typename slug name }
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
          ... on Report {
            slug
            title
            kind
            published
            authors { __typename slug name }
            basedOn { relation inferred note report { slug title } }
          }
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
        }
      }
    }
    knowledgeBase { dataVersion builtAt }
  }
`;

/** A slice of a source's archived text, for the context around a quote. */
export const PASSAGE_QUERY = /* GraphQL */ `
  query FactCardPassage($source: String!, $start: Int!, $end: Int!) {
    source(slug: $source) { text(start: $start, end: $end) }
  }
`;

export type StatisticKind = "MEASUREMENT" | "ESTIMATE" | "FORECAST" | "SURVEY" | "DERIVED";

export interface NamedRef {
  readonly __typename: string;
  readonly slug: string;
  readonly name: string;
}

export interface ReportRef {
  readonly __typename: "Report";
  readonly slug: string;
  readonly title: string;
  readonly kind: string;
  readonly published: string | null;
  readonly authors: readonly NamedRef[];
  readonly basedOn: readonly { readonly relation: "REPUBLISHES" | "USES_DATA"; readonly inferred: boolean; readonly note: string | null; readonly report: { readonly slug: string; readonly title: string } }[];
}

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
  };
}

export interface CardStatistic {
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
    readonly asWritten: string;
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
