import type { SearchKind } from "../../db/search.repo.js";
import type { RequestContext } from "../context.js";
import { Citation } from "../citation/citation.type.js";
import { type NodeTypeName, fromGlobalId } from "../common/global-id.js";
import { ENTITY_TYPE_NAMES, entityNode } from "../entity/entity-node.js";
import { Metric } from "../metric/metric.type.js";
import { Report } from "../report/report.type.js";
import { Source } from "../source/source.type.js";
import { Statistic } from "../statistic/statistic.type.js";

/** Anything that implements Node. */
export type AnyNode = Statistic | Citation | Source | Report | Metric | ReturnType<typeof entityNode>;

/**
 * The object a global ID's type and slug name, or null when there is none (or when the slug
 * belongs to an entity of another type than the ID says). Loads through the request's
 * loaders, so `nodes(ids:)` costs one statement per type.
 */
export async function loadNode(ctx: RequestContext, type: NodeTypeName, slug: string): Promise<AnyNode | null> {
  const l = ctx.loaders;
  switch (type) {
    case "Statistic": {
      const r = await l.statisticBySlug.load(slug);
      return r && new Statistic(r);
    }
    case "Citation": {
      const r = await l.citationBySlug.load(slug);
      return r && new Citation(r);
    }
    case "Source": {
      const r = await l.sourceBySlug.load(slug);
      return r && new Source(r);
    }
    case "Report": {
      const r = await l.reportBySlug.load(slug);
      return r && new Report(r);
    }
    case "Metric": {
      const r = await l.metricBySlug.load(slug);
      return r && new Metric(r);
    }
    default: {
      const r = await l.entityBySlug.load(slug);
      return r && ENTITY_TYPE_NAMES[r.type] === type ? entityNode(r) : null;
    }
  }
}

/** The object a kind and row id point at (a search_index row, a provenance step's ref), or null when it is missing. */
export async function loadNodeByRow(ctx: RequestContext, kind: SearchKind, id: number): Promise<AnyNode | null> {
  const l = ctx.loaders;
  switch (kind) {
    case "STATISTIC": {
      const r = await l.statisticById.load(id);
      return r && new Statistic(r);
    }
    case "SOURCE": {
      const r = await l.sourceById.load(id);
      return r && new Source(r);
    }
    case "REPORT": {
      const r = await l.reportById.load(id);
      return r && new Report(r);
    }
    case "METRIC": {
      const r = await l.metricById.load(id);
      return r && new Metric(r);
    }
    case "ENTITY": {
      const r = await l.entityById.load(id);
      return r && entityNode(r);
    }
  }
}

/** The node classes that have a root lookup by global ID or slug. */
interface LookupNodes {
  Statistic: Statistic;
  Citation: Citation;
  Source: Source;
}

/**
 * A root lookup by global ID or slug (`key` is the argument exactlyOne picked): the node of
 * `type` it names, or null when there is none or the ID is of another type. An ID this API
 * did not issue is a user error on `id`.
 */
export async function lookupNode<K extends keyof LookupNodes>(ctx: RequestContext, type: K, key: { name: "id" | "slug"; value: string }): Promise<LookupNodes[K] | null> {
  const named = key.name === "id" ? fromGlobalId(key.value, "id") : { type, slug: key.value };
  return named.type === type ? ((await loadNode(ctx, type, named.slug)) as LookupNodes[K] | null) : null;
}
