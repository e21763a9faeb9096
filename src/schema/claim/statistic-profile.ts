import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import type { StatisticKind } from "../../facts/agreement.js";
import type { StatisticProfile } from "../../facts/claims/claim-verdict.js";
import { loadAll } from "../common/load-all.js";
import { statisticCorroboration } from "../corroboration/statistic-corroboration.js";

/**
 * What a claim check says of a statistic it relied on: its kind, its producers as the sources
 * credit them (and whether only by the editors' inference), the documents that report it
 * ("People's Daily Online (2020-10-22)") and the possible echo among its producers. Read
 * through the request's loaders, so the statistics of one check are read in a few batches.
 */
export async function statisticProfile(row: StatisticRow, ctx: RequestContext): Promise<StatisticProfile> {
  const [producers, citations, corroboration] = await Promise.all([
    ctx.loaders.statisticProducers.load(row.id),
    ctx.loaders.citationsByStatistic.load(row.id),
    statisticCorroboration(row, ctx),
  ]);
  const sources = (await loadAll(ctx.loaders.sourceById.loadMany([...new Set(citations.map((c) => c.sourceId))]))).filter((s) => s !== null);
  const publishers = await loadAll(ctx.loaders.entityById.loadMany(sources.flatMap((s) => (s!.publisherId === null ? [] : [s!.publisherId]))));
  const publisherName = new Map(publishers.filter((p) => p !== null).map((p) => [p!.id, p!.name]));
  const reportedBy = sources.map((s) => {
    const name = s!.publisherAsNamed ?? (s!.publisherId !== null ? publisherName.get(s!.publisherId) : undefined) ?? s!.title ?? s!.url;
    return s!.published ? `${name} (${s!.published})` : name;
  });
  const attributed = citations.filter((c) => c.attributedReportId !== null || c.attributedEntityId !== null);
  return {
    kind: row.kind as StatisticKind,
    producers: producers.map((p) => p.name),
    producersInferred: attributed.length > 0 && attributed.every((c) => c.attributionInferred === 1),
    reportedBy: [...new Set(reportedBy)],
    possibleEcho: corroboration.possibleEcho()?.description ?? null,
  };
}
