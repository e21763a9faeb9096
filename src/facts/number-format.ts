/**
 * Numbers and intervals written for people: thousands separators (en-US), a sensible number of
 * decimals, and rounding that never turns a true statement into a false one. A lower bound of
 * 54,945.05… is written "> 54,945": rounding down an open lower bound keeps it true, and the
 * reader is not asked to trust digits that carry no information.
 */
import type { Comparator, Interval } from "./interval.js";
import { plainNumber } from "./human-number.js";
import { isEmpty } from "./interval.js";
import { STANDARD_UNITS } from "./unit-catalog.js";

/**
 * How many decimals a number is shown with: none from 100 up (counts of sessions, yuan),
 * two from 1 up (percentages such as 121.5, multiples such as 2.22), four significant digits
 * below 1.
 */
function displayDecimals(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a) || a >= 100) return 0;
  if (a >= 1 || a === 0) return 2;
  return Math.min(12, 3 - Math.floor(Math.log10(a)));
}

/** A number with thousands separators and `displayDecimals` decimals, rounded to nearest; ∞ for infinities. */
export function formatNumber(x: number, decimals = displayDecimals(x)): string {
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "-∞";
  return numberFormat(decimals).format(x === 0 ? 0 : x);
}

/**
 * One formatter per number of decimals, made once: constructing an Intl.NumberFormat costs
 * far more than formatting with it, and a comparison's reason formats many numbers.
 */
const FORMATS = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let f = FORMATS.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals });
    FORMATS.set(decimals, f);
  }
  return f;
}

/** A number as written, with thousands separators and every decimal it has (433.8, 224.5, 10,000,000). */
export function exactNumber(x: number): string {
  return formatNumber(x, Math.max(displayDecimals(x), decimalsOf(x)));
}

/** The words for a stated value: "more than 50,000", "about 1,000,000,000,000", "433,800,000,000"; `upper` ends a BETWEEN range. */
export function describeStated(comparator: Comparator, amount: number, upper: number | null = null, number: (x: number) => string = exactNumber): string {
  const n = number(amount);
  switch (comparator) {
    case "BETWEEN":
      return `between ${n} and ${number(upper ?? amount)}`;
    case "EQUAL":
      return n;
    case "APPROXIMATELY":
      return `about ${n}`;
    case "MORE_THAN":
      return `more than ${n}`;
    case "AT_LEAST":
      return `at least ${n}`;
    case "LESS_THAN":
      return `less than ${n}`;
    case "AT_MOST":
      return `at most ${n}`;
  }
}

/**
 * A stated value with its unit, for reasons: "more than 20,000,000 sessions", "121.5%",
 * "about 2,000,000,000,000 yuan", "2 times", "2.5 percentage points".
 */
export function describeAmount(comparator: Comparator, amount: number, unit: string, upper: number | null = null): string {
  if (unit === CALENDAR_YEAR) return describeStated(comparator, amount, upper, yearNumber);
  return withUnit(describeStated(comparator, amount, upper), unit);
}

/**
 * A stated value for people reading a sentence: millions, billions and trillions in words with
 * every digit the figure has ("1.05 trillion yuan", "643 million yuan", "more than 10 million
 * sessions"), smaller numbers in full ("4.1%", "20,000 sessions/day"), a year as a year.
 */
export function describeHuman(comparator: Comparator, amount: number, unit: string, upper: number | null = null): string {
  if (unit === CALENDAR_YEAR) return describeStated(comparator, amount, upper, yearNumber);
  return withUnit(describeStated(comparator, amount, upper, humanNumber), unit);
}

/** The unit of a value that is a year ("founded in 2017"): printed as the year itself. */
export const CALENDAR_YEAR = "calendar-year";

/** A year as it is written: no thousands separator. */
function yearNumber(x: number): string {
  return String(x);
}

const SCALES: readonly (readonly [number, string])[] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * A number in the words news uses for large amounts, with every digit it has: 1.05e12 is
 * "1.05 trillion", 433.8e9 "433.8 billion", 643e6 "643 million"; below a million in full
 * (54,945; 4.1); `scale` forces the scale word of another number (to write a range alike).
 */
export function humanNumber(x: number, scale: number = scaleOf(x)): string {
  const { digits, word } = humanParts(x, scale);
  return word === "" ? digits : `${digits} ${word}`;
}

/** `humanNumber` in two parts: the digits ("433.75") and the scale word ("billion", or "" below a million). */
export function humanParts(x: number, scale: number = scaleOf(x)): { readonly digits: string; readonly word: string } {
  if (!Number.isFinite(x) || scale === 1) return { digits: Number.isFinite(x) ? exactNumber(x) : formatNumber(x), word: "" };
  // The mantissa with every digit it has (Intl keeps 15 significant digits, so the noise of
  // dividing by the scale never shows): the same writing as value.display's (human-number.ts).
  return { digits: plainNumber(x / scale), word: SCALES.find(([f]) => f === scale)![1] };
}

/** The factor of the scale word a number is written with: 1e12, 1e9, 1e6, or 1 below a million. */
export function scaleOf(x: number): number {
  const a = Math.abs(x);
  return SCALES.find(([f]) => a >= f)?.[0] ?? 1;
}

/**
 * A unit as readers write it: PERCENT as "%", percentage-points as "percentage points", a
 * currency by its name ("yuan", "US dollars", also in rates: "yuan/day"), others as recorded.
 */
export function unitName(unit: string): string {
  if (unit === "PERCENT") return "%";
  if (unit === CALENDAR_YEAR) return "";
  if (unit === "percentage-points") return "percentage points";
  const [head, ...per] = unit.split("/");
  const currency = STANDARD_UNITS.get(head!);
  return currency?.kind === "CURRENCY" ? [currency.plural, ...per].join("/") : unit;
}

/** A number (or phrase ending in one) followed by its unit, with "%" written the usual way. */
export function withUnit(text: string, unit: string): string {
  if (unit === "PERCENT") return `${text}%`;
  return unit === "" || unit === CALENDAR_YEAR ? text : `${text} ${unitName(unit)}`;
}

/**
 * An interval as a relation a value satisfies, for explanations: "> 54,945", "≥ 10", "< 3",
 * "= 182", "is between 49,450 and 60,440", "≈ 0.33". Bounds are rounded outwards, so the
 * words are implied by the interval; a bound that rounding moved becomes strict.
 * `minDecimals` keeps as many decimals as the figure it is compared with ("≈ 121.5", not "≈ 122").
 */
export function formatRelation(a: Interval, minDecimals = 0): string {
  if (isEmpty(a)) return "has no possible value";
  const dec = (x: number) => Math.max(displayDecimals(x), minDecimals);
  const loFinite = Number.isFinite(a.lo);
  const hiFinite = Number.isFinite(a.hi);
  if (loFinite && hiFinite && a.lo === a.hi) {
    const d = dec(a.lo);
    return `${isExact(a.lo, d) ? "=" : "≈"} ${formatNumber(a.lo, d)}`;
  }
  if (loFinite && !hiFinite) return lowerBound(a.lo, a.loOpen, dec(a.lo));
  if (!loFinite && hiFinite) return upperBound(a.hi, a.hiOpen, dec(a.hi));
  if (!loFinite && !hiFinite) return "can be any value";
  return `is between ${formatNumber(roundDown(a.lo, dec(a.lo)), dec(a.lo))} and ${formatNumber(roundUp(a.hi, dec(a.hi)), dec(a.hi))}`;
}

/** An interval in mathematical notation with rounded ends, for error messages: "(10,000,000, ∞)", "[5, 10]", "182". */
export function formatInterval(a: Interval): string {
  if (isEmpty(a)) return "∅";
  if (a.lo === a.hi) return formatNumber(a.lo);
  return `${a.loOpen ? "(" : "["}${formatNumber(a.lo)}, ${formatNumber(a.hi)}${a.hiOpen ? ")" : "]"}`;
}

function lowerBound(lo: number, open: boolean, d: number): string {
  const r = roundDown(lo, d);
  if (isExact(lo, d)) return `${open ? ">" : "≥"} ${formatNumber(lo, d)}`;
  return `> ${formatNumber(r, d)}`;
}

function upperBound(hi: number, open: boolean, d: number): string {
  const r = roundUp(hi, d);
  if (isExact(hi, d)) return `${open ? "<" : "≤"} ${formatNumber(hi, d)}`;
  return `< ${formatNumber(r, d)}`;
}

/** Rounds down to `d` decimals (values already on that grid stay as they are). */
function roundDown(x: number, d = displayDecimals(x)): number {
  if (isExact(x, d)) return x;
  const f = 10 ** d;
  return Math.floor(x * f) / f;
}

/** Rounds up to `d` decimals (values already on that grid stay as they are). */
function roundUp(x: number, d = displayDecimals(x)): number {
  if (isExact(x, d)) return x;
  const f = 10 ** d;
  return Math.ceil(x * f) / f;
}

// Binary floating point makes 1.215 * 100 = 121.49999…; values that close to the grid are on it.
function isExact(x: number, decimals: number): boolean {
  const scaled = x * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-12 * Math.max(1, Math.abs(scaled));
}

/** Decimals a stated amount is written with, so that "4.15" is not shown as "4.2". */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return 0;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}
