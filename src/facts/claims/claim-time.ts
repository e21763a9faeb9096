/**
 * When a figure of a claim is: the event its sentence names nearest to it, and its period —
 * the event's days (or first day), the period its clause or else its sentence names, or one
 * carried from the sentence before when this one refers back to it.
 */
import { parsePeriod } from "../period.js";
import type { Draft } from "./claim-drafts.js";
import type { EventMention } from "./claim-events.js";
import { refersBack } from "./claim-nearness.js";
import type { ClaimPeriod, PeriodMention } from "./claim-periods.js";
import { type Span, distance } from "./claim-text.js";
import type { ClaimVocabulary } from "./claim-vocabulary.js";

/** A figure's period as read, with the words it was read from and how they were resolved. */
export interface FigureTime {
  readonly period: ClaimPeriod | null;
  readonly periodWords: string | null;
  readonly periodResolution: string | null;
}

/** The event named in the figure's sentence nearest to the figure, or null. */
export function eventOf(events: readonly EventMention[], d: Draft): EventMention | null {
  return nearest(events.filter((e) => within(e, d.sentence)), d);
}

/** The period of a figure: the event's days (or first day), the period its clause or else its sentence names, or one carried from the sentence before. */
export function timeOf(
  text: string,
  d: Draft,
  drafts: readonly Draft[],
  periods: readonly PeriodMention[],
  event: EventMention | null,
  list: readonly Span[],
  vocab: ClaimVocabulary,
): FigureTime {
  // A period in the figure's own clause first (after it, then before it), else the nearest in the sentence.
  const same = drafts.filter((x) => x.sentence === d.sentence);
  const i = same.indexOf(d);
  const after: Span = { start: d.end, end: same[i + 1]?.start ?? d.sentence.end };
  const before: Span = { start: i > 0 ? same[i - 1]!.end : d.sentence.start, end: d.start };
  const inSentence = periods.filter((p) => within(p, d.sentence));
  let mention = nearest(inSentence.filter((p) => within(p, after)), d) ?? nearest(inSentence.filter((p) => within(p, before)), d) ?? nearest(inSentence, d);
  let carried = false;
  const index = list.indexOf(d.sentence);
  if (!mention && index > 0 && refersBack(text, d.sentence)) {
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
