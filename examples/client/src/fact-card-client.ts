import { graphql } from "./gql/index.js";
import type { FactCardClientQuery } from "./gql/graphql.js";

/**
 * A frontend's fact-card query. `graphql()` returns a document typed from schema.graphql by
 * GraphQL Code Generator (see ../codegen.ts): the result type below is generated, so asking
 * for a field the schema does not have, or reading one the query did not select, fails the
 * type-check.
 */
export const FactCardClientDocument = graphql(`
  query FactCardClient($slug: String!) {
    statistic(slug: $slug) {
      slug
      kind
      metric { name }
      subject { name }
      value { asWritten amount unit comparator lowerBound upperBound }
      period { label }
      producers { name }
      derivation { verdict explanation }
      agreement { conflicting { reason statistic { slug } } }
      corroboration { summary producerCount }
      citation: cite(style: APA)
      citations {
        verified
        quote { exact start end }
        attributionAsWritten
        source {
          title
          url
          publishedAt
          publisher { name }
          archive { sha256 }
        }
      }
    }
  }
`);

/** The statistic of a fact card, exactly as the query selects it. */
export type FactCardStatistic = NonNullable<FactCardClientQuery["statistic"]>;

/**
 * Fetches one fact card from the API's /graphql endpoint. Null when no statistic has the
 * slug; throws with the API's messages when it answers with errors.
 */
export async function fetchFactCard(endpoint: string, slug: string, fetchImpl: typeof fetch = fetch): Promise<FactCardStatistic | null> {
  const response = await fetchImpl(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query: FactCardClientDocument.toString(), variables: { slug } }),
  });
  const body = (await response.json()) as { data?: FactCardClientQuery; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data?.statistic ?? null;
}

/** The other figures this one conflicts with, each as "slug: reason" (an empty list when none). */
export function conflicts(stat: FactCardStatistic): string[] {
  return stat.agreement.conflicting.map((c) => `${c.statistic.slug}: ${c.reason}`);
}

/** What a chart caption would print under the figure: value, what, and the first verified source. */
export function caption(stat: FactCardStatistic): string {
  const cited = stat.citations.find((c) => c.verified) ?? stat.citations[0];
  const source = cited ? `${cited.source.publisher?.name ?? "Unknown publisher"}, ${cited.source.publishedAt ?? "undated"}` : "no source";
  const by = stat.producers.length > 0 ? ` (${stat.producers.map((p) => p.name).join(", ")})` : "";
  // The words as written are null when the source's text is not archived: fall back to the amount.
  const value = stat.value.asWritten ?? stat.value.amount.toLocaleString("en-US");
  return `${stat.metric.name}, ${stat.subject.name}: ${value} ${stat.value.unit}${by}. Source: ${source}.`;
}
