/**
 * The precision a figure is written to: the place value of its last written digit. "2 billion"
 * is written to units of a billion (1e9), "1.05 trillion" to hundredths of a trillion (1e10),
 * "10%" to units (1), "9610亿" to units of 亿 (1e8), "8.6%" to tenths (0.1). A stated figure
 * stands for every value that rounds to it, so precision decides what a flat figure means.
 *
 * Precision comes, in this order, from the editor (`value.precision`), from the figure's words
 * as written (`valueAsWritten`), or from the amount itself written the way English news writes
 * large numbers (millions, billions, trillions with their decimals; smaller numbers in full).
 */
import { clean, plainDecimal } from "./interval.js";

/** Scale words and their factors, longest first so that 万亿 is read before 亿 and 万. */
const SCALE_WORDS: readonly (readonly [RegExp, number])[] = [
  [/^(?:万亿|兆)/, 1e12],
  [/^(?:trillion|tn|tr)\b/i, 1e12],
  [/^千亿/, 1e11],
  [/^百亿/, 1e10],
  [/^(?:billion|bn|bln)\b/i, 1e9],
  [/^十亿/, 1e9],
  [/^亿/, 1e8],
  [/^千万/, 1e7],
  [/^百万/, 1e6],
  [/^(?:million|mn|mln|m)\b/i, 1e6],
  [/^十万/, 1e5],
  [/^万/, 1e4],
  [/^(?:thousand|k)\b/i, 1e3],
  [/^千/, 1e3],
];

/** A number as written in words: its digits, how many decimals they have, and the scale word after them. */
export interface WrittenNumber {
  /** The value the words stand for (digits × scale). */
  readonly value: number;
  /** The place value of the last written digit. */
  readonly precision: number;
}

/**
 * Every number written in `words` ("about 1.05 trillion yuan", "9,610亿元", "over 40%") with
 * the precision its digits give, in order. Thousands separators are read as such; a scale word
 * directly after the digits multiplies both the value and the precision.
 */
export function writtenNumbers(words: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  const re = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
  for (let m = re.exec(words); m !== null; m = re.exec(words)) {
    const integer = m[1]!.replace(/,/g, "");
    const decimals = m[2] ?? "";
    const rest = words.slice(m.index + m[0].length).replace(/^\s+/, "");
    const scale = SCALE_WORDS.find(([word]) => word.test(rest))?.[1] ?? 1;
    const value = Number(`${integer}${decimals ? `.${decimals}` : ""}`) * scale;
    out.push({ value: clean(value), precision: clean(10 ** -decimals.length * scale) });
  }
  return out;
}

/**
 * The precision of `amount` as written in `words`, when the words write it (a number in them,
 * times its scale word, equals the amount); null otherwise ("doubled", "2.2-fold" for 121.5%).
 */
export function precisionFromWords(words: string, amount: number): number | null {
  const found = writtenNumbers(words).find((n) => sameNumber(n.value, Math.abs(amount)));
  return found ? found.precision : null;
}

/**
 * The precision of an amount written the way English news writes it: from a million up, in
 * millions, billions or trillions with the decimals it needs ("433.8 billion": 1e8); below, in
 * full with its decimals ("4.1": 0.1, "20,000": 1).
 */
export function defaultPrecision(amount: number): number {
  const a = Math.abs(amount);
  if (a === 0 || !Number.isFinite(a)) return 1;
  const scale = a >= 1e12 ? 1e12 : a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1;
  const mantissa = plainDecimal(Number((a / scale).toPrecision(12)));
  const dot = mantissa.indexOf(".");
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return clean(10 ** -decimals * scale);
}

/** Whether `precision` is a usable precision for `amount`: positive, and the amount a whole number of it. */
export function fitsPrecision(amount: number, precision: number): boolean {
  if (!(precision > 0) || !Number.isFinite(precision)) return false;
  const q = amount / precision;
  return Math.abs(q - Math.round(q)) <= 1e-6 * Math.max(1, Math.abs(q));
}

/**
 * `amount` rounded to a multiple of `precision`, halves away from zero, as a reader rounds
 * ("1.95" to tenths... "2.5 billion" to billions is 3 billion). Floating-point noise of the
 * division is ignored, so 0.15 / 0.1 rounds to 2, not 1.
 */
export function roundTo(amount: number, precision: number): number {
  const q = Math.abs(amount) / precision;
  const r = Math.floor(q + 0.5 + 1e-9);
  return clean(Math.sign(amount) * r * precision);
}

/** Whether two numbers are equal up to floating-point noise (relative 1e-9). */
export function sameNumber(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}
