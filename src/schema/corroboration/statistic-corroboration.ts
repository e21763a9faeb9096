import type { RequestContext } from "../../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { corroborate } from "../../facts/corroboration.js";
import { loadAll } from "../common/load-all.js";
import { Corroboration } from "./corroboration.type.js";
import { reportLinks } from "./report-links.js";

/**
 * The corroboration of a statistic: its citations, their sources' publishers and the report
 * graph behind their attributions, counted by `corroborate`. Loads are batched per page.
 */
export async function statisticCorroboration(row: StatisticRow, ctx: RequestContext): Promise<Corroboration> {
  const [citations, graph] = await Promise.all([ctx.loaders.citationsByStatistic.load(row.id), ctx.loaders.reportGraph.load(row.id)]);
  const sources = await loadAll(ctx.loaders.sourceById.loadMany(citations.map((c) => c.sourceId)));
  const result = corroborate(
    citations.map((c, i) => ({
      sourceId: c.sourceId,
      publisherId: sources[i]?.publisherId ?? null,
      attribution: { reportId: c.attributedReportId, entityId: c.attributedEntityId, inferred: c.attributionInferred === 1 },
    })),
    reportLinks(graph),
  );
  return new Corroboration(result, new Map([...graph.reports.values()].map((r) => [r.id, r.title])));
}
