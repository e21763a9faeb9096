import { writeFileSync } from "node:fs";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import { useLeanResolvers } from "./lean-resolvers.js";
import { MetricConversionResolver } from "./agreement/metric-conversion.resolver.js";
import { BrandResolver } from "./brand/brand.resolver.js";
import { CitationResolver } from "./citation/citation.resolver.js";
import { ClaimResolver } from "./claim/claim.resolver.js";
import { ConflictGroupResolver, ConflictPairResolver, ConflictResolver } from "./conflict/conflict.resolver.js";
import { AttributionDoubtResolver } from "./corroboration/attribution-doubt.resolver.js";
import { CitingPublisherResolver } from "./corroboration/citing-publisher.resolver.js";
import { CorroborationResolver } from "./corroboration/corroboration.resolver.js";
import { ProducerGroupResolver } from "./corroboration/producer-group.resolver.js";
import { ProducerLinkResolver } from "./corroboration/producer-link.resolver.js";
import { EntityResolver } from "./entity/entity.resolver.js";
import { EventResolver } from "./event/event.resolver.js";
import { KnowledgeBaseResolver } from "./knowledge-base/knowledge-base.resolver.js";
import { MarketResolver } from "./market/market.resolver.js";
import { MCNResolver } from "./mcn/mcn.resolver.js";
import { MetricResolver } from "./metric/metric.resolver.js";
import { RelatedMetricResolver } from "./metric/related-metric.resolver.js";
import { NodeResolver } from "./node/node.resolver.js";
import { OrganizationResolver } from "./organization/organization.resolver.js";
import { PersonResolver } from "./person/person.resolver.js";
import { PlatformResolver } from "./platform/platform.resolver.js";
import { ProvenanceStepResolver } from "./provenance/provenance-step.resolver.js";
import { ReportBasisResolver } from "./report/report-basis.resolver.js";
import { ReportResolver } from "./report/report.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { SourceArchiveResolver } from "./source/source-archive.resolver.js";
import { SourceResolver } from "./source/source.resolver.js";
import { StatisticFactsResolver } from "./statistic/statistic-facts.resolver.js";
import { StatisticResolver } from "./statistic/statistic.resolver.js";
import { StatisticValueResolver } from "./statistic/statistic-value.resolver.js";
import { QuantityResolver } from "./common/quantity.resolver.js";
import { MetricUnitResolver, UnitResolver } from "./unit/unit.resolver.js";

/** Every resolver class of the API. */
const RESOLVERS = [
  NodeResolver,
  KnowledgeBaseResolver,
  StatisticResolver,
  StatisticFactsResolver,
  MetricConversionResolver,
  CorroborationResolver,
  ProducerGroupResolver,
  ProducerLinkResolver,
  AttributionDoubtResolver,
  CitingPublisherResolver,
  ProvenanceStepResolver,
  ConflictResolver,
  ConflictGroupResolver,
  ConflictPairResolver,
  CitationResolver,
  SourceResolver,
  SourceArchiveResolver,
  ReportResolver,
  ReportBasisResolver,
  MetricResolver,
  RelatedMetricResolver,
  EntityResolver,
  PlatformResolver,
  OrganizationResolver,
  MCNResolver,
  BrandResolver,
  PersonResolver,
  MarketResolver,
  EventResolver,
  SearchResolver,
  ClaimResolver,
  StatisticValueResolver,
  QuantityResolver,
  UnitResolver,
  MetricUnitResolver,
] as const;

let built: GraphQLSchema | null = null;

/**
 * The executable schema, built once from the decorated classes (type-graphql keeps its
 * metadata globally, so building twice would only repeat the work). Argument validation is
 * done by the resolvers themselves (class-validator is not used), and type-graphql's resolver
 * wrappers are replaced by direct calls (lean-resolvers.ts).
 */
export function buildApiSchema(): GraphQLSchema {
  if (!built) {
    built = buildSchemaSync({ resolvers: [...RESOLVERS], validate: false });
    useLeanResolvers(built);
    // type-graphql has no option for the root type's description; the type is not shared yet.
    built.getQueryType()!.description = QUERY_DESCRIPTION;
  }
  return built;
}

const QUERY_DESCRIPTION =
  "A knowledge base of China's live-streaming e-commerce sector in which every figure traces to the passage that states it and to whoever produced it. Start from `statistics`, `search` or a lookup by slug.";

/** The schema as SDL, sorted lexicographically so that the committed file diffs cleanly. */
export function schemaSdl(schema: GraphQLSchema = buildApiSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Writes the sorted SDL to `path` (the committed schema.graphql; `npm run schema`). */
export function writeSchemaFile(path: string): void {
  writeFileSync(path, schemaSdl());
}
