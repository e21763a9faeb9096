/**
 * What the words around a figure say it measures: the claim's concepts weighted by how near
 * they are to the figure (its own clause, the sentence's opening, other figures' clauses, the
 * sentence before when this one refers back to it), and what a percentage is said to be of.
 */
import { type ConceptHit, conceptsIn } from "./claim-concepts.js";
import type { Draft } from "./claim-drafts.js";
import type { WeightedHit } from "./claim-metrics.js";
import type { Span } from "./claim-text.js";

const ANAPHOR = /^(?:that|this|these|those|it|which|such|这|此|其)(?![\p{L}])/iu;

/** True when the sentence opens by referring back to the one before ("That equates", "这"). */
export function refersBack(text: string, sentence: Span): boolean {
  return ANAPHOR.test(text.slice(sentence.start, sentence.start + 8));
}

/**
 * The claim's concepts weighted by nearness to the figure: its own clause (from it to the
 * next figure) 1, the sentence's opening before the first figure 0.8 (0.9 for the first
 * figure), the words between the previous figure and this one 0.5, other figures' clauses
 * 0.25; the sentence before, when this one opens by referring back to it ("That equates"), 0.4.
 * A figure set off by commas (", with a transaction volume of more than 100 million yuan,")
 * does not own what follows the closing comma: that continues the figure before it.
 */
export function weightedHits(text: string, d: Draft, drafts: readonly Draft[], list: readonly Span[]): WeightedHit[] {
  const same = drafts.filter((x) => x.sentence === d.sentence);
  const i = same.indexOf(d);
  const first = same[0]!;
  const prevEnd = i > 0 ? same[i - 1]!.end : d.sentence.start;
  const nextStart = same[i + 1]?.start ?? d.sentence.end;
  const aside = (j: number) => (j > 0 && j < same.length ? parenthesis(text, same[j]!, j > 0 ? same[j - 1]!.end : d.sentence.start, same[j + 1]?.start ?? d.sentence.end) : null);
  const own = aside(i);
  const next = aside(i + 1);
  const weight = (h: ConceptHit) => {
    if (own && h.start >= own && h.start >= d.start) return 0.25;
    if (h.start >= d.start && h.start < nextStart) return 1;
    if (next && h.start >= next && h.start < (same[i + 2]?.start ?? d.sentence.end)) return 1;
    if (h.start < first.start) return i === 0 ? 0.9 : 0.8;
    if (h.start >= prevEnd && h.start < d.start) return 0.5;
    return 0.25;
  };
  const out: WeightedHit[] = conceptsIn(text, d.sentence).map((h) => ({ ...h, weight: weight(h) }));
  const index = list.indexOf(d.sentence);
  if (index > 0 && refersBack(text, d.sentence)) {
    out.push(...conceptsIn(text, list[index - 1]!).map((h) => ({ ...h, weight: 0.4 })));
  }
  return out;
}

/**
 * What a percentage is said to be of: the last concept of the words after "percent of" up to
 * a verb, a conjunction or a comma ("90 percent of live-streaming sessions and ...": session;
 * "70 percent of its transaction volume came from ...": gmv); null when no "of" follows.
 */
export function percentOf(text: string, d: Draft): string | null {
  const m = /^\s*of\s+([^,.;:，。；]+?)(?=\s+(?:and|or|came|come|comes|said|say|held|were|was|is|are|had|have|has|from|in|on|through|with|while)\b|[,.;:，。；]|$)/i.exec(text.slice(d.end, d.sentence.end));
  if (!m) return null;
  const concepts = conceptsIn(m[1]!);
  return concepts[concepts.length - 1]?.concept ?? null;
}

/**
 * Where the text after a figure set off by commas resumes (just after the closing comma), or
 * null when the figure is not between two commas with no other figure inside them.
 */
function parenthesis(text: string, d: Span, after: number, before: number): number | null {
  const opening = Math.max(text.lastIndexOf(",", d.start), text.lastIndexOf("，", d.start));
  if (opening < after) return null;
  const rest = text.slice(d.end, before);
  const closing = rest.search(/[,，]/);
  return closing < 0 ? null : d.end + closing + 1;
}
