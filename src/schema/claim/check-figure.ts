import type { RequestContext } from "../context.js";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { type ComparableStatistic, compareStatistics, isUnjudged } from "../../facts/agreement.js";
import { type ClaimMatchVerdict as FactsMatchVerdict, type ComparedMatch, figureExplanation, figureVerdict, matchExplanation } from "../../facts/claims/claim-verdict.js";
import type { ClaimVocabulary } from "../../facts/claims/claim-vocabulary.js";
import type { FigureReading } from "../../facts/claims/read-claim.js";
import { readingInterval } from "../../facts/interval.js";
import { loadPresent } from "../common/load-all.js";
import { Quantity } from "../common/quantity.type.js";
import { comparable } from "../agreement/agreement-context.js";
import type { ComparisonFlag } from "../agreement/comparison-flag.enum.js";
import { comparisonCandidates } from "../agreement/comparison-candidates.js";
import { entityNode } from "../entity/entity-node.js";
import { relatedEntity } from "../entity/entity-list.js";
import { Event } from "../event/event.type.js";
import { Metric } from "../metric/metric.type.js";
import type { Comparator } from "../statistic/comparator.enum.js";
import { Statistic } from "../statistic/statistic.type.js";
import { ClaimMatch } from "./claim-match.type.js";
import { ClaimMatchVerdict } from "./claim-match-verdict.enum.js";
import type { ClaimVerdict } from "./claim-verdict.enum.js";
import { ClaimedFigure } from "./claimed-figure.type.js";
import { ClaimedMetric } from "./claimed-metric.type.js";
import { ClaimedPeriod } from "./claimed-period.type.js";
import { ClaimedSubject } from "./claimed-subject.type.js";
import { ClaimedValue } from "./claimed-value.type.js";
import { statisticProfile } from "./statistic-profile.js";

/** The id a claimed figure takes in comparisons: no statistic has it. */
const CLAIM_ID = -1;

/**
 * Checks one figure read from a claim: loads the statistics it can be compared with (the
 * candidates `Statistic.agreement` would compare a statistic of its metric, subject and
 * period with), compares it with each by `compareStatistics`, and turns the verdicts into the
 * figure's verdict and explanation, naming the kind, producers and reporters of each
 * statistic relied on. A figure without a metric or subject is NOT_FOUND, saying why.
 */
export async function checkFigure(f: FigureReading, ctx: RequestContext, vocab: ClaimVocabulary): Promise<ClaimedFigure> {
  const [metricRow, subjects, event] = await Promise.all([
    f.metric ? ctx.loaders.metricById.load(f.metric.metricId) : null,
    loadPresent(ctx.loaders.entityById, f.subject?.entityIds ?? []),
    relatedEntity(ctx, f.eventId, Event),
  ]);
  const matches: { row: StatisticRow; verdict: FactsMatchVerdict; reason: string; flags: ComparisonFlag[] }[] = [];
  if (f.metric && subjects.length > 0) {
    const subjectIds = subjects.map((s) => s.id);
    const { candidates, context } = await comparisonCandidates({ metricId: f.metric.metricId, subjectIds, periodStart: f.period?.start ?? null, periodEnd: f.period?.end ?? null }, ctx);
    for (const row of candidates) {
      const other = comparable(row);
      const claim: ComparableStatistic = { id: CLAIM_ID, metric: f.metric.metricId, subject: subjectIds[0]!, subjects: subjectIds, event: f.eventId, kind: other.kind, value: f.value, unit: f.unit, period: f.period };
      const r = compareStatistics(claim, other, context);
      if (r === null) continue;
      if (isUnjudged(r)) matches.push({ row, verdict: "NOT_JUDGED", reason: claimWords(r.unjudged), flags: [] });
      else matches.push({ row, verdict: r.verdict, reason: r.reason, flags: r.flags as ComparisonFlag[] });
    }
  }
  const profiles = await Promise.all(matches.map((m) => statisticProfile(m.row, ctx)));
  const compared: ComparedMatch[] = matches.map((m, i) => ({ verdict: m.verdict, reason: m.reason, profile: profiles[i]! }));
  const verdict = figureVerdict(matches.map((m) => m.verdict));
  const periodName = event && f.period ? `${event.name} (${f.period.label})` : (f.period?.label ?? null);
  const sought = { metric: metricRow?.name ?? null, subject: subjects.length ? subjects.map((s) => s.name).join(" and ") : null, period: periodName };
  const notes = [f.metricNote, f.subject?.note ?? null, f.periodResolution && !f.period ? `${upperFirst(f.periodResolution)}.` : null].filter((n): n is string => n !== null);
  return new ClaimedFigure({
    asWritten: f.asWritten,
    start: f.start,
    end: f.end,
    value: new ClaimedValue({
      amount: f.value.amount,
      upper: f.value.upper,
      unit: f.unit,
      unitAsWritten: f.unitWords,
      comparator: f.value.comparator as Comparator,
      precision: f.value.precision,
      interval: new Quantity(readingInterval(f.value), f.unit),
    }),
    period: f.period
      ? new ClaimedPeriod({ ...f.period, asWritten: f.periodWords ?? f.period.label, resolution: f.periodResolution, event: event && f.eventId !== null ? event : null })
      : null,
    metric: f.metric && metricRow ? new ClaimedMetric(new Metric(metricRow), f.metric.confidence, [...f.metric.words]) : null,
    subject: f.subject && subjects.length ? new ClaimedSubject({ entities: subjects.map(entityNode), confidence: f.subject.confidence, words: [...f.subject.words], named: f.subject.named }) : null,
    matches: matches.map(
      (m, i) =>
        new ClaimMatch({
          statistic: new Statistic(m.row),
          verdict: m.verdict as ClaimMatchVerdict,
          reason: m.reason,
          explanation: matchExplanation(m.verdict, m.reason, profiles[i]!),
          flags: m.flags,
        }),
    ),
    verdict: verdict as ClaimVerdict,
    explanation: figureExplanation(verdict, sought, compared, notes),
  });
}

/** The agreement rules' words for an unjudged pair, said of a claim rather than of a curated figure. */
function claimWords(reason: string): string {
  return reason
    .replace(/this figure states no period: compare by hand, or record the period the source implies \(periodInferred\)/, 'the claim states no period: say when ("in 2020"; "last year" with a publication date) to compare it')
    .replace(/the other figure states no period: compare by hand, or record the period the source implies \(periodInferred\)/, "the knowledge base's figure states no period: compare by hand");
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
