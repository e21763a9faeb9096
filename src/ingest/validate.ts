/**
 * The validation of the curated files, as a sequence of checks sharing one ValidationContext:
 * the entity registries (validate-entities.ts), the reports and metrics (validate-registries.ts)
 * and units (validate-units.ts), then each source document with its statistics and citations
 * (validate-sources.ts, -statistics, -citations, -duplicates), and last the derivations'
 * inputs across all documents (validate-derivations.ts).
 */
import type { CuratedFiles } from "./curated-files.js";
import type { Model } from "./model.js";
import type { Problem } from "./problems.js";
import { UnitInput } from "./schemas.js";
import { checkDerivationInputs } from "./validate-derivations.js";
import { checkEntityRegistries } from "./validate-entities.js";
import { checkMetrics, checkReports } from "./validate-registries.js";
import { checkSourceFile } from "./validate-sources.js";
import { checkUnits } from "./validate-units.js";
import { ValidationContext } from "./validation-context.js";

/**
 * Checks the curated files against each other and against the archived texts, and returns
 * the resolved model together with every problem found (the model is only usable when there
 * are no problems). Nothing stops at the first problem.
 */
export function validate(files: CuratedFiles): { model: Model; problems: Problem[] } {
  const ctx = new ValidationContext();
  const report = ctx.report.bind(ctx);
  checkEntityRegistries(ctx, files.registries);
  checkReports(ctx, files.registries.get("reports"));
  const metricLocs = checkMetrics(ctx, files.registries.get("metrics"));
  const units = checkUnits(ctx.records(files.registries.get("units"), UnitInput), metricLocs, report);
  // Source files come in path order, one at a time; each is released once checked, so only
  // what the model keeps (and the first definition of each statistic) outlives its file.
  for (const file of files.sources) {
    checkSourceFile(ctx, file, (path) => files.archive(path));
    file.release();
  }
  checkDerivationInputs(ctx);
  return {
    model: {
      entities: bySlug(ctx.entities),
      reports: bySlug(ctx.reports),
      metrics: bySlug(ctx.metrics),
      units,
      sources: bySlug(ctx.sources),
      statistics: bySlug(ctx.statistics),
    },
    problems: ctx.problems,
  };
}

/** The values of a map by slug, sorted by slug, so that the same files always give the same database. */
function bySlug<T extends { slug: string }>(m: ReadonlyMap<string, T>): T[] {
  return [...m.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
