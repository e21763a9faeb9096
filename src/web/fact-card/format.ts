import type { CardStatistic, StatisticKind } from "./fact-card.query.js";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A number for reading: grouped thousands, up to six decimals (1730000 → "1,730,000"). */
export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** A unit for reading after a number: PERCENT as "%", everything else as recorded. */
export function formatUnit(unit: string): string {
  return unit === "PERCENT" ? "%" : unit;
}

/** A number with its unit: "1,730,000 jobs", "4.1%". */
export function withUnit(n: number, unit: string): string {
  const u = formatUnit(unit);
  return u === "%" ? `${formatNumber(n)}%` : `${formatNumber(n)} ${u}`;
}

/**
 * The interval a value implies, in mathematical notation with the unit: "(1,730,000, ∞)
 * jobs" for "more than 1.73 million"; an unbounded side is always open.
 */
export function formatInterval(value: CardStatistic["value"]): string {
  const lower = value.lowerBound === null ? "−∞" : formatNumber(value.lowerBound);
  const upper = value.upperBound === null ? "∞" : formatNumber(value.upperBound);
  const open = value.lowerBound !== null && value.lowerInclusive ? "[" : "(";
  const close = value.upperBound !== null && value.upperInclusive ? "]" : ")";
  if (value.lowerBound !== null && value.lowerBound === value.upperBound) return `exactly ${withUnit(value.lowerBound, value.unit)}`;
  return `${open}${lower}, ${upper}${close} ${formatUnit(value.unit)}`;
}

/** The interval in words: "more than 1,730,000 jobs", "between 9 and 11 (inclusive)". */
export function describeInterval(value: CardStatistic["value"]): string {
  const { lowerBound: lo, upperBound: hi, unit } = value;
  if (lo !== null && hi !== null) {
    if (lo === hi) return `exactly ${withUnit(lo, unit)}`;
    const ends = value.lowerInclusive && value.upperInclusive ? "both included" : !value.lowerInclusive && !value.upperInclusive ? "both excluded" : value.lowerInclusive ? "lower end included" : "upper end included";
    return `between ${formatNumber(lo)} and ${withUnit(hi, unit)} (${ends})`;
  }
  if (lo !== null) return `${value.lowerInclusive ? "at least" : "more than"} ${withUnit(lo, unit)}, no upper bound`;
  if (hi !== null) return `${value.upperInclusive ? "at most" : "less than"} ${withUnit(hi, unit)}, no lower bound`;
  return "unbounded";
}

/** How the source qualified the number, in words. */
export const COMPARATOR_LABELS: Readonly<Record<string, string>> = {
  EQUAL: "stated as a flat figure",
  APPROXIMATELY: "stated as approximate",
  MORE_THAN: "stated as exceeding the amount",
  AT_LEAST: "stated as the amount or more",
  LESS_THAN: "stated as below the amount",
  AT_MOST: "stated as the amount or less",
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
