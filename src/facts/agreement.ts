/**
 * Whether two statistics say the same thing. A fact-checker looking at "433.8 billion yuan"
 * wants to know which other figures back it, which only bound it, and which contradict it,
 * and also which look alike but measure something else.
 *
 * Rules, applied in this order (`compareStatistics`):
 *
 * 1. **Comparable at all?** Otherwise the answer is null.
 *    - Subjects: the same entity, or one `partOf` the other (directly or through broader
 *      markets). Unrelated subjects are not comparable.
 *    - Periods: both unstated (read as the same unstated period), or both stated and sharing
 *      at least one day. A stated period is not comparable with an unstated one.
 *    - Metrics: the same metric, or related metrics. A relation counts whichever side
 *      declared it. EQUIVALENT metrics are compared after converting the second statistic into
 *      the first's metric (value_in_related = value × scale + offset, inverted when the
 *      relation was declared from the first's side); the conversion is named in the reason.
 *      Unrelated metrics are not comparable.
 *    - Units: equal after normalising spelling ("sessions/days" is "sessions/day"), except
 *      where an EQUIVALENT conversion changes the unit. CNY and USD are not converted (no
 *      exchange rate is part of the knowledge base), so such pairs are not comparable.
 * 2. **DIFFERENT_SCOPE** when comparable but not about exactly the same thing: the metrics
 *    are related as DIFFERENT_SCOPE (the relation's note is the reason), or the periods
 *    overlap without being equal (January–November 2020 against 2020), or one subject is part
 *    of the other (companies in live e-commerce against the whole live-streaming industry).
 *    Values are not judged: different things may differ.
 * 3. Otherwise the **reading intervals** are compared (`readingInterval`: a flat figure
 *    widened by its stated precision, "about" ±10 %, one-sided bounds open or closed as
 *    stated):
 *    - disjoint: **CONFLICTS**, with the gap; when the amounts differ by a factor of 10 or
 *      more the reason adds that such a gap more often means a different measure;
 *    - overlapping, with at least one one-sided bound and different amounts ("more than 20
 *      million" against "more than 24 million"): **COMPATIBLE**;
 *    - otherwise **AGREES**: identical, the same amount stated differently (260 million
 *      against "more than 260 million"), or equal within stated precision ("about 1
 *      trillion" against 1.05 trillion).
 *
 * Reasons also say when the kinds differ (a forecast compared with an estimate).
 */
import {
  type Comparator,
  type Interval,
  contains,
  interval,
  intersect,
  isOneSided,
  overlaps,
  readingInterval,
  statedPrecision,
} from "./interval.js";
import { decimalsOf, describeAmount, formatNumber, withUnit } from "./number-format.js";
import { periodsOverlap } from "./period.js";
import type { Key } from "./key.js";
import { stripPeriod } from "./prose.js";
import { normalizeUnit } from "./units.js";

/** What a statistic is: a measurement, an estimate, a forecast, a survey result or a derived figure. */
export type StatisticKind = "MEASUREMENT" | "ESTIMATE" | "FORECAST" | "SURVEY" | "DERIVED";

/** The verdict on a pair of comparable statistics. */
export type AgreementVerdict = "AGREES" | "COMPATIBLE" | "CONFLICTS" | "DIFFERENT_SCOPE";

/** The parts of a statistic that agreement looks at (one row of `statistic`, with metric and subject keys). */
export interface ComparableStatistic {
  readonly id: Key;
  readonly metric: Key;
  readonly subject: Key;
  readonly kind: StatisticKind;
  readonly comparator: Comparator;
  readonly amount: number;
  readonly unit: string;
  /** Start and end dates (YYYY-MM-DD, inclusive) and label; null when no period is stated. */
  readonly period: { readonly start: string; readonly end: string; readonly label: string } | null;
}

/** One row of `metric_related`: value_in_related = value × scale + offset for EQUIVALENT metrics. */
export interface MetricRelation {
  readonly metric: Key;
  readonly related: Key;
  readonly relation: "EQUIVALENT" | "DIFFERENT_SCOPE";
  readonly scale: number | null;
  readonly offset: number | null;
  readonly note: string;
}

/** The knowledge that agreement needs beyond the two statistics. */
export interface AgreementContext {
  readonly metricRelations: readonly MetricRelation[];
  /** Each subject's broader market (`partOf`), for subjects that have one. */
  readonly partOf: ReadonlyMap<Key, Key>;
  /** Display names of subjects for reasons; the key itself is used when absent. */
  readonly subjectNames?: ReadonlyMap<Key, string> | undefined;
}

/** How the second statistic's value was brought into the first's metric. */
export interface MetricConversion {
  readonly fromMetric: Key;
  readonly toMetric: Key;
  /** value_in_first_metric = value × scale + offset */
  readonly scale: number;
  readonly offset: number;
  readonly note: string;
}

/** The verdict on two statistics and why. */
export interface Agreement {
  readonly verdict: AgreementVerdict;
  readonly reason: string;
  /** Set when the metrics are EQUIVALENT and the second value was converted. */
  readonly conversion: MetricConversion | null;
  /** The reading intervals compared (the second after conversion); null for DIFFERENT_SCOPE. */
  readonly intervals: { readonly first: Interval; readonly second: Interval } | null;
}

/** The factor between two amounts from which a conflict more likely means a different measure. */
export const DIFFERENT_MEASURE_FACTOR = 10;

/** Compares two statistics by the rules above; null when they are not comparable at all. */
export function compareStatistics(a: ComparableStatistic, b: ComparableStatistic, ctx: AgreementContext): Agreement | null {
  const subjects = subjectRelation(a.subject, b.subject, ctx.partOf);
  if (subjects === null) return null;
  const periods = periodRelation(a.period, b.period);
  if (periods === null) return null;
  const metrics = metricRelation(a.metric, b.metric, ctx.metricRelations);
  if (metrics === null) return null;
  const conversion = metrics.kind === "EQUIVALENT" ? metrics.conversion : null;
  if (conversion === null && normalizeUnit(a.unit) !== normalizeUnit(b.unit)) return null;

  const kinds = kindsSentence(a.kind, b.kind);
  const scopes: string[] = [];
  if (metrics.kind === "DIFFERENT_SCOPE") scopes.push(lowerFirst(stripPeriod(metrics.note)));
  if (periods === "OVERLAPPING") scopes.push(`the periods overlap without being the same (${a.period!.label} against ${b.period!.label})`);
  if (subjects !== "SAME") scopes.push(partOfPhrase(a.subject, b.subject, subjects, ctx));
  if (scopes.length > 0) {
    const values = `${describeAmount(a.comparator, a.amount, a.unit)} against ${describeAmount(b.comparator, b.amount, b.unit)}`;
    return {
      verdict: "DIFFERENT_SCOPE",
      reason: `${values} measure different things: ${scopes.join("; ")}.${kinds}`,
      conversion,
      intervals: null,
    };
  }

  const first = readingInterval(a.comparator, a.amount);
  const second = conversion ? convert(readingInterval(b.comparator, b.amount), conversion) : readingInterval(b.comparator, b.amount);
  const bAmount = conversion ? b.amount * conversion.scale + conversion.offset : b.amount;
  const A = quote(describeAmount(a.comparator, a.amount, a.unit));
  const B = quote(describeAmount(b.comparator, b.amount, b.unit));
  const conversionNote = conversion
    ? ` ${describeAmount("EQUAL", b.amount, b.unit)} converts to ${withUnit(formatNumber(bAmount, conversionDecimals(b.amount, conversion)), a.unit)} (${stripPeriod(conversion.note)}).`
    : "";
  const suffix = `${conversionNote}${kinds}`;
  const intervals = { first, second };
  const unit = a.unit;
  const decimals = readingDecimals(a.amount, b.amount, conversion);

  if (!overlaps(first, second)) {
    return { verdict: "CONFLICTS", reason: `${A} and ${B} cannot both hold: ${gapPhrase(a, b, bAmount, first, second, unit, decimals)}.${suffix}`, conversion, intervals };
  }
  const sameAmount = nearlyEqual(a.amount, bAmount);
  const oneSided = isOneSided(a.comparator) || isOneSided(b.comparator);
  if (oneSided && !sameAmount) {
    return { verdict: "COMPATIBLE", reason: `${compatiblePhrase(A, B, first, second, unit, decimals)}.${suffix}`, conversion, intervals };
  }
  let why: string;
  if (sameAmount && a.comparator === b.comparator) why = `Both state ${describeAmount(a.comparator, a.amount, unit)}`;
  else if (sameAmount) why = `Both state ${withUnit(formatNumber(a.amount, decimalsOf(a.amount)), unit)}, as ${formNoun(a.comparator)} and ${formNoun(b.comparator)}`;
  else {
    why = `${A} and ${B} agree within their stated precision: read as ${range(first, unit, decimals.first)} and ${range(second, unit, decimals.second)}, they overlap`;
  }
  return { verdict: "AGREES", reason: `${why}.${suffix}`, conversion, intervals };
}

/**
 * Every other statistic comparable with `stat`, with its verdict, in the order given; for
 * `Statistic.agreement`. The statistic itself (same id) is skipped.
 */
export function agreementsWith(
  stat: ComparableStatistic,
  others: readonly ComparableStatistic[],
  ctx: AgreementContext,
): { readonly other: ComparableStatistic; readonly agreement: Agreement }[] {
  const out: { other: ComparableStatistic; agreement: Agreement }[] = [];
  for (const other of others) {
    if (other.id === stat.id) continue;
    const agreement = compareStatistics(stat, other, ctx);
    if (agreement) out.push({ other, agreement });
  }
  return out;
}

type SubjectRelation = "SAME" | "FIRST_IN_SECOND" | "SECOND_IN_FIRST";

function subjectRelation(a: Key, b: Key, partOf: ReadonlyMap<Key, Key>): SubjectRelation | null {
  if (a === b) return "SAME";
  if (isWithin(a, b, partOf)) return "FIRST_IN_SECOND";
  if (isWithin(b, a, partOf)) return "SECOND_IN_FIRST";
  return null;
}

/** Whether `inner` is part of `outer` through a chain of `partOf` links (cycles stop). */
function isWithin(inner: Key, outer: Key, partOf: ReadonlyMap<Key, Key>): boolean {
  return ancestors(inner, partOf).includes(outer);
}

/**
 * The broader markets `subject` is part of, following its chain of `partOf` links nearest
 * first; the walk stops at the first market already visited (a cycle).
 */
export function ancestors<K>(subject: K, partOf: ReadonlyMap<K, K>): K[] {
  const seen = new Set<K>();
  for (let k = partOf.get(subject); k !== undefined && !seen.has(k); k = partOf.get(k)) seen.add(k);
  return [...seen];
}

function periodRelation(a: ComparableStatistic["period"], b: ComparableStatistic["period"]): "SAME" | "OVERLAPPING" | null {
  if (a === null && b === null) return "SAME";
  if (a === null || b === null) return null;
  if (!periodsOverlap(a, b)) return null;
  return a.start === b.start && a.end === b.end ? "SAME" : "OVERLAPPING";
}

type MetricLink = { kind: "SAME" } | { kind: "DIFFERENT_SCOPE"; note: string } | { kind: "EQUIVALENT"; conversion: MetricConversion };

function metricRelation(a: Key, b: Key, relations: readonly MetricRelation[]): MetricLink | null {
  if (a === b) return { kind: "SAME" };
  const forward = relations.find((r) => r.metric === b && r.related === a && usableEquivalence(r));
  if (forward) return { kind: "EQUIVALENT", conversion: { fromMetric: b, toMetric: a, scale: forward.scale!, offset: forward.offset ?? 0, note: forward.note } };
  const backward = relations.find((r) => r.metric === a && r.related === b && usableEquivalence(r));
  if (backward) {
    const s = backward.scale!;
    const o = backward.offset ?? 0;
    return { kind: "EQUIVALENT", conversion: { fromMetric: b, toMetric: a, scale: 1 / s, offset: -o / s, note: backward.note } };
  }
  const scope = relations.find((r) => r.relation === "DIFFERENT_SCOPE" && ((r.metric === a && r.related === b) || (r.metric === b && r.related === a)));
  return scope ? { kind: "DIFFERENT_SCOPE", note: scope.note } : null;
}

/** Whether a relation is an EQUIVALENT one that converts: a finite, non-zero scale. */
export function usableEquivalence(r: Pick<MetricRelation, "relation" | "scale">): boolean {
  return r.relation === "EQUIVALENT" && r.scale !== null && r.scale !== 0 && Number.isFinite(r.scale);
}

function convert(i: Interval, c: MetricConversion): Interval {
  const f = (x: number) => x * c.scale + c.offset;
  return c.scale > 0 ? interval(f(i.lo), f(i.hi), i.loOpen, i.hiOpen) : interval(f(i.hi), f(i.lo), i.hiOpen, i.loOpen);
}

function gapPhrase(
  a: ComparableStatistic,
  b: ComparableStatistic,
  bAmount: number,
  first: Interval,
  second: Interval,
  unit: string,
  decimals: Decimals,
): string {
  const [low, high] = first.hi <= second.lo ? [first, second] : [second, first];
  const gap = high.lo - low.hi;
  // A difference between two percentages is in percentage points, not percent.
  const diffUnit = unit === "PERCENT" ? "percentage-points" : unit;
  const d = Math.max(decimals.first, decimals.second);
  const widened = !isOneSided(a.comparator) || !isOneSided(b.comparator);
  let text: string;
  if (gap === 0) text = `they meet at ${withUnit(formatNumber(low.hi, d), unit)}, which neither includes`;
  else if (widened) {
    text = `read with their stated precision (${range(first, unit, decimals.first)} and ${range(second, unit, decimals.second)}) they are still ${withUnit(formatNumber(gap, d), diffUnit)} apart`;
  } else text = `they are ${withUnit(formatNumber(gap, d), diffUnit)} apart`;
  const diff = Math.abs(a.amount - bAmount);
  const ratio = amountRatio(a.amount, bAmount);
  if (diff > 0) {
    text += `; the stated amounts differ by ${withUnit(formatNumber(diff, d), diffUnit)}`;
    if (ratio !== null && ratio < DIFFERENT_MEASURE_FACTOR) text += ` (${formatNumber((ratio - 1) * 100, 1)}% of the smaller)`;
  }
  if (ratio !== null && ratio >= DIFFERENT_MEASURE_FACTOR) {
    text += `. They differ by a factor of about ${formatNumber(roundSignificant(ratio, 2))}: a gap this large more often means a different measure (another definition, scope or unit) than a disagreement`;
  }
  return text;
}

function compatiblePhrase(A: string, B: string, first: Interval, second: Interval, unit: string, decimals: Decimals): string {
  if (contains(first, second)) return `${B} implies ${A}: compatible, though the amounts differ`;
  if (contains(second, first)) return `${A} implies ${B}: compatible, though the amounts differ`;
  return `${A} and ${B} can both hold (for values ${range(intersect(first, second), unit, Math.max(decimals.first, decimals.second))}), though the amounts differ`;
}

/** The larger amount divided by the smaller, for amounts of the same sign; null otherwise. */
function amountRatio(x: number, y: number): number | null {
  if (x === 0 || y === 0 || Math.sign(x) !== Math.sign(y)) return null;
  const [small, large] = Math.abs(x) < Math.abs(y) ? [Math.abs(x), Math.abs(y)] : [Math.abs(y), Math.abs(x)];
  return large / small;
}

function roundSignificant(x: number, digits: number): number {
  const p = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Math.round(x / p) * p;
}

function nearlyEqual(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

/** Decimals to show the ends of each reading interval with. */
interface Decimals {
  readonly first: number;
  readonly second: number;
}

/**
 * Reading-interval ends need one decimal more than a figure written with decimals (433.8
 * reads as 433.75 to 433.85); a conversion by a scale below 1 shifts the decimals (121.5% is
 * 2.215 times).
 */
function readingDecimals(a: number, b: number, c: MetricConversion | null): Decimals {
  const d = (v: number) => (statedPrecision(v) < 1 ? decimalsOf(v) + 1 : 0);
  return { first: d(a), second: Math.min(6, d(b) + (c ? scaleShift(c) : 0)) };
}

function conversionDecimals(amount: number, c: MetricConversion): number {
  return Math.min(6, decimalsOf(amount) + scaleShift(c));
}

function scaleShift(c: MetricConversion): number {
  return Math.max(0, Math.ceil(-Math.log10(Math.abs(c.scale)) - 1e-9));
}

function range(i: Interval, unit: string, decimals: number): string {
  const lo = Number.isFinite(i.lo) ? formatNumber(i.lo, decimals) : null;
  const hi = Number.isFinite(i.hi) ? formatNumber(i.hi, decimals) : null;
  if (lo !== null && hi !== null) return lo === hi ? withUnit(lo, unit) : withUnit(`${lo} to ${hi}`, unit);
  if (lo !== null) return withUnit(`${i.loOpen ? "more than" : "at least"} ${lo}`, unit);
  if (hi !== null) return withUnit(`${i.hiOpen ? "less than" : "at most"} ${hi}`, unit);
  return "any value";
}

function formNoun(c: Comparator): string {
  switch (c) {
    case "EQUAL":
      return "a flat figure";
    case "APPROXIMATELY":
      return "an approximation";
    case "MORE_THAN":
    case "AT_LEAST":
      return "a lower bound";
    case "LESS_THAN":
    case "AT_MOST":
      return "an upper bound";
  }
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

function partOfPhrase(a: Key, b: Key, rel: SubjectRelation, ctx: AgreementContext): string {
  const name = (k: Key) => ctx.subjectNames?.get(k) ?? String(k);
  return rel === "FIRST_IN_SECOND" ? `${name(a)} is part of ${name(b)}` : `${name(b)} is part of ${name(a)}`;
}

function quote(s: string): string {
  return `"${s}"`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
