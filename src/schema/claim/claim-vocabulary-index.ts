import type { RequestContext } from "../context.js";
import { type ClaimVocabulary, buildVocabulary } from "../../facts/claims/claim-vocabulary.js";

/**
 * The vocabulary claims are read against (metrics, names, events, units), built on the first
 * claim checked and kept for the life of the open database, which is read-only and never
 * changes while served (its analysis `claimVocabulary`, src/cache/caches.ts, like the
 * conflict index). Four statements read the registries whole.
 */
export function claimVocabulary(ctx: RequestContext): ClaimVocabulary {
  return ctx.kb.analyses.get("claimVocabulary", () => {
    const { vocabulary: words, metrics, entities } = ctx.repos;
    const scope = entities.scopeLinks();
    return buildVocabulary({
      metrics: words.metrics(),
      names: words.names(),
      metricSubjects: words.metricSubjects(),
      relations: metrics.allRelations(),
      partOf: new Map(scope.markets.map((m) => [m.marketId, m.parentId])),
    });
  });
}
