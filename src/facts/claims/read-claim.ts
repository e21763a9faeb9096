/**
 * Reading a claim: every figure in it with its position, value (amount, unit, comparator,
 * precision of its digits), period or event, and the metric and subject it is about, read
 * against the knowledge base's vocabulary; and the numbers that are not figures, with why.
 * Deterministic: the same text, date and knowledge base always read the same way.
 */
import type { Comparator, StatedValue } from "../interval.js";
import { parsePeriod } from "../period.js";
import { type ConceptHit, conceptsIn } from "./claim-concepts.js";
import { joinsRange, readComparator } from "./claim-comparators.js";
import { type EventMention, eventMentions, firstDayEvent } from "./claim-events.js";
import { type MetricMatch, type WeightedHit, matchMetric } from "./claim-metrics.js";
import { type NumberMention, numberMentions } from "./claim-numbers.js";
import { type ClaimPeriod, type PeriodMention, periodMentions } from "./claim-periods.js";
import { type SubjectReading, chooseSubject, subjectMentions } from "./claim-subjects.js";
import { type Span, codePointIndex, distance, sentenceAt, sentences } from "./claim-text.js";
import { type IgnoredReason, isBareYear, phoneSpans, trapOf } from "./claim-traps.js";
import { isDaily, readUnit } from "./claim-units.js";
import type { ClaimVocabulary } from "./claim-vocabulary.js";

/** A number of the claim that is not a figure, and why (positions in code points). */
export interface IgnoredNumber {
  readonly start: number;
  readonly end: number;
  readonly asWritten: string;
  readonly reason: IgnoredReason;
}

/** One figure of the claim as read (positions in code points, like quotes). */
export interface FigureReading {
  readonly start: number;
  readonly end: number;
  readonly asWritten: string;
  readonly value: StatedValue;
  readonly unit: string;
  /** The words the unit was read from ("" when none). */
  readonly unitWords: string;
  readonly period: ClaimPeriod | null;
  readonly periodWords: string | null;
  readonly periodResolution: string | null;
  readonly eventId: number | null;
  readonly metric: MetricMatch | null;
  /** Why no metric matched, or what to know about the one that did (a better match in another unit). */
  readonly metricNote: string | null;
  readonly subject: SubjectReading | null;
}

/** Everything read from a claim. */
export interface ClaimReading {
  readonly figures: readonly FigureReading[];
  readonly ignored: readonly IgnoredNumber[];
}

/** A figure while it is being read: UTF-16 spans, before the metric and subject. */
interface Draft extends Span {
  readonly number: NumberMention;
  readonly sentence: Span;
  comparator: Comparator;
  amount: number;
  upper: number | null;
  precision: number;
  unit: string;
  unitWords: string;
}

const ANAPHOR = /^(?:that|this|these|those|it|which|such|这|此|其)(?![\p{L}])/iu;

/** Reads `text` against `vocab`; `publishedAt` (YYYY-MM-DD or null) resolves relative periods. */
export function readClaim(text: string, publishedAt: string | null, vocab: ClaimVocabulary): ClaimReading {
  const cp = codePointIndex(text);
  const list = sentences(text);
  const phones = phoneSpans(text);
  const events = eventMentions(text, vocab.events, publishedAt);
  const ignored: { span: Span; reason: IgnoredReason }[] = [];
  const drafts: Draft[] = [];
  for (const n of numberMentions(text)) {
    const inEvent = events.some((e) => n.start >= e.start && n.end <= e.end) && !n.scaled && (n.form === "DIGITS" || n.form === "CHINESE");
    const trap = trapOf(text, n, phones) ?? (inEvent ? (/^(?:19|20)\d\d$/.test(n.text) ? "YEAR" : "EVENT_NAME") : null);
    if (trap) {
      ignored.push({ span: n, reason: trap });
      continue;
    }
    const sentence = sentenceAt(list, n.start);
    const previous = drafts[drafts.length - 1];
    const clauseStart = previous && previous.sentence === sentence ? previous.end : sentence.start;
    const unit = n.multiple ? { unit: "times", words: n.text, start: n.start, end: n.end } : readUnit(text, n.start, n.end, sentence.end, vocab.units);
    if (unit.unit === "" && isBareYear(text, n)) {
      ignored.push({ span: n, reason: "YEAR" });
      continue;
    }
    const comparator = readComparator(text, unit.start, unit.end, clauseStart, n.moreThan);
    const draft: Draft = {
      number: n,
      sentence,
      start: Math.min(comparator.start, unit.start),
      end: Math.max(comparator.end, unit.end),
      comparator: comparator.comparator,
      amount: n.value,
      upper: null,
      precision: n.precision,
      unit: unit.unit,
      unitWords: unit.words,
    };
    if (previous && previous.sentence === sentence && previous.comparator === "EQUAL" && joinsRange(text.slice(previous.end, draft.start), text.slice(sentence.start, previous.start))) {
      mergeRange(previous, draft, text);
      continue;
    }
    // "200 MCNs ..., compared with none": a bare "none" counts what the figure before it counts.
    if (draft.unit === "" && n.form === "NONE" && previous && previous.sentence === sentence && previous.unit !== "") {
      draft.unit = previous.unit;
      draft.unitWords = previous.unitWords;
    }
    if (draft.unit !== "" && !["CNY", "USD", "PERCENT", "percentage-points", "times"].includes(draft.unit) && isDaily(text, n.end, clauseStart, sentence.end)) draft.unit = `${draft.unit}/day`;
    drafts.push(draft);
  }
  const periods = periodMentions(text, publishedAt).filter((p) => !drafts.some((d) => p.start < d.end && p.end > d.start));
  const subjects = subjectMentions(text, conceptsIn(text), vocab);
  const eventSubjects = events.map((e) => ({ entityId: e.eventId, start: e.start, end: e.end, words: e.words, score: 1 }));
  // Words inside an organization's or an event's name ("Ministry of Commerce", "mid-year online
  // shopping spree") say who or when, not what is measured; a platform's ("Taobao Live") says both.
  const names: Span[] = [...subjects.filter((m) => m.score === 1 && vocab.entities.get(m.entityId)?.type === "ORGANIZATION"), ...events];
  const figures = drafts.map((d): FigureReading => {
    const hits = weightedHits(text, d, drafts, list).filter((h) => !names.some((n) => h.start >= n.start && h.end <= n.end));
    // A multiple ("doubled", "3倍") says by itself that a multiple is measured.
    if (d.unit === "times") hits.push({ concept: "multiple", words: d.unitWords, start: d.start, end: d.end, weight: 1 });
    const reading = matchMetric(hits, d.unit, d.number.multiple === true, vocab, d.unit === "PERCENT" ? percentOf(text, d) : null);
    // Of metrics that fit about as well, the one the knowledge base has figures of about a subject the sentence names.
    const readings = reading.candidates.map((m) => ({ metric: m, subject: chooseSubject(d, d.sentence, [m.metricId, ...(vocab.metricById.get(m.metricId)?.equivalents ?? [])], subjects, eventSubjects, vocab) }));
    const chosen =
      readings.find((r) => r.subject.named && r.subject.direct) ?? readings.find((r) => r.subject.named && r.subject.held) ?? readings.find((r) => r.subject.held) ?? readings[0];
    const metric = chosen?.metric ?? null;
    const subject = chosen?.subject ?? null;
    const event = nearest(events.filter((e) => within(e, d.sentence)), d);
    const when = timeOf(text, d, drafts, periods, event, list, vocab);
    const aboutEvent = subject?.entityIds.length === 1 && subject.entityIds[0] === event?.eventId;
    const eventId = event && !aboutEvent ? (event.firstDay ? firstDayEvent(event.eventId, vocab.events) : event.eventId) : null;
    const value: StatedValue = { comparator: d.comparator, amount: d.amount, upper: d.upper, precision: d.precision };
    return {
      start: cp(d.start),
      end: cp(d.end),
      asWritten: text.slice(d.start, d.end),
      value,
      unit: metric && (d.unit === "" || d.unit === "people") ? metric.unit : d.unit,
      unitWords: d.unitWords,
      ...when,
      eventId,
      metric,
      metricNote: reading.note,
      subject,
    };
  });
  return {
    figures,
    ignored: ignored.map(({ span, reason }) => ({ start: cp(span.start), end: cp(span.end), asWritten: text.slice(span.start, span.end), reason })),
  };
}

/** "30–60%", "between 5,000 and 7,000": the first number becomes the range's lower end, with the second's scale and unit when it has none. */
function mergeRange(lower: Draft, upper: Draft, text: string): void {
  const scale = upper.number.scaled && !lower.number.scaled ? scaleOf(upper.number) : 1;
  lower.amount = lower.number.value * scale;
  lower.precision = Math.min(lower.number.precision * scale, upper.precision);
  lower.upper = upper.amount;
  lower.comparator = "BETWEEN";
  lower.unit = upper.unit || lower.unit;
  lower.unitWords = upper.unitWords || lower.unitWords;
  const between = /\bbetween\s*$/i.exec(text.slice(lower.sentence.start, lower.start));
  (lower as { start: number }).start = between ? lower.start - between[0].length : lower.start;
  (lower as { end: number }).end = upper.end;
}

/**
 * What a percentage is said to be of: the last concept of the words after "percent of" up to
 * a verb, a conjunction or a comma ("90 percent of live-streaming sessions and ...": session;
 * "70 percent of its transaction volume came from ...": gmv); null when no "of" follows.
 */
function percentOf(text: string, d: Draft): string | null {
  const m = /^\s*of\s+([^,.;:，。；]+?)(?=\s+(?:and|or|came|come|comes|said|say|held|were|was|is|are|had|have|has|from|in|on|through|with|while)\b|[,.;:，。；]|$)/i.exec(text.slice(d.end, d.sentence.end));
  if (!m) return null;
  const concepts = conceptsIn(m[1]!);
  return concepts[concepts.length - 1]?.concept ?? null;
}

/** The factor of a number's scale word: 1e9 for "2 billion", 1e8 for "3亿". */
function scaleOf(n: NumberMention): number {
  const digits = Number(n.text.replace(/[^\d.]/g, ""));
  return digits > 0 ? n.value / digits : 1;
}

/**
 * The claim's concepts weighted by nearness to the figure: its own clause (from it to the
 * next figure) 1, the sentence's opening before the first figure 0.8 (0.9 for the first
 * figure), the words between the previous figure and this one 0.5, other figures' clauses
 * 0.25; the sentence before, when this one opens by referring back to it ("That equates"), 0.4.
 * A figure set off by commas (", with a transaction volume of more than 100 million yuan,")
 * does not own what follows the closing comma: that continues the figure before it.
 */
function weightedHits(text: string, d: Draft, drafts: readonly Draft[], list: readonly Span[]): WeightedHit[] {
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
  if (index > 0 && ANAPHOR.test(text.slice(d.sentence.start, d.sentence.start + 8))) {
    out.push(...conceptsIn(text, list[index - 1]!).map((h) => ({ ...h, weight: 0.4 })));
  }
  return out;
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

/** The period of a figure: the event's days (or first day), the period its clause or else its sentence names, or one carried from the sentence before. */
function timeOf(
  text: string,
  d: Draft,
  drafts: readonly Draft[],
  periods: readonly PeriodMention[],
  event: EventMention | null,
  list: readonly Span[],
  vocab: ClaimVocabulary,
): Pick<FigureReading, "period" | "periodWords" | "periodResolution"> {
  // A period in the figure's own clause first (after it, then before it), else the nearest in the sentence.
  const same = drafts.filter((x) => x.sentence === d.sentence);
  const i = same.indexOf(d);
  const after: Span = { start: d.end, end: same[i + 1]?.start ?? d.sentence.end };
  const before: Span = { start: i > 0 ? same[i - 1]!.end : d.sentence.start, end: d.start };
  const inSentence = periods.filter((p) => within(p, d.sentence));
  let mention = nearest(inSentence.filter((p) => within(p, after)), d) ?? nearest(inSentence.filter((p) => within(p, before)), d) ?? nearest(inSentence, d);
  let carried = false;
  const index = list.indexOf(d.sentence);
  if (!mention && index > 0 && ANAPHOR.test(text.slice(d.sentence.start, d.sentence.start + 8))) {
    const before = periods.filter((p) => within(p, list[index - 1]!));
    mention = before[before.length - 1] ?? null;
    carried = mention !== null;
  }
  const ev = event ? vocab.events.events.get(event.eventId) : undefined;
  if (event && ev) {
    if (event.firstDay && ev.start) {
      return { period: { start: ev.start, end: ev.start, label: ev.start }, periodWords: event.words, periodResolution: `the first day of ${ev.name}: ${ev.start}${event.resolution ? `; ${event.resolution}` : ""}` };
    }
    if (mention?.period && ev.start && ev.end && mention.period.start >= ev.start && mention.period.end <= ev.end) {
      return { period: mention.period, periodWords: mention.words, periodResolution: mention.resolution };
    }
    const dates = ev.start && ev.end ? parsePeriod(`${ev.start}/${ev.end}`) : ev.end ? parsePeriod(ev.end.slice(0, 4)) : null;
    if (dates && !("error" in dates)) {
      return { period: { start: dates.start, end: dates.end, label: dates.label }, periodWords: event.words, periodResolution: event.resolution ?? `the dates of ${ev.name}` };
    }
  }
  if (!mention) return { period: null, periodWords: null, periodResolution: null };
  const resolution = carried ? `not stated in this sentence; taken from the sentence before, which it refers back to ("${mention.words}")${mention.resolution ? `: ${mention.resolution}` : ""}` : mention.resolution;
  return { period: mention.period, periodWords: mention.words, periodResolution: resolution };
}

function nearest<T extends Span>(items: readonly T[], to: Span): T | null {
  return [...items].sort((a, b) => distance(a, to) - distance(b, to) || b.start - a.start)[0] ?? null;
}

function within(s: Span, outer: Span): boolean {
  return s.start >= outer.start && s.end <= outer.end;
}
