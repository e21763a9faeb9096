/**
 * The reports and metrics registries: duplicate slugs, a report's date, authors and the
 * reports it is based on, and a metric's units and the metrics it is related to.
 */
import type { z } from "zod";
import { isPartialDate } from "../facts/period.js";
import type { DataFile } from "./data-file.js";
import type { Located } from "./located.js";
import { suggest, where } from "./problem-words.js";
import { MetricInput, ReportInput } from "./schemas.js";
import type { ValidationContext } from "./validation-context.js";
import { PRODUCER_TYPES, checkEntity } from "./validate-entities.js";

/** Reads the reports registry into `ctx.reports` and checks each report against the entities and the other reports. */
export function checkReports(ctx: ValidationContext, file: DataFile | undefined): void {
  const locs = ctx.records(file, ReportInput);
  for (const loc of locs) {
    const v = loc.value;
    const prev = ctx.reportAt.get(v.slug);
    if (prev) {
      ctx.report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
      continue;
    }
    ctx.reports.set(v.slug, {
      slug: v.slug,
      title: v.title,
      titleIsDescriptive: v.titleIsDescriptive,
      originalTitle: v.originalTitle ?? null,
      originalLanguage: v.originalLanguage ?? null,
      kind: v.kind,
      published: v.published ?? null,
      url: v.url ?? null,
      authors: v.authors,
      basedOn: v.basedOn.map((b) => ({ report: b.report, relation: b.relation, inferred: b.inferred, note: b.note ?? null })),
      description: v.description,
      file: loc.file.file,
    });
    ctx.reportAt.set(v.slug, loc);
  }
  for (const loc of locs) {
    const v = loc.value;
    if (ctx.reportAt.get(v.slug) !== loc) continue;
    if (v.published && !isPartialDate(v.published)) ctx.report(loc.file, [...loc.path, "published"], `'${v.published}' is not a real date`);
    v.authors.forEach((a, i) => checkEntity(ctx, loc.file, loc.path, ["authors", i], a, PRODUCER_TYPES, "author"));
    v.basedOn.forEach((b, i) => {
      if (b.report === v.slug) ctx.report(loc.file, [...loc.path, "basedOn", i, "report"], "a report cannot be based on itself");
      else if (!ctx.reports.has(b.report)) ctx.report(loc.file, [...loc.path, "basedOn", i, "report"], `unknown report '${b.report}'${suggest(b.report, ctx.reports.keys())}`);
    });
  }
}

/**
 * Reads the metrics registry into `ctx.metrics` and checks each metric's relations; returns
 * every metric record that parsed (duplicates too), for the check of their units.
 */
export function checkMetrics(ctx: ValidationContext, file: DataFile | undefined): Located<z.infer<typeof MetricInput>>[] {
  const locs = ctx.records(file, MetricInput);
  for (const loc of locs) {
    const v = loc.value;
    const prev = ctx.metricAt.get(v.slug);
    if (prev) {
      ctx.report(loc.file, [...loc.path, "slug"], `duplicate slug '${v.slug}': already used by ${where(prev)}`);
      continue;
    }
    if (v.quantity === "SHARE" && v.units.some((u) => u !== "PERCENT")) ctx.report(loc.file, [...loc.path, "units"], "a SHARE metric is measured in PERCENT only");
    ctx.metrics.set(v.slug, {
      slug: v.slug,
      name: v.name,
      description: v.description,
      quantity: v.quantity,
      units: v.units,
      related: v.related.map((r) => ({ metric: r.metric, relation: r.relation, scale: r.scale ?? null, offset: r.offset ?? null, note: r.note })),
      file: loc.file.file,
    });
    ctx.metricAt.set(v.slug, loc);
  }
  for (const loc of locs) {
    if (ctx.metricAt.get(loc.value.slug) !== loc) continue;
    loc.value.related.forEach((r, i) => {
      const p = [...loc.path, "related", i];
      if (r.metric === loc.value.slug) ctx.report(loc.file, [...p, "metric"], "a metric cannot be related to itself");
      else if (!ctx.metrics.has(r.metric)) ctx.report(loc.file, [...p, "metric"], `unknown metric '${r.metric}'${suggest(r.metric, ctx.metrics.keys())}`);
      if (r.relation === "EQUIVALENT" && r.scale === undefined) ctx.report(loc.file, [...p, "scale"], "an EQUIVALENT relation needs a scale (related = value * scale + offset)");
      if (r.relation !== "EQUIVALENT" && (r.scale !== undefined || r.offset !== undefined)) ctx.report(loc.file, [...p], "only EQUIVALENT relations convert values (scale, offset)");
    });
  }
  return locs;
}
