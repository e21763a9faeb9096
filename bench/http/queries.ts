import { type DocumentNode, type GraphQLSchema, Kind, TypeInfo, buildSchema, parse, print, validate, visit, visitWithTypeInfo } from "graphql";

/**
 * The operations the HTTP benchmark sends. Each is written with every field it would like;
 * `fitToSchema` drops the fields the running server's schema does not have (the schema grows
 * while the benchmark stays the same), and says which it dropped.
 */

/** A fact card: one statistic with its value, citations, sources, producers and derivation. */
export const FACT_CARD = `query FactCard($slug: String!) {
  statistic(slug: $slug) {
    id slug kind hasVerifiedQuote note
    value { amount unit comparator asWritten lowerBound upperBound lowerInclusive upperInclusive }
    period { label start end asWritten resolution }
    metric { slug name units }
    subject { __typename slug name }
    producers { __typename slug name }
    derivation {
      formula verdict explanation
      stated { lowerBound upperBound lowerInclusive upperInclusive unit }
      recomputed { lowerBound upperBound lowerInclusive upperInclusive unit }
      inputs { name statistic { slug } value { amount unit comparator } asUsed { lowerBound upperBound unit } }
    }
    citations {
      slug verified verificationNote valueAsWritten periodAsWritten attributionAsWritten attributionInferred attributionNote
      quote { exact prefix suffix start end }
      attributedTo {
        __typename
        ... on Report { slug title kind authors { slug name } }
        ... on Organization { slug name }
        ... on Platform { slug name }
      }
      source {
        slug title url publishedAt language kind publisherAsNamed
        publisher { slug name }
        authors { slug name }
        archive { coverage sha256 length intact }
      }
    }
  }
}`;

/** A page of statistics with their citations and sources, newest period first. */
export const STATISTICS_PAGE = `query StatisticsPage($first: Int!) {
  statistics(first: $first, orderBy: { field: PERIOD, direction: DESC }) {
    pageInfo { endCursor hasNextPage }
    nodes {
      slug kind
      value { amount unit comparator asWritten }
      period { label start end }
      metric { slug name }
      subject { slug name }
      citations {
        slug verified valueAsWritten
        quote { exact start end }
        source { slug title url publishedAt publisher { slug name } }
      }
    }
  }
}`;

/** A full-text search, with snippets and what each hit is. */
export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 20) {
    totalCount
    nodes {
      rank snippet
      node {
        __typename
        ... on Statistic { slug value { amount unit asWritten } }
        ... on Source { slug sourceTitle: title url }
        ... on Report { slug title }
        ... on Metric { slug name }
        ... on Organization { slug name }
        ... on Platform { slug name }
        ... on Market { slug name }
      }
    }
  }
}`;

/** An operation fitted to a schema, and the fields that had to be left out. */
export interface FittedQuery {
  readonly query: string;
  readonly dropped: string[];
}

/** Parses a served SDL (what `GET /schema.graphql` returns). */
export function schemaFromSdl(sdl: string): GraphQLSchema {
  return buildSchema(sdl);
}

/**
 * Removes from `query` every field (and inline fragment on a type) the schema does not have,
 * then every selection left empty, and checks that what remains is a valid operation.
 */
export function fitToSchema(query: string, schema: GraphQLSchema): FittedQuery {
  const dropped: string[] = [];
  const typeInfo = new TypeInfo(schema);
  let doc: DocumentNode = visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          if (!typeInfo.getFieldDef()) {
            dropped.push(`${typeInfo.getParentType()?.name ?? "?"}.${node.name.value}`);
            return null;
          }
          return undefined;
        },
      },
      InlineFragment: {
        enter(node) {
          if (node.typeCondition && !schema.getType(node.typeCondition.name.value)) {
            dropped.push(`... on ${node.typeCondition.name.value}`);
            return null;
          }
          return undefined;
        },
      },
    }),
  );
  // A field whose whole selection was dropped goes too (repeatedly: its parent may empty out).
  for (let changed = true; changed; ) {
    changed = false;
    doc = visit(doc, {
      Field: {
        leave(node) {
          if (node.selectionSet && node.selectionSet.selections.length === 0) {
            changed = true;
            return null;
          }
          return undefined;
        },
      },
      InlineFragment: {
        leave(node) {
          if (node.selectionSet.selections.length === 0) {
            changed = true;
            return null;
          }
          return undefined;
        },
      },
    });
  }
  const errors = validate(schema, doc);
  if (errors.length > 0) throw new Error(`the benchmark's operation does not fit the served schema: ${errors.map((e) => e.message).join("; ")}`);
  if (!doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) throw new Error("nothing of the operation is left in this schema");
  return { query: print(doc), dropped };
}
