/**
 * Reading a claim: every figure in it with its position, value (amount, unit, comparator,
 * precision of its digits), period or event, and the metric and subject it is about, read
 * against the knowledge base's vocabulary; and the numbers that are not figures, with why.
 * Deterministic: the same text, date and knowledge base always read the same way.
 *
 * The figures are drafted first (claim-drafts.ts: value and unit); each is then read in the
 * context of the whole claim: the concepts near it (claim-nearness.ts) give its metric, the
 * entities the claim names its subject, and the events and periods it names its time
 * (claim-time.ts).
 */
import type { StatedValue } from "../interval.js";
import { conceptsIn } from "./claim-concepts.js";
import { type Draft, draftFigures } from "./claim-drafts.js";
import { type EventMention, eventMentions, firstDayEvent } from "./claim-events.js";
import { type MetricMatch, matchMetric } from "./claim-metrics.js";
import { percentOf, weightedHits } from "./claim-nearness.js";
import { type ClaimPeriod, type PeriodMention, periodMentions } from "./claim-periods.js";
import { type SubjectMention, type SubjectReading, chooseSubject, subjectMentions } from "./claim-subjects.js";
import { type Span, codePointIndex, sentences } from "./claim-text.js";
import { eventOf, timeOf } from "./claim-time.js";
import type { IgnoredReason } from "./claim-traps.js";
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

/** What reading one figure needs from the whole claim. */
interface WholeClaim {
  readonly text: string;
  /** The claim's sentences. */
  readonly list: readonly Span[];
  readonly drafts: readonly Draft[];
  /** Periods the claim names outside its figures. */
  readonly periods: readonly PeriodMention[];
  readonly events: readonly EventMention[];
  readonly subjects: readonly SubjectMention[];
  /** The events named, as subjects a figure may be about. */
  readonly eventSubjects: readonly SubjectMention[];
  /** Organizations' and events' names: their words say who or when, not what is measured. */
  readonly names: readonly Span[];
  readonly vocab: ClaimVocabulary;
  /** A UTF-16 offset as a code-point offset. */
  readonly cp: (utf16: number) => number;
}

/** Reads `text` against `vocab`; `publishedAt` (YYYY-MM-DD or null) resolves relative periods. */
export function readClaim(text: string, publishedAt: string | null, vocab: ClaimVocabulary): ClaimReading {
  const cp = codePointIndex(text);
  const list = sentences(text);
  const events = eventMentions(text, vocab.events, publishedAt);
  const { drafts, ignored } = draftFigures(text, list, events, vocab);
  const periods = periodMentions(text, publishedAt).filter((p) => !drafts.some((d) => p.start < d.end && p.end > d.start));
  const subjects = subjectMentions(text, conceptsIn(text), vocab);
  const eventSubjects = events.map((e) => ({ entityId: e.eventId, start: e.start, end: e.end, words: e.words, score: 1 }));
  // Words inside an organization's or an event's name ("Ministry of Commerce", "mid-year online
  // shopping spree") say who or when, not what is measured; a platform's ("Taobao Live") says both.
  const names: Span[] = [...subjects.filter((m) => m.score === 1 && vocab.entities.get(m.entityId)?.type === "ORGANIZATION"), ...events];
  const claim: WholeClaim = { text, list, drafts, periods, events, subjects, eventSubjects, names, vocab, cp };
  return {
    figures: drafts.map((d) => readFigure(d, claim)),
    ignored: ignored.map(({ span, reason }) => ({ start: cp(span.start), end: cp(span.end), asWritten: text.slice(span.start, span.end), reason })),
  };
}

/** One drafted figure read in the context of the claim: its metric, subject, event and period. */
function readFigure(d: Draft, claim: WholeClaim): FigureReading {
  const { text, drafts, list, vocab, cp } = claim;
  const hits = weightedHits(text, d, drafts, list).filter((h) => !claim.names.some((n) => h.start >= n.start && h.end <= n.end));
  // A multiple ("doubled", "3倍") says by itself that a multiple is measured.
  if (d.unit === "times") hits.push({ concept: "multiple", words: d.unitWords, start: d.start, end: d.end, weight: 1 });
  const reading = matchMetric(hits, d.unit, d.number.multiple === true, vocab, d.unit === "PERCENT" ? percentOf(text, d) : null);
  // Of metrics that fit about as well, the one the knowledge base has figures of about a subject the sentence names.
  const readings = reading.candidates.map((m) => ({ metric: m, subject: chooseSubject(d, d.sentence, [m.metricId, ...(vocab.metricById.get(m.metricId)?.equivalents ?? [])], claim.subjects, claim.eventSubjects, vocab) }));
  const chosen =
    readings.find((r) => r.subject.named && r.subject.direct) ?? readings.find((r) => r.subject.named && r.subject.held) ?? readings.find((r) => r.subject.held) ?? readings[0];
  const metric = chosen?.metric ?? null;
  const subject = chosen?.subject ?? null;
  const event = eventOf(claim.events, d);
  const when = timeOf(text, d, drafts, claim.periods, event, list, vocab);
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
}
