/**
 * The figures of a claim before their metric and subject are read: which numbers are figures
 * (the others are ignored, with why: a year, a date, a phone number, a number in an event's
 * name...), and each figure's comparator, amount, precision and unit, with two numbers joined
 * into a range ("30–60%", "between 5,000 and 7,000"), a bare "none" counting what the figure
 * before it counts, and a daily rate ("per day") made part of the unit.
 */
import type { Comparator } from "../interval.js";
import { joinsRange, readComparator } from "./claim-comparators.js";
import type { EventMention } from "./claim-events.js";
import { type NumberMention, numberMentions } from "./claim-numbers.js";
import { type Span, sentenceAt } from "./claim-text.js";
import { type IgnoredReason, isBareYear, phoneSpans, trapOf } from "./claim-traps.js";
import { isDaily, readUnit } from "./claim-units.js";
import type { ClaimVocabulary } from "./claim-vocabulary.js";

/** A figure while it is being read: UTF-16 spans, before the metric and subject. */
export interface Draft extends Span {
  readonly number: NumberMention;
  readonly sentence: Span;
  comparator: Comparator;
  amount: number;
  upper: number | null;
  precision: number;
  unit: string;
  unitWords: string;
}

/** A number of the claim that is not a figure, and why (UTF-16 span). */
export interface IgnoredSpan {
  readonly span: Span;
  readonly reason: IgnoredReason;
}

/** The figures of `text` in order (`list`: its sentences; `events`: the events it names), and the numbers that are not figures. */
export function draftFigures(text: string, list: readonly Span[], events: readonly EventMention[], vocab: ClaimVocabulary): { drafts: Draft[]; ignored: IgnoredSpan[] } {
  const phones = phoneSpans(text);
  const ignored: IgnoredSpan[] = [];
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
  return { drafts, ignored };
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

/** The factor of a number's scale word: 1e9 for "2 billion", 1e8 for "3亿". */
function scaleOf(n: NumberMention): number {
  const digits = Number(n.text.replace(/[^\d.]/g, ""));
  return digits > 0 ? n.value / digits : 1;
}
