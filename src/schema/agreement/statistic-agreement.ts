import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { agreementsWith } from "../../facts/agreement.js";
import { formatUnit, parseUnit } from "../../facts/units.js";
import { Quantity } from "../common/quantity.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { comparable } from "./agreement-context.js";
import { comparisonCandidates } from "./comparison-candidates.js";
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
  const self = comparable(row);
  const { candidates, context } = await comparisonCandidates(
    { metricId: row.metricId, subjectIds: self.subjects as number[], periodStart: row.periodStart, periodEnd: row.periodEnd },
    ctx,
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
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
