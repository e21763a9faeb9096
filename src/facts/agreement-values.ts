/**
 * Judging two stated values of the same thing, in one unit. A stated figure stands for what
 * rounds to it:
 *
 * - Two flat figures agree when the more precise one, rounded to the last digit the other
 *   writes, gives the other ("1.9 billion" rounds to "2 billion"; "8.6%" rounds to 9%, not
 *   "10%"). Two flat figures written to the same precision agree only when they are equal
 *   ("4%" and "5%" never agree).
 * - Otherwise the values are read as intervals (a flat figure as the half-open interval of what
 *   rounds to it, "about" as ±10 %, bounds and ranges as stated): disjoint intervals
 *   CONFLICT; overlapping ones where one side is a bound or a range and the amounts differ are
 *   COMPATIBLE; the rest AGREE.
 *
 * Amounts an order of magnitude apart are flagged whatever the verdict: such a gap more often
 * means another measure (definition, scope or unit) than a disagreement or a confirmation.
 */
import {
  type Interval,
  type StatedValue,
  clean,
  contains,
  intersect,
  isBound,
  overlaps,
  readingInterval,
  sameInterval,
} from "./interval.js";
import { describeHuman, humanNumber, humanParts, scaleOf, withUnit } from "./number-format.js";
import { roundTo, sameNumber } from "./precision.js";

/** The verdict on two values of the same thing. */
export type ValueVerdict = "AGREES" | "COMPATIBLE" | "CONFLICTS";

/** The factor between two amounts from which a difference more likely means a different measure. */
export const DIFFERENT_MEASURE_FACTOR = 10;

/** Two values judged: the verdict, the sentence why, the intervals compared, and the ratio of the amounts. */
export interface ValueJudgement {
  readonly verdict: ValueVerdict;
  readonly reason: string;
  readonly intervals: { readonly first: Interval; readonly second: Interval };
  /** The larger amount over the smaller (same sign, both non-zero); null otherwise. */
  readonly ratio: number | null;
}

/** Judges `a` against `b` (already in `a`'s unit) by the rules above. */
export function judgeValues(a: StatedValue, b: StatedValue, unit: string): ValueJudgement {
  const first = readingInterval(a);
  const second = readingInterval(b);
  const intervals = { first, second };
  const ratio = amountRatio(a.amount, b.amount);
  const A = quote(describeHuman(a.comparator, a.amount, unit, a.upper));
  const B = quote(describeHuman(b.comparator, b.amount, unit, b.upper));
  const judged = (verdict: ValueVerdict, reason: string): ValueJudgement => ({ verdict, reason: reason + magnitudeNote(ratio), intervals, ratio });

  if (a.comparator === "EQUAL" && b.comparator === "EQUAL") {
    if (sameNumber(a.amount, b.amount)) return judged("AGREES", `Both state ${A.slice(1, -1)}`);
    if (sameNumber(a.precision, b.precision)) {
      return judged(
        "CONFLICTS",
        `${A} and ${B} cannot both hold: both are written to ${precisionWords(a.precision, Math.max(Math.abs(a.amount), Math.abs(b.amount)))} and differ by ${difference(a.amount, b.amount, unit)}`,
      );
    }
    const [fine, coarse, fineWords, coarseWords] = a.precision < b.precision ? [a, b, A, B] : [b, a, B, A];
    const rounded = roundTo(fine.amount, coarse.precision);
    if (flatFiguresAgree(a, b)) {
      return judged("AGREES", `${fineWords} rounds to ${coarseWords}, so the two agree`);
    }
    return judged(
      "CONFLICTS",
      `${A} and ${B} cannot both hold: ${fineWords} rounds to ${quote(describeHuman("EQUAL", rounded, unit))}, not ${coarseWords}; they differ by ${difference(a.amount, b.amount, unit)}`,
    );
  }

  if (!overlaps(first, second)) {
    return judged("CONFLICTS", `${A} and ${B} cannot both hold: ${gapPhrase(first, second, unit)}`);
  }
  const bound = isBound(a.comparator) || isBound(b.comparator);
  const sameStatement = sameNumber(a.amount, b.amount) && (b.upper === a.upper || (a.upper !== null && b.upper !== null && sameNumber(a.upper, b.upper)));
  if (bound && !sameStatement && !sameInterval(first, second)) {
    return judged("COMPATIBLE", compatiblePhrase(A, B, first, second, unit));
  }
  if (sameStatement && a.comparator === b.comparator) return judged("AGREES", `Both state ${A.slice(1, -1)}`);
  if (sameStatement) return judged("AGREES", `${A} and ${B} state the same amount, one as ${formNoun(a)} and one as ${formNoun(b)}`);
  return judged("AGREES", `${A} and ${B} agree within their stated precision: read as ${range(first, unit)} and ${range(second, unit)}, they overlap`);
}

/**
 * Whether two values cannot both hold, by the same rules as `judgeValues` but without writing
 * the reason: for scanning a whole knowledge base for conflicts.
 */
export function valuesConflict(a: StatedValue, b: StatedValue): boolean {
  if (a.comparator === "EQUAL" && b.comparator === "EQUAL") return !flatFiguresAgree(a, b);
  return !overlaps(readingInterval(a), readingInterval(b));
}

/** Whether two flat figures agree: equal, or the more precise rounds to the other at the other's precision. */
function flatFiguresAgree(a: StatedValue, b: StatedValue): boolean {
  if (sameNumber(a.amount, b.amount)) return true;
  if (sameNumber(a.precision, b.precision)) return false;
  const [fine, coarse] = a.precision < b.precision ? [a, b] : [b, a];
  return sameNumber(roundTo(fine.amount, coarse.precision), coarse.amount);
}

/** The larger amount divided by the smaller, for amounts of the same sign; null otherwise. */
export function amountRatio(x: number, y: number): number | null {
  if (x === 0 || y === 0 || Math.sign(x) !== Math.sign(y)) return null;
  const [small, large] = Math.abs(x) < Math.abs(y) ? [Math.abs(x), Math.abs(y)] : [Math.abs(y), Math.abs(x)];
  return large / small;
}

/** The sentence added to any reason when the amounts are an order of magnitude apart; "" otherwise. */
function magnitudeNote(ratio: number | null): string {
  if (ratio === null || ratio < DIFFERENT_MEASURE_FACTOR) return "";
  return `. The amounts differ by a factor of about ${humanNumber(roundSignificant(ratio, 2))}: a gap this large more often means a different measure (another definition, scope or unit) than the same one`;
}

function gapPhrase(first: Interval, second: Interval, unit: string): string {
  const [low, high] = first.hi <= second.lo ? [first, second] : [second, first];
  const gap = clean(high.lo - low.hi);
  if (gap === 0) return `they meet at ${withUnit(humanNumber(low.hi), unit)}, which neither includes`;
  return `read as ${range(first, unit)} and ${range(second, unit)}, they are ${withUnit(humanNumber(gap), diffUnit(unit))} apart`;
}

function compatiblePhrase(A: string, B: string, first: Interval, second: Interval, unit: string): string {
  if (contains(first, second)) return `${B} lies within ${A}: compatible, though the two do not state the same amount`;
  if (contains(second, first)) return `${A} lies within ${B}: compatible, though the two do not state the same amount`;
  return `${A} and ${B} can both hold (for values ${range(intersect(first, second), unit)}), though the two do not state the same amount`;
}

const PLACES: ReadonlyMap<number, string> = new Map([
  [1000, "thousands"],
  [100, "hundreds"],
  [10, "tens"],
  [1, "units"],
  [0.1, "tenths"],
  [0.01, "hundredths"],
  [0.001, "thousandths"],
]);

/** "the same precision (units)", "(tenths)", "(units of a billion)", "(hundredths of a trillion)", in the scale words of `amount`. */
function precisionWords(precision: number, amount: number): string {
  const scale = scaleOf(amount);
  const rel = clean(precision / scale);
  const place = PLACES.get(rel) ?? `multiples of ${humanNumber(rel)}`;
  const of = scale === 1 ? "" : ` of a ${humanParts(scale).word}`;
  return `the same precision (${place}${of})`;
}

/** "1.4 percentage points (16.3% of the smaller)", "100 million yuan (5.3% of the smaller)". */
function difference(x: number, y: number, unit: string): string {
  const diff = clean(Math.abs(x - y));
  const ratio = amountRatio(x, y);
  const share = ratio !== null && ratio < DIFFERENT_MEASURE_FACTOR ? ` (${percentOf(ratio - 1)} of the smaller)` : "";
  const text = withUnit(humanNumber(diff), diffUnit(unit));
  return `${diff === 1 ? text.replace(/ percentage points$/, " percentage point") : text}${share}`;
}

/** A share as a percentage with one decimal, or two significant digits when smaller ("1.2%", "0.023%"). */
function percentOf(share: number): string {
  const pct = share * 100;
  if (pct >= 0.1) return `${humanNumber(Math.round(pct * 10) / 10)}%`;
  return `${humanNumber(roundSignificant(pct, 2))}%`;
}

/** A difference between two percentages is in percentage points, not percent. */
function diffUnit(unit: string): string {
  return unit === "PERCENT" ? "percentage-points" : unit;
}

/** An interval for a sentence, its ends in one scale word: "433.75 to 433.85 billion yuan", "more than 20 million sessions". */
function range(i: Interval, unit: string): string {
  const lo = Number.isFinite(i.lo) ? i.lo : null;
  const hi = Number.isFinite(i.hi) ? i.hi : null;
  if (lo !== null && hi !== null) {
    const scale = scaleOf(Math.max(Math.abs(lo), Math.abs(hi)));
    const [l, h] = [humanParts(clean(lo), scale), humanParts(clean(hi), scale)];
    const word = l.word === "" ? "" : ` ${l.word}`;
    return withUnit(l.digits === h.digits ? `${l.digits}${word}` : `${l.digits} to ${h.digits}${word}`, unit);
  }
  if (lo !== null) return withUnit(`${i.loOpen ? "more than" : "at least"} ${humanNumber(clean(lo))}`, unit);
  if (hi !== null) return withUnit(`${i.hiOpen ? "less than" : "at most"} ${humanNumber(clean(hi))}`, unit);
  return "any value";
}

function formNoun(v: StatedValue): string {
  switch (v.comparator) {
    case "EQUAL":
      return "a flat figure";
    case "APPROXIMATELY":
      return "an approximation";
    case "MORE_THAN":
    case "AT_LEAST":
      return "a lower bound";
    case "LESS_THAN":
    case "AT_MOST":
      return "an upper bound";
    case "BETWEEN":
      return "a range";
  }
}

function roundSignificant(x: number, digits: number): number {
  const p = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return clean(Math.round(x / p) * p);
}

function quote(s: string): string {
  return `"${s}"`;
}
