import type { RequestContext } from "../context.js";
import type { ProducerRef } from "../../facts/corroboration-citation.js";
import { entityNode } from "../entity/entity-node.js";
import { Report } from "../report/report.type.js";
import type { Producer } from "./producer.union.js";

/**
 * The Report or entity a reference names (an attribution, an intermediary of `via`, a known
 * echo), through the request's loaders; null when neither is set or the row is missing.
 */
export async function loadProducer(ctx: RequestContext, ref: ProducerRef): Promise<typeof Producer | null> {
  if (ref.reportId !== null) {
    const report = await ctx.loaders.reportById.load(ref.reportId);
    return report && new Report(report);
  }
  if (ref.entityId !== null) {
    const entity = await ctx.loaders.entityById.load(ref.entityId);
    return entity && (entityNode(entity) as typeof Producer);
  }
  return null;
}

/** `loadProducer` for several references, in order, leaving out those that find nothing. */
export async function loadProducers(ctx: RequestContext, refs: readonly ProducerRef[]): Promise<(typeof Producer)[]> {
  const found = await Promise.all(refs.map((r) => loadProducer(ctx, r)));
  return found.filter((p): p is typeof Producer => p !== null);
}
