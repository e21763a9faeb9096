/**
 * Numbers written for people, in English or Chinese, by `Intl.NumberFormat`: the one piece
 * every human-readable figure of the API is built on (`value.display`, the agreement reasons'
 * "1.05 trillion", the fact card and the charts). Large numbers take the scale words readers
 * use — "1.05 trillion" and "433.8 billion" in English, "1.05万亿" and "9610亿" in Chinese (万,
 * 亿, 万亿) — or short ones for charts ("1.05 tn"). A figure keeps exactly the digits it was
 * written with: its precision (the place value of its last written digit) gives the number of
 * significant digits, so nothing is rounded that the source did not round. Bounds of a
 * computed interval can be rounded outwards (floor, ceil) so that the words stay true.
 */

/** The language a figure is written in. */
export type DisplayLanguage = "EN" | "ZH";

/** Words for reading ("1.05 trillion") or the short form for charts ("1.05 tn"). */
export type DisplayForm = "WORDS" | "SHORT";

/** How one number is written. */
export interface NumberStyle {
  readonly language: DisplayLanguage;
  readonly form: DisplayForm;
  /** Place value of the last digit written (1e8 for "433.8 billion"); absent: every digit the number has, up to `maxDigits`. */
  readonly precision?: number | null;
  /** How to round when digits must go: to nearest (halves away from zero), or outwards for bounds. */
  readonly rounding?: "halfExpand" | "floor" | "ceil";
  /** Significant digits kept when there is no precision (15, the digits a double holds, by default). */
  readonly maxDigits?: number;
}

/** From which size numbers take a scale word: millions in English, 万 (10,000) in Chinese. */
const COMPACT_FROM: Readonly<Record<DisplayLanguage, number>> = { EN: 1e6, ZH: 1e4 };

/** Short scale words for charts, in place of Intl's one-letter English ones. */
const SHORT_SCALE: Readonly<Record<string, string>> = { K: " k", M: " m", B: " bn", T: " tn" };

/** The decimal exponent of a number (11 for 433,800,000,000), read from its own digits. */
function exponentOf(x: number): number {
  return x === 0 ? 0 : Number(Math.abs(x).toExponential().split("e")[1]);
}

/**
 * The significant digits of `amount` written to `precision`: "433.8 billion" (precision 1e8)
 * has 4, "1 trillion" (1e12) 1, "4.1%" (0.1) 2. Between 1 and 21, as Intl allows.
 */
export function significantDigits(amount: number, precision: number): number {
  const digits = exponentOf(amount) - Math.round(Math.log10(precision)) + 1;
  return Math.min(21, Math.max(1, digits));
}

const FORMATS = new Map<string, Intl.NumberFormat>();

type Rounding = NonNullable<NumberStyle["rounding"]>;

/** One Intl.NumberFormat per set of options, made once (constructing one costs far more than using it). */
function numberFormat(language: DisplayLanguage, compact: "long" | "short" | null, digits: { min: number; max: number } | { maxFraction: number }, rounding: Rounding): Intl.NumberFormat {
  const key = `${language}|${compact}|${JSON.stringify(digits)}|${rounding}`;
  let f = FORMATS.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions = {
      ...(compact ? { notation: "compact", compactDisplay: compact } : {}),
      ...("min" in digits ? { minimumSignificantDigits: digits.min, maximumSignificantDigits: digits.max } : { maximumFractionDigits: digits.maxFraction }),
      roundingMode: rounding,
    };
    f = new Intl.NumberFormat(language === "ZH" ? "zh-CN" : "en-US", options);
    FORMATS.set(key, f);
  }
  return f;
}

/** The formatter for `x` in `style` (both ends of a range use the larger end's). */
function formatterFor(x: number, style: NumberStyle): Intl.NumberFormat {
  const compactSize = Math.abs(x) >= COMPACT_FROM[style.language];
  const compact = !compactSize ? null : style.language === "EN" && style.form === "SHORT" ? "short" : "long";
  const rounding = style.rounding ?? "halfExpand";
  if (style.precision != null && style.precision > 0) {
    const d = significantDigits(x, style.precision);
    // Trailing zeros after the point are dropped ("961 billion", not "961.0 billion"): the digits
    // that carry the precision before the point are kept by Intl either way ("9610亿").
    return numberFormat(style.language, compact, { min: 1, max: d }, rounding);
  }
  if (compact || style.maxDigits !== undefined) return numberFormat(style.language, compact, { min: 1, max: style.maxDigits ?? 15 }, rounding);
  // Below the scale words, whole numbers from 100 up and two decimals below: "54,945", "121.5".
  return numberFormat(style.language, null, { maxFraction: Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 || x === 0 ? 2 : 4 - exponentOf(x) - 1 }, rounding);
}

/** Intl's parts, with the English short scale letters made readable ("1.05 tn"). */
function written(parts: readonly { readonly type: string; readonly value: string }[], style: NumberStyle): string {
  return parts.map((p) => (p.type === "compact" && style.language === "EN" && style.form === "SHORT" ? (SHORT_SCALE[p.value] ?? p.value) : p.value)).join("");
}

/**
 * A number for people: "1.05 trillion", "433.8 billion", "54,945", "4.1" in English words;
 * "1.05 tn" in the short form; "1.05万亿", "9610亿", "173万" in Chinese. ∞ stays "∞".
 */
export function formatFigure(x: number, style: NumberStyle): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  return written(formatterFor(x, style).formatToParts(x === 0 ? 0 : x), style);
}

/**
 * A range written once, with its scale word shared where Intl shares it: "1–1.2 trillion",
 * "30–60", "1-1.2万亿". Both ends keep the digits of `style` (each to its own precision).
 */
export function formatFigureRange(lo: number, hi: number, style: NumberStyle): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return `${formatFigure(lo, style)}–${formatFigure(hi, style)}`;
  const f = formatterFor(Math.max(Math.abs(lo), Math.abs(hi)), style.precision ? { ...style, precision: null, maxDigits: Math.max(significantDigits(lo, style.precision), significantDigits(hi, style.precision)) } : style);
  return written(f.formatRangeToParts(lo, hi), style);
}

/**
 * A number with every digit it has (up to 15 significant, which drops floating-point noise),
 * grouped in thousands: the mantissa of "433.75 billion" is 433.75.
 */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  return numberFormat("EN", null, { min: 1, max: 15 }, "halfExpand").format(x === 0 ? 0 : x);
}
