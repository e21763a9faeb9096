/**
 * Numbers that are not figures: a year ("in 2020"), a date ("June 18", "6月18日"), the name
 * of a festival ("618", "Double 11", "双11", "11.11"), a telephone number, a rank ("the top
 * 15", "前十", "No. 1"), an ordinal ("1st") or part of a name ("5G", "COVID-19"). A reader
 * skips them; the check lists them with the reason, so a reader can see why they were left out.
 */
import type { NumberMention } from "./claim-numbers.js";
import type { Span } from "./claim-text.js";

/** Why a number of the claim is not a figure. */
export type IgnoredReason = "YEAR" | "DATE" | "EVENT_NAME" | "PHONE_NUMBER" | "RANK" | "ORDINAL" | "PART_OF_NAME";

const MONTHS = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?";
const MONTH_BEFORE = new RegExp(`\\b${MONTHS}\\s+(?:of\\s+)?$`, "i");
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\b`, "i");

/**
 * The spans of telephone numbers: digit groups joined by spaces or hyphens (three groups or
 * more, "+86 10 6512 3456", "400-800-8888"), a bracketed area code, "010-65123456", an
 * 11-digit Chinese mobile number, or digits after a word such as "tel", "call" or 电话.
 */
export function phoneSpans(text: string): Span[] {
  const out: Span[] = [];
  const patterns = [
    /(?<![\d,.])\+?\d{1,4}(?:[ \-]\d{2,4}){2,}(?![\d,.])/g,
    /\(\d{2,4}\)\s?\d{3,4}[ \-]?\d{3,4}/g,
    /(?<![\d,.])0\d{2,3}-\d{7,8}(?![\d,.])/g,
    /(?<![\d,.])1[3-9]\d{9}(?![\d,.])/g,
    /(?:\b(?:tel|phone|telephone|call|hotline|fax)\b\.?:?\s*|(?:电话|热线|致电|拨打|联系电话)[:：]?\s*)(\+?[\d][\d \-]{5,}\d)/gi,
  ];
  for (const re of patterns) {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const digits = m[1] ?? m[0];
      const start = m.index + m[0].length - digits.length;
      // A run of years ("2019-2020-2021") or a range is not a telephone number.
      if (/^(?:(?:19|20)\d\d[ \-]?)+$/.test(digits.trim())) continue;
      if (out.some((o) => start < o.end && start + digits.length > o.start)) continue;
      out.push({ start, end: start + digits.length });
    }
  }
  return out;
}

/**
 * Why a number mention is not a figure, judging by the words around it; null when it may be
 * one. A bare year is decided later, once the unit is known ("2020 hosts" is a count).
 */
export function trapOf(text: string, m: NumberMention, phones: readonly Span[]): IgnoredReason | null {
  if (phones.some((p) => m.start < p.end && m.end > p.start)) return "PHONE_NUMBER";
  if (m.form === "MULTIPLE_WORD" || m.form === "NONE") return null;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 16);
  if (m.form === "DIGITS") {
    if (/[\p{L}]-?$/u.test(before) && !/[\p{Script=Han}$¥￥]-?$/u.test(before) && !/\b(?:RMB|CNY|USD|US|HK)-?$/.test(before)) return "PART_OF_NAME";
    if (/^(?:st|nd|rd|th)\b/i.test(after)) return "ORDINAL";
    if (/^[A-Za-z]/.test(after) && !m.scaled) return "PART_OF_NAME";
    if (/\d{4}-\d{1,2}-\d{1,2}$/.test(text.slice(Math.max(0, m.start - 11), m.end)) || /^-\d{1,2}-\d{1,2}\b/.test(after)) return "DATE";
    if (/^\s*[月日号]/.test(after) && !m.scaled) return "DATE";
    if (/[年月]$/.test(before) && /^\s*[月日号]/.test(after)) return "DATE";
    if (!m.scaled && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return m.text.length === 4 ? "YEAR" : "DATE";
    if (!m.scaled && /^\s*年/.test(after) && !/^\s*年(?:间|内|里)/.test(after)) return "YEAR";
    if (/(?:双|double\s?)$/i.test(before) && m.text === "11") return "EVENT_NAME";
    if (m.text === "11.11" || (m.text === "618" && !/^\s*(?:%|％|percent|[元亿万倍])/i.test(after))) return "EVENT_NAME";
  }
  // "The top 15", "No. 1", 前十: a rank. "To top 1 trillion" is a verb, and a scaled amount is never a rank.
  if (!m.scaled && /(?:\btop|\bNo\.|\bnumber|#|\branked|\bthe\s+first|前|第|排名)\s*$/i.test(before) && !/\bto\s+top\s*$/i.test(before)) return "RANK";
  return null;
}

/**
 * Whether a figure read with no unit is a year: four digits from 1900 to 2099 written plainly
 * (no separator, decimals or scale), or any number just before 年.
 */
export function isBareYear(text: string, m: NumberMention): boolean {
  return m.form === "DIGITS" && !m.scaled && /^(?:19|20)\d\d$/.test(m.text);
}
