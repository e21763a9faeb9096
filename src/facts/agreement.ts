/**
 * Whether two statistics say the same thing. A fact-checker looking at "433.8 billion yuan"
 * wants to know which other figures back it, which only bound it, which contradict it, which
 * look alike but measure something else, and which could not be judged and why.
 *
 * Rules, applied in this order (`compareStatistics`):
 *
 * 1. **About the same thing at all?** Otherwise the answer is null (not comparable).
 *    - Subjects: the same entity or set of entities, one part of the other (a market inside
 *      a broader one, a platform declared part of a market), or sets that share a subject.
 *    - Metrics: the same metric, or related ones (EQUIVALENT, converted exactly; or
 *      DIFFERENT_SCOPE, a neighbouring measure).
 *    - Time: figures of one event are compared whatever the precision of their dates; figures
 *      of different events, or with overlapping but different periods, are different scope;
 *      disjoint periods are not comparable (see agreement-scope.ts).
 * 2. **DIFFERENT_SCOPE**, with every difference in words, when the metrics are related as
 *    DIFFERENT_SCOPE, the subjects differ in scope, the events differ, or the periods overlap
 *    without being equal. Values are not judged, so units need not match.
 * 3. **Not judged** (listed with the reason, never dropped) when one figure states no period,
 *    or the units cannot be brought together (CNY against USD: no exchange rate is kept).
 * 4. Otherwise the values are judged (agreement-values.ts): a stated figure stands for what
 *    rounds to it, so **AGREES**, **COMPATIBLE** or **CONFLICTS**.
 *
 * Reasons also say when the kinds differ (a forecast compared with an estimate) and flag amounts
 * an order of magnitude apart whatever the verdict.
 */
import type { AgreementContext, AgreementVerdict, ComparableStatistic, ComparisonFlag, MetricConversion, StatisticKind } from "./agreement-types.js";
import { metricRelation, subjectRelation, timeRelation } from "./agreement-scope.js";
import { DIFFERENT_MEASURE_FACTOR, type ValueJudgement, amountRatio, judgeValues } from "./agreement-values.js";
import { type Comparator, type Interval, type StatedValue, clean } from "./interval.js";
import { describeHuman, humanNumber, withUnit } from "./number-format.js";
import { stripPeriod } from "./prose.js";
import { normalizeUnit } from "./units.js";

export { ancestors, usableEquivalence } from "./agreement-scope.js";
export { DIFFERENT_MEASURE_FACTOR } from "./agreement-values.js";
export type { StatisticKind, AgreementVerdict, ComparisonFlag, ComparableStatistic, MetricRelation, EventDates, AgreementContext, MetricConversion } from "./agreement-types.js";

/** The verdict on two statistics and why. */
export interface Agreement {
  readonly verdict: AgreementVerdict;
  readonly reason: string;
  /** Set when the metrics are EQUIVALENT and the second value was converted. */
  readonly conversion: MetricConversion | null;
  /** The reading intervals compared (the second after conversion); null for DIFFERENT_SCOPE. */
  readonly intervals: { readonly first: Interval; readonly second: Interval } | null;
  /** The larger amount over the smaller, when both are in one unit; null otherwise. */
  readonly ratio: number | null;
  readonly flags: readonly ComparisonFlag[];
}

/** A figure of the same metric and subject that could not be judged, with the reason in words. */
export interface Unjudged {
  readonly unjudged: string;
}

/** Compares two statistics by the rules above; null when they are not about the same thing at all. */
export function compareStatistics(a: ComparableStatistic, b: ComparableStatistic, ctx: AgreementContext): Agreement | Unjudged | null {
  const subjects = subjectRelation(a, b, ctx);
  if (subjects === null) return null;
  const metrics = metricRelation(a.metric, b.metric, ctx.metricRelations);
  if (metrics === null) return null;
  const time = timeRelation(a, b, ctx);
  if (time === null) return null;

  const conversion = metrics.kind === "EQUIVALENT" ? metrics.conversion : null;
  const sameUnit = conversion !== null || normalizeUnit(a.unit) === normalizeUnit(b.unit);
  const flags: ComparisonFlag[] = [];
  if (a.kind !== b.kind) flags.push("KINDS_DIFFER");
  if (conversion) flags.push("CONVERTED");
  if (time.kind === "SAME" && time.note) flags.push("DATE_PRECISION_DIFFERS");
  const kinds = kindsSentence(a.kind, b.kind);

  const scopes: string[] = [];
  if (metrics.kind === "DIFFERENT_SCOPE") scopes.push(lowerFirst(stripPeriod(metrics.note)));
  if (time.kind === "SCOPE") scopes.push(time.why);
  if (subjects.kind === "SCOPE") scopes.push(subjects.why);
  if (scopes.length > 0) {
    const ratio = sameUnit && !conversion ? amountRatio(a.value.amount, b.value.amount) : null;
    if (ratio !== null && ratio >= DIFFERENT_MEASURE_FACTOR) flags.push("ORDER_OF_MAGNITUDE");
    const values = `${describeHuman(a.value.comparator, a.value.amount, a.unit, a.value.upper)} against ${describeHuman(b.value.comparator, b.value.amount, b.unit, b.value.upper)}`;
    return {
      verdict: "DIFFERENT_SCOPE",
      reason: `${values} measure different things: ${scopes.join("; ")}.${kinds}`,
      conversion,
      intervals: null,
      ratio,
      flags,
    };
  }
  if (time.kind === "UNJUDGED") return { unjudged: `Not judged: ${time.why}.` };
  if (!sameUnit) {
    return { unjudged: `Not judged: stated in ${a.unit} and in ${b.unit}, and the knowledge base holds no conversion between them; compare by hand.` };
  }

  const second = conversion ? convertValue(b.value, conversion) : b.value;
  const judged: ValueJudgement = judgeValues(a.value, second, a.unit);
  if (judged.ratio !== null && judged.ratio >= DIFFERENT_MEASURE_FACTOR) flags.push("ORDER_OF_MAGNITUDE");
  const conversionNote = conversion
    ? ` ${describeHuman("EQUAL", b.value.amount, b.unit)} converts to ${withUnit(humanNumber(second.amount), a.unit)} (${stripPeriod(conversion.note)}).`
    : "";
  const dates = time.kind === "SAME" && time.note ? ` ${upperFirst(time.note)}.` : "";
  return {
    verdict: judged.verdict,
    reason: `${judged.reason}.${conversionNote}${dates}${kinds}`,
    conversion,
    intervals: judged.intervals,
    ratio: judged.ratio,
    flags,
  };
}

/** Whether a comparison result is a figure left unjudged. */
export function isUnjudged(r: Agreement | Unjudged): r is Unjudged {
  return "unjudged" in r;
}

/** One statistic compared with another: a verdict, or why it could not be judged. */
export type Comparison = { readonly other: ComparableStatistic; readonly agreement: Agreement } | { readonly other: ComparableStatistic; readonly unjudged: string };

/**
 * Every other statistic comparable with `stat`, with its verdict or the reason it could not be
 * judged, in the order given; for `Statistic.agreement`. The statistic itself (same id) is skipped.
 */
export function agreementsWith(stat: ComparableStatistic, others: readonly ComparableStatistic[], ctx: AgreementContext): Comparison[] {
  const out: Comparison[] = [];
  for (const other of others) {
    if (other.id === stat.id) continue;
    const r = compareStatistics(stat, other, ctx);
    if (r === null) continue;
    out.push(isUnjudged(r) ? { other, unjudged: r.unjudged } : { other, agreement: r });
  }
  return out;
}

/** A stated value brought into another metric by an EQUIVALENT conversion (bounds flip when the scale is negative). */
function convertValue(v: StatedValue, c: MetricConversion): StatedValue {
  const f = (x: number) => clean(x * c.scale + c.offset);
  const flip: Partial<Record<Comparator, Comparator>> = { MORE_THAN: "LESS_THAN", LESS_THAN: "MORE_THAN", AT_LEAST: "AT_MOST", AT_MOST: "AT_LEAST" };
  const comparator = c.scale < 0 ? (flip[v.comparator] ?? v.comparator) : v.comparator;
  const [amount, upper] = v.upper === null ? [f(v.amount), null] : c.scale < 0 ? [f(v.upper), f(v.amount)] : [f(v.amount), f(v.upper)];
  return { comparator, amount, upper, precision: clean(v.precision * Math.abs(c.scale)) };
}

const KIND_NOUNS: Readonly<Record<StatisticKind, string>> = {
  MEASUREMENT: "a measurement",
  ESTIMATE: "an estimate",
  FORECAST: "a forecast",
  SURVEY: "a survey result",
  DERIVED: "a derived figure",
};

function kindsSentence(a: StatisticKind, b: StatisticKind): string {
  return a === b ? "" : ` This compares ${KIND_NOUNS[a]} with ${KIND_NOUNS[b]}.`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

