import { ArchiveStore } from "./archives.js";
import { CitationRepository } from "./citation.repo.js";
import type { KnowledgeDb } from "./database.js";
import { EntityRepository } from "./entity.repo.js";
import { MetaRepository } from "./meta.repo.js";
import { MetricRepository } from "./metric.repo.js";
import { ReportRepository } from "./report.repo.js";
import { SearchRepository } from "./search.repo.js";
import { SourceRepository } from "./source.repo.js";
import { StatisticRepository } from "./statistic.repo.js";
import { VocabularyRepository } from "./vocabulary.repo.js";
import { UnitRepository } from "./unit.repo.js";

/** Every repository over one database, created once and shared by all requests. */
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

/** Creates the repositories of a database. */
export function createRepositories(db: KnowledgeDb): Repositories {
  const sources = new SourceRepository(db);
  return {
    entities: new EntityRepository(db),
    reports: new ReportRepository(db),
    metrics: new MetricRepository(db),
    sources,
    citations: new CitationRepository(db),
    statistics: new StatisticRepository(db),
    search: new SearchRepository(db),
    meta: new MetaRepository(db),
    vocabulary: new VocabularyRepository(db),
    units: new UnitRepository(db),
    archives: new ArchiveStore(sources),
  };
}
