import type { StatisticCriteria } from "../../db/statistic.repo.js";
import type { RequestContext } from "../context.js";
import { userError } from "../common/user-error.js";
import type { StatisticFilter } from "./statistic-filter.input.js";

/**
 * Turns a filter of slugs into repository criteria of row ids, looking every slug up through
 * the request's loaders (one batched statement per kind of slug). A slug that names nothing
 * is a user error naming the filter field, since an empty result would hide a typo.
 */
export async function statisticCriteria(filter: StatisticFilter | undefined | null, ctx: RequestContext): Promise<StatisticCriteria> {
  if (!filter) return {};
  const { loaders } = ctx;
  const need = <T>(field: string, what: string, row: T | null, slug: string | undefined): T | undefined => {
    if (slug === undefined || slug === null) return undefined;
    if (row === null) throw userError(`Argument filter.${field}: no ${what} has the slug ${JSON.stringify(slug)}.`, "filter");
    return row;
  };
  const entity = (slug: string | undefined) => (slug == null ? null : loaders.entityBySlug.load(slug));
  const [metric, subject, event, source, producer] = await Promise.all([
    filter.metric == null ? null : loaders.metricBySlug.load(filter.metric),
    entity(filter.subject),
    entity(filter.event),
    filter.source == null ? null : loaders.sourceBySlug.load(filter.source),
    entity(filter.producer),
  ]);
  const eventRow = need("event", "event", event, filter.event);
  if (eventRow && eventRow.type !== "EVENT") throw userError(`Argument filter.event: ${JSON.stringify(filter.event)} is a ${eventRow.type.toLowerCase()}, not an event.`, "filter");
  if (filter.periodFrom != null && filter.periodTo != null && filter.periodTo < filter.periodFrom) {
    throw userError(`Argument filter: periodTo (${filter.periodTo}) is before periodFrom (${filter.periodFrom}).`, "filter");
  }
  return {
    metricId: need("metric", "metric", metric, filter.metric)?.id,
    subjectId: need("subject", "entity", subject, filter.subject)?.id,
    eventId: eventRow?.id,
    kind: filter.kind ?? undefined,
    unit: filter.unit ?? undefined,
    periodFrom: filter.periodFrom ?? undefined,
    periodTo: filter.periodTo ?? undefined,
    sourceId: need("source", "source", source, filter.source)?.id,
    producerId: need("producer", "entity", producer, filter.producer)?.id,
    hasVerifiedQuote: filter.hasVerifiedQuote ?? undefined,
  };
}

/**
 * Adds a list's own restriction (e.g. "about this entity") to criteria from a filter. A
 * filter asking for something else in the same field is a user error: the list could only
 * ever be empty.
 */
export function restrict(criteria: StatisticCriteria, own: StatisticCriteria, field: string): StatisticCriteria {
  for (const [k, v] of Object.entries(own) as [keyof StatisticCriteria, unknown][]) {
    const given = criteria[k];
    if (given !== undefined && given !== v) {
      throw userError(`Argument filter.${field} cannot differ from the object this list belongs to; this list is already restricted to it.`, "filter");
    }
  }
  return { ...criteria, ...own };
}
