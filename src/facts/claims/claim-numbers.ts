/**
 * Every number written in a claim, before deciding which are figures: digits with their
 * scale word ("1.73 million", "1.2tn", "9610亿", "3.5万亿"), English number words ("nine",
 * "twenty-five", "two million", "a billion"), Chinese numerals with a unit character
 * ("一千七百万", "两倍"), and the words that state a multiple ("doubled", "翻了一番").
 * The digits as written give the precision (src/facts/precision.ts reads them).
 */
import { clean } from "../interval.js";
import { writtenNumbers } from "../precision.js";
import type { Span } from "./claim-text.js";

/** How a number is written. */
export type NumberForm = "DIGITS" | "WORDS" | "CHINESE" | "MULTIPLE_WORD" | "NONE";

/** A number in the text: its span (UTF-16), the value with any scale word applied, and the precision of its last written digit. */
export interface NumberMention extends Span {
  readonly text: string;
  readonly value: number;
  readonly precision: number;
  readonly form: NumberForm;
  /** Whether a scale word (million, 亿, ...) follows the digits. */
  readonly scaled: boolean;
  /** Set when 余 or 多 sits between the digits and the scale ("170余万": more than 1.7 million). */
  readonly moreThan?: boolean;
  /** For multiple words ("doubled"): the value is a multiple, in times. */
  readonly multiple?: boolean;
}

const SCALE = String.raw`(?:万亿|兆|千亿|百亿|十亿|亿|千万|百万|十万|万|千|trillion|tn|tr|billion|bn|bln|million|mn|mln|m|thousand|k)`;
const DIGITS = new RegExp(String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(余|多)?\s*${SCALE}(?![A-Za-z]))?`, "giu");

const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const WORD_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const WORD_NUMBER = new RegExp(
  String.raw`\b(?:(a|${SMALL.join("|")}|(?:${TENS.join("|")})(?:-(?:${SMALL.slice(1, 10).join("|")}))?)(?:\s+(hundred|thousand|million|billion|trillion))?)\b`,
  "gi",
);
const MULTIPLE_WORDS: readonly (readonly [RegExp, number])[] = [
  [/\bdoubled\b/gi, 2],
  [/\btripled\b/gi, 3],
  [/\btrebled\b/gi, 3],
  [/\bquadrupled\b/gi, 4],
  [/\bhalved\b/gi, 0.5],
  [/翻了?两番/g, 4],
  [/翻了?一番|翻番/g, 2],
];
const CHINESE_RUN = /[零〇一二两三四五六七八九十百千万亿](?:[零〇一二两三四五六七八九十百千万亿]|点(?=[零〇一二三四五六七八九]))*/g;

/** Every number mention of the text, in order; overlapping readings keep the first and longest. */
export function numberMentions(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const re of [DIGITS, WORD_NUMBER, CHINESE_RUN, ...MULTIPLE_WORDS.map(([r]) => r)]) re.lastIndex = 0;
  for (let m = DIGITS.exec(text); m !== null; m = DIGITS.exec(text)) found.push(digitMention(m));
  for (let m = WORD_NUMBER.exec(text); m !== null; m = WORD_NUMBER.exec(text)) {
    const w = wordMention(m);
    if (w) found.push(w);
  }
  for (const [re, value] of MULTIPLE_WORDS) {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], value, precision: value < 1 ? 0.1 : 1, form: "MULTIPLE_WORD", scaled: false, multiple: true });
    }
  }
  for (let m = CHINESE_RUN.exec(text); m !== null; m = CHINESE_RUN.exec(text)) {
    const c = chineseMention(text, m.index, m[0]);
    if (c) found.push(c);
  }
  found.push(...noneMentions(text));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NumberMention[] = [];
  for (const f of found) if (!out.some((o) => f.start < o.end && f.end > o.start)) out.push(f);
  return out;
}

function digitMention(m: RegExpExecArray): NumberMention {
  const textOf = m[0];
  const more = m[2] !== undefined;
  const readable = more ? textOf.replace(/\s*[余多]\s*/, "") : textOf;
  const n = writtenNumbers(readable)[0]!;
  return {
    start: m.index,
    end: m.index + textOf.length,
    text: textOf,
    value: n.value,
    precision: n.precision,
    form: "DIGITS",
    scaled: /[^\d.,\s]/.test(readable),
    ...(more ? { moreThan: true } : {}),
  };
}

function wordMention(m: RegExpExecArray): NumberMention | null {
  const head = m[1]!.toLowerCase();
  const scaleWord = m[2]?.toLowerCase();
  // "a" and "one" are numbers only with a scale word ("a million", "one billion"): alone they are articles and pronouns.
  if ((head === "a" || head === "one") && !scaleWord) return null;
  if (head === "zero" && !scaleWord) return null;
  const base = head === "a" ? 1 : wordValue(head);
  const scale = scaleWord ? WORD_SCALES[scaleWord]! : 1;
  return { start: m.index, end: m.index + m[0].length, text: m[0], value: clean(base * scale), precision: scale, form: "WORDS", scaled: scale > 1 };
}

function wordValue(word: string): number {
  const [tens, unit] = word.split("-");
  const t = TENS.indexOf(tens!);
  if (t >= 0) return (t + 2) * 10 + (unit ? SMALL.indexOf(unit) : 0);
  return SMALL.indexOf(word);
}

/**
 * A run of Chinese numerals read as a number, or null when it is more likely part of a word:
 * it must hold a digit character (or start with 十), must not start with a unit character
 * (万一, 千万 "by all means"), and must not be 十分 ("very") or follow 第 or 双 (an ordinal,
 * 双十一). A run without a unit character counts only with a decimal point (四点一), after
 * 百分之 or before 倍 ("两倍", twice). Decimals after 点 are digits: 四点一 is 4.1.
 */
function chineseMention(text: string, start: number, run: string): NumberMention | null {
  const after = text[start + run.length] ?? "";
  const before = text[start - 1] ?? "";
  if (!/[一二两三四五六七八九]/.test(run) && !run.startsWith("十")) return null;
  if (/^[百千万亿]/.test(run) || after === "分" || before === "第" || before === "双" || after === "番") return null;
  if (!/[十百千万亿点]/.test(run) && after !== "倍" && !text.slice(0, start).endsWith("百分之")) return null;
  const [whole, decimals = ""] = run.split("点");
  const integer = chineseValue(whole!);
  const DIGIT = "零一二三四五六七八九";
  if (integer === null || [...decimals].some((d) => !DIGIT.includes(d))) return null;
  const fraction = decimals ? Number(`0.${[...decimals].map((d) => DIGIT.indexOf(d)).join("")}`) : 0;
  const value = clean(integer + fraction);
  const precision = decimals ? clean(10 ** -decimals.length) : trailingPlace(integer);
  return { start, end: start + run.length, text: run, value, precision, form: "CHINESE", scaled: /[万亿]/.test(run) };
}

/** The value of Chinese numerals ("三亿五千万" is 350,000,000; "十二万" 120,000); null when malformed. */
export function chineseValue(run: string): number | null {
  const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in SMALL_UNIT) {
      section += (digit || 1) * SMALL_UNIT[ch]!;
      digit = 0;
    } else if (ch === "万") {
      total += (section + digit) * 1e4;
      section = digit = 0;
    } else if (ch === "亿") {
      total = (total + section + digit) * 1e8;
      section = digit = 0;
    } else return null;
  }
  return total + section + digit;
}

/** The place value of the last non-zero digit of a whole number (17,300,000 is written to 100,000). */
function trailingPlace(value: number): number {
  if (value === 0 || !Number.isInteger(value)) return 1;
  let p = 1;
  while (value % (p * 10) === 0) p *= 10;
  return p;
}

/**
 * "None" as the number zero, when it answers a count ("compared with none in June 2019",
 * "from none"): after with, from or to. Elsewhere "none" is a pronoun.
 */
function noneMentions(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const re = /\b(?:with|from|to)\s+(none)\b/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length - 4;
    out.push({ start, end: start + 4, text: m[1]!, value: 0, precision: 1, form: "NONE", scaled: false });
  }
  return out;
}
