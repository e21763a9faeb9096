/**
 * A statistic's definition: its metric, what it is of (subjects, event), its value against
 * the metric, its period (and the event's dates), and its derivation; then, across the
 * documents, whether its slug and figure are already known (validate-duplicates.ts).
 */
import type { Comparator } from "../facts/interval.js";
import { type Period, makePeriod } from "../facts/period.js";
import { defaultPrecision } from "../facts/precision.js";
import type { DataFile } from "./data-file.js";
import { figureIdentity } from "./figure-index.js";
import type { MetricRec } from "./model.js";
import { describePeriod, suggest } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import type { StatisticDefinition } from "./source-parts.js";
import { checkDerivation } from "./validate-derivations.js";
import { checkSameFigure, earlierDefinition } from "./validate-duplicates.js";
import { EVENT_TYPES, SUBJECT_TYPES, checkEntity } from "./validate-entities.js";
import type { DefinedStatistic, ValidationContext } from "./validation-context.js";
import { valueProblems } from "./value-checks.js";

// Path tails of the checks run for every statistic, allocated once.
const SUBJECT: readonly PathSegment[] = ["subject"];
const EVENT: readonly PathSegment[] = ["event"];

/** A period that did not resolve (its problem is reported). */
const BAD_PERIOD = Symbol("bad period");

/**
 * Checks the statistic `s`, the `index`th of `file`'s statistics at `path`, and returns the
 * statistic it defines or states again; null when there was a problem (reported).
 */
export function checkStatistic(ctx: ValidationContext, s: StatisticDefinition, file: DataFile, index: number, path: PathSegment[]): DefinedStatistic | null {
  let ok = true;
  const metric = ctx.metrics.get(s.metric);
  if (!metric) {
    ctx.report(file, [...path, "metric"], `unknown metric '${s.metric}'${suggest(s.metric, ctx.metrics.keys())}`);
    ok = false;
  }
  const subjects = s.subjects ?? (s.subject === undefined ? [] : [s.subject]);
  if (!checkSubjects(ctx, s, subjects, file, path)) ok = false;
  if (!checkValue(ctx, s, metric, file, path)) ok = false;
  const period = checkPeriod(ctx, s, file, path);
  if (period === BAD_PERIOD) ok = false;
  const resolved = period === BAD_PERIOD ? null : period;
  if (resolved && !checkPeriodMeetsEvent(ctx, s, resolved, file, path)) ok = false;
  if (!checkDerivation(ctx, s, file, path, resolved)) ok = false;
  if (!ok) return null;

  const existing = earlierDefinition(ctx, s, file, path);
  if (existing !== undefined) return existing;
  const identity = figureIdentity(s.metric, subjects.join(","), s.event ?? null, s.kind, s.value.amount, s.value.unit, s.value.comparator, resolved, s.value.upper ?? null);
  if (!checkSameFigure(ctx, s, file, path, identity)) return null;
  const stat = definedStatistic(ctx, s, subjects, resolved, file, index);
  ctx.statistics.set(s.slug, stat);
  ctx.figures.add(identity, stat);
  if (stat.derivation) ctx.derivationChecks.push(stat);
  return stat;
}

/** Whether the statistic names one subject or several (not both), each once and each an entity that can be one, and a known event. */
function checkSubjects(ctx: ValidationContext, s: StatisticDefinition, subjects: readonly string[], file: DataFile, path: PathSegment[]): boolean {
  let ok = true;
  if ((s.subject === undefined) === (s.subjects === undefined)) {
    ctx.report(file, [...path, "subject"], "give the figure's subject, or its subjects (a list of two or more) for a combined figure, not both");
    ok = false;
  }
  if (new Set(subjects).size !== subjects.length) {
    ctx.report(file, [...path, "subjects"], "a subject is listed twice");
    ok = false;
  }
  subjects.forEach((subject, i) => {
    if (!checkEntity(ctx, file, path, s.subjects ? ["subjects", i] : SUBJECT, subject, SUBJECT_TYPES, "subject")) ok = false;
  });
  if (s.event !== undefined && !checkEntity(ctx, file, path, EVENT, s.event, EVENT_TYPES, "event")) ok = false;
  return ok;
}

/** Whether the value is well formed and in a unit of the metric (and within 0..100 for a share). */
function checkValue(ctx: ValidationContext, s: StatisticDefinition, metric: MetricRec | undefined, file: DataFile, path: PathSegment[]): boolean {
  let ok = true;
  for (const [field, reason] of valueProblems(s.value)) {
    ctx.report(file, [...path, "value", field], reason);
    ok = false;
  }
  if (metric && !metric.units.includes(s.value.unit)) {
    ctx.report(file, [...path, "value", "unit"], `unit '${s.value.unit}' is not a unit of metric '${metric.slug}' (${metric.units.join(", ")})`);
    ok = false;
  }
  if (metric?.quantity === "SHARE" && (s.value.amount < 0 || s.value.amount > 100)) {
    ctx.report(file, [...path, "value", "amount"], `${s.value.amount} percent is outside 0..100, but metric '${metric.slug}' is a share`);
    ok = false;
  }
  return ok;
}

/** The statistic's period: null when it has none, BAD_PERIOD when it does not resolve (reported). */
function checkPeriod(ctx: ValidationContext, s: StatisticDefinition, file: DataFile, path: PathSegment[]): Period | null | typeof BAD_PERIOD {
  if (s.period === null) return null;
  const p = typeof s.period === "string" ? ctx.memo.period(s.period) : makePeriod(s.period.start, s.period.end, s.period.label);
  if ("error" in p) {
    ctx.report(file, [...path, "period"], p.error);
    return BAD_PERIOD;
  }
  return p;
}

/** Whether the period meets the dates of the statistic's event, when it has one with dates. */
function checkPeriodMeetsEvent(ctx: ValidationContext, s: StatisticDefinition, period: Period, file: DataFile, path: PathSegment[]): boolean {
  const event = s.event === undefined ? undefined : ctx.entities.get(s.event);
  if (event?.start && event.end && (period.end < event.start || period.start > event.end)) {
    ctx.report(file, [...path, "period"], `the period ${describePeriod(period)} does not meet the dates of event '${s.event}' (${event.start} to ${event.end})`);
    return false;
  }
  return true;
}

/** The model's record of a new statistic, with where and how it was first defined. */
function definedStatistic(ctx: ValidationContext, s: StatisticDefinition, subjects: readonly string[], period: Period | null, file: DataFile, index: number): DefinedStatistic {
  const { memo } = ctx;
  return {
    slug: s.slug,
    metric: memo.intern(s.metric),
    subject: memo.intern(subjects[0]!),
    subjects: subjects.length === 1 ? [memo.intern(subjects[0]!)] : subjects.map((x) => memo.intern(x)),
    event: s.event === undefined ? null : memo.intern(s.event),
    kind: memo.intern(s.kind),
    amount: s.value.amount,
    upper: s.value.upper ?? null,
    unit: memo.intern(s.value.unit),
    comparator: memo.intern(s.value.comparator) as Comparator,
    precision: s.value.precision ?? defaultPrecision(s.value.amount),
    precisionStated: s.value.precision !== undefined,
    period,
    derivation: s.derivation ? { formula: s.derivation.formula, inputs: Object.entries(s.derivation.inputs).map(([name, statistic]) => ({ name, statistic })) } : null,
    note: s.note ?? null,
    citations: [],
    file: file.file,
    definedIn: file,
    definedAt: index,
    periodInput: typeof s.period === "string" ? null : s.period,
    derivationInput: s.derivation,
  };
}
