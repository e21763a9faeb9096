import type { Comparator } from "../../facts/interval.js";
import { withUnitName } from "../../facts/display.js";
import { describeAmount, exactNumber, humanNumber, unitName, withUnit as unitAfter } from "../../facts/number-format.js";
import type { UnitInfo } from "../../facts/unit-catalog.js";
import type { StatisticKind } from "./fact-card.query.js";
import type { IntervalFragment } from "./generated/fact-card.operations.js";

/**
 * A value as the API gives it, in the parts the card writes: every value the fact card's query
 * selects fits (the statistic's, an input's, a compared figure's).
 */
export interface ValueLike {
  readonly asWritten: string | null;
  readonly amount: number;
  readonly comparator: string;
  readonly unit: string;
  /** The API's `display`: the value in words for people, whether or not its source is archived. */
  readonly display?: string;
}

/** An interval as the API's Quantity gives it (null bounds are unbounded), without its words. */
export type Interval = Omit<IntervalFragment, "display">;

/** A number with its unit, as the explanations write it: "1,730,000 jobs", "4.1%". */
function withUnit(n: number, unit: string): string {
  return unitAfter(exactNumber(n), unit);
}

/**
 * The interval a value implies, in mathematical notation with the unit: "(1,730,000, ∞)
 * jobs" for "more than 1.73 million"; an unbounded side is always open.
 */
export function formatInterval(value: Interval): string {
  const lower = value.lowerBound === null ? "−∞" : exactNumber(value.lowerBound);
  const upper = value.upperBound === null ? "∞" : exactNumber(value.upperBound);
  const open = value.lowerBound !== null && value.lowerInclusive ? "[" : "(";
  const close = value.upperBound !== null && value.upperInclusive ? "]" : ")";
  if (value.lowerBound !== null && value.lowerBound === value.upperBound) return `exactly ${withUnit(value.lowerBound, value.unit)}`;
  return `${open}${lower}, ${upper}${close} ${unitName(value.unit)}`;
}

/**
 * The interval a value implies in mathematical notation with numbers in words, for people:
 * "(1 trillion, ∞) yuan", "[900 billion, 1.1 trillion] yuan", "exactly 1.05 trillion yuan".
 */
export function humanInterval(value: Interval, unit: UnitInfo): string {
  const { lowerBound: lo, upperBound: hi } = value;
  const n = (x: number) => (unit.kind === "CALENDAR_YEAR" ? String(x) : humanNumber(x));
  const name = unit.kind === "PERCENT" ? "%" : unit.kind === "CALENDAR_YEAR" ? "" : unit.plural;
  if (lo !== null && lo === hi) return `exactly ${withUnitName(n(lo), unit, { language: "EN", form: "WORDS" })}`;
  const open = lo !== null && value.lowerInclusive ? "[" : "(";
  const close = hi !== null && value.upperInclusive ? "]" : ")";
  return `${open}${lo === null ? "−∞" : n(lo)}, ${hi === null ? "∞" : n(hi)}${close}${name ? ` ${name}` : ""}`;
}

/** The interval in words: "more than 1,730,000 jobs", "between 9 and 11 (inclusive)". */
export function describeInterval(value: Interval): string {
  const { lowerBound: lo, upperBound: hi, unit } = value;
  if (lo !== null && hi !== null) {
    if (lo === hi) return `exactly ${withUnit(lo, unit)}`;
    const ends = value.lowerInclusive && value.upperInclusive ? "both included" : !value.lowerInclusive && !value.upperInclusive ? "both excluded" : value.lowerInclusive ? "lower end included" : "upper end included";
    return `between ${exactNumber(lo)} and ${withUnit(hi, unit)} (${ends})`;
  }
  if (lo !== null) return `${value.lowerInclusive ? "at least" : "more than"} ${withUnit(lo, unit)}, no upper bound`;
  if (hi !== null) return `${value.upperInclusive ? "at most" : "less than"} ${withUnit(hi, unit)}, no lower bound`;
  return "unbounded";
}

/**
 * A value for reading, with its unit: the source's words when they are archived ("more than
 * 1.73 million jobs"), otherwise the API's words for people (`display`: "more than 1 trillion
 * yuan") or, failing those, the recorded comparator and amount, so figures from sources whose
 * text is not archived still read as stated.
 */
export function valueText(v: ValueLike): string {
  if (!v.asWritten) return v.display ?? describeAmount(v.comparator as Comparator, v.amount, v.unit);
  if (v.amount === 0) return `${v.asWritten} (${withUnit(0, v.unit)})`;
  if (mentionsUnit(v.asWritten, v.unit)) return v.asWritten;
  return unitAfter(v.asWritten, v.unit);
}

/** How words as written may name a unit whose name is not its own (lower case). */
const UNIT_NAMES: Readonly<Record<string, readonly string[]>> = { PERCENT: ["percent", "%"], CNY: ["yuan", "rmb", "cny", "元"], USD: ["dollar", "usd", "$"] };

/** Whether words as written already name the unit ("4.1 percent", "1 trillion yuan", "jobs", "2.5 percentage points"). */
function mentionsUnit(words: string, unit: string): boolean {
  const w = words.toLowerCase();
  const stem = unit.toLowerCase().split("/")[0]!.replace(/s$/, "").replace(/-/g, " ");
  return (UNIT_NAMES[unit] ?? (stem ? [stem] : [])).some((n) => w.includes(n));
}

/** How the source qualified the number, in words. */
export const COMPARATOR_LABELS: Readonly<Record<string, string>> = {
  EQUAL: "stated as a flat figure",
  APPROXIMATELY: "stated as approximate",
  MORE_THAN: "stated as exceeding the amount",
  AT_LEAST: "stated as the amount or more",
  LESS_THAN: "stated as below the amount",
  AT_MOST: "stated as the amount or less",
  BETWEEN: "stated as a range",
};

/** Each kind of figure, named for readers; a forecast is never shown as a measurement. */
export const KIND_LABELS: Readonly<Record<StatisticKind, { readonly label: string; readonly tone: "ok" | "warn" | "neutral" }>> = {
  MEASUREMENT: { label: "Measurement", tone: "ok" },
  ESTIMATE: { label: "Estimate", tone: "neutral" },
  SURVEY: { label: "Survey result", tone: "neutral" },
  DERIVED: { label: "Derived from other figures", tone: "neutral" },
  FORECAST: { label: "Forecast (not a measurement)", tone: "warn" },
};

/** Enum values such as NEWS_ARTICLE or USES_DATA, for reading: "news article", "uses data". */
export function humanize(enumValue: string): string {
  return enumValue.toLowerCase().replace(/_/g, " ");
}
