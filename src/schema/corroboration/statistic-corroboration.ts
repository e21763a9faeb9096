import type { RequestContext } from "../context.js";
import type { EntityRow } from "../../db/entity.repo.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { corroborate } from "../../facts/corroboration.js";
import { ownershipLinks } from "../../facts/one-organization.js";
import { loadAll, loadPresent } from "../common/load-all.js";
import { Corroboration } from "./corroboration.type.js";
import { reportLinks } from "./report-links.js";

/**
 * The corroboration of a statistic: its citations, their sources' publishers, the report
 * graph behind their attributions (and known echoes), and the producing entities with the
 * organizations above them, counted by `corroborate`. Loads are batched per page.
 */
export async function statisticCorroboration(row: StatisticRow, ctx: RequestContext): Promise<Corroboration> {
  const [citations, graph] = await Promise.all([ctx.loaders.citationsByStatistic.load(row.id), ctx.loaders.reportGraph.load(row.id)]);
  const producing = [
    ...citations.flatMap((c) => [c.attributedEntityId, c.echoOfEntityId].filter((id): id is number => id !== null)),
    ...[...graph.authors.values()].flatMap((authors) => authors.map((a) => a.id)),
  ];
  const [sources, entities] = await Promise.all([loadAll(ctx.loaders.sourceById.loadMany(citations.map((c) => c.sourceId))), withOrganizations(ctx, producing)]);
  const result = corroborate(
    citations.map((c, i) => ({
      citationId: c.id,
      sourceId: c.sourceId,
      publisherId: sources[i]?.publisherId ?? null,
      attribution: {
        reportId: c.attributedReportId,
        entityId: c.attributedEntityId,
        inferred: c.attributionInferred === 1,
        echoOf: { reportId: c.echoOfReportId, entityId: c.echoOfEntityId },
        doubt: c.attributionDoubt,
      },
    })),
    reportLinks(graph),
    { amount: row.amount, entities },
  );
  const sourceNames = new Map(sources.flatMap((s) => (s ? [[s.id, s.title ?? s.url] as const] : [])));
  return new Corroboration(result, citations, {
    entity: (id) => entities.get(id)?.name ?? `entity ${id}`,
    report: (id) => graph.reports.get(id)?.title ?? `report ${id}`,
    source: (id) => sourceNames.get(Number(id)) ?? `source ${id}`,
  });
}

/**
 * The entities with the given ids and every organization above them (operators, parents),
 * read level by level through the request's loaders: the registries' chains are short.
 */
async function withOrganizations(ctx: RequestContext, ids: readonly number[]): Promise<Map<number, EntityRow>> {
  const found = new Map<number, EntityRow>();
  let next = [...new Set(ids)];
  while (next.length > 0) {
    for (const e of await loadPresent(ctx.loaders.entityById, next)) found.set(e.id, e);
    next = [...new Set(next.flatMap((id) => (found.has(id) ? ownershipLinks(found.get(id)!).map((l) => l.to) : [])))].filter((id) => !found.has(id));
  }
  return found;
}
