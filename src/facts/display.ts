/**
 * A figure in words people read, with its comparator and unit: "more than 1 trillion yuan",
 * "about 8.5 billion yuan", "4.1%", "14 hours", "between 30 and 60%"; in Chinese "超过1万亿元",
 * "约85亿元"; and short for charts, "¥1.05 tn", ">¥1 tn", "≈4.1%". Stated values keep the
 * digits they were written with (their precision); computed intervals are rounded outwards,
 * so that "more than 54,945 sessions per day" is still implied by (54,945.05…, ∞).
 * Numbers come from `formatFigure` (human-number.ts), units from the catalog (unit-catalog.ts).
 */
import { type DisplayForm, type DisplayLanguage, type NumberStyle, formatFigure, formatFigureRange } from "./human-number.js";
import type { Comparator, Interval } from "./interval.js";
import type { UnitInfo } from "./unit-catalog.js";

/** The language and form a figure is written in. */
export interface DisplayOptions {
  readonly language: DisplayLanguage;
  readonly form: DisplayForm;
}

/** A value as stated: comparator, amount (and the upper end of a BETWEEN range), precision. */
export interface StatedFigure {
  readonly comparator: Comparator;
  readonly amount: number;
  /** The upper end of a BETWEEN range; null otherwise. */
  readonly upper: number | null;
  /** Place value of the last written digit; null writes every digit the amount has. */
  readonly precision: number | null;
}

type Qualifier = Exclude<Comparator, "EQUAL" | "BETWEEN">;

/** Comparators in words (English, Chinese) and as signs for the short form. */
const QUALIFIERS: Readonly<Record<Qualifier, { readonly en: string; readonly zh: string; readonly sign: string; readonly year: readonly [string, string] }>> = {
  APPROXIMATELY: { en: "about", zh: "约", sign: "≈", year: ["around %", "约%"] },
  MORE_THAN: { en: "more than", zh: "超过", sign: ">", year: ["after %", "%以后"] },
  AT_LEAST: { en: "at least", zh: "至少", sign: "≥", year: ["% or later", "不早于%"] },
  LESS_THAN: { en: "less than", zh: "不到", sign: "<", year: ["before %", "%以前"] },
  AT_MOST: { en: "at most", zh: "最多", sign: "≤", year: ["% or earlier", "不晚于%"] },
};

/**
 * A number (or range) already written, followed by its unit the way the unit's kind is
 * written: "1 trillion yuan" / "¥1 tn" / "1万亿元", "4.1%", "2.2 times" / "2.2×" / "2.2倍",
 * "1.73 million jobs" / "173万个就业岗位". `one` picks the singular ("1 hour").
 */
export function withUnitName(number: string, unit: UnitInfo, options: DisplayOptions, one = false): string {
  const { language, form } = options;
  if (unit.kind === "PERCENT") return `${number}%`;
  if (unit.kind === "CALENDAR_YEAR") return language === "ZH" ? `${number}年` : number;
  if (language === "ZH") {
    if (form === "SHORT" && unit.kind === "CURRENCY" && unit.symbol) return `${unit.symbol}${number}`;
    return `${number}${unit.zh}`;
  }
  if (form === "SHORT") {
    if (unit.kind === "CURRENCY" && unit.symbol) return `${unit.symbol}${number}`;
    if (unit.kind === "MULTIPLE") return `${number}×`;
    const sign = unit.symbol ?? unit.plural;
    return sign === "" ? number : `${number} ${sign}`;
  }
  const name = one ? unit.singular : unit.plural;
  return name === "" ? number : `${number} ${name}`;
}

/** The number style of a stated value. */
function statedStyle(v: StatedFigure, options: DisplayOptions): NumberStyle {
  return { ...options, precision: v.precision };
}

/**
 * A stated value for people: "more than 1 trillion yuan", "about 8.5 billion yuan", "4.1%",
 * "14 hours", "1–1.2 trillion yuan" (a BETWEEN range), "after 2017" (a calendar year);
 * `language: "ZH"` gives "超过1万亿元"; `form: "SHORT"` gives ">¥1 tn".
 */
export function displayValue(v: StatedFigure, unit: UnitInfo, options: DisplayOptions): string {
  if (unit.kind === "CALENDAR_YEAR") return displayYear(v, options);
  const style = statedStyle(v, options);
  if (v.comparator === "BETWEEN") {
    return withUnitName(formatFigureRange(v.amount, v.upper ?? v.amount, style), unit, options);
  }
  const number = formatFigure(v.amount, style);
  const text = withUnitName(number, unit, options, number === "1");
  if (v.comparator === "EQUAL") return text;
  const q = QUALIFIERS[v.comparator];
  if (options.form === "SHORT") return `${q.sign}${text}`;
  return options.language === "ZH" ? `${q.zh}${text}` : `${q.en} ${text}`;
}

/** A year as a year: "2017", "after 2017", "2017年以后", ">2017". */
function displayYear(v: StatedFigure, options: DisplayOptions): string {
  const zh = options.language === "ZH";
  const year = (y: number) => (zh ? `${y}年` : String(y));
  if (v.comparator === "BETWEEN") return zh ? `${year(v.amount)}至${year(v.upper ?? v.amount)}` : `${v.amount}–${v.upper ?? v.amount}`;
  if (v.comparator === "EQUAL") return year(v.amount);
  const q = QUALIFIERS[v.comparator];
  if (options.form === "SHORT") return `${q.sign}${year(v.amount)}`;
  return q.year[zh ? 1 : 0].replace("%", year(v.amount));
}

/** Significant digits kept for a computed bound written with a scale word ("1.049 trillion"). */
const BOUND_DIGITS = 4;

/** A computed bound rounded in `direction`, and whether rounding left it unchanged. */
function bound(x: number, direction: "floor" | "ceil", options: DisplayOptions): { readonly text: string; readonly exact: boolean } {
  const style: NumberStyle = { ...options, precision: null, maxDigits: Math.abs(x) >= (options.language === "ZH" ? 1e4 : 1e6) ? BOUND_DIGITS : undefined };
  const text = formatFigure(x, { ...style, rounding: direction });
  return { text, exact: text === formatFigure(x, { ...style, rounding: direction === "floor" ? "ceil" : "floor" }) };
}

/**
 * An interval of possible values (what a formula gives, or how a stated figure is read) in
 * words that it implies: "more than 54,945 sessions per day" for (54,945.05…, ∞), "at least
 * 10", "between 0.9 and 1.1 trillion yuan", "about 54,945" for a point that had to be
 * rounded. Bounds are rounded outwards; a closed bound that rounding moved reads as strict.
 */
export function displayInterval(interval: Interval, unit: UnitInfo, options: DisplayOptions): string {
  const zh = options.language === "ZH";
  const short = options.form === "SHORT";
  const { lo, hi } = interval;
  if (lo > hi || (lo === hi && (interval.loOpen || interval.hiOpen))) return zh ? "无可能值" : "no possible value";
  const hasLo = Number.isFinite(lo);
  const hasHi = Number.isFinite(hi);
  if (!hasLo && !hasHi) return zh ? "任意值" : "any value";
  const say = (q: Qualifier, number: string) => {
    const text = withUnitName(number, unit, options, number === "1");
    return short ? `${QUALIFIERS[q].sign}${text}` : zh ? `${QUALIFIERS[q].zh}${text}` : `${QUALIFIERS[q].en} ${text}`;
  };
  if (hasLo && hasHi && lo === hi) {
    const low = bound(lo, "floor", options);
    if (low.exact) return withUnitName(low.text, unit, options, low.text === "1");
    return say("APPROXIMATELY", formatFigure(lo, { ...options, maxDigits: Math.abs(lo) >= (zh ? 1e4 : 1e6) ? BOUND_DIGITS : undefined }));
  }
  if (hasLo && hasHi) {
    const a = bound(lo, "floor", options).text;
    const b = bound(hi, "ceil", options).text;
    if (short) return withUnitName(`${a}–${b}`, unit, options);
    return zh ? withUnitName(`${a}至${b}`, unit, options) : `between ${a} and ${withUnitName(b, unit, options)}`;
  }
  if (hasLo) {
    const b = bound(lo, "floor", options);
    return say(interval.loOpen || !b.exact ? "MORE_THAN" : "AT_LEAST", b.text);
  }
  const b = bound(hi, "ceil", options);
  return say(interval.hiOpen || !b.exact ? "LESS_THAN" : "AT_MOST", b.text);
}
