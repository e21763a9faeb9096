import type { RequestContext } from "../context.js";
import type { SourceRow } from "../../db/source.repo.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import type { CitableStatistic } from "../../facts/cite.js";
import type { CitableSource, SourceKind } from "../../facts/csl-item.js";
import type { Comparator } from "../../facts/interval.js";
import { loadPresent } from "../common/load-all.js";

/**
 * A source as `citeSource` takes it: the publisher as the document names it (else the
 * publisher's registry name), the byline's authors by name (a person's name is given whole:
 * the registry does not split family and given names), the retrieval date as access date.
 */
export async function citableSource(row: SourceRow, ctx: RequestContext): Promise<CitableSource> {
  const [authors, publisher] = await Promise.all([
    ctx.loaders.sourceAuthors.load(row.id),
    row.publisherId === null ? null : ctx.loaders.entityById.load(row.publisherId),
  ]);
  return {
    slug: row.slug,
    title: row.title,
    titleIsDescriptive: row.titleIsDescriptive === 1,
    kind: row.kind as SourceKind,
    publisherName: row.publisherAsNamed ?? publisher?.name ?? null,
    authors: authors.map((a) => ({ name: a.name })),
    published: row.published,
    url: row.url,
    language: row.language,
    accessed: row.retrievedAt,
  };
}

/** A statistic as `citeStatistic` takes it: metric and subject names, period, value, and its sources in citation order. */
export async function citableStatistic(row: StatisticRow, ctx: RequestContext): Promise<CitableStatistic> {
  const l = ctx.loaders;
  const [metric, subject, citations] = await Promise.all([l.metricById.load(row.metricId), l.entityById.load(row.subjectId), l.citationsByStatistic.load(row.id)]);
  const sourceRows = await loadPresent(l.sourceById, citations.map((c) => c.sourceId));
  const sources = await Promise.all(sourceRows.map((s) => citableSource(s, ctx)));
  return {
    metricName: metric?.name ?? "",
    subjectName: subject?.name ?? "",
    periodLabel: row.periodLabel ?? row.periodStart,
    kind: row.kind as CitableStatistic["kind"],
    comparator: row.comparator as Comparator,
    amount: row.amount,
    unit: row.unit,
    sources,
  };
}
