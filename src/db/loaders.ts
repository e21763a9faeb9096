import DataLoader from "dataloader";
import type { Archive } from "./archives.js";
import { MAX_BATCH, groupBy } from "./batch.js";
import type { CitationRow } from "./citation.repo.js";
import type { EntityNameRow, EntityRow, MarketLinkRow } from "./entity.repo.js";
import type { MetricRelationRow, MetricRow } from "./metric.repo.js";
import type { ReportBasisRow, ReportRow } from "./report.repo.js";
import type { Repositories } from "./repositories.js";
import type { SourceRow } from "./source.repo.js";
import type { CandidateKey, DerivationInputRow, StatisticRow } from "./statistic.repo.js";

/**
 * The reports behind one statistic's citations: every report a citation attributes it to and
 * every report reached from those through `basedOn`, with their links and authors.
 */
export interface ReportGraph {
  readonly reports: ReadonlyMap<number, ReportRow>;
  /** What each report is based on (empty lists are left out). */
  readonly basedOn: ReadonlyMap<number, readonly ReportBasisRow[]>;
  /** Each report's authors in order (empty lists are left out). */
  readonly authors: ReadonlyMap<number, readonly EntityRow[]>;
}

/** The cache key of a CandidateKey in `comparableStatistics`. */
function candidateKey(k: CandidateKey): string {
  return `${k.metricId}:${k.subjectId}:${k.periodStart ?? ""}:${k.periodEnd ?? ""}`;
}

/**
 * Per-request DataLoaders over the repositories: every `load` made while one level of a query
 * is resolved becomes one statement (one `?` per key), and each row is read at most once per
 * request. Fresh for every request, so nothing is cached across requests except the archived
 * texts (see ArchiveStore), which cannot change while the database is served.
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
  readonly citationById: DataLoader<number, CitationRow | null>;
  readonly citationBySlug: DataLoader<string, CitationRow | null>;
  readonly citationsByStatistic: DataLoader<number, CitationRow[]>;
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
  /** Every market that is part of a broader one; read once per request, on first use. */
  marketLinks(): Promise<readonly MarketLinkRow[]>;
}

/** Creates a fresh set of loaders for one request. */
export function createLoaders(repos: Repositories): Loaders {
  const entityById = unique(repos.entities.byIds.bind(repos.entities), (r) => r.id);
  const reportById = unique(repos.reports.byIds.bind(repos.reports), (r) => r.id);
  const metricById = unique(repos.metrics.byIds.bind(repos.metrics), (r) => r.id);
  const sourceById = unique(repos.sources.byIds.bind(repos.sources), (r) => r.id);
  const statisticById = unique(repos.statistics.byIds.bind(repos.statistics), (r) => r.id);
  const citationById = unique(repos.citations.byIds.bind(repos.citations), (r) => r.id);
  return {
    entityById,
    entityBySlug: unique(repos.entities.bySlugs.bind(repos.entities), (r) => r.slug, entityById),
    entityNames: grouped(repos.entities.names.bind(repos.entities), (r) => r.entityId),
    reportById,
    reportBySlug: unique(repos.reports.bySlugs.bind(repos.reports), (r) => r.slug, reportById),
    reportAuthors: grouped(repos.reports.authors.bind(repos.reports), (r) => r.reportId, entityRow(entityById)),
    reportBasedOn: grouped(repos.reports.basedOn.bind(repos.reports), (r) => r.reportId),
    metricById,
    metricBySlug: unique(repos.metrics.bySlugs.bind(repos.metrics), (r) => r.slug, metricById),
    metricUnits: grouped(repos.metrics.units.bind(repos.metrics), (r) => r.metricId, (r) => r.unit),
    metricRelated: grouped(repos.metrics.related.bind(repos.metrics), (r) => r.metricId),
    sourceById,
    sourceBySlug: unique(repos.sources.bySlugs.bind(repos.sources), (r) => r.slug, sourceById),
    sourceByUrl: unique(repos.sources.byUrls.bind(repos.sources), (r) => r.url, sourceById),
    sourceAuthors: grouped(repos.sources.authors.bind(repos.sources), (r) => r.sourceId, entityRow(entityById)),
    archiveBySource: new DataLoader<number, Archive | null>(async (ids) => {
      const found = repos.archives.load(ids);
      return ids.map((id) => found.get(id) ?? null);
    }, { maxBatchSize: MAX_BATCH }),
    statisticById,
    statisticBySlug: unique(repos.statistics.bySlugs.bind(repos.statistics), (r) => r.slug, statisticById),
    statisticProducers: grouped(repos.statistics.producers.bind(repos.statistics), (r) => r.statisticId, entityRow(entityById)),
    citationById,
    citationBySlug: unique(repos.citations.bySlugs.bind(repos.citations), (r) => r.slug, citationById),
    citationsByStatistic: grouped(repos.citations.byStatistics.bind(repos.citations), (r) => r.statisticId),
    derivationInputs: grouped(repos.statistics.derivationInputs.bind(repos.statistics), (r) => r.derivedId, (r) => {
      const { derivedId: _d, inputName: _n, inputPosition: _p, ...input } = r;
      statisticById.prime(input.id, input);
      return r;
    }),
    metricRelations: new DataLoader<number, MetricRelationRow[]>(
      async (ids) => {
        const rows = repos.metrics.relationsTouching(ids);
        return ids.map((id) => rows.filter((r) => r.metricId === id || r.relatedId === id));
      },
      { maxBatchSize: MAX_BATCH },
    ),
    comparableStatistics: new DataLoader<CandidateKey, StatisticRow[], string>(
      async (keys) => {
        const groups = new Map<string, StatisticRow[]>();
        for (const r of repos.statistics.comparableWith(keys)) {
          const { keyMetricId, keySubjectId, keyStart, keyEnd, ...row } = r;
          statisticById.prime(row.id, row);
          const k = candidateKey({ metricId: keyMetricId, subjectId: keySubjectId, periodStart: keyStart, periodEnd: keyEnd });
          const list = groups.get(k);
          if (list) list.push(row);
          else groups.set(k, [row]);
        }
        return keys.map((k) => groups.get(candidateKey(k)) ?? []);
      },
      { maxBatchSize: MAX_BATCH, cacheKeyFn: candidateKey },
    ),
    reportGraph: new DataLoader<number, ReportGraph>(
      async (ids) => {
        const { reports, authors } = repos.reports.graphOfStatistics(ids);
        const toEntity = entityRow(entityById);
        const graphs = new Map<number, { reports: Map<number, ReportRow>; basedOn: Map<number, ReportBasisRow[]>; authors: Map<number, EntityRow[]> }>();
        const graphOf = (id: number) => {
          let g = graphs.get(id);
          if (!g) graphs.set(id, (g = { reports: new Map(), basedOn: new Map(), authors: new Map() }));
          return g;
        };
        for (const r of reports) {
          const g = graphOf(r.statisticId);
          if (!g.reports.has(r.id)) {
            const { statisticId: _s, basedOnId: _b, basisRelation: _r, basisInferred: _i, basisNote: _n, ...report } = r;
            g.reports.set(r.id, report);
            reportById.prime(report.id, report);
          }
          if (r.basedOnId !== null && r.basisRelation !== null) {
            const list = g.basedOn.get(r.id) ?? [];
            list.push({ reportId: r.id, basedOnId: r.basedOnId, relation: r.basisRelation, inferred: r.basisInferred ?? 0, note: r.basisNote });
            g.basedOn.set(r.id, list);
          }
        }
        for (const a of authors) {
          const g = graphOf(a.statisticId);
          const list = g.authors.get(a.reportId) ?? [];
          list.push(toEntity(a));
          g.authors.set(a.reportId, list);
        }
        return ids.map((id) => graphs.get(id) ?? { reports: new Map(), basedOn: new Map(), authors: new Map() });
      },
      { maxBatchSize: MAX_BATCH },
    ),
    marketLinks: once(() => repos.entities.marketLinks()),
  };
}

/** A function that runs `read` on its first call and returns the same result afterwards. */
function once<T>(read: () => T): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= Promise.resolve().then(read));
}

/**
 * Takes the entity out of a joined row (author, producer) and primes the by-id loader with it,
 * so that the same entity met again in the request is not read again.
 */
function entityRow(byId: DataLoader<number, EntityRow | null>) {
  return (r: EntityRow): EntityRow => {
    const e: EntityRow = {
      id: r.id,
      slug: r.slug,
      type: r.type,
      name: r.name,
      description: r.description,
      orgKind: r.orgKind,
      website: r.website,
      operatorId: r.operatorId,
      parentId: r.parentId,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    byId.prime(e.id, e);
    return e;
  };
}

/**
 * A loader of rows by a unique key (null when absent). Rows found are also primed into the
 * by-id loader, so a row fetched by slug is not fetched again by id.
 */
function unique<K extends string | number, Row extends { id: number }>(
  fetch: (keys: readonly K[]) => Row[],
  keyOf: (r: Row) => K,
  byId?: DataLoader<number, Row | null>,
): DataLoader<K, Row | null> {
  return new DataLoader<K, Row | null>(
    async (keys) => {
      const found = new Map(fetch(keys).map((r) => [keyOf(r), r]));
      if (byId) for (const r of found.values()) byId.prime(r.id, r);
      return keys.map((k) => found.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** A loader of the rows belonging to each key (empty when none), mapped by `value`. */
function grouped<K extends number, Row, V = Row>(fetch: (keys: readonly K[]) => Row[], keyOf: (r: Row) => K, value?: (r: Row) => V): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = groupBy(fetch(keys), keyOf);
      return keys.map((k) => (groups.get(k) ?? []).map((r) => (value ? value(r) : (r as unknown as V))));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
