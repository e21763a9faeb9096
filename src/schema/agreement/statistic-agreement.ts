import type { RequestContext } from "../../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { agreementsWith } from "../../facts/agreement.js";
import { formatUnit, parseUnit } from "../../facts/units.js";
import { loadAll } from "../common/load-all.js";
import { Quantity } from "../common/quantity.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { agreementContext, comparable, relatedSubjects } from "./agreement-context.js";
import type { AgreementVerdict } from "./agreement-verdict.enum.js";
import { MetricConversion } from "./metric-conversion.type.js";
import { StatisticAgreement } from "./statistic-agreement.type.js";
import { ComparisonFlag } from "./comparison-flag.enum.js";
import { StatisticComparison } from "./statistic-comparison.type.js";
import { StatisticNotCompared } from "./statistic-not-compared.type.js";

/**
 * Compares a statistic with every other statistic of its metric or a related one, about its
 * subject or a market it is part of (or one part of it), over an overlapping period, by
 * `agreementsWith`. For a page of statistics this is three statements whatever the page size:
 * the metric relations, the market hierarchy, and the candidates (one key per metric, subject
 * and the statistic's period, so only figures that can be compared are read).
 */
export async function statisticAgreement(row: StatisticRow, ctx: RequestContext): Promise<StatisticAgreement> {
  const [relations, scope] = await Promise.all([ctx.loaders.metricRelations.load(row.metricId), ctx.loaders.scopeLinks()]);
  const agreement = agreementContext(relations, scope);
  const metrics = new Set([row.metricId, ...relations.flatMap((r) => [r.metricId, r.relatedId])]);
  const self = comparable(row);
  const subjects = relatedSubjects(self.subjects as number[], agreement.partOf as ReadonlyMap<number, number>);
  const keys = [...metrics].flatMap((metricId) => subjects.map((subjectId) => ({ metricId, subjectId, periodStart: row.periodStart, periodEnd: row.periodEnd })));
  const byId = new Map((await loadAll(ctx.loaders.comparableStatistics.loadMany(keys))).flat().map((c) => [c.id, c]));
  // A statistic about several subjects is found once per subject: each is compared once.
  const candidates = [...byId.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // Combined figures name their subjects in reasons; only their names are read.
  const setIds = [...new Set([row, ...candidates].flatMap((r) => (r.subjectSet === null ? [] : r.subjectSet.split(",").map(Number))))];
  const names = new Map(agreement.names);
  for (const e of await loadAll(ctx.loaders.entityById.loadMany(setIds))) if (e) names.set(e.id, e.name);
  const context = setIds.length > 0 ? { ...agreement, names } : agreement;
  const unit = formatUnit(parseUnit(row.unit));
  const comparisons: StatisticComparison[] = [];
  const notCompared: StatisticNotCompared[] = [];
  for (const c of agreementsWith(self, candidates.map(comparable), context)) {
    const statistic = new Statistic(byId.get(Number(c.other.id))!);
    if ("unjudged" in c) {
      notCompared.push(new StatisticNotCompared(statistic, c.unjudged));
      continue;
    }
    const a = c.agreement;
    comparisons.push(
      new StatisticComparison({
        statistic,
        verdict: a.verdict as AgreementVerdict,
        reason: a.reason,
        conversion: a.conversion && new MetricConversion(a.conversion),
        ownInterval: a.intervals && new Quantity(a.intervals.first, unit),
        otherInterval: a.intervals && new Quantity(a.intervals.second, unit),
        amountRatio: a.ratio,
        flags: a.flags as ComparisonFlag[],
      }),
    );
  }
  return new StatisticAgreement(comparisons, notCompared);
}
