/**
 * The report graph of a statistic: the reports behind its citations, what each is based on and
 * who wrote it, read for a batch of statistics in two statements (reports with their bases,
 * then authors) and split per statistic. The reports and authors read are primed into the
 * request's by-id loaders.
 */
import DataLoader from "dataloader";
import { MAX_BATCH } from "./batch.js";
import type { EntityRow } from "./entity.repo.js";
import { entityRow } from "./loader-builders.js";
import type { ReportBasisRow, ReportRow } from "./report.repo.js";
import type { Repositories } from "./repositories.js";

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

/** What the report graph primes: the request's loaders of entities and reports by id (read when a batch runs). */
interface ReportGraphPriming {
  readonly entityById: DataLoader<number, EntityRow | null>;
  readonly reportById: DataLoader<number, ReportRow | null>;
}

interface MutableGraph {
  reports: Map<number, ReportRow>;
  basedOn: Map<number, ReportBasisRow[]>;
  authors: Map<number, EntityRow[]>;
}

/** A loader of the report graph of each statistic (see ReportGraph). */
export function reportGraphLoader(r: Repositories, loaders: ReportGraphPriming): DataLoader<number, ReportGraph> {
  return new DataLoader<number, ReportGraph>(
    async (ids) => {
      const { reports, authors } = r.reports.graphOfStatistics(ids);
      const toEntity = entityRow(loaders.entityById);
      const reportById = loaders.reportById;
      const graphs = new Map<number, MutableGraph>();
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
  );
}
