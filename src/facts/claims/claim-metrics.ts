/**
 * Which metric a claimed figure measures, from the words around it. Each metric's name and
 * description are concepts (claim-concepts.ts); the claim's concepts weigh by how near they
 * are to the figure (its own clause most, the sentence's opening less, other figures' clauses
 * little) and by how telling they are among metrics. A metric scores the share of its name it
 * finds (and a little of its description). Only metrics given in the figure's unit can match:
 * a percentage is a share (with "percent of", "accounted for", 占比) or a growth rate (with
 * "grew", "year on year", 增长); when the words name an amount of money much better than any
 * percentage metric (or the other way round), the figure matches none and the reason says so.
 */
import type { ConceptHit } from "./claim-concepts.js";
import type { ClaimVocabulary, VocabularyMetric } from "./claim-vocabulary.js";

/** A metric matched to a figure: how sure, and the claim's words that matched it. */
export interface MetricMatch {
  readonly metricId: number;
  /** 0..1: the weighted share of the metric's name found near the figure, lowered when only the kind of unit fits. */
  readonly confidence: number;
  readonly words: readonly string[];
  /** The unit the figure is compared in, when the claim wrote none and the metric has one. */
  readonly unit: string;
  /** The score the match was ranked by. */
  readonly score: number;
}

/**
 * The outcome of matching: the metrics that fit, best first (each within reach of the best
 * score, so that the subject named can decide between near ties), and a note: why none fits,
 * or that the words name a metric of another unit better.
 */
export interface MetricReading {
  readonly candidates: readonly MetricMatch[];
  readonly note: string | null;
}

/** A concept of the claim with the weight of its nearest occurrence to the figure. */
export interface WeightedHit extends ConceptHit {
  readonly weight: number;
}

/** The least score a metric needs to be taken for the figure's metric. */
export const MIN_METRIC_SCORE = 0.45;

const PERSON_UNITS = new Set(["users", "hosts", "viewers", "buyers", "followers", "influencers", "people"]);

/**
 * Matches a figure with unit `unit` (and `multiple` for "doubled" and the like) to a metric of
 * the vocabulary. `shareOf` is what a percentage is said to be of ("90 percent of live-streaming
 * sessions": session), which must be what a share metric is of: a share of sessions is not a
 * share of sales.
 */
export function matchMetric(hits: readonly WeightedHit[], unit: string, multiple: boolean, vocab: ClaimVocabulary, shareOf: string | null = null): MetricReading {
  const weights = new Map<string, number>();
  for (const h of hits) weights.set(h.concept, Math.max(weights.get(h.concept) ?? 0, h.weight));
  const cue = (c: string) => (weights.get(c) ?? 0) >= 0.5;
  const growth = cue("growth") || multiple;
  const share = cue("share");
  const of = (m: (typeof vocab.metrics)[number]) => (shareOf && m.shareOf ? (shareOf === m.shareOf ? 0.25 : -0.25) : 0);
  const scored = vocab.metrics.map((m) => ({ m, score: score(m, weights, vocab.idf) + of(m) }));
  scored.sort((a, b) => b.score - a.score || a.m.slug.localeCompare(b.m.slug));
  const best = scored[0];
  const fitting = scored
    .map(({ m, score: s }) => ({ m, s: s * fit(m, unit, growth, share) }))
    .filter((x) => x.s >= MIN_METRIC_SCORE && !(best && confusable(best.m, unit) && x.s < 0.6 * best.score))
    .sort((a, b) => b.s - a.s || a.m.slug.localeCompare(b.m.slug));
  const top = fitting[0];
  if (top) {
    const candidates = fitting
      .filter((x) => x.s >= 0.9 * top.s)
      .map(({ m, s }): MetricMatch => {
        const exact = unit !== "" && m.units.includes(unit);
        return {
          metricId: m.id,
          confidence: round2(Math.min(1, s) * (exact ? 1 : 0.9)),
          words: matchedWords(hits, m),
          unit: unit !== "" && unit !== "people" ? unit : (m.units.find((u) => unit === "" || PERSON_UNITS.has(u)) ?? unit),
          score: s,
        };
      });
    return { candidates, note: null };
  }
  if (best && best.score >= MIN_METRIC_SCORE && fit(best.m, unit, growth, share) === 0) return { candidates: [], note: mismatch(best.m, unit) };
  const read = [...new Set(hits.filter((h) => h.weight >= 0.5).map((h) => h.words))];
  return {
    candidates: [],
    note: `No metric of the knowledge base fits the words around the figure${read.length ? ` (${read.map((w) => `"${w}"`).join(", ")})` : ""}${unit ? ` in ${unitPhrase(unit)}` : ""}.`,
  };
}

/**
 * Whether a metric is one a figure in `unit` is easily mistaken for: an amount of money for a
 * percentage ("sales reached 10 percent") and a percentage for an amount. When the words name
 * such a metric much better than any metric of the figure's unit, the figure matches none.
 */
function confusable(m: VocabularyMetric, unit: string): boolean {
  if (unit === "PERCENT") return m.quantity === "MONEY";
  if (unit === "CNY" || unit === "USD") return m.units.includes("PERCENT");
  return false;
}

/** How much of a metric's name (and a little of its description) the claim's weighted concepts cover. */
function score(m: VocabularyMetric, weights: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): number {
  const part = (concepts: ReadonlySet<string>) => {
    let found = 0;
    let all = 0;
    for (const c of concepts) {
      const w = idf.get(c) ?? 0;
      all += w;
      found += w * (weights.get(c) ?? 0);
    }
    return { found, all };
  };
  const name = part(m.nameConcepts);
  const description = part(m.descriptionConcepts);
  if (name.all === 0) return 0;
  // The share of the name found decides; the description and the weight of what was found
  // (a longer, rarer name fully found beats a short common one) break near ties.
  return name.found / name.all + (0.25 * description.found) / (name.all + description.all) + 0.01 * name.found;
}

/**
 * How well a metric's units fit the figure's: 1 when they hold its unit (a percentage only
 * with a cue for the metric's kind when the claim has a cue for the other kind), 0.85 for a
 * percentage with no cue either way, 0 when the units cannot be the same measure.
 */
function fit(m: VocabularyMetric, unit: string, growth: boolean, share: boolean): number {
  if (unit === "CNY" || unit === "USD") return m.quantity === "MONEY" ? 1 : 0;
  if (unit === "PERCENT") {
    if (!m.units.includes("PERCENT")) return 0;
    if (m.quantity === "GROWTH_RATE") return growth ? 1 : share ? 0.4 : 0.85;
    if (m.quantity === "SHARE") return share ? 1 : growth ? 0.4 : 0.85;
    return 0.85;
  }
  if (unit === "times") return m.units.includes("times") ? 1 : 0;
  if (unit === "") return m.quantity === "COUNT" && m.units.length === 1 ? 0.8 : 0;
  if (unit === "people") return m.units.some((u) => PERSON_UNITS.has(u)) ? 0.9 : 0;
  return m.units.includes(unit) ? 1 : 0;
}

/** The claim's words that matched concepts of the metric, nearest occurrence of each concept, in reading order. */
function matchedWords(hits: readonly WeightedHit[], m: VocabularyMetric): string[] {
  const best = new Map<string, WeightedHit>();
  for (const h of hits) {
    if (h.weight <= 0 || !(m.nameConcepts.has(h.concept) || m.descriptionConcepts.has(h.concept))) continue;
    const seen = best.get(h.concept);
    if (!seen || h.weight > seen.weight) best.set(h.concept, h);
  }
  const list = [...best.values()].sort((a, b) => a.start - b.start);
  return [...new Set(list.map((h) => h.words))];
}

/** Why a figure in `unit` is not a figure of metric `m`, in words. */
export function mismatch(m: VocabularyMetric, unit: string): string {
  const held = m.units.map(unitPhrase).join(" or ");
  const why =
    unit === "PERCENT" && m.quantity === "MONEY"
      ? "a percentage (a share or a rate of growth) is not an amount of money"
      : (unit === "CNY" || unit === "USD") && m.units.includes("PERCENT")
        ? "an amount of money is not a percentage"
        : unit === ""
          ? "the claim writes no unit the metric is given in"
          : `${unitPhrase(unit)} and ${held} do not measure the same thing`;
  return `The words name "${m.name}", which the knowledge base gives in ${held}, but the claim states ${unitPhrase(unit)}: ${why}, so the figure was not compared with them.`;
}

/** A unit for a sentence: "a percentage", "an amount in CNY", "a count of sessions". */
export function unitPhrase(unit: string): string {
  if (unit === "PERCENT") return "a percentage";
  if (unit === "percentage-points") return "percentage points";
  if (unit === "times") return "a multiple";
  if (unit === "CNY" || unit === "USD") return `an amount in ${unit}`;
  if (unit === "") return "a number with no unit";
  return `a count of ${unit}`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
