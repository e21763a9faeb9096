/**
 * The loaders of one request, behind the `Loaders` interface the resolvers use: which loaders
 * there are, each made on first use from the builders of loader-builders.ts or, for the
 * statistics related to a statistic and the report graph, from statistic-loaders.ts and
 * report-graph-loader.ts.
 */
import DataLoader from "dataloader";
import type { Archive } from "./archives.js";
import { MAX_BATCH } from "./batch.js";
import type { CitationRow, CitationViaRow } from "./citation.repo.js";
import type { EntityNameRow, EntityRow, ScopeLinks } from "./entity.repo.js";
import { entityRow, grouped, once, unique } from "./loader-builders.js";
import type { MetricRelationRow, MetricRow } from "./metric.repo.js";
import { type ReportGraph, reportGraphLoader } from "./report-graph-loader.js";
import type { ReportBasisRow, ReportRow } from "./report.repo.js";
import type { Repositories } from "./repositories.js";
import type { SourceRow } from "./source.repo.js";
import { comparableStatisticsLoader, derivationInputsLoader } from "./statistic-loaders.js";
import type { CandidateKey, DerivationInputRow, StatisticRow } from "./statistic.repo.js";

/**
 * Per-request DataLoaders over the repositories: every `load` made while one level of a query
 * is resolved becomes one statement (one `?` per key), and each row is read at most once per
 * request. Fresh for every request; what is kept across requests lives below them, in the
 * repositories they call: the archived texts (ArchiveStore) and, when the server is given one,
 * the row cache (src/db/row-cache.ts), both safe because the database cannot change while it
 * is served.
 */
export interface Loaders {
  readonly entityById: DataLoader<number, EntityRow | null>;
  readonly entityBySlug: DataLoader<string, EntityRow | null>;
  readonly entityNames: DataLoader<number, EntityNameRow[]>;
  readonly reportById: DataLoader<number, ReportRow | null>;
  readonly reportBySlug: DataLoader<string, ReportRow | null>;
  /** Authors of a report, in order. */
  readonly reportAuthors: DataLoader<number, EntityRow[]>;
  readonly reportBasedOn: DataLoader<number, ReportBasisRow[]>;
  readonly metricById: DataLoader<number, MetricRow | null>;
  readonly metricBySlug: DataLoader<string, MetricRow | null>;
  readonly metricUnits: DataLoader<number, string[]>;
  readonly metricRelated: DataLoader<number, MetricRelationRow[]>;
  readonly sourceById: DataLoader<number, SourceRow | null>;
  readonly sourceBySlug: DataLoader<string, SourceRow | null>;
  readonly sourceByUrl: DataLoader<string, SourceRow | null>;
  /** Authors of a source, in byline order. */
  readonly sourceAuthors: DataLoader<number, EntityRow[]>;
  readonly archiveBySource: DataLoader<number, Archive | null>;
  readonly statisticById: DataLoader<number, StatisticRow | null>;
  readonly statisticBySlug: DataLoader<string, StatisticRow | null>;
  /** Producers of a statistic, by name. */
  readonly statisticProducers: DataLoader<number, EntityRow[]>;
  readonly citationBySlug: DataLoader<string, CitationRow | null>;
  readonly citationsByStatistic: DataLoader<number, CitationRow[]>;
  /** The intermediaries of a citation's attribution, in order from the source toward the producer; empty for most. */
  readonly citationVia: DataLoader<number, CitationViaRow[]>;
  /** Named inputs of a derived statistic (the input statistics themselves), in formula order; empty for other statistics. */
  readonly derivationInputs: DataLoader<number, DerivationInputRow[]>;
  /** Relations touching a metric, declared from either side. */
  readonly metricRelations: DataLoader<number, MetricRelationRow[]>;
  /**
   * The statistics of a key's metric about its subject over an overlapping period (see
   * `StatisticRepository.comparableWith`), by slug; a batch of keys is one statement.
   */
  readonly comparableStatistics: DataLoader<CandidateKey, StatisticRow[], string>;
  /** The reports behind a statistic's citations (see ReportGraph). */
  readonly reportGraph: DataLoader<number, ReportGraph>;
  /** Every market (or other entity) part of a broader one, and every event with its dates; read once per request, on first use. */
  scopeLinks(): Promise<ScopeLinks>;
}

/**
 * Creates a fresh set of loaders for one request. Each loader is made on first use: a request
 * uses a few of them, and making all of them for every request (a DataLoader, its cache and
 * closures each) showed in the profile of a fact card.
 */
export function createLoaders(repos: Repositories): Loaders {
  return new RequestLoaders(repos);
}

/** The loaders of one request, each created when first asked for. */
class RequestLoaders implements Loaders {
  private readonly made = new Map<string, unknown>();

  constructor(private readonly repos: Repositories) {}

  private lazy<T>(name: string, make: (repos: Repositories) => T): T {
    let loader = this.made.get(name) as T | undefined;
    if (loader === undefined) {
      loader = make(this.repos);
      this.made.set(name, loader);
    }
    return loader;
  }

  get entityById() {
    return this.lazy("entityById", (r) => unique(r.entities.byIds.bind(r.entities), (x) => x.id));
  }
  get entityBySlug() {
    return this.lazy("entityBySlug", (r) => unique(r.entities.bySlugs.bind(r.entities), (x) => x.slug, this.entityById));
  }
  get entityNames() {
    return this.lazy("entityNames", (r) => grouped(r.entities.names.bind(r.entities), (x) => x.entityId));
  }
  get reportById() {
    return this.lazy("reportById", (r) => unique(r.reports.byIds.bind(r.reports), (x) => x.id));
  }
  get reportBySlug() {
    return this.lazy("reportBySlug", (r) => unique(r.reports.bySlugs.bind(r.reports), (x) => x.slug, this.reportById));
  }
  get reportAuthors() {
    return this.lazy("reportAuthors", (r) => grouped(r.reports.authors.bind(r.reports), (x) => x.reportId, entityRow(this.entityById)));
  }
  get reportBasedOn() {
    return this.lazy("reportBasedOn", (r) => grouped(r.reports.basedOn.bind(r.reports), (x) => x.reportId));
  }
  get metricById() {
    return this.lazy("metricById", (r) => unique(r.metrics.byIds.bind(r.metrics), (x) => x.id));
  }
  get metricBySlug() {
    return this.lazy("metricBySlug", (r) => unique(r.metrics.bySlugs.bind(r.metrics), (x) => x.slug, this.metricById));
  }
  get metricUnits() {
    return this.lazy("metricUnits", (r) => grouped(r.metrics.units.bind(r.metrics), (x) => x.metricId, (x) => x.unit));
  }
  get metricRelated() {
    return this.lazy("metricRelated", (r) => grouped(r.metrics.related.bind(r.metrics), (x) => x.metricId));
  }
  get sourceById() {
    return this.lazy("sourceById", (r) => unique(r.sources.byIds.bind(r.sources), (x) => x.id));
  }
  get sourceBySlug() {
    return this.lazy("sourceBySlug", (r) => unique(r.sources.bySlugs.bind(r.sources), (x) => x.slug, this.sourceById));
  }
  get sourceByUrl() {
    return this.lazy("sourceByUrl", (r) => unique(r.sources.byUrls.bind(r.sources), (x) => x.url, this.sourceById));
  }
  get sourceAuthors() {
    return this.lazy("sourceAuthors", (r) => grouped(r.sources.authors.bind(r.sources), (x) => x.sourceId, entityRow(this.entityById)));
  }
  get archiveBySource() {
    return this.lazy(
      "archiveBySource",
      (r) =>
        new DataLoader<number, Archive | null>(
          async (ids) => {
            const found = r.archives.load(ids);
            return ids.map((id) => found.get(id) ?? null);
          },
          { maxBatchSize: MAX_BATCH },
        ),
    );
  }
  get statisticById() {
    return this.lazy("statisticById", (r) => unique(r.statistics.byIds.bind(r.statistics), (x) => x.id));
  }
  get statisticBySlug() {
    return this.lazy("statisticBySlug", (r) => unique(r.statistics.bySlugs.bind(r.statistics), (x) => x.slug, this.statisticById));
  }
  get statisticProducers() {
    return this.lazy("statisticProducers", (r) => grouped(r.statistics.producers.bind(r.statistics), (x) => x.statisticId, entityRow(this.entityById)));
  }
  get citationBySlug() {
    return this.lazy("citationBySlug", (r) => unique(r.citations.bySlugs.bind(r.citations), (x) => x.slug));
  }
  get citationsByStatistic() {
    return this.lazy("citationsByStatistic", (r) => grouped(r.citations.byStatistics.bind(r.citations), (x) => x.statisticId));
  }
  get citationVia() {
    return this.lazy("citationVia", (r) => grouped(r.citations.via.bind(r.citations), (x) => x.citationId));
  }
  get derivationInputs() {
    return this.lazy("derivationInputs", (r) => derivationInputsLoader(r, this));
  }
  get metricRelations() {
    return this.lazy(
      "metricRelations",
      (r) =>
        new DataLoader<number, MetricRelationRow[]>(
          async (ids) => {
            const rows = r.metrics.relationsTouching(ids);
            return ids.map((id) => rows.filter((x) => x.metricId === id || x.relatedId === id));
          },
          { maxBatchSize: MAX_BATCH },
        ),
    );
  }
  get comparableStatistics() {
    return this.lazy("comparableStatistics", (r) => comparableStatisticsLoader(r, this));
  }
  get reportGraph() {
    return this.lazy("reportGraph", (r) => reportGraphLoader(r, this));
  }
  scopeLinks(): Promise<ScopeLinks> {
    return this.lazy("scopeLinks", (r) => once(() => r.entities.scopeLinks()))();
  }
}
