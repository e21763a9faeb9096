import DataLoader from "dataloader";
import type { Archive } from "./archives.js";
import { MAX_BATCH, groupBy } from "./batch.js";
import type { CitationRow, CitationViaRow } from "./citation.repo.js";
import type { EntityNameRow, EntityRow, ScopeLinks } from "./entity.repo.js";
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
    return this.lazy("derivationInputs", (r) =>
      grouped(r.statistics.derivationInputs.bind(r.statistics), (x) => x.derivedId, (x) => {
        this.statisticById.prime(x.id, inputStatistic(x));
        return x;
      }),
    );
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
    return this.lazy(
      "comparableStatistics",
      (r) =>
        new DataLoader<CandidateKey, StatisticRow[], string>(
          async (keys) => {
            const groups = groupBy(r.statistics.comparableWith(keys), (x) =>
              candidateKey({ metricId: x.keyMetricId, subjectId: x.keySubjectId, periodStart: x.keyStart, periodEnd: x.keyEnd }),
            );
            return keys.map((k) =>
              (groups.get(candidateKey(k)) ?? []).map(({ keyMetricId: _m, keySubjectId: _s, keyStart: _a, keyEnd: _b, ...row }) => {
                this.statisticById.prime(row.id, row);
                return row;
              }),
            );
          },
          { maxBatchSize: MAX_BATCH, cacheKeyFn: candidateKey },
        ),
    );
  }
  get reportGraph() {
    return this.lazy(
      "reportGraph",
      (r) =>
        new DataLoader<number, ReportGraph>(
          async (ids) => {
            const { reports, authors } = r.reports.graphOfStatistics(ids);
            const toEntity = entityRow(this.entityById);
            const reportById = this.reportById;
            const graphs = new Map<number, { reports: Map<number, ReportRow>; basedOn: Map<number, ReportBasisRow[]>; authors: Map<number, EntityRow[]> }>();
            const graphOf = (id: number) => {
              let g = graphs.get(id);
              if (!g) graphs.set(id, (g = { reports: new Map(), basedOn: new Map(), authors: new Map() }));
              return g;
            };
            for (const x of reports) {
              const g = graphOf(x.statisticId);
              if (!g.reports.has(x.id)) {
                const { statisticId: _s, basedOnId: _b, basisRelation: _r, basisInferred: _i, basisNote: _n, ...report } = x;
                g.reports.set(x.id, report);
                reportById.prime(report.id, report);
              }
              if (x.basedOnId !== null && x.basisRelation !== null) {
                const list = g.basedOn.get(x.id) ?? [];
                list.push({ reportId: x.id, basedOnId: x.basedOnId, relation: x.basisRelation, inferred: x.basisInferred ?? 0, note: x.basisNote });
                g.basedOn.set(x.id, list);
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
    );
  }
  scopeLinks(): Promise<ScopeLinks> {
    return this.lazy("scopeLinks", (r) => once(() => r.entities.scopeLinks()))();
  }
}

/**
 * The input statistic of a derivation input row (the row without its derivation columns). The
 * row cache hands every request the same frozen rows, so each is stripped once, not per
 * request (an object rest copy of a frozen row showed in the fact card's profile), and the
 * copy is frozen too, since every request then shares it.
 */
function inputStatistic(row: DerivationInputRow): StatisticRow {
  let input = INPUT_STATISTICS.get(row);
  if (input === undefined) {
    const { derivedId: _d, inputName: _n, inputPosition: _p, ...rest } = row;
    input = Object.freeze(rest);
    INPUT_STATISTICS.set(row, input);
  }
  return input;
}
const INPUT_STATISTICS = new WeakMap<DerivationInputRow, StatisticRow>();

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
