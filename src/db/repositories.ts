import type { KnowledgeBaseAnalyses } from "../cache/analyses.js";
import { ArchiveStore } from "./archives.js";
import { CitationRepository } from "./citation.repo.js";
import { EntityRepository } from "./entity.repo.js";
import { MetaRepository } from "./meta.repo.js";
import { MetricRepository } from "./metric.repo.js";
import { ReportRepository } from "./report.repo.js";
import { SearchRepository } from "./search.repo.js";
import { SourceRepository } from "./source.repo.js";
import type { Statements } from "./statements.js";
import { StatisticRepository } from "./statistic.repo.js";
import { VocabularyRepository } from "./vocabulary.repo.js";
import { UnitRepository } from "./unit.repo.js";

/**
 * Every repository over one database, as one request sees them: made for the request with its
 * Statements (src/schema/context.ts), through which each of them runs every statement.
 */
export interface Repositories {
  readonly entities: EntityRepository;
  readonly reports: ReportRepository;
  readonly metrics: MetricRepository;
  readonly sources: SourceRepository;
  readonly citations: CitationRepository;
  readonly statistics: StatisticRepository;
  readonly search: SearchRepository;
  readonly meta: MetaRepository;
  /** The registries' words, read whole for reading claims. */
  readonly vocabulary: VocabularyRepository;
  readonly units: UnitRepository;
  readonly archives: ArchiveStore;
}

/**
 * Creates the repositories that run their statements through `run` (one request's, or one
 * without a deadline or row cache); what they keep across requests (archived texts, search
 * statistics, the longest period) is the knowledge base's, in `analyses`.
 */
export function createRepositories(run: Statements, analyses: KnowledgeBaseAnalyses): Repositories {
  const sources = new SourceRepository(run);
  return {
    entities: new EntityRepository(run),
    reports: new ReportRepository(run),
    metrics: new MetricRepository(run),
    sources,
    citations: new CitationRepository(run),
    statistics: new StatisticRepository(run, analyses),
    search: new SearchRepository(run, analyses),
    meta: new MetaRepository(run),
    vocabulary: new VocabularyRepository(run),
    units: new UnitRepository(run),
    archives: new ArchiveStore(sources, analyses.cache("archiveTexts")),
  };
}
